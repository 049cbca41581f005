"""Thin Scrapy adapters around the pipeline stages; the logic lives in plain functions.

Order (newsmon/crawl/settings.py): canonical 100 → extract 300 → tag 500 → cluster 700 → store 900.
Each drop has its own DropItem subclass, so Scrapy's stats count drops per reason.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from typing import TYPE_CHECKING, Any, NoReturn

from scrapy.exceptions import DropItem, NotConfigured

from db import BUSY_TIMEOUT, is_disk_full, open_db
from db.stories import StoryIndex
from newsmon.crawl.batcher import MicroBatcher
from newsmon.crawl.memory import open_memory
from newsmon.crawl.records import article_record, store_record
from newsmon.crawl.run import DISK_FULL_REASON
from newsmon.crawl.timing import add_time, timed
from newsmon.crawl.workers import StagePool, default_workers
from newsmon.sources.voice import republishes, speaks_for_home
from pipeline.cluster.minhash import signature, to_bytes
from pipeline.extract.canonical import find_canonical, forwarded_from, republished_original
from pipeline.extract.cascade import MIN_TEXT_CHARS  # less main text: not an article page (NoText)
from pipeline.extract.dates import WEAK_METHODS
from pipeline.extract.localtime import local_time
from pipeline.extract.pagetype import headline_verdict, non_article_reason
from pipeline.tag.home_region import names_the_region
from pipeline.tag.own_work import with_source

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from pipeline.extract.cascade import Extracted
    from spiders.items import ArticleItem


class AlreadyStored(DropItem):
    """The page's canonical URL is already an article (e.g. reached through a utm link)."""


class NoText(DropItem):
    """Extraction found no main text: not an article page."""


class NotArticle(DropItem):
    """A home, listing or service page (sitemaps list those too)."""


# An undated page this long reads like an article and is asked again on the next nights; a
# shorter one (a calendar entry, a notice) is left at once.
UNDATED_RETRY_MIN_CHARS = 500


class Undated(DropItem):
    """Prose with no publication date on the page or in a feed: asked again for a few nights
    (db.runs.UNDATED_RETRY_DAYS), then left as no article."""


class TooOld(DropItem):
    """Published before --since."""


class NotStored(DropItem):
    """The database refused the article (locked past the busy timeout, disk full): its URL is
    not remembered, so the next run fetches it again; the run ends `partial` or `failed`."""


class _WithDb:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        # newsmon/crawl/run.py opened (and migrated) the database before the engine started.
        self.db = open_db(
            crawler.settings["NEWSMON_DB_PATH"], migrate=False,
            timeout=crawler.settings.getfloat("NEWSMON_DB_TIMEOUT", BUSY_TIMEOUT),
        )  # fmt: skip

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def close_spider(self) -> None:
        self.db.conn.close()

    def count(self, item: ArticleItem, key: str) -> None:
        self.crawler.stats.inc_value(f"newsmon/source/{item.source}/{key}")


class _WithMemory:
    """A stage that reads and writes the memory of URLs: the database, or Redis for a worker
    of a distributed crawl (newsmon.crawl.memory)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.memory = open_memory(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)

    def close_spider(self) -> None:
        self.memory.close()


class CanonicalPipeline(_WithMemory):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.homes = {s.name: s.region_iso for s in crawler.settings["NEWSMON_SOURCES"]}

    def process_item(self, item: ArticleItem) -> ArticleItem:
        # A material its source kind extracted itself (a Telegram post) is known by its own URL.
        item.canonical = item.url if item.extracted else find_canonical(item.body, item.url)
        original = None if item.extracted else republished_original(item.body, item.url)
        if original:
            item.links.append((original, "forward"))
        elif not item.extracted:
            forward = forwarded_from(item.body, item.url)
            # A forward from a body of the outlet's own region («Минсоцразвития Камчатского
            # края» on the centre's mirrored channel) still speaks for the home region.
            if forward and not names_the_region(forward.name, self.homes.get(item.source)):
                item.links.append((forward.original, "forward"))
        if self.memory.stored_alias(item.request_urls, item.canonical):
            raise AlreadyStored(f"already stored as {item.canonical}")
        return item


def extract_signed(
    body: bytes, url: str, *, sign: bool, **options: Any
) -> tuple[Extracted, bytes | None]:
    """Extraction, and with `sign` the text's MinHash too: the CPU-bound part, for a worker."""
    from pipeline.extract.cascade import extract

    extracted = extract(body, url, **options)
    long_enough = len(extracted.text.strip()) >= MIN_TEXT_CHARS
    return extracted, (to_bytes(signature(extracted.text, extracted.title or ""))
                       if sign and long_enough else None)


