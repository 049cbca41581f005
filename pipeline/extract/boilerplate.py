"""Boilerplate: what on a news page is not the article.

Three tools, all driven by pipeline/data/boilerplate.yml:

* ``in_widget(el)`` — an element inside navigation, calendars, weather/today's-date widgets,
  related-news lists, share bars, headers and footers (by tag and by class/id fragments);
* ``prune(tree)`` — a copy of the page without those elements, for the text extractors;
* ``clean_paragraphs(paragraphs)`` — cut the text at the first «По теме» / «Читайте также» /
  registration-footer marker and drop share buttons, view counters and photo captions, keeping the
  signature line («Пресс-служба …»).

``blocks(tree)`` linearizes a page into text blocks (block-level elements in document order), the
unit both the date-line finder and the baseline text extractor work on.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml
from lxml import etree

from newsmon.core.datafiles import read_data
from pipeline.extract.date_expressions import find_dates

if TYPE_CHECKING:
    from lxml.html import HtmlElement

log = logging.getLogger(__name__)

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol td th tr table dd dt dl blockquote section article header "
    "footer main aside nav pre address figcaption figure form center body html".split()
)
# Never part of the article text, whatever their class.
DROP_TAGS = frozenset("script style noscript template iframe svg select button nav".split())
# Never text at all; a <nav> may still wrap a whole page, article included.
NON_TEXT_TAGS = DROP_TAGS - {"nav"}
# An <address> this short is its author's name or contact, not the article's text.
ADDRESS_MAX_CHARS = 150
# Chrome unless they hold the headline or most of the prose: ASP.NET sites wrap the whole page
# in one <form>, some themes the whole article in <header>.
CHROME_TAGS = frozenset({"aside", "footer", "header", "form"})
# A would-be widget holding this share of the page's paragraph text is the article, not a widget.
MAX_WIDGET_SHARE = 0.5
# This many «widgets» of one class that together hold that share are the article's blocks.
MIN_CONTENT_WIDGETS = 3
# A stop-marker element longer than this holds more than a heading: cut lines, not the tree.
MAX_MARKER_CHARS = 200
# A news block between the headline and the text is dropped whole up to this size.
MAX_BLOCK_ABOVE_TEXT = 600
# Content above the headline is chrome unless it holds this share of the page's prose.
MAX_PROSE_BEFORE_TITLE = 0.3
# The shortest line that can be a sentence of prose (the article's one sentence, a paragraph of
# the text, a line under the headline): one threshold for every extraction module.
MIN_SENTENCE_CHARS = 40
# Headlines in a news block are shorter than this and end without a full stop.
HEADLINE_MAX = 120
# Containers that may be a list of dated items; an item is at most this long, and the list's own
# heading («Афиша», «Ближайшие события») at most this long.
LIST_TAGS = frozenset({"ul", "ol", "div", "section", "aside", "dl", "table", "tbody"})
MAX_DATED_ITEM = 160
MAX_DATED_LIST_HEADING = 60
# A text run this long is prose (a sentence), not a menu item or a headline.
PROSE_RUN = 80
# A paragraph of the text: a block of at least MIN_SENTENCE_CHARS and mostly not links. The text of
# a p, li or blockquote belongs to the container around it.
MAX_PARAGRAPH_LINKS = 0.35
PARAGRAPH_TAGS = frozenset({"p", "li", "blockquote"})


@dataclass(frozen=True)
class Markers:
    stop: tuple[str, ...]
    footer: tuple[str, ...]
    drop_line: tuple[re.Pattern[str], ...]
    widget_fragments: re.Pattern[str]
    widget_data_attributes: tuple[str, ...]
    article_fragments: re.Pattern[str]
    signature_prefixes: tuple[str, ...]


_HOMOGLYPHS = str.maketrans("aceopxyk", "асеорхук")


def _cyrillize(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(_HOMOGLYPHS) if re.search("[а-яё]", word) else word


@functools.lru_cache(maxsize=65536)  # an outlet's chrome lines repeat on every page
def fold(text: str) -> str:
    """Lower case, ё → е, collapsed spaces, Latin look-alikes inside Cyrillic words made Cyrillic
    («Пресc-служба» typed with a Latin c): the form markers are compared in."""
    folded = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip().lower().replace("ё", "е")
    if not re.search("[a-z]", folded):
        return folded
    return re.sub(r"[a-zа-я-]+", _cyrillize, folded)


# Put before a class word: not where the class says the element is none («wsite-not-footer» on
# Weebly's content box, «page-no-sidebar»).
NOT_NEGATED = r"(?<!not-)(?<!not_)(?<!no-)(?<!no_)(?<!non-)(?<!without-)"


def _any_of(fragments: list[str], *, negatable: bool = False) -> re.Pattern[str]:
    """Any of the fragments; ``negatable``: not in a class negating it (NOT_NEGATED)."""
    negated = NOT_NEGATED if negatable else ""
    return re.compile(negated + "(?:" + "|".join(re.escape(f.lower()) for f in fragments) + ")")


@functools.cache
def markers() -> Markers:
    raw = yaml.safe_load(
        read_data("pipeline", "boilerplate.yml")
    )
    return Markers(
        stop=tuple(fold(m) for m in raw["stop_markers"]),
        footer=tuple(fold(m) for m in raw["footer_markers"]),
        drop_line=tuple(re.compile(p, re.IGNORECASE) for p in raw["drop_line_patterns"]),
        widget_fragments=_any_of(raw["widget_attr_fragments"], negatable=True),
        widget_data_attributes=tuple(raw["widget_data_attributes"]),
        article_fragments=_any_of(raw["article_attr_fragments"]),
        signature_prefixes=tuple(fold(m) for m in raw["signature_prefixes"]),
    )


def _attrs(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def is_widget_element(el: HtmlElement) -> bool:
    """This element itself (not its ancestors) looks like chrome or a widget."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("html", "body"):
        return False
    if tag in DROP_TAGS:
        return True
    attrs = _attrs(el)
    m = markers()
    if m.article_fragments.search(attrs):
        return False
    if tag in CHROME_TAGS and not el.xpath("ancestor::article") and not el.xpath(".//h1"):
        return True
    if is_embedded_post(el):
        return True
    if m.widget_fragments.search(attrs) is not None:
        return not _heads_the_main_item(el, attrs)
    return is_dated_list(el)


