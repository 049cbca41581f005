"""Headline and byline of a news page.

The page's own headline element wins when it agrees with og:title, JSON-LD or ``<title>`` (which carry
the site name or are cut off); a logo ``<h1>`` agrees with none of them. Without an agreeing element,
the line right above the article's first paragraph is the headline; else the meta titles, the site
name stripped. A title cut by the CMS is completed from a longer meta title or the text.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from urllib.parse import unquote, urljoin, urlsplit

from lxml.html import HtmlElement

from pipeline.extract import boilerplate, dateline, dates, sitename
from pipeline.extract.boilerplate import Block
from pipeline.extract.telegram import post_title

# Headline candidates looked at (h1s first): listing cards can put hundreds of *title* classes.
MAX_TITLE_CANDIDATES = 40
# Titles cut by the CMS at a fixed length are at least this long.
CUT_TITLE_MIN_CHARS = 60
# A <title> of this many words or fewer is a site or section name, not a headline.
WEAK_TITLE_WORDS = 3
# An <h1> of at most this many words may be the site's name above the real headline.
SITE_NAME_WORDS = 4
TITLE_SEPARATORS = sitename.TITLE_SEPARATORS

_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


# Ruby annotations (furigana) are readings printed above the characters, not words of the line.
_SKIPPED_TAGS = boilerplate.DROP_TAGS | {"rt", "rp"}


def element_text(el: HtmlElement) -> str:
    """An element's text on one line, with <br> and nested blocks as spaces («Семьи Курска<br>
    получат выплаты» is not «Курскаполучат»)."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _SKIPPED_TAGS:
                if child.tag == "br" or child.tag in boilerplate.BLOCK_TAGS:
                    parts.append(" ")
                walk(child)
                if child.tag in boilerplate.BLOCK_TAGS:
                    parts.append(" ")
            parts.append(child.tail or "")

    walk(el)
    return clean_line("".join(parts))


def clean_line(text: str | None) -> str:
    """One line: soft hyphens and zero-width characters out, every space run one space."""
    return re.sub(r"\s+", " ", (text or "").translate(_INVISIBLE)).strip()


_width = sitename.width


def _words(text: str) -> int:
    """Words, with Chinese and Japanese (written without spaces) at about two characters a word."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return max(len([w for w in text.split() if any(c.isalnum() for c in w)]), wide // 2)


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for meta in tree.xpath("//meta[@property=$k or @name=$k or @itemprop=$k][@content]", k=key):
            value = clean_line(meta.get("content"))
            if value:
                return value
    return None


def _site_stripped(
    title: str,
    site: str | None = None,
    known: sitename.SiteNames | None = None,
    *,
    guess: bool = True,
) -> str:
    """«Заголовок | Сайт» or «Сайт — Заголовок» → «Заголовок» (see ``sitename.stripped``)."""
    return sitename.stripped(title, site, known, guess=guess)


_TITLE_CLASS = re.compile(r"title|headline|zag|caption|heading", re.IGNORECASE)
# Page builders style the headline by utility classes: «txt-xl txt-bold», «font-bold text-2xl».
_BOLD_CLASS = re.compile(r"bold|(?<![a-z])(?:text-|txt-|fs-|font-)?(?:[2-9]?xl|big|large)\b", re.I)


def _title_candidates(
    tree: HtmlElement, agreeing: Callable[[HtmlElement], bool]
) -> list[HtmlElement]:
    """Elements that may hold the headline, best kind first: h1, itemprop=headline, lower
    headings that repeat a meta title, *title* classes."""
    found: list[HtmlElement] = list(tree.iter("h1"))
    found += tree.xpath('//*[@itemprop="headline"][not(self::meta)]')
    found += [el for el in tree.iter("h2", "h3", "h4") if agreeing(el)]
    for el in tree.iter("h2", "h3", "div", "td", "span", "p", "b", "strong", "font"):
        if _TITLE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            found.append(el)
    seen: set[int] = set()
    out: list[HtmlElement] = []
    for el in found:
        if len(out) >= MAX_TITLE_CANDIDATES:
            break
        text = element_text(el)
        if id(el) in seen or not (8 <= _width(text) <= 300):
            continue
        seen.add(id(el))
        out.append(el)
    return out


def find_title(
    tree: HtmlElement, override: str | None = None, *, items: list[Block] | None = None,
    page_url: str = "",
) -> tuple[str | None, HtmlElement | None]:
    """The article title and the element it came from (None for meta/JSON-LD titles); a title
    read from the page's <title> loses a last piece naming the section it sits in."""
    title, el = _find_title(tree, override, items=items, page_url=page_url)
    if title and el is None:
        title = without_section_tail(title, tree, page_url)
    return title, el


