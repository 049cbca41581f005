"""One crawl run: take the lock, record the run, drive Scrapy's engine, summarise.

Exit codes for cron wrappers: 0 all outlets answered; 3 some outlets were unreachable (the others
were crawled and stored); 1 every outlet was unreachable or the run failed; 2 a configuration mistake.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from newsmon.config import Source, SourcesConfig
from newsmon.errors import RunError

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL = 0, 1, 3
SOURCE_KEYS = ("pages", "new_articles", "relevant", "errors", "skipped_stored", "last_error")


@contextmanager
def crawl_lock(db_path: Path) -> Iterator[None]:
    """An exclusive lock beside the database: two crawls on one database never run at once."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "?"
        handle.close()
        raise RunError(
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
        return [n for n, s in self.per_source.items() if s["errors"] and not s["pages"]]

    @property
    def exit_code(self) -> int:
        if self.status in ("failed", "interrupted"):
            return EXIT_FAILED
        if self.down:
            return EXIT_FAILED if len(self.down) == len(self.per_source) else EXIT_PARTIAL
        return EXIT_OK


def _per_source(stats: dict, sources: tuple[Source, ...]) -> dict[str, dict]:
    result = {}
    for source in sources:
        prefix = f"newsmon/source/{source.name}/"
        row = {key: stats.get(prefix + key, 0) for key in SOURCE_KEYS}
        row["last_error"] = stats.get(prefix + "last_error")
        result[source.name] = row
    return result


def run_crawl(
    config: SourcesConfig, db_path: Path, *, since: dt.date | None,
    only: tuple[str, ...] = (), log_level: str = "WARNING",
) -> CrawlResult:
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from db import open_db
    from db.runs import finish_run, start_run
    from db.store import sync_sources
    from pipeline.nlp import load_tag_config
    from spiders.news import NewsSpider

    sources = config.select(only)
    load_tag_config(config.user_dir)  # a mistake in the user's topics/orgs file fails before fetching
    with crawl_lock(db_path):
        db = open_db(db_path)
        sync_sources(db, config.sources)
        run_id = start_run(db, since)
        settings = Settings()
        settings.setmodule("newsmon.scrapy_settings", priority="project")
        settings.setdict(
            {
                "NEWSMON_DB_PATH": str(db_path),
                "NEWSMON_SOURCES": list(sources),
                "NEWSMON_SINCE": since,
                "NEWSMON_RUN_ID": run_id,
                "NEWSMON_USER_DIR": str(config.user_dir),
                "LOG_LEVEL": log_level,
            },
            priority="cmdline",
        )
        process = CrawlerProcess(settings, install_root_handler=True)
        crawler = process.create_crawler(NewsSpider)
        status = "failed"
        try:
            process.crawl(crawler, sources=list(sources), since=since, db_path=str(db_path))
            process.start()
            reason = crawler.stats.get_value("finish_reason", "finished")
            status = "ok" if reason == "finished" else "interrupted"
        finally:
            per_source = _per_source(crawler.stats.get_stats() if crawler.stats else {}, sources)
            totals = finish_run(db, run_id, status, per_source)
            db.conn.close()
    return CrawlResult(run_id, status, totals, per_source)
