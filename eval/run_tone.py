"""Score tone of coverage (pipeline.tag.tone) on the labelled parts of eval/tone/ against pinned floors.

    .venv/bin/python eval/run_tone.py              # every part: word list, rules, model, rules+model
    .venv/bin/python eval/run_tone.py --errors     # also every wrong item with the rule's reasons
    .venv/bin/python eval/run_tone.py --pin        # raise the floors to today's numbers

Per part and method: accuracy, three-class macro-F1, RuSentNE's F1 (macro over positive and
negative only) and the confusion matrix (rows: gold, columns: predicted); agreement on `mixed` and
milliseconds per item for the shipped method. The methods, in one run: the word-list baseline, the
rules (judge), the model over word vectors alone ("model"), the model over word vectors and the
rules' evidence ("rules+model"), and the mean of the two models' probabilities ("ensemble").
`method` in the floors is the one the tagger ships (pipeline.tag.tone.method.SHIPPED). The floors in
eval/floors_tone.json carry the corpus hash; a lower score exits non-zero, and a floor is lowered
only with --pin --allow-regression.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
if str(ROOT.parent) not in sys.path:
    sys.path.insert(0, str(ROOT.parent))

from pipeline.lang.models import get_embedding  # noqa: E402
from pipeline.tag.tone.baseline import baseline_tone  # noqa: E402
from pipeline.tag.tone.judge import TONES, Judgement, judge  # noqa: E402
from pipeline.tag.tone.method import SHIPPED, assess  # noqa: E402
from pipeline.tag.tone.model import VECTOR_WEIGHTS, WEIGHTS, classify, read_model  # noqa: E402

DATA = ROOT / "tone"
# Scored parts. train_extra is training data only (eval/tone/train.py) and is not scored here.
PARTS = ("dev", "blind", "fresh", "fourth", "fifth", "sixth")
METHODS = ("rules", "model", "rules+model", "ensemble")
FLOORS = ROOT / "floors_tone.json"
METRICS = ("accuracy", "macro_f1", "f1_pn")
# Floors sit this far below the pinned score: the shipped method is a float model, and another
# BLAS or numpy may tip one borderline item (1/60 ≈ 0.017).
PIN_MARGIN = 0.02


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    object: str
    tone: str
    mixed: bool
    style: str


def load_items(part: str) -> list[Item]:
    items = []
    for line in (DATA / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            items.append(Item(raw["id"], raw["text"], raw["object"], raw["tone"],
                              bool(raw["mixed"]), raw["style"]))
    return items


def corpus_hash() -> str:
    """The scored parts and the training data (the model's weights follow from it)."""
    digest = hashlib.sha256()
    for part in (*PARTS, "train_extra"):
        for item in load_items(part):
            digest.update(f"{item.id}\0{item.text}\0{item.object}\0{item.tone}\0{item.mixed}\0".encode())
    return digest.hexdigest()


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    f1 = {}
    for tone in TONES:
        tp = sum(g == p == tone for g, p in zip(gold, predicted))
        fp = sum(p == tone != g for g, p in zip(gold, predicted))
        fn = sum(g == tone != p for g, p in zip(gold, predicted))
        f1[tone] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        "macro_f1": sum(f1.values()) / 3,
        "f1_pn": (f1["positive"] + f1["negative"]) / 2,
    }


def confusion(gold: list[str], predicted: list[str]) -> str:
    lines = ["            " + " ".join(f"{t[:3]:>5}" for t in TONES)]
    for g in TONES:
        row = [sum(x == g and p == t for x, p in zip(gold, predicted)) for t in TONES]
        lines.append(f"    {g:>8}" + " ".join(f"{n:>5}" for n in row))
    return "\n".join(lines)


def run_method(name: str, items: list[Item]) -> list[Judgement]:
    if name == "rules":
        return [judge(i.text, i.object) for i in items]
    if name in ("model", "rules+model"):
        models = [read_model(VECTOR_WEIGHTS if name == "model" else WEIGHTS)]
        return [classify(i.text, i.object, models=models) for i in items]
    return [assess(i.text, i.object) for i in items]  # the shipped method: the ensemble