def _heads_the_main_item(el: HtmlElement, attrs: str) -> bool:
    """«<div class="itemHeader">» (Joomla K2) inside <main> holding the headline: the item's own
    header (its date and title), not the page's — when «header» is the only widget word. HTML5
    <header> elements keep their old treatment: made visible, their heading replaced the
    og:title-like headline on public pages (trafilatura's set: 3 titles lost, 1 gained)."""
    words = set(markers().widget_fragments.findall(attrs))
    if el.tag == "header" or words != {"header"}:
        return False
    if el.xpath("ancestor::main | ancestor::article | ancestor::*[@role='main']") and el.xpath(
        ".//h1 | .//h2"
    ):
        return True
    return _heads_the_text(el)


# A class naming a date («post_date», «text-date»), as an XPath test.
DATE_CLASS_TEST = "contains(translate(@class, 'DATE', 'date'), 'date')"
# An element marked as a date: <time>, or a class naming one.
DATE_MARK_XPATH = f".//time | .//*[{DATE_CLASS_TEST}]"
_HEADING_XPATH = ".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"
# A link's own class naming a date or a time, as one word of it («post-time», «post_date»,
# «timestamp», «status__relative-time»): not «timeline», not «urteilsdatenbank».
_TIME_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:post|pub|entry|item|news|article)?"
    r"(?:date|time|timestamp|datetime|dateline|published|relative-time)(?:$|[\s_-])",
    re.I,
)
# A link's title that is only a date and its time («2 марта 2025 г. в 05:00»), not one mentioning
# a date («Posts For 07.08.2013»): it opens with the date and is no longer than this.
DATE_TITLE_MAX_CHARS = 40
_ANY_DAY = datetime.datetime(2100, 1, 1)  # a date in a title counts whenever it is


