"""The terms of the full-text index: word forms and their lemmas, as stored and as searched.

Shared by the index (db/search.py) and the query compiler (db/search_query.py).
"""

from __future__ import annotations

import functools
import re

WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")  # hyphens split: «Комсомольск-на-Амуре» = 3 words
_CYRILLIC = re.compile("[а-я]")


@functools.lru_cache(maxsize=300_000)
def index_terms(word: str) -> tuple[str, ...]:
    """The lemmas a word form is indexed (and searched) under: every normal form of it."""
    from pipeline.lang.models import get_morph_vocab

    key = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(key):
        return (key,)
    forms = dict.fromkeys(
        p.normal_form.lower().replace("ё", "е") for p in get_morph_vocab().parse(key)
    )
    return tuple(forms) or (key,)


def lemma_text(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(" ".join(index_terms(w)) for w in WORD_RE.findall(text))


FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "INTJ"})


@functools.lru_cache(maxsize=10_000)
def is_function_word(word: str) -> bool:
    """A preposition, conjunction or particle by its likeliest parse («в», «о», «и», «для»)."""
    from pipeline.lang.models import get_morph_vocab

    key = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(key):
        return False
    parses = get_morph_vocab().parse(key)
    return bool(parses) and parses[0].pos in FUNCTION_POS
