"""Russian wording for the digest: plural forms, dates, changes, leads."""

from __future__ import annotations

import re

MONTHS_GEN = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)
MONTHS_PREP = (  # «в октябре»
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split()
)
MONTHS_INS = (  # «по сравнению с сентябрём»
    "январём февралём мартом апрелем маем июнем июлем августом сентябрём октябрём ноябрём "
    "декабрём".split()
)
MONTHS_SHORT = "янв фев мар апр май июн июл авг сен окт ноя дек".split()

# (one, few, many): 1 материал, 2 материала, 5 материалов
WORDS: dict[str, tuple[str, str, str]] = {
    "материал": ("материал", "материала", "материалов"),
    "сюжет": ("сюжет", "сюжета", "сюжетов"),
    "перепечатка": ("перепечатка", "перепечатки", "перепечаток"),
    "издание": ("издание", "издания", "изданий"),
    "регион": ("регион", "региона", "регионов"),
    "источник": ("источник", "источника", "источников"),
    "упоминание": ("упоминание", "упоминания", "упоминаний"),
    "проект": ("проект", "проекта", "проектов"),
    "день": ("день", "дня", "дней"),
    "обход": ("обход", "обхода", "обходов"),
    "организация": ("организация", "организации", "организаций"),
    "тема": ("тема", "темы", "тем"),
    "издание_prep": ("издании", "изданиях", "изданиях"),
    "материал_prep": ("материале", "материалах", "материалах"),
    "день_ins": ("днём", "днями", "днями"),
}


def plural_form(n: int, forms: tuple[str, str, str]) -> str:
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def plural(n: int, word: str) -> str:
    """`plural(5, "материал")` → «5 материалов» (the word must be in WORDS)."""
    return f"{number(n)} {plural_form(n, WORDS[word])}"


def number(n: int | float) -> str:
    """Thousands separated by a narrow no-break space, as Russian typography wants: 12 345."""
    return f"{int(n):,}".replace(",", "\u202f")


def ru_date(value: str | None) -> str:
    """'2025-10-07' → «7 октября 2025»; None → «дата неизвестна»."""
    if not value:
        return "дата неизвестна"
    year, month, day = value.split("-")
    return f"{int(day)} {MONTHS_GEN[int(month) - 1]} {year}"


def ru_day(value: str | None) -> str:
    """'2025-10-07' → «7 октября» (a date inside a period the reader already knows)."""
    if not value:
        return "дата неизвестна"
    _, month, day = value.split("-")
    return f"{int(day)} {MONTHS_GEN[int(month) - 1]}"


def change(current: int, previous: int) -> dict:
    """The change against the previous period, always with its base: «было 4» beside the 16 a
    reader sees, so a «+300%» from 4 to 16 never stands alone; a direction (up/down/same/new)."""
    delta = current - previous
    if delta == 0:
        return {"text": "столько же", "direction": "same", "delta": 0, "previous": previous}
    if previous == 0:
        return {"text": "не было", "direction": "new", "delta": delta, "previous": 0}
    return {
        "text": f"было {number(previous)}",
        "direction": "up" if delta > 0 else "down",
        "delta": delta,
        "previous": previous,
    }


def with_base(current: int, previous: int) -> str:
    """«16, было 4»; «16, столько же»; «3, раньше не было»."""
    if current == previous:
        return f"{number(current)}, столько же"
    if previous == 0:
        return f"{number(current)}, раньше не было"
    return f"{number(current)}, было {number(previous)}"


def period_in(period) -> str:
    """«в октябре 2025 года», «с 1 по 10 октября 2025 года», «с 28 сентября по 5 октября 2025
    года» — a period as the adverbial a sentence starts with (lower case)."""
    s, e = period.start, period.end
    if period.is_month:
        return f"в {MONTHS_PREP[s.month - 1]} {s.year} года"
    if s == e:
        return f"{s.day} {MONTHS_GEN[s.month - 1]} {s.year} года"
    first = f"{s.day}" if (s.year, s.month) == (e.year, e.month) else (
        f"{s.day} {MONTHS_GEN[s.month - 1]}" + ("" if s.year == e.year else f" {s.year} года"))
    return f"с {first} по {e.day} {MONTHS_GEN[e.month - 1]} {e.year} года"