def evaluate(part: str, show_errors: bool = False) -> dict[str, dict[str, float]]:
    items = load_items(part)
    gold = [i.tone for i in items]
    judged: dict[str, list[Judgement]] = {}
    per_item_ms = {}
    get_embedding()  # loaded once per process, as when tagging: not counted per item
    for i in items:  # warm the lemma and object caches so every method is timed alike
        judge(i.text, i.object)
    for name in METHODS:
        started = time.perf_counter()
        judged[name] = run_method(name, items)
        per_item_ms[name] = (time.perf_counter() - started) / len(items) * 1000
    base = [baseline_tone(i.text, i.object) for i in items]
    result = {name: scores(gold, [j.tone for j in judged[name]]) for name in METHODS}
    result["baseline"] = scores(gold, base)
    result["method"] = result[SHIPPED]
    shipped = judged[SHIPPED]
    mixed_right = sum(j.mixed == i.mixed for j, i in zip(shipped, items)) / len(items)
    print(f"\n{part}: {len(items)} items; shipped method: {SHIPPED} "
          f"({per_item_ms[SHIPPED]:.1f} ms per item, rules alone {per_item_ms['rules']:.1f})")
    for name in ("baseline", *METHODS):
        s = result[name]
        print(f"  {name:12}accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  "
              f"F1(pos,neg) {s['f1_pn']:.3f}")
    for name in METHODS:
        predicted = [j.tone for j in judged[name]]
        wrong_way = sum(g == "negative" and p == "positive" for g, p in zip(gold, predicted))
        print(f"  {name}: negative judged positive: {wrong_way}; "
              "confusion (rows gold, columns predicted):")
        print(confusion(gold, predicted))
    print(f"  {SHIPPED}: mixed agrees {mixed_right:.3f}")
    if show_errors:
        for item, j in zip(items, shipped):
            if j.tone != item.tone:
                print(f"  {item.id} gold {item.tone} got {j.tone} (rules +{j.positive} -{j.negative}) "
                      f"[{item.object}] {'; '.join(j.reasons)[:160]}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every wrong item")
    parser.add_argument("--pin", action="store_true", help="write today's numbers as floors")
    parser.add_argument("--allow-regression", action="store_true", help="with --pin: may lower")
    args = parser.parse_args(argv)
    print(f"newsmon pipeline.tag.tone: word list, rules, model, rules+model, ensemble; "
          f"shipped: {SHIPPED}")
    results = {part: evaluate(part, args.errors) for part in PARTS}
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    digest = corpus_hash()
    current = {
        f"{part}_{k}": math.floor(results[part]["method"][k] * 1000) / 1000
        for part in PARTS for k in METRICS
    }
    if args.pin:
        pinned = {k: max(0.0, round(v - PIN_MARGIN, 3)) for k, v in current.items()}
        if not args.allow_regression and any(pinned[k] < floors.get(k, 0) for k in pinned):
            print("refusing to lower a floor without --allow-regression")
            return 1
        FLOORS.write_text(json.dumps({**pinned, "corpus_sha256": digest}, indent=2) + "\n")
        print(f"floors pinned ({PIN_MARGIN} below today's scores): {pinned}")
        return 0
    if floors.get("corpus_sha256") != digest:
        print("note: the corpus changed since the floors were pinned (run with --pin)")
    below = [k for k in current if current[k] < floors.get(k, 0.0)]
    beaten = all(results[p]["method"]["macro_f1"] > results[p]["baseline"]["macro_f1"] for p in PARTS)
    for k in below:
        print(f"REGRESSION: {k} {current[k]:.3f} < floor {floors[k]}")
    if not beaten:
        print("REGRESSION: the word-list baseline scores as well as the method")
    return 1 if below or not beaten else 0


if __name__ == "__main__":
    sys.exit(main())
