"""The one writer of a distributed crawl: `newsmon store --redis URL --db D`.

It holds the database's crawl lock (a local crawl or a second writer on the same database is
refused), records the run, opens the night in Redis, publishes the URLs the database already
knows, then stores what workers push on the item stream through the local crawl's own code path
(newsmon.crawl.records.store_record: story clustering, FTS, URL memory), acknowledging each entry
only after its transaction committed: a writer killed mid-run gets its unacknowledged entries
again from the stream's consumer group, and an article already stored by its URL is not stored
twice. It stops when at least one worker joined, no worker is alive any more, and the stream is
empty (docs/scale-out.md).
"""

from __future__ import annotations

import json
import logging
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsmon.core.errors import RunError
from newsmon.crawl.records import from_json, store_record
from newsmon.crawl.redis_link import (
    ALIAS,
    GONE,
    ITEMS,
    JUDGED_PREFIX,
    LEASED_BY,
    NIGHT,
    OLD_PREFIX,
    REQUESTS,
    STORED,
    URLS,
    WRITER_GROUP,
    Client,
    RedisDown,
    RedisLink,
    inflight_key,
    night_key,
    worker_key,
)  # fmt: skip
from newsmon.crawl.run import COUNT_KEYS, CrawlResult, crawl_lock, run_status

if TYPE_CHECKING:
    from sqlite_utils import Database

    from newsmon.sources.config import SourcesConfig

logger = logging.getLogger(__name__)
CONSUMER = "writer"  # one writer per database: the lock makes sure
BATCH = 200  # stream entries read at once
BLOCK_MS = 1000  # a read waits this long for new entries
PUBLISH_CHUNK = 5000


@dataclass
class StoreOptions:
    wait: float = 600.0  # seconds to wait for the first worker
    grace: float = 10.0  # seconds the stop condition must hold (a late worker may still join)


def open_night(r: Client, run_id: int) -> str:
    """Resume the open night while a worker of it is alive or its items wait on the stream (a
    writer restarted mid-run); else a new one, with the old night's dupefilter, gates and
    counters gone."""
    current = r.get(NIGHT)
    if current is not None:
        night = current.decode()
        workers = r.smembers(night_key(night, "workers"))
        if r.xlen(ITEMS) or any(r.exists(worker_key(w.decode())) for w in workers):
            return night
        close_night(r, night)
    night = f"{run_id}-{int(time.time())}"
    r.set(NIGHT, night)
    return night


def close_night(r: Client, night: str) -> None:
    for name in r.scan_iter(match=night_key(night, "*"), count=1000):
        r.delete(name)
    if r.get(NIGHT) == night.encode():
        r.delete(NIGHT)


def publish_urls(db: Database, r: Client) -> int:
    """Every URL the database will not fetch again, into the hash workers ask before fetching."""
    from db.runs import known_urls
    from pipeline.extract.revision import rules_revision

    judge = rules_revision()
    marks = {"article": STORED, "alias": ALIAS, "done": GONE,
             "judged": JUDGED_PREFIX + judge.encode()}  # fmt: skip
    n = 0
    mapping: dict[str, bytes] = {}
    stale: list[str] = []
    for url, kind, published in known_urls(db, judge=judge):
        if kind == "stale":  # refused by older page rules (an older release's mark): ask again
            stale.append(url)
            continue
        mapping[url] = marks.get(kind) or OLD_PREFIX + (published or "").encode()
        if len(mapping) >= PUBLISH_CHUNK:
            r.hset(URLS, mapping=mapping)
            n += len(mapping)
            mapping = {}
    if mapping:
        r.hset(URLS, mapping=mapping)
        n += len(mapping)
    for start in range(0, len(stale), PUBLISH_CHUNK):
        r.hdel(URLS, *stale[start:start + PUBLISH_CHUNK])
    return n


def ensure_group(r: Client) -> None:
    import redis as redis_lib

    try:
        r.xgroup_create(ITEMS, WRITER_GROUP, id="0", mkstream=True)
    except redis_lib.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


class Writer:
    def __init__(self, db: Database, link: RedisLink, run_id: int) -> None:
        from db.stories import StoryIndex

        self.db, self.link, self.run_id = db, link, run_id
        self.index = StoryIndex.from_db(db)
        self.stored = 0
        self.store_seconds = 0.0  # in store_record: clustering, SQLite, FTS
        self.not_stored = 0
        self.rejected = 0  # malformed entries
        self.last_error: str | None = None

    def handle(self, fields: dict[bytes, bytes]) -> dict[str, bytes]:
        """Write one stream entry; return the URL marks to publish once it is committed."""
        from db.runs import remember_urls
        from db.store import article_id_for

        kind, data = fields[b"kind"].decode(), fields[b"data"]
        if kind == "article":
            record = from_json(data)
            started = time.perf_counter()
            article_id = store_record(self.db, self.index, record, self.run_id)
            self.store_seconds += time.perf_counter() - started
            if article_id is not None:
                self.stored += 1
            marks = dict.fromkeys(record.request_urls, ALIAS)
            marks[record.url] = STORED
            return marks
        if kind == "urls":
            event = json.loads(data)
            article_id = article_id_for(self.db, event["canonical"]) if event.get("canonical") else None
            remember_urls(self.db, event["urls"], event["status"], article_id=article_id,
                          published=event.get("published"), judged_by=event.get("judged_by"))
            return {}
        logger.warning("unknown stream entry kind %r", kind)
        return {}

    def drain(self, r: Client, entries: list[tuple[bytes, dict[bytes, bytes]]]) -> int:
        """Store a batch; each entry is acknowledged (and deleted) after its commit."""
        import sqlite3

        done: list[bytes] = []
        marks: dict[str, bytes] = {}
        try:
            for entry_id, fields in entries:
                if not fields:  # deleted meanwhile
                    done.append(entry_id)
                    continue
                try:
                    marks.update(self.handle(fields))
                except (ValueError, KeyError, TypeError) as exc:
                    # Not something a worker of this version wrote: dropped, not retried forever.
                    self.rejected += 1
                    logger.warning("dropped stream entry %s: %r", entry_id, exc)
                done.append(entry_id)
        except sqlite3.OperationalError as exc:
            # Locked past the busy timeout or disk full: not acknowledged, stored next time.
            self.not_stored += 1
            self.last_error = f"не удалось сохранить: {exc}"
            raise
        finally:
            if done:
                with self.link.guard():
                    pipe = r.pipeline()
                    if marks:
                        pipe.hset(URLS, mapping=marks)
                    pipe.xack(ITEMS, WRITER_GROUP, *done)
                    pipe.xdel(ITEMS, *done)
                    pipe.execute()
        return len(done)


