"""Story clusters: reprints and light rewrites of one story share a story_id.

MinHash over word shingles of the main text, indexed with datasketch's LSH; the index is rebuilt
from stored signatures when a crawl starts, then grows as articles arrive (incremental). The
story's id is the id of its earliest-published article, the original.
"""

from __future__ import annotations

import re

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.4  # estimated Jaccard of word 3-shingles above which two texts are one story
WORD_RE = re.compile(r"\w+", re.U)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.lower().replace("ё", "е") for w in WORD_RE.findall(text)]
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch(list(shingles(text)))
    return LeanMinHash(mh)


def to_bytes(sig: LeanMinHash) -> bytes:
    buf = bytearray(sig.bytesize())
    sig.serialize(buf)
    return bytes(buf)


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data)


class StoryIndex:
    """In-memory LSH over the signatures of stored articles."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[int, LeanMinHash] = {}

    def add(self, article_id: int, sig: LeanMinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, sig)
            self.signatures[article_id] = sig

    def similar(self, sig: LeanMinHash, threshold: float = THRESHOLD) -> list[int]:
        """Stored articles whose estimated Jaccard with `sig` reaches the threshold."""
        return [
            key
            for key in self.lsh.query(sig)
            if self.signatures[key].jaccard(sig) >= threshold
        ]
