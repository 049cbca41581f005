"""Find article URLs in feeds, sitemaps and listing pages: plain functions over bytes.

The spider only turns what these return into requests, so each parser is testable alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from lxml import etree, html as lxml_html

from spiders.urls import absolute, same_origin


@dataclass(frozen=True)
class Entry:
    url: str
    date: dt.date | None = None
    title: str | None = None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return parsedate_to_datetime(value).date()  # RFC 822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)  # W3C / ISO 8601, as in Atom and sitemaps
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    return None


def _xml_root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def parse_feed(body: bytes, base_url: str) -> list[Entry]:
    """RSS 2.0, RSS 1.0/RDF and Atom items → entries with link, date and title."""
    root = _xml_root(body)
    if root is None:
        return []
    entries: list[Entry] = []
    for el in root.iter():
        name = _local(el.tag)
        if name not in ("item", "entry"):
            continue
        link = _child_text(el, "link")
        if not link:  # Atom: <link href="..." rel="alternate"/>
            for child in el:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
        link = link or _child_text(el, "guid")
        url = absolute(base_url, link or "")
        if not url:
            continue
        date = _parse_date(_child_text(el, "pubdate", "published", "updated", "date"))
        entries.append(Entry(url, date, _child_text(el, "title")))
    return entries


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: list[Entry]


def parse_sitemap(body: bytes, base_url: str) -> Sitemap:
    """A urlset (with news:publication_date or lastmod) or a sitemap index."""
    if body[:2] == b"\x1f\x8b":
        import gzip

        body = gzip.decompress(body)
    root = _xml_root(body)
    if root is None:
        return Sitemap(False, [])
    is_index = _local(root.tag) == "sitemapindex"
    entries = []
    for el in root:
        if _local(el.tag) not in ("url", "sitemap"):
            continue
        loc = None
        date = None
        for child in el.iter():
            name = _local(child.tag)
            if name == "loc" and child.text:
                loc = child.text.strip()
            elif name in ("publication_date", "lastmod") and child.text and date is None:
                date = _parse_date(child.text)
        url = absolute(base_url, loc or "")
        if url:
            entries.append(Entry(url, date))
    return Sitemap(is_index, entries)


PAGINATION_RE = re.compile(r"([?&](page|PAGEN_\d+|p|start)=\d+)|(/page/\d+/?$)", re.I)
NON_ARTICLE_RE = re.compile(
    r"/(tag|tags|author|authors|category|rubric|print|search|login|register|user|rss|feed|"
    r"archive|calendar|about|contacts?|advert|reklama)(/|$)|\.(jpe?g|png|gif|pdf|docx?|xml|zip|mp4)$",
    re.I,
)
ARTICLE_PATH_RE = re.compile(r"(\d{3,}|/\d{4}/\d{1,2}/|[a-z0-9]+-[a-z0-9]+-[a-z0-9-]+|\.html?$)", re.I)


@dataclass(frozen=True)
class Links:
    articles: list[str]
    listings: list[str]


def classify_links(body: bytes | str, page_url: str, source_url: str) -> Links:
    """Split a listing page's same-origin links into article pages and further listing pages."""
    try:
        tree = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return Links([], [])
    articles: dict[str, None] = {}
    listings: dict[str, None] = {}
    for a in tree.iter("a"):
        url = absolute(page_url, a.get("href", ""))
        if not url or not same_origin(url, source_url):
            continue
        url = url.split("#")[0]
        path = url.split("://", 1)[-1].split("/", 1)[-1]
        if PAGINATION_RE.search(url):
            listings[url] = None
        elif NON_ARTICLE_RE.search("/" + path.split("?")[0]):
            continue
        elif ARTICLE_PATH_RE.search("/" + path.split("?")[0]):
            articles[url] = None
    return Links(list(articles), list(listings))
