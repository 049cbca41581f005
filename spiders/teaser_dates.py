"""The dates a listing shows on its teaser cards: a site builder's article page may carry no date
at all, only its card on the listing does («<div class="text-date">06.11.2025</div>»). Each date
is a fallback for its article, like a feed's, used only when the page has none of its own."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from lxml import etree
from lxml import html as lxml_html

from newsmon.core.urls import absolute
from pipeline.extract.boilerplate import BLOCK_TAGS
from pipeline.extract.date_expressions import find_dates
from pipeline.extract.dateline import states_an_event

# An element marked as a date: <time>, or a class naming one («text-date», «news-item__date»).
_DATE_XPATH = ".//time | .//*[contains(translate(@class, 'DATE', 'date'), 'date')]"


def teaser_dates(
    body: bytes | str, page_url: str, articles: Collection[str], now: dt.datetime
) -> dict[str, dt.date]:
    """Article URL → the one date its card shows, for cards holding links to that article only
    and exactly one date element (a card with two dates says nothing certain)."""
    try:
        tree = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError):
        return {}
    wanted = set(articles)
    links: dict[str, list[etree._Element]] = defaultdict(list)
    for a in tree.iter("a"):
        url = absolute(page_url, a.get("href", ""))
        url = url.split("#")[0] if url else ""
        if url in wanted:
            links[url].append(a)
    found: dict[str, dt.date] = {}
    for url, anchors in links.items():
        dates = {d for a in anchors for d in _card_dates(_card(a, url, page_url, wanted), now)}
        if len(dates) == 1:
            found[url] = dates.pop()
    return found


def _card(a: etree._Element, url: str, page_url: str, wanted: set[str]) -> etree._Element:
    """The largest box around the link that links to no other article of the listing."""
    card = a
    parent = a.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        others = {
            (absolute(page_url, x.get("href", "")) or "").split("#")[0] for x in parent.iter("a")
        } & wanted
        if others - {url}:
            break
        card, parent = parent, parent.getparent()
    return card


def _card_dates(card: etree._Element, now: dt.datetime) -> set[dt.date]:
    marked = card.xpath(_DATE_XPATH)
    if card.tag == "time" or "date" in (card.get("class") or "").lower():
        marked.append(card)
    innermost = [el for el in marked if not any(o is not el and el in o.iterancestors()
                                                  for o in marked)]
    dates: set[dt.date] = set()
    for el in marked:
        if el not in innermost:
            continue
        if states_an_event(_own_line(el)):
            return set()  # «06.12.2025 11:00 – 14:00»: an events board's card, not a publication's
        value = el.get("datetime") or " ".join(el.text_content().split())
        found = find_dates(value, now=now)
        if len(found) == 1 and found[0][0] <= now.date():
            dates.add(found[0][0])
        elif found:
            return set()  # a day still to come: an event's, not a publication's
    return dates


def _own_line(el: etree._Element) -> str:
    """The line the date stands on: its block (itself when it is one), nested blocks aside —
    «06.12.2025 11:00 – 14:00», not the card's title and blurb beside it."""
    block = next((b for b in (el, *el.iterancestors()) if b.tag in BLOCK_TAGS), el)
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
