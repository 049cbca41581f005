"""Story clustering on edited reprints and hard negatives: eval/stories/ (issue 17).

    .venv/bin/python eval/run_stories.py [--part train|held-out|all] [--quiet]

Feeds every text of the set, in publication order, through the store's own story decision
(pipeline.cluster.minhash: signature, StoryIndex.similar, StoryIndex.add — what
newsmon.crawl.records.store_record does, without the database), joins each text with the stories
of what it matched (as db.store.store_article does), and scores the clusters against the groups:

- pairs: precision and recall of "same story" over all pairs of texts;
- B-cubed precision and recall (per text: the share of its cluster that is its story, the share
  of its story that is in its cluster), which weigh a big wrong merge more than a pair count does;
- recall by kind of reprint (is each derived or rewritten text in its original's cluster).

Parts: the set's families (texts written to look alike) are split, every third family held out
(`held-out`); thresholds are chosen on `train` only. A pair counts for a part when both texts are
in it; all texts are always clustered together, as a store would.
Prints the figures and every wrong pair. A report, not a gate: exit 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import itertools
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HERE = ROOT / "eval" / "stories"


@dataclass
class Text:
    id: str
    group: str
    family: str
    kind: str
    outlet: str
    date: dt.date
    title: str
    text: str
    of: str | None = None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def derive(kind: str, base: Text, outlet: dict, source_name: str) -> str:
    """The mechanical reprints: what outlets do to a text they take without rewriting it."""
    pars = _paragraphs(base.text)
    if kind == "verbatim":  # dateline-free copy with a photo credit and a source line
        return "\n".join([pars[0], "Фото: пресс-служба", *pars[1:], f"Источник: {source_name}"])
    if kind == "trimmed":  # the first half of the paragraphs
        return "\n".join([*pars[: max(1, (len(pars) + 1) // 2)], f"По материалам {source_name}"])
    if kind == "reordered":  # paragraphs in reverse order
        return "\n".join(reversed(pars))
    if kind == "framed":  # the reprinting outlet's own intro and outro around the text
        return "\n".join([outlet["intro"], *pars, outlet["outro"]])
    raise SystemExit(f"unknown derive kind {kind!r}")


def load(here: Path = HERE) -> list[Text]:
    outlets = yaml.safe_load((here / "outlets.yml").read_text(encoding="utf-8"))
    groups = []
    for path in sorted(here.glob("groups_*.yml")):
        groups += yaml.safe_load(path.read_text(encoding="utf-8"))
    texts: dict[str, Text] = {}
    for group in groups:
        for spec in group["texts"]:
            kind = spec.get("derive") or spec["kind"]
            if "derive" in spec:
                base = texts[spec["of"]]
                body = derive(kind, base, outlets[spec["outlet"]], outlets[base.outlet]["name"])
                title = base.title
            else:
                body, title = spec["text"], spec["title"]
            if spec.get("chrome"):
                chrome = _paragraphs(outlets[spec["outlet"]]["chrome"])
                body = "\n".join([*chrome[:3], body, *chrome[3:]])
            texts[spec["id"]] = Text(
                id=spec["id"], group=group["id"], family=group["family"], kind=kind,
                outlet=spec["outlet"], date=dt.date.fromisoformat(str(spec["date"])),
                title=title, text=body, of=spec.get("of"),
            )
    return list(texts.values())


def parts(texts: list[Text]) -> dict[str, str]:
    """family -> train | held-out: every third family (in the order of the files) held out."""
    families = list(dict.fromkeys(t.family for t in texts))
    return {f: "held-out" if i % 3 == 2 else "train" for i, f in enumerate(families)}


def cluster(texts: list[Text]) -> tuple[dict[str, str], float]:
    """text id -> cluster id, by the store's decision in publication order; and seconds per text."""
    from pipeline.cluster.minhash import StoryIndex, signature

    index = StoryIndex()
    takes_date = "published" in inspect.signature(index.similar).parameters
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order = sorted(texts, key=lambda t: (t.date, t.id))
    keys = {i: t.id for i, t in enumerate(order)}
    started = time.perf_counter()
    for i, t in enumerate(order):
        sig = signature(t.text, t.title)
        found = index.similar(sig, published=t.date) if takes_date else index.similar(sig)
        parent[t.id] = t.id
        for key in found:
            parent[find(keys[key])] = find(t.id)
        if takes_date:
            index.add(i, sig, published=t.date)
        else:
            index.add(i, sig)
    seconds = (time.perf_counter() - started) / max(1, len(order))
    return {t.id: find(t.id) for t in texts}, seconds


def score(texts: list[Text], got: dict[str, str], part: str, split: dict[str, str]) -> dict:
    chosen = [t for t in texts if part == "all" or split[t.family] == part]
    tp = fp = fn = 0
    wrong: list[str] = []
    for a, b in itertools.combinations(chosen, 2):
        truth, said = a.group == b.group, got[a.id] == got[b.id]
        tp += truth and said
        if said and not truth:
            fp += 1
            wrong.append(f"merged  {a.id} ({a.family}) + {b.id} ({b.family})")
        if truth and not said:
            fn += 1
            wrong.append(f"missed  {a.id} ({a.kind}) / {b.id} ({b.kind})")
    b3p = b3r = 0.0
    for t in chosen:
        mine = [u for u in chosen if got[u.id] == got[t.id]]
        story = [u for u in chosen if u.group == t.group]
        b3p += sum(u.group == t.group for u in mine) / len(mine)
        b3r += sum(got[u.id] == got[t.id] for u in story) / len(story)
    by_kind: dict[str, list[int]] = {}
    for t in chosen:
        if t.kind == "original":
            continue
        original = next(u for u in chosen if u.group == t.group and u.kind == "original")
        hits = by_kind.setdefault(t.kind, [0, 0])
        hits[0] += got[t.id] == got[original.id]
        hits[1] += 1
    n = len(chosen)
    return {
        "texts": n, "stories": len({t.group for t in chosen}),
        "pair precision": tp / (tp + fp) if tp + fp else 1.0,
        "pair recall": tp / (tp + fn) if tp + fn else 1.0,
        "pairs": (tp, tp + fp, tp + fn),
        "b3 precision": b3p / n, "b3 recall": b3r / n,
        "by kind": by_kind, "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("train", "held-out", "all"), default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    texts = load()
    split = parts(texts)
    got, seconds = cluster(texts)
    chosen_parts = [args.part] if args.part else ["train", "held-out", "all"]
    for part in chosen_parts:
        s = score(texts, got, part, split)
        tp, said, truth = s["pairs"]
        print(f"[{part}] {s['texts']} texts, {s['stories']} stories")
        print(f"  pairs    precision {s['pair precision']:.3f} ({tp}/{said})"
              f"  recall {s['pair recall']:.3f} ({tp}/{truth})")
        print(f"  B-cubed  precision {s['b3 precision']:.3f}  recall {s['b3 recall']:.3f}")
        kinds = "  ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(s["by kind"].items()))
        print(f"  joined to the original, by kind: {kinds}")
        if not args.quiet and part != "all":
            for line in s["wrong"]:
                print("    " + line)
    print(f"clustering: {seconds * 1000:.1f} ms per text (signature + lookup + add)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
