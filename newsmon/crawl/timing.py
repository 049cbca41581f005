"""Where a crawl's time goes: seconds per stage in Scrapy's stats (`newsmon/time/<stage>`).

Stages: download (Scrapy's download latency per response), extract, tag, store (a local crawl or
the writer), push (a worker handing an article to Redis). Items overlap, so the stage sums may
exceed the wall time; benchmarks/bench_redis.py reports them per article.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

PREFIX = "newsmon/time/"


def add_time(stats: Any, stage: str, seconds: float) -> None:
    stats.inc_value(PREFIX + stage, seconds, start=0.0)


@contextmanager
def timed(stats: Any, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        add_time(stats, stage, time.perf_counter() - started)


def timings(stats: dict) -> dict[str, float]:
    return {k[len(PREFIX):]: float(v) for k, v in stats.items() if k.startswith(PREFIX)}


class DownloadTime:
    """Extension: adds each response's download latency to `newsmon/time/download`."""

    def __init__(self, crawler: Crawler) -> None:
        from scrapy import signals

        self.stats: Any = crawler.stats
        crawler.signals.connect(self.on_response, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DownloadTime:
        return cls(crawler)

    def on_response(self, response: Any, request: Any, spider: Any) -> None:
        latency = request.meta.get("download_latency")
        if latency:
            self.stats.inc_value(PREFIX + "download", float(latency), start=0.0)
