"""One tone and `mixed` for a (text, object) pair, from the evidence of the clauses about it.

Scope: the clauses that mention the object, and the clauses after one that continue its story
(no other organisation named) — never the clauses before it, which set the scene (R1: a fire, a
divorce). A mention in a list or in the background carries no tone (R12). The lead clause weighs
more (§5: the headline and lead decide a mixed text); praise beside a reported failure is irony
and does not count (R9, R3); an independent verdict that refutes criticism makes the text mixed
and positive (R8).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.tag.tone.clauses import Clause, split_clauses
from pipeline.tag.tone.evidence import Evidence, read_clause
from pipeline.tag.tone.lexicon import PAST
from pipeline.tag.tone.objects import (
    TargetObject,
    enabled_by,
    is_background,
    is_listed,
    mention_positions,
    other_org_positions,
    parse_object,
)

TONES = ("positive", "neutral", "negative")
LEAD_WEIGHT = 1.5
PAST_WEIGHT = 0.5  # a clause about how things were before («раньше льготу не соблюдали»)
MARGIN = 0.25
SYSTEM = TargetObject("", frozenset(), True)


@dataclass(frozen=True)
class Judgement:
    tone: str
    mixed: bool
    positive: float
    negative: float
    reasons: tuple[str, ...]


def _attributed(clause: Clause, mentions: list[int], others: list[int]) -> set[int] | None:
    """Word indexes whose nearest organisation is the object (None: no other organisation)."""
    if not others:
        return None
    keep = set()
    for i in range(len(clause.words)):
        mine = min(abs(i - m) for m in mentions)
        theirs = min(abs(i - o) for o in others)
        if mine <= theirs:
            keep.add(i)
    return keep


SCENE_RE = re.compile(r"^\s*(?:Когда|Пока|После того как|Хотя|Если)\b[^,]*,", re.I)


def _without_scene(clause: Clause, mentions: list[int], counts_for: set[int] | None) -> set[int] | None:
    """A leading «Когда область урезала…,» that does not name the object sets the scene (R1, R11):
    its words do not count for the object."""
    m = SCENE_RE.match(clause.text)
    if not m:
        return counts_for
    end = clause.start + m.end()
    inside = [i for i, w in enumerate(clause.words) if w.end <= end]
    if not inside or any(i in inside for i in mentions):
        return counts_for
    keep = set(range(len(clause.words))) - set(inside)
    return keep if counts_for is None else counts_for & keep


def scope(clauses: list[Clause], target: TargetObject) -> list[tuple[Clause, set[int] | None]]:
    """The clauses about the object, each with the words that count for it."""
    if target.system:
        return [(c, None) for c in clauses]
    found = [(c, mention_positions(c, target)) for c in clauses]
    if not any(positions for _, positions in found):
        return [(c, None) for c in clauses]
    chosen: list[tuple[Clause, set[int] | None]] = []
    follows = False
    for clause, positions in found:
        others = other_org_positions(clause, target)
        if positions:
            if is_listed(clause, positions, target) or is_background(clause):
                follows = False
                continue
            counts_for = None if enabled_by(clause, positions) else _attributed(clause, positions, others)
            counts_for = _without_scene(clause, positions, counts_for)
            chosen.append((clause, counts_for))
            follows = True
        elif follows and not others:
            chosen.append((clause, None))
        else:
            follows = False
    return chosen


def judge(text: str, obj: str | None = None, clauses: list[Clause] | None = None) -> Judgement:
    """The tone of `text` toward `obj` (None: the family-support subject of the whole text)."""
    clauses = split_clauses(text) if clauses is None else clauses
    target = parse_object(obj) if obj else SYSTEM
    total = Evidence()
    for n, (clause, counts_for) in enumerate(scope(clauses, target)):
        weight = LEAD_WEIGHT if n == 0 else 1.0
        if any(clause.has_phrase(phrase) for phrase in PAST):
            weight *= PAST_WEIGHT
        total.add(read_clause(clause, counts_for), weight)
    positive, negative = total.positive, total.negative
    if negative > 0 and total.praise:
        positive = max(0.0, positive - total.praise)  # R9: praise around a failure is irony
    mixed = (positive > 0 and negative > 0) or (total.refuted and total.accused)
    if total.refuted:
        positive += 1.0  # R8: the independent verdict has the last word
        negative *= 0.5  # and answers the criticism it refutes
    diff = positive - negative
    tone = "positive" if diff > MARGIN else "negative" if diff < -MARGIN else "neutral"
    return Judgement(tone, mixed, round(positive, 2), round(negative, 2), tuple(total.reasons))
