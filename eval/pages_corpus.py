"""A folder of evaluation pages (``pages/*.html``) with its ``gold.json``: the gold, and the
hash that floors files pin so a changed corpus is noticed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def load_gold(folder: Path) -> dict[str, dict]:
    return json.loads((folder / "gold.json").read_text("utf-8"))


def corpus_hash(folder: Path) -> str:
    digest = hashlib.sha256((folder / "gold.json").read_bytes())
    for page in sorted((folder / "pages").glob("*.html")):
        digest.update(page.name.encode() + page.read_bytes())
    return digest.hexdigest()[:16]
