"""A page's own site home, as it declares it: the «rel=home» link of its site title (WordPress
and most themes), «<link rel="home">». A network of sites on one host (a WordPress multisite in
subfolders: «/saratov/», «/penza/», the network's «/blog/») declares a different home on every
subsite's pages, so a page declaring a home other than the outlet's belongs to another site."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_HOME_XPATH = (
    "//a[@href][contains(concat(' ', normalize-space(@rel), ' '), ' home ')]/@href"
    " | //link[@href][contains(concat(' ', normalize-space(@rel), ' '), ' home ')]/@href"
)
_INDEX_RE = re.compile(r"/index\.\w{3,5}$")


def declared_home(tree: HtmlElement, page_url: str) -> str | None:
    """The absolute URL of the home the page declares, or None."""
    hrefs = tree.xpath(_HOME_XPATH)
    if not hrefs:
        return None
    try:
        return urljoin(page_url, str(hrefs[0]).strip())
    except ValueError:
        return None


def home_path(url: str) -> str:
    """A home's path, «/index.php» and a trailing slash aside: «/saratov/» → «/saratov»."""
    return _INDEX_RE.sub("/", urlsplit(url).path).rstrip("/") or "/"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def another_site(page_url: str, tree: HtmlElement, outlet_home: str | None) -> str | None:
    """The home of another site on the outlet's host the page declares, or None (no outlet home
    known, nothing declared, another host, or the outlet's own)."""
    if not outlet_home:
        return None
    declared = declared_home(tree, page_url)
    if declared is None or _host(declared) != _host(outlet_home):
        return None  # nothing declared, or a home on another host: not a neighbour on this one
    return None if home_path(declared) == home_path(outlet_home) else declared
