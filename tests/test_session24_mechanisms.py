"""Mechanisms found on blind sets 106–109 (issue 17), each on a page written here in the shape
of the software that showed it, not on the blind pages themselves."""

from __future__ import annotations

from pipeline.extract.pagetype import non_article_reason
from pipeline.tag.explain import explain_text

SITE = "http://127.0.0.1:8000/"
PROSE = ("В микрорайоне месяц назад открылся семейный центр, где родители могут оформить выплаты "
         "и льготы в одном окне. За это время сюда обратились около трёхсот человек. ")


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}"
            "</body></html>").encode()


def test_a_read_also_card_linking_time_and_headline_is_no_posts_time():
    """A «Читайте также» card wraps its date and its headline in one link to another article:
    the article under it is no repost of that page."""
    article = (
        "<main><article><h1>Семейный центр открылся в микрорайоне</h1>"
        "<time datetime='2025-10-22T06:00:00+00:00'>22.10.2025, 09:00</time>"
        f"<div class='body'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></article>"
        "<section class='related'><h2>Читайте также</h2><article class='teaser'>"
        "<a class='teaser__link' href='/novosti/2025/09/most.html'><div class='meta'>"
        "<time datetime='2025-09-18T05:45:00+00:00'>18 сентября, 08:45</time></div>"
        "<h3>Мост через реку закроют на ремонт до декабря</h3></a></article></section></main>"
    )
    url = SITE + "novosti/2025/10/centr.html"
    assert non_article_reason(url, SITE, _page("Семейный центр открылся", article)) is None


def _topic(n: int, place: str) -> str:
    return (
        f"<div id='topic{n}' class='main-item {place}'><div class='item-subject'><h3>"
        f"<a href='/viewtopic.php?id={n}'>Тема о помощи семьям номер {n} и её обсуждение</a></h3>"
        f"<p>от <cite>участник_{n}</cite></p></div><ul class='item-info'><li>3 ответа</li>"
        f"<li>Последнее сообщение <a href='/viewtopic.php?pid={n}0#p{n}0'>2025-11-1{n % 10} "
        "10:40:00</a></li></ul></div>"
    )


def _board(notice: str, places: list[str]) -> bytes:
    topics = "".join(_topic(1400 + k, place) for k, place in enumerate(places))
    return _page(
        "Новости посёлка и округа — Родительский форум",
        f"<div id='brd-head'><p><a href='/'>Родительский форум</a></p></div>{notice}"
        "<div id='brd-main'><h1><a href='/viewforum.php?id=2'>Новости посёлка и округа</a></h1>"
        f"<h2>Темы с 1 по {len(places)}</h2><div class='main-content'>{topics}</div></div>",
    )


def test_rows_told_apart_only_by_zebra_and_first_item_classes_are_one_list():
    """PunBB's topics are «main-item odd main-first-item», «main-item even», «main-item odd»:
    one list of rows, whatever marks their place in it."""
    places = ["odd main-first-item", "even", "odd", "even", "odd main-last-item"]
    url = SITE + "viewforum.php?id=2"
    assert non_article_reason(url, SITE, _board("", places)).startswith("listing of 5")


def test_a_notice_printed_above_the_pages_own_headline_is_not_its_text():
    """The forum's «Объявление» box stands above the board's headline (the <h1> its <title>
    opens with): the topics under that headline are the page."""
    notice = ("<div id='announce'><h1>Объявление</h1><div class='usercontent'>20 ноября в 18:00 — "
              "общешкольное родительское собрание в актовом зале школы. Подробнее.</div></div>")
    url = SITE + "viewforum.php?id=2"
    reason = non_article_reason(url, SITE, _board(notice, ["odd", "even", "odd", "even"]))
    assert reason is not None and reason.startswith("listing of 4")


