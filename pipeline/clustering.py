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
* a shortened reprint (the first paragraphs only) is judged by containment, not Jaccard: the LSH
  finds candidates at a low Jaccard, and a pair is one story when the shared shingles cover
  enough of the shorter text (shingle counts travel with the signature).
"""

from __future__ import annotations

import functools
import re
import struct

from typing import TYPE_CHECKING

from datasketch import LeanMinHash, MinHash, MinHashLSH

if TYPE_CHECKING:
    from sqlite_utils import Database

NUM_PERM = 128
SHINGLE = 3
LSH_THRESHOLD = 0.2  # candidates: estimated Jaccard of lemma 3-shingles (recall side)
JACCARD = 0.3  # one story when the estimated Jaccard reaches this …
CONTAINMENT = 0.6  # … or the shared shingles cover this share of the shorter text
MIN_JACCARD = 0.15  # (a shared outlet footer must not make two short notes one story)
WINDOW_DAYS = 180  # StoryIndex.from_db: how far back a new article looks for its original
MIN_SHINGLES = 12  # shorter texts say too little to be called a reprint of anything
THRESHOLD = JACCARD  # kept for callers of the first version
WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
_HEADER = struct.Struct("<4sI")  # magic, shingle count
_MAGIC = b"NMS1"


def _content_lines(text: str) -> list[str]:
    """The text's paragraphs without footer, credit and signature lines (extraction's markers)."""
    from pipeline.boilerplate import clean_paragraphs, is_signature

    return [line for line in clean_paragraphs(text.splitlines()) if not is_signature(line)]


def words(text: str) -> list[str]:
    from pipeline.morph import lemma

    return [lemma(w) for line in _content_lines(text) for w in WORD_RE.findall(line)]


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


class Signature(LeanMinHash):
    """A LeanMinHash that also knows how many shingles it summarises (for containment)."""

    size: int = 0


@functools.cache
def _permutations() -> tuple:
    """The hash permutations for seed 1 and their scheme, built once (MinHash() rebuilds them)."""
    mh = MinHash(num_perm=NUM_PERM)
    return mh.permutations, mh.scheme


def signature(text: str) -> Signature:
    items = shingles(text)
    permutations, scheme = _permutations()
    mh = MinHash(num_perm=NUM_PERM, permutations=permutations, scheme=scheme)
    mh.update_batch(list(items))
    sig = Signature(mh)
    sig.size = len(items)
    return sig


def to_bytes(sig: LeanMinHash) -> bytes:
    buf = bytearray(sig.bytesize())
    sig.serialize(buf)
    return _HEADER.pack(_MAGIC, getattr(sig, "size", 0)) + bytes(buf)


def is_current(data: bytes) -> bool:
    """Written by this scheme (lemma shingles, size header)? Older rows are recomputed (m0007)."""
    return data[:4] == _MAGIC


def from_bytes(data: bytes) -> Signature:
    """Read a signature; rows written before the header existed have size 0 (unknown)."""
    size = 0
    if data[:4] == _MAGIC:
        size = _HEADER.unpack_from(data)[1]
        data = data[_HEADER.size :]
    lean = LeanMinHash.deserialize(data)
    sig = Signature(seed=lean.seed, hashvalues=lean.hashvalues, scheme=lean.scheme)
    sig.size = size
    return sig


def same_story(a: LeanMinHash, b: LeanMinHash) -> bool:
    """One story: similar enough overall, or the shorter text mostly inside the longer one."""
    size_a, size_b = getattr(a, "size", 0), getattr(b, "size", 0)
    jaccard = a.jaccard(b)
    if not (size_a and size_b):  # a signature stored without its size: Jaccard alone
        return jaccard >= JACCARD
    if min(size_a, size_b) < MIN_SHINGLES:
        return False
    if jaccard >= JACCARD:
        return True
    if jaccard < MIN_JACCARD:
        return False
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return shared / min(size_a, size_b) >= CONTAINMENT


class StoryIndex:
    """In-memory LSH over the signatures of stored articles."""

    def __init__(self, threshold: float = LSH_THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[int, LeanMinHash] = {}

    @classmethod
    def from_db(cls, db: Database, days: int | None = WINDOW_DAYS) -> StoryIndex:
        """The index over stored articles published (or, undated, fetched) in the last `days`
        days — reprints follow their original within weeks, and a large archive then loads in
        seconds; None loads every signature."""
        index = cls()
        sql = "select m.article_id, m.signature from article_minhash m"
        params: list = []
        if days is not None:
            sql += (
                " join articles a on a.id = m.article_id"
                " where coalesce(a.published, substr(a.fetched_at, 1, 10)) >= date('now', ?)"
            )
            params.append(f"-{int(days)} days")
        for article_id, blob in db.execute(sql, params):
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
        best = max(matches, key=lambda key: (self.signatures[key].jaccard(sig), -key))
        anchor = self.signatures[best]
        return sorted(
            key for key in matches if key == best or same_story(self.signatures[key], anchor)
        )
