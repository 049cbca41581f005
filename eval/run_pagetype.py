"""Score newsmon's page-type check (pipeline.extract.pagetype) on eval/pagetype/.

Usage (from the repository root)::

    .venv/bin/python eval/run_pagetype.py [--part dev|heldout|all] [--verbose] [--public]

"Is an article" is ``non_article_reason(url, source_url, body) is None``. Prints precision and
recall of "is an article" per part, and how each page class was judged. Exits 1 when a part falls
below its floor in eval/floors_pagetype.json, or when the corpus changed without its hash being
updated (floors are raised deliberately, never lowered silently).

``--public`` also counts how many pages of the public extraction sets (eval/realweb/, real pages
from many outlets, almost all of them articles; the held-out quarter is skipped) the check refuses,
by reason: a recall estimate on markup newsmon was never built for.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval import pages_corpus  # noqa: E402

EVAL_DIR = ROOT / "eval" / "pagetype"
FLOORS = ROOT / "eval" / "floors_pagetype.json"
PARTS = ("dev", "heldout")


@dataclass
class Scores:
    part: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self) -> float:
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def pages(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def load_gold() -> dict[str, dict]:
    return pages_corpus.load_gold(EVAL_DIR)


def corpus_hash() -> str:
    return pages_corpus.corpus_hash(EVAL_DIR)


def evaluate(part: str, gold: dict[str, dict] | None = None) -> Scores:
    from pipeline.extract.pagetype import non_article_reason

    gold = gold or load_gold()
    scores = Scores(part)
    for name, g in sorted(gold.items()):
        if part != "all" and g["part"] != part:
            continue
        body = (EVAL_DIR / "pages" / name).read_bytes()
        reason = non_article_reason(g["url"], g["source_url"], body)
        predicted = reason is None
        want = g["is_article"]
        scores.by_kind[g["kind"]]["article" if predicted else "not"] += 1
        if predicted and want:
            scores.tp += 1
        elif predicted:
            scores.fp += 1
            scores.errors.append(f"{name} {g['family']}/{g['kind']} stored as an article: {g['url']}")
        elif want:
            scores.fn += 1
            scores.errors.append(f"{name} {g['family']}/{g['kind']} lost ({reason}): {g['url']}")
        else:
            scores.tn += 1
    return scores


def report(s: Scores, verbose: bool) -> None:
    print(
        f"{s.part}: {s.pages} pages, precision {s.precision:.3f}, recall {s.recall:.3f} "
        f"(articles kept {s.tp}, lost {s.fn}; non-articles stored {s.fp}, refused {s.tn})"
    )
    if verbose:
        for kind, counts in sorted(s.by_kind.items()):
            print(f"  {kind:<18} article {counts['article']:>3}  not {counts['not']:>3}")
        print("\n".join(f"  {line}" for line in s.errors) or "  no errors")


def public_refusals() -> None:
    from urllib.parse import urlsplit

    from eval.realweb.sets import SETS, available, load
    from pipeline.extract.pagetype import non_article_reason

    for set_name in SETS:
        if not available(set_name):
            continue
        pages = refused = 0
        reasons: Counter[str] = Counter()
        for page in load(set_name):
            if page.held_out:
                continue
            url = page.url if page.url.startswith("http") else "http://page.test/a/b"
            root = "{0.scheme}://{0.netloc}/".format(urlsplit(url))
            reason = non_article_reason(url, root, page.html)
            pages += 1
            if reason:
                refused += 1
                reasons[re.split(r" of \d| /|:| \(", reason)[0]] += 1
        print(f"public {set_name}: {refused} of {pages} pages refused — {dict(reasons)}")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    part = argv[argv.index("--part") + 1] if "--part" in argv else "all"
    gold = load_gold()
    parts = PARTS if part == "all" else (part,)
    print(f"Page-type evaluation: {len(gold)} pages, corpus {corpus_hash()}")
    floors = json.loads(FLOORS.read_text("utf-8"))
    status = 0
    for name in parts:
        s = evaluate(name, gold)
        report(s, verbose)
        for metric, floor in floors["floors"].get(name, {}).items():
            if getattr(s, metric) < floor:
                print(f"REGRESSION: {name} {metric} {getattr(s, metric):.3f} < floor {floor}")
                status = 1
    if "--public" in argv:
        public_refusals()
    if floors.get("corpus") != corpus_hash():
        print(f"Corpus changed: update 'corpus' in {FLOORS.name} to {corpus_hash()} after review")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