def test_a_short_article_under_its_own_headline_keeps_its_dated_sidebar():
    side = "".join(
        f"<li><a href='/news/{n}.html'>Новость о семьях номер {n} из нашего района</a> "
        f"<time>1{n}.11.2025</time></li>" for n in range(5))
    body = (f"<main><h1>Семейный центр открылся в микрорайоне</h1><p>{PROSE}</p></main>"
            f"<aside><ul>{side}</ul></aside>")
    assert non_article_reason(SITE + "news/9.html", SITE,
                              _page("Семейный центр открылся в микрорайоне", body)) is None


def test_a_numbered_street_named_after_a_region_is_a_street():
    text = ("Кризисная квартира для мам с детьми на 2-й Краснодарской приняла первых жильцов. "
            "Квартиру в Западном районе Ростова-на-Дону дали волонтёрам горожане.")
    result, _ = explain_text(text, title="Кризисная квартира на 2-й Краснодарской",
                             home_iso="RU-ROS")
    assert sorted(r.iso for r in result.regions) == ["RU-ROS"]
    named, _ = explain_text("Семьи Краснодарского края получат новые выплаты.", title="",
                            home_iso="RU-ROS")
    assert "RU-KDA" in {r.iso for r in named.regions}


def test_the_feedback_platforms_banner_is_no_listings_body():
    """Every government site carries the feedback platform's banner («Столкнулись с проблемой —
    сообщите о ней!»): under a gallery of three dated tiles it is no text of the page's own."""
    tiles = "".join(
        f"<div class='col-md-6 gallery-tile'><a href='/ru/foto/album-{n}'><img src='/{n}.jpg' "
        f"alt=''></a><p class='date'>2{n}.10.2025</p><h3><a href='/ru/foto/album-{n}'>Фоторепортаж "
        f"о празднике семьи номер {n}</a></h3></div>" for n in range(3))
    body = (
        f"<main><h1>Фотогалерея</h1><div class='row'>{tiles}</div></main>"
        "<div id='js-show-iframe-wrapper'><div class='pos-banner-fluid bf-21'><div "
        "class='bf-21__content'><div class='bf-21__description'>Не убирается снег, яма на дороге, "
        "не горит фонарь? Столкнулись с проблемой — сообщите о ней!</div></div></div></div>"
    )
    reason = non_article_reason(SITE + "ru/press-center/fotogalereya", SITE,
                                _page("Фотогалерея", body))
    assert reason is not None and "no body of prose" in reason


def test_a_page_served_as_a_download_is_no_article(tmp_path):
    """BookStack links each page's «Экспорт → Веб файл» (`/export/html`), the same text served
    as application/octet-stream: a browser saves it, so it is a file, not a material."""
    import yaml
    from faults_sites import crawl, query

    from newsmon.siteserver import SiteServer

    folder = tmp_path / "sites" / "kb"
    page = (
        "<html><head><meta charset='utf-8'><title>Мобильная бригада помогла семье</title></head>"
        "<body><main><h1>Мобильная бригада помогла семье</h1>"
        "<time datetime='2025-10-14'>14 октября 2025</time>"
        + f"<p>{PROSE}</p>" * 3 + "</main></body></html>")
    (folder / "public" / "page" / "brigada" / "export").mkdir(parents=True)
    (folder / "public" / "page" / "brigada.html").write_text(page, "utf-8")
    (folder / "public" / "page" / "brigada" / "export" / "html.html").write_text(page, "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/page/brigada</loc></url>'
        "<url><loc>{{BASE}}/page/brigada/export/html</loc></url></urlset>", "utf-8")
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": "kb", "region": "Республика Калмыкия", "sitemaps": ["/sitemap.xml"],
         "types": {"/page/brigada/export/html": "application/octet-stream"}},
        allow_unicode=True), encoding="utf-8")  # fmt: skip
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        done = crawl(sources, tmp_path / "n.db")
        article = server.url("kb", "/page/brigada")
    assert done.returncode == 0, done.stderr
    assert query(tmp_path / "n.db", "select url from articles") == [(article,)]
    assert query(tmp_path / "n.db", "select status from urls where url like '%/export/html'") == [
        (204,)]


