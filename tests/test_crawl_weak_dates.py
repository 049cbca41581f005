"""A date that only stands outside the article (htmldate's, "htmldate-unconfirmed") is kept when
nothing else dates the page, and a date the crawl has from the outlet's feed overrides it."""

from __future__ import annotations

import yaml
from faults_sites import crawl, query
from test_dates import sidebar_dated_page

from newsmon.siteserver import SiteServer


def test_feed_date_overrides_an_unconfirmed_date_and_stands_in_when_there_is_none(tmp_path):
    folder = tmp_path / "sites" / "outlet"
    (folder / "public" / "news").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": "outlet", "region": "Калужская область", "sitemaps": ["/sitemap.xml"],
         "feeds": ["/rss.xml"]}, allow_unicode=True), encoding="utf-8")  # fmt: skip
    for n in range(2):
        (folder / "public" / "news" / f"{n}.html").write_text(sidebar_dated_page(n), "utf-8")
    (folder / "public" / "rss.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item>'
        "<title>Новость 0</title><link>{{BASE}}/news/0.html</link>"
        "<pubDate>Mon, 15 Apr 2024 09:00:00 +0300</pubDate></item></channel></rss>", "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/1.html</loc></url></urlset>', "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = tmp_path / "sources.yml"
        sources.write_text(yaml.safe_dump({"sources": [
            {"name": "outlet", "url": server.url("outlet"), "region": "Калужская область",
             "feeds": [server.url("outlet", "/rss.xml")],
             "sitemaps": [server.url("outlet", "/sitemap.xml")]},
        ]}, allow_unicode=True), encoding="utf-8")  # fmt: skip
        db_path = tmp_path / "n.db"
        result = crawl(sources, db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = query(db_path, "select url, published, date_method from articles order by url")
    assert [(url.rsplit("/", 1)[1], published, method) for url, published, method in rows] == [
        ("0.html", "2024-04-15", "feed"),
        ("1.html", "2024-03-12", "htmldate-unconfirmed"),
    ]
