"""Build fixture databases from code (no committed .db files), as Datasette's fixtures.py does.

    db = make_db(tmp_path / "t.db", articles=[
        article("Кризисный центр открылся в Уссурийске ...", published="2025-10-03",
                regions=["RU-PRI"], orgs=["Фонд Тимченко"], topics=["кризисные центры"]),
        article("... тот же текст с новым заголовком", source="vl", published="2025-10-04",
                story="crisis"),
    ])

Every article goes through db.store.store_article, so fixtures get the same tags, story clusters and
search index as a crawl would. Articles with the same `story` key are one story; without a key the
MinHash story index decides, as in a crawl.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db import open_db
from db.store import ArticleRecord, ensure_regions, store_article

_counter = itertools.count(1)


def article(text: str, **fields: Any) -> dict:
    """One article spec: `text` plus any of url, source, title, published ("YYYY-MM-DD" or date),
    relevant (default True), regions (ISO codes, official names or (iso, mentions) pairs),
    orgs (names or (name, mentions)), topics, projects (names or (name, mentions, registered)),
    story (any key; equal keys = one story)."""
    return {"text": text, **fields}


def _pairs(values: Iterable, default: int = 1) -> list[tuple[str, int]]:
    return [(v, default) if isinstance(v, str) else (v[0], int(v[1])) for v in values]


def _region_isos(db: Database, values: Iterable) -> list[tuple[str, int]]:
    by_name = {row[1]: row[0] for row in db.execute("select iso, name from regions")}
    out = []
    for name, n in _pairs(values):
        iso = by_name.get(name, name)
        if not db.execute("select 1 from regions where iso = ?", [iso]).fetchone():
            raise ValueError(f"unknown region in fixture: {name}")
        out.append((iso, n))
    return out


def _projects(values: Iterable) -> list[tuple[str, int, bool]]:
    out = []
    for v in values:
        if isinstance(v, str):
            out.append((v, 1, True))
        else:
            name, n, *rest = v
            out.append((name, int(n), bool(rest[0]) if rest else True))
    return out


def ensure_source(db: Database, name: str, region_iso: str | None = None) -> None:
    if not db.execute("select 1 from sources where name = ?", [name]).fetchone():
        db["sources"].insert(
            {"name": name, "url": f"http://127.0.0.1/{name}/", "region_iso": region_iso}
        )


def record_from_spec(db: Database, spec: dict) -> ArticleRecord:
    from pipeline.cluster.minhash import signature, to_bytes

    published = spec.get("published")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    source = spec.get("source", "outlet")
    n = next(_counter)
    return ArticleRecord(
        url=spec.get("url") or f"http://127.0.0.1/{source}/news/{n}.html",
        source=source,
        text=spec["text"],
        title=spec.get("title", spec["text"].split(".")[0][:80]),
        lead=spec.get("lead"),
        published=published,
        date_method=spec.get("date_method", "meta" if published else "none"),
        relevant=spec.get("relevant", True),
        regions=_region_isos(db, spec.get("regions", ())),
        orgs=_pairs(spec.get("orgs", ())),
        topics=list(spec.get("topics", ())),
        projects=_projects(spec.get("projects", ())),
        labels=list(spec.get("labels", ())),
        tones=list(spec.get("tones", ())),
        signature=to_bytes(signature(spec["text"])),
    )


def add_articles(db: Database, articles: Sequence[dict]) -> list[int]:
    """Store article specs in order; return their ids."""
    from pipeline.cluster.minhash import StoryIndex, from_bytes

    index = StoryIndex()
    for row in db.execute("select article_id, signature from article_minhash"):
        index.add(row[0], from_bytes(row[1]))
    stories: dict[Any, int] = {}
    ids = []
    for spec in articles:
        ensure_source(db, spec.get("source", "outlet"))
        record = record_from_spec(db, spec)
        sig = from_bytes(record.signature) if record.signature else None
        if "story" in spec:
            key = spec["story"]
            similar = [stories[key]] if key in stories else []
        else:
            similar = index.similar(sig) if sig is not None else []
        article_id = store_article(db, record, similar=similar)
        if "story" in spec:
            stories.setdefault(spec["story"], article_id)
        if sig is not None:
            index.add(article_id, sig)
        ids.append(article_id)
    return ids


def make_db(path: str | Path, articles: Sequence[dict] = ()) -> Database:
    """A migrated database at `path` with the 89 regions and the given articles stored."""
    db = open_db(path)
    ensure_regions(db)
    add_articles(db, articles)
    return db


def add_tagged(
    db: Database, articles: Sequence[dict], *, config: Any = None, home: str | None = None
) -> list[int]:
    """Store article specs (text, title, source, published, url) with the tags the real tagger
    gives them, as a crawl would; `home` is the outlets' home region (ISO)."""
    from pipeline.tag.run import tag_many

    results = tag_many([(a["text"], a.get("title", ""), home) for a in articles], config)
    specs = []
    for spec, result in zip(articles, results):
        ensure_source(db, spec.get("source", "outlet"), home)
        specs.append({
            **spec,
            "relevant": result.relevant,
            "regions": [(r.iso, r.mentions) for r in result.regions],
            "orgs": [(o.name, o.mentions) for o in result.orgs],
            "topics": list(result.topics),
            "projects": [(p.name, p.mentions, p.registered) for p in result.projects],
            "labels": [(n, label) for n, labels in result.labels.items() for label in labels],
            "tones": [(t["object"], t["tone"], bool(t["mixed"]))
                      for t in result.extras.get("tones", ())],
        })
    return add_articles(db, specs)
