"""The canonical URL of an article page: <link rel=canonical> when it stays on the outlet; and the
original a page republishes, when its canonical names another site's document."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from newsmon.core.urls import absolute, canonical_url, same_origin

CANONICAL_RE = re.compile(
    rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*>", re.I
)
HREF_RE = re.compile(rb"\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.I)


def find_canonical(body: bytes, url: str) -> str:
    """Return the page's declared canonical URL if same-origin, else the URL itself, normalised.

    A canonical pointing to another host (syndication partners do that) is ignored: the crawl
    identity of an outlet is its own scheme+host+port.
    """
    declared = _declared(body, url)
    if declared and same_origin(declared, url):
        return canonical_url(declared)
    return canonical_url(_shorter_self_link(body, url) or url)


TITLE_RE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
ANCHOR_RE = re.compile(rb"<a\b([^>]*)>(.*?)</a>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]+>")


def _shorter_self_link(body: bytes, url: str) -> str | None:
    """The page's own address without some of its query, where the page links its headline
    there: a forum feed's «viewtopic.php?id=1206&action=new» whose crumbs link the topic's title
    to «viewtopic.php?id=1206». Only a query's parameters are dropped, never the path, and only
    where the link's words are the page's <title>'s, so a pager's «2» or a reply's time never
    names the page."""
    here = urlsplit(url)
    own = set(parse_qsl(here.query, keep_blank_values=True))
    if not own:
        return None
    title = TITLE_RE.search(body[:200_000])
    if title is None:
        return None
    title_text = _words(title.group(1).decode("utf-8", "replace"))
    for attrs, inner in ANCHOR_RE.findall(body[:400_000]):
        href = HREF_RE.search(attrs)
        text = _words(TAG_RE.sub(" ", inner.decode("utf-8", "replace")))
        if href is None or len(text.split()) < 2 or text not in title_text:
            continue
        try:
            target = absolute(url, html.unescape(href.group(1).decode("latin-1")))
            parts = urlsplit(target or "")
        except ValueError:  # «http://[ccpa-preferences]»: no address
            continue
        if target is None:
            continue
        theirs = set(parse_qsl(parts.query, keep_blank_values=True))
        if (parts.netloc, parts.path) == (here.netloc, here.path) and theirs and theirs < own:
            return target
    return None


def _words(text: str) -> str:
    return " ".join(html.unescape(text).split()).lower()


def republished_original(body: bytes, url: str) -> str | None:
    """The other site's document this page declares as its original: a partner's reprint of a
    federal agency's news names the agency's page as canonical. The same path on another host is
    the same document mirrored (a blog's custom domain beside its platform address, www., m.),
    not someone else's."""
    declared = _declared(body, url)
    if not declared or same_origin(declared, url):
        return None
    theirs, ours = urlsplit(canonical_url(declared)), urlsplit(canonical_url(url))
    if (theirs.path.rstrip("/"), theirs.query) == (ours.path.rstrip("/"), ours.query):
        return None
    return canonical_url(declared)


# A forward's header above the text: «Переслано из: <a href="https://t.me/minpros_official">…»
# (a site mirroring its channel), «Forwarded from …», «Репост из …»; a blog's reblog names the
# reblogger first: «semya-nao реблогнул(а) у <a href="https://pomorie-mamy…">», «… reblogged».
_FORWARD_WORDS = (
    "Переслано из", "Репост из", "Репост от", "Forwarded from", "реблогнул", "reblogged",
)
_FORWARD_MARKS = tuple(
    word.encode(charset) for word in _FORWARD_WORDS for charset in ("utf-8", "cp1251")
)
_FORWARD_RE = re.compile(rf"^\s*(?:\S+\s+)?(?:{'|'.join(_FORWARD_WORDS)})\b", re.IGNORECASE)
# The header is a line: its name and link, not a paragraph that mentions a forward.
FORWARD_HEADER_MAX_CHARS = 150


@dataclass(frozen=True)
class Forward:
    original: str  # the other publisher's page or channel
    name: str  # the header's words: «Переслано из: Минсоцразвития Камчатского края»


def forwarded_from(body: bytes, url: str) -> Forward | None:
    """The other publisher a post's header says it is forwarded from: the text is theirs, as a
    reprint naming their page as canonical is."""
    if not any(mark in body for mark in _FORWARD_MARKS):
        return None
    from pipeline.extract.html import parse_html

    for el in parse_html(body).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        text = " ".join(el.text_content().split())
        if len(text) > FORWARD_HEADER_MAX_CHARS or not _FORWARD_RE.match(text):
            continue
        for href in el.xpath(".//a/@href"):
            original = absolute(url, href)
            if original and not same_origin(original, url):
                return Forward(canonical_url(original), text)
    return None


def _declared(body: bytes, url: str) -> str | None:
    """The address the page declares as its own (<link rel=canonical>). A site's root declared by
    a page that is not the root is a template's default, not the page's address. (og:url is not
    read: templates fill it with addresses the site does not serve.)"""
    match = CANONICAL_RE.search(body[:200_000])
    href = HREF_RE.search(match.group(0)) if match else None
    # An attribute's «&amp;» is an «&» («viewtopic.php?id=1433&amp;p=2»), as a browser reads it.
    declared = absolute(url, html.unescape(href.group(1).decode("latin-1"))) if href else None
    if not declared:
        return None
    if urlsplit(declared).path.strip("/") == "" and not urlsplit(declared).query \
            and urlsplit(url).path.strip("/") != "":
        return None
    return declared
