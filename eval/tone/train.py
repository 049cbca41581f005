"""Train the tone model (pipeline/tag/tone/model.py) on the training parts and write its weights.

    .venv/bin/python eval/tone/train.py          # cross-validate, then fit on all training parts
    .venv/bin/python eval/tone/train.py --cv     # cross-validation only, nothing written

Training parts: dev, blind, fresh (the rules' tuning sets) and train_extra (written for training,
in voices no evaluated part uses). fourth and fifth are never read here: they are the held-out
parts `eval/run_tone.py` scores.

Hyperparameters (which feature blocks, the L2 strength) are chosen by leave-one-part-out
cross-validation — train on three parts, score the fourth — because the question is how a method
does on a way of writing it has not seen; 5-fold cross-validation over all training items is
printed beside it. The fit is deterministic (full-batch accelerated gradient descent on the
regularised cross-entropy, numpy only), so the same data give byte-identical weights.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # small matrices: threads only contend
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT.parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from run_tone import Item, confusion, load_items, scores  # noqa: E402

from pipeline.tag.tone.clauses import split_clauses  # noqa: E402
from pipeline.tag.tone.features import assemble, feature_blocks  # noqa: E402
from pipeline.tag.tone.judge import TONES, judge  # noqa: E402
from pipeline.tag.tone.model import VECTOR_WEIGHTS, WEIGHTS, ToneModel  # noqa: E402

TRAIN_PARTS = ("dev", "blind", "fresh", "train_extra")
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "vectors": ("scope", "lead", "text"),
    "vectors+peaks": ("scope", "scope_peaks", "lead", "text"),
    "vectors+rules": ("scope", "lead", "text", "rules"),
    "scope+rules": ("scope", "rules"),
    "scope+lead+rules": ("scope", "lead", "rules"),
    "scope+peaks+rules": ("scope", "scope_peaks", "rules"),
}
LAMBDAS = (0.1, 0.3, 1.0, 3.0)
ITERATIONS = 1500


def blocks_of(items: Sequence[Item]) -> list[dict[str, np.ndarray]]:
    out = []
    for item in items:
        clauses = split_clauses(item.text)
        out.append(feature_blocks(clauses, item.object, judge(item.text, item.object, clauses)))
    return out


def fit(x: np.ndarray, y: np.ndarray, lam: float, blocks: tuple[str, ...],
        weights: np.ndarray | None = None) -> ToneModel:
    """Multinomial logistic regression, L2 `lam` on the standardised features; `weights` per item
    (mean 1) when some items should count less."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    n, d = z.shape
    sample = np.ones(n) if weights is None else weights / weights.mean()
    onehot = np.eye(len(TONES))[y]
    lipschitz = 0.5 * sample.max() * np.linalg.norm(z, 2) ** 2 / n + lam
    step = 1.0 / lipschitz
    w = np.zeros((len(TONES), d))
    b = np.zeros(len(TONES))
    w_prev, b_prev = w.copy(), b.copy()
    for t in range(1, ITERATIONS + 1):
        momentum = (t - 1) / (t + 2)
        vw = w + momentum * (w - w_prev)
        vb = b + momentum * (b - b_prev)
        logits = z @ vw.T + vb
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - onehot) * sample[:, None] / n
        w_prev, b_prev = w, b
        w = vw - step * (grad.T @ z + lam * vw)
        b = vb - step * grad.sum(axis=0)
    return ToneModel(blocks, mean, scale, w, b)


def predict(model: ToneModel, x: np.ndarray) -> list[str]:
    return [TONES[int(k)] for k in model.probabilities(x).argmax(axis=1)]


def matrix(blocks: list[dict[str, np.ndarray]], names: tuple[str, ...]) -> np.ndarray:
    return np.stack([assemble(b, names) for b in blocks])


def cross_validate(parts: dict[str, list[Item]], feats: dict[str, list[dict[str, np.ndarray]]]
                   ) -> dict[tuple[str, float], tuple[float, float]]:
    """Print leave-one-part-out and 5-fold macro-F1 per setting; return them by (set, lambda)."""
    names = list(parts)
    gold = {p: [i.tone for i in parts[p]] for p in names}
    labels = {p: np.array([TONES.index(t) for t in gold[p]]) for p in names}
    all_items = [(p, k) for p in names for k in range(len(parts[p]))]
    rng = np.random.default_rng(22)
    folds = rng.permutation(len(all_items)) % 5
    found: dict[tuple[str, float], tuple[float, float]] = {}
    print("setting                      lambda  " + "  ".join(f"{p[:6]:>6}" for p in names)
          + "   LOPO mean  5-fold")
    for set_name, blocks in FEATURE_SETS.items():
        x = {p: matrix(feats[p], blocks) for p in names}
        for lam in LAMBDAS:
            held = []
            for p in names:
                rest = [q for q in names if q != p]
                model = fit(np.concatenate([x[q] for q in rest]),
                            np.concatenate([labels[q] for q in rest]), lam, blocks)
                held.append(scores(gold[p], predict(model, x[p]))["macro_f1"])
            x_all = np.concatenate([x[p] for p in names])
            y_all = np.concatenate([labels[p] for p in names])
            g_all = [TONES[k] for k in y_all]
            predicted = [""] * len(y_all)
            for f in range(5):
                train, test = folds != f, folds == f
                model = fit(x_all[train], y_all[train], lam, blocks)
                for k, tone in zip(np.flatnonzero(test), predict(model, x_all[test])):
                    predicted[k] = tone
            five = scores(g_all, predicted)["macro_f1"]
            mean = float(np.mean(held))
            print(f"{set_name:28} {lam:6.2f}  " + "  ".join(f"{h:6.3f}" for h in held)
                  + f"   {mean:9.3f}  {five:6.3f}")
            found[(set_name, lam)] = (mean, five)
    return found


