"""`Retry-After` on 429/503 is honoured up to a cap (issue 18): the retry of a page comes no sooner
than the server asked, and never later than NEWSMON_RETRY_AFTER_MAX seconds."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime

import pytest
from faults_sites import build_site, count_articles, crawl

from newsmon.siteserver import SiteServer
from spiders.middlewares import retry_after_seconds

NOW = dt.datetime(2026, 10, 5, 12, 0, 0, tzinfo=dt.timezone.utc)


def retries_of(log, path: str) -> list:
    return [e for e in log if e.path == path]


@pytest.mark.parametrize(("header", "extra", "waited"), [
    ("2", [], 2.0),                                            # seconds, under the cap
    ("3600", ["-s", "NEWSMON_RETRY_AFTER_MAX=1"], 1.0),        # an hour asked, the cap waited
], ids=["seconds", "capped"])  # fmt: skip
def test_retry_after_is_waited_before_the_retry(tmp_path, header, extra, waited):
    build_site(tmp_path / "sites", "busy", 2, site={
        "flaky": {"/news/1.html": 1}, "retry_after": {"/news/1.html": header},
    })  # fmt: skip
    db_path = tmp_path / "n.db"
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        result = crawl(sources, db_path, *extra)
        first, retry = retries_of(server.request_log, "/news/1.html")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (first.status, retry.status) == (503, 200)
    assert retry.at - first.at >= waited  # never sooner than asked (or than the cap)
    assert count_articles(db_path) == 2


@pytest.mark.parametrize(("value", "seconds"), [
    (b"120", 120.0),
    (b" 0 ", 0.0),
    (format_datetime(NOW + dt.timedelta(seconds=90), usegmt=True).encode(), 90.0),
    (format_datetime(NOW - dt.timedelta(days=1), usegmt=True).encode(), 0.0),  # in the past
    (b"-5", None),
    (b"soon", None),
    (None, None),
])  # fmt: skip
def test_retry_after_header_values(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds
