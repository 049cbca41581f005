"""Whether a line is nothing but a person's name («Ирина Ковалёва», «Сидоров Иван Петрович»):
Natasha's names extractor (its dictionary of first names, surnames' endings and patronymics), not
a pattern of capitalised words, which headlines of places and events also are."""

from __future__ import annotations

import functools

from natasha import NamesExtractor

from pipeline.lang.models import get_morph_vocab

# Longer lines are headlines that merely start with a name.
MAX_NAME_CHARS = 60


@functools.cache
def _extractor() -> NamesExtractor:
    return NamesExtractor(get_morph_vocab())


def is_person_name(line: str) -> bool:
    """The whole line is one name with both a first name and a surname."""
    text = " ".join(line.split())
    if not text or len(text) > MAX_NAME_CHARS:
        return False
    matches = list(_extractor()(text))
    if len(matches) != 1:
        return False
    match = matches[0]
    return (match.start, match.stop) == (0, len(text)) and bool(
        match.fact.first and match.fact.last
    )
