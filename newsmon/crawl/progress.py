"""A Scrapy extension printing one progress line per source on stderr every few seconds.

Switched on by NEWSMON_PROGRESS (newsmon crawl sets it when stderr is a terminal and --quiet is
not given); stdout stays reserved for the summary.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def progress_line(name: str, stats: dict) -> str:
    prefix = f"newsmon/source/{name}/"
    get = lambda key: stats.get(prefix + key, 0)  # noqa: E731
    return (
        f"[{name}] страниц {get('pages')}, новых статей {get('new_articles')}, "
        f"уже собранных {get('skipped_stored')}, ошибок {get('errors')}"
    )


class Progress:
    def __init__(self, crawler: Crawler, interval: float, stream: TextIO) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream
        self.last: dict[str, str] = {}
        self.task: Any = None  # Scrapy's looping call, from spider_opened

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        if not crawler.settings.getbool("NEWSMON_PROGRESS"):
            raise NotConfigured
        interval = crawler.settings.getfloat("NEWSMON_PROGRESS_INTERVAL", 10.0)
        ext = cls(crawler, interval, sys.stderr)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: object) -> None:
        self.task = create_looping_call(self.report)
        self.task.start(self.interval, now=False)

    def report(self) -> None:
        stats = self.crawler.stats.get_stats()
        for source in self.crawler.settings.getlist("NEWSMON_SOURCES"):
            line = progress_line(source.name, stats)
            if self.last.get(source.name) != line:  # only sources that moved
                self.last[source.name] = line
                print(line, file=self.stream, flush=True)

    def spider_closed(self, spider: object, reason: str) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
