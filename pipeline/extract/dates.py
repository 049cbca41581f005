"""Publication dates: the page signals that carry them (the Russian expressions are in date_expressions.py).

`find_published` walks the signals from the most to the least trustworthy, like htmldate:

1. a source's CSS override selector;
2. JSON-LD ``datePublished`` / ``dateCreated``;
3. meta tags (``article:published_time``, ``datePublished``, ``pubdate``, ``dc.date`` …), then
   schema.org microdata of the item holding the headline;
4. ``<time datetime>`` / ``itemprop=datePublished`` inside the article, not in a widget, a list of
   dated items (events, comments) or a sentence («пройдет <time>5 декабря</time>»);
5. a date line near the title (or just under the text), in any common Russian form;
6. a link to the page itself whose words are a date (a blog post's permalink), generic meta
   keys, the date in the URL;
7. htmldate (markup and free-text rules in many languages); when the only lines stating its
   date are ones newsmon's rules turned down (widgets, related news, sentences, updates) the
   date is "htmldate-unconfirmed", which any date the crawl has (a feed's) overrides; a bare
   year or the crawl day there is no date at all.

A machine value is read on the day it states in its own offset. A value stated in UTC («…Z»)
is read in the outlet's zone when the crawl time carries it, else on the local day the page
itself shows (the text beside it, the date line, the URL) when the instant can fall on that day.

A JSON-LD or meta date on the crawl day (CMSs that stamp the serving time) yields to an earlier
visible date line. Every candidate after the crawl time (plus a day for time zones) is rejected; dates inside calendars,
today's-date widgets, related-news blocks, headers and footers are never read (boilerplate.py
decides what a widget is). When nothing can be trusted the result is ``(None, "none")``.
"""

from __future__ import annotations

import datetime
import email.utils
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from lxml import etree

from pipeline.extract import boilerplate, dateline
from pipeline.extract.date_expressions import (
    FUTURE_TOLERANCE,
    MIN_YEAR,
    find_dates,
    is_plausible,
    is_relative,
    make_date,
    parse_russian_date,
)
from pipeline.extract.pagestructure import same_page

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Lower-case words (date-line labels aside) that make a line around a <time> a sentence.
SENTENCE_WORDS = 3
MSK = datetime.timedelta(hours=3)
# The offsets at which outlets publish (Hawaii to Kiribati): an instant stated in UTC falls on a
# local day that is at most this far from its UTC day.
WESTMOST_OFFSET = datetime.timedelta(hours=-10)
EASTMOST_OFFSET = datetime.timedelta(hours=14)

# ---------------------------------------------------------------------------------------------
# Page signals


_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "date.published",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "mediator_published_time",
)
# Generic keys: some CMSs fill them with the day the page was served, so a date line beats them.
_WEAK_META_KEYS = ("dc.date", "dcterms.date", "date", "created")


# JSON-LD keys that lead to other items (related news, lists, the site): their dates, headlines
# and authors are not this article's.
_OTHER_ITEMS_KEYS = frozenset(
    {"itemListElement", "relatedLink", "hasPart", "isPartOf", "mentions", "subjectOf", "comment"}
)


def jsonld_objects(tree: HtmlElement) -> tuple[list[dict], list[str]]:
    """Every JSON-LD object on the page (nested ones and @graph members included), and the raw
    text of the scripts that do not parse (trailing commas, several objects in one script)."""
    found: list[dict] = []
    broken: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.append(node)
            for key, value in node.items():
                if key not in _OTHER_ITEMS_KEYS:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        try:
            walk(json.loads(raw))
        except ValueError:
            broken.append(raw)
    return found, broken


def _jsonld_dates(tree: HtmlElement) -> list[str]:
    objects, broken = jsonld_objects(tree)
    values: list[str] = []
    videos: list[str] = []
    for node in objects:
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        # The WebPage/BreadcrumbList wrappers may carry the site's dates, not the article's.
        article_like = any(
            isinstance(k, str) and ("Article" in k or k.endswith("Posting") or k == "Report")
            for k in kinds
        )
        for key in ("datePublished", "dateCreated"):
            if isinstance(node.get(key), str) and (article_like or kind is None):
                values.append(node[key])
        if "VideoObject" in kinds:
            # A video's page (PeerTube, a TV channel's story): its upload is its publication,
            # unless an article object of the page says otherwise.
            videos += [node[key] for key in ("datePublished", "uploadDate")
                       if isinstance(node.get(key), str)][:1]
    for raw in broken:
        values += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', raw)
    if not values and len(videos) == 1:  # one video: the page's own, not a list of others'
        return videos
    return values


