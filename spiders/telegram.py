"""The Telegram kind: a public channel read through its web preview, `https://t.me/s/<channel>`.

The newest preview page first; each of its posts that is a material (not a service message, not
a photo alone) and not stored yet becomes an ArticleItem already extracted (url = the permalink,
date = the post's `<time datetime>` in the channel region's local time). Older posts are on
`?before=<id>`, asked for only while every material post of the page was new and not older than
`--since`: a night stops at the first stored post and never asks for a page of stored posts.

Politeness per host: every channel of one host shares one download slot (Telegram rate-limits
the host, not a channel), so the host's throttle and concurrency hold for all channels together;
a 429 is retried after its Retry-After (spiders.middlewares.RetryAfterMiddleware).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import scrapy

from db.runs import now_iso, url_is_done
from newsmon.core.urls import canonical_url
from pipeline.extract.cascade import Extracted
from pipeline.extract.localtime import local_time
from pipeline.extract.telegram import (
    Post,
    channel_of,
    is_post_link,
    parse_preview,
    preview_origin,
)  # fmt: skip
from spiders.items import ArticleItem

if TYPE_CHECKING:
    from newsmon.sources.config import Source
    from spiders.news import NewsSpider

HANDLER = "spiders.telegram.parse_preview_page"
KIND = "telegram"


def start_telegram(spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
    """The channel's newest preview page."""
    yield _page_request(spider, source, source.url)


def _page_request(spider: NewsSpider, source: Source, url: str) -> scrapy.Request:
    # One download slot per host: channels throttle together, like the host that serves them.
    return spider.kind_request(url, source, HANDLER, kind="listing",
                               download_slot=f"telegram {preview_origin(url)}")


def _missing(spider: NewsSpider, source: Source, reason: str) -> None:
    spider._count(source.name, "errors")
    spider.crawler.stats.set_value(f"newsmon/source/{source.name}/last_error", reason)
    spider.logger.warning("%s: %s", source.name, reason)


def parse_preview_page(spider: NewsSpider, response: scrapy.http.Response) -> Iterator[object]:
    source = spider.sources[response.meta["source"]]
    wanted = channel_of(source.url)
    page = parse_preview(response.body, response.url, getattr(response, "encoding", None))
    if page.channel is None or page.channel.lower() != (wanted or "").lower():
        _missing(spider, source, f"канал {wanted} не найден, закрыт или не показывает веб-превью "
                                 f"({source.url})")
        return
    spider._count(source.name, "pages")
    origin = preview_origin(source.url)
    tz_iso = source.region_iso
    keep_going = True
    for post in reversed(page.posts):  # newest first
        if not post.is_material:
            spider._count(source.name, "not_materials")
            continue
        url = canonical_url(post.url)
        if url_is_done(spider.db, url, spider.since):
            keep_going = False
            if url not in spider.known_seen:
                spider.known_seen.add(url)
                spider._count(source.name, "skipped_stored")
            continue
        day = local_time(post.published_utc, tz_iso).date() if post.published_utc else None
        if spider.since and day and day < spider.since:
            keep_going = False
            spider._count(source.name, "skipped_old")
            continue
        yield _item(source, post, url, day, origin)
    if keep_going and page.before:
        seen = spider.listing_pages.get(source.name, 0)
        if seen < spider.max_listing_pages:
            spider.listing_pages[source.name] = seen + 1
            yield _page_request(spider, source, f"{origin}/s/{page.channel}?before={page.before}")


def story_links(post: Post, origin: str) -> list[tuple[str, str]]:
    """(url, rel) of the links that place a post in a story: the post it forwards, and its one
    link when it has exactly one (a post with several links is a round-up: `link` only)."""
    links: list[tuple[str, str]] = []
    if post.forwarded_from and is_post_link(post.forwarded_from, origin):
        links.append((canonical_url(post.forwarded_from), "forward"))
    # A link to a channel or a user (a mention) is not a story.
    targets = [canonical_url(u) for u in post.links
               if not u.startswith(origin + "/") or is_post_link(u, origin)]  # fmt: skip
    targets = list(dict.fromkeys(t for t in targets if t != canonical_url(post.url)))
    # A link to the channel's own earlier post («напомним, мы писали») is context, not the
    # story retold: it never makes the post's only story link.
    own = canonical_url(f"{origin}/{post.channel}/")
    stories = [t for t in targets if not t.startswith(own)]
    rel = "story" if len(targets) == 1 and stories else "link"
    links += [(t, rel) for t in targets]
    return links


def _item(source: Source, post: Post, url: str, day, origin: str) -> ArticleItem:
    extracted = Extracted(
        url=url, title=post.title or None, text=post.text, lead=None, author=None,
        published=day, date_method="telegram" if day else "none", text_method="telegram",
    )
    return ArticleItem(
        url=url, source=source.name, body=b"", encoding="utf-8", fetched_at=now_iso(),
        request_urls=[url], kind=KIND, extracted=extracted, links=story_links(post, origin),
    )
