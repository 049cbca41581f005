"""Downloader middlewares: keep every request on its source's scheme+host+port; honour Retry-After.

Scrapy's own OffsiteMiddleware compares host names only (ports ignored, subdomains admitted), but
two newsmon outlets may differ only by port, and a redirect to another site must not be followed.
The one exception: a feed or sitemap listed in sources.yml on another origin (a feeds. subdomain,
a CDN), and the child sitemaps of such an index on its own origin — never an article page.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from newsmon.core.urls import same_origin

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.http import Response
    from scrapy.settings import BaseSettings


class OriginOffsiteMiddleware(OffsiteMiddleware):
    """Allow a request only on the origin of the source named in `request.meta["source"]`.

    Requests without a source (robots.txt) are left to Scrapy's own rules. A filtered request is
    counted as `newsmon/source/<name>/offsite`; a redirect off the origin is also an error.
    """

    def should_follow(self, request: Request, spider: Spider) -> bool:
        sources = getattr(spider, "sources", {})
        source = sources.get(request.meta.get("source"))
        if source is None:
            return True
        if same_origin(request.url, source.url):
            return True
        listed = request.meta.get("discovery_origin")
        if listed and request.meta.get("kind") in ("feed", "sitemap") and (
            same_origin(request.url, listed)
        ):
            return True
        prefix = f"newsmon/source/{source.name}/"
        self.stats.inc_value(prefix + "offsite")
        if request.meta.get("redirect_urls"):
            # The outlet sends us elsewhere (moved to https, to www.): a fault to fix in
            # sources.yml, counted as an error so a source that moved shows as unreachable.
            self.stats.inc_value(prefix + "errors")
            self.stats.set_value(
                prefix + "last_error",
                f"переадресация на другой адрес {request.url} — проверьте url в sources.yml",
            )
        return False


def retry_after_seconds(value: bytes | str | None, now: dt.datetime) -> float | None:
    """Seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date; a date in
    the past is 0); None when absent or unreadable."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, but a 429 or 503 with `Retry-After` is retried only after the wait the
    server asked for, at most NEWSMON_RETRY_AFTER_MAX seconds (a server asking for an hour is
    retried after the cap; what still fails is an error of the night, fetched the next night).

    The wait holds only this request; the rest of the crawl goes on meanwhile.
    """

    WAIT_STATUSES = (429, 503)

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSMON_RETRY_AFTER_MAX", 120.0)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if response.status in self.WAIT_STATUSES:
            asked = retry_after_seconds(
                response.headers.get(b"Retry-After"), dt.datetime.now(dt.timezone.utc)
            )
            if asked:
                wait = min(asked, self.max_wait)
                self.crawler.stats.inc_value("newsmon/retry_after/waits")
                self.crawler.stats.inc_value("newsmon/retry_after/seconds", wait)
                await sleep(wait)
        return retry
