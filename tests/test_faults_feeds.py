"""Silently empty sources (issue 18): feeds and sitemaps on another host or port are read when
sources.yml lists them (articles still only from the outlet's own origin); a feed that cannot be
parsed is an error for its source; sources.yml URLs that would fail at run time are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from faults_sites import build_site, count_articles, crawl, query

from newsmon.cli import cli
from newsmon.siteserver import SiteServer

N = 4


def write_sources(path: Path, entries: list[dict]) -> Path:
    path.write_text(yaml.safe_dump({"sources": entries}, allow_unicode=True), encoding="utf-8")
    return path


def rss(urls: list[str]) -> str:
    items = "".join(f"<item><title>Новость {i}</title><link>{u}</link></item>"
                    for i, u in enumerate(urls))  # fmt: skip
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}</channel></rss>'


def urlset(urls: list[str]) -> str:
    rows = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>')


@pytest.fixture
def outlet_and_cdn(tmp_path):
    """An outlet without feeds of its own and a CDN host (another port) that serves them."""
    sites = tmp_path / "sites"
    build_site(sites, "outlet", N, sitemap=False)
    build_site(sites, "cdn", 0, sitemap=False)
    (sites / "cdn" / "public" / "news").mkdir(exist_ok=True)
    (sites / "cdn" / "public" / "news" / "cdn-only.html").write_text(
        (sites / "outlet" / "public" / "news" / "0.html").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    with SiteServer(sites) as server:
        yield server, sites


def test_feed_on_another_port_is_read_and_articles_stay_on_the_outlet(tmp_path, outlet_and_cdn):
    server, sites = outlet_and_cdn
    articles = [server.url("outlet", f"/news/{i}.html") for i in range(N)]
    (sites / "cdn" / "public" / "rss.xml").write_text(
        rss([*articles, server.url("cdn", "/news/cdn-only.html")]), encoding="utf-8"
    )
    sources = write_sources(tmp_path / "sources.yml", [
        {"name": "outlet", "url": server.url("outlet"), "region": "Калужская область",
         "feeds": [server.url("cdn", "/rss.xml")]},
    ])  # fmt: skip
    db_path = tmp_path / "n.db"
    result = crawl(sources, db_path)
    log = server.request_log
    assert result.returncode == 0, result.stdout + result.stderr
    assert count_articles(db_path) == N
    assert ("cdn", "/rss.xml") in {(e.site, e.path) for e in log}
    assert not [e for e in log if e.site == "cdn" and e.path.startswith("/news/")]
    assert query(db_path, "select status, new_articles from runs") == [("ok", N)]


def test_sitemap_index_on_another_host_with_its_child_sitemap(tmp_path, outlet_and_cdn):
    server, sites = outlet_and_cdn
    articles = [server.url("outlet", f"/news/{i}.html") for i in range(N)]
    public = sites / "cdn" / "public"
    (public / "sitemap-news.xml").write_text(urlset(articles), encoding="utf-8")
    (public / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
        f'schemas/sitemap/0.9"><sitemap><loc>{server.url("cdn", "/sitemap-news.xml")}</loc>'
        "</sitemap></sitemapindex>",
        encoding="utf-8",
    )
    sources = write_sources(tmp_path / "sources.yml", [
        {"name": "outlet", "url": server.url("outlet"), "region": "Калужская область",
         "sitemaps": [server.url("cdn", "/sitemap.xml")]},
    ])  # fmt: skip
    db_path = tmp_path / "n.db"
    result = crawl(sources, db_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert count_articles(db_path) == N


TRUNCATED = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Лента'
             '<item><title>Новость</title><link>{{BASE}}/news/0.html</lnk></item')
GARBLED = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><item <<link>>'


@pytest.mark.parametrize(
    ("feed", "status", "code", "stored"),
    [(TRUNCATED, "partial", 3, 1), (GARBLED, "failed", 1, 0)],
    ids=["truncated-one-item-salvaged", "garbled-nothing-salvaged"],
)
def test_malformed_feed_is_an_error_of_its_source(tmp_path, feed, status, code, stored):
    sites = tmp_path / "sites"
    build_site(sites, "broken", N, sitemap=False, site={"feeds": ["/rss.xml"]})
    (sites / "broken" / "public" / "rss.xml").write_text(feed, encoding="utf-8")
    db_path = tmp_path / "n.db"
    with SiteServer(sites) as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        result = crawl(sources, db_path)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    [(errors, last_error)] = query(db_path, "select errors, last_error from run_sources")
    assert errors == 1 and "лента не разобрана" in last_error and "rss.xml" in last_error
    assert query(db_path, "select status, new_articles from runs") == [(status, stored)]
    assert "ошибок 1" in result.stdout


@pytest.mark.parametrize(
    ("field", "value"),
    [("url", "http://127.0.0.1:99999/"), ("url", "http://news.example:port/"),
     ("feeds", ["http://127.0.0.1:70000/rss.xml"]), ("sitemaps", ["https://exa mple.ru/s.xml"]),
     ("feeds", ["file:///etc/passwd"])],
    ids=["url-port", "url-nonnumeric-port", "feed-port", "sitemap-space", "feed-scheme"],
)
def test_url_that_would_fail_at_run_time_is_refused_with_file_and_line(tmp_path, field, value):
    entry = {"name": "bad", "url": "http://127.0.0.1:8000/", "region": "Курская область",
             field: value}  # fmt: skip
    sources = write_sources(tmp_path / "sources.yml", [entry])
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(sources),
                                      "--db", str(tmp_path / "n.db")])  # fmt: skip
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "sources.yml" in lines[0] and field in lines[0], result.output
    assert not (tmp_path / "n.db").exists()
