"""One stored article by its id or URL, with its tags as stored (correct, explain)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from db.tags import read_field
from newsmon.core.errors import UserError


def find_article_id(db: Database, ref: str) -> int:
    """An article's id from its number or URL (as stored, in canonical form, or any URL that led
    to it); UserError when there is none."""
    from newsmon.core.urls import canonical_url

    ref = ref.strip()
    row = None
    if ref.isdigit():
        row = db.execute("select id from articles where id = ?", [int(ref)]).fetchone()
    elif ref:
        row = db.execute(
            "select id from articles where url = ? or url = ? limit 1", [ref, canonical_url(ref)]
        ).fetchone()
        if row is None:
            row = db.execute(
                "select article_id from urls where url = ? and article_id is not null", [ref]
            ).fetchone()
    if row is None:
        raise UserError(f"Статья не найдена в базе: {ref}")
    return int(row[0])


def article_row(db: Database, article_id: int) -> dict[str, Any]:
    row = db.execute(
        """select a.id, a.url, a.source, a.title, a.text, a.published, s.region_iso, a.kind
           from articles a left join sources s on s.name = a.source where a.id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        raise UserError(f"Статья {article_id} не найдена в базе")
    keys = ("id", "url", "source", "title", "text", "published", "home_iso", "kind")
    links = db.execute("select url, rel from article_links where article_id = ? order by url",
                       [article_id]).fetchall()
    return {**dict(zip(keys, row)), "links": [tuple(link) for link in links]}


def stored_verdicts(
    db: Database, article_id: int, taggers: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The article's effective tags as every reader sees them, in pipeline.tag.explain.verdicts'
    shape (`taggers`: the registered taggers whose labels to include)."""
    topics = db.execute("select topic from article_topics where article_id = ?", [article_id])
    labels = {f"label:{name}": sorted(read_field(db, article_id, f"label:{name}"))
              for name in taggers}
    return {
        "relevant": read_field(db, article_id, "relevant"),
        "regions": sorted(row[0] for row in read_field(db, article_id, "regions")),
        "orgs": sorted(row[0] for row in read_field(db, article_id, "orgs")),
        "projects": sorted(row[0] for row in read_field(db, article_id, "projects")),
        "topics": sorted(row[0] for row in topics),
        **labels,
    }


def source_site_names(db: Database) -> dict[str, tuple[str, ...]]:
    """Each stored source's own names as its pages give them (m0018_source_site_names; a
    database crawled before it has the one kept name, m0017_source_site_name)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, one, many in db.execute("select name, site_name, site_names from sources"):
        out[name] = tuple(json.loads(many)) if many else ((one,) if one else ())
    return out
