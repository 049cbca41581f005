"""Evaluation floors (eval/floors_tagging.json) asserted on the labelled sets.

Region attribution and relevance run on all labelled articles (eval/regions); NER runs on a
30-document slice of the factRuEval dev set to stay quick (`make eval` runs all 122).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "eval" / "floors_tagging.json").read_text(encoding="utf-8"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def region_report(models):
    return _load("run_regions").evaluate()


def test_labelled_set_has_at_least_60_articles_plus_seeds(region_report):
    assert region_report["articles"] >= 65


def test_region_attribution_accuracy_meets_floor(region_report):
    assert region_report["region_accuracy"] >= FLOORS["regions"]["region_accuracy"], region_report[
        "failures"
    ]


def test_relevance_f1_meets_floor(region_report):
    assert region_report["relevance_f1"] >= FLOORS["regions"]["relevance_f1"], region_report[
        "failures"
    ]


def test_newsmon_ner_is_not_worse_than_bare_natasha(models):
    report = _load("run_ner").evaluate(limit=30)
    for typ in ("PER", "LOC", "ORG"):
        delta = report["newsmon"][typ]["f1"] - report["natasha"][typ]["f1"]
        assert delta >= FLOORS["ner"]["min_delta_f1"], (typ, report)


def test_floors_are_pinned_to_the_corpora_they_were_measured_on():
    assert _load("run_regions").corpus_hash() == FLOORS["regions"]["corpus"]
    assert _load("run_ner").corpus_hash() == FLOORS["ner"]["corpus"]


def test_organization_recall_meets_floor(region_report):
    # `counts --by org` is reported upward: a regional ministry must not collapse into a federal one
    assert region_report["org_recall"] >= FLOORS["regions"]["org_recall"], region_report