# Compiled once: the page's own schema.org item is the scope that holds its headline.
_SCOPED_DATES = etree.XPath(
    '//*[@itemprop="datePublished" or @itemprop="dateCreated"]'
    "[ancestor::*[@itemscope][1][.//h1 or .//*[@itemprop='articleBody']]]"
)


def _has_property(*names: str) -> str:
    return " or ".join(
        f"contains(concat(' ', normalize-space(@property), ' '), ' {n} ')" for n in names)


# The same in RDFa (Drupal 7 prints «<span property="dc:date dc:created" content="…">» in the
# node's «typeof» box around the headline; each comment is a box of its own).
_RDFA_PUBLISHED = _has_property(
    "dc:created", "dc:date", "dcterms:created", "dcterms:issued", "schema:datePublished")
_RDFA_DATES = etree.XPath(
    f"//*[@content][{_RDFA_PUBLISHED}][ancestor::*[@typeof][1][.//h1]]")


def _microdata_dates(tree: HtmlElement) -> list[str]:
    """schema.org microdata of the item that holds the page's headline or its body
    (``itemscope`` around ``<h1>`` and ``itemprop="datePublished"``): structured data like
    JSON-LD, whatever the template calls the block the date sits in (tx_news prints it in a
    ``<div class="footer">`` under the headline). Teasers in a listing or a sidebar are items of
    their own, without the page's headline. RDFa's the same way."""
    values = []
    for el in [*_SCOPED_DATES(tree), *_RDFA_DATES(tree)]:
        value = el.get("datetime") or el.get("content")
        if value:
            values.append(value)
    return values


