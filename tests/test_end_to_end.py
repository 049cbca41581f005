"""The whole job on the demo outlets: crawl on 127.0.0.1 → extract → tag → store → counts → digest.

Ground truth is demo/expected.json (every demo article with its date, relevance, regions, projects)
and the seed labels (tests/fixtures/seed_labels.json, copied from the project's seed set).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from db import open_db
from newsmon.siteserver import SiteServer

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))
SEED_LABELS = json.loads((ROOT / "tests" / "fixtures" / "seed_labels.json").read_text("utf-8"))


def newsmon(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-c", "from newsmon.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"newsmon {' '.join(args)} → {result.returncode}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Crawl the demo web once; tests share the database and the server's request log."""
    tmp = tmp_path_factory.mktemp("e2e")
    with SiteServer(ROOT / "demo" / "sites") as server:
        sources = server.write_sources(tmp / "sources.yml")
        db_path = tmp / "newsmon.db"
        first = newsmon("crawl", "--sources", str(sources), "--db", str(db_path),
                        "--since", "2015-01-01", "--quiet")
        first_log = list(server.request_log)
        server.clear_log()
        second = newsmon("crawl", "--sources", str(sources), "--db", str(db_path),
                         "--since", "2015-01-01", "--quiet")
        second_log = list(server.request_log)
        yield {"db": db_path, "first": first, "second": second, "first_log": first_log,
               "second_log": second_log, "tmp": tmp, "urls": server.urls}


def stored(demo) -> dict[tuple[str, str], dict]:
    db = open_db(demo["db"])
    rows = {}
    for row in db.query("select * from articles"):
        rows[(row["source"], urlsplit(row["url"]).path)] = row
    return rows


def key(item: dict) -> tuple[str, str]:
    return item["outlet"], urlsplit(item["url"] if "url" in item else item["path"]).path


def test_every_demo_article_is_stored_once(demo):
    rows = stored(demo)
    expected = {key(a) for a in EXPECTED}
    assert expected <= set(rows), sorted(expected - set(rows))
    assert len(rows) == len(expected)


def test_publication_dates_are_the_real_ones(demo):
    rows = stored(demo)
    wrong = [(k, rows[k]["published"], a["published"]) for a in EXPECTED
             if rows[(k := key(a))]["published"] != a["published"]]
    assert not wrong


def test_relevance_matches_labels(demo):
    rows = stored(demo)
    wrong = [k for a in EXPECTED if bool(rows[(k := key(a))]["relevant"]) != a["relevant"]]
    assert not wrong


def test_seed_articles_get_their_labelled_regions(demo):
    db = open_db(demo["db"])
    for label in SEED_LABELS:
        row = db.execute("select id from articles where title = ?", [label["title"]]).fetchone()
        assert row, f"seed article not stored: {label['title']}"
        isos = {r[0] for r in db.execute(
            "select iso from article_regions where article_id = ?", [row[0]])}
        assert isos == set(label["iso"]), (label["title"], isos)


def test_counts_json_by_region_matches_the_demo_web(demo):
    month = [a for a in EXPECTED if a["relevant"] and a["published"].startswith("2025-10")]
    want = Counter(iso for a in month for iso in a["iso"])
    out = newsmon("counts", "--db", str(demo["db"]), "--month", "2025-10", "--format", "json")
    rows = json.loads(out.stdout)
    assert {r["iso"]: r["materials"] for r in rows} == dict(want)
    assert all(set(r) == {"region", "iso", "materials", "stories", "mentions"} for r in rows)
    assert all(r["stories"] <= r["materials"] <= r["mentions"] for r in rows)


def test_reprints_share_a_story_with_the_original(demo):
    rows = stored(demo)
    by_path = {k[1]: rows[k] for k in rows}
    reprints = [a for a in EXPECTED if a.get("reprint_of")]
    assert reprints
    for a in reprints:
        original = by_path[urlsplit(a["reprint_of"]).path]
        assert rows[key(a)]["story_id"] == original["id"]


def test_counts_by_project_and_ten_day_range(demo):
    period = [a for a in EXPECTED if a["relevant"] and "2025-10-01" <= a["published"] <= "2025-10-10"]
    assert period, "the demo web should hold articles in 1–10 October 2025"
    out = newsmon("counts", "--db", str(demo["db"]), "--from", "2025-10-01", "--to", "2025-10-10",
                  "--format", "json")
    want_regions = Counter(iso for a in period for iso in a["iso"])
    assert {r["iso"]: r["materials"] for r in json.loads(out.stdout)} == dict(want_regions)
    out = newsmon("counts", "--db", str(demo["db"]), "--month", "2025-10", "--by", "project",
                  "--format", "json")
    got = {r["project"]: r["materials"] for r in json.loads(out.stdout)}
    want = Counter(p for a in EXPECTED if a["relevant"] and a["published"].startswith("2025-10")
                   for p in a.get("projects", []))
    for project, n in want.items():
        assert got.get(project) == n, (project, got)


def test_second_crawl_fetches_no_stored_article(demo):
    article_paths = {urlsplit(a["url"] if "url" in a else a["path"]).path for a in EXPECTED}
    refetched = [r for r in demo["second_log"] if r.path.split("?")[0] in article_paths]
    assert demo["first_log"], "the first crawl fetched nothing"
    assert not refetched
    assert "новых статей 0" in demo["second"].stdout


def test_run_is_recorded(demo):
    db = open_db(demo["db"])
    runs = list(db.query("select * from runs order by id"))
    assert [r["status"] for r in runs] == ["ok", "ok"]
    assert runs[0]["new_articles"] == len(EXPECTED) and runs[1]["new_articles"] == 0


def test_digest_counts_regions(demo):
    out = demo["tmp"] / "digest.html"
    newsmon("digest", "--db", str(demo["db"]), "--month", "2025-10", "--out", str(out))
    # no-break spaces of Russian typography («область\u00a0— Кузбасс») read as spaces
    html = out.read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "октябрь 2025" in html
    month = [a for a in EXPECTED if a["relevant"] and a["published"].startswith("2025-10")]
    for region in {r for a in month for r in a["regions"]}:
        assert region in html


def test_unreachable_outlet_is_reported_and_nothing_is_lost(demo, tmp_path):
    db = open_db(demo["db"])
    before = db["articles"].count
    sources = tmp_path / "sources.yml"
    config = yaml.safe_load((demo["tmp"] / "sources.yml").read_text(encoding="utf-8"))
    config["sources"].append({"name": "down", "url": "http://127.0.0.1:9/", "region": "Москва"})
    sources.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = newsmon("crawl", "--sources", str(sources), "--db", str(demo["db"]), "--quiet",
                     "--source", "down", check=False)
    assert result.returncode != 0
    assert "down" in result.stderr and "Traceback" not in result.stderr
    assert open_db(demo["db"])["articles"].count == before