def is_time_link(a: HtmlElement) -> bool:
    """A post's time: a link holding a date mark, classed as a date or time, or titled by a date
    («2 марта 2025 г. в 05:00» over «2 мар.»), as a permalink in a post's header is. A link
    holding a headline too is a teaser card of another page («Читайте также»), not a time."""
    if a.xpath(_HEADING_XPATH):
        return False
    if a.xpath(DATE_MARK_XPATH) or _TIME_CLASS_RE.search(a.get("class") or ""):
        return True
    title = " ".join((a.get("title") or "").split())
    found = find_dates(title, now=_ANY_DAY) if title else []
    return bool(found) and found[0][1] == 0 and len(title) <= DATE_TITLE_MAX_CHARS
# A post's own header is a line or two: its author and its date.
POST_HEADER_MAX_CHARS = 200


def _is_meta_line(el: HtmlElement) -> bool:
    """A post's header or footer line: short, with no menu, list or form."""
    return len(" ".join(el.text_content().split())) <= POST_HEADER_MAX_CHARS and not el.xpath(
        ".//ul | .//ol | .//nav | .//form | .//input"
    )


def _heads_the_text(el: HtmlElement) -> bool:
    """«<div class="post_header">» with the author and the date of the post whose text is the
    page's (a mirrored social post, a forum's first message): the header of the box holding most
    of the page's prose, short, dated, with no menu — not the site's header."""
    parent = el.getparent()
    while parent is not None and markers().widget_fragments.search(_attrs(parent)):
        parent = parent.getparent()  # «post_header_info» inside «post_header»
    if parent is None or parent.tag in ("body", "html"):
        return False
    if not _is_meta_line(el) or not el.xpath(DATE_MARK_XPATH):
        return False
    return _prose_length(parent) > MAX_WIDGET_SHARE * page_prose(el)


def dates_the_text(el: HtmlElement, total_prose: int) -> bool:
    """A date mark in a short meta line of the box that holds the page's text, where that box is
    itself classed like an embedded post: a site mirroring its channel («<div
    class="tgme_widget_message_footer">» with the post's views and time, inside the
    «tgme_widget_message» that holds the text). A post embedded in an article is a small box
    inside a plain one: its time does not date the article."""
    node = el.getparent()
    while node is not None and node.tag not in ("body", "html"):
        if is_protected(node, total_prose):
            return is_widget_element(node) and _prose_length(node) > MAX_WIDGET_SHARE * total_prose
        if not _is_meta_line(node):
            return False
        node = node.getparent()
    return False


def is_embedded_post(el: HtmlElement) -> bool:
    """A social post embedded by its data attributes: its fallback text is not the article's."""
    return any(el.get(name) is not None for name in markers().widget_data_attributes)


def _is_list_heading(el: HtmlElement) -> bool:
    text = " ".join(el.text_content().split())
    return (
        el.tag in ("h2", "h3", "h4", "h5", "h6", "div", "p", "b", "strong", "span")
        and 0 < len(text) <= MAX_DATED_LIST_HEADING
        and not text.endswith((".", "!", "?", "…"))
        and not el.xpath(".//p | .//li | .//time")
    )


def is_dated_list(el: HtmlElement) -> bool:
    """Short items that each hold a ``<time>`` («8 ноября — Семейный квест»), with at most a
    heading besides: an events board, a comments list or dated headlines, not the article."""
    if el.tag not in LIST_TAGS or el.find(".//time") is None:
        return False
    dated = 0
    other_chars = 0
    for child in el:
        if not isinstance(child.tag, str):
            continue
        text = " ".join(child.text_content().split())
        if child.find(".//time") is not None:
            if len(text) > MAX_DATED_ITEM:
                return False
            dated += 1
        else:
            other_chars += len(text)
    return dated >= 2 and other_chars <= MAX_DATED_LIST_HEADING