def _meta_dates(tree: HtmlElement, keys: tuple[str, ...] = _META_KEYS) -> list[str]:
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (
            (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower().strip()
        )
        if key in keys and key not in found:
            found[key] = meta.get("content", "")
    return [found[key] for key in keys if key in found]


def _parse_machine(value: str, now: datetime.datetime) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{10}(?:\d{3})?", value):
        # Unix time in seconds or milliseconds (some CMSs): the date in the outlet's time zone
        # (an aware crawl time carries it, pipeline/extract/localtime.py), else in Moscow time.
        zone = now.tzinfo or datetime.timezone(MSK)
        date = datetime.datetime.fromtimestamp(int(value[:10]), zone).date()
    else:
        date = parse_russian_date(value, now=now)
    return date if is_plausible(date, now) else None


def _instant(value: str) -> datetime.datetime | None:
    """A machine value that states an instant with its offset («…T20:40:00+03:00»,
    «2023-11-09T05:30:59Z», «Wed, 04 May 2022 00:25:56 GMT»). A UTC instant's calendar day is
    London's, not necessarily the outlet's: an evening post in the Americas or a morning post
    east of Moscow is on another day there."""
    value = value.strip()
    if len(value) <= 10:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        return None
    # «0001-01-01T00:00:00Z», a CMS's empty date: not a publication day at any offset.
    return parsed if MIN_YEAR <= parsed.year <= datetime.MAXYEAR - 1 else None


class _LocalDay:
    """The publication day of an instant stated in UTC, in the outlet's own time.

    A value with its own offset («…T18:37:32+01:00») is read as written, in that offset, unless
    the crawl knows the outlet's zone: then it is that moment's day there. For a UTC
    instant the outlet's zone decides: the crawl time carries it when the crawl knows the outlet
    (pipeline/extract/localtime.py). Otherwise the page itself says which local day it is: a visible date
    (a <time>'s text, the date line) or the date in the URL, taken when the instant can fall on
    that day at some inhabited offset; failing those, the UTC day.
    """

    def __init__(self, tree: HtmlElement, url: str, now: datetime.datetime,
                 dateline_day: Callable[[], datetime.date | None]) -> None:
        self.tree, self.url, self.now = tree, url, now
        self._dateline_day = dateline_day
        self._evidence: list[datetime.date] | None = None
        self.utc_days: dict[datetime.date, set[datetime.date]] = {}

    def evidence(self) -> list[datetime.date]:
        if self._evidence is None:
            found: list[datetime.date] = []
            visible = self._dateline_day()
            if visible is not None:
                found.append(visible)
            from_url = _url_date(self.url)
            if from_url is not None:
                found.append(from_url)
            self._evidence = found
        return self._evidence

    def of(self, value: str, shown: str = "") -> datetime.date | None:
        """The day of a machine value; ``shown``: the text the reader sees beside it (a <time>'s
        own text), the first evidence of the local day."""
        instant = _instant(value)
        if instant is not None and instant.utcoffset() != datetime.timedelta(0):
            # (a crawl time in UTC names no outlet's zone: every Russian outlet's is east of it)
            if self.now.utcoffset() not in (None, datetime.timedelta(0)):
                # «…T20:40:00+03:00» on an outlet six hours east of Moscow (a server left on
                # Moscow time): one moment, whose day is the outlet's own, as a UTC one's is
                day = instant.astimezone(self.now.tzinfo).date()
                return day if is_plausible(day, self.now) else None
            instant = None  # read as written, in its own offset
        if instant is None:
            return _parse_machine(value, self.now)
        if self.now.tzinfo is not None:
            day = instant.astimezone(self.now.tzinfo).date()
            self.utc_days.setdefault(day, set()).add(instant.date())
        else:
            west, east = (instant + WESTMOST_OFFSET).date(), (instant + EASTMOST_OFFSET).date()
            beside = [d for d, _s, _e in find_dates(shown[:200], now=self.now)]
            day = next((d for d in beside + self.evidence() if west <= d <= east), instant.date())
        return day if is_plausible(day, self.now) else None


def _htmldate(tree: HtmlElement, url: str, now: datetime.datetime) -> datetime.date | None:
    """htmldate's original publication date: its header, markup and free-text rules in many
    languages, for pages where newsmon's own signals found nothing. Its extensive search falls
    back to a bare year (a copyright line, «Май 2024» over a calendar) as 1 January: a year is
    not a publication day, so such an answer is dropped."""
    from htmldate import find_date

    # In the outlet's own time (an aware crawl time) no publication is after today: a later day
    # htmldate finds is an event's («суббота, 29 ноября 2025 17:00» on the eve).
    latest = now.date() if now.tzinfo is not None else now.date() + FUTURE_TOLERANCE
    bounds = {"min_date": f"{MIN_YEAR}-01-01", "max_date": latest.isoformat()}
    date = None
    try:
        page = _without_other_dates(tree, now)
        found = find_date(page, url=url, original_date=True, extensive_search=False, **bounds)
        if not found:
            found = find_date(_unlinked(page, url), url=url, original_date=True, **bounds)
            if found and found.endswith("-01-01"):
                found = None
        date = datetime.date.fromisoformat(found) if found else None
        if date is not None and date.day == 1 and _month_only(tree, url, date, bounds):
            return None
        if date is not None and _month_first_reading(tree, date):
            return None
    except (ValueError, TypeError):  # htmldate's own parsing of odd pages
        return None
    return date if is_plausible(date, now) else None


def _without_other_dates(tree: HtmlElement, now: datetime.datetime) -> HtmlElement:
    """A copy of the page without what htmldate's extensive search would read as the page's
    day: the address of a stylesheet, a script or an icon, whose dates are the day the theme was
    built («main.css?v=20250930», Magnolia's «main~2025-10-02-11-40-12-000~cache.css»), a
    <time> labelled as an edit («Последнее обновление <time datetime=…>»), and a script that
    maps the site's pages by their days. Links that name a
    page (canonical, alternate) stay: their dates are the page's."""
    from copy import deepcopy

    def resources(page: HtmlElement) -> list[tuple[HtmlElement, str]]:
        return [(el, attr) for tag, attr in (("link", "href"), ("script", "src"))
                for el in page.iter(tag)
                if el.get(attr) and not PAGE_LINK_RELS & set((el.get("rel") or "").lower().split())
                and _DIGITS_RE.search(el.get(attr) or "")]

    def edits(page: HtmlElement) -> list[HtmlElement]:
        return [el for el in page.iter("time") if dateline.labelled_as_other_date(el)] + [
            el for el in page.iter("li", "p", "dd", "td", "span", "div")
            if dateline.is_other_date_line(el.text_content(), now)]

    def site_maps(page: HtmlElement) -> list[HtmlElement]:
        return [el for el in page.iter("script")
                if not el.get("src") and "ld+json" not in (el.get("type") or "").lower()
                and len(set(_ISO_DAY_RE.findall(el.text or ""))) >= SCRIPT_MAP_MIN_DATES]

    if not resources(tree) and not edits(tree) and not site_maps(tree):
        return tree  # nothing to strip: no copy of the page
    copy = deepcopy(tree)
    for el, attr in resources(copy):
        del el.attrib[attr]
    for el in edits(copy) + site_maps(copy):
        el.drop_tree()
    return copy


# A script naming this many different days is a map of the site's pages (VitePress's
# «__VP_HASH_MAP__» of «novosti_2025-09-05-….md» files, a feed's state), not this page's date.
SCRIPT_MAP_MIN_DATES = 3
_ISO_DAY_RE = re.compile(r"(?<!\d)(?:19|20)\d\d[-_/.][01]\d[-_/.][0-3]\d(?!\d)")


def _unlinked(tree: HtmlElement, url: str, *, own_page_too: bool = False) -> HtmlElement:
    """A copy of the page whose links to other pages (``own_page_too``: all links) have no
    addresses (their words stay): htmldate's extensive search reads dates in any address, and a
    calendar's or a sidebar's links to other days' news («/novosti/2025/11/07/…») are those
    pages' dates, not this one's, which its own address, words and markup give."""
    from copy import deepcopy

    here = urlsplit(url)
    copy = deepcopy(tree)
    for a in copy.iter("a"):
        href = a.get("href")
        if href is None:
            continue
        try:
            elsewhere = own_page_too or (bool(href) and urlsplit(urljoin(url, href))[:4] != here[:4])
        except ValueError:  # «http://[not-an-ip]/»
            elsewhere = True
        if elsewhere:
            del a.attrib["href"]
    return copy


# <link rel=…> values whose address is a page (its own, a translation, a feed of it), not a resource.
PAGE_LINK_RELS = frozenset({"canonical", "alternate", "shortlink", "amphtml", "prev", "next"})
_DIGITS_RE = re.compile(r"\d{4}")


_NUMERIC_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?![\d.])")


