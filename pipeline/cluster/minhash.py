"""Story clusters: reprints and light rewrites of one story share a story_id.

MinHash over word shingles of the main text, indexed with datasketch's MinHashLSH; the index is
rebuilt from stored signatures when a crawl starts, then grows as articles arrive (incremental).
The story's id is the id of its earliest-published article, the original.

What makes a reprint look like its original:
* shingles are over lemmas, so a rewrite that changes a case or tense still shares them;
* credit and signature lines («Источник: …», «Фото: …», «Пресс-служба …») and anything after a
  footer marker («При перепечатке …») are dropped before shingling — they differ per outlet, or
  are the same under different stories (markers: pipeline/data/boilerplate.yml);
* the headline is not part of the signature (reprints often get a new one);
* the LSH only proposes candidates (at a low Jaccard); the decision is exact, on the 32-bit
  shingle hashes stored with each signature — MinHash's estimate wanders by ±0.04 at 128
  permutations, enough to merge two different notes that share a background paragraph;
* a shortened reprint (the first paragraphs only) is judged by containment: the shared shingles
  cover most of the shorter text.
"""

from __future__ import annotations

import functools
import re
import struct
from typing import TYPE_CHECKING

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

if TYPE_CHECKING:
    from collections.abc import Iterable

NUM_PERM = 128
SHINGLE = 3
LSH_THRESHOLD = 0.2  # candidates: estimated Jaccard of lemma 3-shingles (recall side)
JACCARD = 0.3  # one story when the Jaccard of lemma 3-shingles reaches this …
CONTAINMENT = 0.6  # … or the shared shingles cover this share of the shorter text
MIN_JACCARD = 0.15  # (a shared outlet footer must not make two short notes one story)
WINDOW_DAYS = 90  # db.stories.StoryIndex.from_db: how far back a new article looks for its original
MIN_SHINGLES = 12  # shorter texts say too little to be called a reprint of anything
THRESHOLD = JACCARD  # kept for callers of the first version
WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# Stored layout: magic, shingle count, number of hashes, LeanMinHash bytes, uint32 hashes.
_HEADER_V1 = struct.Struct("<4sI")
_HEADER = struct.Struct("<4sII")
_MAGIC_V1 = b"NMS1"  # size only (early in issue 7)
_MAGIC = b"NMS2"


def _content_lines(text: str) -> list[str]:
    """The text's paragraphs without footer, credit and signature lines (extraction's markers)."""
    from pipeline.extract.boilerplate import clean_paragraphs, is_signature

    return [line for line in clean_paragraphs(text.splitlines()) if not is_signature(line)]


def words(text: str) -> list[str]:
    from pipeline.lang.morph import lemma

    return [lemma(w) for line in _content_lines(text) for w in WORD_RE.findall(line)]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


class Signature(LeanMinHash):
    """A LeanMinHash with its shingle count and (when known) the sorted shingle hashes."""

    size: int = 0
    hashes: np.ndarray | None = None


@functools.cache
def _permutations() -> tuple:
    """The hash permutations for seed 1 and their scheme, built once (MinHash() rebuilds them)."""
    mh = MinHash(num_perm=NUM_PERM)
    return mh.permutations, mh.scheme


def signature(text: str) -> Signature:
    items = list(shingles(text))
    permutations, scheme = _permutations()
    mh = MinHash(num_perm=NUM_PERM, permutations=permutations, scheme=scheme)
    mh.update_batch(items)
    sig = Signature(mh)
    sig.size = len(items)
    sig.hashes = np.unique(np.fromiter((sha1_hash32(s) for s in items), np.uint32, len(items)))
    return sig


def to_bytes(sig: LeanMinHash) -> bytes:
    buf = bytearray(sig.bytesize())
    sig.serialize(buf)
    hashes = getattr(sig, "hashes", None)
    if hashes is None:
        hashes = np.empty(0, np.uint32)
    header = _HEADER.pack(_MAGIC, getattr(sig, "size", 0), len(hashes))
    return header + bytes(buf) + hashes.astype("<u4").tobytes()


def is_current(data: bytes) -> bool:
    """Written by this scheme? Older rows are recomputed by a migration (m0007, m0008)."""
    return data[:4] == _MAGIC


def from_bytes(data: bytes) -> Signature:
    """Read a signature; older layouts give size 0 (unknown) or no hashes."""
    size, hashes = 0, None
    if data[:4] == _MAGIC:
        _, size, count = _HEADER.unpack_from(data)
        body = data[_HEADER.size : len(data) - 4 * count]
        hashes = np.frombuffer(data[len(data) - 4 * count :], "<u4").astype(np.uint32)
    elif data[:4] == _MAGIC_V1:
        size = _HEADER_V1.unpack_from(data)[1]
        body = data[_HEADER_V1.size :]
    else:
        body = data
    lean = LeanMinHash.deserialize(body)
    sig = Signature(seed=lean.seed, hashvalues=lean.hashvalues, scheme=lean.scheme)
    sig.size = size
    sig.hashes = hashes
    return sig


def _overlap(a: LeanMinHash, b: LeanMinHash) -> tuple[float, float] | None:
    """(Jaccard, containment in the shorter text), exact when both carry hashes."""
    ha, hb = getattr(a, "hashes", None), getattr(b, "hashes", None)
    if ha is not None and hb is not None and len(ha) and len(hb):
        shared = len(np.intersect1d(ha, hb, assume_unique=True))
        return shared / (len(ha) + len(hb) - shared), shared / min(len(ha), len(hb))
    size_a, size_b = getattr(a, "size", 0), getattr(b, "size", 0)
    if not (size_a and size_b):
        return None
    jaccard = a.jaccard(b)
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return jaccard, shared / min(size_a, size_b)


def same_story(a: LeanMinHash, b: LeanMinHash) -> bool:
    """One story: similar enough overall, or the shorter text mostly inside the longer one."""
    overlap = _overlap(a, b)
    if overlap is None:  # a signature stored without its size: estimated Jaccard alone
        return a.jaccard(b) >= JACCARD
    if min(getattr(a, "size", 0), getattr(b, "size", 0)) < MIN_SHINGLES:
        return False
    jaccard, containment = overlap
    return jaccard >= JACCARD or (jaccard >= MIN_JACCARD and containment >= CONTAINMENT)


def closeness(a: LeanMinHash, b: LeanMinHash) -> float:
    overlap = _overlap(a, b)
    return overlap[0] if overlap else a.jaccard(b)


class StoryIndex:
    """In-memory LSH over the signatures of stored articles."""

    def __init__(self, threshold: float = LSH_THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[int, LeanMinHash] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, bytes]]) -> StoryIndex:
        """The index over stored (article id, signature bytes) rows (db.stories reads them)."""
        index = cls()
        for article_id, blob in rows:
            index.add(article_id, from_bytes(blob))
        return index

    def add(self, article_id: int, sig: LeanMinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, sig)
            self.signatures[article_id] = sig

    def similar(self, sig: LeanMinHash) -> list[int]:
        """Stored articles that are the same story as `sig`.

        Only matches consistent with the closest one are returned: a weekly round-up that
        quotes two unrelated stories in full joins one of them instead of merging both.
        """
        matches = [key for key in self.lsh.query(sig) if same_story(self.signatures[key], sig)]
        if len(matches) < 2:
            return matches
        best = max(matches, key=lambda key: (closeness(self.signatures[key], sig), -key))
        anchor = self.signatures[best]
        return sorted(
            key for key in matches if key == best or same_story(self.signatures[key], anchor)
        )
