"""Feeds, sitemaps and listing pages → article URLs, pagination, sections; the pagination gate."""

from __future__ import annotations

import datetime as dt
import gzip

import pytest

from spiders.discovery import (
    classify_links,
    is_feed_or_sitemap,
    link_kind,
    next_pages,
    parse_date,
    parse_feed,
    parse_sitemap,
)  # fmt: skip
from spiders.gate import PaginationGate

BASE = "http://127.0.0.1:8001/"

RSS = b"""<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<item><title>\xcd\xee\xe2\xee\xf1\xf2\xfc</title><link>http://127.0.0.1:8001/news/1</link>
<pubDate>Tue, 20 Oct 2026 11:00:00 +0300</pubDate></item>
<item><title>B</title><guid isPermaLink="true">http://127.0.0.1:8001/news/2</guid>
<dc:date>2026-10-21</dc:date></item>
<item><title>C</title><link>/news/3</link></item>
<item><title>No link</title><guid isPermaLink="false">abc-123</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>A</title><link rel="enclosure" href="http://127.0.0.1:8001/a.jpg"/>
<link rel="alternate" href="http://127.0.0.1:8001/news/a"/><updated>2026-10-05T00:00:00Z</updated>
<published>2026-10-01T09:00:00+06:00</published></entry></feed>"""


def test_rss_items_with_dates_titles_and_relative_links():
    entries = parse_feed(RSS, BASE + "rss.xml")
    assert [(e.url, e.date) for e in entries] == [
        ("http://127.0.0.1:8001/news/1", dt.date(2026, 10, 20)),
        ("http://127.0.0.1:8001/news/2", dt.date(2026, 10, 21)),
        ("http://127.0.0.1:8001/news/3", None),
    ]
    assert entries[0].title == "Новость"


def test_atom_prefers_alternate_link_and_published_date():
    [entry] = parse_feed(ATOM, BASE + "atom.xml")
    assert entry.url == "http://127.0.0.1:8001/news/a"
    assert entry.date == dt.date(2026, 10, 1)


@pytest.mark.parametrize("body", [b"", b"<html><body>502 Bad Gateway</body></html>", b"\x1f\x8bno"])
def test_broken_feeds_give_no_entries(body):
    assert parse_feed(body, BASE) == []


NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>http://127.0.0.1:8001/n/1</loc><lastmod>2026-11-01</lastmod>
<news:news><news:publication_date>2026-10-03T08:00:00+03:00</news:publication_date></news:news>
<image:image><image:loc>http://127.0.0.1:8001/img/1.jpg</image:loc></image:image></url>
<url><loc>http://127.0.0.1:8001/n/2</loc><lastmod>2026-10-04</lastmod></url>
<url><loc> http://127.0.0.1:8001/n/3 </loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://127.0.0.1:8001/s/news.xml</loc><lastmod>2026-10-17</lastmod></sitemap>
<sitemap><loc>http://127.0.0.1:8001/s/2025.xml.gz</loc></sitemap></sitemapindex>"""


def test_news_sitemap_prefers_publication_date_and_ignores_image_loc():
    sitemap = parse_sitemap(NEWS_SITEMAP, BASE + "sitemap.xml")
    assert not sitemap.is_index
    assert [(e.url, e.date) for e in sitemap.entries] == [
        ("http://127.0.0.1:8001/n/1", dt.date(2026, 10, 3)),
        ("http://127.0.0.1:8001/n/2", dt.date(2026, 10, 4)),
        ("http://127.0.0.1:8001/n/3", None),
    ]


def test_sitemap_index_and_gzip():
    sitemap = parse_sitemap(gzip.compress(INDEX), BASE + "sitemap.xml.gz")
    assert sitemap.is_index
    assert [e.url for e in sitemap.entries] == [
        "http://127.0.0.1:8001/s/news.xml", "http://127.0.0.1:8001/s/2025.xml.gz",
    ]


