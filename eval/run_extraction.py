"""Score newsmon's extraction against plain trafilatura + htmldate on eval/extraction/.

Usage (from the repository root)::

    .venv/bin/python eval/run_extraction.py [--verbose]

Prints, for both systems from one run: date accuracy (exact day; a null gold date must be null),
title and lead accuracy (after folding case, ё and spaces; the lead is the first gold paragraph)
and token-level text precision / recall / F1
(bag of word tokens against the gold article text, averaged over pages), with library versions.
Exits 1 when newsmon falls below a floor in eval/floors_extraction.json or the corpus changed
without its hash being updated (floors are raised deliberately, never lowered silently).
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval import pages_corpus  # noqa: E402

EVAL_DIR = ROOT / "eval" / "extraction"
FLOORS = ROOT / "eval" / "floors_extraction.json"


@dataclass
class Prediction:
    title: str | None
    text: str
    published: datetime.date | None
    lead: str | None = None


@dataclass
class Scores:
    system: str
    pages: int = 0
    date_ok: int = 0
    title_ok: int = 0
    lead_ok: int = 0
    leads: int = 0  # pages whose lead was scored (callers without lead gold leave it 0)
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        n = max(self.pages, 1)
        mean = lambda xs: sum(xs) / max(len(xs), 1)  # noqa: E731
        result = {"date_accuracy": self.date_ok / n, "title_accuracy": self.title_ok / n}
        if self.leads:
            result["lead_accuracy"] = self.lead_ok / self.leads
        return result | {
            "text_precision": mean(self.precision),
            "text_recall": mean(self.recall),
            "text_f1": mean(self.f1),
        }


def tokens(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", (text or "").lower().replace("ё", "е")))


def prf(predicted: str | None, gold: str) -> tuple[float, float, float]:
    got, want = tokens(predicted), tokens(gold)
    common = sum((got & want).values())
    p = common / max(sum(got.values()), 1)
    r = common / max(sum(want.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm_title(title: str | None) -> str:
    folded = (
        re.sub(r"\s+", " ", (title or "").replace("\xa0", " ")).strip().lower().replace("ё", "е")
    )
    return folded.strip(" .…\"'")


def load_gold() -> dict[str, dict]:
    return pages_corpus.load_gold(EVAL_DIR)


def corpus_hash() -> str:
    return pages_corpus.corpus_hash(EVAL_DIR)


def newsmon_system(raw: bytes, url: str, crawl: datetime.datetime) -> Prediction:
    from pipeline.extract.cascade import extract

    result = extract(raw, url, crawl_time=crawl)
    return Prediction(result.title, result.text, result.published, result.lead)


def baseline_system(raw: bytes, url: str, crawl: datetime.datetime) -> Prediction:
    """Plain trafilatura (text, title) + htmldate (date), default settings, bounded by the crawl."""
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(raw, url=url) or ""
    meta = trafilatura.extract_metadata(raw)
    try:
        found = find_date(raw, url=url, original_date=True, max_date=crawl.strftime("%Y-%m-%d"))
    except Exception:  # htmldate raises on some malformed input; count it as no date
        found = None
    date = datetime.date.fromisoformat(found) if found else None
    return Prediction(meta.title if meta else None, text, date, text.split("\n")[0] or None)


SYSTEMS: dict[str, Callable[[bytes, str, datetime.datetime], Prediction]] = {
    "newsmon": newsmon_system,
    "trafilatura+htmldate": baseline_system,
}


def evaluate(system: str, gold: dict[str, dict] | None = None) -> Scores:
    gold = gold or load_gold()
    run = SYSTEMS[system]
    scores = Scores(system)
    for name, g in sorted(gold.items()):
        raw = (EVAL_DIR / "pages" / name).read_bytes()
        crawl = datetime.datetime.fromisoformat(g["crawl_time"])
        pred = run(raw, g["url"], crawl)
        scores.pages += 1
        want_date = datetime.date.fromisoformat(g["published"]) if g["published"] else None
        if pred.published == want_date:
            scores.date_ok += 1
        else:
            scores.failures.append(f"{name}: date {pred.published} != {want_date}")
        if norm_title(pred.title) == norm_title(g["title"]):
            scores.title_ok += 1
        else:
            scores.failures.append(f"{name}: title {pred.title!r} != {g['title']!r}")
        want_lead = g["text"].split("\n\n")[0]
        scores.leads += 1
        if norm_title(pred.lead) == norm_title(want_lead):
            scores.lead_ok += 1
        else:
            scores.failures.append(f"{name}: lead {(pred.lead or '')[:50]!r} != {want_lead[:50]!r}")
        p, r, f = prf(pred.text, g["text"])
        scores.precision.append(p)
        scores.recall.append(r)
        scores.f1.append(f)
        if f < 0.95:
            scores.failures.append(f"{name}: text P={p:.3f} R={r:.3f} F1={f:.3f}")
    return scores


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    gold = load_gold()
    results = {name: evaluate(name, gold) for name in SYSTEMS}
    versions = ", ".join(f"{lib} {version(lib)}" for lib in ("trafilatura", "htmldate", "lxml"))
    print(f"Extraction evaluation: {len(gold)} pages, corpus {corpus_hash()} ({versions})")
    metrics = list(next(iter(results.values())).summary())
    print(f"{'metric':<16}" + "".join(f"{name:>22}" for name in results))
    for metric in metrics:
        print(f"{metric:<16}" + "".join(f"{s.summary()[metric]:>22.3f}" for s in results.values()))
    if verbose:
        for s in results.values():
            print(f"\n{s.system} failures:")
            print("\n".join(f"  {line}" for line in s.failures) or "  none")
    floors = json.loads(FLOORS.read_text("utf-8"))
    ours = results["newsmon"].summary()
    status = 0
    for metric, floor in floors["floors"].items():
        if ours[metric] < floor:
            print(f"REGRESSION: newsmon {metric} {ours[metric]:.3f} < floor {floor}")
            status = 1
    if floors.get("corpus") != corpus_hash():
        print(f"Corpus changed: update 'corpus' in {FLOORS.name} to {corpus_hash()} after review")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
