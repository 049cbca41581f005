"""Tagging throughput (characters/second): newsmon's tag() and tag_many() vs bare Natasha NER.

    .venv/bin/python benchmarks/bench_tagging.py [--repeat N]

Same texts, same process: the factRuEval dev texts plus the labelled articles. Bare Natasha =
`NewsNERTagger` over each text (NER alone, no segmentation or normalization), the cheapest honest
baseline. Each side runs once to warm up (models load once per process), then the three are timed
interleaved in CPU time of this process, best of --repeat rounds.
Budget: newsmon costs no more than 1.5x bare Natasha NER (ratio printed last).
"""

from __future__ import annotations

import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BUDGET = 1.5


def corpus() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "eval/ner/devset").glob("*.txt"))
    ]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "eval/regions/seeds").glob("*.txt"))
    ]
    return texts


def timed(fn) -> float:
    """CPU seconds of this process: robust to other jobs sharing the machine."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def run(repeat: int = 2) -> dict[str, float]:
    from pipeline.lang.models import get_models
    from pipeline.tag.run import tag, tag_many

    texts = corpus()
    chars = sum(len(t) for t in texts)
    tagger = get_models().ner_tagger

    def bare() -> None:
        for t in texts:
            tagger(t)

    def ours() -> None:
        for t in texts:
            tag(t)

    def ours_batched() -> None:
        tag_many([(t, "", None) for t in texts])

    bare(), ours()  # warm-up: models, lemma caches
    t_bare = t_ours = t_many = float("inf")
    for _ in range(repeat):  # interleaved, best of each
        t_bare = min(t_bare, timed(bare))
        t_ours = min(t_ours, timed(ours))
        t_many = min(t_many, timed(ours_batched))
    return {
        "texts": len(texts),
        "chars": chars,
        "natasha_cps": chars / t_bare,
        "newsmon_cps": chars / t_ours,
        "newsmon_batched_cps": chars / t_many,
        "ratio": t_ours / t_bare,
        "ratio_batched": t_many / t_bare,
    }


def main(argv: list[str]) -> int:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 2
    r = run(repeat)
    print(
        f"{r['texts']} texts, {r['chars']} characters; natasha {version('natasha')}, "
        f"slovnet {version('slovnet')}, pymorphy2 {version('pymorphy2')}"
    )
    print(f"bare Natasha NER      {r['natasha_cps']:>10.0f} chars/s")
    print(f"newsmon tag()         {r['newsmon_cps']:>10.0f} chars/s   ratio {r['ratio']:.2f}x")
    print(
        f"newsmon tag_many()    {r['newsmon_batched_cps']:>10.0f} chars/s   ratio {r['ratio_batched']:.2f}x"
    )
    ok = r["ratio"] <= BUDGET
    print(f"budget {BUDGET}x: {'ok' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
