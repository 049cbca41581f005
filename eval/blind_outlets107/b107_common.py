"""What the two outlets of blind set 107 share: the nights, local time (both outlets keep Moscow
time, UTC+3), Russian plurals and relative ages, transliterated slugs and the small Markdown the
authors of articles.yml write (paragraphs, ``- `` lists, **bold**)."""

from __future__ import annotations

import datetime as dt
import html
import re

MSK = dt.timezone(dt.timedelta(hours=3))
UTC = dt.timezone.utc
NIGHT1 = dt.date(2025, 11, 13)
NIGHT2 = dt.date(2025, 11, 28)
EVENING1 = dt.datetime(2025, 11, 13, 21, 0, tzinfo=MSK)  # the runner's NIGHT_HOUR_UTC, 18:00 UTC
EVENING2 = dt.datetime(2025, 11, 28, 21, 0, tzinfo=MSK)

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]  # fmt: skip
MONTHS_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]  # fmt: skip
WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
MONTHS_EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS_EN_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

e = html.escape


def local_dt(day: dt.date, time: str) -> dt.datetime:
    h, m = map(int, time.split(":"))
    return dt.datetime(day.year, day.month, day.day, h, m, tzinfo=MSK)


def instant(a: dict) -> dt.datetime:
    """When an article (or an extra post) went online: both outlets keep Moscow time."""
    return local_dt(a["date"], a["time"])


def visible(items: list[dict], now: dt.datetime) -> list[dict]:
    return [x for x in items if instant(x) <= now]


def plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def month_diff(t: dt.datetime, now: dt.datetime) -> int:
    months = (now.year - t.year) * 12 + now.month - t.month
    if (now.day, now.time()) < (t.day, t.time()):
        months -= 1
    return max(months, 0)


def add_months(t: dt.datetime, months: int) -> dt.datetime:
    y, m = divmod(t.month - 1 + months, 12)
    day = min(t.day, 28)
    return t.replace(year=t.year + y, month=m + 1, day=day)


def carbon_ago(t: dt.datetime, now: dt.datetime, suffix: bool = True) -> str:
    """Carbon's diffForHumans() in Russian (BookStack): the largest whole unit of the calendar
    interval, weeks included («2 месяца назад», «1 неделю назад», «3 дня назад»)."""
    months = month_diff(t, now)
    if months >= 12:
        n = months // 12
        out = f"{n} {plural(n, 'год', 'года', 'лет')}"
    elif months >= 1:
        out = f"{months} {plural(months, 'месяц', 'месяца', 'месяцев')}"
    else:
        secs = int((now - t).total_seconds())
        days = secs // 86400
        if days >= 7:
            n = days // 7
            out = f"{n} {plural(n, 'неделю' if suffix else 'неделя', 'недели', 'недель')}"
        elif days >= 1:
            out = f"{days} {plural(days, 'день', 'дня', 'дней')}"
        elif secs >= 3600:
            n = secs // 3600
            out = f"{n} {plural(n, 'час', 'часа', 'часов')}"
        elif secs >= 60:
            n = secs // 60
            out = f"{n} {plural(n, 'минуту' if suffix else 'минута', 'минуты', 'минут')}"
        else:
            out = f"{secs} {plural(secs, 'секунду', 'секунды', 'секунд')}"
    return f"{out} назад" if suffix else out


def spoon_ago(t: dt.datetime, now: dt.datetime) -> str:
    """SpoonDate::getTimeAgo with Spoon's Russian strings (Fork CMS): years, months, weeks, days,
    hours, minutes by plain division, and one plural for every count above one («2 дней назад»)."""
    secs = int((now - t).total_seconds())
    steps = [(365.242199 * 86400, "1 год назад", "%s лет назад"),
             (365.242199 / 12 * 86400, "1 месяц назад", "%s месяцев назад"),
             (7 * 86400, "1 неделю назад", "%s недель назад"),
             (86400, "1 день назад", "%s дней назад"),
             (3600, "1 час назад", "%s часов назад"),
             (60, "1 минуту назад", "%s минут назад")]  # fmt: skip
    for size, one, many in steps:
        n = int(secs // size)
        if n > 1:
            return many % n
        if n == 1:
            return one
    return "1 секунду назад" if secs <= 1 else f"{secs} секунд назад"


SPOON_MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
                "Октябрь", "Ноябрь", "Декабрь"]  # fmt: skip
SPOON_DAYS = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"]


def spoon_long(t: dt.datetime) -> str:
    """Fork's default long date «l j F Y» through SpoonDate::getDate in Russian: English names
    replaced by Spoon's nominative ones («Среда 3 Сентябрь 2025»)."""
    return f"{SPOON_DAYS[t.weekday()]} {t.day} {SPOON_MONTHS[t.month - 1]} {t.year}"


def spoon_short(t: dt.datetime) -> str:
    """Fork's default short date «j.n.Y»."""
    return f"{t.day}.{t.month}.{t.year}"


TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def slugify(text: str) -> str:
    out = "".join(TRANSLIT.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")


BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", e(text, quote=False))


def blocks(text: str) -> list[tuple[str, object]]:
    """The text as («p», line) and («ul», [items]) blocks."""
    out: list[tuple[str, object]] = []
    for raw in text.strip().split("\n\n"):
        lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("- ") for ln in lines):
            out.append(("ul", [ln[2:] for ln in lines]))
        else:
            out.append(("p", " ".join(lines)))
    return out


def markdown(text: str, ids: bool = False) -> str:
    """Paragraphs, lists and bold as HTML; ``ids``: BookStack's «bkmrk-» ids on every block."""
    parts, seen = [], set()
    for kind, body in blocks(text):
        attr = ""
        if ids:
            first = body if isinstance(body, str) else body[0]
            base = "bkmrk-" + (slugify(re.sub(r"\*\*", "", first)[:20]) or "x")
            key, k = base, 0
            while key in seen:
                k += 1
                key = f"{base}-{k}"
            seen.add(key)
            attr = f' id="{key}"'
        if kind == "ul":
            parts.append(f"<ul{attr}>\n" + "\n".join(f"<li>{inline(x)}</li>" for x in body) + "\n</ul>")
        else:
            parts.append(f"<p{attr}>{inline(body)}</p>")
    return "\n".join(parts)


def plain(text: str) -> str:
    """The text without markup, paragraphs joined by blank lines."""
    out = []
    for kind, body in blocks(text):
        out.append("\n".join(f"- {x}" for x in body) if kind == "ul" else str(body))
    return re.sub(r"\*\*", "", "\n\n".join(out))


def first_paragraph(text: str) -> str:
    return text.strip().split("\n\n")[0].strip()


def excerpt(text: str, n: int = 100) -> str:
    flat = " ".join(plain(text).split())
    return flat if len(flat) <= n else flat[:n].rstrip() + "..."
