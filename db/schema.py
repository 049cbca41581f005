"""Whose database is this file, and at which schema version: decided before anything writes.

A reader (counts, search, digest, serve) only reads a database at the current schema; a writer
(crawl, `newsmon migrate`) migrates an empty or older newsmon database. Neither touches a file that
is another application's SQLite database or one a newer newsmon wrote (it would be downgraded).
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from newsmon.core.errors import UserError

MIGRATION_SET = "newsmon"
MIGRATIONS_TABLE = "_sqlite_migrations"


class Schema(Enum):
    EMPTY = "empty"  # a new file, or SQLite with no tables: a writer may create the schema
    OLDER = "older"  # newsmon's, some migrations pending
    CURRENT = "current"
    NEWER = "newer"  # a newer newsmon wrote it: migrations this version does not know
    FOREIGN = "foreign"  # SQLite, but not newsmon's


def known_migrations() -> list[str]:
    from db.migrations import migrations

    return [m.name for m in migrations._migrations]


def schema_state(conn: sqlite3.Connection) -> Schema:
    """Classify the open database by reading sqlite_master, user_version and the migrations
    table only. Raises sqlite3.DatabaseError when the file is not SQLite at all."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not tables:
        return Schema.EMPTY if version == 0 else Schema.FOREIGN
    if MIGRATIONS_TABLE not in tables:
        return Schema.FOREIGN
    applied = {
        r[0] for r in conn.execute(
            f"select name from {MIGRATIONS_TABLE} where migration_set = ?", [MIGRATION_SET]
        )
    }  # fmt: skip
    if not applied:
        return Schema.FOREIGN
    known = known_migrations()
    if applied - set(known) or version > len(known):
        return Schema.NEWER
    return Schema.OLDER if set(known) - applied else Schema.CURRENT


def foreign_error(path: Path, detail: str = "") -> UserError:
    why = f" ({detail})" if detail else ""
    return UserError(
        f"Файл {path} — не база данных newsmon{why}; файл не изменён. Укажите другой --db"
    )


def refusal(path: Path, state: Schema, conn: sqlite3.Connection, *, writer: bool) -> UserError | None:
    """The one-line error for a database this command must not use; None when it may."""
    if state is Schema.FOREIGN:
        return foreign_error(path)
    if state is Schema.NEWER:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return UserError(
            f"База {path} создана более новой версией newsmon (схема {version}, эта версия знает "
            f"{len(known_migrations())}); обновите newsmon. Файл не изменён"
        )
    if writer:
        return None
    if state is Schema.EMPTY:
        return UserError(f"База данных {path} пуста (сначала запустите newsmon crawl)")
    if state is Schema.OLDER:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return UserError(
            f"База {path} старой схемы ({version} из {len(known_migrations())}): выполните "
            f"newsmon migrate --db {path} (или newsmon crawl)"
        )
    return None
