"""Session 23's general mechanisms, each on pages written for the test (issue 17)."""

from __future__ import annotations

import datetime as dt

from pipeline.extract.cascade import extract
from pipeline.extract.html import parse_html, repair_markup
from spiders.discovery import classify_links

BASE = "http://127.0.0.1:8001/"
PROSE = ("В Колпине и Павловске до конца года откроют семейные гостиные. Там будут работать "
         "психологи и юристы, для детей — игровая комната, для родителей — консультации по "
         "выплатам и льготам. Первую гостиную уже ремонтируют волонтёры районного центра.")
# A theme's typo on every page: the search icon's class opened with ' and closed with ", so a
# parser (as a browser) reads on to the next ' — the breadcrumb's, below the menu.
BROKEN = (
    "<html><head><meta charset='utf-8'><title>Портал - Семейные гостиные</title></head><body>"
    "<header><nav><ul><li><a href='/'>Главная</a></li><li><a href='/news.php'>Новости</a></li>"
    "<li><a href='/search.php'><i class='fa fa-search\"></i> Поиск</a></li></ul></nav></header>"
    '<section id="main"><article><h1>Семейные гостиные откроют в Колпине и Павловске</h1>'
    '<div class="news-info">Редакция · 25 Ноябрь 2025 17:30 · 276 прочтений</div>'
    + "".join(f"<p>{PROSE}</p>" for _ in range(3))
    + '<ul class="related"><li><a href="/news.php?readmore=622">Специалисты учились в '
    'петербургских кризисных центрах</a></li><li><a href="/news.php?readmore=605">Гостиные для '
    'семей открылись в Колпине</a></li></ul></article></section>'
    "<aside class='members'>Участник с 20.05.19</aside></body></html>"
)


def test_an_attribute_closed_by_the_other_quote_no_longer_swallows_the_page():
    tree = parse_html(BROKEN)
    assert all("<" not in value for el in tree.iter() for value in el.attrib.values())
    result = extract(BROKEN.encode(), BASE + "news.php?readmore=628",
                     crawl_time=dt.datetime(2025, 11, 28, 21, tzinfo=dt.timezone(dt.timedelta(hours=3))))
    assert result.title == "Семейные гостиные откроют в Колпине и Павловске"
    assert "семейные гостиные" in result.text and result.published == dt.date(2025, 11, 25)


def test_a_listing_with_the_typo_still_links_its_articles():
    links = classify_links(BROKEN, BASE + "news.php", BASE)
    assert BASE + "news.php?readmore=622" in links.articles


def test_quotes_inside_an_attributes_script_are_left_alone():
    page = ("<a href=\"#\" onclick=\"window.open('https://vk.com/share.php?url=' + "
            "encodeURIComponent(document.URL)); return false;\">VK</a>")
    assert repair_markup(page) == page
    assert repair_markup(page.encode()) == page.encode()
    assert repair_markup("<a title='Дом \"Мама\"'>x</a>") == "<a title='Дом \"Мама\"'>x</a>"
    assert repair_markup("<link href=\"/a.js?9'>") == "<link href=\"/a.js?9\">"


# Wiki.js 2 as served: the page's text inside «<template slot="contents">» of its «<page>»
# component, og:type «website» on every page, a menu its scripts draw.
WIKI = (
    "<html><head><meta charset='utf-8'><title>В Белом открылась семейная гостиная | Вики</title>"
    "<meta property='og:type' content='website'></head><body><div id='root'>"
    "<page locale='ru' title='В Белом открылась семейная гостиная' "
    "created-at='2025-09-09T15:30:17.163Z'><template slot='contents'><div>"
    "<p>9 сентября 2025</p>" + "".join(f"<p>{PROSE}</p>" for _ in range(3))
    + "</div></template><template slot='comments'><div></div></template></page></div></body></html>"
)


def test_a_page_whose_text_the_scripts_mount_from_a_template_is_read():
    from pipeline.extract.pagetype import non_article_reason

    url = BASE + "ru/novosti/v-belom-otkrylas-semeynaya-gostinaya"
    assert non_article_reason(url, BASE, WIKI.encode()) is None
    result = extract(WIKI.encode(), url,
                     crawl_time=dt.datetime(2025, 11, 28, 21, tzinfo=dt.timezone(dt.timedelta(hours=3))))
    assert "семейные гостиные" in result.text and result.published == dt.date(2025, 9, 9)