def is_protected(el: HtmlElement, total_prose: int) -> bool:
    """A would-be widget that holds the headline or most of the page's prose is the article —
    unless it opens as the site's footer («© …», «Учредитель …»): under a short article the
    footer's lines can outweigh the text."""
    if el.tag in DROP_TAGS:
        return False
    if el.xpath(".//h1"):
        return True
    if _prose_length(el) / max(total_prose, 1) <= MAX_WIDGET_SHARE:
        return False
    if _beside_the_headline(el):
        return False
    return not is_footer_line(" ".join(el.text_content().split())[:200])


# A side column's own class («sidebar», «sidebar-left», «l-sidebar»), not a wrapper that has one
# («has-sidebar», «with-sidebar», «no-sidebar»).
_SIDE_COLUMN_RE = re.compile(
    r"(?:^|\s)(?!(?:has|with|no|without)[-_])[\w-]*sidebar[\w-]*(?:$|\s)", re.IGNORECASE
)
# The article beside it has at least this much prose of its own.
SIDE_COLUMN_TEXT_MIN = 150


def _beside_the_headline(el: HtmlElement) -> bool:
    """A sidebar of list entries whose long descriptions («Подведомственные учреждения», a
    paragraph each) outweigh a short article is still the sidebar when the <h1> and the article's
    own prose stand in a sibling column of the same parent. (A «sidebar» holding running
    paragraphs may be where a theme puts the text itself.)"""
    if el.tag != "aside" and _SIDE_COLUMN_RE.search(_attrs(el)) is None:
        return False
    parent = el.getparent()
    if parent is None:
        return False
    in_entries = sum(_prose_length(li) for li in el.iter("li") if li.find(".//li") is None)
    if in_entries * 2 < _prose_length(el):
        return False
    return any(
        sibling is not el
        and isinstance(sibling.tag, str)
        and sibling.find(".//h1") is not None
        and _prose_length(sibling) >= SIDE_COLUMN_TEXT_MIN
        for sibling in parent
    )


def _content_widget_classes(tree: HtmlElement, total_prose: int) -> frozenset[str]:
    """Classes of «widgets» that hold the article's prose. A page builder calls every block a
    widget («ul-widget ul-widget-text»); a block of the same class as the one holding the text
    (the headline and its date above it) is content too, not a sidebar's widget."""
    by_class: dict[str, list[HtmlElement]] = {}
    for el in tree.iter():
        name = el.get("class") if isinstance(el.tag, str) else None
        if name and el.tag not in DROP_TAGS and is_widget_element(el):
            by_class.setdefault(name, []).append(el)
    # Only a class that several widgets share can lend one's content to the others; so can a
    # class whose blocks together hold most of the page's prose with no headline outside them
    # (a long read laid out as text blocks «mag-widget widget-text», none of them most of it
    # alone; comments under an article's <h1> are not its text, however long).
    headlines = tree.xpath("//h1")
    return frozenset(
        name
        for name, els in by_class.items()
        if len(els) > 1
        and (
            any(is_protected(el, total_prose) and not el.xpath(".//h1") for el in els)
            or (len(els) >= MIN_CONTENT_WIDGETS
                and sum(_prose_length(el) for el in els) > MAX_WIDGET_SHARE * total_prose
                and all(any(el in h.iterancestors() for el in els) for h in headlines))
        )
    )


def page_prose(el: HtmlElement) -> int:
    """Running prose of the whole page an element belongs to (pass it to `in_widget` in loops)."""
    return _prose_length(el.getroottree().getroot())


def in_widget(el: HtmlElement, total_prose: int | None = None) -> bool:
    """The element or one of its ancestors is a widget (calendar, related list, footer …)."""
    total = page_prose(el) if total_prose is None else total_prose
    node: HtmlElement | None = el
    while node is not None:
        if isinstance(node.tag, str) and is_widget_element(node) and not is_protected(node, total):
            return True
        node = node.getparent()
    return False


