"""Reading dates as practitioners type them, and the anniversary arithmetic that windows rely on.

"Today" is pinned to 2026-11-23 by BOUNDARY_TRACKER_TODAY (see conftest.py).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boundary_tracker.dates import add_years, parse_date, today
from boundary_tracker.errors import InvalidInput


# -- what is accepted ---------------------------------------------------------------------------
@pytest.mark.parametrize("order", [None, "mdy", "dmy"])
def test_iso_dates_are_read_the_same_whatever_the_date_order(order):
    assert parse_date("2025-04-03", order) == date(2025, 4, 3)
    assert parse_date("  2025-04-03 ", order) == date(2025, 4, 3)


def test_today_and_yesterday_follow_the_pinned_today():
    assert today() == date(2026, 11, 23)
    assert parse_date("today") == date(2026, 11, 23)
    assert parse_date("Today") == date(2026, 11, 23)
    assert parse_date("yesterday") == date(2026, 11, 22)


def test_a_malformed_pinned_today_is_a_plain_error(monkeypatch):
    monkeypatch.setenv("BOUNDARY_TRACKER_TODAY", "23/11/2026")
    with pytest.raises(InvalidInput, match="BOUNDARY_TRACKER_TODAY"):
        today()


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("03/04/2025", "mdy", date(2025, 3, 4)),
        ("03/04/2025", "dmy", date(2025, 4, 3)),
        ("3/4/2025", "mdy", date(2025, 3, 4)),
        ("03.04.2025", "dmy", date(2025, 4, 3)),
        ("03-04-2025", "dmy", date(2025, 4, 3)),
        ("2025/04/03", None, date(2025, 4, 3)),  # year first is never read day-first
        ("2025/04/03", "dmy", date(2025, 4, 3)),
    ],
)
def test_numeric_dates_follow_the_profiles_date_order(text, order, expected):
    assert parse_date(text, order) == expected


@pytest.mark.parametrize(("text", "expected"), [("13/04/2025", date(2025, 4, 13)), ("04/13/2025", date(2025, 4, 13)),
                                                ("05/05/2025", date(2025, 5, 5))])
def test_numeric_dates_that_can_be_read_only_one_way_need_no_date_order(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("order", [None, "mdy", "dmy"])
@pytest.mark.parametrize("text", ["3 March 2025", "March 3, 2025", "Mar 3 2025", "3rd March 2025", "03-Mar-2025"])
def test_written_month_names_are_unambiguous(text, order):
    assert parse_date(text, order) == date(2025, 3, 3)


# -- what is refused ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["03/04/2025", "3/4/2025", "03.04.2025", "03 04 2025", "03/04 2025", "3 4, 2025"])
def test_an_ambiguous_numeric_date_is_refused_without_a_date_order(text):
    with pytest.raises(InvalidInput, match="ambiguous") as info:
        parse_date(text)
    assert "--date-order" in str(info.value)  # tells the person how to settle it


def test_a_day_above_twelve_is_not_silently_swapped_when_the_order_says_otherwise():
    with pytest.raises(InvalidInput, match="not a valid date"):
        parse_date("13/04/2025", "mdy")


@pytest.mark.parametrize("text", ["March 2025", "3 March", "2025", "March"])
def test_partial_dates_are_refused(text):
    with pytest.raises(InvalidInput):
        parse_date(text)


@pytest.mark.parametrize(("text", "order"), [("03/04/25", "mdy"), ("13/04/25", None), ("3 March 25", None),
                                             ("March 3, 25", None)])
def test_two_digit_years_are_refused(text, order):
    with pytest.raises(InvalidInput, match="four digits|not a"):
        parse_date(text, order)


@pytest.mark.parametrize(("text", "order"), [("2025-02-30", None), ("2025-13-01", None), ("30/02/2025", "dmy"),
                                             ("02/30/2025", "mdy"), ("Feb 29 2025", None), ("March 32, 2025", None)])
def test_impossible_dates_are_refused(text, order):
    with pytest.raises(InvalidInput):
        parse_date(text, order)


@pytest.mark.parametrize("text", ["", "   ", "soon", "next week", "12345678901"])
def test_text_that_is_not_a_date_is_refused(text):
    with pytest.raises(InvalidInput):
        parse_date(text)


# -- anniversaries ------------------------------------------------------------------------------
def test_a_29_february_anniversary_in_a_common_year_is_1_march_not_28_february():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 3, 1)
    assert add_years(date(2024, 2, 29), 2) == date(2026, 3, 1)


def test_a_29_february_anniversary_in_a_leap_year_is_29_february():
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (date(2025, 1, 31), 2, date(2027, 1, 31)),
        (date(2024, 4, 30), 1, date(2025, 4, 30)),
        (date(2023, 2, 28), 1, date(2024, 2, 28)),  # 28 Feb stays 28 Feb, even into a leap year
        (date(2024, 12, 31), 2, date(2026, 12, 31)),
        (date(2024, 3, 1), 1, date(2025, 3, 1)),
    ],
)
def test_month_ends_keep_their_day(start, years, expected):
    assert add_years(start, years) == expected


def test_negative_years_go_back():
    assert add_years(date(2026, 11, 23), -2) == date(2024, 11, 23)
    assert add_years(date(2024, 3, 31), -2) == date(2022, 3, 31)
    assert add_years(date(2028, 2, 29), -4) == date(2024, 2, 29)


def test_zero_years_is_the_same_day():
    assert add_years(date(2024, 2, 29), 0) == date(2024, 2, 29)


@given(st.dates(min_value=date(100, 1, 1), max_value=date(9800, 12, 31)), st.integers(min_value=-99, max_value=99))
def test_add_years_is_never_before_the_anniversary_and_at_most_one_day_after(start, years):
    result = add_years(start, years)
    year = start.year + years
    last_day = calendar.monthrange(year, start.month)[1]
    if start.day <= last_day:  # the exact calendar anniversary exists: it is the answer
        exact = date(year, start.month, start.day)
        assert result == exact
    else:  # 29 February in a common year: the anniversary has passed only once 28 February is over
        latest_existing = date(year, start.month, last_day)
        assert latest_existing < result <= latest_existing + timedelta(days=1)
        assert result == date(year, 3, 1)
