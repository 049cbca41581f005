"""News is dated: a page reached by a link that gives no publication date anywhere — a service,
document or group page written as prose — is not stored as an article. It is asked again on the
next nights for a few days when it is as long as an article (a post of the crawl's own day may
show its date only in a sidebar, or only the next day), then no more; a short one is left at once.
A date the outlet's feed gives is enough."""

from __future__ import annotations

import sqlite3

import yaml
from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

PROSE = ("Специалисты центра консультируют родителей и помогают оформить документы на пособия. "
         "Приём ведётся по будням с девяти до шести, запись по телефону. Консультации бесплатны "
         "для многодетных и малообеспеченных семей, а также для опекунов и приёмных родителей.")


def _page(title: str, dated: bool, paragraphs: int = 3) -> str:
    date = "<time datetime='2025-10-07'>7 октября 2025</time>" if dated else ""
    more = ("Осенью центр открыл ещё два кабинета.", "Зимой приём продлят до восьми вечера.",
            "Весной пройдут выездные консультации в районах.")
    body = "".join(f"<p>{PROSE} {more[i % 3]}</p>" for i in range(paragraphs))
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><main>"
            f"<h1>{title}</h1>{date}{body}</main></body></html>")


def test_an_undated_page_is_no_article_unless_a_feed_dates_it(tmp_path):
    folder = tmp_path / "sites" / "centre"
    (folder / "public" / "uslugi").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": "centre", "region": "Тверская область", "sitemaps": ["/sitemap.xml"],
         "feeds": ["/rss.xml"]}, allow_unicode=True), encoding="utf-8")  # fmt: skip
    pages = {"konsultacii": ("Консультации для семей", False),
             "novost": ("Центр открыл консультации для семей", True),
             "v-lente": ("Консультации для семей расширены", False)}
    for slug, (title, dated) in pages.items():
        (folder / "public" / "uslugi" / f"{slug}.html").write_text(_page(title, dated), "utf-8")
    # A short undated page (a calendar entry, a notice) is left at once.
    (folder / "public" / "uslugi" / "kratko.html").write_text(
        _page("Приём по средам", False, paragraphs=1), "utf-8")
    (folder / "public" / "rss.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item>'
        "<title>Консультации</title><link>{{BASE}}/uslugi/v-lente.html</link>"
        "<pubDate>Wed, 08 Oct 2025 09:00:00 +0300</pubDate></item></channel></rss>", "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/uslugi/konsultacii.html</loc></url>'
        "<url><loc>{{BASE}}/uslugi/novost.html</loc></url>"
        "<url><loc>{{BASE}}/uslugi/kratko.html</loc></url></urlset>", "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db_path = tmp_path / "n.db"
        first = crawl(sources, db_path)
        log_after_first = len(server.request_log)
        second = crawl(sources, db_path)
        log_after_second = len(server.request_log)
        again = [e.path for e in server.request_log[log_after_first:log_after_second]]
        # Three days later the undated page is left alone.
        with sqlite3.connect(db_path) as con:
            con.execute("update urls set first_seen = '2020-01-01T00:00:00+00:00' "
                        "where url like '%konsultacii%'")
        third = crawl(sources, db_path)
        later = [e.path for e in server.request_log[log_after_second:]]
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert third.returncode == 0, third.stderr
    rows = query(db_path, "select url, published, date_method from articles order by url")
    assert [(u.rsplit("/", 1)[1], p, m) for u, p, m in rows] == [
        ("novost.html", "2025-10-07", "time"), ("v-lente.html", "2025-10-08", "feed")]
    assert "/uslugi/konsultacii.html" in again
    assert "/uslugi/kratko.html" not in again
    assert "/uslugi/konsultacii.html" not in later
    assert query(db_path, "select status from urls where url like '%konsultacii%'") == [(299,)]


def test_a_replayed_night_reads_a_later_date_as_the_future(tmp_path):
    """NEWSMON_CRAWL_TIME replays a past night (the blind outlets' evaluation): an announcement
    dated after that evening has no publication date yet and is not stored, while the same
    page crawled today is; the articles carry the replayed fetch time."""
    folder = tmp_path / "sites" / "centre"
    (folder / "public" / "news").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": "centre", "region": "Тверская область", "sitemaps": ["/sitemap.xml"]},
        allow_unicode=True), encoding="utf-8")  # fmt: skip
    (folder / "public" / "news" / "1.html").write_text(_page("Центр открыл консультации", True))
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/1.html</loc></url></urlset>', "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        before = crawl(sources, tmp_path / "before.db", "-s",
                       "NEWSMON_CRAWL_TIME=2025-10-01T18:00:00+00:00")  # fmt: skip
        after = crawl(sources, tmp_path / "after.db", "-s",
                      "NEWSMON_CRAWL_TIME=2025-10-08T18:00:00+00:00")  # fmt: skip
    assert before.returncode == 0 and after.returncode == 0, before.stderr + after.stderr
    assert query(tmp_path / "before.db", "select count(*) from articles") == [(0,)]
    assert query(tmp_path / "after.db", "select published, fetched_at from articles") == [
        ("2025-10-07", "2025-10-08T18:00:00+00:00")]