# Compiled once: el.xpath(str) compiles the expression anew on every call.
_PROSE_TEXTS = etree.XPath(
    ".//text()[not(ancestor::a)][not(ancestor::script)][not(ancestor::style)]"
)


def _prose_length(el: HtmlElement) -> int:
    """Characters of running prose under an element: text runs of a sentence or more, not links.

    Comments and processing instructions (siblings met when walking a page) hold no prose.
    """
    if not isinstance(el.tag, str):
        return 0
    total = 0
    for text in _PROSE_TEXTS(el):
        n = len(text.strip())
        if n >= PROSE_RUN:
            total += n
    return total


def is_layout_table(table: HtmlElement) -> bool:
    """A table used for page layout (menus, columns, the article) rather than for data."""
    if table.xpath(".//table | .//p | .//div | .//h1 | .//h2 | .//ul"):
        return True
    rows = table.xpath(".//tr")
    if rows and all(len(row.xpath("./td | ./th")) <= 1 for row in rows):
        return True  # one column: a stack of paragraphs, not data
    return any(len((td.text_content() or "").strip()) > 300 for td in table.iter("td"))


def delayout(tree: HtmlElement) -> None:
    """Turn layout tables into divs in place, so that extractors see columns, not table rows."""
    for table in list(tree.iter("table")):
        if not is_layout_table(table):
            continue
        for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
            for attr in (
                "width",
                "valign",
                "colspan",
                "rowspan",
                "bgcolor",
                "cellpadding",
                "cellspacing",
            ):
                el.attrib.pop(attr, None)


TITLE_MARK = "data-newsmon-title"


@dataclass(frozen=True)
class Body:
    """The article body: the container whose own paragraphs hold the most text, and those
    paragraphs."""

    el: HtmlElement
    paragraphs: frozenset[HtmlElement]


def is_paragraph(block: Block) -> bool:
    return len(block.text) >= MIN_SENTENCE_CHARS and block.link_density <= MAX_PARAGRAPH_LINKS


def paragraph_container(block: Block) -> HtmlElement:
    return block.el.getparent() if block.el.tag in PARAGRAPH_TAGS else block.el


def densest_container(items: list[Block]) -> HtmlElement | None:
    """The element whose paragraphs hold the most text; those of its children and grandchildren
    count for a half and a quarter (a body split into sections)."""
    scores: dict[HtmlElement, float] = {}
    for block in items:
        if not is_paragraph(block):
            continue
        node: HtmlElement | None = paragraph_container(block)
        for share in (1.0, 0.5, 0.25):
            if node is None:
                break
            scores[node] = scores.get(node, 0.0) + len(block.text) * share
            node = node.getparent()
    return max(scores, key=scores.__getitem__) if scores else None


def article_body(tree: HtmlElement, title: HtmlElement | None = None) -> Body | None:
    """What no pruning may remove: the densest container of the whole page, chrome included,
    unless it sits in a widget that does not also hold the headline (a long comments thread);
    then the densest container outside widgets, if the page has text outside widgets at all."""
    items = blocks(tree, skip_widgets=False, drop_tags=NON_TEXT_TAGS)
    el = densest_container(items)
    if el is not None and _in_widget_without(el, title):
        outside = blocks(tree)
        other = densest_container(outside)
        # A page builder wraps everything, headline and text included, in «widget» boxes:
        # with no text outside them, the densest box is still the body.
        if other is not None:
            items, el = outside, other
    if el is None:
        return None
    own = frozenset(b.el for b in items if is_paragraph(b) and paragraph_container(b) is el)
    return Body(el, own)


def _in_widget_without(el: HtmlElement, title: HtmlElement | None) -> bool:
    """The element or an ancestor is a widget that does not hold the headline ``title``."""
    for node in (el, *el.iterancestors()):
        if not is_widget_element(node):
            continue
        if title is None or not (node is title or node in title.iterancestors()):
            return True
    return False


