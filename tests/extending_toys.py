"""Toy extensions for tests/test_extending.py, written as docs/extending.md tells a developer to.

A source kind: `pages` watches a fixed list of article pages of one site (no feeds, no listing).
A tagger: `length` labels an article «короткая» or «длинная» by its text length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spiders.discovery import Entry

if TYPE_CHECKING:
    import scrapy

    from newsmon.sources.config import Source
    from pipeline.tag.doc import ArticleDoc
    from spiders.news import NewsSpider

LONG_CHARS = 600


def start_pages(spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
    """The `pages` kind: one article request per URL under `pages:` (skipped when stored)."""
    for url in source.option["pages"]:
        yield from spider.article_requests(source, Entry(str(url)))


def start_broken_listing(spider: NewsSpider, source: Source) -> Iterator[scrapy.Request]:
    """A kind whose listing reader has a bug: what a crawl does when a callback raises."""

    def read_listing(response: scrapy.http.Response) -> Iterator[scrapy.Request]:
        raise ValueError("listing reader bug")
        yield  # a generator, as Scrapy callbacks are

    yield spider._request(str(source.option["pages"][0]), source, read_listing, kind="listing")


class LengthTagger:
    def tag(self, doc: ArticleDoc) -> list[str]:
        return ["длинная" if len(doc.text) > LONG_CHARS else "короткая"]
