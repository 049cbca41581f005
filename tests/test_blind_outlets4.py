"""The fourth blind set of issue 17 (eval/blind_outlets4/), scored by eval/run_blind_outlets.py.

No floor on the scores: the set estimates outlets nobody tuned on, and nothing here prints or
asserts a score. Asserted is only that the set is consistent: a real two-night crawl of it
completes, every page the crawl stores is judged by the gold, the gold lists every page once with
full article labels, every page of the gold is served and every article can be reached by links
from its outlet's home page, the first night shows only what was published by then, and the
committed sites are what build.py renders.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from pathlib import Path

import pytest

from tests.blindsets import (
    check_committed_output_is_rendered,
    check_floors,
    check_found_by_name_and_number,
    check_gold_judges_stored,
    check_gold_lists_every_page_once,
    check_served_and_linked,
    crawl,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets4"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return crawl(HERE, tmp_path_factory)


def test_the_set_is_found_by_name_and_number():
    check_found_by_name_and_number(HERE, 4)


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    check_gold_judges_stored(HERE, crawled, scored=True)


def test_gold_lists_every_page_once_with_article_labels():
    check_gold_lists_every_page_once(
        HERE,
        min_articles=65,
        min_others=60,
        relevant_share=(0.6, 0.85),
        min_cross_outlet_stories=3,
    )


def test_every_gold_page_is_served_and_every_article_is_linked():
    check_served_and_linked(HERE)


def test_the_first_night_shows_only_what_was_published_by_then():
    gold = run_blind_outlets.load_gold(HERE)
    night1 = dt.date.fromisoformat(gold["nights"]["night1"])
    later = [p for p in gold["pages"] if p["is_article"] and dt.date.fromisoformat(p["published"]) > night1]
    assert 10 <= len(later) <= 15, "the second night should bring about ten new articles"
    for p in later:  # per outlet: a later reprint may carry the title of an earlier original elsewhere
        text = "\n".join(f.read_text(encoding="utf-8") for f in (HERE / "night1" / p["outlet"]).rglob("*") if f.is_file())
        assert p["title"] not in text and html.escape(p["title"]) not in text, p["url"]


def test_committed_sites_are_what_build_py_renders(tmp_path):
    check_committed_output_is_rendered(HERE, tmp_path)


def test_the_causes_fixed_after_the_first_look_stay_fixed(crawled):
    """Not blind since its one scoring (first look in the README: stored precision 0.857, region
    sets 50/59, region-months 23/42): floors for what fixed its causes — undated service pages
    are no articles, a byline link is no teaser, a one-post taxonomy page is a teaser, bulleted
    and table lists of regions, rankings with figures, guests who came to learn, benefits for
    families with children, a site builder's footer naming the owner."""
    # a ministry's order is a document (session 6)
    # This set's gold counts a vacancy and a greeting as off-topic articles; since session 21
    # newsmon refuses headlines labelled so, as the later sets' gold does (55, 70, 81, 83,
    # 92-97). Both are irrelevant: no count moves.
    check_floors(
        HERE,
        crawled,
        complete=("stored precision", "date exact", "relevance recall"),
        at_least={
            "region set exact": 58,
            "region-month materials exact": 41,
            "region-month stories exact": 41,
        },
        short_at_most={"stored recall": 2},
    )
