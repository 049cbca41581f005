"""The learned tone models: multinomial logistic regressions over pipeline.tag.tone.features.

Trained by eval/tone/train.py on the labelled training parts (docs/tone.md); the weights live in
pipeline/data/ (tens of kilobytes of float32; numpy only at run time). Two models: one over word
vectors alone, one over word vectors and the rules' evidence. `classify` averages the
probabilities of the models it is given (by default both: the ensemble the tagger ships) and
gives a Judgement like the rules' `judge`, with the models' tone and the rules' `mixed`,
evidence and reasons.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from pipeline.tag.tone.clauses import Clause, split_clauses
from pipeline.tag.tone.features import assemble, feature_blocks, pooled
from pipeline.tag.tone.judge import TONES, Judgement, judge

DATA = Path(__file__).resolve().parent.parent.parent / "data"
WEIGHTS = DATA / "tone_model.npz"  # word vectors and the rules' evidence: rules+model
VECTOR_WEIGHTS = DATA / "tone_vectors.npz"  # word vectors alone: for comparison in eval


@dataclass(frozen=True)
class ToneModel:
    blocks: tuple[str, ...]  # which feature blocks, in order
    mean: np.ndarray  # standardisation of each feature
    scale: np.ndarray
    weights: np.ndarray  # (3, features), rows in TONES order
    bias: np.ndarray  # (3,)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.weights.T + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=-1, keepdims=True))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, blocks=np.array(self.blocks), mean=self.mean.astype(np.float32),
                            scale=self.scale.astype(np.float32),
                            weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32))


def read_model(path: Path) -> ToneModel:
    with np.load(path, allow_pickle=False) as data:
        return ToneModel(tuple(str(b) for b in data["blocks"]), data["mean"], data["scale"],
                         data["weights"], data["bias"])


@functools.cache
def ensemble() -> tuple[ToneModel, ...]:
    """The shipped models: vectors with the rules' evidence, and vectors alone."""
    return (read_model(WEIGHTS), read_model(VECTOR_WEIGHTS))


def classify(text: str, obj: str | None = None, clauses: list[Clause] | None = None,
             text_vector: np.ndarray | None = None,
             models: Sequence[ToneModel] | None = None) -> Judgement:
    """The tone of `text` toward `obj`: the argmax of the models' mean probabilities; `mixed`,
    evidence and reasons are the rules'."""
    clauses = split_clauses(text) if clauses is None else clauses
    models = ensemble() if models is None else models
    rules = judge(text, obj, clauses)
    blocks = feature_blocks(clauses, obj, rules, text_vector)
    p = np.mean([m.probabilities(assemble(blocks, m.blocks)) for m in models], axis=0)
    return replace(rules, tone=TONES[int(np.argmax(p))])


def text_vector_of(clauses: list[Clause]) -> np.ndarray:
    """The whole text's pooled vector, shared by every object judged in it."""
    return pooled(w.lower for c in clauses for w in c.words)
