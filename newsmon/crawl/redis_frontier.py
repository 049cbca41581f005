"""The shared frontier: scrapy-redis's scheduler and dupefilter, with leases so a killed worker
loses nothing.

scrapy-redis pops a request from the Redis list and forgets it: a worker killed with kill -9
takes its popped requests with it. Here a pop moves the request, atomically (a Lua script), into
the worker's in-flight hash under a lease id carried in `request.meta`; the worker acknowledges
the lease when the request's page is done (its item is on the stream, its links are queued, or
it failed). When a worker's heartbeat key expires, any worker (or the writer) puts the dead
worker's in-flight requests back at the head of the frontier: at-least-once, and the writer
stores an article once by its URL. The dupefilter is per night (feeds, sitemaps and listings are
read again each night); article pages are kept out by the published URL memory instead.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import FifoQueue
from scrapy_redis.scheduler import Scheduler

from newsmon.crawl.redis_link import (
    LEASED_BY,
    LEASES,
    REQUESTS,
    Client,
    RedisDown,
    RedisLink,
    inflight_key,
    link_for,
    night_key,
    worker_key,
)  # fmt: skip

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
LEASE = "newsmon_lease"  # request.meta key: the lease id of a request popped from the frontier

_POP = """
local data = redis.call('RPOP', KEYS[1])
if not data then return false end
local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], id, data)
redis.call('SADD', KEYS[4], ARGV[1])
return {id, data}
"""
_REQUEUE = """
local vals = redis.call('HVALS', KEYS[1])
for _, v in ipairs(vals) do redis.call('RPUSH', KEYS[2], v) end
redis.call('DEL', KEYS[1])
return #vals
"""


class LeasedQueue(FifoQueue):
    """scrapy-redis's FIFO queue (LPUSH/RPOP) whose pop leases the request to this worker."""

    def __init__(self, server: Client, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        self.worker = spider.settings["NEWSMON_WORKER_ID"]
        self._pop = server.register_script(_POP)

    def pop(self, timeout: int = 0) -> Request | None:
        found = self._pop(keys=[self.key, inflight_key(self.worker), LEASES, LEASED_BY],
                          args=[self.worker])  # fmt: skip
        if not found:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = int(lease)
        return request


def ack(link: RedisLink, worker: str, request: Any) -> None:
    """The request's page is done: forget its lease (redirects and retries keep the meta)."""
    lease = request.meta.pop(LEASE, None) if request is not None else None
    if lease is not None:
        with link.guard() as r:
            r.hdel(inflight_key(worker), lease)


def requeue(client: Client, worker: str) -> int:
    """Put a worker's in-flight requests back at the head of the frontier."""
    moved = int(client.register_script(_REQUEUE)(keys=[inflight_key(worker), REQUESTS]))
    client.srem(LEASED_BY, worker)
    return moved


def recover_dead(client: Client, *, alive: str | None = None) -> int:
    """Requeue the in-flight requests of every worker whose heartbeat expired."""
    moved = 0
    for raw in client.smembers(LEASED_BY):
        worker = raw.decode()
        if worker != alive and not client.exists(worker_key(worker)):
            n = requeue(client, worker)
            if n:
                logger.warning("requeued %d requests of dead worker %s", n, worker)
            moved += n
    return moved


def others_busy(client: Client, me: str) -> bool:
    """Another live worker holds leased requests: it may still queue new ones."""
    for raw in client.smembers(LEASED_BY):
        worker = raw.decode()
        if worker != me and client.exists(worker_key(worker)) and client.hlen(inflight_key(worker)):
            return True
    return False


class LeasedScheduler(Scheduler):
    """scrapy-redis's scheduler on the crawl's link: a Redis failure closes the crawl with one
    line (newsmon.crawl.redis_worker) instead of an error per request."""

    link: RedisLink

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeasedScheduler:
        link = link_for(crawler)
        night = crawler.settings["NEWSMON_NIGHT"]
        dupefilter = RFPDupeFilter(link.client, key=night_key(night, "dupefilter"))
        instance = cls(
            server=link.client, persist=True, queue_key=REQUESTS,
            queue_cls=f"{LeasedQueue.__module__}.{LeasedQueue.__qualname__}",
            dupefilter=dupefilter, idle_before_close=0,
        )  # fmt: skip
        # scrapy-redis counts enqueued/dequeued with a `spider` argument Scrapy deprecated (a
        # warning per run on stderr); Scrapy's own scheduler counters are not needed here.
        instance.stats = None
        instance.link = link
        return instance

    def open(self, spider: Spider) -> None:
        with self.link.guard():
            super().open(spider)

    def enqueue_request(self, request: Request) -> bool:
        # A retry or a redirect carries its original's lease: the copy now queued (or dropped as
        # seen) replaces the original, whose lease ends here.
        lease = request.meta.pop(LEASE, None)
        try:
            with self.link.guard() as r:
                queued = bool(super().enqueue_request(request))
                if lease is not None:
                    r.hdel(inflight_key(self.spider.settings["NEWSMON_WORKER_ID"]), lease)
                return queued
        except RedisDown:
            return False

    def next_request(self) -> Request | None:
        try:
            with self.link.guard():
                return super().next_request()
        except RedisDown:
            return None

    def has_pending_requests(self) -> bool:
        try:
            with self.link.guard():
                return bool(super().has_pending_requests())
        except RedisDown:
            return False

    def close(self, reason: str) -> None:
        pass  # persist: the frontier is shared; other workers go on
