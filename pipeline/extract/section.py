"""The section a page sits in, named by the site itself.

A site's menu and breadcrumbs link to the page's parents: «Пресс-центр / Анонсы мероприятий /
<the page>». The link to the nearest parent path (the longest proper prefix of the page's path
that some link on the page points to) names the page's section, whatever the template calls its
breadcrumbs or menus. A breadcrumb trail may also name the section without a link («<a>Главная</a>
/ <span>Анонсы</span> / <span>the headline</span>»): the crumb before the page's own headline.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newsmon.core.urls import absolute, same_origin

# Crumbs are short; a separator crumb is only punctuation («/», «›», «»», «→», «|»).
CRUMB_MAX_CHARS = 80
_SEPARATOR_RE = re.compile(r"^[\s/›»→>|·•\\-]*$")

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
        try:
            link = absolute(url, a.get("href", ""))
            target = urlsplit(link) if link and same_origin(link, url) else None
        except ValueError:  # «http://[not-an-ip]/»
            continue
        if target is None or target.query:
            continue
        found = texts.get(_normal_path(target.path))
        text = " ".join(a.text_content().split())
        if found is not None and text:
            found.append(text)
    return next((texts[p] for p in parents if texts[p]), [])


def _words(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


_TRAIL_NAME_RE = re.compile(r"crumb|breadcrumb|navigation-chain|nav-chain|path", re.I)


def _is_trail(el: HtmlElement, items: list[HtmlElement]) -> bool:
    """A breadcrumb trail, not a menu whose last item happens to be the headline: separators
    between its crumbs («Главная / Анонсы / …»), or a name that says so (li items whose
    separators only CSS draws)."""
    named = any(_TRAIL_NAME_RE.search(f"{e.get('class') or ''} {e.get('id') or ''}")
                for e in (el, el.getparent()) if e is not None)
    separated = any((c.tail or "").strip() and _SEPARATOR_RE.match(c.tail or "") for c in items)
    separators = any(_SEPARATOR_RE.match(_words(c)) and _words(c) for c in items)
    return named or separated or separators


def _headline(tree: HtmlElement) -> HtmlElement | None:
    return next((h for h in tree.iter("h1") if _words(h)), None)


def trail_section(tree: HtmlElement) -> str | None:
    """The crumb before the headline in a breadcrumb trail that opens with a link («Главная»)
    and ends with the page's <h1>: the section's name, linked or not."""
    h1 = _headline(tree)
    if h1 is None:
        return None
    headline = _words(h1)
    for el in tree.iter("div", "nav", "ol", "ul", "p"):
        items = [c for c in el if isinstance(c.tag, str)]
        if len(items) == 1 and items[0].tag in ("ol", "ul"):
            items = [c for c in items[0] if isinstance(c.tag, str)]
        if len(items) < 3:
            continue
        # The last crumb first: most containers end with something else, and reading every
        # child's text of every container costs (this runs on every fetched page).
        last = next((w for w in map(_words, reversed(items)) if not _SEPARATOR_RE.match(w)), None)
        if last != headline:
            continue
        crumbs = [c for c in items if not _SEPARATOR_RE.match(_words(c))]
        if len(crumbs) < 3 or any(len(_words(c)) > CRUMB_MAX_CHARS for c in crumbs[:-1]):
            continue
        first = crumbs[0] if crumbs[0].tag == "a" else next(crumbs[0].iter("a"), None)
        if first is None or not _is_trail(el, items):
            continue
        return _words(crumbs[-2]) or None
    return None


# A trail that stops at the section is named so by its class or id: without the page's own
# crumb, separators alone cannot tell it from a menu.
_OPEN_TRAIL_RE = re.compile(r"crumb|navigation-chain|nav-chain", re.I)
OPEN_TRAIL_MAX_LINKS = 6
# A rubric label over a headline: one or two short links and nothing else.
LABEL_MAX_CHARS = 60


def _to_front_page(a: HtmlElement) -> bool:
    target = urlsplit(a.get("href") or "")
    return not target.query and target.path in ("", "/", "./", "/index.php", "/index.html")


def open_trail_section(tree: HtmlElement) -> str | None:
    """The last crumb of a breadcrumb trail above the headline that stops at the page's section
    («Форумы › Объявления и встречи» over a forum thread's headline, or the home crumb a
    picture): the trail opens with the front page, and its last link names the section."""
    headline = _headline(tree)
    if headline is None:
        return None
    for el in tree.iter():
        if el is headline:
            return None
        if not isinstance(el.tag, str) or not _OPEN_TRAIL_RE.search(
            f"{el.get('class') or ''} {el.get('id') or ''}"
        ):
            continue
        links = list(el.iter("a"))
        if not 2 <= len(links) <= OPEN_TRAIL_MAX_LINKS or not _to_front_page(links[0]):
            return None
        last = _words(links[-1])
        if not last or last == _words(headline) or len(last) > CRUMB_MAX_CHARS:
            return None
        return last
    return None


def label_above_headline(tree: HtmlElement) -> str | None:
    """The rubric label printed right above the headline («<ul class="TagsLabel"><li><a
    href="/t/voprosy">Вопросы</a></li></ul><h1>…»): the element just before the <h1> holds
    one or two short links and no other words; its first link names the section."""
    headline = _headline(tree)
    label = headline.getprevious() if headline is not None else None
    while label is not None and not isinstance(label.tag, str):  # a comment between
        label = label.getprevious()
    if label is None:
        return None
    links = [a for a in ([label] if label.tag == "a" else label.iter("a")) if _words(a)]
    text = _words(label)
    if not 1 <= len(links) <= 2 or len(text) > LABEL_MAX_CHARS:
        return None
    if sum(len(_words(a)) for a in links) + len(links) - 1 < len(text):
        return None  # words beside the links: a dateline, a byline
    return _words(links[0])