def _month_first_reading(tree: HtmlElement, date: datetime.date) -> bool:
    """htmldate read a numeric date month first: the page shows «09.12.2025» (9 December, as
    Russian pages write it, here an event's day) and htmldate answered 12 September, a date no
    day-first reading on the page gives."""
    day_first: set[datetime.date] = set()
    month_first: set[datetime.date] = set()
    for a, b, year in _NUMERIC_DATE_RE.findall(tree.text_content()):
        for day, month, into in ((a, b, day_first), (b, a, month_first)):
            try:
                into.add(datetime.date(int(year), int(month), int(day)))
            except ValueError:
                continue
    return date in month_first and date not in day_first


def _month_only(tree: HtmlElement, url: str, date: datetime.date, bounds: dict) -> bool:
    """htmldate takes a year and a month alone as the 1st: a full date after its bound that
    failed it («2025-10-07» crawled on 1 October), or a month archive's address in a link
    («/novosti/2025/09» in a sidebar). Then its 1st is no publication day."""
    from htmldate import find_date

    unbounded = find_date(tree, url=url, original_date=True, extensive_search=False,
                          min_date=bounds["min_date"])  # fmt: skip
    ahead = datetime.date.fromisoformat(unbounded) if unbounded else None
    if ahead is not None and ahead > date and ahead.replace(day=1) == date:
        return True
    # the links' addresses gone, their words (a dated byline) kept
    unlinked = _unlinked(tree, url, own_page_too=True)
    found = find_date(unlinked, url=url, original_date=True, extensive_search=False, **bounds)
    return found != date.isoformat()


