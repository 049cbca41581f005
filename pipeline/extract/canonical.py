"""The canonical URL of an article page: <link rel=canonical> when it stays on the outlet; and the
original a page republishes, when its canonical names another site's document."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
    return canonical_url(url)


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


def _declared(body: bytes, url: str) -> str | None:
    match = CANONICAL_RE.search(body[:200_000])
    href = HREF_RE.search(match.group(0)) if match else None
    return absolute(url, href.group(1).decode("latin-1")) if href else None