# Fewest words a title keeps when its last piece is cut off as the section's name.
MIN_TITLE_WORDS_LEFT = 3


def without_section_tail(title: str, tree: HtmlElement, page_url: str) -> str:
    """«Опрос: нужна ли вторая школа? - Опека и усыновление» → «Опрос: нужна ли вторая школа?»
    when the page links «Опека и усыновление» elsewhere (its board, in the crumbs): a forum's or a
    portal's <title> names the section after the headline, as others name the site."""
    split = sitename.last_piece_apart(title)
    if split is None or len(split[0].split()) < MIN_TITLE_WORDS_LEFT:
        return title
    head, tail = split[0], boilerplate.fold(split[1])
    page = urlsplit(page_url)[2:4]
    linked = any(
        boilerplate.fold(" ".join(a.text_content().split())) == tail
        and urlsplit(urljoin(page_url, a.get("href") or ""))[2:4] != page
        for a in tree.iter("a")
    )
    return head if linked else title

def _find_title(
    tree: HtmlElement, override: str | None = None, *, items: list[Block] | None = None,
    page_url: str = "",
) -> tuple[str | None, HtmlElement | None]:
    """The article title and the element it came from (None for meta/JSON-LD titles).
    ``items`` is ``boilerplate.blocks(tree)`` when the caller has it already.

    The page's own headline element wins when it agrees with og:title, JSON-LD or ``<title>``
    (which carry the site name or are cut); a logo ``<h1>`` in the header agrees with none of them.
    """
    if override:
        for el in boilerplate.select(tree, override):
            if element_text(el):
                return element_text(el), el
    items = boilerplate.blocks(tree) if items is None else items
    og = _meta(tree, "og:title", "twitter:title")
    ld = next(
        (
            clean_line(html.unescape(o["headline"]))
            for o in dates.jsonld_objects(tree)[0]
            if isinstance(o.get("headline"), str)
        ),
        None,
    )
    head_title = clean_line(tree.findtext(".//title"))
    site = _meta(tree, "og:site_name", "application-name")
    known = sitename.read(tree, page_url)
    site = site if site in known.names else None  # not the page's whole title
    # A page that names its site somewhere in a meta title says which piece the site is; then
    # a title without such a piece has none, and nothing is cut from it by a guess.
    # og:site_name states the name outright: a title with no piece of it has no site name.
    guess = not site and not any(t and sitename.has_site_piece(t, known) for t in (og, head_title))
    # JSON-LD's headline is the article's own field: only a piece the page names as its site
    # is cut from it.
    bare = {
        "ld": _site_stripped(ld, site, known, guess=False) if ld else None,
        "og": _site_stripped(og, site, known, guess=guess) if og else None,
        "title": _site_stripped(head_title, site, known, guess=guess) if head_title else None,
    }
    h1_texts = {
        boilerplate.fold(element_text(h)) for h in tree.iter("h1") if not _is_home_link(h, known)
    } - {boilerplate.fold(site or "")}
    # «Новости фонда», «Главная»: a meta title of a few words names the site or section and is
    # the same on every page; it neither confirms a headline element nor stands for one —
    # unless the page's <h1> says the same (og:title «BestCrypt», <h1>BestCrypt</h1>).
    strong_keys = [
        key
        for key, full in (("ld", ld), ("og", og), ("title", head_title))
        if full
        and bare[key]
        and (
            _words(bare[key]) > WEAK_TITLE_WORDS
            or (
                boilerplate.fold(bare[key]) in h1_texts
                # <title> only when the page named the site it cut off («… - Rezept von
                # Backen.de»): «Новости Заречного — официальный сайт» is a site's own name.
                and (
                    key != "title"
                    or _site_stripped(head_title, site, known, guess=False) != head_title
                )
            )
        )
    ]
    strong = [{"ld": ld, "og": og, "title": head_title}[k] for k in strong_keys]
    others = [_key(bare[k]) for k in strong_keys]
    # og:title and JSON-LD are per article: an <h1> they repeat is the headline.
    article_meta = [_key(bare[k]) for k in strong_keys if k != "title"]
    prose = boilerplate.page_prose(tree)

    fulls = [_key(t) for t in strong]
    bare_strong = [bare[k] or "" for k in strong_keys]

    def agreement(el: HtmlElement) -> float:
        raw = element_text(el)
        text = _key(raw).rstrip(".… ")
        if not text or _is_hidden(el):
            return 0.0
        # How much of each meta title this element covers: the headline covers all of
        # «Заголовок» in «Заголовок | Сайт», a section element only a piece of it, the site's
        # name nothing.
        site_piece = known.is_site(raw)
        return sum(
            1.0
            if t.rstrip(".… ") in text
            else len(text) / len(t)
            if text in t
            else len(text) / len(full)
            if text in full and not site_piece
            else 0.0
            for t, full in zip(others, fulls)
        )

    # Meta titles that had a site's name cut off: a one-piece <title> may be the site's name.
    cut_titles = [o for o, full in zip(others, strong) if o != _key(full)]
    candidates = [
        el
        for el in _title_candidates(
            tree, agreeing=lambda el: _repeats_piece(el, strong, bare_strong)
        )
        if el.tag != "h1"
        or any(_key(element_text(el)) in t for t in article_meta)
        or _covers_most(_key(element_text(el)), cut_titles)
        or not _is_site_name(el, items, head_title, site, known)
    ]

    runs = [(_piece_runs(t), _key(b)) for t, b in zip(strong, bare_strong)]

    def whole(el: HtmlElement) -> bool:
        """The element holds the site-less meta title, or is whole pieces of it (an <h1>
        «Заголовок» for «Заголовок - Подзаголовок | Сайт»), and is not the site's name."""
        raw = element_text(el)
        text = _key(raw)
        return not known.is_site(raw) and any(
            (b and b in text) or text in pieces for pieces, b in runs
        )

    def rank(item: tuple[int, HtmlElement]) -> tuple[bool, bool, tuple, bool, int]:
        order, el = item
        logo = (
            bool(el.xpath("ancestor-or-self::a"))
            or _is_home_link(el, known)
            or boilerplate.in_widget(el, prose)
        )
        exact = _key(element_text(el)) in others
        # Whole pieces first, then the page's own headline kind: a subtitle <h2> that is the
        # longer piece of «Заголовок - Подзаголовок» does not beat the <h1>.
        agree, is_h1 = agreement(el), el.tag == "h1"
        kind = (is_h1, agree) if whole(el) else (agree, is_h1)
        return whole(el), not logo, kind, exact, -order

    if candidates:
        order, el = max(enumerate(candidates), key=rank)
        _, not_logo, _, _, _ = rank((order, el))
        agree, is_h1 = agreement(el), el.tag == "h1"
        if agree or (not others and not_logo) or (is_h1 and not_logo):
            metas = [t for t in (*bare.values(), ld, og) if t]
            text = _trimmed_to_meta(el, metas) or _without_kicker(el, element_text(el), others)
            return _finish(_complete(text, [t for t in (ld, og) if t in strong])), el
    if not [t for t in (ld, og) if t in strong]:
        # No headline element agrees with <title>: the headline is the line right above the
        # article's first paragraph (old CMSs, table layouts, page builders) — a heading, or any
        # line when <title> is only a site or section name («Новости - Администрация города»).
        # It need not agree with <title>: SEO titles are often worded differently.
        stripped = bare["title"] or ""
        found, el = _title_from_blocks(items, any_tag=_words(stripped) <= WEAK_TITLE_WORDS)
        if found:
            return _finish(found), el
    for title in (bare["ld"], bare["og"], bare["title"]):
        if title:
            return _finish(title), None
    return None, None


