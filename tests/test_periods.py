from __future__ import annotations

import datetime as dt

import pytest

from newsmon.core.errors import UserError
from newsmon.core.periods import Period, parse_month, period_from_options

D = dt.date


@pytest.mark.parametrize(
    ("month", "start", "end"),
    [("2025-10", D(2025, 10, 1), D(2025, 10, 31)), ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
     ("2025-2", D(2025, 2, 1), D(2025, 2, 28))],
)
def test_month_covers_first_to_last_day(month, start, end):
    assert parse_month(month) == Period(start, end)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period(D(2025, 10, 1), D(2025, 10, 31)), "октябрь 2025"),
        (Period(D(2025, 10, 1), D(2025, 10, 10)), "1–10 октября 2025"),
        (Period(D(2025, 9, 28), D(2025, 10, 5)), "28 сентября — 5 октября 2025"),
        (Period(D(2024, 12, 30), D(2025, 1, 2)), "30 декабря 2024 — 2 января 2025"),
        (Period(D(2025, 7, 10), D(2025, 7, 10)), "10 июля 2025"),
    ],
)
def test_period_label_in_russian(period, label):
    assert period.label == label


def test_previous_of_month_is_previous_calendar_month():
    assert parse_month("2025-03").previous() == Period(D(2025, 2, 1), D(2025, 2, 28))
    assert parse_month("2025-01").previous() == Period(D(2024, 12, 1), D(2024, 12, 31))


def test_previous_of_ten_days_is_ten_days_before():
    period = Period(D(2025, 7, 1), D(2025, 7, 10))
    assert period.previous() == Period(D(2025, 6, 21), D(2025, 6, 30))
    assert period.previous().days == 10


@pytest.mark.parametrize(
    ("month", "date_from", "date_to", "message"),
    [
        ("2025-13", None, None, "Неверный месяц"),
        ("октябрь", None, None, "Неверный месяц"),
        ("2025-10", "2025-10-01", "2025-10-10", "либо --month"),
        (None, "2025-10-10", "2025-10-01", "позже конца"),
        (None, "2025-10-01", None, "обе даты"),
        (None, "2025-02-30", "2025-03-01", "Неверная дата --from"),
    ],
)
def test_bad_period_is_a_user_error(month, date_from, date_to, message):
    with pytest.raises(UserError, match=message):
        period_from_options(month, date_from, date_to)


def test_no_period_means_all_time_unless_required():
    assert period_from_options(None, None, None) is None
    with pytest.raises(UserError):
        period_from_options(None, None, None, required=True)
