"""One sentence's dependency tree (Natasha's syntax parser and morphology tagger), on demand.

The taggers parse only the few sentences that need it (a list of regions, to find the predicate
the list is an argument of), so a crawl does not pay for parsing every sentence. Offsets are the
caller's: `parse(text, start, end)` gives tokens whose `start`/`end` point into `text`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from natasha import Doc

from pipeline.lang.models import get_models


@dataclass(frozen=True)
class SynToken:
    index: int  # position in the sentence, 0-based
    start: int
    end: int
    text: str
    head: int  # index of the head token, -1 for the root
    rel: str  # Universal Dependencies relation: nsubj, obj, obl, conj, amod, nmod, case…
    pos: str  # UPOS: VERB, NOUN, PROPN, ADJ, ADP…
    case: str  # Nom, Gen, Dat, Acc, Ins, Loc or ""


def parse(text: str, start: int = 0, end: int | None = None) -> list[SynToken]:
    """The tokens of text[start:end] (one sentence) with heads and relations."""
    end = len(text) if end is None else end
    return [
        SynToken(t.index, t.start + start, t.end + start, t.text, t.head, t.rel, t.pos, t.case)
        for t in _parse(text[start:end])
    ]


@functools.lru_cache(maxsize=512)
def _parse(sentence: str) -> tuple[SynToken, ...]:
    models = get_models()
    # The taggers learnt from news that spells «е» for «ё»: «подберёт» is a noun to them,
    # «подберет» a verb. One letter for one keeps every offset.
    doc = Doc(sentence.replace("ё", "е").replace("Ё", "Е"))
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    # Natasha numbers tokens "sentence_token" from 1; a sentence the segmenter split in two keeps
    # both parts, each with its own root.
    ids = {t.id: k for k, t in enumerate(doc.tokens)}
    return tuple(
        SynToken(
            k, t.start, t.stop, sentence[t.start : t.stop], ids.get(t.head_id, -1),
            t.rel or "", t.pos or "", (t.feats or {}).get("Case", ""),
        )
        for k, t in enumerate(doc.tokens)
    )
