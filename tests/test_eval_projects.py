"""The named-project evaluation set: well-formed, seeds included, scores above the pinned floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from run_projects import CASES, FLOORS, corpus_hash, evaluate, load_cases  # noqa: E402


@pytest.fixture(scope="module")
def score():
    return evaluate()


def test_cases_are_well_formed_and_include_the_seeds():
    raw = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    shapes = ({"id", "text", "projects"}, {"id", "file", "projects"})
    assert all(set(item) - {"mentions"} in shapes for item in raw)
    assert all(set(item.get("mentions") or {}) <= set(item["projects"]) for item in raw)
    ids = [item["id"] for item in raw]
    assert len(ids) == len(set(ids))
    cases = load_cases()
    assert len(cases) >= 60
    assert sum(1 for item in raw if item.get("file", "").startswith("seeds/")) == 5
    # Traps as well as projects: texts naming no project at all, and texts naming several.
    assert sum(1 for c in cases if not c.projects) >= 10
    assert sum(1 for c in cases if len(c.projects) >= 2) >= 8


def test_floors_are_pinned_for_this_corpus():
    floors = json.loads(FLOORS.read_text())
    assert floors["corpus_sha256"] == corpus_hash()
    assert floors["precision"] >= 0.9 and floors["recall"] >= 0.9


def test_precision_and_recall_reach_the_floors(score):
    floors = json.loads(FLOORS.read_text())
    assert score.precision >= max(0.9, floors["precision"]), score.errors
    assert score.recall >= max(0.9, floors["recall"]), score.errors
    assert score.mentions >= floors["mentions"], score.errors
