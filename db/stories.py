"""The story index over stored articles: the MinHash signatures of recent articles, read from SQL."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pipeline.cluster import minhash
from pipeline.cluster.minhash import WINDOW_DAYS

if TYPE_CHECKING:
    from sqlite_utils import Database


class StoryIndex(minhash.StoryIndex):
    @classmethod
    def from_db(cls, db: Database, days: int | None = WINDOW_DAYS,
                now: dt.datetime | None = None) -> minhash.StoryIndex:
        """The index over articles published or stored in the last `days` days before `now`
        (the crawl's instant: a replayed night's, else the clock's) — reprints follow their
        original within weeks, so a large archive loads in seconds, while a back-catalogue
        crawled last night still counts; None loads every signature.

        Signatures an older newsmon stored without a rewrite's evidence (facts, content words)
        are recomputed from the text and written back as they load: only the window's, once."""
        sql = (
            "select m.article_id, m.signature, a.published from article_minhash m"
            " join articles a on a.id = m.article_id"
        )
        params: dict = {}
        if days is not None:
            sql += " where a.published >= :since or a.fetched_at >= :since"
            moment = now or dt.datetime.now(dt.timezone.utc)
            params = {"since": (moment - dt.timedelta(days=int(days))).date().isoformat()}
        rows = db.execute(sql, params).fetchall()
        stale = [article_id for article_id, blob, _ in rows if not minhash.is_current(blob)]
        if stale:
            fresh = _recompute(db, stale)
            rows = [(a, fresh.get(a, blob), published) for a, blob, published in rows]
        return cls.from_rows(rows)


def _recompute(db: Database, article_ids: list[int]) -> dict[int, bytes]:
    """Current signatures of the given articles, computed first, then written back in one
    short transaction (a concurrent writer waits for the writes only)."""
    from db.tx import write_tx

    fresh: dict[int, bytes] = {}
    for article_id in article_ids:
        row = db.execute("select text from articles where id = ?", [article_id]).fetchone()
        fresh[article_id] = minhash.to_bytes(minhash.signature(row[0] or ""))
    with write_tx(db):
        db.conn.executemany(
            "update article_minhash set signature = ? where article_id = ?",
            [(blob, article_id) for article_id, blob in fresh.items()],
        )
    return fresh


# Migrations that changed how signatures are made: applying one recomputes the stored ones.
SIGNATURE_MIGRATIONS = frozenset({"m0007_minhash_lemma_shingles", "m0008_minhash_shingle_hashes"})


def refresh_signatures(db: Database) -> int:
    """Recompute the signatures an older newsmon stored, or new reprints would never match the
    articles stored before the upgrade (open_db calls it after migrating). Returns how many."""
    stale = [
        article_id
        for article_id, blob in db.execute("select article_id, signature from article_minhash")
        if not minhash.is_current(blob)
    ]
    for article_id in stale:
        text = db.execute("select text from articles where id = ?", [article_id]).fetchone()[0]
        db.execute(
            "update article_minhash set signature = ? where article_id = ?",
            [minhash.to_bytes(minhash.signature(text)), article_id],
        )
    return len(stale)
