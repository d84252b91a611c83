"""Seed metadata: the issue's must-show list for ingest, scored against seed-gold.yaml."""

from __future__ import annotations

from tests.conftest import need_shared

from newsgraph.evaluate.seed import load_gold
from newsgraph.evaluate.seed_article import metadata_checks
from newsgraph.model import Analysis


def test_seed_metadata_matches_gold(seed_analysis: Analysis) -> None:
    gold = load_gold(need_shared("seed", "seed-gold.yaml"))
    checks = metadata_checks(seed_analysis, gold)
    failed = [name for name, ok in checks.items() if not ok]
    assert not failed, f"seed metadata wrong: {failed}"
    heads = [s.text for s in seed_analysis.article.subheadings]
    assert len(heads) == 2
