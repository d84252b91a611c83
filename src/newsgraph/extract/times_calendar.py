"""Calendar arithmetic for TIMEX3 normalisation: anchored values and their day intervals.

Pure functions over ``datetime.date``; no text handling here (see ``times_grammar``).
A *granular value* is a pair (grain, date) such as ("month", 2024-12-01) that renders as
a TIMEX3 value ("2024-12") and covers an interval of days (2024-12-01..2024-12-31).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Tense = Literal["past", "present", "future"]
Grain = Literal["day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade",
                "century"]  # fmt: skip

SEASONS = ("SP", "SU", "FA", "WI")
# Meteorological seasons (northern hemisphere): (first month, last month); winter spans new year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of month ``months`` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift(day: dt.date, grain: str, amount: int) -> dt.date:
    """``day`` moved by ``amount`` units of ``grain`` (calendar units, not fixed lengths)."""
    if grain == "day":
        return day + dt.timedelta(days=amount)
    if grain in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    if grain == "month":
        return add_months(day, amount)
    if grain == "quarter":
        return add_months(day, 3 * amount)
    if grain == "half":
        return add_months(day, 6 * amount)
    if grain == "season":
        return add_months(day, 3 * amount)
    if grain == "year":
        return add_months(day, 12 * amount)
    if grain == "decade":
        return add_months(day, 120 * amount)
    if grain == "century":
        return add_months(day, 1200 * amount)
    raise ValueError(grain)


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season code) of a day; December belongs to the winter of the next year's start."""
    for code, (first, last) in SEASON_MONTHS.items():
        if code == "WI":
            continue
        if first <= day.month <= last:
            return day.year, code
    return (day.year, "WI") if day.month == 12 else (day.year - 1, "WI")


def render(grain: str, day: dt.date) -> str:
    """The TIMEX3 value of the ``grain`` unit that contains ``day``."""
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "weekend":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}-WE"
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if grain == "season":
        year, code = season_of(day)
        return f"{year:04d}-{code}"
    if grain == "year":
        return f"{day.year:04d}"
    if grain == "decade":
        return f"{day.year // 10:03d}"
    if grain == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(grain)


def bounds(grain: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the ``grain`` unit that contains ``day``."""
    if grain == "day":
        return day, day
    if grain in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday())
        if grain == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if grain == "month":
        return day.replace(day=1), month_end(day.year, day.month)
    if grain in ("quarter", "half"):
        size = 3 if grain == "quarter" else 6
        first = (day.month - 1) // size * size + 1
        return dt.date(day.year, first, 1), month_end(day.year, first + size - 1)
    if grain == "season":
        year, code = season_of(day)
        first, last = SEASON_MONTHS[code]
        if code == "WI":
            return dt.date(year, 12, 1), month_end(year + 1, 2)
        return dt.date(year, first, 1), month_end(year, last)
    if grain == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if grain == "decade":
        start = day.year // 10 * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if grain == "century":
        start = day.year // 100 * 100
        return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
    raise ValueError(grain)


def season_date(year: int, code: str) -> dt.date:
    """A day inside the season ``code`` of ``year`` (winter: its December)."""
    first = SEASON_MONTHS[code][0]
    return dt.date(year, first, 15)


def nearest_year(dct: dt.date, month: int, day: int | None, tense: Tense) -> int:
    """The year of a month(-day) without a year: past → latest not after the DCT,
    future → earliest not before it, present → the closest."""
    def candidate(year: int) -> dt.date:
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, min(day or 1, last))

    same = candidate(dct.year)
    # With only a month, the DCT's own month counts as both past and future.
    if day is None:
        if month == dct.month:
            return dct.year
        before = month < dct.month
    else:
        if same == dct:
            return dct.year
        before = same < dct
    if tense == "past":
        return dct.year if before else dct.year - 1
    if tense == "future":
        return dct.year + 1 if before else dct.year
    alt = candidate(dct.year - 1 if not before else dct.year + 1)
    return same.year if abs((same - dct).days) <= abs((alt - dct).days) else alt.year


def weekday_date(dct: dt.date, weekday: int, tense: Tense, relation: str | None) -> dt.date:
    """The day named by a weekday (0 = Monday) relative to the DCT.

    ``relation`` is the modifier in the text (last, next, this, coming) or None; without one
    the tense decides: past → the latest such day up to the DCT, future → the next one from
    the DCT on, present → the closer of the two (ties go to the past).
    """
    delta_back = (dct.weekday() - weekday) % 7
    delta_forward = (weekday - dct.weekday()) % 7
    if relation in ("last", "past", "previous"):
        return dct - dt.timedelta(days=delta_back or 7)
    if relation in ("next", "coming", "following"):
        return dct + dt.timedelta(days=delta_forward or 7)
    if relation == "this":
        return dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(days=weekday)
    if tense == "future" or (tense == "present" and 0 < delta_forward < delta_back):
        return dct + dt.timedelta(days=delta_forward)
    return dct - dt.timedelta(days=delta_back)
