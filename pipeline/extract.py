"""Extraction: clean main text, title, lead, author and the true publication date of a news page.

The text cascade (the winner is recorded in ``Extracted.text_method``):

1. ``override`` — the source's CSS selector from sources.yml, when it matches;
2. ``trafilatura`` — trafilatura on the page pruned of widgets (boilerplate.prune), recall-oriented,
   then cut at «По теме»/«Читайте также» markers and cleaned of counters and share lines;
3. ``baseline`` — our own densest-container extractor over text blocks, used when trafilatura
   under-delivers (less than ``RESCUE_RATIO`` of the baseline's text) or finds nothing.

The title prefers the article's ``<h1>``, checked against og:title / JSON-LD / ``<title>`` (site name
stripped) and completed when it was cut off. Dates: see pipeline/dates.py.
"""

from __future__ import annotations

import datetime
import logging
import re
from copy import deepcopy
from dataclasses import dataclass

import lxml.html
from lxml.html import HtmlElement

from pipeline import boilerplate, dates

log = logging.getLogger(__name__)

# trafilatura's text must reach this share of the baseline's length, else the baseline wins.
RESCUE_RATIO = 0.6
# A container's paragraphs count only when they are this long and mostly not links.
MIN_PARAGRAPH_CHARS = 40
MAX_LINK_DENSITY = 0.35
# The headline is looked for among the first paragraphs; what precedes it must be short chrome.
HEAD_SCAN = 4
# Headline candidates looked at (h1s first): listing cards can put hundreds of *title* classes.
MAX_TITLE_CANDIDATES = 40
# Paragraphs this long are never repeated on purpose.
DEDUPE_MIN_CHARS = 60
# Titles cut by the CMS at a fixed length are at least this long.
CUT_TITLE_MIN_CHARS = 60
# A <title> of this many words or fewer is a site or section name, not a headline.
WEAK_TITLE_WORDS = 3
MAX_HEAD_CHROME = 200
TITLE_SEPARATORS = re.compile(r"\s+(?:\||—|–|-|::|:|/|»|•|·)\s+")


@dataclass(frozen=True)
class SelectorOverrides:
    """CSS selectors from a source's optional ``selectors:`` mapping in sources.yml."""

    title: str | None = None
    text: str | None = None
    date: str | None = None


@dataclass
class Extracted:
    url: str
    title: str | None
    text: str  # clean main text, paragraphs separated by "\n\n"
    lead: str | None  # first paragraph
    author: str | None
    published: datetime.date | None
    date_method: str  # "override", "jsonld", "meta", "time", "dateline", "url", "none"
    text_method: str  # "override", "trafilatura", "baseline", "none"


