"""Blind set 55 of issue 17 (eval/blind_outlets55/), scored by eval/run_blind_outlets.py.

No floor on the scores: the set estimates outlets nobody tuned on, and nothing here computes,
prints or asserts a score. Asserted is only that the set is consistent: a real two-night crawl of it
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

HERE = ROOT / "eval" / "blind_outlets55"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return crawl(HERE, tmp_path_factory)


def test_the_set_is_found_by_name_and_number():
    check_found_by_name_and_number(HERE, 55)


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    check_gold_judges_stored(HERE, crawled)


def test_gold_lists_every_page_once_with_article_labels():
    check_gold_lists_every_page_once(
        HERE,
        min_articles=24,
        min_others=25,
        relevant_share=(0.6, 0.85),
    )


def test_every_gold_page_is_served_and_every_article_is_linked():
    check_served_and_linked(HERE)


def test_the_first_night_shows_only_what_was_published_by_then():
    gold = run_blind_outlets.load_gold(HERE)
    night1 = dt.date.fromisoformat(gold["nights"]["night1"])
    later = [
        p
        for p in gold["pages"]
        if p["is_article"] and dt.date.fromisoformat(p["published"]) > night1
    ]
    assert len(later) == 5, (
        "the second night brings three new posts (vladimir) and two articles (tambov)"
    )
    for (
        p
    ) in later:  # per outlet: a later reprint may carry the title of an earlier original elsewhere
        text = "\n".join(
            f.read_text(encoding="utf-8")
            for f in (HERE / "night1" / p["outlet"]).rglob("*")
            if f.is_file()
        )
        assert p["title"] not in text and html.escape(p["title"]) not in text, p["url"]


def test_committed_sites_are_what_build_py_renders(tmp_path):
    check_committed_output_is_rendered(HERE, tmp_path)


def test_the_causes_fixed_after_the_first_look_stay_fixed(crawled):
    """Not blind since its one scoring (first look in the README): LiveJournal day pages are copies of their posts; Telegraph's byline is no text."""
    check_floors(
        HERE,
        crawled,
        at_least={
            # 26 → 25 in session 26: «Перепост:» now labels a repost, and this set's one
            # «Перепост:» of news is an article by its gold (the sets' other 15 reposts are not)
            "stored precision": 25,
            "stored recall": 25,
            "date exact": 25,
            "relevance precision": 18,
            "region set exact": 17,
            "region-month materials exact": 8,
        },
        total_at_most={"stored precision": 27},
    )
