"""Real pages nobody here wrote go through extract() without an exception and with text.

A fast slice of the public sets that `make eval` scores in full (eval/run_public.py): every page
in Cyrillic and a fixed sample of the rest. The test that would have caught an HTML comment
reaching a compiled XPath on 45% of real pages.
"""

from __future__ import annotations

import datetime
import hashlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.realweb import build, sets  # noqa: E402
from pipeline.extract.cascade import MIN_TEXT_CHARS, extract  # noqa: E402

# Every page of the small benchmark, every Cyrillic page, and a fixed tenth of the larger sets.
WHOLE_SETS = ("aeb",)
SAMPLE_SHARE = 10
CRAWL_TIME = datetime.datetime(2026, 1, 1, 12, 0)


def _sampled(page: sets.Page) -> bool:
    if page.set_name in WHOLE_SETS or page.is_cyrillic:
        return True
    return int(hashlib.sha1(page.key.encode()).hexdigest(), 16) % SAMPLE_SHARE == 0


def _smoke_pages() -> list[sets.Page]:
    build.main([])
    pages: list[sets.Page] = []
    for set_name in sets.SETS:
        if sets.available(set_name):
            pages += [p for p in sets.load(set_name) if _sampled(p)]
    return pages


PAGES = _smoke_pages()


def _gold_chars(page: sets.Page) -> int:
    return len(page.gold.get("text") or "") or sum(len(s) for s in page.gold.get("with") or [])


@pytest.mark.skipif(not PAGES, reason="public sets not found: see eval/realweb/README.md")
def test_the_smoke_slice_is_a_few_hundred_pages_with_every_cyrillic_one():
    assert len(PAGES) >= 350
    assert sum(p.is_cyrillic for p in PAGES) >= 20


@pytest.mark.skipif(not PAGES, reason="public sets not found: see eval/realweb/README.md")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.set_name}-{p.key[:10]}")
def test_newsmon_reads_a_real_page_without_falling_back(page: sets.Page):
    got = extract(page.html, page.url, crawl_time=CRAWL_TIME)
    gold = _gold_chars(page)
    # Never an exception. Finding no text of its own is allowed only on pages the set keeps for
    # their dates alone (no text gold): some have no article text in the saved copy at all.
    short = f"newsmon: текст короче {MIN_TEXT_CHARS} знаков"
    assert got.fallback is None or (gold == 0 and got.fallback == short), got.fallback
    if page.set_name == "aeb" and gold >= 500:
        assert len(got.text) >= 200
    elif page.set_name == "trafilatura" and gold >= 60:
        assert len(got.text) >= 100


@pytest.mark.skipif(not PAGES, reason="public sets not found: see eval/realweb/README.md")
def test_real_news_articles_are_stored_as_articles():
    """The benchmark is all news articles: the page-type check (structure, then URL words) may
    refuse only a few of them (make eval: eval/run_pagetype_public.py, floor 0.97)."""
    from eval.run_pagetype_public import refused

    articles = [p for p in PAGES if p.set_name == "aeb" and p.gold.get("text")]
    lost = [f"{p.url}: {reason}" for p in articles if (reason := refused(p))]
    assert len(articles) >= 150
    assert len(lost) <= 0.03 * len(articles), lost


@pytest.fixture(scope="module")
def slice_scores() -> dict[str, dict[str, dict]]:
    """newsmon and trafilatura+htmldate on the same smoke pages, scored as `make eval` scores the
    whole sets (eval/run_public.py)."""
    from eval import run_public

    scores = {}
    for set_name in sets.SETS:
        pages = [p for p in PAGES if p.set_name == set_name]
        if pages:
            results = [run_public._both(p) for p in pages]
            scores[set_name] = run_public.score(set_name, pages, results)
    return scores


@pytest.mark.skipif(not PAGES, reason="public sets not found: see eval/realweb/README.md")
def test_on_the_slice_newsmon_is_at_or_above_the_baseline_and_above_it_on_dates(slice_scores):
    """The floors of eval/floors_public.json on the smoke slice: text, title and date at least
    the baseline's, measured in the same run on the same pages, dates above it."""
    from eval import run_public

    problems = [p for name, summary in slice_scores.items() for p in run_public.check(name, summary)]
    assert not problems, problems
