"""Russian date expressions: «5 ноября 2025 г.», «05.11.2025», «вчера, 17:05», «3 de mayo de 2022».

`find_dates` finds them in a line, `parse_russian_date` reads one, `is_plausible` bounds a date by
the web's age and the crawl time. No page structure here: dates.py and dateline.py read the page.
"""

from __future__ import annotations

import datetime
import functools
import re

MIN_YEAR = 1995
# Regions east of Moscow publish "tomorrow" by UTC: allow a day past the crawl time.
FUTURE_TOLERANCE = datetime.timedelta(days=1)

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
    r"(?<![\d.])(?P<day>[0-3]?\d)\s*(?:-?го\s+|(?:st|nd|rd|th)\s+(?:of\s+)?)?"
    + _MONTH_WORD
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
# English order: «April 17, 2024» (meta content, RSS-style dates), «Nov. 13th, 2025» (an ordinal
# day, as Dreamwidth and LiveJournal print), and C's and Java's
# «Tue Jan 28 15:28:56 CET 2020» with the time and zone between the day and the year.
_WORD_DATE_EN = re.compile(
    r"\b(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+"
    r"(?:\d\d:\d\d(?::\d\d)?\s+(?:[A-Z]{2,5}\s+)?)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# The same without a year, as a half-translated CMS prints it in a byline: «Tuesday, October 28
# @ 23:50:50 MSK» (PHP-Nuke). Only a byline's shape — a weekday before it or a clock time after
# it — so a tour's «June 17 – Nashville» or «On October 18, …» in a text stays no date.
_EN_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|"
              r"december")
_WORD_DATE_EN_NO_YEAR = re.compile(
    r"(?:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)"
    rf"(?P<mon>{_EN_MONTHS})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]*\s*(?:19|20)\d\d)(?!\d)"
    rf"|\b(?P<mon2>{_EN_MONTHS})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s*(?:@|at)?\s*"
    r"(?=(?:[01]?\d|2[0-3]):[0-5]\d)",
    re.IGNORECASE,
)
# A clock time right after a date with the zone it is stated in: «23:50:50 MSK», «в 02:00 (МСК)»,
# «10:15 по московскому времени». A server in another zone than the outlet's prints these.
_STATED_ZONE = re.compile(
    r"^[\s,@—–-]*(?:в\s+|at\s+)?(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?\s*\(?"
    r"(?P<zone>msk|мск|utc|gmt|по московскому времени)(?![a-zа-яё])",
    re.IGNORECASE,
)
STATED_ZONES = {"msk": 3, "мск": 3, "по московскому времени": 3, "utc": 0, "gmt": 0}
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
    r"(?P<unit>секунд[уы]?|сек\.|минут[уы]?|мин\.?|час(?:а|ов)?|ч\.|д(?:ень|ня|ней)|дн\.|недел[юьи]|"
    r"нед\.|месяц(?:а|ев)?|мес\.)\s+назад",
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


def make_date(year: int, month: int, day: int) -> datetime.date | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        value = datetime.date(year, month, day)
    except ValueError:
        return None
    return value if value.year >= MIN_YEAR else None


def _year_for(month: int, day: int, now: datetime.datetime) -> datetime.date | None:
    """A day and month without a year: this year, or last year if that would be in the future."""
    value = make_date(now.year, month, day)
    if value is None:
        return None
    if value > now.date() + FUTURE_TOLERANCE:
        value = make_date(now.year - 1, month, day)
    return value


def _in_outlet_day(
    date: datetime.date | None, after: str, now: datetime.datetime
) -> datetime.date | None:
    """The outlet's own day of a date whose time is stated in another zone: «October 28 @
    23:50 MSK» is already 29 October in Чита. Only with a crawl time that knows the outlet's
    zone (pipeline/extract/localtime.py); a naive one leaves the date as written."""
    m = _STATED_ZONE.match(after)
    offset = now.utcoffset()
    if date is None or m is None or offset is None:
        return date
    stated = datetime.timezone(datetime.timedelta(hours=STATED_ZONES[m["zone"].lower()]))
    moment = datetime.datetime.combine(date, datetime.time(int(m["h"]), int(m["m"])), stated)
    return moment.astimezone(datetime.timezone(offset)).date()


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
        value = _in_outlet_day(value, text[end : end + 40], now)
        if value is not None and free(start, end):
            found.append((value, start, end))
            taken.append((start, end))

    for m in _NUM_YMD.finditer(text):
        add(make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
    for m in _NUM_DMY.finditer(text):
        add(make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
    for m in _WORD_DATE.finditer(text):
        month = _month_number(m["mon"])
        if month is None:
            continue
        day = int(m["day"])
        if m["year"]:
            add(make_date(int(m["year"]), month, day), m.start(), m.end())
        else:
            add(_year_for(month, day, now), m.start(), m.end())
    for m in _WORD_DATE_EN.finditer(text):
        month = _month_number(m["mon"])
        if month is not None:
            add(make_date(int(m["year"]), month, int(m["day"])), m.start(), m.end())
    for m in _WORD_DATE_EN_NO_YEAR.finditer(text):
        month = _month_number(m["mon"] or m["mon2"])
        if month is not None:
            add(_year_for(month, int(m["day"] or m["day2"]), now), m.start(), m.end())
    for m in _FOREIGN_DATE.finditer(text) if foreign else ():
        month = foreign_months().get(m["mon"].casefold())
        if month is not None:
            add(make_date(int(m["year"]), month, int(m["day"])), m.start(), m.end())
    for m in _RELATIVE.finditer(text):
        add(_relative(m, now), m.start(), m.end())
    if not found:
        for m in _COMPACT_YMD.finditer(text):
            add(make_date(int(m["year"]), int(m["mon"]), int(m["day"])), m.start(), m.end())
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
