"""The public extraction sets as built by eval/realweb/build.py: pages and their gold."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "cache"
SETS = ("aeb", "trafilatura", "htmldate")
# Each set's own text metric; htmldate's set has gold dates only.
TEXT_METRIC = {"aeb": "shingles", "trafilatura": "snippets", "htmldate": None}
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    set_name: str
    key: str
    url: str
    html: bytes
    gold: dict

    @property
    def gold_text(self) -> str:
        return self.gold.get("text") or " ".join(self.gold.get("with") or [])

    @property
    def held_out(self) -> bool:
        """A fixed quarter of each set whose failures nobody reads while fixing: its scores are
        the estimate for pages newsmon was not tuned on."""
        return int(hashlib.sha1(self.key.encode()).hexdigest(), 16) % 4 == 0

    @property
    def is_cyrillic(self) -> bool:
        """A page in Russian, Ukrainian, Kazakh …: judged by the page, since some gold is short."""
        return len(_CYRILLIC.findall(self.html.decode("utf-8", "ignore"))) > 300


def available(set_name: str) -> bool:
    return (CACHE / set_name / "gold.json").is_file()


def load(set_name: str) -> Iterator[Page]:
    folder = CACHE / set_name
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    for key in sorted(gold):
        html = gzip.decompress((folder / "pages" / f"{key}.html.gz").read_bytes())
        yield Page(set_name, key, gold[key]["url"], html, gold[key])
