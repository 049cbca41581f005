"""Shipped data files: they parse, and no word mixes Latin and Cyrillic letters.

A homoglyph («Пресc» with a Latin c) silently breaks every lemma lookup built from that entry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(
    p for folder in ("pipeline/data", "digest/data") for p in (ROOT / folder).glob("*")
    if p.suffix in (".yml", ".yaml", ".tsv", ".txt")
)
MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[А-Яа-яЁё])\w+\b")
# Real names that legitimately mix scripts would be listed here with a reason; none so far.
ALLOWED: set[str] = set()


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_parses(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        assert yaml.safe_load(text) is not None


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_no_word_mixes_latin_and_cyrillic(path):
    # Regex character classes such as [cс] list both scripts on purpose (°C typed either way).
    text = re.sub(r"\[[^\]\n]*\]", " ", path.read_text(encoding="utf-8"))
    mixed = sorted({m.group() for m in MIXED.finditer(text)} - ALLOWED)
    assert not mixed, f"{path.name}: {mixed[:10]}"
