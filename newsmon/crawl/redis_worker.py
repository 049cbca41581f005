"""A worker of a distributed crawl: `newsmon crawl --redis URL`.

The same spider, extraction and tagging as a local crawl, with no database: the frontier is
scrapy-redis's in Redis (newsmon.crawl.redis_frontier), the memory of URLs is the hash the writer
publishes (newsmon.crawl.redis_memory), and each finished article goes to the item stream for the
one writer (`newsmon store --redis`). The worker registers with a heartbeat key that expires when
it dies; its Scrapy counters are added to the night's totals in Redis as it goes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DontCloseSpider

from newsmon.core.errors import RunError
from newsmon.crawl.records import article_record, to_json
from newsmon.crawl.redis_frontier import ack, others_busy, recover_dead, requeue
from newsmon.crawl.redis_link import (
    LEASED_BY,
    NIGHT,
    REDIS_DOWN_REASON,
    RedisDown,
    RedisLink,
    inflight_key,
    link_for,
    night_key,
    worker_key,
)  # fmt: skip
from newsmon.crawl.redis_memory import RedisMemory, push_event
from newsmon.crawl.redis_shared import RedisPaginationGate
from newsmon.crawl.timing import timed, timings
from spiders.news import NewsSpider

if TYPE_CHECKING:
    import scrapy
    from scrapy.crawler import Crawler

    from newsmon.sources.config import SourcesConfig
    from spiders.items import ArticleItem

logger = logging.getLogger(__name__)
WAIT_FOR_NIGHT = 60.0  # seconds a worker waits for the writer to open the night
WORKER_TTL = 30.0  # seconds without a heartbeat after which a worker counts as dead
STATS_PREFIX = "newsmon/source/"


class RedisNewsSpider(NewsSpider):
    """NewsSpider with its memory, gate and leases in Redis."""

    name = "news"

    def open_memory(self, crawler: Crawler) -> None:
        self.link = link_for(crawler)
        self.memory = RedisMemory(self.link)
        self.worker = crawler.settings["NEWSMON_WORKER_ID"]
        night = crawler.settings["NEWSMON_NIGHT"]
        gate = RedisPaginationGate(self.link, night, self, self._schedule)
        self.gate = gate  # type: ignore[assignment]  # PaginationGate's interface, shared

    def is_done(self, url: str) -> bool:
        return self.memory.is_done(url, self.since)

    def remember(self, urls: list[str], status: int) -> None:
        self.memory.remember(urls, status)

    def ack(self, request: Any) -> None:
        try:
            ack(self.link, self.worker, request)
        except RedisDown:
            pass  # the crawl is closing (redis_worker); the lease is requeued or expires

    # A page's lease ends once everything it led to is queued, pushed or failed.

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        yield from super().parse_feed(response)
        self.ack(response.request)

    def parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        yield from super().parse_sitemap(response)
        self.ack(response.request)

    def parse_listing(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        yield from super().parse_listing(response)
        self.ack(response.request)

    def on_error(self, failure: Any) -> None:
        try:
            super().on_error(failure)
        finally:
            self.ack(failure.request)

    def _on_item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        try:
            super()._on_item_scraped(item, response, spider)
        except RedisDown:
            pass  # the crawl is closing with one line (redis_worker)
        self.ack(response.request)

    def _on_item_dropped(self, item: Any, response: Any, exception: Exception, spider: Any) -> None:
        try:
            super()._on_item_dropped(item, response, exception, spider)
        except RedisDown:
            pass  # the crawl is closing with one line (redis_worker)
        self.ack(response.request)

    def _on_item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        try:
            super()._on_item_error(item, response, spider, failure)
        except RedisDown:
            pass  # the crawl is closing with one line (redis_worker)
        self.ack(response.request)

    def _on_spider_error(self, failure: Any, response: Any, spider: Any) -> None:
        if failure.check(RedisDown):
            return  # not the source's fault: the crawl is closing with one line (redis_worker)
        try:
            super()._on_spider_error(failure, response, spider)
        except RedisDown:
            pass

    def _on_request_dropped(self, request: Any, spider: Any) -> None:
        try:
            super()._on_request_dropped(request, spider)
        except RedisDown:
            pass

    def _on_idle(self, spider: Any) -> None:
        """Idle here is not the crawl idle: take over a dead worker's requests, and wait while
        another worker may still queue pages."""
        if self.link.failure is not None:
            return
        with self.link.guard() as r:
            if recover_dead(r, alive=self.worker) or others_busy(r, self.worker):
                raise DontCloseSpider

    def closed(self, reason: str) -> None:
        pass  # no database


class PushPipeline:
    """The last stage of a worker: the finished article goes to the writer's stream."""

    def __init__(self, crawler: Crawler) -> None:
        self.link = link_for(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PushPipeline:
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        with timed(self.stats, "push"):
            push_event(self.link, "article", to_json(article_record(item)))
        return item


class Heartbeat(threading.Thread):
    """Keeps the worker's key alive from a thread of its own (tagging may hold the reactor for
    seconds); adds the crawl's counters to the night's totals in Redis."""

    def __init__(self, url: str, worker: str, night: str, ttl: float) -> None:
        super().__init__(name="redis-heartbeat", daemon=True)
        self.link = RedisLink(url)
        self.worker, self.night, self.ttl = worker, night, ttl
        self.stop_event = threading.Event()
        self.stats: Any = None  # the crawler's StatsCollector, once it exists
        self.synced: dict[str, int] = {}
        self.errors: list[BaseException] = []

    def beat(self) -> None:
        with self.link.guard() as r:
            r.set(worker_key(self.worker), self.night, px=int(self.ttl * 1000))

    def sync_stats(self) -> None:
        if self.stats is None:
            return
        for _ in range(3):  # the reactor thread may change the dict while it is copied
            try:
                snapshot = dict(self.stats.get_stats())
                break
            except RuntimeError:
                continue
        else:
            return
        pipe = self.link.client.pipeline()
        changed = False
        for name, value in snapshot.items():
            if not name.startswith(STATS_PREFIX):
                continue
            field_name = name[len(STATS_PREFIX):]
            if isinstance(value, int):
                delta = value - self.synced.get(name, 0)
                if delta:
                    pipe.hincrby(night_key(self.night, "stats"), field_name, delta)
                    self.synced[name] = value
                    changed = True
            elif isinstance(value, str) and self.synced.get(name) != hash(value):
                pipe.hset(night_key(self.night, "stats"), field_name, value)
                self.synced[name] = hash(value)
                changed = True
        if changed:
            with self.link.guard():
                pipe.execute()

    def run(self) -> None:
        while not self.stop_event.wait(self.ttl / 4):
            try:
                self.beat()
                self.sync_stats()
            except RedisDown as exc:
                self.errors.append(exc)
                return

    def stop(self) -> None:
        self.stop_event.set()
        if self.is_alive():
            self.join(timeout=self.ttl)


@dataclass
class WorkerResult:
    worker: str
    status: str  # ok (finished), interrupted, failed (Redis down)
    per_source: dict[str, dict] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage (crawl.timing)

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "ok" else 1


def worker_settings(base: dict, url: str, worker: str, night: str) -> dict:
    return {
        **base,
        "NEWSMON_REDIS_URL": url,
        "NEWSMON_WORKER_ID": worker,
        "NEWSMON_NIGHT": night,
        "SCHEDULER": "newsmon.crawl.redis_frontier.LeasedScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "ITEM_PIPELINES": {
            "newsmon.crawl.pipelines.CanonicalPipeline": 100,
            "newsmon.crawl.pipelines.ExtractPipeline": 300,
            "newsmon.crawl.pipelines.TagPipeline": 500,
            "newsmon.crawl.redis_worker.PushPipeline": 900,
        },
        "DOWNLOAD_HANDLERS": {
            "http": "newsmon.crawl.redis_shared.PoliteDownloadHandler",
            "https": "newsmon.crawl.redis_shared.PoliteDownloadHandler",
        },
    }


