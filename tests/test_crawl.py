"""`newsmon crawl` end to end on the six fixture outlets (tests/sites/) plus one that is down.

One module-scoped scenario, three crawls on one database, asserting on the database and on the
site server's request log:
1. `--since 2026-01-01` over everything;
2. the same the next "night", after two outlets published one new article each;
3. `--since 2020-01-01` for two outlets, reaching back into their archives.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from db import open_db
from newsmon.siteserver import SiteServer

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "sites"
TEXTS = yaml.safe_load((SITES / "articles.yml").read_text(encoding="utf-8"))
EXIT_PARTIAL, EXIT_LOCKED = 3, 75


def newsmon(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from newsmon.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def publish_next_day(sites: Path) -> None:
    """Two outlets publish one article each: a feed item and a row on a cp1251 listing."""
    public = sites / "feeds_only" / "public"
    page = (public / "news" / "5001" / "index.html").read_text(encoding="utf-8")
    (public / "news" / "5010").mkdir()
    (public / "news" / "5010" / "index.html").write_text(
        page.replace(TEXTS[0]["title"], "Новая статья о семьях").replace("2026-10-05", "2026-11-02"),
        encoding="utf-8",
    )
    rss = (public / "rss.xml").read_text(encoding="utf-8")
    (public / "rss.xml").write_text(
        rss.replace("<item>", "<item><title>Новая</title><link>{{BASE}}/news/5010/</link>"
                    "<pubDate>Mon, 02 Nov 2026 09:00:00 +0600</pubDate></item>\n<item>", 1),
        encoding="utf-8",
    )  # fmt: skip
    public = sites / "cp1251_listing" / "public"
    article = (public / "novosti" / "7101" / "index.html").read_text(encoding="utf-8")
    (public / "novosti" / "7109").mkdir()
    (public / "novosti" / "7109" / "index.html").write_text(article, encoding="utf-8")
    home = (public / "index.html").read_text(encoding="utf-8")
    (public / "index.html").write_text(
        home.replace('<table class="news">', '<table class="news"><tr><td>01.11.2026</td><td>'
                     '<a href="/novosti/7109/">Свежая новость о кураторах семей</a></td></tr>', 1),
        encoding="utf-8",
    )  # fmt: skip


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    sites = tmp / "sites"
    shutil.copytree(SITES, sites)
    db_path = tmp / "newsmon.db"
    with SiteServer(sites) as server:
        sources = server.write_sources(tmp / "sources.yml")
        doc = yaml.safe_load(sources.read_text(encoding="utf-8"))
        doc["sources"].append(
            {"name": "down", "url": f"http://127.0.0.1:{closed_port()}/", "region": "Курская обл."}
        )
        sources.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        base = ["crawl", "--sources", str(sources), "--db", str(db_path), "--quiet",
                "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1"]  # fmt: skip
        runs = {}
        for name, extra in (
            ("first", ["--since", "2026-01-01"]),
            ("second", ["--since", "2026-01-01"]),
            ("archive", ["--since", "2020-01-01", "--source", "words_dates",
                         "--source", "sitemap_index"]),
        ):  # fmt: skip
            if name == "second":
                publish_next_day(sites)
            server.clear_log()
            result = newsmon(*base, *extra)
            runs[name] = {"result": result, "log": server.request_log}
            if name == "first":
                runs[name]["articles"] = articles(db_path)
        yield {"db": db_path, "runs": runs, "sources": sources, "urls": server.urls,
               "server": server, "tmp": tmp}  # fmt: skip


def articles(db_path: Path) -> dict[tuple[str, str], dict]:
    db = open_db(db_path)
    rows = {(r["source"], urlsplit(r["url"]).path): r for r in db.query("select * from articles")}
    db.conn.close()
    return rows


def paths(log, site: str) -> list[str]:
    return [e.path for e in log if e.site == site]


def test_first_crawl_stores_each_article_once(web):
    counts: dict[str, int] = {}
    for source, _ in web["runs"]["first"]["articles"]:
        counts[source] = counts.get(source, 0) + 1
    assert counts == {"aggregator": 5, "cp1251_listing": 8, "feeds_only": 4, "jsonld_meta": 4,
                      "sitemap_index": 3, "words_dates": 3}  # fmt: skip


def test_down_outlet_is_one_line_and_exit_3(web):
    result = web["runs"]["first"]["result"]
    assert result.returncode == EXIT_PARTIAL, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [line for line in lines if line.startswith("newsmon: источник down недоступен")]
    assert len(lines) == 1
    assert "Итого:" in result.stdout


def test_utm_duplicates_and_mobile_copy_are_one_article(web):
    stored = web["runs"]["first"]["articles"]
    agg = sorted(path for source, path in stored if source == "aggregator")
    assert agg == [f"/story/{n}" for n in range(301, 306)]
    assert all("utm_" not in row["url"] and "yclid" not in row["url"] for row in stored.values())
    db = open_db(web["db"])
    mobile = db.execute("select article_id from urls where url like '%/m/story/302'").fetchone()
    desktop = stored[("aggregator", "/story/302")]["id"]
    assert mobile == (desktop,)


def test_redirected_old_url_is_one_article(web):
    stored = web["runs"]["first"]["articles"]
    assert ("sitemap_index", "/articles/lager-dlya-detey") not in stored
    assert ("sitemap_index", "/articles/2026/10/lager-dlya-detey-iz-priemnyh-semey.html") in stored
    assert "/articles/lager-dlya-detey" not in paths(web["runs"]["second"]["log"], "sitemap_index")


@pytest.mark.parametrize(
    ("site", "forbidden"),
    [
        ("feeds_only", "/private/"),  # robots.txt
        ("sitemap_index", "/drafts/"),  # robots.txt
        ("cp1251_listing", "/tags/"),
        ("cp1251_listing", "/author/"),
        ("cp1251_listing", "/print/"),
        ("cp1251_listing", "print=Y"),
        ("cp1251_listing", "/about/"),
    ],
)
def test_forbidden_and_non_article_pages_are_not_fetched(web, site, forbidden):
    assert not [p for p in paths(web["runs"]["first"]["log"], site) if forbidden in p]


def test_offsite_links_are_not_followed(web):
    db = open_db(web["db"])
    rows = db.execute("select source, errors, last_error from run_sources where run_id = 1")
    errors = {source: (n, last or "") for source, n, last in rows}
    assert errors["aggregator"] == (0, "")  # 127.0.0.1:1 never tried
    assert "127.0.0.1:1/" not in errors["feeds_only"][1]


def test_a_page_that_times_out_is_one_counted_error(web):
    db = open_db(web["db"])
    n, last = db.execute(
        "select errors, last_error from run_sources where run_id = 1 and source = 'feeds_only'"
    ).fetchone()
    assert n == 1 and "Timeout" in last and "/news/5006/" in last


@pytest.mark.parametrize(
    ("source", "path", "text"),
    [
        ("cp1251_listing", "/novosti/7104/", 9),  # charset in <meta> only; unclosed <p>, <div>
        ("aggregator", "/story/303", 1),  # charset in the Content-Type header only
    ],
)
def test_windows_1251_is_decoded(web, source, path, text):
    row = web["runs"]["first"]["articles"][(source, path)]
    assert row["title"] == TEXTS[text]["title"]
    assert TEXTS[text]["body"][1][:60] in row["text"]


@pytest.mark.parametrize(
    ("source", "path", "published"),
    [
        ("jsonld_meta", "/2026/10/granty-nko/", "2026-10-29"),  # JSON-LD and meta only
        ("words_dates", "/news/kuratory-semey.html", "2026-10-14"),  # «14 октября 2026 года»
        ("feeds_only", "/news/5003/", "2026-10-20"),  # answered 503 once, retried
        ("cp1251_listing", "/novosti/7108/", "2026-09-18"),  # third listing page
    ],
)
def test_publication_dates(web, source, path, published):
    assert web["runs"]["first"]["articles"][(source, path)]["published"] == published


def test_since_skips_old_entries_before_fetching(web):
    log = web["runs"]["first"]["log"]
    assert "/news/5005/" not in paths(log, "feeds_only")  # the Atom entry says 2025
    assert "/sitemaps/2025.xml" not in paths(log, "sitemap_index")  # its lastmod says 2025
    assert all(r["published"] >= "2026-01-01" for r in web["runs"]["first"]["articles"].values())


def test_gone_and_failing_pages_are_recorded_not_fatal(web):
    db = open_db(web["db"])
    assert db.execute("select status from urls where url like '%/news/5098/'").fetchone() == (404,)
    row = db.execute(
        "select errors, last_error from run_sources where run_id = 1 and source = 'jsonld_meta'"
    ).fetchone()
    assert row[0] == 1 and "500" in row[1]
    down = db.execute(
        "select pages, errors, last_error from run_sources where run_id = 1 and source = 'down'"
    ).fetchone()
    assert down[0] == 0 and down[1] >= 1 and "refused" in down[2].lower()


def test_runs_are_recorded(web):
    db = open_db(web["db"])
    runs = list(db.query("select * from runs order by id"))
    assert [r["status"] for r in runs] == ["partial", "partial", "ok"]
    assert runs[0]["new_articles"] == 27 and runs[0]["pages"] > 27
    assert runs[1]["new_articles"] == 2
    assert all(r["finished"] >= r["started"] for r in runs)


def test_second_crawl_fetches_only_new_articles(web):
    log = web["runs"]["second"]["log"]
    stored = {path for _, path in web["runs"]["first"]["articles"]}
    refetched = sorted({e.path for e in log} & stored)
    assert refetched == []
    assert "/news/staryy-forum.html" not in paths(log, "words_dates")  # remembered as too old
    # A contacts page in the sitemap is furniture by its address: not fetched on either night.
    assert "/kontakty.html" not in paths(web["runs"]["first"]["log"], "words_dates")
    assert "/kontakty.html" not in paths(log, "words_dates")
    assert "/news/5010/" in paths(log, "feeds_only")
    assert "/novosti/7109/" in paths(log, "cp1251_listing")
    assert web["runs"]["second"]["result"].returncode == EXIT_PARTIAL


def test_listing_pagination_stops_at_the_first_known_page(web):
    first = paths(web["runs"]["first"]["log"], "cp1251_listing")
    second = paths(web["runs"]["second"]["log"], "cp1251_listing")
    assert "/?PAGEN_1=3" in first
    assert "/?PAGEN_1=2" in second  # page 1 had a new article, so page 2 was looked at
    assert "/?PAGEN_1=3" not in second  # page 2 had nothing new
    assert "/page/2/" not in paths(web["runs"]["second"]["log"], "jsonld_meta")


def test_earlier_since_reaches_into_the_archive(web):
    result = web["runs"]["archive"]["result"]
    assert result.returncode == 0, result.stderr
    log = web["runs"]["archive"]["log"]
    assert "/sitemaps/2025.xml" in paths(log, "sitemap_index")
    assert "/news/staryy-forum.html" in paths(log, "words_dates")
    stored = articles(web["db"])
    assert stored[("words_dates", "/news/staryy-forum.html")]["published"] == "2024-03-05"
    park = stored[("sitemap_index", "/articles/2025/05/gorodskoy-park.html")]
    assert park["published"] == "2025-05-20"
    # only the two sources, bar the slow page of an earlier run that the server logs on answering
    assert {e.site for e in log if e.path != "/news/5006/"} == {"words_dates", "sitemap_index"}


def test_second_crawl_on_a_locked_database_exits_75(web):
    from newsmon.crawl.run import crawl_lock

    with crawl_lock(web["db"]):
        result = newsmon("crawl", "--sources", str(web["sources"]), "--db", str(web["db"]))
    assert result.returncode == EXIT_LOCKED
    assert result.stderr.strip().startswith("newsmon: Сбор уже идёт")
    assert len(result.stderr.strip().splitlines()) == 1


def test_listing_pagination_stops_where_articles_get_older_than_since(web):
    """cp1251_listing: page 1 is October 21-30, page 2 October 4-15, page 3 September."""
    server = web["server"]
    server.clear_log()
    result = newsmon("crawl", "--sources", str(web["sources"]), "--db", str(web["tmp"] / "since.db"),
                     "--quiet", "--source", "cp1251_listing", "--since", "2026-10-20")  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = paths(server.request_log, "cp1251_listing")
    assert "/?PAGEN_1=2" in log  # page 1 had articles recent enough
    assert "/?PAGEN_1=3" not in log  # page 2 had none
    stored = articles(web["tmp"] / "since.db")
    assert all(row["published"] >= "2026-10-20" for row in stored.values())
    assert len(stored) == 4  # the three of page 1 and the one published since the first run
