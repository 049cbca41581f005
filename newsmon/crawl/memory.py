"""The memory of URLs as the item pipeline sees it: the database, or Redis for a worker.

A local crawl asks the database whether a canonical URL is stored and writes what it learns about
pages there. A worker of a distributed crawl (`newsmon crawl --redis`) has no database: it asks
the set of done URLs the writer publishes in Redis, and hands what it learns to the writer on the
item stream (newsmon.crawl.redis_memory).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from db import BUSY_TIMEOUT, open_db
from db.runs import remember_urls
from db.store import article_id_for

if TYPE_CHECKING:
    from collections.abc import Sequence

    from scrapy.crawler import Crawler
    from sqlite_utils import Database


class UrlMemory(Protocol):
    def stored_alias(self, urls: Sequence[str], canonical: str) -> bool:
        """True when `canonical` is a stored article; `urls` are then remembered as its."""

    def remember_old(self, urls: Sequence[str], published: str) -> None:
        """Pages published before the --since bound: not fetched again by runs with that bound."""

    def close(self) -> None: ...


class DbMemory:
    def __init__(self, db: Database) -> None:
        self.db = db

    def stored_alias(self, urls: Sequence[str], canonical: str) -> bool:
        existing = article_id_for(self.db, canonical)
        if existing is None:
            return False
        remember_urls(self.db, list(urls), 200, article_id=existing)
        return True

    def remember_old(self, urls: Sequence[str], published: str) -> None:
        remember_urls(self.db, list(urls), 200, published=published)

    def close(self) -> None:
        self.db.conn.close()


def open_memory(crawler: Crawler) -> UrlMemory:
    settings = crawler.settings
    if settings.get("NEWSMON_REDIS_URL"):
        from newsmon.crawl.redis_memory import RedisMemory

        return RedisMemory.for_crawler(crawler)
    # newsmon/crawl/run.py opened (and migrated) the database before the engine started.
    return DbMemory(open_db(settings["NEWSMON_DB_PATH"], migrate=False,
                            timeout=settings.getfloat("NEWSMON_DB_TIMEOUT", BUSY_TIMEOUT)))
