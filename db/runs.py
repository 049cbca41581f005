"""Run records and the memory of URLs: what a nightly crawl must not fetch again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlite_utils import Database

from db.tx import write_tx

# Fetched fine but not an article (a home, rubric or contacts page listed in a sitemap); stored
# in `urls.status` like an HTTP status ("no content" for us).
NOT_ARTICLE_STATUS = 204
# Statuses after which an article URL is not asked again: gone, moved for good (the redirect
# target is a URL of its own), or not an article.
DONE_STATUSES = (301, 308, 404, 410, NOT_ARTICLE_STATUS)
# Fetched as an article but dated nowhere: asked again on the next nights for a few days (a post
# of the crawl's own day may show its date only in a sidebar, or only tomorrow), then left.
UNDATED_STATUS = 299
UNDATED_RETRY_DAYS = 3
# Verdicts of the page rules rather than of the site: remembered with the rules' revision
# (`urls.judged_by`) and asked again once when a newer release reads pages.
JUDGED_STATUSES = (NOT_ARTICLE_STATUS, UNDATED_STATUS)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def start_run(db: Database, since: dt.date | None, *, kind: str = "crawl") -> int:
    """Open a run record. Call it holding the crawl lock: a run still marked `running` then
    belongs to a crawl that died (kill -9, power cut), and is marked `interrupted` with the
    articles it stored, counted by their `run_id`."""
    with write_tx(db):
        for (dead,) in db.execute("select id from runs where status = 'running'").fetchall():
            recover_dead_run(db, dead)
        return db["runs"].insert(
            {
                "started": now_iso(),
                "kind": kind,  # crawl | retag
                "status": "running",
                "since": since.isoformat() if since else None,
                "pages": 0,
                "new_articles": 0,
                "relevant": 0,
                "errors": 0,
            }
        ).last_pk


def stored_by_run(db: Database, run_id: int) -> dict[str, dict[str, int]]:
    """What a run really stored, per source: the articles whose `run_id` is the run's."""
    rows = db.execute(
        "select source, count(*), coalesce(sum(relevant), 0) from articles where run_id = ? "
        "group by source",
        [run_id],
    ).fetchall()
    return {source: {"new_articles": n, "relevant": rel} for source, n, rel in rows}


def recover_dead_run(db: Database, run_id: int) -> None:
    """A run that never finished: `interrupted`, with counts recovered from the articles."""
    stored = stored_by_run(db, run_id)
    for source, counts in stored.items():
        db.execute(
            "insert into run_sources (run_id, source, new_articles, last_error) values (?, ?, ?, ?) "
            "on conflict (run_id, source) do update set new_articles = excluded.new_articles",
            [run_id, source, counts["new_articles"], "сбор прерван (процесс завершён)"],
        )
    db.execute(
        "update runs set status = 'interrupted', finished = coalesce(finished, ?), "
        "new_articles = ?, relevant = ? where id = ?",
        [now_iso(), sum(c["new_articles"] for c in stored.values()),
         sum(c["relevant"] for c in stored.values()), run_id],
    )  # fmt: skip


def finish_run(db: Database, run_id: int, status: str, per_source: dict[str, dict]) -> dict:
    """Record how the run ended, with totals and one row per source; return the totals.

    New and relevant articles are counted from the database (their `run_id`), not from the
    crawl's own tallies: whatever way the run ended, the record says what was really stored.
    """
    with write_tx(db):
        stored = stored_by_run(db, run_id)
        for name, stats in per_source.items():
            stats.update(stored.get(name, {"new_articles": 0, "relevant": 0}))
        totals = {
            key: sum(stats.get(key, 0) for stats in per_source.values())
            for key in ("pages", "new_articles", "relevant", "errors")
        }
        db["run_sources"].upsert_all(
            (
                {
                    "run_id": run_id,
                    "source": name,
                    "pages": stats.get("pages", 0),
                    "new_articles": stats.get("new_articles", 0),
                    "errors": stats.get("errors", 0),
                    "last_error": stats.get("last_error"),
                }
                for name, stats in per_source.items()
            ),
            pk=("run_id", "source"),
        )
        db["runs"].update(run_id, {"finished": now_iso(), "status": status, **totals})
    return totals


