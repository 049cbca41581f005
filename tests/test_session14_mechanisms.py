"""Mechanisms of session 14 (#17), each pinned on a small page or text written here: a site's
footer links to other sites' front pages are not its name, the one name a source's row keeps
says what all its names say (so retag tags as the crawl did), and guests named again by their
region's adjective are the same guests."""

from __future__ import annotations

import datetime

from newsmon.sources.voice import site_name_to_keep
from pipeline.extract.cascade import extract
from pipeline.tag.home_region import names_a_body
from pipeline.tag.run import tag

NOW = datetime.datetime(2025, 11, 28, 18)
MINISTRY_PAGE = (
    "<html><head><title>Выплату продлили — Новости</title></head><body>"
    "<div id='header'><a href='/'><img src='/gerb.png' alt='Герб Астраханской области'></a>"
    "<a href='/'>Министерство социального развития и труда Астраханской области</a></div>"
    "<div class='sidebar'><h4>Полезные ссылки</h4><ul>"
    "<li><a href='https://www.gosuslugi.ru/'>Портал госуслуг</a></li>"
    "<li><a href='https://sfr.gov.ru/'>Социальный фонд России</a></li></ul></div>"
    "<div class='post'><h1>Выплату продлили</h1><p>Государственная программа, по которой "
    "многодетные семьи получают 450 тысяч рублей на погашение ипотеки, продлена до 2030 года. "
    "Соответствующее постановление подписано.</p><p>Заявление можно подать через портал "
    "госуслуг или в отделении банка, выдавшего кредит.</p></div></body></html>"
).encode()


def test_links_to_other_sites_front_pages_are_not_the_sites_name() -> None:
    ex = extract(MINISTRY_PAGE, "http://minsoc.example.ru/blog/vyplata/", crawl_time=NOW)
    assert "Министерство социального развития и труда Астраханской области" in ex.site_names
    assert "Портал госуслуг" not in ex.site_names
    assert "Социальный фонд России" not in ex.site_names


def test_the_kept_site_name_says_what_all_the_names_say() -> None:
    body_and_medium = ("Герб Астраханской области", "Информационный портал «Волга»")
    assert names_a_body(body_and_medium) is False
    assert names_a_body([site_name_to_keep(body_and_medium)]) is False  # was the coat of arms
    body = ("Главная", "Министерство социального развития Астраханской области")
    assert names_a_body([site_name_to_keep(body)]) is True
    assert site_name_to_keep(()) is None


def test_guests_named_again_by_their_regions_adjective_are_the_same_guests() -> None:
    text = (
        "Центр посетила делегация специалистов социальной сферы из Нижнего Новгорода. Гостям "
        "показали, как у нас устроено сопровождение семей, в которых родители временно не "
        "справляются с воспитанием детей.\n\nНижегородские коллеги побывали в отделении для мам "
        "с детьми и на занятии клуба «Папа может». Директор центра рассказала, что за год "
        "сотрудники помогли 212 семьям Мордовии сохранить детей дома."
    )
    tags = tag(text, title="Коллеги из Нижнего Новгорода познакомились с работой центра",
               home_region_iso="RU-MO")
    assert [hit.iso for hit in tags.regions] == ["RU-MO"]
