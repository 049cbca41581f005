"""The extraction evaluation set stays at or above its targets and ahead of trafilatura+htmldate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_extraction  # noqa: E402

TARGETS = {"date_accuracy": 0.95, "text_f1": 0.95}


@pytest.fixture(scope="module")
def scores():
    gold = run_extraction.load_gold()
    return {name: run_extraction.evaluate(name, gold).summary() for name in run_extraction.SYSTEMS}


def test_eval_set_has_forty_pages_with_gold():
    gold = run_extraction.load_gold()
    pages = {p.name for p in (run_extraction.EVAL_DIR / "pages").glob("*.html")}
    assert len(gold) >= 40
    assert set(gold) == pages
    for g in gold.values():
        assert (
            g["title"]
            and g["text"].startswith(g["text_start"])
            and g["text"].endswith(g["text_end"])
        )
    # Pages whose only honest answer is "no date" are part of the set.
    assert sum(g["published"] is None for g in gold.values()) >= 4


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_newsmon_meets_target(scores, metric):
    assert scores["newsmon"][metric] >= TARGETS[metric]


@pytest.mark.parametrize("metric", ["date_accuracy", "text_f1", "title_accuracy"])
def test_newsmon_beats_trafilatura_htmldate(scores, metric):
    assert scores["newsmon"][metric] > scores["trafilatura+htmldate"][metric]


def test_floors_hold_on_the_pinned_corpus(scores):
    floors = json.loads(run_extraction.FLOORS.read_text("utf-8"))
    assert floors["corpus"] == run_extraction.corpus_hash()
    for metric, floor in floors["floors"].items():
        assert scores["newsmon"][metric] >= floor