def test_a_relative_age_labelled_as_the_pages_making_dates_it_from_a_side_box():
    """BookStack shows «4 недели назад» with the day in the title, only in the details box
    beside the page: labelled «создал», it is the page's own day; «обновил» is an edit's."""
    import datetime

    from pipeline.extract.dates import find_published

    def page(label: str) -> bytes:
        return _page("Мобильная бригада помогла семье", (
            "<aside class='tri-layout-right-contents'><div class='entity-meta'>"
            f"<div><a href='/user/n'>Наталья</a> {label} <span title='Tue, Oct 14, 2025 1:00 PM'>"
            "4 недели назад</span></div></div></aside><main><h1>Мобильная бригада помогла семье</h1>"
            + f"<p>{PROSE}</p>" * 3 + "</main>"))

    now = datetime.datetime(2025, 11, 13, 21, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    url = SITE + "books/novosti/page/brigada"
    # The page's own line, not htmldate's guess over the whole page (which the real page, with
    # the other pages' ages around it, does not make)
    assert find_published(page("создал"), url=url, now=now) == (
        datetime.date(2025, 10, 14), "dateline")
    assert find_published(page("обновил"), url=url, now=now)[1] != "dateline"


def test_a_hyphenated_city_adjective_is_found_in_every_case():
    """«в йошкар-олинском центре»: the unknown last part's first guess is a noun («олинскома»),
    so the masculine locative never met the dictionary's «йошкар-олинский»."""
    from pipeline.lang.morph import lemma
    from pipeline.tag.regions.gazetteer import find_mentions

    assert lemma("йошкар-олинском") == lemma("йошкар-олинский")
    assert lemma("Комсомольске-на-Амуре") == "комсомольск-на-амур"
    assert lemma("Петропавловске-Камчатском") == lemma("Петропавловск-Камчатский")
    found = find_mentions("В йошкар-олинском центре семьи получили консультации.")
    assert [m.isos for m in found] == [("RU-ME",)]


def test_a_canonical_links_escaped_ampersand_is_an_ampersand():
    """«<link rel="canonical" href="…?id=1433&amp;p=2">» is «…?id=1433&p=2», as a browser reads
    the attribute, not a parameter named «amp;p»."""
    from pipeline.extract.canonical import find_canonical

    body = (b'<html><head><link rel="canonical" href="http://h.ru/viewtopic.php?id=1433&amp;p=2">'
            b"</head><body></body></html>")
    assert find_canonical(body, "http://h.ru/viewtopic.php?p=2&id=1433") == (
        "http://h.ru/viewtopic.php?id=1433&p=2")


def test_a_card_link_wrapping_a_headline_and_its_lead_is_a_teaser():
    """Neos's rubric page: each «<a class=teaser__link>» wraps a picture, a time, the headline
    and a lead of two sentences — longer than a headline, still one card, not a text."""
    cards = "".join(
        f"<article class='teaser'><a class='teaser__link' href='/novosti/2025/10/n{n}.html'>"
        f"<div class='teaser__image'><img src='/{n}.jpg' alt=''></div><div class='teaser__meta'>"
        f"<time datetime='2025-10-1{n}T06:00:00+00:00'>1{n} октября, 09:00</time></div>"
        f"<h3 class='teaser__title'>Новость города номер {n} о семьях и детях</h3>"
        f"<p class='teaser__lead'>{PROSE}{PROSE[:80]}…</p></a></article>" for n in range(4))
    body = f"<main><h1>Город</h1><div class='teaser-list'>{cards}</div></main>"
    reason = non_article_reason(SITE + "rubriki/gorod.html", SITE, _page("Город — Кокшага", body))
    assert reason is not None and reason.startswith("listing of")
