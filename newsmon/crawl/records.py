"""A finished article as a database record, and its one way into the database.

Both the local crawl's StorePipeline and the distributed writer (`newsmon store --redis`) store
through `store_record`, so clustering, FTS and the memory of URLs are one code path; the record
crosses Redis as JSON (`to_json`/`from_json`).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import asdict
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from db.runs import remember_urls
from db.store import (
    ArticleRecord,
    article_id_for,
    keep_plainer_address,
    same_page_stored,
    store_article,
)
from newsmon.sources.voice import site_name_to_keep
from pipeline.cluster.minhash import from_bytes, signature, to_bytes

if TYPE_CHECKING:
    from sqlite_utils import Database

    from pipeline.cluster.minhash import StoryIndex
    from spiders.items import ArticleItem

UNTAGGED = SimpleNamespace(relevant=False, regions=(), orgs=(), topics=(), projects=(), labels={})


def article_record(item: ArticleItem) -> ArticleRecord:
    """The record of an extracted and tagged item, with its MinHash signature."""
    ex, tags = item.extracted, item.tags or UNTAGGED
    assert ex is not None and item.canonical
    sig = item.signature or to_bytes(signature(ex.text, ex.title or ""))
    return ArticleRecord(
        url=item.canonical, source=item.source, text=ex.text, title=ex.title, lead=ex.lead,
        author=ex.author, published=ex.published, date_method=ex.date_method,
        text_method=ex.text_method, extract_note=ex.fallback, fetched_at=item.fetched_at,
        relevant=tags.relevant,
        regions=[(r.iso, r.mentions) for r in tags.regions],
        orgs=[(o.name, o.mentions) for o in tags.orgs],
        topics=list(tags.topics),
        projects=[(p.name, p.mentions, p.registered) for p in tags.projects],
        labels=[(name, label) for name, labels in tags.labels.items() for label in labels],
        tones=[(t["object"], t["tone"], t["mixed"])
               for t in getattr(tags, "extras", {}).get("tones", ())],
        request_urls=item.request_urls, signature=sig, kind=item.kind, links=item.links,
        site_name=site_name_to_keep(ex.site_names), site_names=tuple(ex.site_names),
    )  # fmt: skip


def store_record(
    db: Database, index: StoryIndex, record: ArticleRecord, run_id: int | None
) -> int | None:
    """Store a new article in its story; None when its URL is already an article (then the
    record's request URLs are remembered as that article's). sqlite3 errors propagate."""
    existing = article_id_for(db, record.url)
    if existing is None and record.text:
        existing = same_page_stored(db, record.source, record.url, record.title, record.text)
        if existing is not None:
            keep_plainer_address(db, existing, record.url)
    if existing is not None:  # a copy extracted concurrently (utm link, mobile page) won, or the
        # same page under another address was stored before
        remember_urls(db, list(record.request_urls), 200, article_id=existing)
        return None
    assert record.signature is not None
    sig = from_bytes(record.signature)
    similar = index.similar(sig, published=record.published)
    article_id = store_article(db, record, run_id=run_id, similar=similar)
    index.add(article_id, sig, published=record.published)
    return article_id


def to_json(record: ArticleRecord) -> str:
    data: dict[str, Any] = asdict(record)
    data["published"] = record.published.isoformat() if record.published else None
    data["signature"] = base64.b64encode(record.signature).decode() if record.signature else None
    return json.dumps(data, ensure_ascii=False)


def from_json(text: str | bytes) -> ArticleRecord:
    data = json.loads(text)
    data["published"] = dt.date.fromisoformat(data["published"]) if data["published"] else None
    data["signature"] = base64.b64decode(data["signature"]) if data["signature"] else None
    for name in ("regions", "orgs", "projects", "labels", "tones", "links"):
        data[name] = [tuple(row) for row in data[name]]
    data["site_names"] = tuple(data.get("site_names") or ())  # a record queued before m0018
    return ArticleRecord(**data)
