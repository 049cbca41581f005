"""Kinds of bodies, read from the shipped orgs.yml: who can act for a region («губернаторы A и B
подписали»), whose site speaks for its region (pipeline.tag.home_region), and the words that make
a name a company's or a medium's instead."""

from __future__ import annotations

from functools import lru_cache

from newsmon.core.datafiles import data_dir
from newsmon.core.yamlfile import load_yaml_file
from pipeline.lang.morph import lemma, normalize_word


@lru_cache(maxsize=1)
def body_and_media_heads() -> tuple[frozenset[str], frozenset[str]]:
    """The organization kinds of orgs.yml and its company/media markers, as lemmas."""
    spec = load_yaml_file(data_dir("pipeline") / "orgs.yml")
    kinds = frozenset(form for w in spec["kinds"] for form in (normalize_word(w), lemma(w)))
    return kinds, frozenset(lemma(c) for c in spec["company_markers"])
