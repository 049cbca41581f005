"""The versioned schema: named migrations, applied in order on every open.

Never edit a migration that has shipped; add `m000N_<what>` instead. `PRAGMA user_version` mirrors
the number of applied migrations so that `sqlite3 newsmon.db 'pragma user_version'` tells the
schema version without Python.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsmon")


@migrations()
def m0001_initial(db: Database) -> None:
    db["regions"].create(
        {"iso": str, "name": str, "district": str}, pk="iso", not_null={"name"}
    )
    db["sources"].create(
        {"name": str, "url": str, "region_iso": str},
        pk="name",
        foreign_keys=[("region_iso", "regions", "iso")],
    )
    db["runs"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "status": str,  # running | ok | partial | failed | interrupted
            "since": str,
            "pages": int,
            "new_articles": int,
            "relevant": int,
            "errors": int,
        },
        pk="id",
    )
    db["run_sources"].create(
        {
            "run_id": int,
            "source": str,
            "pages": int,
            "new_articles": int,
            "errors": int,
            "last_error": str,
        },
        pk=("run_id", "source"),
        foreign_keys=[("run_id", "runs", "id")],
    )
    db["articles"].create(
        {
            "id": int,
            "url": str,  # canonical URL: one article, one row
            "source": str,
            "title": str,
            "lead": str,
            "author": str,
            "text": str,
            "published": str,  # YYYY-MM-DD, NULL when no date could be trusted
            "date_method": str,
            "text_method": str,
            "fetched_at": str,
            "relevant": int,
            "story_id": int,  # id of the earliest article of the story cluster
            "run_id": int,
        },
        pk="id",
        not_null={"url", "source", "text"},
        foreign_keys=[("source", "sources", "name"), ("run_id", "runs", "id")],
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["published"])
    db["articles"].create_index(["source", "published"])
    db["articles"].create_index(["story_id"])
    # Every article-page URL ever requested (before redirects too), so a nightly run never
    # re-downloads a stored article and a 404 is remembered, not retried every night.
    db["urls"].create(
        {
            "url": str,
            "article_id": int,
            "status": int,
            "first_seen": str,
            "last_seen": str,
            "published": str,
        },
        pk="url",
    )
    for table, key, extra in (
        ("article_regions", "iso", {"mentions": int}),
        ("article_orgs", "org", {"mentions": int}),
        ("article_topics", "topic", {}),
        ("article_projects", "project", {"mentions": int, "registered": int}),
    ):
        db[table].create(
            {"article_id": int, key: str, **extra},
            pk=("article_id", key),
            foreign_keys=[("article_id", "articles", "id")],
        )
        db[table].create_index([key, "article_id"])
    db["article_regions"].add_foreign_key("iso", "regions", "iso")
    db["article_minhash"].create(
        {"article_id": int, "signature": bytes},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )



@migrations()
def m0002_fts_lemmas(db: Database) -> None:
    """Full-text index over lemmas (db/search.py), filled for the articles already stored."""
    from db.search import create_index, rebuild_index

    create_index(db)
    if db.execute("select 1 from articles limit 1").fetchone():
        rebuild_index(db)


@migrations()
def m0003_count_indexes(db: Database) -> None:
    """Covering indexes: `counts` for one period reads only index pages (benchmarks/bench_db.py)."""
    db.execute(
        "create index if not exists idx_articles_period "
        "on articles (published, relevant, story_id, source)"
    )
    for table, key in (
        ("article_regions", "iso"), ("article_orgs", "org"), ("article_projects", "project")
    ):
        db.execute(
            f"create index if not exists idx_{table}_cover on {table} (article_id, {key}, mentions)"
        )


@migrations()
def m0004_materials_view(db: Database) -> None:
    """One row per article: month, reprint flag, tags as JSON arrays (for Datasette facets)."""
    db.execute(
        """
        create view if not exists materials as
        select a.id, a.published, substr(a.published, 1, 7) as month, a.source, a.title, a.url,
               a.relevant, a.story_id, a.story_id != a.id as reprint,
               (select json_group_array(r.name) from article_regions k
                  join regions r on r.iso = k.iso where k.article_id = a.id) as regions,
               (select json_group_array(k.topic) from article_topics k
                  where k.article_id = a.id) as topics,
               (select json_group_array(k.org) from article_orgs k
                  where k.article_id = a.id) as orgs,
               (select json_group_array(k.project) from article_projects k
                  where k.article_id = a.id) as projects
        from articles a
        """
    )


@migrations()
def m0005_relevant_period_index(db: Database) -> None:
    """`counts` without --all: the relevant articles of a period are one contiguous index range."""
    db.execute(
        "create index if not exists idx_articles_relevant_period "
        "on articles (relevant, published, story_id, source)"
    )


@migrations()
def m0006_fts_filter_tokens(db: Database) -> None:
    """articles_fts gains a `tags` column (month, region, source tokens): fast filtered search."""
    from db.search import create_index, has_filter_tokens, rebuild_index

    if has_filter_tokens(db):  # m0002 already built the current layout
        return
    db.execute("drop table if exists articles_fts")
    create_index(db)
    if db.execute("select 1 from articles limit 1").fetchone():
        rebuild_index(db)


@migrations()
def m0007_minhash_lemma_shingles(db: Database) -> None:
    """Story signatures moved to lemma shingles with a size header. The older ones are recomputed
    by db.stories.refresh_signatures once the migrations are applied: a migration runs no
    pipeline code, whose signatures change with it."""


@migrations()
def m0008_minhash_shingle_hashes(db: Database) -> None:
    """Signatures carry their shingle hashes (exact same-story decisions): recompute older ones."""
    m0007_minhash_lemma_shingles(db)

@migrations()
def m0009_extraction_fallback(db: Database) -> None:
    """Why newsmon's own extractor was not used for an article (the cascade fell back), so an
    analyst can list such pages; null when it was used."""
    db["articles"].add_column("extract_note", str)


@migrations()
def m0010_article_labels(db: Database) -> None:
    """Labels of the taggers registered beyond the built-in ones (pipeline.tag.base): one table for
    all of them, so a new tagger needs no migration of its own."""
    db.execute(
        """create table article_labels (
             article_id integer not null references articles(id) on delete cascade,
             tagger text not null,
             label text not null,
             primary key (article_id, tagger, label))"""
    )
    db.execute("create index article_labels_tagger_label on article_labels (tagger, label)")


@migrations()
def m0011_article_kind(db: Database) -> None:
    """What kind of source a material came from: `web` (an outlet's site) or `telegram` (a public
    channel's post), so counts, digest and Datasette can split and filter by it."""
    db["articles"].add_column("kind", str, not_null_default="web")
    db.execute("create index if not exists idx_articles_kind on articles (kind, published)")


@migrations()
def m0012_corrections(db: Database) -> None:
    """Analysts' corrections: who changed which field of which article, to what, when and why.
    The newest row per (article, field) wins; the tag tables and articles.relevant always hold
    the corrected values, so every reader (counts, search, digest, Datasette) sees them."""
    db.execute(
        """create table corrections (
             id integer primary key,
             article_id integer not null references articles(id) on delete cascade,
             field text not null,   -- relevant | regions | orgs | projects | label:<tagger>
             value text,            -- JSON: true/false, or a list; null withdraws the correction
             author text not null,
             reason text,
             created text not null)"""
    )
    db.execute("create index corrections_article_field on corrections (article_id, field, id)")


@migrations()
def m0014_materials_views(db: Database) -> None:
    """`materials` holds only materials (relevant articles, as counted by `newsmon counts`), with
    the kind of source, a readable reprint mark and registered taggers' labels; `all_articles` is
    every article with a «material» mark (db/views.py, for Datasette)."""
    from db.views import create_views

    create_views(db)


@migrations()
def m0015_tones(db: Database) -> None:
    """Tone of coverage toward each organisation and project a material names (docs/tone.md);
    the material's own tone is the `tone` tagger's label in article_labels."""
    db.execute(
        """create table article_tones (
             article_id integer not null references articles(id) on delete cascade,
             object text not null,
             tone text not null,      -- positive | neutral | negative
             mixed integer not null,  -- 1: the text both praises and criticises the object
             primary key (article_id, object))"""
    )
    db.execute("create index article_tones_tone on article_tones (tone, object)")


@migrations()
def m0013_machine_tags(db: Database) -> None:
    """The machine's own value of a field an analyst corrected (db/corrections.py): the tag tables
    hold the corrected value, this table what the taggers said, so `explain` can show both and a
    withdrawn correction restores it. Runs say what they were (`crawl` or `retag`) and keep a short
    JSON summary of what a retag changed."""
    db.execute(
        """create table machine_tags (
             article_id integer not null references articles(id) on delete cascade,
             field text not null,   -- as in corrections.field
             value text,            -- JSON, in the shape of corrections.value (with mentions)
             primary key (article_id, field))"""
    )
    db["runs"].add_column("kind", str, not_null_default="crawl")
    db["runs"].add_column("note", str)


@migrations()
def m0016_telegram(db: Database) -> None:
    """Links that place a material in a story (a Telegram post's forwarded original, the one
    article it links to), so a short post joins the story of what it retells even when MinHash
    has too few words to tell; and the `materials` view shows each material's kind."""
    db.execute(
        """create table if not exists article_links (
             article_id integer not null references articles(id) on delete cascade,
             url text not null,
             rel text not null,     -- forward | story | link
             primary key (article_id, url))"""
    )
    db.execute("create index if not exists article_links_url on article_links (url, rel)")
    view = db.execute(
        "select sql from sqlite_master where type = 'view' and name = 'materials'"
    ).fetchone()
    if view and " a.kind" not in view[0]:
        db.execute("drop view materials")
        db.execute(view[0].replace("a.source, a.title,", "a.source, a.kind, a.title,", 1))


@migrations()
def m0017_source_site_name(db: Database) -> None:
    """What each site calls itself, seen on its pages: whether a regional body speaks there
    (pipeline.tag.home_region.names_a_body) is decided again by retag and explain from it."""
    if "site_name" not in db["sources"].columns_dict:
        db["sources"].add_column("site_name", str)


@migrations()
def m0018_source_site_names(db: Database) -> None:
    """All the names a site's page gives itself (a JSON list), not one kept name: retag and
    explain read what the crawl read (a site named «Сообщество» and «Кризисный центр «Мамин
    дом»» is the centre's own voice, which the one kept name did not say)."""
    if "site_names" not in db["sources"].columns_dict:
        db["sources"].add_column("site_names", str)


@migrations()
def m0019_url_judged_by(db: Database) -> None:
    """Which page rules refused a page (pipeline.extract.revision): a page refused as no article
    or dated nowhere by an older release is read again once by a newer one."""
    if "judged_by" not in db["urls"].columns_dict:
        db["urls"].add_column("judged_by", str)


@migrations()
def m0020_source_title_index(db: Database) -> None:
    """An outlet's articles by title: a page served again under another address (a comment's
    permalink showing the whole article) is found as the article already stored (db.store)."""
    db.execute("create index if not exists idx_articles_source_title on articles (source, title)")


def apply_migrations(db: Database) -> None:
    """All pending migrations in one write transaction (two writers opening at once serialize)."""
    from db.tx import write_tx

    with write_tx(db):
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(migrations.applied(db))}")


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]
