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
from pipeline.extract.boilerplate import DATE_MARK_XPATH, block_line
from pipeline.extract.date_expressions import find_dates
from pipeline.extract.dateline import states_an_event
from pipeline.extract.html import repair_markup


def teaser_dates(
    body: bytes | str, page_url: str, articles: Collection[str], now: dt.datetime
) -> dict[str, dt.date]:
    """Article URL → the one date its card shows, for cards holding links to that article only
    and exactly one date element (a card with two dates says nothing certain)."""
    try:
        tree = lxml_html.fromstring(repair_markup(body))
    except (etree.ParserError, ValueError):
        return {}
    wanted = set(articles)
    # Each link's target, resolved once: the card search below asks it of every link around.
    targets: dict[etree._Element, str] = {}
    for a in tree.iter("a"):
        url = absolute(page_url, a.get("href", ""))
        targets[a] = url.split("#")[0] if url else ""
    links: dict[str, list[etree._Element]] = defaultdict(list)
    for a, url in targets.items():
        if url in wanted:
            links[url].append(a)
    found: dict[str, dt.date] = {}
    for url, anchors in links.items():
        dates = {d for a in anchors for d in _card_dates(_card(a, url, targets, wanted), now)}
        if len(dates) == 1:
            found[url] = dates.pop()
    return found


def _card(
    a: etree._Element, url: str, targets: dict[etree._Element, str], wanted: set[str]
) -> etree._Element:
    """The largest box around the link that links to no other article of the listing."""
    card = a
    parent = a.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        others = {targets.get(x, "") for x in parent.iter("a")} & wanted
        if others - {url}:
            break
        card, parent = parent, parent.getparent()
    return card


def _card_dates(card: etree._Element, now: dt.datetime) -> set[dt.date]:
    marked = card.xpath(DATE_MARK_XPATH)
    if card.tag == "time" or "date" in (card.get("class") or "").lower():
        marked.append(card)
    innermost = [el for el in marked if not any(o is not el and el in o.iterancestors()
                                                  for o in marked)]
    dates: set[dt.date] = set()
    for el in innermost:
        # «06.12.2025 11:00 – 14:00» on the date's own line: an events board's card
        if states_an_event(block_line(el, own_block=True)):
            return set()
        value = el.get("datetime") or " ".join(el.text_content().split())
        found = find_dates(value, now=now)
        if len(found) == 1 and found[0][0] <= now.date():
            dates.add(found[0][0])
        elif found:
            return set()  # a day still to come: an event's, not a publication's
    return dates
