"""Run bookkeeping without a crawl: exit codes, the lock, run records, the progress line."""

from __future__ import annotations

import datetime as dt

import pytest

from db import open_db
from db.runs import finish_run, record_url, start_run, url_is_done
from newsmon.crawl.progress import progress_line
from newsmon.crawl.run import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    CrawlLocked,
    CrawlResult,
    crawl_lock,
)


def source(pages: int, errors: int) -> dict:
    return {"pages": pages, "errors": errors, "new_articles": 0, "last_error": None}


@pytest.mark.parametrize(
    ("status", "per_source", "code"),
    [
        ("ok", {"a": source(5, 0), "b": source(3, 1)}, EXIT_OK),  # one failed page is not "down"
        ("partial", {"a": source(5, 0), "b": source(0, 3)}, EXIT_PARTIAL),
        ("failed", {"a": source(0, 1), "b": source(0, 3)}, EXIT_FAILED),
        ("interrupted", {"a": source(5, 0)}, EXIT_FAILED),
    ],
)
def test_exit_codes_for_cron(status, per_source, code):
    assert CrawlResult(1, status, {}, per_source).exit_code == code


def test_lock_refuses_a_second_holder_and_is_released(tmp_path):
    db_path = tmp_path / "n.db"
    with crawl_lock(db_path):
        with pytest.raises(CrawlLocked, match="Сбор уже идёт") as info:
            with crawl_lock(db_path):
                pass
        assert info.value.exit_code == 75
    with crawl_lock(db_path):  # released on exit
        pass


def test_a_run_left_running_is_marked_interrupted_by_the_next(tmp_path):
    db = open_db(tmp_path / "n.db")
    first = start_run(db, None)
    second = start_run(db, dt.date(2026, 1, 1))
    finish_run(db, second, "ok", {"a": {"pages": 4, "new_articles": 2, "errors": 1,
                                        "last_error": "HTTP 500 http://x/"}})  # fmt: skip
    runs = {r["id"]: r for r in db.query("select * from runs")}
    assert runs[first]["status"] == "interrupted" and runs[first]["finished"]
    assert runs[second]["status"] == "ok" and runs[second]["pages"] == 4
    assert runs[second]["since"] == "2026-01-01"
    row = db.execute("select errors, last_error from run_sources where run_id = ?", [second])
    assert row.fetchone() == (1, "HTTP 500 http://x/")


@pytest.mark.parametrize(
    ("status", "published", "since", "done"),
    [
        (404, None, None, True),
        (410, None, None, True),
        (301, None, None, True),
        (200, "2025-03-01", dt.date(2026, 1, 1), True),  # too old for this bound
        (200, "2025-03-01", dt.date(2025, 1, 1), False),  # an earlier bound reaches it
        (200, None, dt.date(2026, 1, 1), False),
        (503, None, None, False),
    ],
)
def test_url_is_done(tmp_path, status, published, since, done):
    db = open_db(tmp_path / "n.db")
    record_url(db, "http://x/news/1", status, published=published)
    assert url_is_done(db, "http://x/news/1", since) is done
    assert url_is_done(db, "http://x/news/2", since) is False


def test_progress_line_per_source():
    stats = {"newsmon/source/omsk/pages": 12, "newsmon/source/omsk/new_articles": 3,
             "newsmon/source/omsk/errors": 1, "newsmon/source/tver/pages": 99}  # fmt: skip
    assert progress_line("omsk", stats) == (
        "[omsk] страниц 12, новых статей 3, уже собранных 0, ошибок 1"
    )


def test_progress_extension_prints_only_sources_that_moved():
    import io
    from types import SimpleNamespace

    from newsmon.crawl.progress import Progress

    stats = {"newsmon/source/omsk/pages": 1}
    settings = SimpleNamespace(getlist=lambda key: [SimpleNamespace(name="omsk"),
                                                    SimpleNamespace(name="tver")])  # fmt: skip
    crawler = SimpleNamespace(stats=SimpleNamespace(get_stats=lambda: stats), settings=settings)
    out = io.StringIO()
    progress = Progress(crawler, 10.0, out)
    progress.report()
    progress.report()  # nothing moved: nothing printed
    stats["newsmon/source/omsk/new_articles"] = 1
    progress.report()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("[omsk] страниц 1, новых статей 0")
    assert lines[1].startswith("[tver] страниц 0")
    assert lines[2].startswith("[omsk] страниц 1, новых статей 1")
    assert len(lines) == 3


@pytest.mark.parametrize("pair", ["DOWNLOAD_DELAY", "download_delay=1", "=1"])
def test_bad_setting_override_is_one_line_exit_2(pair, tmp_path):
    from click.testing import CliRunner

    from newsmon.cli import cli

    result = CliRunner().invoke(cli, ["crawl", "-s", pair, "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("newsmon: -s ") and "\n" not in result.stderr.strip()


def test_setting_overrides_are_read_as_yaml():
    from newsmon.commands.crawl import parse_overrides

    pairs = ("DOWNLOAD_DELAY=1.5", "ROBOTSTXT_OBEY=false", "REDIS_URL=redis://h:6379",
             "NEWSMON_EXTRACT_WORKERS=0")  # fmt: skip
    assert parse_overrides(pairs) == {
        "DOWNLOAD_DELAY": 1.5, "ROBOTSTXT_OBEY": False, "REDIS_URL": "redis://h:6379",
        "NEWSMON_EXTRACT_WORKERS": 0,
    }


class _Stats(dict):
    def inc_value(self, key, n=1):
        self[key] = self.get(key, 0) + n

    def set_value(self, key, value):
        self[key] = value


@pytest.mark.parametrize(
    ("url", "redirected", "follow", "errors"),
    [
        ("http://127.0.0.1:8001/news/1", False, True, 0),
        ("http://127.0.0.1:8002/news/1", False, False, 0),  # the outlet next door, by port
        ("https://127.0.0.1:8001/news/1", False, False, 0),
        ("http://localhost:8001/news/1", True, False, 1),  # moved elsewhere: an error to fix
    ],
)
def test_offsite_middleware_compares_scheme_host_and_port(url, redirected, follow, errors):
    from types import SimpleNamespace

    from scrapy import Request

    from spiders.middlewares import OriginOffsiteMiddleware

    stats = _Stats()
    middleware = OriginOffsiteMiddleware(stats)
    spider = SimpleNamespace(sources={"a": SimpleNamespace(name="a", url="http://127.0.0.1:8001/")})
    meta = {"source": "a", **({"redirect_urls": ["http://127.0.0.1:8001/old"]} if redirected else {})}
    assert middleware.should_follow(Request(url, meta=meta), spider) is follow
    assert stats.get("newsmon/source/a/errors", 0) == errors
    assert middleware.should_follow(Request("http://127.0.0.1:9/robots.txt"), spider)
