"""Calendar arithmetic behind the TIMEX3 values (no spaCy)."""

from __future__ import annotations

import datetime as dt

from newsgraph.extract import times_calendar as cal

D = dt.date


def test_nearest_year_follows_tense() -> None:
    dct = D(2025, 1, 2)
    assert cal.nearest_year(dct, 12, 28, "past") == 2024
    assert cal.nearest_year(dct, 12, 28, "future") == 2025
    assert cal.nearest_year(dct, 12, 28, "present") == 2024
    assert cal.nearest_year(dct, 1, None, "past") == 2025


def test_weekday_date() -> None:
    thursday = D(2025, 1, 2)
    assert cal.weekday_date(thursday, 0, "past", None) == D(2024, 12, 30)
    assert cal.weekday_date(thursday, 0, "future", None) == D(2025, 1, 6)
    assert cal.weekday_date(thursday, 3, "past", None) == thursday
    assert cal.weekday_date(thursday, 3, "past", "last") == D(2024, 12, 26)


def test_render_and_bounds() -> None:
    day = D(2024, 12, 30)
    assert cal.render("week", day) == "2025-W01"  # ISO week of 30 Dec 2024
    assert cal.render("quarter", day) == "2024-Q4"
    assert cal.render("season", day) == "2024-WI"
    assert cal.render("decade", day) == "202"
    assert cal.render("century", day) == "20"
    assert cal.bounds("month", D(2024, 2, 10)) == (D(2024, 2, 1), D(2024, 2, 29))
    assert cal.bounds("season", D(2024, 1, 10)) == (D(2023, 12, 1), D(2024, 2, 29))


def test_present_tense_weekday_takes_the_closer_day() -> None:
    thursday = D(2024, 12, 26)
    assert cal.weekday_date(thursday, 6, "present", None) == D(2024, 12, 29)  # 3 ahead, 4 back
    assert cal.weekday_date(thursday, 1, "present", None) == D(2024, 12, 24)  # 2 back, 5 ahead
