"""Corrections over the real flow on the demo outlets: crawl → correct → crawl again → retag; and
explain's verdicts on every crawled article equal what the crawl stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_db
from newsmon.siteserver import SiteServer

ROOT = Path(__file__).resolve().parent.parent


def newsmon(*args: str, env: dict | None = None) -> str:
    import os

    result = subprocess.run(
        [sys.executable, "-c", "from newsmon.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, f"newsmon {' '.join(args)} → {result.returncode}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corrections_crawl")
    with SiteServer(ROOT / "demo" / "sites") as server:
        sources = server.write_sources(tmp / "sources.yml")
        db_path = tmp / "newsmon.db"
        newsmon("crawl", "--sources", str(sources), "--db", str(db_path), "--since", "2015-01-01",
                "--quiet")
        yield {"db": db_path, "sources": sources, "server": server}


def region_counts(db_path: Path, month: str) -> dict[str, int]:
    out = newsmon("counts", "--month", month, "--format", "json", "--db", str(db_path))
    return {row["iso"]: row["materials"] for row in json.loads(out)}


def test_explain_agrees_with_what_the_crawl_stored(crawled, models):
    from db.article import article_row, stored_verdicts
    from pipeline.tag.explain import explain_text, verdicts

    db = open_db(crawled["db"])
    ids = [row[0] for row in db.execute("select id from articles order by id")]
    assert len(ids) >= 20
    for article_id in ids:
        row = article_row(db, article_id)
        result, _ = explain_text(row["text"], row["title"] or "", row["home_iso"])
        assert verdicts(result) == stored_verdicts(db, article_id, tuple(result.labels)), row["url"]
    db.conn.close()


def test_a_correction_survives_a_recrawl_and_retag(crawled):
    db_path = crawled["db"]
    db = open_db(db_path)
    article_id, url, month, iso = db.execute(
        """select a.id, a.url, substr(a.published, 1, 7), k.iso from articles a
           join article_regions k on k.article_id = a.id
           where a.relevant = 1 and a.published is not null order by a.id limit 1""").fetchone()
    db.conn.close()
    before = region_counts(db_path, month)
    out = newsmon("correct", url, "--irrelevant", "--reason", "не о семьях", "--db", str(db_path),
                  env={"NEWSMON_ANALYST": "Иванова"})
    assert f"статья {article_id}" in out
    after = region_counts(db_path, month)
    assert after.get(iso, 0) == before[iso] - 1
    newsmon("crawl", "--sources", str(crawled["sources"]), "--db", str(db_path),
            "--since", "2015-01-01", "--quiet")
    assert region_counts(db_path, month) == after
    newsmon("retag", "--db", str(db_path), "--quiet")
    assert region_counts(db_path, month) == after
    explained = json.loads(newsmon("explain", str(article_id), "--format", "json",
                                   "--db", str(db_path)))
    assert explained["stored"]["relevant"] is False
    assert explained["machine_values"]["relevant"] is True
    assert explained["corrections"][0]["author"] == "Иванова"
