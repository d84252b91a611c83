"""Unit tests of the time grammar on small hand-made sentences (spaCy parses them)."""

from __future__ import annotations

import pytest

from newsgraph.extract.context import Context
from newsgraph.extract.times import extract_times
from newsgraph.model import Article, TimeExpr


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from newsgraph.read.nlp import load_nlp

    return load_nlp()


def times(nlp, text: str, published: str | None) -> list[TimeExpr]:  # type: ignore[no-untyped-def]
    ctx = Context(article=Article(id="t", published=published, body=text))
    return extract_times(nlp(text), ctx)


def values(nlp, text: str, published: str | None) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {t.text: t.timex for t in times(nlp, text, published)}


def one(nlp, text: str, published: str | None) -> TimeExpr:  # type: ignore[no-untyped-def]
    found = times(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


# 2025-01-02 is a Thursday: the year turned two days ago.
NEW_YEAR = "2025-01-02"


def test_last_year_across_year_end(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "The economy shrank last year, officials said.", NEW_YEAR)
    assert (t.text, t.type, t.timex) == ("last year", "DATE", "2024")
    assert (t.interval.start, t.interval.end) == ("2024-01-01", "2024-12-31")


def test_month_day_without_year_is_in_the_past_year(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "The fire broke out on December 28 in the capital.", NEW_YEAR)
    assert (t.text, t.timex) == ("December 28", "2024-12-28")


def test_future_month_day_is_ahead(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "The court will rule on March 3.", "2024-12-30")
    assert t.timex == "2025-03-03"


def test_weekday_follows_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    past = one(nlp, "The minister resigned on Monday.", NEW_YEAR)
    assert (past.text, past.timex) == ("Monday", "2024-12-30")
    future = one(nlp, "The minister will resign on Monday.", NEW_YEAR)
    assert future.timex == "2025-01-06"


def test_this_week_and_last_week_iso_weeks(nlp) -> None:  # type: ignore[no-untyped-def]
    assert values(nlp, "Talks resumed this week after stalling last week.", NEW_YEAR) == {
        "this week": "2025-W01", "last week": "2024-W52"}


def test_day_range_becomes_one_interval(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "The session took place from December 23 to December 27.", "2024-12-30")
    assert (t.text, t.timex) == ("December 23 to December 27", "2024-12-23/2024-12-27")
    assert (t.interval.start, t.interval.end) == ("2024-12-23", "2024-12-27")


def test_range_with_shared_month_and_year(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "The summit ran 4-6 June 2023 in Vilnius.", "2024-12-30")
    assert t.timex == "2023-06-04/2023-06-06"


def test_relative_years(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Floods struck earlier this year. Experts expect unrest in the coming year. "
            "Two years ago the plant closed.")
    found = {t.text: t for t in times(nlp, text, "2024-12-30")}
    assert found["earlier this year"].timex == "2024"
    assert found["earlier this year"].interval.end == "2024-12-30"
    assert found["the coming year"].timex == "2025"
    assert found["Two years ago"].timex == "2022"


def test_durations(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He served three years in prison and waited two and a half hours for the verdict."
    assert values(nlp, text, "2024-12-30") == {"three years": "P3Y",
                                               "two and a half hours": "PT2.5H"}


def test_vague_duration_has_an_interval_before_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "In recent months, prices have risen.", "2024-12-30")
    assert (t.type, t.timex) == ("DURATION", "PXM")
    assert t.interval.end == "2024-12-30" and t.interval.start and t.interval.start < "2024-12-30"


def test_sets(nlp) -> None:  # type: ignore[no-untyped-def]
    found = times(nlp, "The annual meeting is held every week and reports come out daily.",
                  "2024-12-30")
    assert {(t.text, t.type, t.timex) for t in found} == {
        ("annual", "SET", "P1Y"), ("every week", "SET", "P1W"), ("daily", "SET", "P1D")}


def test_clock_times(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in times(nlp, "Polls close at 5 p.m. Sunday and open at 6am.",
                                      "2024-12-26")}
    assert found["5 p.m. Sunday"].type == "TIME"
    assert found["5 p.m. Sunday"].timex == "2024-12-29T17:00"
    assert found["6am"].timex == "2024-12-26T06:00"


def test_decades_quarters_and_mid_year(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Sales, high in the 1990s, fell in Q3 and recovered by mid-2023."
    assert values(nlp, text, "2024-12-30") == {"the 1990s": "199", "Q3": "2024-Q3",
                                               "mid-2023": "2023"}


def test_today_yesterday_tonight(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Voters went out yesterday; results come tonight and counting goes on today."
    assert values(nlp, text, "2024-11-06") == {"yesterday": "2024-11-05",
                                               "tonight": "2024-11-06TNI", "today": "2024-11-06"}


def test_without_publication_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in times(nlp, "It happened on June 5, 2019 and again last week.",
                                      None)}
    assert found["June 5, 2019"].timex == "2019-06-05"
    assert found["last week"].timex in (None, "PAST_REF")
    assert found["last week"].interval.start is None


def test_not_times(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "May said 2000 people marched, a quarter of them students."
    assert times(nlp, text, "2024-12-30") == []


def test_offsets_index_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Since the 1990s, and in 2024, the group met every year."
    for t in times(nlp, text, "2024-12-30"):
        assert text[t.start:t.end] == t.text


def test_modal_could_does_not_push_a_date_into_next_year(nlp) -> None:  # type: ignore[no-untyped-def]
    t = one(nlp, "On the night of May 25, for example, fans could meet the cast.", "2019-05-31")
    assert t.timex == "2019-05-25"
