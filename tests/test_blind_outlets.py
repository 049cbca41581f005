"""The blind-outlet runner (eval/run_blind_outlets.py) on a real crawl of eval/blind_outlets/.

Deliberately no floor on the scores: the set estimates unseen outlets and nobody should tune on
it. What is asserted is that the comparison completes and that the set stays consistent: every
page the crawl stores is judged by the gold, and the committed sites match build.py's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.blindsets import check_committed_output_is_rendered, check_floors, crawl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return crawl(HERE, tmp_path_factory)


def test_the_comparison_completes_and_gold_covers_every_stored_page(crawled):
    gold = run_blind_outlets.load_gold()
    report = run_blind_outlets.score(gold, crawled)
    assert crawled["stored"], "the crawl stored nothing: the sites or the runner are broken"
    assert report.unknown == []
    for name, (hits, total) in report.figures.items():
        assert 0 <= hits <= total, name
    assert report.figures["stored recall"][1] == sum(p["is_article"] for p in gold["pages"])


def test_counts_rows_are_per_region_for_both_months(crawled):
    assert set(crawled["counts"]) == set(run_blind_outlets.MONTHS)
    for rows in crawled["counts"].values():
        assert all({"iso", "materials", "stories"} <= set(r) for r in rows)


def test_gold_lists_every_page_once_with_article_labels():
    gold = run_blind_outlets.load_gold()
    keys = [(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]]
    assert len(keys) == len(set(keys))
    articles = [p for p in gold["pages"] if p["is_article"]]
    assert all({"published", "relevant", "regions", "story"} <= set(p) for p in articles)
    stories = {}
    for p in articles:
        stories.setdefault(p["story"], []).append(p["outlet"])
    assert any(len(set(o)) > 1 for o in stories.values()), "the set should hold a cross-outlet reprint"


def test_committed_sites_are_what_build_py_renders(tmp_path):
    check_committed_output_is_rendered(HERE, tmp_path, dirs=("sites",))


def test_only_articles_are_stored_once_the_causes_were_fixed(crawled):
    """Not blind any more (first look 0.800): the Tilda blog, gallery and reports pages had
    only the fund's legal line (ОГРН, ИНН) as «prose»; such site lines are never a body."""
    check_floors(HERE, crawled, complete=("stored precision", "stored recall"))
