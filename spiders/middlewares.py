"""Downloader middleware: keep every request on its source's scheme+host+port.

Scrapy's own OffsiteMiddleware compares host names only (ports ignored, subdomains admitted), but
two newsmon outlets may differ only by port, and a redirect to another site must not be followed.
The one exception: a feed or sitemap listed in sources.yml on another origin (a feeds. subdomain,
a CDN), and the child sitemaps of such an index on its own origin — never an article page.
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