def _guarded(body: Body | None, title: HtmlElement | None) -> set[HtmlElement]:
    """The body, its paragraphs, the headline and every ancestor of them."""
    keep = [*body.paragraphs, body.el] if body else []
    if title is not None:
        keep.append(title)
    guarded: set[HtmlElement] = set()
    for el in keep:
        guarded.add(el)
        guarded.update(el.iterancestors())
    return guarded


def prune(tree: HtmlElement, title_el: HtmlElement | None = None) -> HtmlElement:
    """A copy of the page without widgets, chrome and related blocks, layout tables made divs,
    and without what precedes the headline ``title_el`` (site name, menus, today's date).

    An element is kept if it holds the page's title (h1) or most of its running prose: some CMSs
    give the article container a class such as ``news-list`` or ``content-sidebar-wrap``.
    """
    from copy import deepcopy

    if title_el is not None:
        title_el.set(TITLE_MARK, "1")
    try:
        tree = deepcopy(tree)
    finally:
        if title_el is not None:
            del title_el.attrib[TITLE_MARK]
    marked = tree.xpath(f"//*[@{TITLE_MARK}]")
    # Before the headline is cut: whether a headline stands outside a class of blocks decides.
    content = _content_widget_classes(tree, _prose_length(tree))
    body = article_body(tree, marked[0] if marked else None)
    guarded = _guarded(body, marked[0] if marked else None)
    starts_at_title = bool(marked) and cut_before(tree, marked[0], guarded)
    delayout(tree)
    total = _prose_length(tree) or 1
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            if el.getparent() is not None:  # comments, processing instructions
                el.drop_tree()
            continue
        if el in guarded and not is_embedded_post(el):
            if el.tag in CHROME_TAGS or el.tag == "nav":
                el.tag = "div"  # a page wrapped in <nav> or <aside>: extractors drop those tags
            continue
        if el.getparent() is None or not is_widget_element(el) or el.get("class") in content:
            continue
        if not is_protected(el, total):
            heading = el.getprevious()
            if is_dated_list(el) and heading is not None and _is_list_heading(heading):
                heading.drop_tree()  # «Календарь событий» above an events board
            el.drop_tree()
    cut_at_stop_marker(tree, starts_at_title=starts_at_title, body=body)
    for el in list(tree.iter("address")):
        # The author's contact, by the element's meaning: Telegraph's byline «Фонд „Дом для
        # мамы“» under the headline, a post's author card. A long one is someone's whole text.
        if len(" ".join(el.text_content().split())) <= ADDRESS_MAX_CHARS:
            el.drop_tree()
    for el in list(tree.iter("time")):
        # Keep «5 декабря в 17:00» in «Она пройдет <time>…</time> в здании центра»: trafilatura
        # drops <time> elements as metadata.
        if el.getparent() is not None:
            el.drop_tag()
    return tree


def cut_before(
    tree: HtmlElement, title: HtmlElement, guarded: Collection[HtmlElement] = frozenset()
) -> bool:
    """Drop, in place, the headline and everything before it, unless that holds much prose or
    part of the article body (``guarded``: a «headline» found below the text's first paragraphs)."""
    if _prose_length(title):
        return False  # the "headline" element is a container of the text itself (table cells)
    total = _prose_length(tree) or 1
    doomed: list[HtmlElement] = []
    node = title
    while node is not None and node.tag not in ("body", "html"):
        doomed += list(node.itersiblings(preceding=True))
        node = node.getparent()
    if any(el in guarded for el in doomed):
        return False
    if sum(_prose_length(el) for el in doomed) / total > MAX_PROSE_BEFORE_TITLE:
        return False
    for el in doomed:
        el.getparent().remove(el)
    title.tail = None
    title.drop_tree()
    return True


