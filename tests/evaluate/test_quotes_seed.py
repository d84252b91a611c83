"""Seed article: quotes, claims and findings scored by the gold's own rules."""

from __future__ import annotations

import pytest

from newsgraph.check.findings import find_findings
from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.seed import analyze_seed, load_gold
from newsgraph.evaluate.seed_quotes import normalise_quote, score


@pytest.fixture(scope="module")
def scores() -> dict[str, object]:
    article, gold = shared_path("seed", "seed-article.txt"), shared_path("seed", "seed-gold.yaml")
    if article is None or gold is None:
        pytest.skip("../shared/seed not found")
    analysis = analyze_seed(article)
    analysis.article.published = analysis.article.published or "2024-12-30"
    analysis.findings = find_findings(analysis)
    return {p.name: p for p in score(analysis, load_gold(gold))}


def test_normalise_quote() -> None:
    assert normalise_quote("“Nuclear military bloc.”") == "nuclear military bloc"


def test_seed_findings_f1_f2_and_no_false_alarm(scores: dict[str, object]) -> None:
    findings = scores["findings"]
    assert findings.recall == 1.0  # type: ignore[attr-defined]
    assert findings.fp == 0  # type: ignore[attr-defined]


def test_seed_claims_floor(scores: dict[str, object]) -> None:
    # Sources resolve to codes only once the actor extractor codes them; until then the
    # claims whose source is an unnamed kind ("unnamed experts") still match.
    assert scores["claims"].tp_gold >= 1  # type: ignore[attr-defined]


def test_seed_quotes_all_found_with_speakers_and_no_false_positive(
    scores: dict[str, object],
) -> None:
    quotes = scores["quotes"]
    assert quotes.recall == 1.0  # type: ignore[attr-defined]
    assert quotes.fp == 0  # type: ignore[attr-defined]


def test_seed_claims_all_found(scores: dict[str, object]) -> None:
    assert scores["claims"].recall == 1.0  # type: ignore[attr-defined]
    assert scores["claims"].fp == 0  # type: ignore[attr-defined]
