"""Word tokens with lemmas: the shared basis of every gazetteer, topic and project matcher.

Matching on lemmas (not on surface forms) is what makes «в Уссурийске», «уссурийских семей» and
«Фонда поддержки детей» findable from one dictionary entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.lang.models import get_morph_vocab

# Words: Cyrillic/Latin letters and digits, with inner hyphens («Комсомольск-на-Амуре», «Детство-2018»).
WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str


def normalize_word(word: str) -> str:
    """Lower case with ё folded to е: the key every index in the pipeline uses."""
    return word.lower().replace("ё", "е")


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely normal form of one word (pymorphy2's first parse), normalized."""
    key = normalize_word(word)
    if not re.search("[а-я]", key):
        return key
    if "-" in key:
        # Hyphenated names: lemmatize each part («комсомольске-на-амуре» → «комсомольск-на-амур»);
        # a compound adjective's last part as the adjective it can be («йошкар-олинском» →
        # «…-олинский», where the unknown word's first guess is a noun «олинскома»).
        *head, last = key.split("-")
        return "-".join([*(lemma(part) for part in head), adjective_lemma(last) or lemma(last)])
    parses = get_morph_vocab().parse(key)
    return normalize_word(parses[0].normal_form) if parses else key


@functools.lru_cache(maxsize=200_000)
def lemmas_all(word: str) -> frozenset[str]:
    """Every normal form pymorphy2 proposes for a word (for ambiguous forms like «детей»/«дети»)."""
    key = normalize_word(word)
    if not re.search("[а-я]", key) or "-" in key:
        return frozenset({lemma(word)})
    return frozenset(normalize_word(p.normal_form) for p in get_morph_vocab().parse(key)) | {key}


@functools.lru_cache(maxsize=200_000)
def adjective_lemma(word: str) -> str | None:
    """The adjective's normal form when pymorphy2 reads the word as a full adjective in some
    parse: «беременным» is first a noun («беременная»), but a query's «беременная» is read as
    the adjective «беременный»; the two must meet."""
    key = normalize_word(word)
    if not re.search("[а-я]", key) or "-" in key:
        return None
    forms = [p.normal_form for p in get_morph_vocab().parse(key) if p.tag.POS == "ADJF"]
    return normalize_word(forms[0]) if forms else None


@functools.lru_cache(maxsize=50_000)
def is_adjective(word: str) -> bool:
    """pymorphy2 reads the word as a full adjective in some parse («международном»)."""
    return any(p.tag.POS == "ADJF" for p in get_morph_vocab().parse(normalize_word(word)))


@functools.lru_cache(maxsize=50_000)
def is_singular(word: str) -> bool:
    """pymorphy2's first parse reads the word as singular («психолог», «эксперта»)."""
    parses = get_morph_vocab().parse(normalize_word(word))
    return bool(parses) and parses[0].tag.number == "sing"


@functools.lru_cache(maxsize=50_000)
def is_person(word: str) -> bool:
    """pymorphy2's first parse reads the word as a singular animate common noun («писательница»,
    «руководитель»), not a name."""
    parses = get_morph_vocab().parse(normalize_word(word))
    if not parses:
        return False
    tag = parses[0].tag
    return (tag.POS == "NOUN" and tag.animacy == "anim" and tag.number == "sing"
            and not {"Name", "Surn", "Patr"} & tag.grammemes)


@functools.lru_cache(maxsize=50_000)
def part_of_speech(word: str) -> str | None:
    """pymorphy2's part of speech of the word's first parse («VERB», «NOUN», «PREP»…)."""
    parses = get_morph_vocab().parse(normalize_word(word))
    return str(parses[0].tag.POS) if parses and parses[0].tag.POS else None


@functools.lru_cache(maxsize=50_000)
def first_person_verb_lemma(word: str) -> str | None:
    """The verb a first-person form is of («отдадим», «отдам» → «отдать»; «отдаём» →
    «отдавать»), or None for any other word."""
    for p in get_morph_vocab().parse(normalize_word(word)):
        if p.tag.POS == "VERB" and "1per" in p.tag.grammemes:
            return normalize_word(p.normal_form)
    return None


# A sentence's start after another's end on one line (a capital or an opening quote after «.»).
_NEXT_SENTENCE_RE = re.compile(r"(?<=[.!?…»])\s+(?=[А-ЯЁA-Z«])")


def last_sentence(line: str) -> str:
    """The last sentence of a line («… мы работаем. Перепечатано с сайта фонда …»)."""
    return _NEXT_SENTENCE_RE.split(line)[-1]


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens with character offsets and lemmas."""
    return [
        Token(m.start(), m.end(), m.group(), lemma(m.group())) for m in WORD_RE.finditer(text)
    ]


def lemmatize_phrase(phrase: str) -> tuple[str, ...]:
    """The lemma sequence of a dictionary phrase, for building lemma indexes."""
    return tuple(t.lemma for t in tokenize(phrase))
