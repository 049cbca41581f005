"""Downloader middleware: keep every request on its source's scheme+host+port.

Scrapy's own OffsiteMiddleware compares host names only (ports ignored, subdomains admitted), but
two newsmon outlets may differ only by port, and a redirect to another site must not be followed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware

from spiders.urls import same_origin

if TYPE_CHECKING:
    from scrapy import Request, Spider


class OriginOffsiteMiddleware(OffsiteMiddleware):
    """Allow a request only on the origin of the source named in `request.meta["source"]`.

    Requests without a source (robots.txt) are left to Scrapy's own rules. A filtered request is
    counted as `newsmon/source/<name>/offsite`, so a site that moved elsewhere shows in the run.
    """

    def should_follow(self, request: Request, spider: Spider) -> bool:
        sources = getattr(spider, "sources", {})
        source = sources.get(request.meta.get("source"))
        if source is None:
            return True
        if same_origin(request.url, source.url):
            return True
        self.stats.inc_value(f"newsmon/source/{source.name}/offsite")
        self.stats.set_value(
            f"newsmon/source/{source.name}/last_error", f"переход на другой сайт: {request.url}"
        )
        return False
