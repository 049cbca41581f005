"""The site's own name as the page states it, and meta titles without it.

«Заголовок | Сайт», «Сайт » Блог » Заголовок», «Заголовок - Rezept von Backen.de»: which end piece
is the site is read from the page — og:site_name, the text or logo of the link to the home page,
the host name — before any guess by length. A page that names its site and whose title has no
piece of that name has no site name in that title: nothing is cut from it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from pipeline.extract import boilerplate

# Chinese and Japanese titles join the site's name without spaces: «标题-新华网», «标题_百度百科».
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60"
TITLE_SEPARATORS = re.compile(
    r"\s+(?:\||—|–|-|::|:|/|»|•|·|ǀ|‖|~)\s+|\s*[｜|]\s*(?=\S)"
    rf"|(?<=[{_CJK}])\s*[-_—–]\s*(?=[{_CJK}])"
)
# A piece longer than this is never a site name guessed by length.
GUESS_MAX_WORDS = 5
# Home links read for the site's name (a menu may repeat «Главная» dozens of times).
MAX_HOME_LINKS = 20
_HOME_PATH = re.compile(r"^/?(?:index\.\w{2,5}|default\.\w{2,5}|home|start)?/?$", re.IGNORECASE)


@dataclass(frozen=True)
class SiteNames:
    """What the page says its site is called."""

    names: tuple[str, ...] = ()
    host: str = ""
    labels: tuple[str, ...] = field(default=())

    def is_site(self, piece: str) -> bool:
        """«Backen.de», «Rezept von Backen.de», «SWIM.DE», «Вести района» (og:site_name
        «Вести района — новости Ульяновска»): a piece that is, or carries, the site's name."""
        folded = boilerplate.fold(piece).strip(" .")
        if not folded:
            return False
        for name in self.names:
            other = boilerplate.fold(name).strip(" .")
            if len(other) < 2:
                continue
            # «petri-heil.ch» of «petri-heil.ch | Dein Fischereimagazin»: the brand opens the name
            # (written with its own hyphens and case: «Stiftung OFFSHORE-WINDENERGIE»).
            if folded == other or (len(folded) >= 4 and other.startswith(folded)):
                return True
            # «Evangelisches Jugendwerk in Württemberg (ejw)»: the name and a word more.
            if folded.startswith(other) and len(folded.split()) <= len(other.split()) + 1:
                return True
            if len(_compact(piece)) >= 4 and _compact(name).startswith(_compact(piece)):
                return True
        compact, host = _compact(piece), _compact(self.host)
        if not compact or not host:
            return False
        if compact in (host, *self.labels):
            return True
        # «Spektrum der Wissenschaft» on spektrum.de, «Point of Sail» on pointofsail-kiel.de
        return any(
            (len(label) >= 5 and compact.startswith(label) and len(piece.split()) <= 3)
            or (len(compact) >= 6 and label.startswith(compact))
            for label in self.labels
        )


def width(text: str) -> int:
    """Length in Latin-letter widths: a CJK character says as much as a few letters."""
    return len(text) + sum(unicodedata.east_asian_width(c) in "WF" for c in text)


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def is_home_href(href: str | None, host: str | None = None) -> bool:
    """A link to the site's front page: «/», «../index.html», «https://site.ru/» (also inside a
    web-archive address) — another site's front page only when ``host`` is unknown."""
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    inner = href.rfind("http", 1)
    href = href[inner:] if inner > 0 else href
    try:
        parts = urlsplit(href)
        other = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # «http://[ccpa-preferences]» and the like: not a link anywhere
        return False
    if host and other and other != host:
        return False
    if parts.query and _HOME_PATH.match(parts.path) and parts.path.strip("/"):
        return False  # «/index.php?option=page&p=glava»: a page the front script serves
    path = parts.path
    path = re.sub(r"^(?:\.\.?/)+", "/", path)
    return bool(_HOME_PATH.match(path))