def night_stats(r: Client, night: str, config: SourcesConfig) -> dict[str, dict]:
    raw = {k.decode(): v.decode() for k, v in r.hgetall(night_key(night, "stats")).items()}
    per_source = {}
    for source in config.sources:
        row: dict[str, Any] = {key: int(raw.get(f"{source.name}/{key}", 0)) for key in COUNT_KEYS}
        row["last_error"] = raw.get(f"{source.name}/last_error")
        per_source[source.name] = row
    return per_source


def unfinished_pages(r: Client) -> int:
    """Pages still queued or leased by a worker that died: the next night crawls them."""
    leased = sum(r.hlen(inflight_key(w.decode())) for w in r.smembers(LEASED_BY))
    return int(r.llen(REQUESTS)) + int(leased)


def workers_state(r: Client, night: str) -> tuple[int, int]:
    """(workers that joined the night, workers alive)."""
    workers = [w.decode() for w in r.smembers(night_key(night, "workers"))]
    return len(workers), sum(1 for w in workers if r.exists(worker_key(w)))


class _Stop:
    def __init__(self) -> None:
        self.signalled = False

    def __call__(self, signum: int, frame: Any) -> None:
        if self.signalled:
            raise KeyboardInterrupt
        self.signalled = True


def run_store(
    config: SourcesConfig, db_path: Path, url: str, options: StoreOptions | None = None
) -> CrawlResult:
    """Store what the workers push until they are done; the run's record and status."""
    import sqlite3

    from db import open_db
    from db.runs import finish_run, start_run
    from db.store import sync_sources

    options = options or StoreOptions()
    link = RedisLink(url)
    link.ping()
    stop = _Stop()
    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        with crawl_lock(db_path):
            db = open_db(db_path)
            sync_sources(db, config.sources)
            run_id = start_run(db, None)
            result = CrawlResult(run_id, "failed", {})
            night: str | None = None
            ending = "finished"
            writer: Writer | None = None
            try:
                with link.guard() as r:
                    night = open_night(r, run_id)
                    ensure_group(r)
                    publish_urls(db, r)
                writer = Writer(db, link, run_id)
                ending = _loop(writer, link, night, options, stop)
            except RedisDown:
                ending = "redis_down"
                raise
            except sqlite3.OperationalError as exc:
                from db import is_disk_full

                ending = "disk_full" if is_disk_full(exc) else "db_error"
                raise RunError(f"Не удалось записать в базу {db_path}: {exc}") from None
            finally:
                per_source: dict[str, dict] = {}
                if night is not None and link.failure is None:
                    with link.guard() as r:
                        per_source = night_stats(r, night, config)
                        if ending == "finished":
                            result.unfinished = unfinished_pages(r)
                            close_night(r, night)
                result.per_source = per_source
                if writer is not None:
                    result.timings = {"store": writer.store_seconds}
                if ending in ("finished", "no_workers"):
                    result.status = run_status("finished", result, len(config.sources))
                    if result.unfinished and result.status == "ok":
                        result.status = "partial"
                    if ending == "no_workers":
                        result.status = "failed"
                elif ending == "interrupted":
                    result.status = "interrupted"
                result.totals = finish_run(db, run_id, result.status, result.per_source)
                db.conn.close()
            if ending == "no_workers":
                raise RunError(f"За {options.wait:g} с ни один сборщик (newsmon crawl --redis) "
                               f"не подключился; сохранено статей: {result.totals['new_articles']}")
            return result
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        link.close()


def _loop(writer: Writer, link: RedisLink, night: str, options: StoreOptions, stop: _Stop) -> str:
    started = time.monotonic()
    quiet_since: float | None = None
    backlog = True  # first our own unacknowledged entries (a writer killed mid-run)
    while not stop.signalled:
        with link.guard() as r:
            read = r.xreadgroup(WRITER_GROUP, CONSUMER, {ITEMS: "0" if backlog else ">"},
                                count=BATCH, block=None if backlog else BLOCK_MS)  # fmt: skip
        entries = read[0][1] if read else []
        if backlog and not entries:
            backlog = False
            continue
        if entries:
            writer.drain(link.client, entries)
            quiet_since = None
            continue
        with link.guard() as r:
            joined, alive = workers_state(r, night)
            queued = r.xlen(ITEMS)
        if joined == 0:
            if time.monotonic() - started > options.wait:
                return "no_workers"
            continue
        if alive or queued:
            quiet_since = None
            continue
        quiet_since = quiet_since or time.monotonic()
        if time.monotonic() - quiet_since >= options.grace:
            return "finished"
    return "interrupted"
