"""The one spider: per source, feeds → sitemaps (and the front page's own links) → listing
pages, then article pages.

Discovery parsing lives in spiders/discovery.py; stored URLs are skipped *before* a request is
made, so a nightly run downloads only feeds, sitemaps, listings and new articles.

Listing pagination is gated (spiders/gate.py): page N+1 is requested only once an article linked
from page N turned out to be new and recent enough, so a nightly run stops at the first page of
known articles and a `--since` run stops where the archive gets older than the bound.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.misc import load_object

from db import BUSY_TIMEOUT, open_db
from db.runs import NOT_ARTICLE_STATUS, UNDATED_STATUS, now_iso, remember_urls, url_is_done
from newsmon.core.urls import canonical_url, origin, same_origin
from newsmon.sources.kinds import SOURCE_KINDS
from pipeline.extract.html import parse_html
from pipeline.extract.localtime import local_time, region_timezone
from pipeline.extract.pagetype import non_article_reason
from pipeline.extract.revision import rules_revision
from pipeline.extract.sitehome import declared_home
from spiders.discovery import (
    Entry,
    classify_links,
    is_feed_or_sitemap,
    next_pages,
    not_an_article_url,
    parse_feed,
    parse_sitemap,
    xml_problem,
)  # fmt: skip
from spiders.gate import PaginationGate
from spiders.items import ArticleItem
from spiders.teaser_dates import teaser_dates

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from sqlite_utils import Database
    from twisted.python.failure import Failure

    from newsmon.sources.config import Source

MAX_SECTIONS = 12  # rubric pages followed from the home page of a source without feeds/sitemaps
MAX_PROBES = 12  # the home page's other menu pages, read as listings when their structure is one
MAX_SITEMAP_DEPTH = 3
# DropItem classes of newsmon/crawl/pipelines.py, by name
# Drops that say the listing has reached what is known or too old. A page judged no article is
# not one of them: it was never fetched before (such pages are remembered), so the listing is
# not exhausted — and a judgement gone wrong on one page must not stop a whole outlet's paging.
NOT_FRESH_DROPS = ("TooOld", "AlreadyStored", "NoText")
# Page-type verdicts (pipeline.extract.pagetype) that mean «a list of other pages' teasers»; a
# rubric holding a single item is «teaser of another page».
LISTING_REASONS = (
    "listing of", "board of", "text under a headline that links", "teaser of", "dated teaser of",
    "continuation page",
)
NOT_ARTICLE_DROPS = ("NotArticle",)  # NoText pages are retried: extraction may fail once
UNDATED_DROP = "Undated"


# What a browser saves instead of showing, whatever the body: a declared download or file type.
DOWNLOAD_TYPES = ("application/octet-stream", "application/force-download", "application/download",
                  "application/pdf", "application/zip", "application/msword", "application/vnd.")


def served_as_download(headers: Any) -> bool:
    disposition = (headers.get(b"Content-Disposition") or b"").decode("latin-1").strip().lower()
    kind = (headers.get(b"Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
    return disposition.startswith("attachment") or kind.startswith(DOWNLOAD_TYPES)


class NewsSpider(scrapy.Spider):
    name = "news"
    db: Database  # opened in from_crawler

    def __init__(self, sources: list[Source], since: dt.date | None, db_path: str, **kw: Any):
        super().__init__(**kw)
        self.sources = {s.name: s for s in sources}
        self.since = since
        self.db_path = db_path
        self.listing_pages: dict[str, int] = {}
        self.known_seen: set[str] = set()  # stored URLs met this run, counted once
        self.requested_articles: set[str] = set()  # article requests made this run
        self.listing_walked: set[str] = set()  # sources whose feed sent the crawl to the listing
        self.outlet_homes: dict[str, str] = {}  # source → the home its home page declares
        self.max_listing_pages = 50
        self.crawl_time: str | None = None  # NEWSMON_CRAWL_TIME: a replayed night's instant
        self.gate = PaginationGate(self._schedule)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_listing_pages = crawler.settings.getint("NEWSMON_MAX_LISTING_PAGES", 50)
        replayed = crawler.settings.get("NEWSMON_CRAWL_TIME")
        if replayed is not None:  # -s values are read as YAML: an instant arrives as a datetime
            spider.crawl_time = (
                replayed.isoformat() if isinstance(replayed, dt.datetime) else str(replayed)
            )
        spider.open_memory(crawler)
        connect = crawler.signals.connect
        connect(spider._on_item_scraped, signal=signals.item_scraped)
        connect(spider._on_item_dropped, signal=signals.item_dropped)
        connect(spider._on_item_error, signal=signals.item_error)
        connect(spider._on_spider_error, signal=signals.spider_error)
        connect(spider._on_request_dropped, signal=signals.request_dropped)
        connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    # -- the memory of URLs (the database; newsmon.crawl.redis_worker swaps in Redis) ----------

    def open_memory(self, crawler: Crawler) -> None:
        # newsmon/crawl/run.py opened (and migrated) the database before the engine started.
        self.db = open_db(self.db_path, migrate=False,
                          timeout=crawler.settings.getfloat("NEWSMON_DB_TIMEOUT", BUSY_TIMEOUT))

    def is_done(self, url: str) -> bool:
        """A page that need not be fetched again: stored, gone, or older than --since."""
        return url_is_done(self.db, url, self.since, judge=rules_revision())

    def remember(self, urls: list[str], status: int) -> None:
        """Remember the outcome of pages that are no article (gone, redirected, not an article),
        with the revision of the rules that judged them."""
        remember_urls(self.db, urls, status, judged_by=rules_revision())

    # -- bookkeeping -------------------------------------------------------------------------

    def _count(self, source: str, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"newsmon/source/{source}/{key}", n)

    def _request(self, url: str, source: Source, callback, **meta: Any) -> scrapy.Request:
        # download_slot per source: outlets sharing a host (differing by port) throttle apart.
        # A feed or sitemap may live on another origin (a feeds. subdomain, a CDN) when
        # sources.yml lists it: `discovery_origin` lets spiders.middlewares admit that origin.
        if meta.get("kind") in ("feed", "sitemap") and "discovery_origin" not in meta:
            meta["discovery_origin"] = origin(url)
        return scrapy.Request(
            url, callback=callback, errback=self.on_error,
            meta={"source": source.name, "download_slot": source.name, **meta},
        )  # fmt: skip

    def _schedule(self, request: scrapy.Request) -> None:
        self.crawler.engine.crawl(request)

    # -- discovery ---------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Each source starts the way its kind says (newsmon.sources.kinds.SOURCE_KINDS).
        starters = {kind: load_object(SOURCE_KINDS[kind].start)
                    for kind in {source.kind for source in self.sources.values()}}  # fmt: skip
        for source in self.sources.values():
            for request in starters[source.kind](self, source):
                yield request

    def kind_request(self, url: str, source: Source, handler: str, **meta: Any) -> scrapy.Request:
        """A request whose response goes to `handler(spider, response)`, the dotted path of a
        function in a source kind's module: a spider method stays the callback, so the request
        can be serialized (scrapy-redis) like any other."""
        return self._request(url, source, self.parse_by_kind, handler=handler, **meta)

    def parse_by_kind(self, response: scrapy.http.Response) -> Any:
        return load_object(response.meta["handler"])(self, response)

    def article_requests(self, source: Source, entry: Entry) -> Iterator[scrapy.Request]:
        """The request for one article of `source`, unless it is older than --since or stored:
        what a source kind's pages lead to (docs/extending.md)."""
        return self._article_request(source, entry)

    def parse_feed(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        entries = parse_feed(response.body, response.url, region_timezone(source.region_iso))
        self._check_document(source, response, "лента", bool(entries))
        for entry in entries:
            yield from self._article_request(source, entry)
        if self._feed_stops_short(source, entries):
            # The feed holds the latest few entries only and none reaches back to --since (a first
            # crawl, a missed week): the site's listing, followed while it brings something new,
            # finds the older ones.
            self.listing_walked.add(source.name)
            yield self._request(source.url, source, self.parse_listing, kind="listing", home=True)

    def _feed_stops_short(self, source: Source, entries: list[Entry]) -> bool:
        dates = [entry.date for entry in entries if entry.date is not None]
        return (
            self.since is not None
            and source.name not in self.listing_walked
            and bool(dates)
            and len(dates) == len(entries)
            and min(dates) > self.since
        )

    def parse_sitemap(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        sitemap = parse_sitemap(response.body, response.url, region_timezone(source.region_iso))
        self._check_document(source, response, "карта сайта", bool(sitemap.entries))
        depth = response.meta.get("depth", 0)
        for entry in sitemap.entries:
            if not sitemap.is_index:
                # A sitemap lists every page: its «/authors/…», «/tags/…», «/about» are not
                # fetched as articles, as links to them on a page are not.
                if not not_an_article_url(entry.url):
                    yield from self._article_request(source, entry)
            elif self.since and entry.date and entry.date < self.since:
                self._count(source.name, "skipped_old")  # nothing in it changed since the bound
            elif depth < MAX_SITEMAP_DEPTH and (
                same_origin(entry.url, source.url) or same_origin(entry.url, response.url)
            ):  # an index on a CDN lists its child sitemaps there
                yield self._request(
                    entry.url, source, self.parse_sitemap, kind="sitemap", depth=depth + 1,
                    discovery_origin=origin(entry.url),
                )

    def _check_document(
        self, source: Source, response: scrapy.http.Response, what: str, has_entries: bool
    ) -> None:
        """A feed or sitemap that is not well-formed XML (entries may be lost) or that has no
        entry and is no feed at all (moved: an HTML page answers) is an error of its source and
        not a page; an empty but proper document is neither."""
        problem = xml_problem(response.body)
        if problem is None and (has_entries or is_feed_or_sitemap(response.body)):
            self._count(source.name, "pages")
            return
        reason = f"{what} не разобрана ({problem or 'не лента и не карта сайта'}): {response.url}"
        self._count(source.name, "errors")
        self._count(source.name, "broken_feeds")
        self.crawler.stats.set_value(f"newsmon/source/{source.name}/last_error", reason)
        self.logger.warning("%s: %s", source.name, reason)

    def parse_listing(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        # the text as the response decodes it (its header, meta or BOM): bytes alone would read a
        # page whose charset only the HTTP header gives as Latin-1
        links = classify_links(response.text, response.url, source.url)
        if response.meta.get("home"):
            declared = declared_home(parse_html(response.text), response.url)
            if declared is not None:
                self.outlet_homes.setdefault(source.name, declared)
            for url in links.feeds:  # <link rel=alternate>: the outlet's own feed
                yield self._request(url, source, self.parse_feed, kind="feed")
            for url in links.sections[:MAX_SECTIONS]:
                yield self._request(url, source, self.parse_listing, kind="listing", section=True)
            unknown = [url for url in links.unnamed if not self.is_done(canonical_url(url))]
            for url in unknown[:MAX_PROBES]:
                yield self._request(url, source, self.parse_probe, kind="probe")
        elif response.meta.get("section"):
            # A rubric's own sub-rubrics, one level down (a forum's index over its boards,
            # «/novosti» over «/novosti/semya-i-deti»): their items may be linked nowhere else.
            for url in [u for u in links.sections if _below(u, response.url)][:MAX_SECTIONS]:
                yield self._request(url, source, self.parse_listing, kind="listing")
        # «вчера 18:20» on a listing is the outlet's yesterday: read against its local clock
        dated = teaser_dates(
            response.body, response.url, links.articles, local_time(self._now(), source.region_iso)
        )
        articles: list[scrapy.Request] = []
        waiting = 0
        fresh_already = False
        for url in links.articles:
            key = canonical_url(url)
            if key in self.requested_articles:
                outcome = self.gate.join(key, response.url)
                waiting += outcome is None
                fresh_already = fresh_already or bool(outcome)
                continue
            articles += self._article_request(
                source, Entry(url, dated.get(url)), listing=response.url
            )
        following = []
        # Off the home page, a list of news the listing links to («Архив новостей» under the
        # latest ones) goes on where it stops: followed, like its next page, only while this
        # page brings something new.
        if response.meta.get("front_only"):  # the front page beside feeds: its own links only
            pages, onward = [], []
        else:
            pages = next_pages(response.url, links.listings, links.marked_next)
            onward = [] if response.meta.get("home") else links.news_lists
        for url in [*pages, *onward]:
            seen = self.listing_pages.get(source.name, 0)
            if seen < self.max_listing_pages:
                self.listing_pages[source.name] = seen + 1
                following.append(self._request(url, source, self.parse_listing, kind="listing"))
        if fresh_already:  # an article this listing shares with another one was new
            waiting, articles_count = 0, 1
        else:
            articles_count = len(articles) + waiting
        if not articles_count and following:
            self._count(source.name, "listing_stops")  # everything here is known: stop paginating
        self.gate.open(response.url, articles_count, following)
        if fresh_already:
            self.gate.resolve(response.url, fresh=True)
        yield from articles

    def parse_probe(self, response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        """A home page's menu link of no known kind: read as a listing when its structure is one
        («Жизнь клуба» listing the posts), remembered as no article when it is a service page,
        never stored from here (an article is reached through a listing's link to it)."""
        source = self.sources[response.meta["source"]]
        reason = non_article_reason(
            response.url, source.url, response.body, self.outlet_homes.get(source.name))
        if reason is not None and reason.startswith(LISTING_REASONS):
            self._count(source.name, "probed_listings")
            yield from self.parse_listing(response)
            return
        self._count(source.name, "pages")
        if reason is not None:
            self.remember([canonical_url(response.url)], NOT_ARTICLE_STATUS)

    def _now(self) -> dt.datetime:
        """The crawl's instant: a replayed night's, else now (dates without a year are read
        against it)."""
        if self.crawl_time:
            return dt.datetime.fromisoformat(self.crawl_time)
        return dt.datetime.now(dt.timezone.utc)

    def _article_request(
        self, source: Source, entry: Entry, listing: str | None = None
    ) -> Iterator[scrapy.Request]:
        if not same_origin(entry.url, source.url):
            return
        if self.since and entry.date and entry.date < self.since:
            self._count(source.name, "skipped_old")
            return
        url = canonical_url(entry.url)
        if self.is_done(url):
            if url not in self.known_seen:  # sidebars link one article from every listing page
                self.known_seen.add(url)
                self._count(source.name, "skipped_stored")
            return
        self.requested_articles.add(url)
        # Asked for as the site links it: robots.txt rules are written against the site's own
        # spelling («?name=News&file=print»), which the canonical key's sorted query would miss.
        yield self._request(
            entry.url.split("#")[0], source, self.parse_article, kind="article", listing=listing, article_key=url,
            feed_date=entry.date.isoformat() if entry.date else None,
            feed_written_date=entry.written_date.isoformat() if entry.written_date else None,
        )  # fmt: skip

    # -- articles and errors -----------------------------------------------------------------

    def parse_article(self, response: scrapy.http.Response) -> Iterator[ArticleItem]:
        source = self.sources[response.meta["source"]]
        self._count(source.name, "pages")
        if served_as_download(response.headers):
            # A browser saves it rather than shows it (BookStack's «/export/html»): a file, however
            # much HTML it holds, and fetched once.
            self._count(source.name, "not_articles")
            self.remember([canonical_url(response.url)], NOT_ARTICLE_STATUS)
            # No item follows: the listing that linked it hears of it here, as of a dropped one.
            self.gate.resolve_article(
                response.meta.get("article_key"), response.meta.get("listing"), fresh=True)
            return
        redirects = response.meta.get("redirect_urls", [])
        yield ArticleItem(
            url=response.url,
            source=source.name,
            body=response.body,
            encoding=getattr(response, "encoding", None),
            fetched_at=self.crawl_time or now_iso(),
            request_urls=list(dict.fromkeys(canonical_url(u) for u in [*redirects, response.url])),
            feed_date=response.meta.get("feed_date"),
            feed_written_date=response.meta.get("feed_written_date"),
            outlet_home=self.outlet_homes.get(source.name),
        )

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        source = request.meta.get("source", "?")
        self.gate.resolve_article(
            request.meta.get("article_key"), request.meta.get("listing"), fresh=False
        )
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self._count(source, "ignored")  # robots.txt or offsite: a rule, not a fault
            return
        status = failure.value.response.status if failure.check(HttpError) else None
        configured = request.meta.get("kind") in ("feed", "sitemap") or request.meta.get("home")
        if status in (404, 410) and not configured:
            # A dead link is a fact about the page, remembered so it is not asked again nightly.
            self._count(source, "gone")
            if request.meta.get("kind") == "article":
                self.remember([canonical_url(request.url)], status)
            self.logger.info("%s: HTTP %s %s", source, status, request.url)
            return
        self._count(source, "errors")
        if status is not None:
            reason = f"HTTP {status} {request.url}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()} ({request.url})"
        self.crawler.stats.set_value(f"newsmon/source/{source}/last_error", reason)
        self.logger.warning("%s: %s", source, reason)

    # -- pagination gate feedback (Scrapy signals) ---------------------------------------------

    def _on_item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        self.gate.resolve_article(
            response.meta.get("article_key"), response.meta.get("listing"), fresh=True
        )

    def _on_item_dropped(self, item: Any, response: Any, exception: Exception, spider: Any) -> None:
        # An article older than --since, a known page or a non-article: no reason to go deeper.
        name = type(exception).__name__
        self.gate.resolve_article(
            response.meta.get("article_key"), response.meta.get("listing"),
            fresh=name not in NOT_FRESH_DROPS,
        )
        if name == UNDATED_DROP and response.meta.get("kind") == "article":
            # News is dated; a page dated nowhere tonight may be tomorrow (a date shown only in
            # a sidebar on its own day): asked again for a few nights, then left.
            self._count(response.meta.get("source", "?"), "undated")
            urls = getattr(item, "request_urls", None) or [response.url]
            self.remember([canonical_url(u) for u in urls], UNDATED_STATUS)
        if name in NOT_ARTICLE_DROPS and response.meta.get("kind") == "article":
            # A page that is no article (home, rubric, contacts listed in a sitemap) is fetched
            # once, not every night.
            self._count(response.meta.get("source", "?"), "not_articles")
            urls = getattr(item, "request_urls", None) or [response.url]
            self.remember([canonical_url(u) for u in urls], NOT_ARTICLE_STATUS)
            if str(exception).startswith(LISTING_REASONS) and response.meta.get("source") in (
                self.sources
            ):
                # A listing reached by a link that read like an article's (Joomla's category and
                # tag views are «index.php?…&id=N» too): read it as the listing it is.
                for request in self.parse_listing(response):
                    self._schedule(request)

    def _on_item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        self.gate.resolve_article(
            response.meta.get("article_key"), response.meta.get("listing"), fresh=True
        )
        # A bug or a broken page in a pipeline stage: counted, shown, and the crawl goes on.
        self._source_error(response, failure)

    def _on_spider_error(self, failure: Any, response: Any, spider: Any) -> None:
        # A bug met while reading a listing, feed or page: what that page led to is lost for the
        # night, so it counts as the source's error, not as a quiet empty result.
        self._source_error(response, failure)

    def _source_error(self, response: Any, failure: Any) -> None:
        source = response.meta.get("source", "?")
        reason = f"{failure.type.__name__} ({response.url}): {failure.getErrorMessage()}"
        self._count(source, "errors")
        self.crawler.stats.set_value(f"newsmon/source/{source}/last_error", reason)
        self.logger.warning("%s: %s", source, reason)

    def _on_request_dropped(self, request: scrapy.Request, spider: Any) -> None:
        self.gate.resolve_article(
            request.meta.get("article_key"), request.meta.get("listing"), fresh=False
        )
        if request.meta.get("kind") == "article" and request.meta.get("redirect_urls"):
            # An old address redirecting to a page requested anyway: remember it as a redirect,
            # so it is not asked again; the target is stored under its own URL.
            self.remember([canonical_url(u) for u in request.meta["redirect_urls"]], 301)

    def _on_idle(self, spider: Any) -> None:
        self.gate.close_all()

    def closed(self, reason: str) -> None:
        if getattr(self, "db", None) is not None:
            self.db.conn.close()


def _below(url: str, parent: str) -> bool:
    """The address lies under the parent's path («/forum/semya» under «/forum»)."""
    under = urlsplit(parent).path.rstrip("/") + "/"
    return urlsplit(url).path.rstrip("/").startswith(under)


def start_web(spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
    """The web kind: the source's feeds, then its sitemaps, else its home page as a listing.
    Beside feeds and sitemaps the home page is read too, for its own links only: a sitemap the
    CMS stopped regenerating, or a feed of the last few items, misses what the front page shows."""
    for feed in source.feeds:
        yield spider._request(feed, source, spider.parse_feed, kind="feed")
    for sitemap in source.sitemaps:
        yield spider._request(sitemap, source, spider.parse_sitemap, kind="sitemap", depth=0)
    if not source.feeds and not source.sitemaps:
        yield spider._request(source.url, source, spider.parse_listing, kind="listing", home=True)
    else:
        # (unfiltered: a feed short of --since may still send the crawl to the whole listing)
        yield spider._request(source.url, source, spider.parse_listing, kind="listing",
                              front_only=True).replace(dont_filter=True)
