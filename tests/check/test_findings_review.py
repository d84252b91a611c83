"""The hand-judged findings review over the Wikinews corpus meets the bars.

tests/data/findings_review.yaml is written by scripts/review_findings.py and judged by
hand. Bars: at most 1 article in 10 with any finding; precision of the judged findings
≥ 0.8; every finding judged; the listed findings are what the system produces now.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.evaluate.gold import shared_path
from newsgraph.ingest import iter_articles
from newsgraph.model import Article
from newsgraph.pipeline import analyze_articles

REVIEW = Path(__file__).resolve().parent.parent / "data" / "findings_review.yaml"


@pytest.fixture(scope="module")
def review() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(REVIEW.read_text("utf-8"))
    return data


def test_every_finding_is_judged(review: dict[str, Any]) -> None:
    for entry in review["findings"]:
        assert entry["judgement"] in ("right", "wrong"), entry


def test_findings_are_rare(review: dict[str, Any]) -> None:
    articles = {e["article"] for e in review["findings"]}
    assert review["articles"] >= 250
    assert len(articles) <= review["articles"] / 10


def test_findings_are_mostly_right(review: dict[str, Any]) -> None:
    judged = [e["judgement"] for e in review["findings"]]
    if judged:
        assert judged.count("right") / len(judged) >= 0.8


def test_review_lists_what_the_system_finds_now(review: dict[str, Any]) -> None:
    corpus = shared_path("corpus", "wikinews.jsonl")
    if corpus is None:
        pytest.skip("../shared/corpus/wikinews.jsonl not found")
    listed = {e["article"] for e in review["findings"]}
    if not listed:
        return
    articles = [a for a in iter_articles([corpus]) if isinstance(a, Article) and a.id in listed]
    for analysis in analyze_articles(articles):
        body = analysis.article.body
        now = sorted(
            (f.kind, tuple(body[s.start : s.end] for s in f.spans)) for f in analysis.findings
        )
        expected = sorted(
            (e["kind"], tuple(e["spans"]))
            for e in review["findings"]
            if e["article"] == analysis.article.id
        )
        assert now == expected, analysis.article.id
