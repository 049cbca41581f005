"""SQLite storage through sqlite-utils: open with pragmas, migrate, store, query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from newsmon.errors import RunError, UserError


def open_db(path: str | Path, *, create: bool = True) -> Database:
    """Open (and migrate) the newsmon database at `path`.

    WAL lets `counts` and `serve` read while a crawl writes; the busy timeout turns brief lock
    contention into a wait instead of an error.
    """
    from db.migrations import apply_migrations

    path = Path(path)
    if not create and not path.exists():
        raise UserError(f"База данных не найдена: {path} (сначала запустите newsmon crawl)")
    if not path.parent.exists():
        raise UserError(f"Папка для базы данных не существует: {path.parent}")
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        db = Database(conn)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(db)
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc):
            raise RunError(f"База данных {path} занята другим процессом: {exc}") from exc
        raise UserError(f"Файл {path} не является базой данных newsmon: {exc}") from exc
    return db
