"""Kinds of bodies, read from the shipped orgs.yml: who can act for a region («губернаторы A и B
подписали»), whose site speaks for its region (pipeline.tag.home_region), and the words that make
a name a company's or a medium's instead."""

from __future__ import annotations

import re
from functools import lru_cache

from newsmon.core.datafiles import data_dir
from newsmon.core.yamlfile import load_yaml_file
from pipeline.lang.morph import is_adjective, lemma, normalize_word, part_of_speech


@lru_cache(maxsize=1)
def body_and_media_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The organization kinds of orgs.yml and its company/media markers, as lemmas."""
    spec = load_yaml_file(data_dir("pipeline") / "orgs.yml")
    kinds = frozenset(form for w in spec["kinds"] for form in (normalize_word(w), lemma(w)))
    return kinds, frozenset(lemma(c) for c in spec["company_markers"])


# A body's name as its own page heads it is short; a longer line is a sentence about it.
ORG_NAME_MAX_WORDS = 14
# Words of a predicate: a headline saying what a body did («Фонд «Южный дом» открыл…»).
_PREDICATE_POS = frozenset({"VERB", "INFN", "PRTS"})
_WORD_RE = re.compile(r"[А-Яа-яЁёA-Za-z-]+")


def is_organization_name(line: str) -> bool:
    """The whole line is a body's name («Благотворительный фонд «Южный дом»», «ГБУ РА
    «Республиканский центр социальной помощи семье и детям»», «Министерство труда и социального
    развития Республики Адыгея»): its first word after adjectives is a kind of body from
    orgs.yml, and it has no predicate and no headline punctuation (a colon, a dash, a question)."""
    text = " ".join(line.split())
    if not text or any(ch in text for ch in ":?!—–") or text.endswith("."):
        return False
    words = _WORD_RE.findall(text)
    if not words or len(words) > ORG_NAME_MAX_WORDS:
        return False
    kinds, _ = body_and_media_heads()
    head = next((w for w in words[:3] if not is_adjective(w)), None)
    if head is None or not {normalize_word(head), lemma(head)} & kinds:
        return False
    return not any(part_of_speech(w) in _PREDICATE_POS for w in words)
