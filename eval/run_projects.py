"""Score named-project detection on eval/projects/cases.yml against pinned floors.

    .venv/bin/python eval/run_projects.py            # precision, recall, every miss and false hit
    .venv/bin/python eval/run_projects.py --pin      # raise the floors to today's numbers

Micro precision and recall over (text, project) pairs, names compared after
canonical_project_name. The floors in eval/floors_projects.json carry the corpus hash; a lower
score exits non-zero, and a floor is lowered only with --pin --allow-regression.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent
if str(ROOT.parent) not in sys.path:
    sys.path.insert(0, str(ROOT.parent))

from pipeline.tag.projects.tagger import canonical_project_name, find_projects, load_registry  # noqa: E402

CASES = ROOT / "projects" / "cases.yml"
FLOORS = ROOT / "floors_projects.json"
METRICS = ("precision", "recall", "mentions")


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    projects: frozenset[str]
    mentions: dict[str, int]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0
    counts_right: int = 0  # labelled mention counts found exactly
    counts_labelled: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def mentions(self) -> float:
        """Share of labelled mention counts found exactly."""
        return self.counts_right / self.counts_labelled if self.counts_labelled else 1.0


def load_cases(path: Path = CASES) -> list[Case]:
    cases = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        text = item.get("text") or (path.parent / item["file"]).read_text(encoding="utf-8")
        names = frozenset(canonical_project_name(n) for n in item["projects"])
        mentions = {canonical_project_name(k): v for k, v in (item.get("mentions") or {}).items()}
        cases.append(Case(item["id"], text, names, mentions))
    return cases


def corpus_hash(path: Path = CASES) -> str:
    digest = hashlib.sha256()
    for case in load_cases(path):
        labels = f"{sorted(case.projects)}{sorted(case.mentions.items())}"
        digest.update(f"{case.id}\0{case.text}\0{labels}\0".encode())
    return digest.hexdigest()


def evaluate(path: Path = CASES) -> Score:
    registry = load_registry()
    score = Score()
    for case in load_cases(path):
        counts = {canonical_project_name(h.name): h.mentions for h in find_projects(case.text, registry)}
        found = set(counts)
        for name, n in case.mentions.items():
            score.counts_labelled += 1
            score.counts_right += counts.get(name) == n
            if counts.get(name, n) != n:
                score.errors.append(f"{case.id}: {name} упомянут {counts[name]} раз, а не {n}")
        score.cases += 1
        score.tp += len(found & case.projects)
        score.fp += len(found - case.projects)
        score.fn += len(case.projects - found)
        score.errors += [f"{case.id}: лишний {n}" for n in sorted(found - case.projects)]
        score.errors += [f"{case.id}: пропущен {n}" for n in sorted(case.projects - found)]
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", action="store_true", help="write today's numbers as floors")
    parser.add_argument("--allow-regression", action="store_true", help="with --pin: may lower")
    args = parser.parse_args(argv)
    score = evaluate()
    versions = ", ".join(f"{lib} {metadata.version(lib)}" for lib in ("natasha", "pymorphy2"))
    print(f"newsmon pipeline.tag.projects.tagger ({versions})")
    for line in score.errors:
        print(line)
    print(
        f"named projects: {score.cases} texts, precision {score.precision:.3f}, "
        f"recall {score.recall:.3f} (tp {score.tp}, fp {score.fp}, fn {score.fn}); "
        f"mention counts exact {score.counts_right}/{score.counts_labelled}"
    )
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    digest = corpus_hash()
    if args.pin:
        new = {k: math.floor(getattr(score, k) * 1000) / 1000 for k in METRICS}
        if not args.allow_regression and any(new[k] < floors.get(k, 0) for k in new):
            print("refusing to lower a floor without --allow-regression")
            return 1
        FLOORS.write_text(json.dumps({**new, "corpus_sha256": digest}, indent=2) + "\n")
        print(f"floors pinned: {new}")
        return 0
    if floors.get("corpus_sha256") != digest:
        print("note: the corpus changed since the floors were pinned (run with --pin)")
    below = [k for k in METRICS if getattr(score, k) < floors.get(k, 0.9)]
    for k in below:
        print(f"REGRESSION: {k} {getattr(score, k):.3f} < floor {floors.get(k, 0.9)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
