"""Write transactions that wait for the lock instead of failing: BEGIN IMMEDIATE.

In WAL mode a deferred transaction that reads first and writes later cannot wait for another
writer: if that writer committed in between, SQLite answers SQLITE_BUSY at once, without calling
the busy handler (the snapshot it read is stale). That lost articles beside any other writer.
BEGIN IMMEDIATE takes the write lock up front, and the busy handler (the connection's timeout,
db.BUSY_TIMEOUT) keeps retrying it for that long; once it is held, nothing in the transaction
can be refused for locking.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def write_tx(db: Database) -> Iterator[Database]:
    """One write transaction (a savepoint when one is already open); rolled back on error."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    conn.commit()