def read(tree: HtmlElement, page_url: str = "") -> SiteNames:
    """og:site_name, application-name, the home link's text, title or logo alt, and the host
    from og:url, the canonical link or <base> — else the page's own address, so that a footer's
    links to other sites' front pages («Портал госуслуг») are not taken for the site's name."""
    host = ""
    urls = tree.xpath(
        "//meta[@property='og:url']/@content | //link[@rel='canonical']/@href | //base/@href"
    )
    for url in urls:
        inner = url.rfind("http", 1)
        try:
            host = (urlsplit(url[inner:] if inner > 0 else url).hostname or "").lower()
        except ValueError:
            continue
        if host:
            break
    if not host and page_url:
        try:
            host = (urlsplit(page_url).hostname or "").lower()
        except ValueError:
            host = ""
    host = host.removeprefix("www.")
    names: list[str] = []
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title"):
        names += tree.xpath("//meta[@property=$k or @name=$k]/@content", k=key)
    homes = [
        a for a in tree.iter("a") if a.get("rel") == "home" or is_home_href(a.get("href"), host)
    ]
    for a in homes[:MAX_HOME_LINKS]:
        names += [a.text_content(), a.get("title") or "", *a.xpath(".//img/@alt")]
    names = [re.sub(r"\s+", " ", n).strip() for n in names]
    # Some pages put their whole title into application-name or the home link's title.
    titles = tree.xpath("//title/text() | //meta[@property='og:title']/@content")
    own = {
        boilerplate.fold(t)
        for t in (re.sub(r"\s+", " ", t).strip() for t in titles)
        if len(pieces(t)) > 1
    }
    names = [n for n in names if boilerplate.fold(n) not in own]
    labels = tuple(_compact(label) for label in host.split(".")[:-1] if len(label) >= 3)
    return SiteNames(
        names=tuple(dict.fromkeys(n for n in names if 2 <= len(n) <= 120)),
        host=host,
        labels=labels,
    )


def _marks(title: str) -> list[re.Match[str]]:
    """Separators outside «…» quotes, where dashes belong to the title."""
    return [m for m in TITLE_SEPARATORS.finditer(title) if not _in_quotes(title[: m.start()])]


def _in_quotes(before: str) -> bool:
    # A closing » sticks to its word; « » with spaces around is a separator.
    return before.count("«") > len(re.findall(r"(?<=\S)»", before))


def _spans(title: str, marks: list[re.Match[str]]) -> list[tuple[int, int]]:
    cuts = [0, *(x for m in marks for x in (m.start(), m.end())), len(title)]
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def pieces(title: str) -> list[str]:
    return [title[a:b].strip() for a, b in _spans(title, _marks(title))]


def last_piece_apart(title: str) -> tuple[str, str] | None:
    """«A - B | C» → («A - B», «C»); None for a title of one piece."""
    marks = _marks(title)
    if not marks:
        return None
    return title[: marks[-1].start()].strip(), title[marks[-1].end() :].strip()


def piece_runs(title: str) -> list[str]:
    """Every run of whole pieces, as written: «A - B | C» → A, A - B, A - B | C, B, B | C, C."""
    spans = _spans(title, _marks(title))
    return [
        title[spans[i][0] : spans[j][1]].strip()
        for i in range(len(spans))
        for j in range(i, len(spans))
    ]


def has_site_piece(title: str, known: SiteNames) -> bool:
    parts = pieces(title)
    return len(parts) > 1 and (known.is_site(parts[0]) or known.is_site(parts[-1]))


def stripped(
    title: str, site: str | None = None, known: SiteNames | None = None, *, guess: bool = True
) -> str:
    """«Заголовок | Сайт» or «Сайт — Заголовок» → «Заголовок».

    The site's pieces as the page names them are cut from both ends (never the last piece);
    else, with ``guess``, the shorter end piece (five words at most) at the first or last
    separator.
    """
    if known is None and site:
        known = SiteNames(names=(site,))
    elif site:
        known = SiteNames(names=(site, *known.names), host=known.host, labels=known.labels)
    marks = _marks(title)
    if not marks:
        return title
    if known is not None:
        parts = [title[a:b] for a, b in _spans(title, marks)]
        sites = [i for i, part in enumerate(parts) if known.is_site(part)]
        spans = _spans(title, marks)
        # The headline stands before the site's name (and a slogan after it: «Заголовок |
        # site.ch | Журнал о рыбалке»), or after it when the name opens the title.
        if sites and sites[0] > 0:
            return title[: spans[sites[0] - 1][1]].strip()
        if sites:
            lo = next((i for i in range(len(parts)) if i not in sites), None)
            if lo is None:  # «ICON • ICON Magazine»: nothing but the site's name
                return parts[-1].strip()
            hi = next((i - 1 for i in sites if i > lo), len(parts) - 1)
            return title[spans[lo][0] : spans[hi][1]].strip()
    if not guess:
        return title
    options = []
    for m in (marks[0], marks[-1]):
        head, tail = title[: m.start()].strip(), title[m.end() :].strip()
        for site_part, kept in ((tail, head), (head, tail)):
            if (
                site_part
                and kept
                and len(site_part.split()) <= GUESS_MAX_WORDS
                and width(site_part) < width(kept)
            ):
                options.append(kept)
    return max(options, key=len) if options else title