def find_published(
    tree_or_html: HtmlElement | str | bytes,
    *,
    url: str,
    now: datetime.datetime,
    override_selector: str | None = None,
    title_el: HtmlElement | None = None,
    items: list[boilerplate.Block] | None = None,
) -> tuple[datetime.date | None, str]:
    """The publication date of an article page and the signal it came from, or (None, "none").

    ``title_el`` (the headline element of ``tree``, when the caller found it) anchors the date
    line search; without it the first ``<h1>`` does. ``items``: ``boilerplate.blocks(tree)``, when
    the caller has it already.
    """
    from pipeline.extract.html import parse_html

    tree = parse_html(tree_or_html) if isinstance(tree_or_html, (str, bytes)) else tree_or_html
    found_line: list[dateline.DateLine | None] = []

    def date_line() -> dateline.DateLine | None:
        if not found_line:
            found_line.append(
                dateline.find_date_line(tree, now=now, title_el=title_el, items=items)
            )
        return found_line[0]

    def dateline_day() -> datetime.date | None:
        line = date_line()
        return line.date if line is not None else None

    local = _LocalDay(tree, url, now, dateline_day)
    if override_selector:
        for el in boilerplate.select(tree, override_selector):
            value = el.get("datetime") or el.get("content") or el.text_content()
            date = local.of(value)
            if date:
                return date, "override"
    machine = [
        (date, method)
        for method, values in (
            ("jsonld", _jsonld_dates(tree)),
            ("meta", _meta_dates(tree)),
            ("microdata", _microdata_dates(tree)),
        )
        for date in map(local.of, values)
        if date is not None
    ]
    if len({date for date, _method in machine}) > 1:
        # JSON-LD and meta tags that disagree (a republished page, a template's stale JSON-LD):
        # the one the visible date line confirms is the page's.
        shown = dateline_day()
        machine.sort(key=lambda candidate: candidate[0] != shown)
    def settled(date: datetime.date, method: str) -> tuple[datetime.date, str]:
        """A stamp's date, or the date line's when the stamp is the day the page was served
        (some CMSs stamp it so, a forum shows a clock: a visible date line of an earlier day is
        the real one) or the record's creation before a later publication."""
        if date >= now.date():
            earlier = dateline_day()
            # A visible day that is the stamp's own UTC day shows the same instant (WriteFreely
            # prints UTC dates): not an earlier day.
            if earlier is not None and earlier < date and earlier not in local.utc_days.get(date, ()):
                return earlier, "dateline"
        later = _later_published_day(date, date_line(), now)
        return (later, "dateline") if later is not None else (date, method)

    if machine:
        return settled(*machine[0])
    prose = boilerplate.page_prose(tree)
    times = tree.xpath(_TIME_XPATH)
    # The post's own permalink time first: a photo post prints its replies' times, each linking
    # to its reply, above its own (Pixelfed, Instagram).
    times.sort(key=lambda el: not _in_link_here(el, url))
    for el in times:
        if (boilerplate.in_widget(el, prose) and not boilerplate.dates_the_text(el, prose)) or (
            _in_sentence(el, now)
        ):
            continue
        if dateline.states_an_event(boilerplate.block_line(el)):
            continue  # «<time>20.10.2025 10:00</time> – 17:00»: an event's hours
        if dateline.labelled_as_other_date(el):
            continue  # «Последнее обновление <time>…»: an edit's day
        value = el.get("datetime") or el.get("content") or el.get("title") or el.text_content()
        date = local.of(value, shown=el.text_content())
        if date:
            return settled(date, "time")
    date = dateline_day()
    titled = _titled_relative_day(tree, prose, local, now)
    if date is not None:
        if titled is not None and titled[1] == date:
            # The date line is «3 месяца назад», a month's guess; its element's title says
            # «3 сентября 2025 г., 10:15» (Nextcloud): the exact day.
            return titled[0], "dateline"
        return date, "dateline"
    if titled is not None:
        return titled[0], "dateline"
    date = _permalink_day(tree, url, now)
    if date is not None:
        return date, "permalink"
    for value in _meta_dates(tree, _WEAK_META_KEYS):
        date = local.of(value)
        if date:
            return date, "meta"
    date = _url_date(url)
    if is_plausible(date, now):
        return date, "url"
    date = _htmldate(tree, url, now)
    verdict = _line_verdict(date, tree, now, title_el, url) if date is not None else None
    if date is not None and verdict == "confirmed":
        return date, "htmldate"
    if date is not None and verdict == "misplaced" and date < now.date():
        # A proper date line, only outside the article's span (a byline under a long page, a
        # sidebar): better than no date, but any date the crawl has (a feed's) beats it. (Not
        # a today's-date widget's crawl day.)
        return date, "htmldate-unconfirmed"
    opening = dateline.opening_date(tree, now=now, items=items)
    if opening is not None:
        return opening, "text-opening"
    today = dateline.time_alone_today(tree, now=now, title_el=title_el, items=items)
    if today is not None:
        return today, "time-alone"
    for el in tree.xpath(_TIME_XPATH):
        # Only an edit's day on the page («Обновлено <time …>», a help centre's only stamp):
        # the page was out by then — a late day beats losing it; a feed's date beats this.
        if dateline.labelled_as_other_date(el) and not boilerplate.in_widget(el, prose):
            date = local.of(el.get("datetime") or el.text_content(), shown=el.text_content())
            if date is not None:
                return date, "updated"
    return None, "none"