def extract_timed(body: bytes, url: str, **options: Any) -> tuple[Any, float]:
    """extract_signed and the seconds it took in the process that ran it (queueing excluded)."""
    started = time.perf_counter()
    result = extract_signed(body, url, **options)
    return result, time.perf_counter() - started


class ExtractPipeline(_WithMemory):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.sources = {s.name: s for s in crawler.settings["NEWSMON_SOURCES"]}
        self.since: dt.date | None = crawler.settings["NEWSMON_SINCE"]
        workers = crawler.settings.getint("NEWSMON_EXTRACT_WORKERS", 0)
        self.pool = StagePool(default_workers() if workers < 0 else workers)
        # One worker is busy with extraction alone; the MinHash then balances the crawl process.
        self.sign_in_worker = self.pool.workers >= 2

    def close_spider(self) -> None:
        self.pool.close()
        super().close_spider()

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        source = self.sources[item.source]
        if item.extracted is not None:  # extracted by its source kind: short posts are materials
            return self.check_extracted(item)
        reason = non_article_reason(
            item.canonical or item.url, source.url, item.body, outlet_home=item.outlet_home
        )
        if reason:
            raise NotArticle(f"{reason}: {item.url}")
        (extracted, item.signature), seconds = await self.pool.run(  # the reactor fetches meanwhile
            extract_timed, item.body, item.url, sign=self.sign_in_worker,
            crawl_time=local_time(dt.datetime.fromisoformat(item.fetched_at), source.region_iso),
            overrides=source.selectors, encoding=item.encoding,
        )
        add_time(self.crawler.stats, "extract", seconds)
        if len(extracted.text.strip()) < MIN_TEXT_CHARS:
            raise NoText(f"no main text at {item.url}")
        # A post's headline read from its first line («Анонс: встреча клуба…», «Подкаст «Свои»,
        # эпизод 7: …»), which the page's structure could not see
        by_headline = headline_verdict(extracted.title or "", len(extracted.text))
        if by_headline:
            raise NotArticle(f"{by_headline}: {item.url}")
        # A page printing the feed's instant in the zone the feed wrote it (Plume shows UTC,
        # unmarked) gives a day the outlet's readers did not see: the feed's own day is theirs.
        unconverted = extracted.published is not None and item.feed_written_date == str(
            extracted.published
        )
        if item.feed_date and (
            extracted.published is None or extracted.date_method in WEAK_METHODS or unconverted
        ):
            extracted.published = dt.date.fromisoformat(item.feed_date)
            extracted.date_method = "feed"
        if extracted.published is None:
            # News is dated; a page with no date anywhere (nor in a feed that lists it) is a
            # service, document or profile page written as prose — and could count in no period.
            reason = f"no publication date on the page or in a feed: {item.url}"
            if len(extracted.text) >= UNDATED_RETRY_MIN_CHARS:
                raise Undated(reason)  # a text of an article's length: asked again
            raise NotArticle(reason)  # a calendar entry, a notice: left at once
        if self.since and extracted.published and extracted.published < self.since:
            self.memory.remember_old(item.request_urls, extracted.published.isoformat())
            raise TooOld(f"published {extracted.published} before {self.since}")
        item.extracted = extracted
        return item

    def check_extracted(self, item: ArticleItem) -> ArticleItem:
        """A material its kind extracted (a Telegram post): only the --since bound applies."""
        ex = item.extracted
        assert ex is not None
        if not ex.text.strip():
            raise NoText(f"no text at {item.url}")
        if self.since and ex.published and ex.published < self.since:
            self.memory.remember_old(item.request_urls, ex.published.isoformat())
            raise TooOld(f"published {ex.published} before {self.since}")
        return item