def cut_at_stop_marker(
    tree: HtmlElement, *, starts_at_title: bool = False, body: Body | None = None
) -> None:
    """Drop, in place, a «По теме» / «Читайте также» heading after the text and all that follows.

    Only a marker after the first paragraph of prose counts (a sidebar «Популярное» placed before
    the article in the source must not cut the article; when the page now starts at the headline,
    one sentence of text is enough), and only a marker element that is little more than a heading.
    A marker followed by more paragraphs of the article ``body`` removes only its own box (a
    «Новости по теме» box inside the text, a «© photo» credit under a picture); a bare heading
    there still cuts, since the headlines after it cannot be told from the text.
    """
    items = blocks(tree, skip_widgets=False)
    min_chars = MIN_SENTENCE_CHARS if starts_at_title else PROSE_RUN * 1.5
    first_prose = next(
        (i for i, b in enumerate(items) if len(b.text) >= min_chars and b.link_density < 0.5),
        None,
    )
    if first_prose is None:
        return
    if starts_at_title:
        # A news block between the headline and the text («Главное за день» + headlines).
        for block in items[:first_prose]:
            el = block.el
            if (
                is_stop_line(block.text)
                and el.getparent() is not None
                and not _prose_length(el)
                and len(el.text_content()) <= MAX_BLOCK_ABOVE_TEXT
            ):
                el.drop_tree()
    text = _body_text(items, body)
    holders = {a for el in text for a in (el, *el.iterancestors())}
    for k in range(first_prose + 1, len(items)):
        block = items[k]
        if not is_stop_line(block.text) or is_signature(block.text):
            continue
        marker = block.el
        if not _attached(marker, tree):
            continue  # inside a box dropped before
        if _own_chars(marker) > MAX_MARKER_CHARS or marker.getparent() is None:
            return
        if any(b.el in text and b.el is not marker for b in items[k + 1 :]):
            # The article goes on after the marker: a box inside it, or a «© photo» credit.
            box = _own_box(marker, holders)
            if _holds_more_than(box, block.text) or is_footer_line(block.text):
                box.drop_tree()
                continue
        node = marker
        while node is not None and node.tag != "body":
            for following in list(node.itersiblings()):
                following.getparent().remove(following)
            node = node.getparent()
        marker.tail = None
        marker.drop_tree()
        return


def _own_chars(el: HtmlElement) -> int:
    """Characters of an element's text outside links: a heading over a list of headlines is
    little more than a heading."""
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return len(el.text_content()) - links


def _body_text(items: list[Block], body: Body | None) -> set[HtmlElement]:
    """The elements of the paragraphs inside the article body."""
    if body is None:
        return set()
    inside = (b for b in items if b.el is body.el or body.el in b.el.iterancestors())
    return {b.el for b in inside if is_paragraph(b)}


def _own_box(marker: HtmlElement, holders: set[HtmlElement]) -> HtmlElement:
    """The largest element around the marker that holds none of the article's paragraphs."""
    box = marker
    while (parent := box.getparent()) is not None and parent not in holders:
        box = parent
    return box


def _holds_more_than(box: HtmlElement, line: str) -> bool:
    """The box holds more than the line: a heading with its items, not a bare heading."""
    return len("".join(box.text_content().split())) > len("".join(line.split()))


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    return el is root or any(a is root for a in el.iterancestors())


def select(tree: HtmlElement, selector: str) -> list[HtmlElement]:
    """Elements matching a source's CSS override; a broken selector matches nothing (logged),
    so one bad line in sources.yml does not stop a night's crawl."""
    from lxml.cssselect import SelectorError

    try:
        return tree.cssselect(selector)
    except SelectorError:
        log.warning("invalid CSS selector in sources.yml: %r", selector)
        return []


# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass
class Block:
    el: HtmlElement
    text: str
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def blocks(
    tree: HtmlElement, *, skip_widgets: bool = True, drop_tags: frozenset[str] = DROP_TAGS
) -> list[Block]:
    """The page as text blocks in document order: each run of inline text between block
    boundaries is one block (``<br><br>`` also separates blocks, as old CMSs use it for <p>).
    Elements of ``drop_tags`` are never read."""
    result: list[Block] = []
    total = _prose_length(tree) if skip_widgets else 0
    content = _content_widget_classes(tree, total) if skip_widgets else frozenset()

    def skipped(el: HtmlElement) -> bool:
        return (
            skip_widgets
            and is_widget_element(el)
            and not is_protected(el, total)
            and (el.get("class") or "") not in content
        )

    def flush(owner: HtmlElement, parts: list[str], links: list[int]) -> None:
        text = "".join(parts)
        for piece in re.split(r"\n\s*\n|\n(?=\s*\S)", text) if "\n" in text else [text]:
            piece = re.sub(r"\s+", " ", piece.replace("\xa0", " ")).strip()
            if piece:
                share = len(piece) / max(len(text.strip()), 1)
                result.append(Block(owner, piece, int(sum(links) * share)))
        parts.clear()
        links.clear()

    def walk(
        el: HtmlElement, owner: HtmlElement, parts: list[str], links: list[int], in_link: bool
    ) -> None:
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in drop_tags:
                pass
            elif tag in BLOCK_TAGS:
                flush(owner, parts, links)
                visit(child)
            elif tag == "br":
                parts.append("\n")
            elif not skipped(child):
                before = sum(len(p) for p in parts)
                parts.append(child.text or "")
                walk(child, owner, parts, links, in_link or tag == "a")
                if tag == "a" and not in_link:
                    links.append(sum(len(p) for p in parts) - before)
            if child.tail:
                parts.append(child.tail)

    def visit(el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in drop_tags or skipped(el):
            return
        parts: list[str] = [el.text or ""]
        links: list[int] = []
        walk(el, el, parts, links, tag == "a")
        flush(el, parts, links)

    body = tree.find(".//body")
    visit(body if body is not None else tree)
    return result


def block_line(el: HtmlElement, *, own_block: bool = False) -> str:
    """The line ``el`` stands on: the text of the block holding it (``el`` itself when
    ``own_block`` and it is a block), nested blocks — the rest of an <article> — aside; "" when
    no block holds it (with ``own_block``: ``el``'s own text)."""
    chain = (el, *el.iterancestors()) if own_block else el.iterancestors()
    block = next((b for b in chain if b.tag in BLOCK_TAGS), el if own_block else None)
    if block is None:
        return ""
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


# ---------------------------------------------------------------------------------------------
# Lines


def is_stop_line(line: str) -> bool:
    """A heading that starts a related-news block, a share bar or the footer."""
    if is_footer_line(line):
        return True
    bare = fold(line).rstrip(" :.…!?»>→")
    return bare in markers().stop


def is_footer_line(line: str) -> bool:
    """A line that opens the site footer («© 2024 …», «Свидетельство о регистрации …»)."""
    return fold(line).startswith(markers().footer)


def is_incut_line(line: str) -> bool:
    """«Читайте также: <headline>» inside the text: drop the line, the article goes on."""
    folded = fold(line)
    return len(folded) < 200 and folded.startswith(_incut_prefixes())


@functools.cache
def _incut_prefixes() -> tuple[str, ...]:
    return tuple(p for m in markers().stop for p in (m + ":", m + " :"))


def is_signature(line: str) -> bool:
    folded = fold(line)
    return len(folded) < 160 and folded.startswith(markers().signature_prefixes)


def is_drop_line(line: str) -> bool:
    stripped = re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()
    return any(p.search(stripped) for p in markers().drop_line)


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Cut at the first stop marker, drop share/counter/caption lines; keep the signature."""
    kept: list[str] = []
    skipping = False
    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        if is_stop_line(para) and not is_signature(para):
            if kept:
                break
            # A block before any text («Главное за день», «Популярное»): skip it with its
            # headlines, up to the first sentence.
            skipping = True
            continue
        if skipping and len(para) < HEADLINE_MAX and not para.endswith((".", "!", "?", "…")):
            continue
        skipping = False
        if is_drop_line(para) or is_incut_line(para):
            continue
        kept.append(para)
    return kept
