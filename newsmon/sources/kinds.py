"""Source kinds: what a sources.yml entry may be, and what starts collecting it.

Scrapy's download handlers in miniature (`DOWNLOAD_HANDLERS_BASE`: a URI scheme → the dotted path
of its handler): a kind name maps to the fields its entries may carry and to the dotted path of
the function that yields the first requests for one source of the kind. Paths are strings, so
this module imports no spider (spiders/ sits above newsmon/sources/). Adding a kind — a Telegram
channel, say — is one module in spiders/ and one line here (docs/extending.md).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_KIND = "web"
# Fields every entry has, whatever its kind.
COMMON_KEYS = frozenset({"name", "url", "region", "kind", "title"})


@dataclass(frozen=True)
class SourceKind:
    # Dotted path of `start(spider, source) -> Iterable[scrapy.Request]`: the first requests the
    # crawl makes for one source of this kind; their callbacks end in an ArticleItem.
    start: str
    # Fields an entry of this kind may carry besides COMMON_KEYS; they reach Source.options
    # unless Source has a field of that name (feeds, sitemaps, selectors for the web).
    keys: frozenset[str] = frozenset()


SOURCE_KINDS: dict[str, SourceKind] = {
    "web": SourceKind("spiders.news.start_web", frozenset({"feeds", "sitemaps", "selectors"})),
}
