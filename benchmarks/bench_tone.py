"""What the tone tagger adds to tag(): milliseconds per article, and tag()'s ratio to bare NER.

    .venv/bin/python benchmarks/bench_tone.py [--repeat N]

Same texts as bench_tagging.py (the factRuEval dev texts and the labelled regional articles), one
process, CPU time, best of --repeat interleaved rounds: tag() with the default taggers (tone
included) against tag() with no registered tagger, and bare Natasha NER as the yardstick.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_tagging import BUDGET, corpus, timed  # noqa: E402


def main(argv: list[str]) -> int:
    from pipeline.lang.models import get_models
    from pipeline.tag.run import load_tag_config, tag

    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 2
    texts = corpus()
    with_tone = load_tag_config()
    without = dataclasses.replace(with_tone, taggers={})
    ner = get_models().ner_tagger

    def bare() -> None:
        for t in texts:
            ner(t)

    def run(config) -> None:
        for t in texts:
            tag(t, config=config)

    bare(), run(with_tone), run(without)  # warm-up: models, lemma and grammar caches
    t_bare = t_with = t_without = float("inf")
    for _ in range(repeat):
        t_bare = min(t_bare, timed(bare))
        t_without = min(t_without, timed(lambda: run(without)))
        t_with = min(t_with, timed(lambda: run(with_tone)))
    n = len(texts)
    added = (t_with - t_without) / n * 1000
    print(f"{n} texts, {sum(len(t) for t in texts)} characters")
    print(f"tag() without tone  {t_without / n * 1000:7.1f} ms/article   ratio to NER {t_without / t_bare:.2f}x")
    print(f"tag() with tone     {t_with / n * 1000:7.1f} ms/article   ratio to NER {t_with / t_bare:.2f}x")
    print(f"tone adds           {added:7.1f} ms/article ({(t_with / t_without - 1) * 100:.0f}%)")
    ok = t_with / t_bare <= BUDGET
    print(f"tagging budget {BUDGET}x bare NER: {'ok' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