def _covers_most(text: str, titles: list[str]) -> bool:
    """«Roasted Chicken with Oriental Rice» of «… Rice Recipe»: most of a site-less meta title
    is a headline, whatever the blocks around it look like."""
    return bool(text) and any(text in t and len(text) >= 0.5 * len(t) for t in titles)


def _finish(title: str) -> str:
    # One form for one text: «ড়» typed as one character or as two compares equal downstream.
    return unicodedata.normalize("NFC", title)


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―"} | {c: '"' for c in "«»“”„‟"})


def _key(text: str) -> str:
    """The form two titles are compared in: folded, one dash, one quote mark."""
    return boilerplate.fold(text.translate(_DASHES)).strip(" .:;,!?")


def _is_home_link(el: HtmlElement, known: sitename.SiteNames) -> bool:
    """A heading that is all a link to the front page: the site's logo or name, whatever it says."""
    text = element_text(el)
    links = [
        a
        for a in el.iter("a")
        if a.get("rel") == "home" or sitename.is_home_href(a.get("href"), known.host)
    ]
    return bool(text) and sum(len(element_text(a)) for a in links) >= len(text)


def _repeats_piece(el: HtmlElement, fulls: list[str], bares: list[str]) -> bool:
    """A lower heading that is a meta title without its site, or most of one, whole pieces of it
    («Заголовок - Подзаголовок | Сайт»): not a kicker that only starts the title's first piece
    («Тема дня: Заголовок»), nor a short piece of a long SEO title."""
    text = _key(element_text(el))
    if not text or _is_hidden(el):
        return False
    for full, bare in zip(fulls, bares):
        runs = _piece_runs(full)
        if text == _key(bare) or (text in runs and len(text) >= 0.5 * len(_key(bare))):
            return True
    return False


