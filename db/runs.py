"""Run records and the memory of URLs: what a nightly crawl must not fetch again."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

# Fetched fine but not an article (a home, rubric or contacts page listed in a sitemap); stored
# in `urls.status` like an HTTP status ("no content" for us).
NOT_ARTICLE_STATUS = 204
# Statuses after which an article URL is not asked again: gone, moved for good (the redirect
# target is a URL of its own), or not an article.
DONE_STATUSES = (301, 308, 404, 410, NOT_ARTICLE_STATUS)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def start_run(db: Database, since: dt.date | None) -> int:
    """Open a run record. Call it holding the crawl lock: a run still marked `running` then
    belongs to a crawl that died (killed, power cut), and is marked `interrupted`."""
    with db.atomic():
        db.execute(
            "update runs set status = 'interrupted', finished = coalesce(finished, ?) "
            "where status = 'running'",
            [now_iso()],
        )
        return db["runs"].insert(
            {
                "started": now_iso(),
                "status": "running",
                "since": since.isoformat() if since else None,
                "pages": 0,
                "new_articles": 0,
                "relevant": 0,
                "errors": 0,
            }
        ).last_pk


def finish_run(db: Database, run_id: int, status: str, per_source: dict[str, dict]) -> dict:
    """Record how the run ended, with totals and one row per source; return the totals."""
    totals = {
        key: sum(stats.get(key, 0) for stats in per_source.values())
        for key in ("pages", "new_articles", "relevant", "errors")
    }
    with db.atomic():
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


def url_is_done(db: Database, url: str, since: dt.date | None = None) -> bool:
    """True when a page need not be fetched again: stored, gone, or older than the bound."""
    row = db.execute(
        "select article_id, status, published from urls where url = ?", [url]
    ).fetchone()
    if row is None:
        return False
    article_id, status, published = row
    if article_id is not None or status in DONE_STATUSES:
        return True
    return bool(since and published and published < since.isoformat())


def record_url(
    db: Database, url: str, status: int, *, article_id: int | None = None,
    published: str | None = None,
) -> None:
    now = now_iso()
    db.execute(
        """insert into urls (url, article_id, status, first_seen, last_seen, published)
           values (?, ?, ?, ?, ?, ?)
           on conflict(url) do update set
             article_id = coalesce(excluded.article_id, urls.article_id),
             status = excluded.status, last_seen = excluded.last_seen,
             published = coalesce(excluded.published, urls.published)""",
        [url, article_id, status, now, now, published],
    )
