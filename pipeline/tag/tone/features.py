"""What the tone model reads of a (text, object) pair: word vectors and the rules' evidence.

Word vectors (Navec's news embeddings, shipped inside Natasha) carry meaning across wordings —
«урезали», «сократили», «свернули» sit close together — where the rules' word lists stop. They are
averaged over three spans: the clauses about the object (judge.scope: where it is mentioned and
the clauses that continue its story), the lead clause, and the whole text. A word after a negation
(«не», «нет», «без», «ни») enters the average with its sign flipped, so «не получили» is not
«получили». The rules' own judgement (their positive and negative weights, tone and `mixed`) is a
further block, so the model can lean on the rules where they are sure and on the vectors where
they say nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import numpy as np

from pipeline.lang.models import get_embedding
from pipeline.tag.tone.clauses import Clause
from pipeline.tag.tone.judge import SYSTEM, TONES, Judgement, scope
from pipeline.tag.tone.objects import mention_positions, parse_object

DIM = 300
NEGATIONS = frozenset({"не", "нет", "без", "ни", "никто", "ничего", "никогда"})
NEGATION_REACH = 3  # words after a negation that it flips
# Function words carry no tone and dilute an average of a short clause.
STOP = frozenset({
    "и", "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "от", "до", "за", "из", "у", "для",
    "а", "но", "что", "как", "это", "то", "же", "ли", "бы", "при", "над", "под", "или", "их",
    "его", "её", "ее", "они", "она", "он", "мы", "вы", "я", "так", "уже", "ещё", "еще", "который",
    "которые", "которых", "этот", "эти", "этом", "этой", "также", "тоже", "там", "где", "когда",
})
BLOCKS = ("scope", "scope_peaks", "lead", "text", "rules")
RULE_FEATURES = ("positive", "negative", "balance", "mixed", "is_positive", "is_negative",
                 "mentioned", "scope_share", "events+", "events-", "trends+", "trends-",
                 "boilerplate", "negated")
# The kinds of the rules' reasons (evidence.read_clause), counted: how the rules decided.
REASON_KINDS = ("+ ", "- ", "динамика +", "динамика -", "шаблон", "не ")


@functools.lru_cache(maxsize=200_000)
def vector(word: str) -> np.ndarray | None:
    """The word's vector (float32, 300), None for a word the embeddings do not know."""
    emb = get_embedding()
    if word not in emb:
        return None
    return np.asarray(emb[word], dtype=np.float32)


def signed_vectors(words: Iterable[str]) -> np.ndarray:
    """The vectors of the known content words, one row each, a negated word's vector flipped."""
    found: list[np.ndarray] = []
    signs: list[float] = []
    flip_left = 0
    for word in words:
        if word in NEGATIONS:
            flip_left = NEGATION_REACH
            continue
        sign = -1.0 if flip_left else 1.0
        flip_left = max(0, flip_left - 1)
        if word in STOP or not word.isalpha():
            continue
        v = vector(word)
        if v is not None:
            found.append(v)
            signs.append(sign)
    if not found:
        return np.zeros((0, DIM), dtype=np.float32)
    # one stack and one product per text: a product per word cost more than the words' lookups
    return np.stack(found) * np.asarray(signs, dtype=np.float32)[:, None]


def _mean(found: np.ndarray) -> np.ndarray:
    return found.mean(axis=0).astype(np.float32) if len(found) else np.zeros(DIM, dtype=np.float32)


def _peaks(found: np.ndarray) -> np.ndarray:
    """Per dimension, the largest and the smallest value over the words: one decisive word
    («урезали») is not averaged away in a long clause."""
    if not len(found):
        return np.zeros(2 * DIM, dtype=np.float32)
    return np.concatenate([found.max(axis=0), found.min(axis=0)]).astype(np.float32)


def pooled(words: Iterable[str]) -> np.ndarray:
    """Mean vector of the known content words, a negated word's vector flipped."""
    return _mean(signed_vectors(words))


def peaks(words: Iterable[str]) -> np.ndarray:
    return _peaks(signed_vectors(words))


def _words(clause: Clause, keep: set[int] | None = None) -> list[str]:
    return [w.lower for i, w in enumerate(clause.words) if keep is None or i in keep]


def rule_features(judgement: Judgement, mentioned: bool, scope_share: float) -> np.ndarray:
    values = [
        np.log1p(judgement.positive), np.log1p(judgement.negative),
        np.tanh(judgement.positive - judgement.negative), float(judgement.mixed),
        float(judgement.tone == TONES[0]), float(judgement.tone == TONES[2]),
        float(mentioned), scope_share,
        *(np.log1p(sum(r.startswith(kind) for r in judgement.reasons)) for kind in REASON_KINDS),
    ]
    return np.asarray(values, dtype=np.float32)


def feature_blocks(clauses: Sequence[Clause], obj: str | None, judgement: Judgement,
                   text_vector: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Every block of features for one (text, object) pair; `text_vector` when already pooled."""
    target = parse_object(obj) if obj else SYSTEM
    chosen = scope(list(clauses), target)
    scope_words = [w for clause, keep in chosen for w in _words(clause, keep)]
    lead = chosen[0][0] if chosen else (clauses[0] if clauses else None)
    if text_vector is None:
        text_vector = pooled(w for c in clauses for w in _words(c))
    mentioned = target.system or any(mention_positions(c, target) for c in clauses)
    share = len(chosen) / len(clauses) if clauses else 0.0
    found = signed_vectors(scope_words)  # one pass for the scope's mean and its peaks
    return {
        "scope": _mean(found),
        "scope_peaks": _peaks(found),
        "lead": pooled(_words(lead)) if lead else np.zeros(DIM, dtype=np.float32),
        "text": text_vector,
        "rules": rule_features(judgement, mentioned, share),
    }


def assemble(blocks: dict[str, np.ndarray], names: Sequence[str]) -> np.ndarray:
    return np.concatenate([blocks[name] for name in names])
