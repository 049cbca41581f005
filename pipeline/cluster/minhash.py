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

Shingles find copies, not rewrites (issue 17: most wording, the headline and the order changed,
the facts kept). The signature also carries, per paragraph, the text's facts and content words
(pipeline.cluster.evidence): a rewrite found through shared figures or names joins when those
agree (within evidence.WINDOW_DAYS), and a copy whose own facts contradict — a monthly template
with other figures, two items under one boilerplate paragraph — is two stories. docs/stories.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import struct
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from pipeline.cluster import evidence
from pipeline.cluster.evidence import Evidence, evidence_of

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

NUM_PERM = 128
SHINGLE = 3
LSH_THRESHOLD = 0.2  # candidates: estimated Jaccard of lemma 3-shingles (recall side)
JACCARD = 0.3  # one story when the Jaccard of lemma 3-shingles reaches this …
CONTAINMENT = 0.6  # … or the shared shingles cover this share of the shorter text
MIN_JACCARD = 0.15  # (a shared outlet footer must not make two short notes one story)
WINDOW_DAYS = 90  # db.stories.StoryIndex.from_db: how far back a new article looks for its original
MIN_SHINGLES = 12  # shorter texts say too little to be called a reprint of anything
THRESHOLD = JACCARD  # kept for callers of the first version
MAX_FIGURE_ARTICLES = 200  # a figure in more stored articles than this proposes no rewrite, …
MAX_NAME_ARTICLES = 1000  # … nor a name in more than this
MIN_IDF_ARTICLES = 50  # content words are weighed by IDF once the index holds this many articles
WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")
# Stored layout: magic, shingle count, number of hashes, evidence size, LeanMinHash bytes,
# uint32 hashes, evidence (pipeline.cluster.evidence.to_bytes).
_HEADER_V1 = struct.Struct("<4sI")
_HEADER_V2 = struct.Struct("<4sII")
_HEADER = struct.Struct("<4sIII")
_MAGIC_V1 = b"NMS1"  # size only (early in issue 7)
_MAGIC_V2 = b"NMS2"  # size and shingle hashes (issue 7)
_MAGIC = b"NMS3"  # and the evidence a rewrite keeps (issue 17)


def _content_lines(text: str) -> list[str]:
    """The text's paragraphs without footer, credit and signature lines (extraction's markers)."""
    from pipeline.extract.boilerplate import clean_paragraphs, is_signature

    return [line for line in clean_paragraphs(text.splitlines()) if not is_signature(line)]


def words(text: str) -> list[str]:
    from pipeline.lang.morph import lemma

    return [lemma(w) for line in _content_lines(text) for w in WORD_RE.findall(line)]


def _shingles_of(tokens: list[str], size: int = SHINGLE) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    return _shingles_of(words(text), size)


class Signature(LeanMinHash):
    """A LeanMinHash with its shingle count, (when known) the sorted shingle hashes, and (when
    known) what a rewrite keeps: pipeline.cluster.evidence.Evidence."""

    size: int = 0
    hashes: np.ndarray | None = None
    evidence: Evidence | None = None


@functools.cache
def _permutations() -> tuple:
    """The hash permutations for seed 1 and their scheme, built once (MinHash() rebuilds them)."""
    mh = MinHash(num_perm=NUM_PERM)
    return mh.permutations, mh.scheme


def signature(text: str, title: str = "") -> Signature:
    """The text's shingles and evidence; the headline's facts join the evidence as a paragraph
    of its own, which only the test for another newsroom's report of the same event reads
    (pipeline.cluster.evidence.same_event): shingles and rewrites are of the text alone."""
    from pipeline.lang.morph import lemma

    lines = _content_lines(text)
    per_line = [[lemma(w) for w in WORD_RE.findall(line)] for line in lines]
    items = list(_shingles_of([w for tokens in per_line for w in tokens]))
    permutations, scheme = _permutations()
    mh = MinHash(num_perm=NUM_PERM, permutations=permutations, scheme=scheme)
    mh.update_batch(items)
    sig = Signature(mh)
    sig.size = len(items)
    sig.hashes = np.unique(np.fromiter((sha1_hash32(s) for s in items), np.uint32, len(items)))
    sig.evidence = evidence_of(lines, per_line, lemma, title=title)
    return sig


