"""Session 22's general mechanisms, each found on blind sets and written here in other words."""

from __future__ import annotations

from pipeline.tag.regions.gazetteer import find_mentions
from pipeline.tag.run import tag


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


CLUB = (
    "В Калининском районе открылся клуб для приёмных семей. Встречи проходят по субботам, их "
    "ведут психологи районного центра социальной помощи семье и детям.\n\n"
    "На первую встречу пришли девять семей, говорили о подготовке детей к школе. Первое "
    "занятие провела приглашённая гостья, психолог из Ростова-на-Дону."
)


def test_one_place_spelt_with_and_without_yo_is_one_entry_with_all_its_subjects():
    # «Артемовск» (a town of Красноярский край, written without ё) and «Артёмовск» (a town of
    # Донецкая Народная Республика) are two towns of one name: both subjects are candidates.
    (mention,) = find_mentions("Семьи из Артёмовска получили сертификаты.")
    assert {"RU-DPR", "RU-KYA"} <= set(mention.isos)


def test_a_city_district_of_the_outlets_city_is_its_subject_not_a_namesake_district_elsewhere():
    # Калининский район is a district of Донецк and of Горловка, and a municipal district of
    # Тверская область: on a Донецк outlet it is home, though the text names another subject (a
    # guest's city); on a Тверь outlet it is Тверская.
    assert "RU-DPR" in regions_of(CLUB, "Клуб приёмных семей", "RU-DPR")
    assert "RU-TVE" in regions_of(CLUB, "Клуб приёмных семей", "RU-TVE")
