"""One crawl run: take the lock, record the run, drive Scrapy's engine, summarise.

Exit codes for cron wrappers (see deploy/README.md):
0 every outlet answered and every article was stored (run `ok`);
3 the run is `partial`: some outlets were unreachable, or some articles could not be stored (the
  database stayed locked past the busy timeout) — the rest is stored, the next run fetches the rest;
1 the run `failed` (every outlet unreachable, the disk full) or was `interrupted` (a signal);
2 a configuration mistake; 75 another crawl holds the lock on this database (EX_TEMPFAIL).
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmon.core.errors import RunError
from newsmon.sources.config import Source, SourcesConfig

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL, EXIT_LOCKED = 0, 1, 3, 75
COUNT_KEYS = (
    "pages", "new_articles", "relevant", "errors", "skipped_stored", "skipped_old", "gone",
    "ignored", "offsite", "not_stored", "broken_feeds",
)  # fmt: skip
DISK_FULL_REASON = "disk_full"  # newsmon.crawl.pipelines closes the spider with it
QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry",
                 "scrapy.core.scraper")


class CrawlLocked(RunError):
    """Another crawl runs on the same database."""

    exit_code = EXIT_LOCKED


@contextmanager
def crawl_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock beside the database: two crawls on one database never run at once.

    flock is released by the kernel when the process dies, so a killed crawl leaves no stale lock.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        handle = open(lock_path, "a+")  # held open for the whole run
    except OSError as exc:
        why = "папка только для чтения" if exc.errno in (errno.EROFS, errno.EACCES) else exc.strerror
        raise RunError(f"Нельзя записать в базу {db_path}: {why} ({lock_path})") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "?"
        handle.close()
        raise CrawlLocked(
            f"Сбор уже идёт для базы {db_path} (процесс {holder}); дождитесь его окончания"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@dataclass
class CrawlResult:
    run_id: int
    status: str
    totals: dict[str, int]
    per_source: dict[str, dict] = field(default_factory=dict)

    @property
    def down(self) -> list[str]:
        """Sources that answered nothing at all but errors."""
        return [n for n, s in self.per_source.items() if s["errors"] and not s["pages"]]

    disk_full: str | None = None  # the SQLite message when the disk filled up
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (crawl.timing)
    unfinished: int = 0  # distributed crawl: pages left in Redis when the last worker was gone

    @property
    def not_stored(self) -> int:
        return sum(s.get("not_stored", 0) for s in self.per_source.values())

    @property
    def broken_feeds(self) -> int:
        return sum(s.get("broken_feeds", 0) for s in self.per_source.values())

    @property
    def exit_code(self) -> int:
        return {"ok": EXIT_OK, "partial": EXIT_PARTIAL}.get(self.status, EXIT_FAILED)


class SpiderEnding:
    """How the spider closed, from Scrapy's spider_closed signal. A second SIGTERM/Ctrl-C stops
    the reactor before the spider closes: then no reason ever arrives."""

    def __init__(self) -> None:
        self.reason: str | None = None

    def on_closed(self, spider: Any, reason: str) -> None:
        self.reason = reason


def run_status(reason: str | None, result: CrawlResult, n_sources: int) -> str:
    """The truth about a run: interrupted (signal), failed (disk full, nothing reachable),
    partial (some outlets down, some articles not stored, a feed or sitemap not readable),
    else ok."""
    if reason is None or (reason != "finished" and reason != DISK_FULL_REASON):
        return "interrupted"
    if reason == DISK_FULL_REASON:
        return "failed"
    if result.down and len(result.down) == n_sources:
        return "failed"
    if result.down or result.not_stored or result.broken_feeds:
        return "partial"
    return "ok"


def per_source_stats(stats: dict, sources: tuple[Source, ...]) -> dict[str, dict]:
    """The `newsmon/source/<name>/<key>` Scrapy stats, one dict per source."""
    result = {}
    for source in sources:
        prefix = f"newsmon/source/{source.name}/"
        row: dict[str, Any] = {key: stats.get(prefix + key, 0) for key in COUNT_KEYS}
        row["last_error"] = stats.get(prefix + "last_error")
        result[source.name] = row
    return result


def crawl_settings(
    config: SourcesConfig, sources: tuple[Source, ...], db_path: Path, run_id: int,
    since: dt.date | None, *, log_level: str, progress: bool, overrides: dict | None = None,
):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("newsmon.crawl.settings", priority="project")
    settings.setdict(
        {
            "NEWSMON_DB_PATH": str(db_path),
            "NEWSMON_SOURCES": list(sources),
            "NEWSMON_SINCE": since,
            "NEWSMON_RUN_ID": run_id,
            "NEWSMON_USER_DIR": str(config.user_dir),
            "NEWSMON_PROGRESS": progress,
            "LOG_LEVEL": log_level,
            # The CLI configured the root logger (-v/-vv); Scrapy's own handler would duplicate it.
            "LOG_INSTALL_ROOT_HANDLER": False,
            **(overrides or {}),
        },
        priority="cmdline",
    )
    return settings


def run_crawl(
    config: SourcesConfig, db_path: Path, *, since: dt.date | None,
    only: tuple[str, ...] = (), log_level: str | None = None, progress: bool = False,
    settings: dict | None = None,
) -> CrawlResult:
    """Crawl the selected sources into the database at `db_path`; `settings` override Scrapy's.

    `log_level` (e.g. "ERROR" for --quiet) caps the root logger; None leaves it as configured.
    """
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from db import open_db
    from db.runs import start_run
    from db.store import sync_sources
    from newsmon.crawl.timing import timings
    from spiders.news import NewsSpider

    sources = config.select(only)
    if (settings or {}).get("NEWSMON_TAG_ENABLED", True):
        from pipeline.tag.run import load_tag_config

        load_tag_config(config.user_dir)  # a mistake in a user's topics/orgs file fails first
    with crawl_lock(db_path):
        db = open_db(db_path)
        sync_sources(db, config.sources)
        run_id = start_run(db, since)
        ballast = _reserve_space(Path(db_path))
        if log_level:
            logging.getLogger().setLevel(log_level)
        # Scrapy sets its own loggers to DEBUG; the CLI's handlers keep the -v/-vv/--quiet level.
        level = logging.getLogger().getEffectiveLevel()
        for handler in logging.getLogger().handlers:
            handler.setLevel(level)
        process = CrawlerProcess(
            crawl_settings(config, sources, db_path, run_id, since, log_level=log_level or "INFO",
                           progress=progress, overrides=settings)
        )  # fmt: skip
        if level >= logging.WARNING:
            # Each fault is already one line in the run record and the summary; Scrapy's own
            # messages carry tracebacks, shown only with -v. (Set after CrawlerProcess: its
            # logging dictConfig resets these loggers.)
            for name in QUIET_LOGGERS:
                logging.getLogger(name).setLevel(logging.CRITICAL)
        crawler = process.create_crawler(NewsSpider)
        ending = SpiderEnding()
        crawler.signals.connect(ending.on_closed, signal=signals.spider_closed)
        try:
            process.crawl(crawler, sources=list(sources), since=since, db_path=str(db_path))
            process.start()
        finally:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            result = CrawlResult(run_id, "failed", {}, per_source_stats(stats, sources),
                                 disk_full=stats.get("newsmon/disk_full"))  # fmt: skip
            result.status = run_status(ending.reason, result, len(sources))
            result.timings = timings(stats)
            try:
                result.totals = _finish(db, run_id, result, ballast)
            finally:
                db.conn.close()
                ballast.unlink(missing_ok=True)
    return result


# Room kept beside the database while a crawl runs and given back when the disk fills up, so
# the run's own record («failed», what was stored) can still be written.
BALLAST_BYTES = 256 * 1024


def _reserve_space(db_path: Path) -> Path:
    ballast = db_path.with_name(db_path.name + ".reserve")
    try:
        with ballast.open("wb") as f:
            f.write(b"\0" * BALLAST_BYTES)
    except OSError:  # already full: nothing to reserve
        ballast.unlink(missing_ok=True)
    return ballast


def _finish(db: Any, run_id: int, result: CrawlResult, ballast: Path) -> dict:
    from db import is_disk_full
    from db.runs import finish_run

    if result.disk_full:
        ballast.unlink(missing_ok=True)
    try:
        return finish_run(db, run_id, result.status, result.per_source)
    except sqlite3.OperationalError as exc:
        if not is_disk_full(exc) or not ballast.exists():
            raise
        ballast.unlink()
        result.disk_full = result.disk_full or str(exc)
        result.status = "failed"
        return finish_run(db, run_id, result.status, result.per_source)
