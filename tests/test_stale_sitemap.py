"""A sitemap the CMS stopped regenerating (set 112's Subrion portal lists on the second night
only what it had on the first) hides the newest articles; the front page, read beside feeds and
sitemaps for its own links, finds them."""

from __future__ import annotations

import shutil
from pathlib import Path

from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

SET = Path(__file__).resolve().parent.parent / "eval" / "blind_outlets112"
NEWEST = "/news/243-nashi-zemlyaki-v-surgute-vzyali-pod-opeku-troih-bratev.html"


def test_the_front_page_finds_what_a_stale_sitemap_leaves_out(tmp_path):
    db = tmp_path / "news.db"
    for night, when in (("night1", "2025-11-13"), ("sites", "2025-11-28")):
        sites = tmp_path / night
        shutil.copytree(SET / night / "grozny", sites / "grozny")
        with SiteServer(sites, base_port=18911) as server:
            sources = server.write_sources(tmp_path / "sources.yml")
            assert "sitemap" in sources.read_text(encoding="utf-8")
            run = crawl(sources, db, "--since", "2025-09-01",
                        "-s", f"NEWSMON_CRAWL_TIME={when}T18:00:00+00:00")  # fmt: skip
            assert run.returncode == 0, run.stderr[-2000:]
            if night == "sites":
                sitemap = (sites / "grozny" / "public" / "sitemap.xml").read_text(encoding="utf-8")
                assert NEWEST not in sitemap  # the sitemap is stale indeed
                stored = {u for (u,) in query(db, "select url from urls where status = 200")}
                assert server.url("grozny", NEWEST) in stored
