"""Session 15's general mechanisms, each found on a blind set (46–49) and written here in other
words: a title's trip destination the text names only as where the outlet's own people went, and a
relative who escorts someone is not a family being supported."""

from __future__ import annotations

from pipeline.tag.run import tag


def test_a_trip_of_the_outlets_own_people_in_the_title_is_not_the_destinations_story():
    title = "Приёмные семьи съездили на экскурсию в Казань"
    text = (
        "Шесть приёмных семей, которых сопровождает наш центр, на выходных побывали на экскурсии "
        "в Казани. Дети увидели кремль и покатались на теплоходе.\n"
        "Специалисты центра говорят, что такие поездки сближают родителей и детей."
    )
    regions = {hit.iso for hit in tag(text, title=title, home_region_iso="RU-UD").regions}
    assert regions == {"RU-UD"}


def test_a_trip_in_the_title_is_the_destinations_story_when_nobody_of_the_outlet_went():
    title = "Приёмные семьи съездили на экскурсию в Казань"
    text = (
        "Шесть приёмных семей из Татарстана на выходных побывали на экскурсии в Казани. Дети "
        "увидели кремль и покатались на теплоходе."
    )
    regions = {hit.iso for hit in tag(text, title=title, home_region_iso="RU-UD").regions}
    assert "RU-TA" in regions


def test_a_relative_escorting_someone_is_not_a_family_supported():
    escort = tag(
        "С декабря заказать социальное такси можно через портал госуслуг. Услуга доступна "
        "инвалидам I группы. В поездке пользователя может сопровождать один член семьи или "
        "социальный работник.",
        title="Изменился порядок заказа социального такси",
    )
    assert not escort.relevant
    families = tag(
        "Специалисты отделения сопровождают сорок семей группы риска: помогают с документами, "
        "работой и детским садом.",
        title="Отделение сопровождает сорок семей",
    )
    assert families.relevant