def best(found: dict[tuple[str, float], tuple[float, float]], sets: Sequence[str]
         ) -> tuple[str, float]:
    """The setting among `sets` with the best leave-one-part-out mean (then 5-fold) macro-F1."""
    return max((key for key in found if key[0] in sets), key=lambda key: found[key])


def honest_check(parts: dict[str, list[Item]], feats: dict[str, list[dict[str, np.ndarray]]],
                 chosen: dict[Path, tuple[str, float]]) -> None:
    """5-fold cross-validation scored on train_extra alone, the one training part the rules were
    never tuned on: there the rules' evidence is as unsure as on unseen text, so this is the fair
    comparison of the rules, each model and their ensemble (the mean of the two models'
    probabilities). Each fold trains on dev, blind, fresh and the other four fifths of train_extra."""
    extra = parts["train_extra"]
    gold = [i.tone for i in extra]
    folds = np.random.default_rng(7).permutation(len(extra)) % 5
    others = [p for p in parts if p != "train_extra"]
    y_others = np.concatenate([[TONES.index(i.tone) for i in parts[p]] for p in others])
    y_extra = np.array([TONES.index(t) for t in gold])
    probs = {path: np.zeros((len(extra), len(TONES))) for path in chosen}
    for f in range(5):
        train, test = folds != f, folds == f
        for path, (set_name, lam) in chosen.items():
            blocks = FEATURE_SETS[set_name]
            x_extra = matrix(feats["train_extra"], blocks)
            x = np.concatenate([*(matrix(feats[p], blocks) for p in others), x_extra[train]])
            model = fit(x, np.concatenate([y_others, y_extra[train]]), lam, blocks)
            probs[path][test] = model.probabilities(x_extra[test])
    rows = {"rules": [judge(i.text, i.object).tone for i in extra]}
    rows["model"] = [TONES[k] for k in probs[VECTOR_WEIGHTS].argmax(axis=1)]
    rows["rules+model"] = [TONES[k] for k in probs[WEIGHTS].argmax(axis=1)]
    mean = (probs[VECTOR_WEIGHTS] + probs[WEIGHTS]) / 2
    rows["ensemble"] = [TONES[k] for k in mean.argmax(axis=1)]
    print("held out on train_extra (5-fold; the rules never saw it):")
    for name, predicted in rows.items():
        s = scores(gold, predicted)
        print(f"  {name:12}accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  "
              f"F1(pos,neg) {s['f1_pn']:.3f}")
        print(confusion(gold, predicted))


def rules_reference(parts: dict[str, list[Item]]) -> None:
    """The rules on the same parts, for comparison (three of the four were tuned on)."""
    for p, items in parts.items():
        predicted = [judge(i.text, i.object).tone for i in items]
        s = scores([i.tone for i in items], predicted)
        print(f"rules on {p:12} macro-F1 {s['macro_f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="cross-validate only")
    args = parser.parse_args(argv)
    parts = {p: load_items(p) for p in TRAIN_PARTS}
    feats = {p: blocks_of(items) for p, items in parts.items()}
    rules_reference(parts)
    found = cross_validate(parts, feats)
    with_rules = [name for name, blocks in FEATURE_SETS.items() if "rules" in blocks]
    chosen = {VECTOR_WEIGHTS: best(found, ["vectors", "vectors+peaks"]), WEIGHTS: best(found, with_rules)}
    for path, (set_name, lam) in chosen.items():
        print(f"chosen for {path.name}: {set_name}, lambda {lam} (leave-one-part-out macro-F1 "
              f"{found[(set_name, lam)][0]:.3f}, 5-fold {found[(set_name, lam)][1]:.3f})")
    honest_check(parts, feats, chosen)
    if args.cv:
        return 0
    y = np.array([TONES.index(i.tone) for p in parts for i in parts[p]])
    gold = [TONES[k] for k in y]
    for path, (set_name, lam) in chosen.items():
        blocks = FEATURE_SETS[set_name]
        x = np.concatenate([matrix(feats[p], blocks) for p in parts])
        model = fit(x, y, lam, blocks)
        fitted = predict(model, x)
        print(f"{path.name}: training fit macro-F1 {scores(gold, fitted)['macro_f1']:.3f}")
        print(confusion(gold, fitted))
        model.save(path)
        print(f"written {path.relative_to(ROOT.parent)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