@pytest.mark.parametrize(
    ("body", "is_xml"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', True),
        (b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/0.9"/>', True),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'></rdf:RDF>", True),
        (gzip.compress(INDEX), True),
        ("<!DOCTYPE html><html><body>Новости</body></html>".encode(), False),  # feed moved
        (b"", False),
    ],
)
def test_an_unreadable_feed_is_told_from_an_empty_one(body, is_xml):
    assert is_feed_or_sitemap(body) is is_xml


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("Tue, 20 Oct 2026 23:30:00 +0300", dt.date(2026, 10, 20)),
        ("2026-10-20T23:30:00+03:00", dt.date(2026, 10, 20)),
        ("2026-10-20", dt.date(2026, 10, 20)),
        ("2026-02-30", None),
        ("вчера", None),
        (None, None),
    ],
)
def test_parse_date(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize(
    ("url", "text", "kind"),
    [
        ("https://s.ru/news/12345/", "", "article"),
        ("https://s.ru/2026/10/21/deti/", "", "article"),
        ("https://s.ru/society/priemnye-semi-poluchat-podderzhku/", "", "article"),
        ("https://s.ru/news/detail.php?ID=4411", "", "article"),
        ("https://s.ru/?p=812", "", "article"),  # WordPress post id, not pagination
        ("https://s.ru/novosti/semya.html", "", "article"),
        ("https://s.ru/novosti/semya", "Приёмные семьи региона получат поддержку", "article"),
        ("https://s.ru/news/?page=2", "", "pagination"),
        ("https://s.ru/news/?PAGEN_1=3", "", "pagination"),
        ("https://s.ru/news/page/2/", "", "pagination"),
        ("https://s.ru/index.php?start=20", "", "pagination"),
        ("https://s.ru/tags/semya/", "", "other"),
        ("https://s.ru/author/ivanova/", "", "other"),
        ("https://s.ru/news/12345/print/", "", "other"),
        ("https://s.ru/news/12345/?print=Y", "", "other"),
        ("https://s.ru/news/12345/amp/", "", "other"),
        ("https://s.ru/upload/doc-2026-1.pdf", "", "other"),
        ("https://s.ru/about/", "О редакции", "other"),
        ("https://s.ru/", "Главная", "other"),
        ("https://s.ru/rubric/obshchestvo/", "", "section"),
        ("https://s.ru/society/", "Общество", "section"),
        ("https://s.ru/news/index.php", "Все новости", "section"),
    ],
)
def test_link_kind(url, text, kind):
    assert link_kind(url, text) == kind


LISTING = """<html><head><link rel="alternate" type="application/rss+xml" href="/rss/">
<link rel="alternate" type="application/rss+xml" href="http://other.ru/rss/"></head><body>
<nav><a href="/society/">Общество</a> <a href="/about/">О нас</a></nav>
<a href="/news/101/">Первая</a> <a href="/news/101/#comments">5 комментариев</a>
<a href="/news/102/?utm_source=main">Вторая</a> <a href="http://other.ru/news/103/">Чужая</a>
<a href="http://127.0.0.1:8002/news/104/">Соседний порт</a>
<a rel="nofollow" href="/news/105/">Реклама</a>
<a href="/news/?page=2">2</a> <a href="/news/?page=3">3</a><p>незакрытый абзац <div>и блок
</body></html>"""


def test_classify_links_on_a_listing_page():
    links = classify_links(LISTING.encode(), "http://127.0.0.1:8001/news/", BASE)
    assert links.articles == ["http://127.0.0.1:8001/news/101/",
                              "http://127.0.0.1:8001/news/102/?utm_source=main"]  # fmt: skip
    assert links.listings == [
        "http://127.0.0.1:8001/news/?page=2", "http://127.0.0.1:8001/news/?page=3",
    ]
    assert links.sections == ["http://127.0.0.1:8001/society/"]
    assert links.feeds == ["http://127.0.0.1:8001/rss/"]


@pytest.mark.parametrize(
    ("page", "links", "expected"),
    [
        ("/news/", ["/news/?page=2", "/news/?page=3", "/news/?page=10"], ["/news/?page=2"]),
        ("/news/?page=2", ["/news/?page=1", "/news/", "/news/?page=3"], ["/news/?page=3"]),
        ("/news/?page=5", ["/news/?page=4"], []),  # last page
        ("/", ["/?PAGEN_1=2", "/?PAGEN_1=3"], ["/?PAGEN_1=2"]),
        ("/blog/page/2/", ["/blog/", "/blog/page/3/", "/blog/page/9/"], ["/blog/page/3/"]),
        ("/arh/", ["/arh/?start=0", "/arh/?start=20", "/arh/?start=40"], ["/arh/?start=20"]),
    ],
)
def test_next_pages_follows_only_the_next_page(page, links, expected):
    host = "http://127.0.0.1:8001"
    assert next_pages(host + page, [host + u for u in links]) == [host + u for u in expected]


class TestPaginationGate:
    def make(self):
        scheduled: list[str] = []
        return PaginationGate(scheduled.append), scheduled

    def test_first_fresh_article_releases_the_next_page(self):
        gate, scheduled = self.make()
        gate.open("p1", 3, ["p2"])
        gate.resolve("p1", fresh=False)
        assert scheduled == []
        gate.resolve("p1", fresh=True)
        assert scheduled == ["p2"]
        gate.resolve("p1", fresh=True)  # later resolutions of a released gate do nothing
        assert scheduled == ["p2"]

    def test_page_of_only_old_or_known_articles_stops_pagination(self):
        gate, scheduled = self.make()
        gate.open("p1", 2, ["p2"])
        gate.resolve("p1", fresh=False)
        gate.resolve("p1", fresh=False)
        assert scheduled == [] and gate.stopped == 1 and not gate.pending

    def test_page_with_nothing_new_is_not_followed(self):
        gate, scheduled = self.make()
        gate.open("p1", 0, ["p2"])
        assert scheduled == [] and gate.stopped == 1

    def test_idle_closes_gates_that_lost_a_resolution(self):
        gate, scheduled = self.make()
        gate.open("p1", 2, ["p2"])
        gate.close_all()
        gate.resolve("p1", fresh=True)
        assert scheduled == []


def test_a_next_link_is_pagination_whatever_the_cms_calls_its_parameter():
    """DLE's «?cstart=2», uCoz's «?page2», a <link rel="next">: the reader's «next» decides."""
    body = """<html><head><link rel="next" href="/arhiv/?str=2"></head><body>
      <a href="/news/v-chusovom-otkrylos-otdelenie/2025-10-07-544">Подробнее »</a>
      <a href="/index.php?cstart=2">Далее &raquo;</a>
      <a class="swchItem swchItem-next" href="/news/?page2"><span>»</span></a>
      <a href="/index.php?cstart=3">3</a>
      <a href="/">«</a>
    </body></html>"""
    links = classify_links(body, "http://127.0.0.1:8001/news/", "http://127.0.0.1:8001/")
    assert set(links.listings) == {
        "http://127.0.0.1:8001/index.php?cstart=2",
        "http://127.0.0.1:8001/news/?page2",
        "http://127.0.0.1:8001/arhiv/?str=2",
    }
    assert links.articles == ["http://127.0.0.1:8001/news/v-chusovom-otkrylos-otdelenie/2025-10-07-544"]
    assert set(next_pages("http://127.0.0.1:8001/news/", links.listings)) == set(links.listings)


def test_a_listing_sharing_its_articles_with_the_home_page_still_pages_on():
    """The news list's first page links the articles the home page already requested: it waits
    for their outcome instead of counting the duplicates as nothing new."""
    from spiders.gate import PaginationGate

    scheduled: list[str] = []
    gate = PaginationGate(scheduled.append)
    gate.open("home", 2, [])
    assert gate.join("a1", "news") is None and gate.join("a2", "news") is None
    gate.open("news", 2, ["news?page=2"])
    gate.resolve_article("a1", "home", fresh=False)
    assert scheduled == []
    gate.resolve_article("a2", "home", fresh=True)
    assert scheduled == ["news?page=2"]
    # Known outcomes are told at once to a listing that links the article later.
    assert gate.join("a2", "archive") is True and gate.join("a1", "archive") is False


def test_joomla_limitstart_is_paging():
    page = "http://127.0.0.1:8001/index.php?option=com_content&view=category&id=7"
    nxt = page + "&limitstart=5"
    assert link_kind(nxt) == "pagination"
    assert next_pages(page, [nxt, page + "&limitstart=10"]) == [nxt]


def test_a_dynamic_pages_short_path_is_a_section():
    """«/Pages/News.aspx», «/news.php»: the news list of an ASP.NET or PHP site is followed as a
    listing from the home page; an item page with an id stays an article."""
    assert link_kind("http://127.0.0.1:8001/Pages/News.aspx", "Новости") == "section"
    assert link_kind("http://127.0.0.1:8001/news.php", "Новости") == "section"
    assert link_kind("http://127.0.0.1:8001/Pages/NewsItem.aspx?ID=2250", "Итоги") == "article"


def test_a_rubric_chosen_by_the_query_is_a_section():
    """An ASP.NET MVC agency's rubric is «/News?section=family», linked from the home page as
    «Семья и общество» and «Все новости раздела »»: the listing its older news are reached by."""
    assert link_kind("http://127.0.0.1:8001/News?section=family", "Семья и общество") == "section"
    assert link_kind("http://127.0.0.1:8001/News?section=family",
                     "Все новости раздела »") == "section"
    assert link_kind("http://127.0.0.1:8001/news?category=5", "") == "section"
    # a page chosen by the query is no rubric, nor is a search
    assert link_kind("http://127.0.0.1:8001/News?section=family&page=2", "2") == "pagination"
    assert link_kind("http://127.0.0.1:8001/search?q=семья", "Поиск") == "other"


def test_pages_of_unfamiliar_cmss_are_reached():
    """Craft CMS pages its lists as «/novosti/p2/»; a table-layout site's news list is
    «/index.php?option=news» named «Архив новостей»; a phpBB board's forums and topics are
    «viewforum.php?f=2» and «viewtopic.php?f=2&t=408» named like pages, not «Далее »» or «3»."""
    assert link_kind("http://127.0.0.1:8001/novosti/p2/", "2") == "pagination"
    assert next_pages("http://127.0.0.1:8001/novosti/", ["http://127.0.0.1:8001/novosti/p2/",
                                                          "http://127.0.0.1:8001/novosti/p3/"]) == [
        "http://127.0.0.1:8001/novosti/p2/"]
    assert link_kind("http://127.0.0.1:8001/index.php?option=news", "Архив новостей") == "section"
    assert link_kind("http://127.0.0.1:8001/viewforum.php?f=2", "Новости для родителей") == "article"
    assert link_kind("http://127.0.0.1:8001/viewtopic.php?f=2&t=408",
                     "В Чувашии открывают семейные МФЦ") == "article"
    assert link_kind("http://127.0.0.1:8001/index.php?cstart=3", "3") != "article"


def test_a_link_takes_the_kind_of_its_siblings_of_the_same_template():
    """A board's index names its sections «Новости района», «Объявления» and «Флуд»: only the
    first reads like a page's name, but all three are «board.php?s=N» links of one class, so all
    three are followed. A profile link of another template and a pager's «2» are not."""
    body = (
        "<html><body><ul class='sections'>"
        "<li><a class='section-name' href='/board.php?s=1'>Новости района сегодня</a></li>"
        "<li><a class='section-name' href='/board.php?s=2'>Объявления</a></li>"
        "<li><a class='section-name' href='/board.php?s=3'>Флуд</a></li></ul>"
        "<a href='/member.php?u=12'>Марина_К</a> <a href='/board.php?s=1&amp;start=20'>2</a>"
        "</body></html>"
    ).encode()
    links = classify_links(body, BASE, BASE)
    assert links.articles == [f"{BASE}board.php?s={n}" for n in (1, 2, 3)]
    assert f"{BASE}member.php?u=12" not in links.articles
    assert links.listings == [f"{BASE}board.php?s=1&start=20"]


def test_headlines_to_a_wikis_pages_and_an_arrowed_news_link_are_followed():
    """A wiki's news are «/index.php?title=Новости:…» pages linked by their headlines: a
    headline to a dynamic page is an article's link whatever its parameters; «Все новости →»
    is the news list, arrow or not. A short link to the same script («Правка») is neither."""
    wiki = "http://127.0.0.1:8001/index.php?title=%D0%9D%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8:X"
    assert link_kind(wiki, "В Ейском районе открылось отделение для матерей с детьми") == "article"
    assert link_kind(wiki + "&action=edit", "Править") == "other"
    assert link_kind("http://127.0.0.1:8001/wiki/Portal:News", "Все новости →") == "section"
    assert link_kind("http://127.0.0.1:8001/about/", "Все новости →") == "other"


def test_links_are_read_from_decoded_text_even_with_an_xml_declaration():
    """The spider passes the response's decoded text (a charset given only in the HTTP header
    would turn «Все новости» into Latin-1 mojibake in bytes); an XHTML page's XML declaration
    must not make lxml refuse that text."""
    page = ('<?xml version="1.0" encoding="utf-8"?><html><body>'
            '<a href="/web/org/novosti">Все новости</a></body></html>')
    assert classify_links(page, BASE, BASE).sections == [f"{BASE}web/org/novosti"]


def test_a_short_headline_takes_the_kind_of_its_sibling_headlines_in_one_folder():
    """«Вакансия: ищем бухгалтера» is short and its slug has two words, but it sits in the news
    folder with the class of the long headlines beside it; a menu's links do not lend theirs."""
    body = (
        "<html><body><nav><a class='nav' href='/org/semyam-s-detmi-i-roditelyam'>Семьям</a>"
        "<a class='nav' href='/org/anonsy'>Анонсы</a></nav>"
        "<a class='t' href='/org/news/v-mirnom-proshla-shkola-roditelej/'>В Мирном прошла "
        "выездная школа приёмных родителей</a>"
        "<a class='t' href='/org/news/vakansiya-bukhgalter/'>Вакансия: ищем бухгалтера</a>"
        "</body></html>"
    )
    articles = classify_links(body, BASE, BASE).articles
    assert f"{BASE}org/news/vakansiya-bukhgalter/" in articles
    assert f"{BASE}org/anonsy" not in articles


def test_a_pager_counting_from_zero_is_followed_by_its_next_link():
    """Drupal numbers its second page «?page=1»: the page's own «›» (rel="next") says so, while
    an unmarked «?page=1» beside an unnumbered first page stays page one."""
    body = """<html><body><nav class="pager"><ul>
      <li><a href="/news">1</a></li><li><a href="/news?page=1">2</a></li>
      <li><a href="/news?page=2">3</a></li>
      <li class="pager__item--next"><a href="/news?page=1" rel="next"><span>›</span></a></li>
    </ul></nav></body></html>"""
    host = "http://127.0.0.1:8001"
    links = classify_links(body, host + "/news", host + "/")
    assert next_pages(host + "/news", links.listings, links.marked_next) == [host + "/news?page=1"]
    assert next_pages(host + "/news", links.listings) == [host + "/news?page=2"]


def test_a_read_more_link_leads_to_an_article_whatever_its_url():
    """A site builder's news copies are «/novosti-8», a short path that reads like a section;
    the teaser's «Читать полностью» says it is the whole text. «Далее »» stays a next page."""
    body = """<html><body>
      <div class="item"><p>Специалисты центра провели рейд в деревнях района…</p>
        <a class="button" href="/novosti-8">Читать полностью →</a></div>
      <div class="item"><a href="/o-centre">Подробнее</a></div>
      <a href="/novosti">Новости</a><a href="/index.php?cstart=2">Далее &raquo;</a>
    </body></html>"""
    host = "http://127.0.0.1:8001"
    links = classify_links(body, host + "/", host + "/")
    assert links.articles == [host + "/novosti-8", host + "/o-centre"]
    assert links.sections == [host + "/novosti"]
    assert links.listings == [host + "/index.php?cstart=2"]


def test_a_listings_link_to_its_archive_is_where_the_news_go_on():
    """«Новости за сентябрь смотрите в архиве новостей» under the latest news: the archive is
    the list's continuation (the spider follows it like a next page, while the list brings
    something new); a menu's «О центре» is not."""
    body = """<html><body><a href="/o-centre">О центре</a>
      <p>Новости за сентябрь смотрите в <a href="/arhiv-novostey">архиве новостей</a>.</p>
      <a href="/sobytiya">Все события</a></body></html>"""
    host = "http://127.0.0.1:8001"
    links = classify_links(body, host + "/novosti", host + "/")
    assert links.news_lists == [host + "/arhiv-novostey", host + "/sobytiya"]
    assert host + "/o-centre" in links.sections


def test_a_page_linked_as_an_article_is_no_section_for_a_calendar_day_linking_it_too():
    body = """<html><body>
      <a href="/novosti/katok-lokomotiv">В Шилке залили каток</a>
      <a class="read-more" href="/novosti/katok-lokomotiv">Читать далее</a>
      <table class="calendar"><tr><td><a href="/novosti/katok-lokomotiv">26</a></td></tr></table>
      <a href="/redakciya">Редакция</a></body></html>"""
    host = "http://127.0.0.1:8001"
    links = classify_links(body, host + "/", host + "/")
    assert links.articles == [host + "/novosti/katok-lokomotiv"]
    assert links.sections == [host + "/redakciya"]


def test_a_pager_numbered_by_path_segment_is_followed_page_by_page():
    """A static site numbers its listing pages «/news/2/», «/news/3/» with no «next» link: the
    link «2» on «/news/» is the next page, «3» on «/news/2/»; an article «/news/2025/» or a link
    «12» skipping ahead is not."""
    host = "http://127.0.0.1:8001"
    body = """<html><body><ul>
      <li><a href="/news/sovet-po-opeke/">Совет по опеке собрался в Брянске</a></li>
      <li><a href="/news/2025/">2025</a></li></ul>
      <nav class="pagination"><a href="/news/" aria-current="page">1</a>
      <a href="/news/2/">2</a><a href="/news/3/">3</a><a href="/news/12/">12</a></nav>
    </body></html>"""
    first = classify_links(body, host + "/news/", host + "/")
    assert first.marked_next == [host + "/news/2/"]
    assert next_pages(host + "/news/", first.listings, first.marked_next) == [host + "/news/2/"]
    second = classify_links(body, host + "/news/2/", host + "/")
    assert second.marked_next == [host + "/news/3/"]
    elsewhere = classify_links(body, host + "/about/", host + "/")
    assert elsewhere.marked_next == []


def test_a_pager_numbered_in_a_query_of_the_cms_own_naming_is_pagination():
    """UMI.CMS pages its news «/novosti/?p=1», «?p=2» (a name no list of page parameters
    holds): a number or «следующая» leading to the listing's own path with numbers only in the
    query is its pager; a headline to «/?p=123» stays an article."""
    host = "http://127.0.0.1:8001"
    body = """<html><body><div class="news_item"><a href="/novosti/ofis/">Офис фонда переезжает
      на новое место</a></div><div class="numpages"><strong>1</strong> <a href="/novosti/?p=1">2
      </a> <a href="/novosti/?p=2">3</a> <a href="/novosti/?p=1" class="next">следующая →</a>
      </div><a href="/?p=123">Волонтёры фонда посадили сорок лип на Тверицах</a></body></html>"""
    links = classify_links(body, host + "/novosti/", host + "/")
    assert links.marked_next == [host + "/novosti/?p=1", host + "/novosti/?p=2"]
    assert host + "/?p=123" in links.articles and host + "/novosti/ofis/" in links.articles
    assert next_pages(host + "/novosti/", links.listings, links.marked_next)[0] == (
        host + "/novosti/?p=1")


def test_words_that_can_only_mean_the_next_page_lead_to_it_whatever_the_url():
    """Mobirise's «Предыдущие новости >>» leads to «/news-2.html», a URL that reads like an
    article's; «Далее »», which teasers also use for «read more», is not taken on its words."""
    host = "http://127.0.0.1:8001"
    body = """<html><body><div class="item"><h5>Социальный контракт помог семьям</h5>
      <a href="/news/kontrakt.html">Далее »</a></div>
      <a class="btn" href="/news-2.html">Предыдущие новости &gt;&gt;</a></body></html>"""
    links = classify_links(body, host + "/news.html", host + "/")
    assert links.marked_next == [host + "/news-2.html"]
    assert host + "/news/kontrakt.html" in links.articles


def test_a_load_more_button_leads_to_the_next_page_it_fetches():
    """Craftum's «Показать ещё» is a <button data-next="/blog?page=2">: the only way to older
    posts. A slider's «data-next="2"» or «#slide-2» is no page."""
    host = "http://127.0.0.1:8001"
    body = """<html><body><div class="cr-card"><a href="/blog/sotaya-mama">Сотая мама с начала
      года: итоги лета</a></div><button class="js-blog-more" data-next="/blog?page=2">Показать
      ещё</button><div class="slider" data-next="2"></div><span data-url="/promo">Акция</span>
      <button data-url="/blog?page=3">Загрузить ещё</button></body></html>"""
    links = classify_links(body, host + "/blog", host + "/")
    assert links.marked_next == [host + "/blog?page=2", host + "/blog?page=3"]


def test_a_load_more_buttons_plain_link_fallback_leads_to_the_next_offset():
    """SvelteKit's «Загрузить ещё» fetches JSON; the page keeps a plain link «/news?offset=8»
    («Показать более ранние») for readers without scripts — the listing's next page, counted by
    items, not pages."""
    host = "http://127.0.0.1:8001"
    body = """<html><body><article><a href="/news/krizisnyy-centr-v-inte">Кризисный центр в Инте
      принял первых мам</a></article><button type="button">Загрузить ещё</button>
      <a class="fallback" href="/news?offset=8">Показать более ранние</a></body></html>"""
    links = classify_links(body, host + "/news", host + "/")
    assert links.marked_next == [host + "/news?offset=8"]
    assert next_pages(host + "/news?offset=8", [host + "/news?offset=8",
                                                host + "/news?offset=16"]) == [
        host + "/news?offset=16"]


def test_a_short_headline_in_a_card_like_its_neighbours_is_an_article():
    """«Ищем бухгалтера» reads like a section's name, but it is the headline of a card with the
    same class in the same folder as its neighbours' longer headlines."""
    host = "http://127.0.0.1:8001"
    card = ("<article class='news-card'><a class='news-card__link' href='/news/{slug}'><h3>{t}"
            "</h3></a></article>")
    body = "<html><body>" + "".join(card.format(slug=s, t=t) for s, t in [
        ("kamyshin-vypusk", "В Камышине выпустилась первая группа школы приёмных родителей"),
        ("ishchem-buhgaltera", "Ищем бухгалтера"),
        ("kuratory-astrahan", "Фонд обучит кураторов семей из Астрахани и Элисты"),
    ]) + ("<nav><a href='/o-fonde'>О фонде</a><a class='news-card__link' href='/news/arhiv'>"
          "Архив новостей</a></nav></body></html>")
    links = classify_links(body, host + "/news", host + "/")
    assert host + "/news/ishchem-buhgaltera" in links.articles
    # a menu's link of the same class and folder holds no heading: not a headline
    assert host + "/o-fonde" not in links.articles
    assert host + "/news/arhiv" not in links.articles


YAKUTSK = dt.timezone(dt.timedelta(hours=9))
MOSCOW = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("value", "zone", "day"),
    [
        # Plume and WordPress write a feed's instants in UTC: 17:10 UTC is 02:10 the next day
        # in Якутск, the day the outlet's readers saw
        ("2025-11-13T17:10:00+00:00", YAKUTSK, dt.date(2025, 11, 14)),
        ("Thu, 13 Nov 2025 17:10:00 +0000", YAKUTSK, dt.date(2025, 11, 14)),
        ("Thu, 13 Nov 2025 17:10:00 +0000", MOSCOW, dt.date(2025, 11, 13)),
        ("2025-11-13T23:50:00Z", MOSCOW, dt.date(2025, 11, 14)),
        # no zone written, nothing to convert
        ("2025-11-13T17:10:00", YAKUTSK, dt.date(2025, 11, 13)),
        ("2025-11-13", YAKUTSK, dt.date(2025, 11, 13)),
    ],
)
def test_a_feeds_instant_is_read_as_a_day_of_the_outlets_own_zone(value, zone, day):
    assert parse_date(value, zone) == day


