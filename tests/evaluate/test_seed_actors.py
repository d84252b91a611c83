"""Gold test: actors on the seed article meet the bars of the actors issue."""

from __future__ import annotations

import pytest

from newsgraph.evaluate import seed_actors
from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.seed import load_gold
from newsgraph.model import Actor, Analysis, Article, Mention


@pytest.fixture(scope="module")
def seed() -> tuple[Analysis, dict]:
    article_path = shared_path("seed", "seed-article.txt")
    gold_path = shared_path("seed", "seed-gold.yaml")
    if article_path is None or gold_path is None:
        pytest.skip("../shared/seed not found (set NEWSGRAPH_SHARED to the shared folder)")
    from newsgraph.pipeline import analyze_article

    gold = load_gold(gold_path)
    article = seed_actors.gold_body_article(article_path.read_text(encoding="utf-8"), gold)
    return analyze_article(article), gold


def test_all_gold_actors_found_with_their_codes(seed: tuple[Analysis, dict]) -> None:
    analysis, gold = seed
    actors = seed_actors.score_actors(analysis.actors, gold)
    assert actors.recall == 1.0, f"gold actors found: {actors.row()}"


def test_gold_mention_occurrences_resolved(seed: tuple[Analysis, dict]) -> None:
    analysis, gold = seed
    mentions = seed_actors.score_mentions(analysis, gold)
    missed = seed_actors.missed_mentions(analysis, gold)
    assert mentions.recall >= 0.95, f"{mentions.row()} missed: {missed}"
    assert mentions.precision >= 0.95, mentions.row()


def test_not_actor_mention_is_not_an_actor(seed: tuple[Analysis, dict]) -> None:
    analysis, gold = seed
    body = analysis.article.body
    for phrase in gold["not_actor_mentions"]:
        start = body.index(phrase)
        word_end = start + len(phrase.split(",")[0])
        hits = [
            m for a in analysis.actors for m in a.mentions if m.start < word_end and start < m.end
        ]
        assert not hits, f"{phrase!r} is a place here, got {hits}"


def test_scorer_counts_country_level_codes_and_misses() -> None:
    gold = {"actors": [{"code": "PRK", "mentions": ["North Korea"]},
                       {"code": "USAGOV", "mentions": ["the President"]}]}  # fmt: skip
    body = "North Korea met the President. North Korea left."
    actor = Actor(
        id="a1", code="PRKGOV", name="x", mentions=[Mention(start=0, end=11, text="North Korea")]
    )
    analysis = Analysis(article=Article(id="x", body=body), actors=[actor])
    actors_prf, mentions_prf = seed_actors.score(analysis, gold)
    assert (actors_prf.tp_gold, actors_prf.fn) == (1, 1)
    assert (mentions_prf.tp_gold, mentions_prf.fn) == (1, 2)
    assert (mentions_prf.tp_sys, mentions_prf.fp) == (1, 0)
