"""The item that flows through the Scrapy item pipelines, filled one stage at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.extract.cascade import Extracted
    from pipeline.tag.run import TagResult


@dataclass
class ArticleItem:
    url: str  # the URL the page was finally served from (after redirects)
    source: str
    body: bytes = field(repr=False)  # logs of dropped items must not print whole pages
    encoding: str | None
    fetched_at: str  # ISO timestamp, UTC
    request_urls: list[str] = field(default_factory=list)  # every URL that led here
    feed_date: str | None = None  # date the feed/sitemap gave, a fallback for the page's own
    feed_written_date: str | None = None  # that day in the feed's own zone, when another one
    # The outlet's home as its own home page declares it (<a rel="home">, after redirects): a
    # page declaring another home on the host is another site (a WordPress network's subsite).
    outlet_home: str | None = None
    canonical: str | None = None  # filled by CanonicalPipeline
    extracted: Extracted | None = field(default=None, repr=False)  # ExtractPipeline
    tags: TagResult | None = field(default=None, repr=False)  # TagPipeline
    signature: Any = field(default=None, repr=False)  # MinHash of the main text
    # What kind of source gave the material (newsmon.sources.kinds): `web` pages are extracted by
    # the pipelines; a kind whose pages hold whole materials (a Telegram post) fills `extracted`
    # itself and the extraction stage only checks it.
    kind: str = "web"
    # Links that say which story a material belongs to: (url, rel), rel `forward` (the post it
    # forwards, the other site's page a web reprint names as its canonical), `story` (its one link: the article it retells) or `link` (one of several).
    links: list[tuple[str, str]] = field(default_factory=list)
