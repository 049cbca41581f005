"""The learned tone model: multinomial logistic regression over pipeline.tag.tone.features.

Trained by eval/tone/train.py on the labelled training parts (docs/tone.md); the weights live in
pipeline/data/tone_model.npz (a few hundred kilobytes of float32, numpy only at run time). `classify`
gives a Judgement like the rules' `judge`, with the model's tone and the rules' `mixed`,
evidence and reasons.
"""

from __future__ import annotations

import functools
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
def load_model() -> ToneModel:
    return read_model(WEIGHTS)


def classify(text: str, obj: str | None = None, clauses: list[Clause] | None = None,
             text_vector: np.ndarray | None = None, model: ToneModel | None = None) -> Judgement:
    """The tone of `text` toward `obj` by the model; `mixed`, evidence and reasons are the rules'."""
    clauses = split_clauses(text) if clauses is None else clauses
    model = load_model() if model is None else model
    rules = judge(text, obj, clauses)
    blocks = feature_blocks(clauses, obj, rules, text_vector)
    p = model.probabilities(assemble(blocks, model.blocks))
    tone = TONES[int(np.argmax(p))]
    return replace(rules, tone=tone)


def text_vector_of(clauses: list[Clause]) -> np.ndarray:
    """The whole text's pooled vector, shared by every object judged in it."""
    return pooled(w.lower for c in clauses for w in c.words)