def to_bytes(sig: LeanMinHash) -> bytes:
    buf = bytearray(sig.bytesize())
    sig.serialize(buf)
    hashes = getattr(sig, "hashes", None)
    if hashes is None:
        hashes = np.empty(0, np.uint32)
    ev = getattr(sig, "evidence", None)
    ev_bytes = evidence.to_bytes(ev) if ev is not None else b""
    header = _HEADER.pack(_MAGIC, getattr(sig, "size", 0), len(hashes), len(ev_bytes))
    return header + bytes(buf) + hashes.astype("<u4").tobytes() + ev_bytes


def is_current(data: bytes) -> bool:
    """Written by this scheme? Older rows are recomputed (db.stories: by a migration, or when
    the story index loads them)."""
    return data[:4] == _MAGIC


def from_bytes(data: bytes) -> Signature:
    """Read a signature; older layouts give size 0 (unknown), no hashes or no evidence."""
    size, hashes, ev = 0, None, None
    if data[:4] == _MAGIC:
        _, size, count, ev_size = _HEADER.unpack_from(data)
        tail = len(data) - ev_size
        body = data[_HEADER.size : tail - 4 * count]
        hashes = np.frombuffer(data[tail - 4 * count : tail], "<u4").astype(np.uint32)
        ev = evidence.from_bytes(data[tail:]) if ev_size else None
    elif data[:4] == _MAGIC_V2:
        _, size, count = _HEADER_V2.unpack_from(data)
        body = data[_HEADER_V2.size : len(data) - 4 * count]
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
    sig.evidence = ev
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


def _copy_of(a: LeanMinHash, b: LeanMinHash) -> bool:
    """Shingles: similar enough overall, or the shorter text mostly inside the longer one."""
    overlap = _overlap(a, b)
    if overlap is None:  # a signature stored without its size: estimated Jaccard alone
        return a.jaccard(b) >= JACCARD
    if min(getattr(a, "size", 0), getattr(b, "size", 0)) < MIN_SHINGLES:
        return False
    jaccard, containment = overlap
    return jaccard >= JACCARD or (jaccard >= MIN_JACCARD and containment >= CONTAINMENT)


def same_story(a: LeanMinHash, b: LeanMinHash, idf: Callable[[int], float] | None = None,
               *, rewrites: bool = True, same_days: bool = False) -> bool:
    """One story: a copy (shingles) whose own facts do not contradict each other, or — unless
    `rewrites` is False (texts too far apart in time) — a rewrite (the same facts and content
    words in other wording; pipeline.cluster.evidence), or — when `same_days` (both published
    within evidence.EVENT_DAYS) — another newsroom's report of the same event. `idf` weighs
    content words (the index's); without it every word weighs the same."""
    ev_a, ev_b = getattr(a, "evidence", None), getattr(b, "evidence", None)
    if _copy_of(a, b):
        return ev_a is None or ev_b is None or not evidence.conflicting(ev_a, ev_b)
    if ev_a is None or ev_b is None or not rewrites:
        return False
    weights = idf or _FLAT
    return evidence.rewrite_of(ev_a, ev_b, weights) or (
        same_days and evidence.same_event(ev_a, ev_b, weights))


def _flat(term: int) -> float:
    return 1.0


_FLAT = _flat


def closeness(a: LeanMinHash, b: LeanMinHash) -> float:
    overlap = _overlap(a, b)
    return overlap[0] if overlap else a.jaccard(b)


def _days_apart(a: dt.date | None, b: dt.date | None) -> int:
    return abs((a - b).days) if a is not None and b is not None else 0


def _same_days(a: dt.date | None, b: dt.date | None) -> bool:
    """Both dated, within evidence.EVENT_DAYS of each other."""
    return a is not None and b is not None and abs((a - b).days) <= evidence.EVENT_DAYS


