"""What workers share besides the frontier: the pagination gate and each outlet's request rate.

The gate (spiders/gate.py) follows a listing's next page once one article linked from it proved
new; with several workers, the listing is parsed by one and its articles fetched by others, so
the gate's count and the next pages live in Redis and any worker resolves them (a Lua script,
atomic). The politeness download handler spaces one outlet's requests across all workers: before a
download, a worker reserves the outlet's next free instant in Redis and waits for it, so two
workers never double an outlet's rate (DOWNLOAD_DELAY is then the outlet's interval for the
whole cluster, on top of each worker's own throttling).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING, Any

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.asyncio import sleep
from scrapy.utils.request import request_from_dict

from newsmon.crawl.redis_link import RedisLink, link_for, night_key, rate_key

if TYPE_CHECKING:
    from collections.abc import Callable

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

GATE_TTL = 2 * 24 * 3600  # seconds: a gate whose resolution was lost goes with its night

# Only a fresh resolution consumes a gate. A listing taken over from a dead worker is parsed again,
# and its articles, already queued by the dead one, come back as dupefilter drops (not fresh)
# before they are fetched: letting those close the gate would lose the next pages. Whether a
# gate is followed depends on fresh resolutions alone, so a gate left open changes nothing; it
# goes with its night.
_RESOLVE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
redis.call('HINCRBY', KEYS[1], 'left', -1)
if ARGV[1] == '1' then
  local following = redis.call('LRANGE', KEYS[2], 0, -1)
  redis.call('DEL', KEYS[1], KEYS[2])
  return following
end
return false
"""

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
if free < now then free = now end
redis.call('SET', KEYS[1], free + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return free - now
"""


class RedisPaginationGate:
    """spiders.gate.PaginationGate's interface, its state in Redis for every worker."""

    def __init__(self, link: RedisLink, night: str, spider: Spider,
                 schedule: Callable[[Any], None]) -> None:  # fmt: skip
        self.link, self.night, self.spider, self.schedule = link, night, spider, schedule
        self._resolve = link.client.register_script(_RESOLVE)
        self.released = 0
        self.stopped = 0

    def _keys(self, listing: str) -> list[str]:
        return [night_key(self.night, f"gate:{listing}"),
                night_key(self.night, f"gatefollow:{listing}")]  # fmt: skip

    def open(self, listing: str, articles: int, following: list[Any]) -> None:
        if not following:
            return
        if articles == 0:
            self.stopped += 1
            return
        gate, follow = self._keys(listing)
        encoded = [pickle.dumps(r.to_dict(spider=self.spider), protocol=4) for r in following]
        with self.link.guard() as r:
            pipe = r.pipeline()
            pipe.delete(follow)
            pipe.hset(gate, "left", articles)
            pipe.rpush(follow, *encoded)
            pipe.expire(gate, GATE_TTL)
            pipe.expire(follow, GATE_TTL)
            pipe.execute()

    def resolve(self, listing: str | None, *, fresh: bool) -> None:
        if not listing:
            return
        with self.link.guard():
            following = self._resolve(keys=self._keys(listing), args=["1" if fresh else "0"])
        if following is None:
            return
        self.released += 1
        for data in following:
            self.schedule(request_from_dict(pickle.loads(data), spider=self.spider))

    def join(self, article: str, listing: str) -> bool | None:
        """A listing linking an article this worker already requested: counted as fresh at once.
        Outcomes are not shared between workers, and waiting on one that another worker or an
        earlier night settled could close the listing's paging; an extra listing page is the
        safe side."""
        return True

    def resolve_article(self, article: str | None, listing: str | None, *, fresh: bool) -> None:
        self.resolve(listing, fresh=fresh)

    def close_all(self) -> None:
        """One worker idle is not the crawl idle: the gates stay for the others (and expire)."""


class PoliteDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, spacing one outlet's requests across every worker.

    The wait is taken here, when the request is about to go on the wire (after the worker's own
    per-outlet delay), not in a downloader middleware: a request waiting in a worker's slot queue
    after its reservation would otherwise reach the outlet right behind another worker's.
    The download timeout starts after the wait.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.link = link_for(crawler)
        settings = crawler.settings
        interval = settings.getfloat("NEWSMON_REDIS_OUTLET_INTERVAL", -1.0)
        if interval < 0:
            interval = settings.getfloat("DOWNLOAD_DELAY", 0.0)
        self.interval_ms = int(interval * 1000)
        self._reserve = self.link.client.register_script(_RESERVE)
        self.stats = crawler.stats

    async def download_request(self, request: Request) -> Response:
        slot = request.meta.get("download_slot")
        if slot and self.interval_ms > 0:
            with self.link.guard():
                wait_ms = int(self._reserve(keys=[rate_key(slot)], args=[self.interval_ms]))
            if wait_ms > 0:
                self.stats.inc_value("newsmon/redis/politeness_waits")
                await sleep(wait_ms / 1000)
        return await super().download_request(request)