def test_a_template_kept_for_later_stays_inert_under_a_page_that_shows_more():
    page = ("<html><body><main><h1>Новости</h1>" + "".join(f"<p>{PROSE}</p>" for _ in range(4))
            + "<template id='row'><div class='card'><p>Карточка: " + PROSE[:120]
            + "</p></div></template></main></body></html>")
    tree = parse_html(page)
    assert len(tree.xpath("//template")) == 1


def test_a_headline_linking_an_item_a_query_numbers_is_an_articles_link():
    """Cotonti's topics behind a rewritten script name: «/forums?m=posts&q=318»."""
    from spiders.discovery import link_kind

    headline = "Прошли ШПР в Новодвинске — делюсь впечатлениями"
    assert link_kind(BASE + "forums?m=posts&q=318", headline) == "article"
    assert link_kind(BASE + "forums?m=topics&s=opeka", headline) != "article"  # no number
    assert link_kind(BASE + "forums?m=posts&q=318", "Опека") != "article"  # no headline


def test_a_title_read_from_the_head_loses_the_section_it_names_last():
    page = ("<html><head><title>Опрос: нужна ли вторая школа приёмных родителей? - Опека и "
            "усыновление - Поморская семья</title></head><body><h1><a href='/'>Поморская "
            "семья</a></h1><div class='crumbs'><a href='/forums'>Форумы</a> / <a "
            "href='/forums?m=topics&amp;s=opeka'>Опека и усыновление</a></div>"
            + "".join(f"<p>{PROSE}</p>" for _ in range(2)) + "</body></html>")
    result = extract(page.encode(), BASE + "forums?m=posts&q=305",
                     crawl_time=dt.datetime(2025, 11, 28, 21, tzinfo=dt.timezone(dt.timedelta(hours=3))))
    assert result.title == "Опрос: нужна ли вторая школа приёмных родителей?"
    # a last piece the page links nowhere stays: it may be the headline's own
    unlinked = page.replace("<a href='/forums?m=topics&amp;s=opeka'>Опека и усыновление</a>", "")
    result = extract(unlinked.encode(), BASE + "forums?m=posts&q=305",
                     crawl_time=dt.datetime(2025, 11, 28, 21, tzinfo=dt.timezone(dt.timedelta(hours=3))))
    assert result.title.endswith("Опека и усыновление")


def test_a_local_text_naming_no_place_is_about_the_outlets_home(models):
    from pipeline.tag.explain import explain_text
    from pipeline.tag.run import tag

    local = ("В субботу в районной библиотеке на улице Кирова прошёл семинар для опекунов и "
             "приёмных родителей. Вела его семейный психолог, которая двадцать лет работает с "
             "подростками. Пришли восемнадцать семей, наши волонтёры занимались с детьми.")
    assert [r.iso for r in tag(local, title="Семинар для наших опекунов",
                               home_region_iso="RU-VGG").regions] == ["RU-VGG"]
    guest = local.replace("семейный психолог,", "семейный психолог из Элисты,")
    assert [r.iso for r in tag(guest, title="Психолог из Элисты провела семинар для наших опекунов",
                               home_region_iso="RU-VGG").regions] == ["RU-VGG"]
    result, report = explain_text(local, title="Семинар для наших опекунов", home_iso="RU-VGG")
    assert any("говорит о своём" in rule for r in report["regions"] for rule in r["rules"])
    # a federal item retold by the same outlet stays without a region
    federal = ("Минпросвещения сообщило, что число детей в федеральном банке данных о детях-сиротах "
               "за год сократилось на восемь процентов. Наши читатели спрашивают, что это значит.")
    assert tag(federal, title="Детей в банке данных стало меньше",
               home_region_iso="RU-VGG").regions == []
    # nothing local, nothing federal: no region guessed
    general = "Как говорить с приёмным ребёнком о его кровной семье: советы психолога."
    assert tag(general, title="Как говорить о кровной семье", home_region_iso="RU-VGG").regions == []