# ---------------------------------------------------------------------------------------------
# Decoding and parsing

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_-]+)""", re.IGNORECASE)


def _looks_like_mojibake(text: str) -> bool:
    """Cyrillic bytes read as a Western code page: «Ïðîåêò» — many À–ÿ letters, no Cyrillic."""
    sample = text[:20000]
    western = len(re.findall("[\u00c0-\u00ff]", sample))
    return western > 20 and not re.search("[а-яА-ЯёЁ]", sample)


def decode(html: bytes | str, encoding: str | None = None) -> str:
    """Page bytes to text: the HTTP encoding, else <meta charset>, else UTF-8, else detection.

    Scrapy falls back to cp1252 for pages that declare nothing; a Russian page decoded that way
    is all mojibake, so a Western single-byte result without Cyrillic is decoded again.
    """
    if isinstance(html, str):
        return html
    candidates: list[str] = []
    if encoding:
        candidates.append(encoding)
    m = _META_CHARSET.search(html[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii"))
    candidates.append("utf-8")
    for name in candidates:
        name = {"win-1251": "cp1251", "windows1251": "cp1251"}.get(name.lower(), name)
        try:
            text = html.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        if not _looks_like_mojibake(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(
        html, cp_isolation=["utf_8", "cp1251", "koi8_r", "cp866", "mac_cyrillic"]
    ).best()
    if best is not None:
        return str(best)
    return html.decode("cp1251", errors="replace")


def parse_html(html: bytes | str, encoding: str | None = None) -> HtmlElement:
    text = decode(html, encoding)
    # lxml refuses str input that declares an encoding in an XML prolog.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except Exception:  # lxml raises ParserError on empty or hopeless documents
        return lxml.html.document_fromstring("<html><body></body></html>")


# ---------------------------------------------------------------------------------------------
# Title, author


_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def _element_text(el: HtmlElement) -> str:
    """An element's text on one line, with <br> and nested blocks as spaces («Семьи Курска<br>
    получат выплаты» is not «Курскаполучат»)."""
    parts: list[str] = [el.text or ""]
    for node in el.iterdescendants():
        if not isinstance(node.tag, str) or node.tag in boilerplate.DROP_TAGS:
            parts.append(node.tail or "")
            continue
        if node.tag == "br" or node.tag in boilerplate.BLOCK_TAGS:
            parts.append(" ")
        parts.append(node.text or "")
        parts.append(node.tail or "")
    return _clean("".join(parts))


def _clean(text: str | None) -> str:
    """One line: soft hyphens and zero-width characters out, every space run one space."""
    return re.sub(r"\s+", " ", (text or "").translate(_INVISIBLE)).strip()


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for meta in tree.xpath("//meta[@property=$k or @name=$k or @itemprop=$k][@content]", k=key):
            value = _clean(meta.get("content"))
            if value:
                return value
    return None


def _site_stripped(title: str, site: str | None = None) -> str:
    """«Заголовок | Сайт» or «Сайт — Заголовок» → «Заголовок».

    The site name is og:site_name when given, else the shorter end piece (five words at most) at
    the first or last separator — never a split inside «…» quotes, where dashes belong to the title.
    """
    if site and site in title and site != title:
        rest = title.replace(site, " ")
        return TITLE_SEPARATORS.sub(" ", f" {rest} ").strip(" |—–-:/»•·")
    marks = [
        m
        for m in TITLE_SEPARATORS.finditer(title)
        if title[: m.start()].count("«") == title[: m.start()].count("»")
    ]
    if not marks:
        return title
    options = []
    for m in (marks[0], marks[-1]):
        head, tail = title[: m.start()].strip(), title[m.end() :].strip()
        for site_part, kept in ((tail, head), (head, tail)):
            if site_part and kept and len(site_part.split()) <= 5 and len(site_part) < len(kept):
                options.append(kept)
    return max(options, key=len) if options else title


_TITLE_CLASS = re.compile(r"title|headline|zag|caption|heading", re.IGNORECASE)


def _title_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """Elements that may hold the headline, best kind first: h1, itemprop=headline, *title* classes."""
    found: list[HtmlElement] = list(tree.iter("h1"))
    found += tree.xpath('//*[@itemprop="headline"][not(self::meta)]')
    for el in tree.iter("h2", "h3", "div", "td", "span", "p", "b", "strong", "font"):
        if _TITLE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            found.append(el)
    seen: set[int] = set()
    out: list[HtmlElement] = []
    for el in found:
        if len(out) >= MAX_TITLE_CANDIDATES:
            break
        text = _element_text(el)
        if id(el) in seen or not (8 <= len(text) <= 300):
            continue
        seen.add(id(el))
        out.append(el)
    return out


def find_title(
    tree: HtmlElement, override: str | None = None
) -> tuple[str | None, HtmlElement | None]:
    """The article title and the element it came from (None for meta/JSON-LD titles).

    The page's own headline element wins when it agrees with og:title, JSON-LD or ``<title>``
    (which carry the site name or are cut); a logo ``<h1>`` in the header agrees with none of them.
    """
    if override:
        for el in boilerplate.select(tree, override):
            if _element_text(el):
                return _element_text(el), el
    og = _meta(tree, "og:title", "twitter:title")
    ld = next(
        (
            _clean(o["headline"])
            for o in dates.jsonld_objects(tree)[0]
            if isinstance(o.get("headline"), str)
        ),
        None,
    )
    head_title = _clean(tree.findtext(".//title"))
    others = [boilerplate.fold(t) for t in (ld, og, head_title) if t]
    candidates = _title_candidates(tree)
    prose = boilerplate.page_prose(tree)

    def rank(item: tuple[int, HtmlElement]) -> tuple[float, bool, bool, int]:
        order, el = item
        text = boilerplate.fold(_element_text(el)).rstrip(".… ")
        # How much of each meta title this element covers: the headline covers most of
        # «Заголовок | Сайт», the site-name element only its tail.
        agree = sum(
            1.0 if t.rstrip(".… ") in text else len(text) / len(t) if text in t else 0.0
            for t in others
        )
        logo = bool(el.xpath("ancestor-or-self::a")) or boilerplate.in_widget(el, prose)
        return agree, not logo, el.tag == "h1", -order

    if candidates:
        order, el = max(enumerate(candidates), key=rank)
        agree, not_logo, is_h1, _ = rank((order, el))
        if agree or (not others and not_logo) or (is_h1 and not_logo):
            return _complete(_element_text(el), [t for t in (ld, og) if t]), el
    site = _meta(tree, "og:site_name", "application-name")
    if not (ld or og):
        # No headline element agrees with <title>: the headline is the line right above the
        # article's first paragraph (old CMSs, table layouts, page builders) — a heading, or any
        # line when <title> is only a site or section name («Новости - Администрация города»).
        # It need not agree with <title>: SEO titles are often worded differently.
        stripped = _site_stripped(head_title, site) if head_title else ""
        found, el = _title_from_blocks(tree, any_tag=len(stripped.split()) <= WEAK_TITLE_WORDS)
        if found:
            return found, el
    for title in (ld, og, head_title):
        title = _site_stripped(title, site) if title else None
        if title:
            return title, None
    return None, None


def _looks_like_heading(el: HtmlElement) -> bool:
    if el.tag in ("h1", "h2", "h3", "h4", "b", "strong", "font"):
        return True
    if el.xpath("./b | ./strong | ./font"):
        return True
    return bool(_TITLE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _title_from_blocks(
    tree: HtmlElement, *, any_tag: bool
) -> tuple[str | None, HtmlElement | None]:
    items = boilerplate.blocks(tree)
    first_body = next(
        (
            i
            for i, b in enumerate(items)
            if len(b.text) >= dates.BODY_MIN_CHARS and b.link_density < 0.5
        ),
        None,
    )
    if first_body is None:
        return None, None
    for block in reversed(items[max(0, first_body - 4) : first_body]):
        text = block.text
        if dates.dateline_date(
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


def find_author(tree: HtmlElement) -> str | None:
    value = _meta(tree, "author", "article:author", "og:article:author")
    if value and not value.startswith("http"):
        return value
    for obj in dates.jsonld_objects(tree)[0]:
        author = obj.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            return _clean(author["name"])
        if isinstance(author, str) and author.strip():
            return _clean(author)
    prose = boilerplate.page_prose(tree)
    for el in tree.xpath('//*[@itemprop="author" or @rel="author" or contains(@class, "author")]'):
        text = _element_text(el)
        text = re.sub(r"^(автор|текст)\s*:\s*", "", text, flags=re.IGNORECASE)
        if 3 <= len(text) <= 60 and not boilerplate.in_widget(el, prose):
            return text
    # «Автор: Иван Петров», «Текст: …» on a line of its own (old CMSs, no markup for it).
    for block in boilerplate.blocks(tree):
        m = _BYLINE.match(block.text)
        if m:
            return m.group(1)
    return None


_BYLINE = re.compile(
    r"^(?:автор|автор текста|текст|текст и фото)\s*:\s*"
    r"([А-ЯЁA-Z][а-яёa-z]+(?:[ -][А-ЯЁA-Z][а-яёa-z.]+){1,2})\s*\.?$",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Text


def _text_from_override(tree: HtmlElement, selector: str) -> list[str]:
    paragraphs: list[str] = []
    for el in boilerplate.select(tree, selector):
        wrapper = lxml.html.fromstring("<div></div>")
        wrapper.append(deepcopy(el))
        paragraphs += [b.text for b in boilerplate.blocks(wrapper, skip_widgets=True)]
    return paragraphs


def _text_trafilatura(pruned: HtmlElement) -> list[str]:
    import trafilatura

    try:
        result = trafilatura.extract(
            lxml.html.tostring(pruned, encoding="unicode"),
            favor_recall=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # a library failure on one odd page must not lose it: the baseline rescues
        log.warning("trafilatura failed; falling back to the baseline extractor", exc_info=True)
        result = None
    lines = []
    for line in (result or "").split("\n"):
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):
            # A data table row: its cells, without trafilatura's outer pipes and empty cells.
            line = " | ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
        if line:
            lines.append(line)
    return lines


def _text_baseline(pruned: HtmlElement, title_text: str | None) -> list[str]:
    """Densest container: the element whose own paragraph children hold the most text."""
    items = boilerplate.blocks(pruned)
    scores: dict[HtmlElement, float] = {}
    for block in items:
        if len(block.text) < MIN_PARAGRAPH_CHARS or block.link_density > MAX_LINK_DENSITY:
            continue
        parent = block.el if block.el.tag not in ("p", "li", "blockquote") else block.el.getparent()
        weight = float(len(block.text))
        node = parent
        for share in (1.0, 0.5, 0.25):
            if node is None:
                break
            scores[node] = scores.get(node, 0.0) + weight * share
            node = node.getparent()
    if not scores:
        return []
    best = max(scores, key=scores.get)
    inside = [b for b in items if b.el is best or best in b.el.iterancestors()]
    if title_text:
        for i, block in enumerate(inside):
            if block.text == title_text:
                inside = inside[i + 1 :]
                break
    return [
        b.text for b in inside if b.link_density <= 0.6 or (len(b.text) < 30 and not b.link_chars)
    ]


def _strip_head(paragraphs: list[str], title: str | None, now: datetime.datetime) -> list[str]:
    """Site name, rubric, breadcrumbs, the headline and date line above the first sentence."""
    folded_title = boilerplate.fold(title or "").rstrip(".… ")

    def is_head(para: str) -> bool:
        folded = boilerplate.fold(para).rstrip(".… ")
        return bool(
            folded_title
            and folded
            and (folded == folded_title or (len(folded) >= 15 and folded_title.startswith(folded)))
        ) or (len(para) < 160 and dates.dateline_date(para, now) is not None)

    last = -1
    for i, para in enumerate(paragraphs[:HEAD_SCAN]):
        if is_head(para) and sum(len(p) for p in paragraphs[:i]) <= MAX_HEAD_CHROME:
            last = i
    return paragraphs[last + 1 :]


def _has_date(line: str, now: datetime.datetime) -> bool:
    """An absolute date in a short line («… 10.10.2017»), or a line that is a relative date."""
    if len(line) >= 200:
        return False
    absolute = [
        d for d in dates.find_dates(line, now=now) if not dates.is_relative(line[d[1] : d[2]])
    ]
    return bool(absolute) or dates.dateline_date(line, now) is not None


def _strip_tail(paragraphs: list[str], now: datetime.datetime) -> list[str]:
    """Whatever follows the last sentence and its signature: date lines, dated headline lists."""
    prose = [
        i
        for i, p in enumerate(paragraphs)
        if len(p.split()) >= 3
        and p.rstrip()[-1:] in '.!?»"…)'
        and dates.dateline_date(p, now) is None
    ]
    if not prose:
        return paragraphs
    last = prose[-1]
    for k in range(last + 1, len(paragraphs)):
        line = paragraphs[k]
        following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if line.rstrip().endswith(":"):
            break  # a list the article introduces, not a related block
        if _has_date(line, now) or (len(line) < 40 and following and _has_date(following, now)):
            # Dated lines with no sentence after them: a related or announcements block.
            if not any(len(p) >= 30 and p.rstrip().endswith(".") for p in paragraphs[k + 1 :]):
                return paragraphs[:k]
            break
    return paragraphs


def _dedupe(paragraphs: list[str]) -> list[str]:
    """A lead printed twice (a «lead» block and the first paragraph) is kept once; short lines
    («— Да.») may repeat."""
    seen: set[str] = set()
    kept = []
    for para in paragraphs:
        key = boilerplate.fold(para)
        if len(para) >= DEDUPE_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return kept


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def extract(
    html: bytes | str,
    url: str,
    *,
    crawl_time: datetime.datetime | None = None,
    overrides: SelectorOverrides | None = None,
    encoding: str | None = None,
) -> Extracted:
    """Extract an article page. ``crawl_time`` (default now) anchors «вчера» and bounds dates."""
    now = crawl_time or datetime.datetime.now()
    overrides = overrides or SelectorOverrides()
    tree = parse_html(html, encoding)
    title, title_el = find_title(tree, overrides.title)
    pruned = boilerplate.prune(tree, title_el)

    paragraphs: list[str] = []
    method = "none"
    if overrides.text:
        paragraphs = boilerplate.clean_paragraphs(_text_from_override(tree, overrides.text))
        method = "override" if paragraphs else method
    if not paragraphs:
        traf = boilerplate.clean_paragraphs(_text_trafilatura(pruned))
        base = boilerplate.clean_paragraphs(_text_baseline(pruned, title))
        traf, base = _strip_head(traf, title, now), _strip_head(base, title, now)
        if traf and _words(traf) >= RESCUE_RATIO * _words(base):
            paragraphs, method = traf, "trafilatura"
        elif base:
            paragraphs, method = base, "baseline"
    paragraphs = _strip_tail(paragraphs, now)
    paragraphs = _dedupe([c for c in map(_clean, paragraphs) if c])
    text = "\n\n".join(paragraphs)
    title = complete_from_text(_clean(title) or None, text)

    published, date_method = dates.find_published(
        tree, url=url, now=now, override_selector=overrides.date, title_el=title_el
    )
    return Extracted(
        url=url,
        title=title,
        text=text,
        lead=paragraphs[0] if paragraphs else None,
        author=find_author(tree),
        published=published,
        date_method=date_method,
        text_method=method,
    )
