"""The canonical URL of an article page: <link rel=canonical> when it stays on the outlet."""

from __future__ import annotations

import re

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
    head = body[:200_000]
    match = CANONICAL_RE.search(head)
    if match:
        href = HREF_RE.search(match.group(0))
        if href:
            declared = absolute(url, href.group(1).decode("latin-1"))
            if declared and same_origin(declared, url):
                return canonical_url(declared)
    return canonical_url(url)
