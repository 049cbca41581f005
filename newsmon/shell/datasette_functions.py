"""A Datasette plugin: SQL functions that make the browser's queries understand Russian.

Registered on every connection Datasette opens, used by the canned queries in db/sql/:

- ``casefold(text)`` — Unicode case folding with ё = е (SQLite's lower() and LIKE fold ASCII only,
  so «кризис» never found «Кризис»);
- ``region_iso(name)``, ``org_name(name)``, ``project_name(name)`` — the CLI's own resolvers
  (newsmon.shell.filters): an informal region name («Приморье»), an alias or part of a name, any
  case; NULL when nothing matches (the query then finds nothing);
- ``fts_match(query)``, ``search_score(title, body, query)``, ``search_snippet(text, query)`` —
  `newsmon search`'s engine (db/search.py): the FTS5 expression over lemmas, the ranking and the
  snippet.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

from datasette import hookimpl

from db.search_query import CompiledQuery

NO_MATCH = "tags : xnomatch"  # an FTS5 expression nothing matches (an empty or malformed query)


def casefold(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).casefold().replace("ё", "е")


@functools.lru_cache(maxsize=256)
def compiled(query: str) -> CompiledQuery | None:
    from db.search_query import compile_query
    from pipeline.tag.topics import QueryError

    try:
        return compile_query(query)
    except QueryError:
        return None


def fts_match(query: str | None) -> str:
    from db.search import filtered_expression

    found = compiled(query or "")
    if found is None:
        return NO_MATCH
    return filtered_expression(found.expression, None, None, tags=True)


def search_score(title: str | None, body: str | None, query: str | None) -> float | None:
    from db.search import score

    found = compiled(query or "")
    if found is None:
        return None
    return round(score(list(found.groups), title or "", body or "", found.prefixes), 3)


def search_snippet(text: str | None, query: str | None) -> str | None:
    from db.search import snippet

    found = compiled(query or "")
    if found is None or text is None:
        return None
    return snippet(text, frozenset().union(*found.groups), prefixes=found.prefixes)


def region_iso(name: str | None) -> str | None:
    from newsmon.core.errors import UserError
    from pipeline.tag.regions.gazetteer import resolve_region

    if not name or not name.strip():
        return None
    try:
        return resolve_region(name).iso
    except UserError:
        return None


def resolver(conn: sqlite3.Connection, by: str):
    """org_name / project_name: the CLI's `--org` / `--project` resolution on this database."""

    def resolve(name: str | None) -> str | None:
        from sqlite_utils import Database

        from newsmon.core.errors import UserError
        from newsmon.shell.filters import resolve_name

        if not name or not name.strip():
            return None
        try:
            return resolve_name(Database(conn, recursive_triggers=False, execute_plugins=False),
                                by, name.strip())
        except UserError:
            return None

    return resolve


def register(conn: sqlite3.Connection) -> None:
    functions: dict[str, tuple[int, Any]] = {
        "casefold": (1, casefold),
        "region_iso": (1, region_iso),
        "org_name": (1, resolver(conn, "org")),
        "project_name": (1, resolver(conn, "project")),
        "fts_match": (1, fts_match),
        "search_score": (3, search_score),
        "search_snippet": (2, search_snippet),
    }
    for name, (arity, fn) in functions.items():
        conn.create_function(name, arity, fn, deterministic=True)


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    register(conn)
