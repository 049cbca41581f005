"""Writes: sources, runs, URLs seen, and articles with their tags — each article in one transaction."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from sqlite_utils import Database

from db.runs import now_iso, record_url
from db.search import article_body, index_article
from db.tags import insert_tags
from db.tx import write_tx


def ensure_regions(db: Database) -> None:
    from pipeline.tag.regions.gazetteer import all_regions

    if db["regions"].count == len(all_regions()):
        return
    with write_tx(db):
        db["regions"].upsert_all(
            ({"iso": r.iso, "name": r.name, "district": r.district} for r in all_regions()),
            pk="iso",
        )


def sync_sources(db: Database, sources: Iterable) -> None:
    ensure_regions(db)
    with write_tx(db):
        db["sources"].upsert_all(
            ({"name": s.name, "url": s.url, "region_iso": s.region_iso} for s in sources),
            pk="name",
        )


@dataclass
class ArticleRecord:
    url: str
    source: str
    text: str
    title: str | None = None
    lead: str | None = None
    author: str | None = None
    published: dt.date | None = None
    date_method: str = "none"
    text_method: str = ""
    extract_note: str | None = None
    fetched_at: str = field(default_factory=now_iso)
    relevant: bool = False
    regions: Sequence[tuple[str, int]] = ()  # (iso, mentions)
    orgs: Sequence[tuple[str, int]] = ()
    topics: Sequence[str] = ()
    projects: Sequence[tuple[str, int, bool]] = ()
    labels: Sequence[tuple[str, str]] = ()  # (tagger, label) of the registered taggers
    tones: Sequence[tuple[str, str, bool]] = ()  # (object, tone, mixed): pipeline.tag.tone
    request_urls: Sequence[str] = ()
    signature: bytes | None = None
    kind: str = "web"  # the source kind (newsmon.sources.kinds): web, telegram
    links: Sequence[tuple[str, str]] = ()  # (url, rel): forward | story | link (m0016_telegram)
    site_name: str | None = None  # what the site calls itself (m0017_source_site_name)
    site_names: tuple[str, ...] = ()  # all the names its page gave (m0018_source_site_names)


def article_id_for(db: Database, url: str) -> int | None:
    row = db.execute("select id from articles where url = ?", [url]).fetchone()
    return row[0] if row else None


def same_page_stored(db: Database, source: str, url: str, title: str | None, text: str) -> int | None:
    """The article this page already is: same outlet, same title and text, at an address that
    only adds or drops query parameters (ImpressCMS's comment permalinks «article.php?com_id=…
    &storyid=N» show story N again, byte for byte). Two posts with one text at two addresses of
    their own (a cross-post to another community) stay two publications."""
    rows = db.execute(
        "select id, url from articles where source = ? and title = ? and text = ? order by id",
        [source, title, text]).fetchall()
    return next((article_id for article_id, stored in rows if _one_address(stored, url)), None)


def _one_address(a: str, b: str) -> bool:
    """Same path, and the query of one holds every parameter of the other's."""
    pa, pb = urlsplit(a), urlsplit(b)
    if (pa.scheme, pa.netloc, pa.path) != (pb.scheme, pb.netloc, pb.path):
        return False
    qa = set(parse_qsl(pa.query, keep_blank_values=True))
    qb = set(parse_qsl(pb.query, keep_blank_values=True))
    return qa <= qb or qb <= qa


def keep_plainer_address(db: Database, article_id: int, url: str) -> None:
    """Name the article by the plainer of its two addresses — fewer query parameters, then the
    shorter: the comment permalink may be crawled before the article's own."""
    def plainness(address: str) -> tuple[int, int]:
        return len(parse_qsl(urlsplit(address).query, keep_blank_values=True)), len(address)

    with write_tx(db):
        row = db.execute("select url from articles where id = ?", [article_id]).fetchone()
        if row and plainness(url) < plainness(row[0]):
            db.execute("update articles set url = ? where id = ?", [url, article_id])


def _story_of(db: Database, article_ids: Sequence[int]) -> list[int]:
    """Every member of the stories the given articles belong to."""
    if not article_ids:
        return []
    marks = ",".join("?" * len(article_ids))
    rows = db.execute(
        f"select id from articles where story_id in "
        f"(select story_id from articles where id in ({marks}))",
        list(article_ids),
    ).fetchall()
    return [r[0] for r in rows]