def _titled_relative_day(
    tree: HtmlElement, prose: int, local: _LocalDay, now: datetime.datetime
) -> tuple[datetime.date, datetime.date | None] | None:
    """«#1 <span title="12.11.2025">Вчера</span>, 21:50»: a relative age the reader sees, its
    day in the title (MyBB, PeerTube, Discourse, Nextcloud): the title's day, and the day the
    shown age alone gives. In a side box only when labelled as the page's making («… создал
    <span title=…>4 недели назад</span>», BookStack's details beside the page)."""
    aged = [el for el in tree.xpath("//*[@title]")
            if is_relative(" ".join(el.text_content().split()))
            and not dateline.labelled_as_other_date(el)]
    in_text = [el for el in aged if not boilerplate.in_widget(el, prose)
               or boilerplate.dates_the_text(el, prose)]
    for el in in_text or [el for el in aged if dateline.labelled_as_creation(el)]:
        date = local.of(el.get("title") or "")
        if date:
            shown = " ".join(el.text_content().split())
            implied = find_dates(shown, now=now)
            return date, implied[0][0] if implied else None
    return None


def refused_by_its_lines(
    date: datetime.date, tree: HtmlElement, now: datetime.datetime, url: str
) -> bool:
    """The only visible lines stating ``date`` are ones newsmon turns down (a card linking
    another page, related news, a sentence, a deadline): for another extractor's answer."""
    return _line_verdict(date, tree, now, None, url) == "refused"


def _in_link_elsewhere(el: HtmlElement, url: str) -> bool:
    """Inside a link to another page: a teaser card, whose date is that page's."""
    return any(a.tag == "a" and a.get("href") and not same_page(a.get("href", ""), url)
               for a in (el, *el.iterancestors()))


def _in_link_here(el: HtmlElement, url: str) -> bool:
    """Inside a link to the page itself as a whole: the post's permalink."""
    return any(a.tag == "a" and a.get("href") and _whole_page(a.get("href", ""), url)
               for a in el.iterancestors())


def _whole_page(href: str, url: str) -> bool:
    """Does a link lead to the page itself as a whole? A link to a place in it
    («…/#comment-4512», a comment's time) dates that place."""
    return not urlsplit(urljoin(url, href)).fragment and same_page(href, url)


def _permalink_day(tree: HtmlElement, url: str, now: datetime.datetime) -> datetime.date | None:
    """A link to the page itself whose words are a date — a blog post's permalink under its
    text («<a class="permalink" href="/post/734…/slug">4 сентября 2025</a>»): the day the post
    went out, however linked its footer line is."""
    for a in tree.xpath("//body//a[@href]"):
        text = " ".join(a.text_content().split())
        if not text or not any(ch.isdigit() for ch in text) or not _whole_page(a.get("href"), url):
            continue
        date = dateline.dateline_date(text, now, dateish=True)
        if date is not None:
            return date
    return None


# Signals a date from the crawl (a feed's or a listing's) overrides.
WEAK_METHODS = frozenset({"none", "htmldate-unconfirmed", "text-opening", "updated"})


def _later_published_day(
    machine: datetime.date, line: dateline.DateLine | None, now: datetime.datetime
) -> datetime.date | None:
    """The markup's date is the day the record was created (a draft, a page reused for a new
    story), while the date line under the headline, with its year written out, says a later day
    before the crawl: readers got the article on the day the outlet shows them. That day, or
    None when the line does not say so."""
    if (
        line is not None
        and line.where == "head"
        and line.states_year
        and machine < line.date < now.date()
    ):
        return line.date
    return None


# A text that opens with its date: «27.1.2022 - Bei der …», «(18.01.2018) Deutschlands …».
_LEADING_DATE = re.compile(
    r"^(?:\(\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\)\s"
    r"|\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\s*(?:[-–—:|]\s|[„«\"]))"
)


