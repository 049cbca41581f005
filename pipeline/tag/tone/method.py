"""The tone method the tagger ships: the rules alone, or the ensemble of the two learned models
(word vectors alone; word vectors with the rules' evidence) — whichever the training-side
cross-validation and the held-out parts support (docs/tone.md, eval/tone/README.md)."""

from __future__ import annotations

import numpy as np

from pipeline.tag.tone.clauses import Clause, split_clauses
from pipeline.tag.tone.judge import Judgement, judge
from pipeline.tag.tone.model import classify

SHIPPED = "ensemble"  # or "rules"


def assess(text: str, obj: str | None = None, clauses: list[Clause] | None = None,
           text_vector: np.ndarray | None = None) -> Judgement:
    """The shipped method's tone of `text` toward `obj` (None: the text's family-support subject)."""
    clauses = split_clauses(text) if clauses is None else clauses
    if SHIPPED == "rules":
        return judge(text, obj, clauses)
    return classify(text, obj, clauses, text_vector)
