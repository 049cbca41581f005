"""Clauses of a text with their words: lemma, part of speech and tense (pymorphy2's first parse).

A clause is a sentence (razdel) further cut at «;», where Russian news joins two facts that may
be about different organisations («…купил фонд; дорогу район так и не отремонтировал»).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from razdel import sentenize

from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import Token, tokenize


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    lower: str
    lemma: str
    pos: str  # pymorphy2's part of speech ('' when unknown)
    tense: str  # past | pres | futr | '' (participles: past or pres; short forms: past)


@dataclass(frozen=True)
class Clause:
    index: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]

    def lemmas(self) -> list[str]:
        return [w.lemma for w in self.words]

    @functools.cached_property
    def forms(self) -> frozenset[str]:
        """Every lemma and lower-case form in the clause: most phrases fail on this set alone."""
        return frozenset(form for w in self.words for form in (w.lemma, w.lower))

    def has_phrase(self, phrase: tuple[str, ...]) -> bool:
        """Whether the lemmas (or surface forms) of `phrase` occur in a row."""
        if not self.forms.issuperset(phrase):
            return False
        n = len(phrase)
        for i in range(len(self.words) - n + 1):
            if all(phrase[k] in (self.words[i + k].lemma, self.words[i + k].lower) for k in range(n)):
                return True
        return False


@functools.lru_cache(maxsize=100_000)
def grammar(word: str) -> tuple[str, str]:
    """(part of speech, tense) of a lower-case word form."""
    if not re.search("[а-я]", word):
        return ("NUMB" if word[:1].isdigit() else "", "")
    parses = get_morph_vocab().parse(word)
    if not parses:
        return ("", "")
    tag = parses[0].tag
    pos = str(tag.POS or "")
    tense = str(tag.tense or "")
    if pos == "PRTS" or (pos in ("PRTF",) and "past" in tag):
        tense = "past"
    return (pos, tense)


def _word(token: Token) -> Word:
    return Word(token.start, token.end, *_reading(token.text, token.lemma))


@functools.lru_cache(maxsize=200_000)
def _reading(form: str, lemma: str) -> tuple[str, str, str, str]:
    """(lower-case form, lemma, part of speech, tense) of a word form: the same for every
    occurrence, so read once."""
    from pipeline.tag.tone.lexicon import FORMS

    lower = form.lower().replace("ё", "е")
    pos, tense = grammar(lower)
    return lower, FORMS.get(lower, lemma), pos, tense


def split_clauses(text: str, tokens: list[Token] | None = None) -> list[Clause]:
    """The clauses of `text` in order; `tokens` (pipeline.lang.morph.tokenize) when already made."""
    tokens = tokenize(text) if tokens is None else tokens
    spans: list[tuple[int, int]] = []
    for sent in sentenize(text):
        start = sent.start
        for part in re.finditer(r"[^;]+", sent.text):
            if part.group().strip():
                spans.append((start + part.start(), start + part.end()))
    clauses: list[Clause] = []
    k = 0
    for start, end in spans:
        while k < len(tokens) and tokens[k].end <= start:
            k += 1
        words = []
        j = k
        while j < len(tokens) and tokens[j].start < end:
            words.append(_word(tokens[j]))
            j += 1
        clauses.append(Clause(len(clauses), start, end, text[start:end], tuple(words)))
    return clauses
