"""Region sets on the issue-17 blind set: eval/blind17/{dev,heldout}.yml.

    .venv/bin/python eval/run_blind17.py [-v] [--part dev|heldout|all]

Score = share of texts whose attributed set of federal subjects equals the gold set exactly
([] included), per part and per class (list / venue / ambiguous / plain). Exit 1 below FLOORS.
Failures are printed for dev only (-v); held-out failures are never printed, so fixing cannot
look at them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HERE = ROOT / "eval" / "blind17"
# First look (2026-12-04, before any fix) — see eval/blind17/README.md. Never lowered silently.
FLOORS = {"dev": 0.93, "heldout": 0.9}


def load(part: str) -> list[dict]:
    return yaml.safe_load((HERE / f"{part}.yml").read_text(encoding="utf-8"))["texts"]


def score(part: str, verbose: bool = False) -> float:
    from pipeline.tag.run import tag_many

    cases = load(part)
    results = tag_many([(c["text"], c["title"], c.get("home")) for c in cases])
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    correct = 0
    for c, r in zip(cases, results):
        got = sorted({h.iso for h in r.regions})
        ok = got == sorted(c["regions"])
        correct += ok
        by_class[c["class"]][0] += ok
        by_class[c["class"]][1] += 1
        if verbose and part == "dev" and not ok:
            print(f"  {c['id']} ({c['class']}): {got} != gold {sorted(c['regions'])}")
    share = correct / len(cases)
    classes = ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(by_class.items()))
    print(f"{part}: region sets exact {correct}/{len(cases)} = {share:.3f} ({classes})")
    return share


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    part = argv[argv.index("--part") + 1] if "--part" in argv else "all"
    parts = ["dev", "heldout"] if part == "all" else [part]
    failed = False
    for p in parts:
        if score(p, verbose) < FLOORS[p]:
            print(f"  below floor {FLOORS[p]}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