def test_feed_and_sitemap_entries_carry_the_outlets_day():
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>'
            b'<link href="http://127.0.0.1:8001/~/blog/a" rel="alternate"/>'
            b"<updated>2025-11-13T17:10:00+00:00</updated></entry></feed>")
    [entry] = parse_feed(atom, BASE, YAKUTSK)
    assert entry.date == dt.date(2025, 11, 14)
    urlset = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
              b"<loc>http://127.0.0.1:8001/news/7</loc><lastmod>2025-11-13T20:30:00+00:00</lastmod>"
              b"</url></urlset>")
    [item] = parse_sitemap(urlset, BASE, YAKUTSK).entries
    assert item.date == dt.date(2025, 11, 14)
    assert parse_sitemap(urlset, BASE, MOSCOW).entries[0].date == dt.date(2025, 11, 13)


BOARD = """<html><body><div id="brdmenu"><a href="userlist.php">Пользователи</a>
<a href="search.php?action=show_recent">Активные темы</a></div>
<table><tr><td><a href="viewtopic.php?id=1221">Встреча клуба 29 ноября в Копейске</a>
<span class="byuser">от <a href="profile.php?id=102">Галина Петрова</a></span></td></tr>
<tr><td><a href="viewtopic.php?id=1222">Как мы оформляли опеку над племянницей</a>
<span class="byuser">от <a href="profile.php?id=23">Ольга Сергеевна</a></span></td></tr></table>
</body></html>"""


def test_a_forum_members_page_served_by_its_script_is_no_article():
    """«profile.php?id=102» is numbered like a topic; the script's name says what it serves,
    as a «/profile/» folder would."""
    links = classify_links(BOARD.encode(), "http://127.0.0.1:8001/viewforum.php?id=3", BASE)
    assert links.articles == ["http://127.0.0.1:8001/viewtopic.php?id=1221",
                              "http://127.0.0.1:8001/viewtopic.php?id=1222"]  # fmt: skip
    assert "http://127.0.0.1:8001/userlist.php" not in links.sections
    assert link_kind("https://s.ru/member.php?u=5", "Ольга Сергеевна Петрова из Копейска") == "other"
    assert link_kind("https://s.ru/contacts.html", "Контакты") == "other"
