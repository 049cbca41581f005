"""Story assignment at store time (issue 17): signature, lookup in the story index, add.

    .venv/bin/python benchmarks/bench_stories.py [--indexed N] [--new M] [--seed S]

Builds a story index over N recent articles (90 days, texts assembled from the sentences of
eval/stories/ with their figures replaced by random ones, so that facts recur as often as in a
region's news), then times M new articles through what newsmon.crawl.records.store_record does
before its SQL: signature(text), index.similar(sig), index.add(id, sig) — a third of them
reprints or trimmed copies of indexed articles. Prints the median and mean milliseconds per
article and the time to build the index. Run it on two checkouts (PYTHONPATH) and compare the
medians: the figure to report is their ratio. No target: a report, not a gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import random
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # PYTHONPATH first: the checkout to measure

NUMBER = re.compile(r"\d+(?:[ ,]\d+)?")


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "eval" / "stories").glob("groups_*.yml")):
        for group in yaml.safe_load(path.read_text(encoding="utf-8")):
            for spec in group["texts"]:
                for par in spec.get("text", "").split("\n"):
                    pool += [s for s in re.split(r"(?<=[.!?])\s+", par) if len(s) > 30]
    return pool


def article(rng: random.Random, pool: list[str]) -> str:
    sentences = [NUMBER.sub(lambda _: str(rng.randint(2, 5000)), rng.choice(pool))
                 for _ in range(rng.randint(4, 10))]
    return "\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indexed", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    from pipeline.cluster.minhash import StoryIndex, signature

    rng = random.Random(args.seed)
    pool = sentence_pool()
    today = dt.date(2025, 11, 30)
    texts = [article(rng, pool) for _ in range(args.indexed)]
    dates = [today - dt.timedelta(days=rng.randint(0, 89)) for _ in texts]
    signature(texts[0])  # the morphology dictionary loads once, untimed
    started = time.perf_counter()
    index = StoryIndex()
    takes_date = "published" in inspect.signature(index.similar).parameters
    for i, (text, day) in enumerate(zip(texts, dates, strict=True)):
        if takes_date:
            index.add(i, signature(text), published=day)
        else:
            index.add(i, signature(text))
    built = time.perf_counter() - started
    times = []
    joined = 0
    for n in range(args.new):
        if n % 3 == 0:  # a reprint: verbatim or the first half
            base = texts[rng.randrange(len(texts))].split("\n")
            text = "\n".join(base if n % 2 else base[: max(1, len(base) // 2)])
        else:
            text = article(rng, pool)
        t = time.perf_counter()
        sig = signature(text)
        found = index.similar(sig, published=today) if takes_date else index.similar(sig)
        if takes_date:
            index.add(args.indexed + n, sig, published=today)
        else:
            index.add(args.indexed + n, sig)
        times.append((time.perf_counter() - t) * 1000)
        joined += bool(found)
    print(f"index of {args.indexed:,} articles built in {built:.1f} s "
          f"({built / args.indexed * 1000:.2f} ms per article)")
    print(f"story assignment: median {statistics.median(times):.2f} ms, mean "
          f"{statistics.mean(times):.2f} ms per article over {args.new} "
          f"({joined} joined a story)")


if __name__ == "__main__":
    main()
