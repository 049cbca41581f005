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
    # A field that both names the kind and gives the source's address (`telegram: https://t.me/s/x`
    # instead of `kind: telegram` + `url:`); an entry carrying it needs neither.
    url_key: str | None = None
    # The path its address must have (a regular expression) and, in Russian, what it should be.
    url_path: str | None = None
    url_hint: str = ""
    # Its materials speak of the source's own region: one that names no subject (and not the
    # country) is about the home region (pipeline.tag.home_region) — a regional body's channel.
    home_by_default: bool = False


SOURCE_KINDS: dict[str, SourceKind] = {
    "web": SourceKind("spiders.news.start_web", frozenset({"feeds", "sitemaps", "selectors"})),
    "telegram": SourceKind(
        "spiders.telegram.start_telegram", frozenset({"telegram"}), url_key="telegram",
        url_path=r"^/s/[A-Za-z][A-Za-z0-9_]{3,}/?$",
        url_hint="адрес веб-превью канала вида https://t.me/s/<канал>", home_by_default=True,
    ),
}


def kind_of(entry: dict) -> str:
    """An entry's kind: its `kind:` field, else the kind whose url_key it carries, else web."""
    if entry.get("kind"):
        return str(entry["kind"])
    for name, kind in SOURCE_KINDS.items():
        if kind.url_key and kind.url_key in entry:
            return name
    return DEFAULT_KIND
