"""Page bytes to an lxml tree: the charset the page declares, else detection, mojibake refused.

Shared by every extraction step (the text cascade, dates, titles), so it sits below all of them.
"""

from __future__ import annotations

import re
from typing import overload

import lxml.html
from lxml.html import HtmlElement

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_-]+)""", re.IGNORECASE)


def _looks_like_mojibake(text: str) -> bool:
    """Cyrillic bytes read as a Western code page: «Ïðîåêò» — many À–ÿ letters, no Cyrillic."""
    sample = text[:20000]
    western = len(re.findall("[\u00c0-\u00ff]", sample))
    return western > 20 and not re.search("[а-яА-ЯёЁ]", sample)


# A declared charset is kept despite a few undecodable bytes (a truncated multi-byte letter, a
# stray byte pasted from another page): up to this share of replaced characters.
MAX_REPLACED_SHARE = 0.01
MIN_WRONG_CHARSET_SIGNS = 3
_MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[а-яёА-ЯЁ])\w+\b")
_CODEC_ALIASES = {"win-1251": "cp1251", "windows1251": "cp1251", "x-cp1251": "cp1251"}


def _decode_as(html: bytes, name: str) -> str | None:
    """The page in one charset: strictly, or with replacement when only a few bytes are bad."""
    name = _CODEC_ALIASES.get(name.lower(), name)
    try:
        return html.decode(name)
    except LookupError:
        return None
    except UnicodeDecodeError:
        text = html.decode(name, errors="replace")
        replaced = text.count("\ufffd")
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        # Another charset altogether fails on most of its non-ASCII letters («H\ufffdrspiele»),
        # however few of them a German or French page has.
        if replaced >= MIN_WRONG_CHARSET_SIGNS and replaced > non_ascii / 2:
            return None
        return text if replaced <= MAX_REPLACED_SHARE * len(text) else None


def decode(html: bytes | str, encoding: str | None = None) -> str:
    """Page bytes to text: the HTTP encoding, else <meta charset>, else UTF-8, else detection.

    A declared charset wins even with a few bad bytes (they become U+FFFD): guessing another
    charset for the whole page would turn every letter into mojibake. Scrapy falls back to cp1252
    for pages that declare nothing; a Russian page decoded that way is all mojibake, so a Western
    single-byte result without Cyrillic is decoded again.
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
        text = _decode_as(html, name)
        if text is not None and not _looks_like_mojibake(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(
        html, cp_isolation=["utf_8", "cp1251", "koi8_r", "cp866", "mac_cyrillic"]
    ).best()
    guess = str(best) if best is not None else html.decode("cp1251", errors="replace")
    western = html.decode("cp1252", errors="replace")
    # Latin words with Cyrillic letters inside («Hцrspiele fьr»): a Western page read as Cyrillic.
    if len(_MIXED_SCRIPT_WORD.findall(guess)) > 2 * len(_MIXED_SCRIPT_WORD.findall(western)) + 2:
        return western
    return guess


# An attribute opened with one quote and closed with the other just before the tag ends
# («<i class='fa fa-search"></i>», a theme's typo on every page): a parser, as a browser does,
# reads on to the next matching quote, and the page's content to there — the whole article —
# becomes one attribute value.
_MISMATCHED_QUOTES = r"""(\s[A-Za-z_:][-\w:.]*\s*=\s*)(?:'([^'"<>\n]*)"|"([^'"<>\n]*)')(?=\s*/?>)"""
_MISMATCHED_QUOTES_TEXT = re.compile(_MISMATCHED_QUOTES)
_MISMATCHED_QUOTES_BYTES = re.compile(_MISMATCHED_QUOTES.encode())


@overload
def repair_markup(page: str) -> str: ...


@overload
def repair_markup(page: bytes) -> bytes: ...


def repair_markup(page: str | bytes) -> str | bytes:
    """The page with attribute values closed by the quote they were opened with."""
    if isinstance(page, bytes):
        return _MISMATCHED_QUOTES_BYTES.sub(lambda m: b'%s"%s"' % (
            m.group(1), m.group(2) or m.group(3) or b""), page)
    return _MISMATCHED_QUOTES_TEXT.sub(
        lambda m: f'{m.group(1)}"{m.group(2) or m.group(3) or ""}"', page)


def parse_html(html: bytes | str, encoding: str | None = None) -> HtmlElement:
    text = repair_markup(decode(html, encoding))
    # lxml refuses str input that declares an encoding in an XML prolog.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        tree = lxml.html.document_fromstring(text)
    except Exception:  # lxml raises ParserError on empty or hopeless documents
        return lxml.html.document_fromstring("<html><body></body></html>")
    read_as_shown(tree)
    return tree


def read_as_shown(tree: HtmlElement) -> None:
    """The page in the order and with the content a reader sees: <noscript> or <template> content
    of a page drawn by scripts, absolutely placed blocks in the order of their place."""
    open_noscript_content(tree)
    open_template_content(tree)
    order_placed_blocks(tree)


# Never read: their text is code, not what a reader sees.
_CODE_TAGS = ("script", "style", "template")
# A <noscript> shorter than this is a notice («Включите JavaScript») or a counter's picture.
NOSCRIPT_MIN_CHARS = 200


def _words(el: HtmlElement) -> int:
    return len(" ".join(el.itertext()).split())


def open_noscript_content(tree: HtmlElement) -> None:
    """Unwrap <noscript> when it holds the page: a forum or an app that draws its content with
    scripts prints the same content for readers without them inside <noscript> (Flarum's posts),
    and a reader of the served HTML is one. Then <noscript> holds more words than everything
    else the page shows (its shell: a header, «Загрузка…»); an «enable JavaScript» notice or a
    counter's picture never does, and stays to be dropped as chrome."""
    blocks = [el for el in tree.iter("noscript") if el.getparent() is not None]
    _unwrap_when_they_hold_the_page(tree, blocks, "noscript")


def open_template_content(tree: HtmlElement) -> None:
    """Unwrap <template> when it holds the page: an app rendered on the server for its scripts to
    mount (Wiki.js prints a page's text in «<template slot="contents">» of its «<page>»
    component) shows that content once they run, and the served HTML is all a crawler reads. A
    shell around it (a menu, «Загрузка…») has fewer words; a dialog's or a list row's markup
    kept for later stays inert, under a page that shows more than it."""
    blocks = [el for el in tree.iter("template")
              if el.getparent() is not None and not any(a.tag == "template" for a in el.iterancestors())]
    _unwrap_when_they_hold_the_page(tree, blocks, "template")


def _unwrap_when_they_hold_the_page(tree: HtmlElement, blocks: list[HtmlElement], tag: str) -> None:
    """Unwrap the blocks when they hold more words than everything else the page shows (what
    is outside them and outside code)."""
    if sum(len(" ".join(el.itertext()).strip()) for el in blocks) < NOSCRIPT_MIN_CHARS:
        return
    inside = sum(_words(el) for el in blocks)
    shown = _words(tree) - sum(_words(el) for el in tree.iter(*{*_CODE_TAGS, tag}))
    if inside <= shown:
        return
    for el in blocks:
        el.drop_tag()


_TOP_RE = re.compile(r"(?:^|;)\s*top\s*:\s*(-?\d+(?:\.\d+)?)px", re.IGNORECASE)
_LEFT_RE = re.compile(r"(?:^|;)\s*left\s*:\s*(-?\d+(?:\.\d+)?)px", re.IGNORECASE)
_ABSOLUTE_RE = re.compile(r"position\s*:\s*absolute", re.IGNORECASE)
# Fewer placed blocks than this are a badge or an overlay, not a page laid out by hand.
MIN_PLACED_BLOCKS = 3


def _place(el: HtmlElement) -> tuple[float, float] | None:
    style = el.get("style") or ""
    top = _TOP_RE.search(style)
    if top is None or not _ABSOLUTE_RE.search(style):
        return None
    left = _LEFT_RE.search(style)
    return float(top.group(1)), float(left.group(1)) if left else 0.0


def order_placed_blocks(tree: HtmlElement) -> None:
    """Put absolutely placed blocks in the order a reader meets them, top to bottom: a
    long-read designer (Readymag, Tilda's zero block) writes its blocks in the order they were
    added, the headline after the text, and only their «top:» says where each stands."""
    parents = {el.getparent() for el in tree.xpath("//*[contains(@style, 'absolute')]")}
    for parent in parents:
        if parent is None:
            continue
        children = [c for c in parent if isinstance(c.tag, str)]
        places = [_place(c) for c in children]
        if len(children) < MIN_PLACED_BLOCKS or any(p is None for p in places):
            continue
        ordered = [c for _, _, c in sorted(
            ((p, i, c) for i, (p, c) in enumerate(zip(places, children))),
            key=lambda x: (x[0], x[1]))]
        if ordered == children:
            continue
        for child in children:  # text between the blocks is whitespace: keep it with its block
            parent.remove(child)
        parent.extend(ordered)
