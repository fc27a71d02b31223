"""Reading dates the way a practitioner types them, and exact, conservative window arithmetic."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta

from boundary_tracker.errors import InvalidInput

# Day, month and year as numbers, separated by '/', '.', '-', ',' or blanks ("03 04 2025" too:
# dateutil would otherwise read it month-first without a word).
_NUMERIC = re.compile(r"^\s*(\d{1,4})\s*[/.\-,\s]\s*(\d{1,2})\s*[/.\-,\s]\s*(\d{1,4})\s*$")


def today() -> date:
    """Today's date; BOUNDARY_TRACKER_TODAY (ISO) pins it for reproducible demos and tests."""
    pinned = os.environ.get("BOUNDARY_TRACKER_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise InvalidInput(f"BOUNDARY_TRACKER_TODAY={pinned!r} is not an ISO date (YYYY-MM-DD)") from None
    return date.today()


def parse_date(text: str, date_order: str | None = None) -> date:
    """Parse a date: ISO always, `today`/`yesterday`, other forms by the profile's date order.

    A numeric day/month date whose order is ambiguous (03/04/2025) is refused unless a
    date order (`mdy` or `dmy`) is set; a two-digit year is refused.
    """
    raw = text.strip()
    if not raw:
        raise InvalidInput("a date is empty; use YYYY-MM-DD")
    lowered = raw.lower()
    if lowered == "today":
        return today()
    if lowered == "yesterday":
        return today() - timedelta(days=1)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    numeric = _NUMERIC.match(raw)
    if numeric:
        return _parse_numeric(raw, *(numeric.groups()), date_order=date_order)
    if any(ch.isdigit() for ch in raw) is False:
        raise InvalidInput(f"{raw!r} is not a date; use YYYY-MM-DD")
    return _parse_written(raw, date_order)


def _parse_numeric(raw: str, a: str, b: str, c: str, date_order: str | None) -> date:
    if len(a) == 4:  # 2025/04/03: year first is never ambiguous in practice
        year, month, day = int(a), int(b), int(c)
    else:
        if len(c) != 4:
            raise InvalidInput(f"{raw!r}: write the year with four digits, or use YYYY-MM-DD")
        first, second, year = int(a), int(b), int(c)
        if date_order == "mdy":
            month, day = first, second
        elif date_order == "dmy":
            day, month = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        elif first == second:
            month = day = first
        else:
            raise InvalidInput(
                f"{raw!r} is ambiguous (day/month or month/day?); use YYYY-MM-DD, "
                "or set a date order with `boundary-tracker init --date-order mdy|dmy`"
            )
    try:
        return date(year, month, day)
    except ValueError:
        order = f" (date order {date_order})" if date_order else ""
        raise InvalidInput(f"{raw!r} is not a valid date{order}; use YYYY-MM-DD") from None


def _parse_written(raw: str, date_order: str | None) -> date:
    from dateutil import parser

    dayfirst = date_order == "dmy"
    # Parse twice with different defaults: a component that changes was not written.
    try:
        one = parser.parse(raw, dayfirst=dayfirst, default=_DEFAULT_A)
        two = parser.parse(raw, dayfirst=dayfirst, default=_DEFAULT_B)
    except (ValueError, OverflowError, parser.ParserError):
        raise InvalidInput(f"{raw!r} is not a date; use YYYY-MM-DD") from None
    if one.date() != two.date():
        raise InvalidInput(f"{raw!r} is not a whole date (day, month and year); use YYYY-MM-DD")
    if one.year < 100 or not re.search(r"\d{4}", raw):
        raise InvalidInput(f"{raw!r}: write the year with four digits, or use YYYY-MM-DD")
    return one.date()


_DEFAULT_A = datetime(2001, 1, 1)
_DEFAULT_B = datetime(2002, 2, 2)


def add_years(start: date, years: int) -> date:
    """The anniversary `years` after `start`; a 29 February that does not exist becomes 1 March.

    This is conservative: relativedelta would give 28 February, one day early.
    """
    from dateutil.relativedelta import relativedelta

    anniversary: date = start + relativedelta(years=years)
    if (start.month, start.day) == (2, 29) and anniversary.day == 28:
        anniversary += timedelta(days=1)
    return anniversary


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
