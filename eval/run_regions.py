"""Region attribution and relevance on labelled articles: eval/regions/articles.yml + the seeds.

    .venv/bin/python eval/run_regions.py [-v]

Region attribution accuracy = share of articles whose attributed set of subjects equals the gold set
exactly ([] included); relevance = precision/recall/F1 of `relevant`. Floors: eval/floors_tagging.json.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HERE = ROOT / "eval" / "regions"


def load_cases() -> list[dict]:
    """Every labelled article: {id, title, text, home, regions (ISO list), relevant}."""
    cases = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))["articles"]
    for lab in json.loads((HERE / "seeds" / "labels.json").read_text(encoding="utf-8")):
        text = (HERE / "seeds" / lab["file"]).read_text(encoding="utf-8")
        cases.append(
            {
                "id": lab["file"],
                "title": lab["title"],
                "text": text,
                "home": None,
                "regions": lab["iso"],
                "relevant": lab["relevant"],
                "orgs": lab["orgs"],
            }
        )
    return cases


def corpus_hash() -> str:
    h = hashlib.sha256((HERE / "articles.yml").read_bytes())
    for p in sorted((HERE / "seeds").iterdir()):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def evaluate(verbose: bool = False) -> dict:
    from pipeline.tag.run import tag_many

    cases = load_cases()
    t0 = time.perf_counter()
    results = tag_many([(c["text"], c["title"], c.get("home")) for c in cases])
    elapsed = time.perf_counter() - t0
    from pipeline.lang.morph import normalize_word

    correct = tp = fp = fn = 0
    org_tp = org_fp = org_fn = 0
    failures = []
    for c, r in zip(cases, results):
        if "orgs" in c:  # seeds and d01-d10 carry organization labels (ё folded, exact names)
            got_orgs = {normalize_word(o.name) for o in r.orgs}
            gold_orgs = {normalize_word(o) for o in c["orgs"]}
            org_tp += len(got_orgs & gold_orgs)
            org_fp += len(got_orgs - gold_orgs)
            org_fn += len(gold_orgs - got_orgs)
        got = sorted(h.iso for h in r.regions)
        if got == sorted(c["regions"]):
            correct += 1
        else:
            failures.append(f"{c['id']}: regions {got} != gold {sorted(c['regions'])}")
        if r.relevant and c["relevant"]:
            tp += 1
        elif r.relevant:
            fp += 1
            failures.append(f"{c['id']}: relevant, gold not (topics {r.topics})")
        elif c["relevant"]:
            fn += 1
            failures.append(f"{c['id']}: not relevant, gold relevant")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    report = {
        "articles": len(cases),
        "corpus": corpus_hash(),
        "region_accuracy": round(correct / len(cases), 4),
        "relevance_precision": round(precision, 4),
        "relevance_recall": round(recall, 4),
        "relevance_f1": round(f1, 4),
        "org_precision": round(org_tp / max(org_tp + org_fp, 1), 4),
        "org_recall": round(org_tp / max(org_tp + org_fn, 1), 4),
        "seconds": round(elapsed, 2),
        "failures": failures,
    }
    if verbose:
        for line in failures:
            print("  " + line)
    return report


def main(argv: list[str]) -> int:
    report = evaluate(verbose="-v" in argv)
    floors = json.loads((ROOT / "eval" / "floors_tagging.json").read_text(encoding="utf-8"))
    print(
        f"natasha {version('natasha')}, pymorphy2 {version('pymorphy2')}; "
        f"{report['articles']} articles, corpus {report['corpus']}"
    )
    ok = True
    for key in ("region_accuracy", "relevance_f1", "org_recall"):
        floor = floors["regions"][key]
        flag = "ok" if report[key] >= floor else "BELOW FLOOR"
        ok &= report[key] >= floor
        print(f"{key:20s} {report[key]:.4f}  (floor {floor})  {flag}")
    print(
        f"relevance P/R        {report['relevance_precision']:.4f} / {report['relevance_recall']:.4f}"
    )
    print(
        f"orgs P/R             {report['org_precision']:.4f} / {report['org_recall']:.4f}"
        "  (articles with organization labels: d, f01-f04, g, h, seeds)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