def _line_verdict(
    date: datetime.date,
    tree: HtmlElement,
    now: datetime.datetime,
    title_el: HtmlElement | None = None,
    url: str = "",
) -> str:
    """How the visible lines judge htmldate's date.

    "confirmed": a date line in the article's span states it (from a few lines above the headline
    to just under the text, or a block newsmon keeps), or no line newsmon reads states it at all
    (lines in other languages' words, dates only in the markup: htmldate's to judge).
    "refused": the lines stating it are ones newsmon turns down for what they say — related news
    after a «Читайте также», a sentence, a deadline, a document's, a print or an update's date.
    "misplaced": it stands only in proper date lines outside the article's span (a sidebar, a
    byline far under a long page). A date line is the article's even inside an element that looks
    like a widget by its class («date-header» in a blog's «widget Blog», a «footer» row).
    """
    kept = {id(block.el) for block in boilerplate.blocks(tree)}
    items = boilerplate.blocks(tree, skip_widgets=False)
    # From the first <h1> when it comes before the headline: a blog's name above its posts.
    head = min(
        (i for i, block in enumerate(items) if block.el is title_el or block.el.tag == "h1"),
        default=None,
    )
    prose = [i for i, block in enumerate(items) if block.link_density < 0.5]
    longest = max(prose, key=lambda i: len(items[i].text), default=None)
    # The article: from a few lines above the headline (a date line over it) to just under the
    # text. Above the headline only a day before the crawl counts: a today's-date widget there
    # shows the crawl day.
    above = date < now.date()
    article = (
        range(max(0, head - dateline.HEAD_BLOCKS_BEFORE_TITLE) if above else head,
              longest + dateline.TAIL_BLOCKS_AFTER_TEXT + 1)
        if head is not None and longest is not None and head <= longest
        else range(0)
    )
    stated = misplaced = False
    after_stop = False
    body_seen = False
    for i, block in enumerate(items):
        body_seen = body_seen or len(block.text) >= dateline.BODY_MIN_CHARS
        after_stop = after_stop or (body_seen and boilerplate.is_stop_line(block.text))
        # Newsmon's widget and date-line rules are made for Russian pages: a line whose date
        # is in another language's words is htmldate's to judge.
        # A relative age («14 дн. назад», a comment's) states no day: it only comes near one.
        if not any(d == date and not is_relative(block.text[s:e])
                   for d, s, e in find_dates(block.text, now=now, foreign=False)):
            continue
        stated = True
        proper = (
            dateline.dateline_date(block.text, now, dateish=dateline.is_dateish(block.el)) == date
            or _LEADING_DATE.match(block.text) is not None
        )
        if not proper or after_stop or (url and _in_link_elsewhere(block.el, url)):
            continue  # (a card linking another page, its date: «Новости проекта» under it)
        if id(block.el) in kept or i in article:
            return "confirmed"
        misplaced = True
    return "misplaced" if misplaced else "refused" if stated else "confirmed"



# <time datetime>, schema.org microdata, and hAtom's <abbr class="published" title="…">.
_TIME_XPATH = (
    '//time[@datetime] | //*[@itemprop="datePublished"]'
    ' | //abbr[@title][contains(concat(" ", normalize-space(@class), " "), " published ")]'
)


def _in_sentence(el: HtmlElement, now: datetime.datetime) -> bool:
    """A <time> inside running text («пройдет <time>5 декабря</time> в здании центра») dates an
    event, not the page: its block, the date itself and date-line labels aside, has words of a
    sentence."""

    if el.get("itemprop") is not None:
        return False
    text = boilerplate.block_line(el)
    if not text:
        return False
    own = " ".join(el.text_content().split())
    rest = text.replace(own, " ", 1) if own else text
    for _date, start, end in reversed(find_dates(rest, now=now)):
        rest = rest[:start] + " " + rest[end:]
    return dateline.lower_words(rest) >= SENTENCE_WORDS


# «/2024/05/12/slug», «/2024-05-12-slug», «/20240512/slug-123.html»
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)(?:[/-]([01]?\d)[/-]([0-3]?\d)|([01]\d)([0-3]\d))(?:/|-|_|\.|$)"
)


def _url_date(url: str) -> datetime.date | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    month, day = (m[2], m[3]) if m[2] else (m[4], m[5])
    return make_date(int(m[1]), int(month), int(day))