def _set_story(db: Database, members: list[int]) -> int:
    """Point every member at the earliest-published one (undated last; on one day, what another
    member forwards or links to — the article a post retells — then the lowest id)."""
    marks = ",".join("?" * len(members))
    original = db.execute(
        f"select a.id from articles a where a.id in ({marks}) "
        "order by a.published is null, a.published, not exists ("
        f"  select 1 from article_links l where l.article_id in ({marks})"
        "    and l.rel in ('forward', 'story') and (l.url = a.url"
        "      or l.url in (select u.url from urls u where u.article_id = a.id))), a.id limit 1",
        [*members, *members],
    ).fetchone()[0]
    db.execute(f"update articles set story_id = ? where id in ({marks})", [original, *members])
    return original


def write_tones(db: Database, article_id: int, tones: Iterable[tuple[str, str, bool]]) -> None:
    """Replace an article's per-object tones (the crawl's and `retag`'s one writer of them)."""
    db.conn.execute("delete from article_tones where article_id = ?", [article_id])
    db.conn.executemany(
        "insert or replace into article_tones (article_id, object, tone, mixed) values (?, ?, ?, ?)",
        [(article_id, obj, tone, int(bool(mixed))) for obj, tone, mixed in tones],
    )
# Links that make two materials one story: a forward and its original, a post and the one article
# it links to. A round-up's several links (`link`) join nothing.
STORY_RELS = ("forward", "story")


def linked_story_members(db: Database, url_keys: Sequence[str],
                         links: Sequence[tuple[str, str]]) -> list[int]:
    """Stored materials one story with a material known by `url_keys` carrying `links`: what
    its story links point at (any URL that led to a stored article), the posts whose story
    links point at it, and the other forwards of the same original."""
    targets = sorted({url for url, rel in links if rel in STORY_RELS})
    forwards = sorted({url for url, rel in links if rel == "forward"})
    found: set[int] = set()
    if targets:
        marks = ",".join("?" * len(targets))
        found |= {r[0] for r in db.execute(
            f"select article_id from urls where url in ({marks}) and article_id is not null",
            targets)}
    if forwards:
        marks = ",".join("?" * len(forwards))
        found |= {r[0] for r in db.execute(
            f"select article_id from article_links where rel = 'forward' and url in ({marks})",
            forwards)}
    keys = sorted(set(url_keys))
    if keys:
        marks = ",".join("?" * len(keys))
        found |= {r[0] for r in db.execute(
            f"select article_id from article_links where url in ({marks}) and rel in "
            f"({','.join('?' * len(STORY_RELS))})", [*keys, *STORY_RELS])}
    return sorted(found)




def store_article(
    db: Database, record: ArticleRecord, *, run_id: int | None = None,
    similar: Sequence[int] = (),
) -> int:
    """Insert an article with its tags, URLs and story cluster atomically; return its id.

    `similar` are ids of stored articles judged to be the same story (see pipeline.cluster.minhash).
    """
    with write_tx(db):
        existing = article_id_for(db, record.url)
        if existing is not None:
            for url in record.request_urls:
                record_url(db, url, 200, article_id=existing)
            return existing
        published = record.published.isoformat() if record.published else None
        linked = linked_story_members(
            db, [record.url, *record.request_urls], record.links
        )  # before the insert: the article's own URLs are not yet in `urls`
        article_id = db.execute(
            """insert into articles (url, source, title, lead, author, text, published,
                 date_method, text_method, extract_note, fetched_at, relevant, run_id, kind)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [record.url, record.source, record.title, record.lead, record.author, record.text,
             published, record.date_method, record.text_method, record.extract_note,
             record.fetched_at, int(record.relevant), run_id, record.kind],
        ).lastrowid
        insert_tags(db, article_id, record)
        if record.site_name:
            db.execute("update sources set site_name = ? where name = ? and site_name is null",
                       [record.site_name, record.source])
        if record.site_names:
            db.execute("update sources set site_names = ? where name = ? and site_names is null",
                       [json.dumps(list(record.site_names), ensure_ascii=False), record.source])
        write_tones(db, article_id, record.tones)
        index_article(
            db, article_id, record.title, article_body(record.text, record.lead),
            published=published, region_isos=[iso for iso, _ in record.regions],
            source=record.source,
        )
        if record.signature is not None:
            db.execute(
                "insert into article_minhash (article_id, signature) values (?, ?)",
                [article_id, record.signature],
            )
        db.conn.executemany(
            "insert or ignore into article_links (article_id, url, rel) values (?, ?, ?)",
            [(article_id, url, rel) for url, rel in dict.fromkeys(record.links)],
        )
        db.execute("update articles set story_id = id where id = ?", [article_id])
        members = sorted({article_id, *_story_of(db, [*similar, *linked])})
        if len(members) > 1:
            _set_story(db, members)
        for url in dict.fromkeys([record.url, *record.request_urls]):
            record_url(db, url, 200, article_id=article_id, published=published)
    return article_id
