"""Reporting periods: `--month YYYY-MM` or `--from/--to` (both days included, by publication date)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from newsmon.core.errors import UserError

# News archives start in the 1990s; the bounds keep every date computed from a period (the
# previous period, month steps, labels) inside Python's years 1..9999.
FIRST_YEAR = 1900
LAST_YEAR = 2100

MONTHS_NOM = (
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)
MONTHS_GEN = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_month(self) -> bool:
        last = calendar.monthrange(self.start.year, self.start.month)[1]
        return self.start.day == 1 and self.end == self.start.replace(day=last)

    def previous(self) -> Period:
        """The period just before, of the same length (the previous month for a month)."""
        if self.is_month:
            return month_period(*_shift_month(self.start.year, self.start.month, -1))
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)

    @property
    def label(self) -> str:
        """Russian label: «октябрь 2025», «1–10 октября 2025», «28 сентября — 5 октября 2025»."""
        s, e = self.start, self.end
        if self.is_month:
            return f"{MONTHS_NOM[s.month - 1]} {s.year}"
        if s == e:
            return f"{s.day} {MONTHS_GEN[s.month - 1]} {s.year}"
        if (s.year, s.month) == (e.year, e.month):
            return f"{s.day}–{e.day} {MONTHS_GEN[s.month - 1]} {s.year}"
        if s.year == e.year:
            return f"{s.day} {MONTHS_GEN[s.month - 1]} — {e.day} {MONTHS_GEN[e.month - 1]} {s.year}"
        return (
            f"{s.day} {MONTHS_GEN[s.month - 1]} {s.year} — {e.day} {MONTHS_GEN[e.month - 1]} {e.year}"
        )

    @property
    def sql_params(self) -> dict[str, str]:
        return {"date_from": self.start.isoformat(), "date_to": self.end.isoformat()}


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last))


def parse_month(value: str) -> Period:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UserError(f"Неверный месяц «{value}»: нужен формат ГГГГ-ММ, например 2025-10")
    _check_year(int(match.group(1)), "--month", value)
    return month_period(int(match.group(1)), int(match.group(2)))


def parse_day(value: str, option: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(
            f"Неверная дата {option} «{value}»: нужен формат ГГГГ-ММ-ДД, например 2025-07-10"
        ) from None
    _check_year(day.year, option, value)
    return day


def _check_year(year: int, option: str, value: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError(f"{option} «{value}»: год должен быть от {FIRST_YEAR} до {LAST_YEAR}")


def period_from_options(
    month: str | None, date_from: str | None, date_to: str | None, *, required: bool = False,
    default: Period | None = None,
) -> Period | None:
    """Turn the CLI's period options into a Period, or None for "all time"."""
    if month and (date_from or date_to):
        raise UserError("Укажите либо --month, либо --from и --to, но не всё сразу")
    if month:
        return parse_month(month)
    if date_from or date_to:
        if not (date_from and date_to):
            raise UserError("Для периода нужны обе даты: --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД")
        start, end = parse_day(date_from, "--from"), parse_day(date_to, "--to")
        if start > end:
            raise UserError(f"Начало периода {start} позже конца {end}")
        return Period(start, end)
    if required and default is None:
        raise UserError("Укажите период: --month ГГГГ-ММ или --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД")
    return default


def previous_month(today: dt.date | None = None) -> Period:
    today = today or dt.date.today()
    return month_period(*_shift_month(today.year, today.month, -1))