def register(link: RedisLink, worker: str, ttl: float, wait: float) -> str:
    """Join the night the writer opened; RunError when none opens within `wait` seconds."""
    night_raw = link.wait_for(NIGHT, wait)
    if night_raw is None:
        raise RunError(
            f"Нет открытого сбора в Redis: сначала запустите newsmon store --redis {link.url} "
            f"на машине с базой (ждали {wait:g} с)"
        )
    night = night_raw.decode()
    with link.guard() as r:
        r.set(worker_key(worker), night, px=int(ttl * 1000))
        r.sadd(night_key(night, "workers"), worker)
        recover_dead(r, alive=worker)
    return night


def leave(link: RedisLink, worker: str, status: str) -> None:
    """Deregister; a worker that did not finish puts back what it had not done."""
    with link.guard() as r:
        if status == "ok":
            r.delete(inflight_key(worker))
            r.srem(LEASED_BY, worker)
        else:
            requeue(r, worker)
        r.delete(worker_key(worker))


def run_worker(
    config: SourcesConfig, url: str, *, since: dt.date | None, only: tuple[str, ...] = (),
    log_level: str | None = None, progress: bool = False, settings: dict | None = None,
) -> WorkerResult:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.defer import deferred_from_coro

    from newsmon.crawl.run import QUIET_LOGGERS, SpiderEnding, crawl_settings, per_source_stats

    settings = dict(settings or {})
    sources = config.select(only)
    if settings.get("NEWSMON_TAG_ENABLED", True):
        from pipeline.tag.run import load_tag_config

        load_tag_config(config.user_dir)
    ttl = float(settings.get("NEWSMON_REDIS_WORKER_TTL", WORKER_TTL))
    wait = float(settings.get("NEWSMON_REDIS_WAIT", WAIT_FOR_NIGHT))
    worker = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
    link = RedisLink(url)
    link.ping()
    night = register(link, worker, ttl, wait)
    heartbeat = Heartbeat(url, worker, night, ttl)
    heartbeat.start()
    if log_level:
        logging.getLogger().setLevel(log_level)
    level = logging.getLogger().getEffectiveLevel()
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)
    process = CrawlerProcess(crawl_settings(
        config, sources, Path(os.devnull), 0, since, log_level=log_level or "INFO",
        progress=progress, overrides=worker_settings(settings, url, worker, night),
    ))  # fmt: skip
    if level >= logging.WARNING:
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    crawler = process.create_crawler(RedisNewsSpider)
    crawler.newsmon_link = link  # type: ignore[attr-defined]
    ending = SpiderEnding()
    crawler.signals.connect(ending.on_closed, signal=signals.spider_closed)

    def on_redis_failure(message: str) -> None:
        if crawler.engine is not None and crawler.engine.running:
            deferred_from_coro(crawler.engine.close_spider_async(reason=REDIS_DOWN_REASON))

    link.on_failure.append(on_redis_failure)
    status = "interrupted"
    try:
        process.crawl(crawler, sources=list(sources), since=since, db_path=os.devnull)
        heartbeat.stats = crawler.stats
        process.start()
    finally:
        heartbeat.stop()
        if heartbeat.errors and link.failure is None:
            link.failure = str(heartbeat.errors[0])
        if ending.reason == "finished" and link.failure is None:
            status = "ok"
        elif link.failure is not None:
            status = "failed"
        if link.failure is None:
            try:
                heartbeat.sync_stats()
                leave(link, worker, status)
            except RedisDown:
                pass
        heartbeat.link.close()
        link.close()
    if link.failure is not None:
        raise RedisDown(link.failure)
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return WorkerResult(worker, status, per_source_stats(stats, sources), timings(stats))
