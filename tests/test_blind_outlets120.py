"""Blind set 120 of issue 17 (eval/blind_outlets120/), scored by eval/run_blind_outlets.py.

No floor on the scores: the set estimates outlets nobody tuned on, and nothing here computes,
prints or asserts a score. Asserted is only that the set is consistent: a real two-night crawl of it
completes, every page the crawl stores is judged by the gold, the gold lists every page once with
full article labels matching articles.yml, every page of the gold is served (a redirect answers
with its 3xx to a gold page) and every article can be reached by links from its outlet's home
page, every page reachable that way is in the gold, the first night shows exactly what had gone
online by 21:00 in each outlet's own zone (UTC+7 in Абакан, UTC+3 in Иваново) and every page of it
is still served on the second night, and the committed sites are what build.py renders.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.blindsets import (
    REDIRECTS,
    check_committed_output_is_rendered,
    check_first_night,
    check_floors,
    check_found_by_name_and_number,
    check_gold_is_articles_yml,
    check_gold_judges_stored,
    check_gold_lists_every_page_once,
    check_night1_still_served,
    check_served_and_linked,
    crawl,
    load_articles,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets120"
# served_pages' crawl: absolute links with the host as ImpressCMS writes them, relative ones, both
# quote styles (prepare2show's links are single-quoted) — an attribute, not
# «self.location.href='…'» inside an onclick; a redirect's 3xx recorded and its Location followed;
# .gif not followed; a page naming no charset is windows-1251.
CRAWL = {
    "relative": True,
    "redirects": REDIRECTS,
    "href": r"""\shref=["']([^"'#]*)""",
    "asset": re.compile(r"\.(css|js|jpg|png|gif|svg|pdf|ico|xml)(\?|$)"),
    "charset": "windows-1251",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return crawl(HERE, tmp_path_factory)


def test_the_set_is_found_by_name_and_number():
    check_found_by_name_and_number(HERE, 120)


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    check_gold_judges_stored(HERE, crawled)


def test_gold_lists_every_page_once_with_article_labels():
    gold = run_blind_outlets.load_gold(HERE)
    assert gold["months"] == ["2025-09", "2025-10", "2025-11"] and gold["since"] == "2025-09-01"
    assert sum(p["is_article"] for p in gold["pages"]) == 36
    check_gold_lists_every_page_once(
        HERE, min_articles=36, min_others=85, relevant_share=(0.7, 0.85),
        extra_fields=("note",), articles_are_kind_article=True, articles_per_outlet=18,
    )  # fmt: skip


def test_gold_is_articles_yml():
    """Every article of articles.yml is one gold page with its labels and its local date."""
    check_gold_is_articles_yml(
        HERE, words=(130, 230), markup=("[pagebreak]",), extra_labels=("note",),
        dates=("2025-09-02", "2025-11-25"),
    )  # fmt: skip
    for a in load_articles(HERE):
        assert a["note"], a["id"]


def test_every_gold_page_is_served_and_every_article_is_linked():
    check_served_and_linked(HERE, **CRAWL)


def test_the_first_night_shows_only_what_had_gone_online_by_then():
    """By the instant, in each outlet's own zone: abakan's story of 15:10 on 13 November (UTC+7)
    is online on the first night, its 22:30 one is not; ivanovo's noon post of that day is, its
    23:40 one is not."""
    check_first_night(HERE, later={"abakan": 3, "ivanovo": 3}, all_by_second_night=True)


def test_every_page_of_the_first_night_is_still_served_on_the_second():
    check_night1_still_served(HERE, **CRAWL)


def test_committed_sites_are_what_build_py_renders(tmp_path):
    check_committed_output_is_rendered(HERE, tmp_path)


def test_the_causes_fixed_after_the_first_look_stay_fixed(crawled):
    """Not blind since its one scoring (first look in the README): session 27's fixes hold.
    Dates and region-months one below the run that set them: an article reached both by the
    feed and by a listing takes the date of whichever answered first (set 116's README)."""
    check_floors(
        HERE,
        crawled,
        at_least={
            "stored recall": 36,
            "stored precision": 36,
            "date exact": 30,
            "region set exact": 24,
            "region-month materials exact": 8,
        },
        short_at_most={"stored precision": 3}  # 2 or 3: a comment page's copy, by crawl order,
    )
