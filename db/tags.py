"""The tag tables of one article, row by row: inserted for a new article (db.store), read and
rewritten field by field by corrections. Replacing an article's machine tags goes through
db.corrections.write_machine_tags, which re-applies the analysts' corrections in the same
transaction, so the tables always hold the effective (corrected) values every reader uses."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlite_utils import Database

LIST_FIELDS = ("regions", "orgs", "projects")
LABEL_PREFIX = "label:"


class MachineTags(Protocol):
    """What the taggers said about one article (db.store.ArticleRecord has these fields)."""

    relevant: bool
    regions: Sequence[tuple[str, int]]
    orgs: Sequence[tuple[str, int]]
    topics: Sequence[str]
    projects: Sequence[tuple[str, int, bool]]
    labels: Sequence[tuple[str, str]]
    tones: Sequence[tuple[str, str, bool]]  # (object, tone, mixed): pipeline.tag.tone


@dataclass
class TagValues:
    """Machine tags of one article apart from its stored record (retag)."""

    relevant: bool = False
    regions: Sequence[tuple[str, int]] = ()
    orgs: Sequence[tuple[str, int]] = ()
    topics: Sequence[str] = ()
    projects: Sequence[tuple[str, int, bool]] = ()
    labels: Sequence[tuple[str, str]] = ()
    tones: Sequence[tuple[str, str, bool]] = ()


def _summed(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Mentions per key, a key listed twice counted once with both counts."""
    out: dict[str, int] = {}
    for key, n in pairs:
        out[key] = out.get(key, 0) + int(n)
    return out


def insert_tags(db: Database, article_id: int, tags: MachineTags) -> None:
    """Rows of an article that has none yet (plain executemany: sqlite-utils' insert_all re-reads
    the table schema on every call, which was most of the storage stage's time)."""
    conn = db.conn
    conn.executemany(
        "insert into article_regions (article_id, iso, mentions) values (?, ?, ?)",
        [(article_id, k, n) for k, n in _summed(tags.regions).items()],
    )
    conn.executemany(
        "insert into article_orgs (article_id, org, mentions) values (?, ?, ?)",
        [(article_id, k, n) for k, n in _summed(tags.orgs).items()],
    )
    conn.executemany(
        "insert into article_topics (article_id, topic) values (?, ?)",
        [(article_id, t) for t in dict.fromkeys(tags.topics)],
    )
    projects: dict[str, tuple[int, bool]] = {}
    for name, n, registered in tags.projects:
        before, was = projects.get(name, (0, False))
        projects[name] = (before + n, was or bool(registered))
    conn.executemany(
        "insert into article_projects (article_id, project, mentions, registered) "
        "values (?, ?, ?, ?)",
        [(article_id, k, n, int(reg)) for k, (n, reg) in projects.items()],
    )
    conn.executemany(
        "insert into article_labels (article_id, tagger, label) values (?, ?, ?)",
        [(article_id, tagger, label) for tagger, label in dict.fromkeys(tags.labels)],
    )


# --- one field, in the JSON shape machine_tags keeps ------------------------------------------------


def read_field(db: Database, article_id: int, field: str) -> Any:
    """The value a field has in the tables now: bool for `relevant`, else a list of rows
    ([iso, mentions], [org, mentions], [project, mentions, registered], or labels)."""
    if field == "relevant":
        row = db.execute("select relevant from articles where id = ?", [article_id]).fetchone()
        return bool(row[0]) if row else None
    if field == "regions":
        sql = "select iso, mentions from article_regions where article_id = ? order by rowid"
    elif field == "orgs":
        sql = "select org, mentions from article_orgs where article_id = ? order by rowid"
    elif field == "projects":
        sql = ("select project, mentions, registered from article_projects where article_id = ? "
               "order by rowid")
    elif field.startswith(LABEL_PREFIX):
        rows = db.execute(
            "select label from article_labels where article_id = ? and tagger = ? order by rowid",
            [article_id, field[len(LABEL_PREFIX):]],
        ).fetchall()
        return [r[0] for r in rows]
    else:
        raise ValueError(f"unknown field {field!r}")
    return [list(r) for r in db.execute(sql, [article_id]).fetchall()]


def write_field(db: Database, article_id: int, field: str, value: Any) -> None:
    """Replace a field's rows by `value`, in read_field's shape."""
    conn = db.conn
    if field == "relevant":
        conn.execute("update articles set relevant = ? where id = ?", [int(bool(value)), article_id])
    elif field == "regions":
        conn.execute("delete from article_regions where article_id = ?", [article_id])
        conn.executemany(
            "insert into article_regions (article_id, iso, mentions) values (?, ?, ?)",
            [(article_id, iso, int(n)) for iso, n in value],
        )
    elif field == "orgs":
        conn.execute("delete from article_orgs where article_id = ?", [article_id])
        conn.executemany(
            "insert into article_orgs (article_id, org, mentions) values (?, ?, ?)",
            [(article_id, org, int(n)) for org, n in value],
        )
    elif field == "projects":
        conn.execute("delete from article_projects where article_id = ?", [article_id])
        conn.executemany(
            "insert into article_projects (article_id, project, mentions, registered) "
            "values (?, ?, ?, ?)",
            [(article_id, name, int(n), int(bool(reg))) for name, n, reg in value],
        )
    elif field.startswith(LABEL_PREFIX):
        tagger = field[len(LABEL_PREFIX):]
        conn.execute(
            "delete from article_labels where article_id = ? and tagger = ?", [article_id, tagger]
        )
        conn.executemany(
            "insert into article_labels (article_id, tagger, label) values (?, ?, ?)",
            [(article_id, tagger, label) for label in dict.fromkeys(value)],
        )
    else:
        raise ValueError(f"unknown field {field!r}")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
