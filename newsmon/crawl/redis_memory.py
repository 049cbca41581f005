"""A worker's memory of URLs: the hash of URLs the writer publishes, and the item stream.

The writer publishes every URL the database knows as done (`newsmon:urls`, see redis_link) when a
night opens, and each article's URLs as soon as it is committed. A worker asks that hash before
fetching an article page; what a worker learns itself (a page gone, redirected, no article, older
than --since) it marks there at once, for the other workers, and sends to the writer on the
stream, which records it in the database's `urls` table like a local crawl does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from db.runs import DONE_STATUSES, JUDGED_STATUSES
from newsmon.crawl.redis_link import (
    ALIAS,
    GONE,
    ITEMS,
    JUDGED_PREFIX,
    OLD_PREFIX,
    STORED,
    URLS,
    RedisLink,
    link_for,
)  # fmt: skip
from pipeline.extract.revision import rules_revision

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def is_done_value(value: bytes | None, since: dt.date | None) -> bool:
    """The meaning of a URLS hash value, as db.runs.url_is_done reads the `urls` table."""
    if value is None:
        return False
    if value in (STORED, ALIAS, GONE):
        return True
    if value.startswith(JUDGED_PREFIX):  # a verdict of these page rules, not of older ones
        return value[len(JUDGED_PREFIX):] == rules_revision().encode()
    if value.startswith(OLD_PREFIX) and since is not None:
        return value[len(OLD_PREFIX):].decode() < since.isoformat()
    return False


def push_event(link: RedisLink, kind: str, data: dict[str, Any] | str) -> None:
    """Append one message for the writer to the item stream."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    with link.guard() as r:
        r.xadd(ITEMS, {"kind": kind, "data": payload.encode()})


class RedisMemory:
    def __init__(self, link: RedisLink) -> None:
        self.link = link

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> RedisMemory:
        return cls(link_for(crawler))

    def is_done(self, url: str, since: dt.date | None) -> bool:
        with self.link.guard() as r:
            value = r.hget(URLS, url)
        return is_done_value(value, since)

    def stored_alias(self, urls: Sequence[str], canonical: str) -> bool:
        with self.link.guard() as r:
            if r.hget(URLS, canonical) != STORED:
                return False
            r.hset(URLS, mapping=dict.fromkeys(urls, ALIAS))
        push_event(self.link, "urls", {"urls": list(urls), "status": 200, "canonical": canonical})
        return True

    def remember(self, urls: Sequence[str], status: int, published: str | None = None) -> None:
        """A worker's own finding about pages; the writer records it in the database."""
        with self.link.guard() as r:
            for url in urls:
                if status in JUDGED_STATUSES:
                    r.hset(URLS, url, JUDGED_PREFIX + rules_revision().encode())
                elif status in DONE_STATUSES:
                    r.hset(URLS, url, GONE)
                elif published:
                    r.hsetnx(URLS, url, OLD_PREFIX + published.encode())
        push_event(self.link, "urls", {"urls": list(urls), "status": status,
                                       "published": published, "judged_by": rules_revision()})

    def remember_old(self, urls: Sequence[str], published: str) -> None:
        self.remember(urls, 200, published)

    def close(self) -> None:
        pass  # the link is the crawl's, closed by newsmon.crawl.redis_worker
