"""SQLite storage through sqlite-utils: open (writers migrate, readers only read), store, query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from newsmon.core.errors import RunError, UserError

# Seconds a statement waits for another connection's write lock before SQLITE_BUSY: SQLite's busy
# handler retries within it (every write transaction starts with BEGIN IMMEDIATE, db/tx.py).
BUSY_TIMEOUT = 30.0


def open_db(
    path: str | Path, *, create: bool = True, migrate: bool = True,
    timeout: float = BUSY_TIMEOUT,
) -> Database:
    """Open the newsmon database at `path` for writing, applying pending migrations.

    For commands that write (crawl, migrate). WAL lets readers read while a crawl writes. A file
    that is another application's database, or one a newer newsmon wrote, is refused before
    anything is written to it.
    """
    from db.migrations import apply_migrations, migrations
    from db.schema import Schema, refusal, schema_state
    from db.stories import SIGNATURE_MIGRATIONS, refresh_signatures

    path = Path(path)
    if not create and not path.exists():
        raise UserError(f"База данных не найдена: {path} (сначала запустите newsmon crawl)")
    if not path.parent.exists():
        raise UserError(f"Папка для базы данных не существует: {path.parent}")
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=timeout)
        state = schema_state(conn)
        error = refusal(path, state, conn, writer=True)
        if error is not None:
            raise error
        db = Database(conn)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        if migrate and state is not Schema.CURRENT:
            pending = {m.name for m in migrations.pending(db)}
            apply_migrations(db)
            if pending & SIGNATURE_MIGRATIONS:
                with db.conn:  # the data those migrations leave to the current code
                    refresh_signatures(db)
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise database_error(path, exc) from exc
        raise
    return db


def open_reader(path: str | Path, *, timeout: float = BUSY_TIMEOUT) -> Database:
    """Open the newsmon database at `path` read-only (URI mode=ro): never migrates, never writes.

    For counts, search, digest and serve. An older schema asks for `newsmon migrate`; a read-only
    file (or folder) is opened as immutable, since nobody can be writing it.
    """
    from db.schema import refusal, schema_state

    path = Path(path)
    if not path.is_file():
        raise UserError(f"База данных не найдена: {path} (сначала запустите newsmon crawl)")
    conn = None
    try:
        try:
            conn = _connect_ro(path, timeout, immutable=False)
            state = schema_state(conn)
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc):
                raise
            if conn is not None:
                conn.close()
            # A WAL database in a folder we cannot write: no -shm can be made beside it.
            conn = _connect_ro(path, timeout, immutable=True)
            state = schema_state(conn)
        error = refusal(path, state, conn, writer=False)
        if error is not None:
            raise error
        db = Database(conn)
        db.execute("PRAGMA query_only = ON")
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise database_error(path, exc) from exc
        raise
    return db


def _connect_ro(path: Path, timeout: float, *, immutable: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, timeout=timeout)


def database_error(path: Path | None, exc: sqlite3.DatabaseError) -> UserError | RunError:
    """One plain line for an SQLite error met while opening or using the database."""
    from db.schema import foreign_error

    text = str(exc)
    name = f" {path}" if path is not None else ""
    if "locked" in text or "busy" in text:
        return RunError(f"База данных{name} занята другим процессом: {text}")
    if "readonly" in text or "read-only" in text:
        return RunError(f"База данных{name} только для чтения: запись невозможна ({text})")
    if is_disk_full(exc):
        return RunError(f"Нет места на диске для базы{name}: {text}")
    if "not a database" in text and path is not None:
        return foreign_error(path)
    if "malformed" in text or "corrupt" in text or "not a database" in text:
        return UserError(f"База данных{name} повреждена ({text}); восстановите её из резервной "
                         "копии (sqlite3 .recover)")
    return UserError(f"Ошибка базы данных{name}: {text}")


def is_disk_full(exc: BaseException) -> bool:
    """SQLITE_FULL: the disk (or the file's size limit) is full."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc)


def is_read_only(path: str | Path) -> bool:
    """Neither the file nor its folder can be written (a read-only mount, a 0444 file)."""
    import os

    path = Path(path)
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
