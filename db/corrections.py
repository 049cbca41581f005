"""Analysts' corrections: an article marked (ir)relevant, its regions, orgs, projects or a tagger's
labels set by hand, each with who, when and why.

`corrections` keeps every change; the newest row per (article, field) wins and a null value
withdraws it. The tag tables and `articles.relevant` always hold the effective values, so counts,
search, digest and Datasette read corrections without knowing about them. The machine's value of a
corrected field is kept in `machine_tags` (for `explain`, and to restore it when the correction is
withdrawn). Whatever replaces an article's machine tags (retag, a recrawl that tags again) calls
`write_machine_tags`, which re-applies the corrections in its transaction, so a correction
survives a recrawl and `retag`. (A recrawl of a stored URL writes no tags: db.store keeps the row.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from db.runs import now_iso
from db.tags import (
    LABEL_PREFIX,
    LIST_FIELDS,
    MachineTags,
    dumps,
    insert_tags,
    read_field,
    write_field,
)
from db.tx import write_tx
from newsmon.core.errors import UserError

FIELDS = ("relevant", *LIST_FIELDS)
FIELD_NAMES = {  # for messages and listings
    "relevant": "релевантность",
    "regions": "регионы",
    "orgs": "организации",
    "projects": "проекты",
}


def field_title(field: str) -> str:
    if field.startswith(LABEL_PREFIX):
        return f"метки «{field[len(LABEL_PREFIX):]}»"
    return FIELD_NAMES.get(field, field)


def stored_taggers(db: Database) -> list[str]:
    """Taggers whose labels the database holds (a tagger may be corrected after it was removed)."""
    return [row[0] for row in db.execute("select distinct tagger from article_labels")]


def check_field(field: str) -> str:
    """`field` when it is one a correction can set, else UserError."""
    from pipeline.tag.base import NAME_RE

    if field in FIELDS:
        return field
    if field.startswith(LABEL_PREFIX) and NAME_RE.match(field[len(LABEL_PREFIX):]):
        return field
    raise UserError(
        f"Неизвестное поле исправления «{field}»: relevant, regions, orgs, projects "
        "или label:<разметка>"
    )


def _check_value(db: Database, field: str, value: Any) -> Any:
    """The value in the shape stored in corrections.value (None withdraws)."""
    if value is None:
        return None
    if field == "relevant":
        if not isinstance(value, bool):
            raise UserError("Релевантность: ожидается да или нет")
        return value
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise UserError(f"{field_title(field).capitalize()}: ожидается список непустых строк")
    value = list(dict.fromkeys(v.strip() for v in value))
    if field == "regions":
        known = {r[0] for r in db.execute("select iso from regions")}
        unknown = [v for v in value if v not in known]
        if unknown:
            raise UserError(f"Неизвестный код региона «{unknown[0]}»")
    return value


def add_correction(
    db: Database, article_id: int, field: str, value: Any, *, author: str,
    reason: str | None = None,
) -> int:
    """Record a correction (None withdraws the field's correction) and apply it at once;
    return its id. Regions are ISO codes (resolve names with pipeline.tag.regions.gazetteer),
    projects and orgs canonical names, labels the tagger's labels."""
    field = check_field(field)
    if not author or not author.strip():
        raise UserError("Не указан автор исправления")
    with write_tx(db):
        if not db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
            raise UserError(f"Статья {article_id} не найдена в базе")
        value = _check_value(db, field, value)
        correction_id = db.execute(
            "insert into corrections (article_id, field, value, author, reason, created) "
            "values (?, ?, ?, ?, ?, ?)",
            [article_id, field, None if value is None else dumps(value), author.strip(),
             (reason or "").strip() or None, now_iso()],
        ).lastrowid
        apply_corrections(db, [article_id])
    assert correction_id is not None
    return correction_id


def effective_corrections(
    db: Database, article_ids: Iterable[int] | None = None
) -> dict[tuple[int, str], Any]:
    """(article, field) → the newest correction's value (None: withdrawn)."""
    sql = """select article_id, field, value from corrections c
             where id = (select max(id) from corrections
                         where article_id = c.article_id and field = c.field)"""
    params: list = []
    if article_ids is not None:
        ids = list(article_ids)
        if not ids:
            return {}
        sql += f" and article_id in ({','.join('?' * len(ids))})"
        params = ids
    return {
        (aid, field): None if value is None else json.loads(value)
        for aid, field, value in db.execute(sql, params)
    }


def _saved_machine(
    db: Database, article_ids: Iterable[int] | None
) -> dict[tuple[int, str], Any]:
    sql, params = "select article_id, field, value from machine_tags", []
    if article_ids is not None:
        ids = list(article_ids)
        if not ids:
            return {}
        sql += f" where article_id in ({','.join('?' * len(ids))})"
        params = ids
    return {(aid, field): json.loads(value) for aid, field, value in db.execute(sql, params)}


def corrected_rows(field: str, value: Any, machine: Any) -> Any:
    """The rows a corrected field gets: the machine's mention counts where it found the same key,
    one mention where only the analyst names it."""
    if field == "relevant":
        return bool(value)
    if field.startswith(LABEL_PREFIX):
        return list(value)
    found = {row[0]: row for row in machine or []}
    if field == "projects":
        from pipeline.tag.projects.tagger import load_registry

        registry = load_registry()
        return [
            found.get(name, [name, 1, registry.get(name) is not None]) for name in value
        ]
    return [found.get(key, [key, 1]) for key in value]


def apply_corrections(db: Database, article_ids: Iterable[int] | None = None) -> int:
    """Make the tag tables hold the effective values for these articles (all when None):
    a corrected field gets the analyst's value (its machine value saved first), a withdrawn one
    gets its machine value back. Idempotent; returns how many fields were written."""
    from db.search import update_filter_tokens

    ids = None if article_ids is None else list(article_ids)
    written = 0
    with write_tx(db):
        effective = effective_corrections(db, ids)
        saved = _saved_machine(db, ids)
        regions_moved: set[int] = set()
        for key in sorted(set(effective) | set(saved)):
            aid, field = key
            value = effective.get(key)
            if value is None:
                if key not in saved:
                    continue
                write_field(db, aid, field, saved[key])
                db.execute(
                    "delete from machine_tags where article_id = ? and field = ?", [aid, field]
                )
            else:
                if key in saved:
                    machine = saved[key]
                else:
                    machine = read_field(db, aid, field)
                    db.execute(
                        "insert into machine_tags (article_id, field, value) values (?, ?, ?)",
                        [aid, field, dumps(machine)],
                    )
                write_field(db, aid, field, corrected_rows(field, value, machine))
            written += 1
            if field == "regions":
                regions_moved.add(aid)
        for aid in sorted(regions_moved):
            update_filter_tokens(db, aid)
    return written


def write_machine_tags(
    db: Database, article_id: int, tags: MachineTags, *, taggers: Iterable[str] = ()
) -> None:
    """Replace an article's machine tags (retag, a recrawl that re-tags) and re-apply its
    corrections, in one transaction. `taggers` are the registered taggers whose labels are
    replaced; labels of other taggers stay."""
    from db.search import update_filter_tokens
    from db.store import write_tones

    with write_tx(db):
        for table in ("article_regions", "article_orgs", "article_topics", "article_projects"):
            db.execute(f"delete from {table} where article_id = ?", [article_id])
        names = sorted(set(taggers) | {t for t, _ in tags.labels})
        if names:
            marks = ",".join("?" * len(names))
            db.execute(
                f"delete from article_labels where article_id = ? and tagger in ({marks})",
                [article_id, *names],
            )
        db.execute("delete from machine_tags where article_id = ?", [article_id])
        db.execute("update articles set relevant = ? where id = ?", [int(tags.relevant), article_id])
        insert_tags(db, article_id, tags)
        write_tones(db, article_id, tags.tones)
        apply_corrections(db, [article_id])
        update_filter_tokens(db, article_id)


def machine_value(db: Database, article_id: int, field: str) -> Any:
    """What the taggers said: the saved value of a corrected field, else the table's."""
    row = db.execute(
        "select value from machine_tags where article_id = ? and field = ?", [article_id, field]
    ).fetchone()
    return json.loads(row[0]) if row else read_field(db, article_id, field)


def corrections_for(db: Database, article_id: int) -> list[dict]:
    """Every correction of an article, oldest first; `active` marks the one that decides its
    field (the newest, unless it withdraws)."""
    rows = db.execute(
        "select id, field, value, author, reason, created from corrections "
        "where article_id = ? order by id",
        [article_id],
    ).fetchall()
    newest: dict[str, int] = {}
    for row in rows:
        newest[row[1]] = row[0]
    return [
        {
            "id": cid, "article_id": article_id, "field": field,
            "value": None if value is None else json.loads(value),
            "author": author, "reason": reason, "created": created,
            "active": newest[field] == cid and value is not None,
        }
        for cid, field, value, author, reason, created in rows
    ]


def list_corrections(
    db: Database, date_from: str | None = None, date_to: str | None = None
) -> list[dict]:
    """Every correction, newest first, with its article; a period narrows by publication date."""
    where, params = "", []
    if date_from and date_to:
        where, params = "where a.published between ? and ?", [date_from, date_to]
    rows = db.execute(
        f"""select c.id, c.created, c.author, c.article_id, a.published, a.title, c.field,
                   c.value, c.reason,
                   c.id = (select max(id) from corrections
                           where article_id = c.article_id and field = c.field) as newest
            from corrections c join articles a on a.id = c.article_id {where}
            order by c.id desc""",
        params,
    ).fetchall()
    return [
        {"id": cid, "created": created, "author": author, "article_id": aid,
         "published": published, "title": title, "field": field,
         "value": None if value is None else json.loads(value), "reason": reason,
         "active": bool(newest) and value is not None}
        for cid, created, author, aid, published, title, field, value, reason, newest in rows
    ]
