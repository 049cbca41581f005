"""A feed's instants are read as days of the outlet's own zone: a Якутск blog whose Atom feed and
pages write UTC (Plume does, unmarked on the page) is dated by the day its readers saw."""

from __future__ import annotations

from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

PROSE = ("Ночью в кризисную квартиру привезли маму с тремя детьми. Утром с ней поговорили психолог "
         "и юрист центра, помогли восстановить документы и оформить пособие на детей. Волонтёры "
         "собрали для малышей тёплые комбинезоны и шапки, в квартире теперь живут две семьи.")

POSTS = {  # slug: (feed instant, the day the page prints unzoned, the outlet's day)
    "nochnoy-zvonok": ("2025-11-13T17:10:00+00:00", "2025-11-13 17:10:00", "2025-11-14"),
    "vtoraya-kvartira": ("2025-10-20T03:00:00+00:00", "2025-10-20 03:00:00", "2025-10-20"),
    # the page's own day is another one than the feed's: the page is believed
    "spisok-veshchey": ("2025-10-26T13:00:00+00:00", "2025-10-25 07:30:00", "2025-10-25"),
}
MONTHS = {"10": "октября", "11": "ноября"}


def _page(title: str, stamp: str) -> str:
    day = stamp[:10]
    label = f"{int(day[8:])} {MONTHS[day[5:7]]} {day[:4]}"
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Дом для мамы</a></nav><main><article><h1>{title}</h1>"
            f"<span class='dt-published' datetime='{stamp}'>{label}</span>"
            + "".join(f"<p>{PROSE}</p>" for _ in range(3)) + "</article></main></body></html>")


def test_a_utc_feed_dates_its_entries_by_the_outlets_own_day(tmp_path):
    folder = tmp_path / "sites" / "iye"
    (folder / "public" / "posts").mkdir(parents=True)
    (folder / "site.yml").write_text(
        "name: iye\nregion: Республика Саха (Якутия)\nfeeds: [/atom.xml]\n", "utf-8")
    entries = ""
    for slug, (instant, stamp, _) in POSTS.items():
        title = f"Запись блога: {slug}"
        (folder / "public" / "posts" / f"{slug}.html").write_text(_page(title, stamp), "utf-8")
        entries += (f"<entry><title>{title}</title><link href='{{{{BASE}}}}/posts/{slug}' "
                    f"rel='alternate'/><updated>{instant}</updated></entry>")
    (folder / "public" / "atom.xml").write_text(
        f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Дом для мамы</title>{entries}</feed>", "utf-8")
    (folder / "public" / "index.html").write_text("<html><body>Дом для мамы</body></html>", "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        done = crawl(sources, tmp_path / "n.db")
    assert done.returncode == 0, done.stderr
    stored = dict(query(tmp_path / "n.db", "select url, published from articles"))
    assert {url.rsplit("/", 1)[1]: day for url, day in stored.items()} == {
        slug: day for slug, (_, _, day) in POSTS.items()}