def _piece_runs(title: str) -> set[str]:
    return {_key(run) for run in sitename.piece_runs(title)}


_HIDDEN_CLASS = re.compile(
    r"screen-reader|sr-only|visually-hidden|visuallyhidden|\bhidden\b|\binvisible\b|offscreen", re.I
)


def _is_hidden(el: HtmlElement) -> bool:
    """Text for screen readers only (WordPress repeats the whole <title> in one)."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return bool(
        _HIDDEN_CLASS.search(el.get("class") or "")
        or "display:none" in style
        or el.get("aria-hidden") == "true"
        or el.get("hidden") is not None
    )


def _trimmed_to_meta(el: HtmlElement, metas: list[str]) -> str | None:
    """«<h1><span>Рубрика</span> Заголовок <small>Подзаголовок</small></h1>» → «Заголовок» when a
    meta title is exactly that run of the element's parts: a kicker, subtitle or date printed
    inside the headline element is not the title the page gives itself."""
    while True:
        children = [c for c in el if isinstance(c.tag, str) and element_text(c)]
        loose = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if len(children) == 1 and not loose:
            el = children[0]
            continue
        break
    parts: list[str] = [clean_line(el.text)]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED_TAGS:
            parts.append(element_text(child))
        parts.append(clean_line(child.tail))
    parts = [p for p in parts if p]
    wanted = {_key(m) for m in metas if m}
    runs = (
        clean_line(" ".join(parts[start : start + size]))
        for size in range(1, len(parts))
        for start in range(len(parts) - size + 1)
    )
    # The longest run a meta title names: «Wurmkiste» (og) is the kicker of «Wurmkiste selber
    # bauen» (JSON-LD).
    return max((run for run in runs if _key(run) in wanted), key=len, default=None)


def _is_site_name(
    h1: HtmlElement,
    items: list[Block],
    head_title: str,
    site: str | None,
    known: sitename.SiteNames | None = None,
) -> bool:
    """An ``<h1>`` that names the site (the same on every page), the headline being a lower
    heading: it is og:site_name, or the site part of ``<title>``, or a short line in a container
    of its own (or above a menu) with a longer heading between it and the text."""
    text = element_text(h1)
    folded = boilerplate.fold(text)
    if site and folded == boilerplate.fold(site):
        return True
    if head_title:
        kept = boilerplate.fold(_site_stripped(head_title, site, known, guess=not site))
        named = _site_stripped(head_title, site, known, guess=False) if known else head_title
        if folded == boilerplate.fold(named) and named != head_title:
            # «Заголовок - Rezept von Backen.de» and <h1>Заголовок</h1>: the page's title
            # names its site apart, and the <h1> is the rest.
            return False
        pieces = {boilerplate.fold(p) for p in sitename.pieces(head_title)}
        # «Заголовок | Сайт» and <h1>Сайт</h1>; never the headline itself, nor a part of it
        # («Сайт - Раздел - Заголовок» keeps «Раздел - Заголовок», the <h1> being «Заголовок»).
        if folded != kept and folded in pieces and folded not in kept and kept not in folded:
            return True
    start = next((i for i, b in enumerate(items) if b.el is h1), None)
    if start is None:
        return False
    menu = False  # a menu between the <h1> and a lower heading: the <h1> tops the site, any length
    for block in items[start + 1 :]:
        if len(block.text) >= dateline.BODY_MIN_CHARS and block.link_density < 0.5:
            return False  # reached the text: no headline below the <h1>
        menu = menu or block.link_density > 0.5
        words = len(block.text.split())
        if (
            (menu or len(text.split()) <= SITE_NAME_WORDS)
            and words > (SITE_NAME_WORDS if menu else max(len(text.split()), SITE_NAME_WORDS))
            and len(block.text) <= 250
            and block.link_density < 0.5
            and not block.text.endswith(".")
            and block.el.tag in ("h2", "h3", "h4")
            # A headline and its subtitle share a container; the site's name sits in its own.
            and (menu or block.el.getparent() is not h1.getparent())
        ):
            return True
    return False


_KICKER_TAGS = frozenset({"span", "a", "small", "em", "i", "b", "strong", "mark", "sup", "font"})
_KICKER_CLASS = re.compile(r"rubri|categ|cat\b|section|razdel|tag|label|kicker|topic", re.I)


def _without_kicker(el: HtmlElement, text: str, others: list[str]) -> str:
    """«<h1><a class="cat">Общество.</a> Тверь: …</h1>» → «Тверь: …»: a rubric label that opens
    the headline element (a link, a rubric class or a separator after it) is not the title,
    unless a meta title carries it too."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if (el.text or "").strip() or first is None or first.tag not in _KICKER_TAGS:
        return text
    kicker = element_text(first)
    if not kicker or len(kicker.split()) > 3 or not text.startswith(kicker):
        return text
    rest = text[len(kicker) :].lstrip(" .:|/—–-•·")
    separated = kicker.rstrip()[-1:] in ".:|/" or text[len(kicker) :].lstrip()[:1] in "|/—–•·"
    marked = first.tag == "a" or _KICKER_CLASS.search(f"{first.get('class') or ''}") is not None
    folded = boilerplate.fold(kicker).rstrip(".:|/ ")
    if (
        len(rest.split()) >= 3
        and (rest[:1].isupper() or rest[:1] in '«"')
        and (separated or marked)
        and not any(t.startswith(folded) for t in others)
    ):
        return rest
    return text