def compared_with(previous) -> str:
    """«по сравнению с сентябрём 2025 года», «по сравнению с 21–30 сентября 2025 года» (the
    previous period named plainly; months differ in length, so no claim of «the same length»)."""
    s = previous.start
    if previous.is_month:
        return f"по сравнению с {MONTHS_INS[s.month - 1]} {s.year} года"
    return (f"по сравнению с предыдущими {plural_form(previous.days, WORDS['день_ins'])} "
            f"{number(previous.days)} дн. ({previous.label})")


def month_short(period) -> str:
    """«окт»: a month on the 12-month axis."""
    return MONTHS_SHORT[period.start.month - 1]


def percent(part: int, whole: int) -> str:
    """«25%»; a share under 1% is «<1%», never «0%» for something that is there."""
    if not whole:
        return "0%"
    value = 100 * part / whole
    return "<1%" if 0 < value < 1 else f"{round(value)}%"


_SPACES = re.compile(r"\s+")


def clip(text: str, limit: int) -> str:
    """Cut at a word boundary before `limit` characters, with an ellipsis."""
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:—–-")
    return cut + "…"


MIN_LEAD_WORDS = 8


def looks_like_prose(paragraph: str) -> bool:
    """A sentence a reader would take for the article's start, not a rubric, date or widget line
    («Категория: Общество», «Социальная сфера», calendar digits, «Читайте также»)."""
    words = re.findall(r"[^\W\d_]{2,}", paragraph)
    if len(words) < MIN_LEAD_WORDS or not re.search(r"[.!?…»\"]$", paragraph.rstrip()):
        return False
    try:
        from pipeline.extract.boilerplate import is_drop_line, is_stop_line
    except ImportError:  # the digest still renders without the pipeline package
        return True
    return not (is_stop_line(paragraph) or is_drop_line(paragraph))


def _ends_article(line: str) -> bool:
    try:
        from pipeline.extract.boilerplate import is_stop_line
    except ImportError:
        return False
    return bool(line) and is_stop_line(line)


def make_lead(title: str | None, lead: str | None, text: str | None, limit: int = 220) -> str:
    """A two-line lead from the stored lead or the text's first prose paragraph, never the title
    again and never boilerplate; empty when no paragraph qualifies."""
    folded_title = _SPACES.sub(" ", title or "").strip().lower().rstrip(".!?…")
    for candidate in [lead or "", *(text or "").split("\n")]:
        source = _SPACES.sub(" ", candidate).strip()
        rest = source[len(folded_title):] if folded_title else ""
        # Only a title standing as its own sentence or line is a repeat to drop.
        if folded_title and source.lower().startswith(folded_title) and (
                not rest or rest[0] in ".!?…:"):
            source = rest.lstrip(" .!?…:—–-")
        if looks_like_prose(source):
            break
        if _ends_article(source):
            return ""  # what follows «Читайте также» belongs to other articles
    else:
        return ""
    sentences = re.split(r"(?<=[.!?…])\s+(?=[«\"A-ZА-ЯЁ0-9])", source)
    lead_text = ""
    for sentence in sentences:
        if lead_text and len(lead_text) + len(sentence) > limit:
            break
        lead_text = f"{lead_text} {sentence}".strip()
    return clip(lead_text, limit)


def upper_first(text: str) -> str:
    """«кризисные центры» → «Кризисные центры» (unlike str.capitalize, keeps «НКО» as is)."""
    return text[:1].upper() + text[1:]


def title_key(title: str | None) -> str:
    """A title folded for duplicate detection (case, ё, punctuation and spacing ignored)."""
    folded = (title or "").lower().replace("ё", "е")
    return " ".join(re.findall(r"\w+", folded))
