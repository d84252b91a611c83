"""Findings: each kind fires on its error and stays silent on ordinary text."""

from __future__ import annotations

from newsgraph.model import Analysis, Article
from newsgraph.pipeline import analyze_article


def analyse(body: str, published: str = "2024-06-10") -> Analysis:
    return analyze_article(Article(id="t", body=body, published=published))


def kinds(analysis: Analysis) -> list[str]:
    return [f.kind for f in analysis.findings]


def test_quote_variant_same_speaker_same_context() -> None:
    body = (
        "Governor Ana Silva announced a “bold” recovery plan for the coast on Monday.\n"
        "The storm destroyed hundreds of homes.\n"
        "With her “ambitious” recovery plan, Silva hopes to rebuild within a year."
    )
    found = analyse(body).findings
    assert [f.kind for f in found] == ["quote_variant"]
    assert {body[s.start : s.end] for s in found[0].spans} == {"bold", "ambitious"}


def test_different_quotes_in_different_contexts_are_no_variant() -> None:
    body = (
        "Governor Ana Silva called the storm “devastating” on Monday.\n"
        "Silva later praised the “heroic” volunteers who helped."
    )
    assert kinds(analyse(body)) == []


def test_ended_year_presented_as_upcoming() -> None:
    body = "The summit, held this week, is expected to set the agenda for trade policy in 2024."
    found = analyse(body, published="2024-12-30").findings
    assert [f.kind for f in found] == ["temporal"]
    assert "2024" in found[0].message


def test_upcoming_year_early_in_that_year_is_fine() -> None:
    body = "The summit is expected to set the agenda for trade policy in 2024."
    assert kinds(analyse(body, published="2024-03-02")) == []


def test_past_year_after_a_past_participle_is_fine() -> None:
    body = "He will be tried for crimes committed in 2018, the court said."
    assert kinds(analyse(body, published="2019-05-02")) == []


def test_one_count_two_values() -> None:
    body = (
        "The bus crashed into a river near the capital on Sunday. 39 people were killed.\n"
        "Relatives gathered at the hospital, where officials said 37 people died in the crash."
    )
    found = analyse(body).findings
    assert [f.kind for f in found] == ["numeric"]


def test_evolving_count_is_no_disagreement() -> None:
    body = (
        "Fourteen people died in the collapse on Monday.\n"
        "The death toll rose to 31 on Wednesday as more bodies were recovered."
    )
    assert kinds(analyse(body)) == []


def test_ordinary_article_has_no_findings() -> None:
    body = (
        "The city council approved a new budget on Tuesday. “This budget protects jobs,” "
        "Mayor John Smith said. Council member Ana Silva said the vote was a mistake. "
        "The budget takes effect in July and will fund 12 new buses."
    )
    assert kinds(analyse(body)) == []


def test_past_event_dated_after_publication() -> None:
    a = analyse("Russia and Belarus signed a treaty on June 20, 2024 in Minsk.")
    assert "temporal" in kinds(a)


def test_date_of_an_embedded_action_is_no_anomaly() -> None:
    a = analyse("The minister announced his resignation effective July 31, 2024.")
    assert kinds(a) == []
    a = analyse("The government declared that schools would stay closed until June 30, 2024.")
    assert kinds(a) == []


def test_one_event_given_two_dates() -> None:
    a = analyse(
        "Russian President Vladimir Putin and Kim Jong Un signed a defense treaty on June 19, "
        "2024 in Pyongyang. The treaty, which Putin and Kim Jong Un signed on September 13, "
        "2023, worried Seoul.",
        published="2024-07-01",
    )
    found = [f for f in a.findings if f.kind == "temporal"]
    assert len(found) == 1 and len(found[0].spans) == 2
    assert "2023-09-13" in found[0].message and "2024-06-19" in found[0].message


def test_two_meetings_on_two_dates_are_two_events() -> None:
    a = analyse(
        "Putin met Xi on March 3, 2023 in Moscow. Putin met Xi again on May 5, 2024 in Beijing.",
        published="2024-07-01",
    )
    assert kinds(a) == []