def _looks_like_heading(el: HtmlElement) -> bool:
    if el.tag in ("h1", "h2", "h3", "h4", "b", "strong", "font"):
        return True
    if el.xpath("./b | ./strong | ./font"):
        return True
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
    style = (el.get("style") or "").replace(" ", "").lower()
    return bool(
        _TITLE_CLASS.search(attrs)
        or _BOLD_CLASS.search(attrs)
        or re.search(r"font-weight:(bold|[6-9]00)", style)
    )


def _title_from_blocks(
    items: list[Block], *, any_tag: bool
) -> tuple[str | None, HtmlElement | None]:
    first_body = next(
        (
            i
            for i, b in enumerate(items)
            if len(b.text) >= dateline.BODY_MIN_CHARS and b.link_density < 0.5
        ),
        None,
    )
    if first_body is None:
        return None, None
    for block in reversed(items[max(0, first_body - 4) : first_body]):
        text = block.text
        if dateline.dateline_date(
            text, datetime.datetime.now(), dateish=True
        ) or boilerplate.is_drop_line(text):
            continue
        if text.endswith((".", "!", "…")) and len(text) >= 60:
            continue  # a short bold lead above the body: the headline is further up
        if (
            15 <= len(text) <= 250
            and block.link_density < 0.5
            and not text.endswith(".")
            and (any_tag or _looks_like_heading(block.el))
        ):
            return text, block.el
        break
    return None, None


