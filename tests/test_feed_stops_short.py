"""A feed of the latest few entries that does not reach back to --since (a first crawl, a missed
week) sends the crawl to the outlet's listing, which is followed while it brings something new;
a feed that does reach the bound is enough (set 36's first look lost the oldest post of an 11ty
blog whose Atom feed held the last ten)."""

from __future__ import annotations

import shutil
from pathlib import Path

from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

NIGHT1 = Path(__file__).resolve().parent.parent / "eval" / "blind_outlets36" / "night1" / "tam"
OLDEST = "/posts/nabor-nastavnikov-osen-2025/"  # 4 September, only on the listing's page 2


def _serve(tmp_path: Path) -> Path:
    sites = tmp_path / "sites"
    shutil.copytree(NIGHT1, sites / "tam")
    return sites


def test_a_feed_short_of_the_bound_sends_the_crawl_to_the_listing(tmp_path):
    with SiteServer(_serve(tmp_path)) as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        assert "feed.xml" in sources.read_text(encoding="utf-8")
        db = tmp_path / "news.db"
        run = crawl(sources, db, "--since", "2025-09-01",
                    "-s", "NEWSMON_CRAWL_TIME=2025-11-13T18:00:00")  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        stored = {u for (u,) in query(db, "select url from urls where status = 200")}
        assert server.url("tam", OLDEST) in stored
        assert any(path.startswith("/posts/2/") for path in _paths(server))


def test_a_feed_reaching_the_bound_is_enough(tmp_path):
    with SiteServer(_serve(tmp_path)) as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db = tmp_path / "news.db"
        run = crawl(sources, db, "--since", "2025-09-15",
                    "-s", "NEWSMON_CRAWL_TIME=2025-11-13T18:00:00")  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        assert not any(path.startswith("/posts/2/") for path in _paths(server))
        assert query(db, "select count(*) from articles")[0][0] >= 8


def _paths(server: SiteServer) -> list[str]:
    return [entry.path for entry in server.request_log]
