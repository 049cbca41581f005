"""Smoke test of eval/run_holdout.py's scoring functions on 2-3 made-up items.

Deliberately no floors on the held-out figures: nobody should tune pipeline rules on that set.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import run_holdout

PAGE = """<html><head><title>Сайт</title><script>var x = "не текст";</script></head><body>
<div class="menu"><a href="/">Главная</a></div>
<h1>Заголовок</h1><p>Первый абзац статьи.</p><p>Второй&nbsp;абзац<br>с переносом.</p>
<div class="related">Читайте также</div></body></html>"""


def test_visible_text_drops_scripts_and_keeps_paragraph_breaks():
    text = run_holdout.visible_text(PAGE)
    assert "не текст" not in text
    assert "Первый абзац статьи.\n\nВторой абзац\n\nс переносом." in text


def test_gold_text_spans_from_start_snippet_to_end_snippet():
    text = run_holdout.visible_text(PAGE)
    assert run_holdout.gold_text(text, "Первый абзац", "с переносом.") == (
        "Первый абзац статьи.\n\nВторой абзац\n\nс переносом."
    )
    with pytest.raises(ValueError):
        run_holdout.gold_text(text, "Нет такого", "с переносом.")


@pytest.mark.parametrize(
    ("got", "want", "expected"),
    [
        (["a", "b"], ["a", "c"], (1, 1, 1)),
        ([], [], (0, 0, 0)),
        (["a"], [], (0, 1, 0)),
    ],
)
def test_counts_tally_true_and_false_positives(got, want, expected):
    counts = run_holdout.Counts()
    counts.add(got, want)
    assert (counts.tp, counts.fp, counts.fn) == expected


def test_region_scores_exact_set_and_micro():
    rows = [("x", ["RU-PER"], ["RU-PER"]), ("y", ["RU-MOW"], []), ("z", [], ["RU-KO"])]
    accuracy, micro, failures = run_holdout.region_scores(rows)
    assert accuracy == pytest.approx(1 / 3)
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)
    assert [line.split(":")[0] for line in failures] == ["y", "z"]


def test_score_tagging_lists_each_failure_with_item_id():
    hit = lambda **kw: SimpleNamespace(**kw)  # noqa: E731
    items = [
        {"id": "a", "regions": ["RU-PER"], "relevant": True, "projects": ["Мамина школа"]},
        {"id": "b", "regions": [], "relevant": False, "projects": []},
    ]
    results = [
        hit(
            regions=[hit(iso="RU-PER")],
            relevant=True,
            topics=["t"],
            projects=[hit(name="«Мамина школа»")],
            orgs=[],
        ),
        hit(regions=[], relevant=True, topics=["t"], projects=[], orgs=[]),
    ]
    score = run_holdout.score_tagging("smoke", items, results)
    assert score.region_accuracy == 1.0
    assert (score.relevance.tp, score.relevance.fp) == (1, 1)
    assert (score.projects.tp, score.projects.fp, score.projects.fn) == (1, 0, 0)
    assert score.failures == ["b: relevant got True want False (topics ['t'])"]