def url_is_done(
    db: Database, url: str, since: dt.date | None = None, judge: str | None = None
) -> bool:
    """True when a page need not be fetched again: stored, gone, or older than the bound.
    `judge` is the revision of the page rules asking; a page refused by other rules is not done."""
    row = db.execute(
        "select article_id, status, published, first_seen, judged_by from urls where url = ?",
        [url],
    ).fetchone()
    if row is None:
        return False
    article_id, status, published, first_seen, judged_by = row
    if article_id is not None or verdict_is_done(status, first_seen, judged_by, judge):
        return True
    return bool(since and published and published < since.isoformat())


def judged_by_other_rules(status: int | None, judged_by: str | None, judge: str | None) -> bool:
    """A page rules' verdict (no article, undated) given by rules other than ``judge``'s."""
    return status in JUDGED_STATUSES and judge is not None and judged_by != judge


def verdict_is_done(
    status: int | None, first_seen: str | None, judged_by: str | None, judge: str | None
) -> bool:
    """Whether a page's remembered outcome spares fetching it again."""
    if judged_by_other_rules(status, judged_by, judge):
        return False
    if status in DONE_STATUSES:
        return True
    return status == UNDATED_STATUS and undated_retries_over(first_seen)


def undated_retries_over(first_seen: str | None) -> bool:
    """An undated page first seen UNDATED_RETRY_DAYS ago or earlier is not asked again."""
    if not first_seen:
        return True
    seen = dt.datetime.fromisoformat(first_seen)
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc) - seen >= dt.timedelta(days=UNDATED_RETRY_DAYS)


def record_url(
    db: Database, url: str, status: int, *, article_id: int | None = None,
    published: str | None = None, judged_by: str | None = None,
) -> None:
    """Remember a URL's outcome; call it inside write_tx (or use remember_urls)."""
    now = now_iso()
    db.execute(
        """insert into urls (url, article_id, status, first_seen, last_seen, published, judged_by)
           values (?, ?, ?, ?, ?, ?, ?)
           on conflict(url) do update set
             article_id = coalesce(excluded.article_id, urls.article_id),
             status = excluded.status, last_seen = excluded.last_seen,
             published = coalesce(excluded.published, urls.published),
             judged_by = excluded.judged_by""",
        [url, article_id, status, now, now, published, judged_by],
    )


def remember_urls(
    db: Database, urls: list[str] | tuple[str, ...], status: int, *,
    article_id: int | None = None, published: str | None = None, judged_by: str | None = None,
) -> None:
    """record_url for several URLs in one write transaction."""
    with write_tx(db):
        for url in dict.fromkeys(urls):
            record_url(db, url, status, article_id=article_id, published=published,
                       judged_by=judged_by)  # fmt: skip


def known_urls(db: Database, judge: str | None = None) -> Iterator[tuple[str, str, str | None]]:
    """What url_is_done knows, for a memory kept elsewhere (the distributed crawl's Redis):
    (url, kind, published) with kind `article` (an article's own URL), `alias` (another URL of
    an article), `done` (gone, moved), `judged` (no article or undated by the rules of `judge`),
    `stale` (judged so by other rules: to be fetched again) or `old` (its publication day only)."""
    rows = db.execute(
        "select u.url, u.article_id, u.status, u.published, a.id is not null, u.first_seen, "
        "u.judged_by from urls u left join articles a on a.url = u.url"
    )
    for url, article_id, status, published, is_article, first_seen, judged_by in rows:
        if is_article:
            yield url, "article", published
        elif article_id is not None:
            yield url, "alias", published
        elif verdict_is_done(status, first_seen, judged_by, judge):
            yield url, "judged" if status in JUDGED_STATUSES else "done", published
        elif judged_by_other_rules(status, judged_by, judge):
            yield url, "stale", published
        elif published:
            yield url, "old", published
    for (url,) in db.execute("select url from articles"):  # stored before `urls` kept them
        yield url, "article", None
