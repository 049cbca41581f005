"""The one spider: per source, feeds → sitemaps → listing pages, then article pages.

Discovery parsing lives in spiders/discovery.py; stored URLs are skipped *before* a request is
made, so a nightly run downloads only feeds, sitemaps, listings and new articles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from db import open_db
from db.runs import now_iso, record_url, url_is_done
from pipeline.items import ArticleItem
from spiders.discovery import Entry, classify_links, parse_feed, parse_sitemap
from spiders.urls import canonical_url, same_origin

if TYPE_CHECKING:
    from newsmon.config import Source

MAX_LISTING_PAGES = 30  # per source and run: pagination beyond this is archive, reached by --since runs
MAX_SITEMAP_DEPTH = 3


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, sources: list[Source], since: dt.date | None, db_path: str, **kw: Any):
        super().__init__(**kw)
        self.sources = {s.name: s for s in sources}
        self.since = since
        self.db = open_db(db_path)
        self.listing_pages: dict[str, int] = {}

    # -- bookkeeping -------------------------------------------------------------------------

    def _count(self, source: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"newsmon/source/{source}/{key}", n)

    def _meta(self, source: Source, **extra: Any) -> dict[str, Any]:
        # download_slot per source: outlets sharing a host (differing by port) throttle apart.
        return {"source": source.name, "download_slot": source.name, **extra}

    def _request(self, url: str, source: Source, callback, **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, meta=self._meta(source, **meta)
        )

    # -- discovery ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources.values():
            for feed in source.feeds:
                yield self._request(feed, source, self.parse_feed, kind="feed")
            for sitemap in source.sitemaps:
                yield self._request(sitemap, source, self.parse_sitemap, kind="sitemap", depth=0)
            if not source.feeds and not source.sitemaps:
                yield self._request(source.url, source, self.parse_listing, kind="listing")

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        for entry in parse_feed(response.body, response.url):
            yield from self._article_request(source, entry)

    def parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        sitemap = parse_sitemap(response.body, response.url)
        for entry in sitemap.entries:
            if sitemap.is_index:
                too_old = self.since and entry.date and entry.date < self.since
                if response.meta["depth"] < MAX_SITEMAP_DEPTH and not too_old:
                    if same_origin(entry.url, source.url):
                        yield self._request(
                            entry.url, source, self.parse_sitemap, kind="sitemap",
                            depth=response.meta["depth"] + 1,
                        )
            else:
                yield from self._article_request(source, entry)

    def parse_listing(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        links = classify_links(response.body, response.url, source.url)
        for url in links.articles:
            yield from self._article_request(source, Entry(url))
        for url in links.listings:
            seen = self.listing_pages.get(source.name, 0)
            if seen < MAX_LISTING_PAGES:
                self.listing_pages[source.name] = seen + 1
                yield self._request(url, source, self.parse_listing, kind="listing")

    def _article_request(self, source: Source, entry: Entry) -> Iterator[scrapy.Request]:
        if not same_origin(entry.url, source.url):
            return
        if self.since and entry.date and entry.date < self.since:
            self._count(source.name, "skipped_old")
            return
        url = canonical_url(entry.url)
        if url_is_done(self.db, url, self.since):
            self._count(source.name, "skipped_stored")
            return
        yield self._request(
            url, source, self.parse_article, kind="article",
            feed_date=entry.date.isoformat() if entry.date else None,
        )

    # -- articles and errors -----------------------------------------------------------------

    def parse_article(self, response: scrapy.http.Response) -> Iterator[ArticleItem]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        redirects = response.meta.get("redirect_urls", [])
        yield ArticleItem(
            url=response.url,
            source=source.name,
            body=response.body,
            encoding=getattr(response, "encoding", None),
            fetched_at=now_iso(),
            request_urls=[canonical_url(u) for u in [*redirects, response.url]],
            feed_date=response.meta.get("feed_date"),
        )

    def on_error(self, failure: Any) -> None:
        request = failure.request
        source = request.meta.get("source", "?")
        self._count(source, "errors")
        if failure.check(HttpError):
            status = failure.value.response.status
            reason = f"HTTP {status} {request.url}"
            if request.meta.get("kind") == "article" and status in (404, 410):
                record_url(self.db, canonical_url(request.url), status)
                self.db.conn.commit()
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()} ({request.url})"
        self.crawler.stats.set_value(f"newsmon/source/{source}/last_error", reason)
        self.logger.warning("%s: %s", source, reason)

    def closed(self, reason: str) -> None:
        self.db.conn.close()
