"""Each public set's own text metric, and the title and date checks shared by both.

- article-extraction-benchmark: shingles of four word tokens, per-page true/false positives and
  false negatives normalised to sum to one, precision and recall averaged over pages, F1 of the
  two averages (as the benchmark's evaluate.py defines it);
- trafilatura's set: each «with» snippet found in the text is a true positive, each «without»
  snippet found a false positive (whitespace-normalised substring match), pooled over the set.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
SHINGLE = 4


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over four-token shingles, normalised so every page weighs the same."""
    true, pred = _shingles(gold), _shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def shingle_f1(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    p = sum(precisions) / max(len(precisions), 1)
    r = sum(recalls) / max(len(recalls), 1)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class SnippetScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, with_: list[str], without: list[str], text: str) -> None:
        flat = _squash(text)
        found = sum(1 for s in with_ if _squash(s) in flat)
        leaked = sum(1 for s in without if _squash(s) in flat)
        self.tp += found
        self.fn += len(with_) - found
        self.fp += leaked
        self.tn += len(without) - leaked

    def summary(self) -> dict[str, float]:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


_QUOTES = str.maketrans({c: " " for c in "«»“”„\"'’‘"})


def fold_title(title: str | None) -> str:
    folded = (title or "").casefold().replace("ё", "е").translate(_QUOTES)
    return re.sub(r"\s+", " ", folded).strip(" .:;,!?-–—|")


def title_exact(gold: str | None, predicted: str | None) -> bool:
    return bool(gold) and fold_title(gold) == fold_title(predicted)


def date_exact(gold: str | None, predicted: datetime.date | str | None) -> bool:
    if not gold:
        return predicted is None
    return predicted is not None and str(predicted)[:10] == gold[:10]


@dataclass
class Tally:
    """Counts of one system on one set."""

    pages: int = 0
    crashes: list[str] = field(default_factory=list)
    titles: int = 0
    titles_ok: int = 0
    dates: int = 0
    dates_ok: int = 0
    shingles: list[tuple[float, float, float]] = field(default_factory=list)
    snippets: SnippetScore = field(default_factory=SnippetScore)
