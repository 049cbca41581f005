"""The section a page sits in, named by the site itself.

A site's menu and breadcrumbs link to the page's parents: «Пресс-центр / Анонсы мероприятий /
<the page>». The link to the nearest parent path (the longest proper prefix of the page's path
that some link on the page points to) names the page's section, whatever the template calls its
breadcrumbs or menus.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

# «/press-center/announcements/index.php» and «/press-center/announcements/» are one section.
_INDEX_RE = re.compile(r"/(?:index|default)\.(?:s?html?|php|aspx?)$", re.IGNORECASE)


def _normal_path(path: str) -> str:
    return _INDEX_RE.sub("/", path).rstrip("/").lower()


def _parent_paths(path: str) -> list[str]:
    """The page's proper parent paths, nearest first, without the site's root."""
    parts = [p for p in _normal_path(path).split("/") if p]
    return ["/" + "/".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]


def section_names(tree: HtmlElement, url: str) -> list[str]:
    """The texts of the links to the page's nearest linked parent path (several when the menu
    and the breadcrumbs word it differently); [] when no link leads to a parent."""
    page = urlsplit(url)
    parents = _parent_paths(page.path)
    if not parents:
        return []
    texts: dict[str, list[str]] = {p: [] for p in parents}
    for a in tree.iter("a"):
        href = a.get("href")
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        try:
            target = urlsplit(urljoin(url, href))
        except ValueError:
            continue
        if target.netloc != page.netloc or target.query:
            continue
        found = texts.get(_normal_path(target.path))
        text = " ".join(a.text_content().split())
        if found is not None and text:
            found.append(text)
    return next((texts[p] for p in parents if texts[p]), [])