class TagPipeline:
    """Tags articles in small batches (newsmon.crawl.batcher): Natasha's NER is cheaper in bulk."""

    def __init__(self, crawler: Crawler) -> None:
        from pipeline.tag.run import load_tag_config, tag_many

        self.sources = {s.name: s for s in crawler.settings["NEWSMON_SOURCES"]}
        config = load_tag_config(crawler.settings["NEWSMON_USER_DIR"])
        self.topics = config.topics

        def tag_batch(batch: list) -> list:
            with timed(crawler.stats, "tag"):
                return tag_many(batch, config)

        self.batcher = MicroBatcher(
            tag_batch,
            size=crawler.settings.getint("NEWSMON_TAG_BATCH", 16),
            wait=crawler.settings.getfloat("NEWSMON_TAG_BATCH_WAIT", 0.05),
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        if not crawler.settings.getbool("NEWSMON_TAG_ENABLED", True):
            raise NotConfigured  # benchmarks: store untagged
        return cls(crawler)

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        ex = item.extracted
        assert ex is not None
        source = self.sources[item.source]
        home = source.region_iso
        item.tags = tags = await self.batcher.submit((ex.text, ex.title or "", home))
        names = (source.title, *ex.site_names)
        with_source(tags, ex.text, ex.title or "", home, names, self.topics,
                    home_voice=speaks_for_home(source.kind, names, item.links),
                    republished=republishes(item.links))
        return item


def _crawl_instant(crawler: Crawler) -> dt.datetime | None:
    """NEWSMON_CRAWL_TIME (a replayed night's instant; -s values arrive parsed as YAML), or None
    for the clock: the night the story index's window ends."""
    value = crawler.settings.get("NEWSMON_CRAWL_TIME")
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


class StorePipeline(_WithDb):
    """Clusters the article into a story and stores it with its tags in one transaction."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.run_id = crawler.settings.getint("NEWSMON_RUN_ID") or None
        # Recent articles only: reprints follow their original within weeks, and a million
        # stored signatures would take minutes and gigabytes to load every night.
        self.index = StoryIndex.from_db(self.db, now=_crawl_instant(crawler))

    def process_item(self, item: ArticleItem) -> ArticleItem:
        record = article_record(item)
        try:
            with timed(self.crawler.stats, "store"):
                article_id = store_record(self.db, self.index, record, self.run_id)
        except sqlite3.OperationalError as exc:
            self.not_stored(item, exc)
        if article_id is None:
            raise AlreadyStored(f"already stored as {item.canonical}")
        self.count(item, "new_articles")
        if record.relevant:
            self.count(item, "relevant")
        return item

    def not_stored(self, item: ArticleItem, exc: sqlite3.OperationalError) -> NoReturn:
        """Count the loss for the run's status; on a full disk stop fetching at once."""
        self.count(item, "not_stored")
        self.count(item, "errors")
        reason = f"не удалось сохранить {item.canonical}: {exc}"
        self.crawler.stats.set_value(f"newsmon/source/{item.source}/last_error", reason)
        if is_disk_full(exc) and not self.crawler.stats.get_value("newsmon/disk_full"):
            from scrapy.utils.defer import deferred_from_coro

            self.crawler.stats.set_value("newsmon/disk_full", str(exc))
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=DISK_FULL_REASON))
        raise NotStored(reason)
