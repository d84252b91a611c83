"""Invariants of a whole analysis, checked on the example articles shipped in examples/."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import analyze_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    paths = [EXAMPLES / "seed-article.txt", EXAMPLES / "wikinews-sample.jsonl"]
    articles = [a for a in iter_articles(paths) if isinstance(a, Article)]
    assert len(articles) > 10
    return list(analyze_articles(articles))


def test_no_actor_lists_one_span_twice(analyses: list[Analysis]) -> None:
    for analysis in analyses:
        for actor in analysis.actors:
            spans = [(m.start, m.end) for m in actor.mentions]
            assert len(spans) == len(set(spans)), (analysis.article.id, actor.name, spans)


def test_mentions_point_at_their_text(analyses: list[Analysis]) -> None:
    for analysis in analyses:
        body = analysis.article.body
        for actor in analysis.actors:
            for m in actor.mentions:
                assert body[m.start : m.end] == m.text, (analysis.article.id, m)


def test_analysis_leaves_no_cache_on_the_doc() -> None:
    """The per-doc caches point back at the doc (a cycle): they must go with the analysis."""
    from newsgraph.pipeline import analyze_doc
    from newsgraph.read.nlp import load_nlp

    article = Article(id="x", body="Kim Jong Un met Vladimir Putin in Moscow on Monday.")
    doc = load_nlp()(article.body)
    analyze_doc(article, doc)
    assert not [k for k in doc.user_data if str(k).startswith("newsgraph_")]