def _complete(title: str, others: list[str]) -> str:
    """A cut-off title («… регионо», «… регионов…») completed from a longer meta title."""
    bare = title.rstrip(".… ")
    cut = title.endswith(("…", "..."))
    for other in others:
        if len(other) > len(bare) and other.lower().startswith(bare.lower()):
            rest = other[len(bare) :]
            # Completed only when it was cut (mid-word or with an ellipsis), and without the
            # site name that og:title may carry («Заголовок | Сайт»).
            if cut or rest[:1].isalnum():
                return _site_stripped_tail(other, bare)
    return bare if cut else title


def _site_stripped_tail(full: str, head: str) -> str:
    parts = TITLE_SEPARATORS.split(full[len(head) :], maxsplit=1)
    return head + parts[0] if len(parts) > 1 else full


# The start of a post that a <title> carries after the site's name: this many characters or more.
POST_START_MIN_CHARS = 25
_PIECE_START_RE = re.compile(r"[:|—–»/·•]\s*")


def headline_of_a_post(
    head_title: str | None, text: str, *, page: Sequence[str] = ()
) -> str | None:
    """A post with no headline of its own (a site mirroring its channel or its wall, a
    microblog's post titled by its account): its <title> is the site's or account's name and
    the start of the text («Центр «Семья» | Камчатка: Региональный
    материнский капитал на третьего ребёнка вырос д»), and the post's first line or sentence is
    its headline — as a channel's post is read (pipeline.extract.telegram.post_title). A
    thread's first post standing above its date («В Берёзовском открылся клуб приёмных семей 🧵»),
    which the text leaves out as the page's header, is found among the ``page``'s lines."""
    if not head_title or not text:
        return None
    if _ACCOUNT_TITLE_RE.search(head_title):
        return post_title(text) or None
    folded_text = " ".join(text.split()).lower()
    for mark in _PIECE_START_RE.finditer(head_title):
        piece = _quoted_start(" ".join(head_title[mark.end() :].split())).rstrip(".… ").lower()
        if len(piece) < POST_START_MIN_CHARS:
            continue
        if folded_text.startswith(piece):
            return post_title(text) or None
        for line in page:
            if " ".join(line.split()).lower().startswith(piece):
                return post_title(line) or None
    return None


def without_account_handle(text: str, title: str | None) -> str:
    """A photo post's caption printed after its account's handle («rodnyeludiСемья из…»,
    Pixelfed's and Instagram's caption lines): the text without the handle the title names."""
    found = _ACCOUNT_TITLE_RE.search(title or "")
    handle = found.group(1) if found else ""
    if handle and text.startswith(handle) and text[len(handle):][:1] not in ("", "_", "."):
        return text[len(handle):].lstrip()
    return text