class StoryIndex:
    """In-memory LSH over the signatures of stored articles, with an inverted index of their
    facts: the LSH proposes copies, shared facts propose rewrites (within WINDOW_DAYS of each
    other when both are dated)."""

    def __init__(self, threshold: float = LSH_THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[int, LeanMinHash] = {}
        self.published: dict[int, dt.date | None] = {}
        self.by_fact: dict[int, list[int]] = defaultdict(list)
        self.term_df: Counter[int] = Counter()

    @classmethod
    def from_rows(cls, rows: Iterable[tuple]) -> StoryIndex:
        """The index over stored (article id, signature bytes[, published date]) rows
        (db.stories reads them)."""
        index = cls()
        for row in rows:
            article_id, blob = row[0], row[1]
            published = row[2] if len(row) > 2 else None
            if isinstance(published, str):
                published = dt.date.fromisoformat(published[:10])
            index.add(article_id, from_bytes(blob), published=published)
        return index

    def add(self, article_id: int, sig: LeanMinHash, published: dt.date | None = None) -> None:
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, sig)
        self.signatures[article_id] = sig
        self.published[article_id] = published
        ev = getattr(sig, "evidence", None)
        if ev is not None:
            for fact in ev.fact_set():
                self.by_fact[fact].append(article_id)
            self.term_df.update(ev.term_set())

    def idf(self) -> Callable[[int], float]:
        if len(self.signatures) < MIN_IDF_ARTICLES:
            # A handful of articles (a new database's first night) makes every word of the
            # first one look common and every other word rare: equal weights are fairer.
            return _FLAT
        return evidence.flat_idf(self.term_df, len(self.signatures))

    def _rewrite_candidates(self, sig: LeanMinHash, published: dt.date | None) -> list[int]:
        """Stored articles dated near `sig` that share a figure with it, or LOOSE_SHARED facts
        of any kind — counting only facts that not too many stored articles have («1 января»,
        a region's name in every one of its items propose nothing)."""
        ev = getattr(sig, "evidence", None)
        if ev is None:
            return []
        by_figure: set[int] = set()
        counts: Counter[int] = Counter()
        for fact in ev.fact_set():
            keys = self.by_fact.get(fact, ())
            if fact & evidence.FIGURE_BIT:
                if len(keys) <= MAX_FIGURE_ARTICLES:
                    by_figure.update(keys)
            elif len(keys) <= MAX_NAME_ARTICLES:
                counts.update(keys)
        found = by_figure | {key for key, n in counts.items() if n >= evidence.LOOSE_SHARED}
        found |= {key for key, n in counts.items()
                  if n >= evidence.EVENT_SHARED and _same_days(self.published[key], published)}
        return [
            key for key in found
            if _days_apart(self.published[key], published) <= evidence.WINDOW_DAYS
        ]

    def similar(self, sig: LeanMinHash, published: dt.date | None = None) -> list[int]:
        """Stored articles that are the same story as `sig` (published: its date, if known).

        Only matches consistent with the closest one are returned: a weekly round-up that
        quotes two unrelated stories in full joins one of them instead of merging both.
        """
        idf = self.idf()

        def near(a: dt.date | None, b: dt.date | None) -> bool:
            return _days_apart(a, b) <= evidence.WINDOW_DAYS

        keys = set(self.lsh.query(sig)) | set(self._rewrite_candidates(sig, published))
        matches = [
            key for key in keys
            if same_story(self.signatures[key], sig, idf,
                          rewrites=near(self.published[key], published),
                          same_days=_same_days(self.published[key], published))
        ]
        if len(matches) < 2:
            return matches
        best = max(matches, key=lambda key: (closeness(self.signatures[key], sig), -key))
        anchor = self.signatures[best]
        return sorted(
            key for key in matches
            if key == best or same_story(
                self.signatures[key], anchor, idf,
                rewrites=near(self.published[key], self.published[best]),
                same_days=_same_days(self.published[key], self.published[best]))
        )
