"""Publication dates: Russian date expressions and the page signals that carry them.

`find_published` walks the signals from the most to the least trustworthy, like htmldate:

1. a source's CSS override selector;
2. JSON-LD ``datePublished`` / ``dateCreated``;
3. meta tags (``article:published_time``, ``datePublished``, ``pubdate``, ``dc.date`` …);
4. ``<time datetime>`` / ``itemprop=datePublished`` inside the article, not in a widget, a list of
   dated items (events, comments) or a sentence («пройдет <time>5 декабря</time>»);
5. a date line near the title (or just under the text), in any common Russian form;
6. generic meta keys, the date in the URL;
7. htmldate (markup and free-text rules in many languages), unless the only lines stating its
   date are ones newsmon's rules turned down (widgets, related news, sentences, updates) or it
   is a bare year.

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
import functools
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.extract import boilerplate

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_YEAR = 1995
# Lower-case words (date-line labels aside) that make a line around a <time> a sentence.
SENTENCE_WORDS = 3
MSK = datetime.timedelta(hours=3)
# Regions east of Moscow publish "tomorrow" by UTC: allow a day past the crawl time.
FUTURE_TOLERANCE = datetime.timedelta(days=1)
# The offsets at which outlets publish (Hawaii to Kiribati): an instant stated in UTC falls on a
# local day that is at most this far from its UTC day.
WESTMOST_OFFSET = datetime.timedelta(hours=-10)
EASTMOST_OFFSET = datetime.timedelta(hours=14)

MONTHS: dict[str, int] = {}
for _num, _forms in enumerate(
    [
        ("январ", "янв", "january", "jan"),
        ("феврал", "фев", "february", "feb"),
        ("март", "мар", "march", "mar"),
        ("апрел", "апр", "april", "apr"),
        ("ма", "май", "may"),
        ("июн", "june", "jun"),
        ("июл", "july", "jul"),
        ("август", "авг", "august", "aug"),
        ("сентябр", "сен", "сент", "september", "sep", "sept"),
        ("октябр", "окт", "october", "oct"),
        ("ноябр", "ноя", "нояб", "november", "nov"),
        ("декабр", "дек", "december", "dec"),
    ],
    start=1,
):
    for _f in _forms:
        MONTHS[_f] = _num

_MONTH_WORD = (
    r"(?P<mon>январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|"
    r"августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|"
    r"янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![а-яёa-z])\.?"
)

# Day-month-year with a month word: «17 апреля 2024», «5 ноября 2025 г., 14:20», «17 апр. 2024».
_WORD_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)\s*(?:-?го\s+)?"
    + _MONTH_WORD
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
# English order: «April 17, 2024» (meta content, RSS-style dates), and C's and Java's
# «Tue Jan 28 15:28:56 CET 2020» with the time and zone between the day and the year.
_WORD_DATE_EN = re.compile(
    r"\b(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?P<day>[0-3]?\d),?\s+"
    r"(?:\d\d:\d\d(?::\d\d)?\s+(?:[A-Z]{2,5}\s+)?)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Numeric day first: «23.07.2015», «12.02.2024 года», «23/07/15», «23-07-2015».
_NUM_DMY = re.compile(
    r"(?<![\d.:/-])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<mon>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)(?![\d]|[./-]\d)"
)
# ISO-ish year first: «2024-02-12», «2024-02-12T10:00:00+03:00», «2024/02/12», «2024.02.12».
_NUM_YMD = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"
)
_COMPACT_YMD = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?:T|\b)")
# Day, month word and year in the other languages of the web and of Russia's neighbours
# («6. November 2023», «3 de mayo de 2022», «12 травня 2024», «5 қаңтар 2024»): the month word is
# checked against CLDR's month names (`foreign_months`); a year is required, so a number before
# an ordinary word is never a date.
_FOREIGN_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]?\d)\.?\s*(?:de\s+|del\s+)?(?P<mon>[^\W\d_]{3,})\.?,?\s+"
    r"(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d)(?!\d)"
)
# Languages whose month names CLDR (through babel) gives: Western and Central European ones and
# those of Russia's neighbours and republics.
FOREIGN_MONTH_LOCALES = (
    "de fr es it pt nl pl cs sk uk be kk tt ba tr hu fi sv da nb ro hr sr bg sl lt lv et el "
    "ca az hy ka uz ky tg mn".split()
)
_RELATIVE = re.compile(
    r"(?P<word>позавчера|вчера|сегодня|только что|полчаса назад)|"
    r"(?:(?P<n>\d+|одн[ау]|две|два|три|четыре|пять)\s+)?"
    r"(?P<unit>секунд[уы]?|минут[уы]?|мин\.?|час(?:а|ов)?|ч\.|д(?:ень|ня|ней)|недел[юьи]|месяц(?:а|ев)?)\s+назад",
    re.IGNORECASE,
)
_SMALL_NUMBERS = {"одну": 1, "одна": 1, "две": 2, "два": 2, "три": 3, "четыре": 4, "пять": 5}


@functools.cache
def foreign_months() -> dict[str, int]:
    """Month names and abbreviations (three letters or more) → month number, in
    `FOREIGN_MONTH_LOCALES`; a word that names different months in two languages is left out."""
    try:
        from babel import Locale
        from babel.core import UnknownLocaleError
    except ImportError:  # babel comes with trafilatura (through courlan); without it, no foreign months
        return {}
    found: dict[str, set[int]] = {}
    for code in FOREIGN_MONTH_LOCALES:
        try:
            months = Locale.parse(code).months
        except (UnknownLocaleError, ValueError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    word = name.casefold().rstrip(".")
                    if len(word) >= 3:
                        found.setdefault(word, set()).add(number)
    return {word: next(iter(n)) for word, n in found.items() if len(n) == 1}


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    for size in (7, 6, 5, 4, 3, 2):
        if word[:size] in MONTHS and (size >= 3 or word.startswith("ма")):
            return MONTHS[word[:size]]
    return None


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None
    return value if value.year >= MIN_YEAR else None


def _year_for(month: int, day: int, now: datetime.datetime) -> datetime.date | None:
    """A day and month without a year: this year, or last year if that would be in the future."""
    value = _make_date(now.year, month, day)
    if value is None:
        return None
    if value > now.date() + FUTURE_TOLERANCE:
        value = _make_date(now.year - 1, month, day)
    return value


def _relative(match: re.Match[str], now: datetime.datetime) -> datetime.date:
    word = (match.group("word") or "").lower()
    if word in ("сегодня", "только что"):
        return now.date()
    if word == "вчера":
        return now.date() - datetime.timedelta(days=1)
    if word == "позавчера":
        return now.date() - datetime.timedelta(days=2)
    if word == "полчаса назад":
        return (now - datetime.timedelta(minutes=30)).date()
    raw = (match.group("n") or "1").lower()
    n = int(raw) if raw.isdigit() else _SMALL_NUMBERS.get(raw, 1)
    unit = match.group("unit").lower()
    if unit.startswith(("сек", "мин")):
        delta = datetime.timedelta(minutes=n)
    elif unit.startswith("ч"):
        delta = datetime.timedelta(hours=n)
    elif unit.startswith("д"):
        delta = datetime.timedelta(days=n)
    elif unit.startswith("нед"):
        delta = datetime.timedelta(weeks=n)
    else:
        delta = datetime.timedelta(days=30 * n)
    return (now - delta).date()


def find_dates(
    text: str, *, now: datetime.datetime, foreign: bool = True
) -> list[tuple[datetime.date, int, int]]:
    """Every date expression in a text as (date, start, end), in text order; ``foreign=False``:
    Russian, English and numeric forms only, without other languages' month names."""
    found: list[tuple[datetime.date, int, int]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(value: datetime.date | None, start: int, end: int) -> None:
        if value is not None and free(start, end):
            found.append((value, start, end))
            taken.append((start, end))

    for m in _NUM_YMD.finditer(text):
        add(_make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
    for m in _NUM_DMY.finditer(text):
        add(_make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
    for m in _WORD_DATE.finditer(text):
        month = _month_number(m["mon"])
        if month is None:
            continue
        day = int(m["day"])
        if m["year"]:
            add(_make_date(int(m["year"]), month, day), m.start(), m.end())
        else:
            add(_year_for(month, day, now), m.start(), m.end())
    for m in _WORD_DATE_EN.finditer(text):
        month = _month_number(m["mon"])
        if month is not None:
            add(_make_date(int(m["year"]), month, int(m["day"])), m.start(), m.end())
    for m in _FOREIGN_DATE.finditer(text) if foreign else ():
        month = foreign_months().get(m["mon"].casefold())
        if month is not None:
            add(_make_date(int(m["year"]), month, int(m["day"])), m.start(), m.end())
    for m in _RELATIVE.finditer(text):
        add(_relative(m, now), m.start(), m.end())
    if not found:
        for m in _COMPACT_YMD.finditer(text):
            add(_make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
    found.sort(key=lambda item: item[1])
    return found


def is_relative(expression: str) -> bool:
    """«вчера», «3 часа назад»: a date that depends on the crawl time."""
    return _RELATIVE.fullmatch(expression.strip()) is not None


def parse_russian_date(text: str, *, now: datetime.datetime) -> datetime.date | None:
    """One date expression in any common Russian form, or None.

    «11:04, 23.07.2015», «12.02.2024 года», «17 апреля 2024», «5 ноября 2025 г., 14:20», «вчера»,
    «2 часа назад» (relative to ``now``), ISO 8601 and RFC 2822 strings from meta tags.
    """
    dates = find_dates(text, now=now)
    return dates[0][0] if dates else None


def is_plausible(value: datetime.date | None, now: datetime.datetime) -> bool:
    """Not before the web and not after the crawl (a day of time-zone slack)."""
    return value is not None and MIN_YEAR <= value.year and value <= now.date() + FUTURE_TOLERANCE


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
    for node in objects:
        kind = node.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        # The WebPage/BreadcrumbList wrappers may carry the site's dates, not the article's.
        article_like = any(
            isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report")) for k in kinds
        )
        for key in ("datePublished", "dateCreated"):
            if isinstance(node.get(key), str) and (article_like or kind is None):
                values.append(node[key])
    for raw in broken:
        values += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', raw)
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


def _utc_instant(value: str) -> datetime.datetime | None:
    """A machine value that states an instant in UTC («2023-11-09T05:30:59Z», «…+00:00»,
    «Wed, 04 May 2022 00:25:56 GMT»). Its calendar day is London's, not necessarily the outlet's:
    an evening post in the Americas or a morning post east of Moscow is on another day there."""
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
    if parsed.tzinfo is None or parsed.utcoffset() != datetime.timedelta(0):
        return None
    # «0001-01-01T00:00:00Z», a CMS's empty date: not a publication day at any offset.
    return parsed if MIN_YEAR <= parsed.year <= datetime.MAXYEAR - 1 else None


class _LocalDay:
    """The publication day of an instant stated in UTC, in the outlet's own time.

    A value with its own offset («…T18:37:32+01:00») is read as written, in that offset. For a UTC
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
        instant = _utc_instant(value)
        if instant is None:
            return _parse_machine(value, self.now)
        if self.now.tzinfo is not None:
            day = instant.astimezone(self.now.tzinfo).date()
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

    bounds = {"min_date": f"{MIN_YEAR}-01-01",
              "max_date": (now.date() + FUTURE_TOLERANCE).isoformat()}
    date = None
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False, **bounds)
        if not found:
            found = find_date(tree, url=url, original_date=True, **bounds)
            if found and found.endswith("-01-01"):
                found = None
        date = datetime.date.fromisoformat(found) if found else None
    except (ValueError, TypeError):  # htmldate's own parsing of odd pages
        return None
    return date if is_plausible(date, now) else None


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
    from pipeline.extract import dateline
    from pipeline.extract.cascade import parse_html

    tree = parse_html(tree_or_html) if isinstance(tree_or_html, (str, bytes)) else tree_or_html
    found_dateline: list[datetime.date | None] = []

    def dateline_day() -> datetime.date | None:
        if not found_dateline:
            found_dateline.append(
                dateline.find_dateline(tree, now=now, title_el=title_el, items=items)
            )
        return found_dateline[0]

    local = _LocalDay(tree, url, now, dateline_day)
    if override_selector:
        for el in boilerplate.select(tree, override_selector):
            value = el.get("datetime") or el.get("content") or el.text_content()
            date = local.of(value)
            if date:
                return date, "override"
    machine = [
        (date, method)
        for method, values in (("jsonld", _jsonld_dates(tree)), ("meta", _meta_dates(tree)))
        for date in map(local.of, values)
        if date is not None
    ]
    if len({date for date, _method in machine}) > 1:
        # JSON-LD and meta tags that disagree (a republished page, a template's stale JSON-LD):
        # the one the visible date line confirms is the page's.
        shown = dateline_day()
        machine.sort(key=lambda candidate: candidate[0] != shown)
    if machine:
        date, method = machine[0]
        if date >= now.date():
            # Some CMSs stamp the page with the day it is served: a visible date line that
            # says an earlier day is the real one.
            earlier = dateline_day()
            if earlier is not None and earlier < date:
                return earlier, "dateline"
        return date, method
    prose = boilerplate.page_prose(tree)
    for el in tree.xpath(_TIME_XPATH):
        if boilerplate.in_widget(el, prose) or _in_sentence(el, now):
            continue
        value = el.get("datetime") or el.get("content") or el.get("title") or el.text_content()
        date = local.of(value, shown=el.text_content())
        if date:
            return date, "time"
    date = dateline_day()
    if date is not None:
        return date, "dateline"
    for value in _meta_dates(tree, _WEAK_META_KEYS):
        date = local.of(value)
        if date:
            return date, "meta"
    date = _url_date(url)
    if is_plausible(date, now):
        return date, "url"
    date = _htmldate(tree, url, now)
    if date is not None and not _rejected_line(date, tree, now, title_el):
        return date, "htmldate"
    return None, "none"


# A text that opens with its date: «27.1.2022 - Bei der …», «(18.01.2018) Deutschlands …».
_LEADING_DATE = re.compile(
    r"^(?:\(\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\)\s"
    r"|\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\s*(?:[-–—:|]\s|[„«\"]))"
)


def _rejected_line(
    date: datetime.date,
    tree: HtmlElement,
    now: datetime.datetime,
    title_el: HtmlElement | None = None,
) -> bool:
    """htmldate's date stands only in visible lines that newsmon reads and turns down: a
    today's-date widget or a calendar above the headline, related news after a «Читайте также»,
    a sentence, a deadline, a document's or an update's date. A date line between the headline
    and the end of the text is the article's even inside an element that looks like a widget by
    its class («date-header» in a blog's «widget Blog», a «footer» row of the article); lines in
    forms newsmon does not read and dates only in the markup are htmldate's to judge."""
    from pipeline.extract import dateline

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
    stated = False
    after_stop = False
    body_seen = False
    for i, block in enumerate(items):
        body_seen = body_seen or len(block.text) >= dateline.BODY_MIN_CHARS
        after_stop = after_stop or (body_seen and boilerplate.is_stop_line(block.text))
        # Newsmon's widget and date-line rules are made for Russian pages: a line whose date
        # is in another language's words is htmldate's to judge.
        if not any(d == date for d, _s, _e in find_dates(block.text, now=now, foreign=False)):
            continue
        stated = True
        if (id(block.el) in kept or i in article) and not after_stop and (
            dateline.dateline_date(block.text, now, dateish=dateline.is_dateish(block.el)) == date
            or _LEADING_DATE.match(block.text) is not None
        ):
            return False
    return stated


# <time datetime>, schema.org microdata, and hAtom's <abbr class="published" title="…">.
_TIME_XPATH = (
    '//time[@datetime] | //*[@itemprop="datePublished"]'
    ' | //abbr[@title][contains(concat(" ", normalize-space(@class), " "), " published ")]'
)


def _in_sentence(el: HtmlElement, now: datetime.datetime) -> bool:
    """A <time> inside running text («пройдет <time>5 декабря</time> в здании центра») dates an
    event, not the page: its block, the date itself and date-line labels aside, has words of a
    sentence."""
    from pipeline.extract import dateline

    if el.get("itemprop") is not None:
        return False
    block = next((a for a in el.iterancestors() if a.tag in boilerplate.BLOCK_TAGS), None)
    if block is None:
        return False
    # The block's own line: nested blocks (the rest of an <article>) are not part of it.
    parts = [block.text or ""]
    for child in block:
        if isinstance(child.tag, str) and child.tag not in boilerplate.BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    text = " ".join("".join(parts).split())
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
    return _make_date(int(m[1]), int(month), int(day))
