"""NER on the factRuEval-2016 dev set: newsmon vs bare Natasha, in one run.

    .venv/bin/python eval/run_ner.py

Gold (the convention of eval/ner's README): Person → PER spanning its name parts; Org → ORG and
Location/LocOrg → LOC, one span per org_name / loc_name. Exact-span precision, recall, F1 per type
(micro over documents). newsmon must not be worse than bare Natasha (eval/floors_tagging.json).
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEVSET = ROOT / "eval" / "ner" / "devset"
TYPES = ("PER", "LOC", "ORG")


def load_gold(book: Path) -> set[tuple[int, int, str]]:
    spans: dict[str, tuple[str, int, int]] = {}
    for line in book.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) >= 4:
            sid, typ, start, length = parts[:4]
            spans[sid] = (typ, int(start), int(start) + int(length))
    gold: set[tuple[int, int, str]] = set()
    for line in book.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 3:
            continue
        typ, ids = parts[1], [s for s in parts[2:] if s in spans]
        if typ == "Person":
            names = [
                spans[s]
                for s in ids
                if spans[s][0] in ("name", "surname", "patronymic", "nickname")
            ]
            if names:
                gold.add((min(s for _, s, _ in names), max(e for _, _, e in names), "PER"))
        elif typ == "Org":
            gold |= {(spans[s][1], spans[s][2], "ORG") for s in ids if spans[s][0] == "org_name"}
        elif typ in ("Location", "LocOrg"):
            gold |= {(spans[s][1], spans[s][2], "LOC") for s in ids if spans[s][0] == "loc_name"}
    return gold


def books() -> list[Path]:
    return sorted(DEVSET.glob("*.txt"))


def corpus_hash() -> str:
    import hashlib

    h = hashlib.sha256()
    for b in books():
        for suffix in (".txt", ".objects", ".spans"):
            h.update(b.with_suffix(suffix).read_bytes())
    return h.hexdigest()[:16]


def score(pairs: list[tuple[set, set]]) -> dict[str, dict[str, float]]:
    out = {}
    for typ in TYPES:
        tp = fp = fn = 0
        for gold, pred in pairs:
            g = {s for s in gold if s[2] == typ}
            p = {s for s in pred if s[2] == typ}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[typ] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)}
    return out


def evaluate(limit: int | None = None) -> dict:
    from pipeline.lang.models import get_models
    from pipeline.tag.run import tag

    tagger = get_models().ner_tagger
    files = books()[:limit] if limit else books()
    bare_pairs, ours_pairs = [], []
    for book in files:
        text = book.read_text(encoding="utf-8")
        gold = load_gold(book)
        bare = {(s.start, s.stop, s.type) for s in tagger(text).spans}
        ours = {(e.start, e.end, e.type) for e in tag(text).entities}
        bare_pairs.append((gold, bare))
        ours_pairs.append((gold, ours))
    return {"documents": len(files), "natasha": score(bare_pairs), "newsmon": score(ours_pairs)}


def main() -> int:
    report = evaluate()
    floors = json.loads((ROOT / "eval" / "floors_tagging.json").read_text(encoding="utf-8"))
    print(
        f"factRuEval-2016 dev, {report['documents']} documents; natasha {version('natasha')}, slovnet "
        f"{version('slovnet')}"
    )
    print(f"{'type':5s} {'natasha P/R/F1':>24s} {'newsmon P/R/F1':>24s}  delta F1")
    ok = True
    for typ in TYPES:
        a, b = report["natasha"][typ], report["newsmon"][typ]
        delta = b["f1"] - a["f1"]
        ok &= delta >= floors["ner"]["min_delta_f1"]
        print(
            f"{typ:5s} {a['precision']:.3f}/{a['recall']:.3f}/{a['f1']:.3f}       "
            f"{b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f}       {delta:+.4f}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
