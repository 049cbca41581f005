"""The third blind set of issue 17 (eval/blind_outlets3/), scored by eval/run_blind_outlets.py.

No floor on the scores yet: the set estimates outlets nobody tuned on. Asserted is only that the
set is consistent: a real two-night crawl of it completes, every page the crawl stores is judged
by the gold, the gold lists every page once with full article labels, the first night shows only
what was published by then, and the committed sites are what build.py renders.
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets3"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("blind3")
    return run_blind_outlets.crawl(tmp / "blind3.db", tmp, HERE)


def test_the_set_is_found_by_name_and_number():
    assert run_blind_outlets.set_dir("blind_outlets3") == HERE
    assert run_blind_outlets.set_dir("3") == HERE


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    gold = run_blind_outlets.load_gold(HERE)
    report = run_blind_outlets.score(gold, crawled)
    assert crawled["stored"], "the crawl stored nothing: the sites or the runner are broken"
    assert 0 < crawled["night1_stored"] <= len(crawled["stored"])
    assert crawled["night2_requests"] > 0
    assert report.unknown == []
    assert {row["source"] for row in crawled["stored"]} <= set(gold["outlets"])
    for name, (hits, total) in report.figures.items():
        assert 0 <= hits <= total, name
    assert report.figures["stored recall"][1] == sum(p["is_article"] for p in gold["pages"])
    assert set(crawled["counts"]) == set(gold["months"])


def test_gold_lists_every_page_once_with_article_labels():
    gold = run_blind_outlets.load_gold(HERE)
    keys = [(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]]
    assert len(keys) == len(set(keys))
    assert {p["outlet"] for p in gold["pages"]} == set(gold["outlets"])
    articles = [p for p in gold["pages"] if p["is_article"]]
    assert len(articles) >= 60 and len(gold["pages"]) - len(articles) >= 40
    assert all({"published", "relevant", "regions", "story"} <= set(p) for p in articles)
    assert all(p["published"][:7] in gold["months"] for p in articles)
    stories: dict[str, set[str]] = {}
    for p in articles:
        stories.setdefault(p["story"], set()).add(p["outlet"])
    assert any(len(o) > 1 for o in stories.values()), "the set should hold a cross-outlet reprint"


def test_the_first_night_shows_only_what_was_published_by_then():
    gold = run_blind_outlets.load_gold(HERE)
    night1 = dt.date.fromisoformat(gold["nights"]["night1"])
    later = [p for p in gold["pages"] if p["is_article"] and dt.date.fromisoformat(p["published"]) > night1]
    assert later, "the second night should bring new articles"
    text = "\n".join(p.read_text(encoding="utf-8") for p in (HERE / "night1").rglob("*") if p.is_file())
    for p in later:
        assert p["title"] not in text and html.escape(p["title"]) not in text, p["url"]


def test_committed_sites_are_what_build_py_renders(tmp_path):
    result = subprocess.run([sys.executable, str(HERE / "build.py"), "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for d in ("sites", "night1")
                for p in (root / d).rglob("*") if p.is_file()} | {"gold.json": (root / "gold.json").read_bytes()}  # fmt: skip

    committed, rendered = files(HERE), files(tmp_path)
    changed = sorted(k for k in committed.keys() | rendered.keys() if committed.get(k) != rendered.get(k))
    assert not changed, f"eval/blind_outlets3/ is stale: run build.py and commit ({changed[:5]})"


def test_the_causes_fixed_after_the_first_look_stay_fixed(crawled):
    """Not blind any more (the first look is in the README): floors against losing what fixed
    its causes — page types by structure (Drupal month archives, presenters' cards), a rubric of
    one item read as a listing, a regional body's own site speaking of its region, reviews that
    tell what happens in each region clause by clause, lists acting through their officials,
    rankings, the complete district gazetteer, and edited reprints joining their stories."""
    report = run_blind_outlets.score(run_blind_outlets.load_gold(HERE), crawled)
    for figure in ("stored precision", "stored recall", "date exact", "relevance precision"):
        hits, total = report.figures[figure]
        assert hits == total, figure
    assert report.figures["region set exact"][0] >= 51
    assert report.figures["region-month materials exact"][0] >= 37
    assert report.figures["region-month stories exact"][0] >= 37
