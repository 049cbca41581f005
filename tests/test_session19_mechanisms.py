"""Session 19's general mechanisms, each found on blind sets (73, 78, 84, 85 and others) and
written here in other words: a stay away from home (a camp, a sanatorium, a holiday base) is a
venue, «под» a city as well as «в» it, and a subject named right after a venue as where it is;
an interregional event the outlet's region hosts is its own news unless the headline is about
another region's doing there."""

from __future__ import annotations

from pipeline.tag.run import tag


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_camp_near_a_city_of_another_region_is_where_the_home_childrens_stay_was():
    title = "Приёмные дети области отдохнули в лагере под Саратовом"
    text = (
        "Двадцать ребят из приёмных семей Кузнецка и Заречного провели две недели в детском "
        "лагере «Звёздный» под Саратовом. Путёвки оплатил областной минсоцразвития.\n\n"
        "Вожатые занимались с детьми театром и спортом, психолог фонда провёл тренинги. "
        "«Сын вернулся другим человеком», — рассказала приёмная мама из Заречного."
    )
    assert regions_of(text, title, "RU-PNZ") == ["RU-PNZ"]


def test_a_subject_named_right_after_a_venue_as_where_it_lies_is_a_venue_too():
    title = "Многодетные семьи Димитровграда провели каникулы в санатории"
    text = (
        "Двенадцать многодетных семей из Димитровграда провели осенние каникулы в санатории "
        "«Волжские дали» в Ставропольском районе соседней Самарской области. Поездку оплатил "
        "городской фонд поддержки семьи.\n\n"
        "Дети плавали в бассейне, родители занимались с психологом. Фонд обещает повторить "
        "поездку весной."
    )
    assert regions_of(text, title, "RU-ULY") == ["RU-ULY"]


def test_an_interregional_gathering_the_outlets_region_hosts_is_its_own_news():
    title = "Вернулись с межрегионального слёта приёмных семей"
    text = (
        "Межрегиональный слёт приёмных семей Северо-Запада прошёл в Вологде на турбазе. "
        "Приехали семьи из Карелии и Архангельской области, всего девяносто человек.\n\n"
        "Слёт организовали ресурсный центр «Семья» и наш клуб. Дети соревновались в эстафетах, "
        "взрослые обсуждали, как готовить подростков к самостоятельной жизни."
    )
    assert "RU-VLG" in regions_of(text, title, "RU-VLG")


def test_another_regions_work_shown_at_a_national_forum_the_outlets_city_hosts_is_its_news():
    title = "Томский опыт семейного наставничества отметили на всероссийском форуме"
    text = (
        "Специалисты департамента социальной защиты Томской области рассказали на всероссийском "
        "форуме «Семья и дети» в Новосибирске о программе наставничества для выпускников "
        "детских домов.\n\n"
        "За три года в Томской области наставников получили 140 выпускников. Программу "
        "рекомендовали другим регионам."
    )
    assert regions_of(text, title, "RU-NVS") == ["RU-TOM"]


def test_members_agreeing_on_a_summer_camp_together_still_each_take_part():
    title = "Фонды трёх республик договорились о совместной смене для приёмных детей"
    text = (
        "Руководители фондов Хакасии, Тувы и Бурятии подписали соглашение о совместной летней "
        "смене для детей из приёмных семей. Каждая республика направит по двадцать ребят.\n\n"
        "Первая смена пройдёт в июле."
    )
    assert regions_of(text, title, "RU-KK") == ["RU-BU", "RU-KK", "RU-TY"]