def is_account_title(title: str | None) -> bool:
    """«Ирина (@irina@kostroma.social)»: a post page titled by its account."""
    return _ACCOUNT_TITLE_RE.search(title or "") is not None


# A microblog's post page titled by its account: «Союз многодетных семей (@mnogodetnye40) |
# Калужские многодетные», «Ирина (@irina@kostroma.social)» — whose post it is, not what it says.
_ACCOUNT_TITLE_RE = re.compile(r"\(@([\w.-]+)(?:@[\w.-]+)?\)\s*(?:$|[|—–·:-])")

_QUOTE_CLOSERS = {'"': '"', "“": "”", "„": "“", "«": "»"}


def _quoted_start(piece: str) -> str:
    """A federated server's or a microblog's <title> quotes the start of the post: «Семьи
    Костромы: "Форум … закончился, и у нас…" - kostroma.social» — the quoted words, up to the
    ellipsis that cut them or the closing quote."""
    closer = _QUOTE_CLOSERS.get(piece[:1])
    if closer is None:
        return piece
    inner = piece[1:]
    cut = [k for k in (inner.find("…"), inner.rfind(closer)) if k > 0]
    return inner[: min(cut)] if cut else inner


_NAMESPACE_RE = re.compile(r"^(?P<space>[^\s:/]{2,40}):(?P<rest>\S.*)$")


def without_namespace(title: str | None, url: str) -> str | None:
    """A wiki's headline keeps its page's namespace («Новости:Перекрытие набережной»), which the
    address also opens with («/wiki/Новости:Перекрытие_набережной»): the headline is the rest."""
    match = _NAMESPACE_RE.match(title or "")
    if match is None:
        return title
    leaf = unquote(urlsplit(url).path).rstrip("/").rpartition("/")[2]
    if leaf.replace("_", " ").startswith(f"{match['space']}:"):
        return match["rest"]
    query = unquote(urlsplit(url).query)  # «/index.php?title=Новости:…»
    return match["rest"] if f"title={match['space']}:" in query.replace("_", " ") else title


def complete_from_text(title: str | None, text: str) -> str | None:
    """A title cut mid-word («… практик регионо») completed from the first sentence when the
    text repeats it. Only long titles: CMSs cut at a fixed length, short headlines are whole."""
    if not title or len(title) < CUT_TITLE_MIN_CHARS:
        return title
    bare = title.rstrip(".… ")
    if text.lower().startswith(bare.lower()) and len(text) > len(bare):
        tail = re.match(r"[\w-]*", text[len(bare) :]).group()
        if tail:
            return text[: len(bare) + len(tail)]
    return title


def find_author(tree: HtmlElement, *, items: list[Block] | None = None) -> str | None:
    value = _meta(tree, "author", "article:author", "og:article:author")
    if value and not value.startswith("http"):
        return value
    for obj in dates.jsonld_objects(tree)[0]:
        author = obj.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return clean_line(author["name"])
        if isinstance(author, str) and author.strip():
            return clean_line(author)
    prose = boilerplate.page_prose(tree)
    for el in tree.xpath('//*[@itemprop="author" or @rel="author" or contains(@class, "author")]'):
        text = element_text(el)
        text = re.sub(r"^(автор|текст)\s*:\s*", "", text, flags=re.IGNORECASE)
        if 3 <= len(text) <= 60 and not boilerplate.in_widget(el, prose):
            return text
    # «Автор: Иван Петров», «Текст: …» on a line of its own (old CMSs, no markup for it).
    for block in boilerplate.blocks(tree) if items is None else items:
        m = _BYLINE.match(block.text)
        if m:
            return m.group(1)
    return None


_BYLINE = re.compile(
    r"^(?:автор|автор текста|текст|текст и фото)\s*:\s*"
    r"([А-ЯЁA-Z][а-яёa-z]+(?:[ -][А-ЯЁA-Z][а-яёa-z.]+){1,2})\s*\.?$",
    re.IGNORECASE,
)
