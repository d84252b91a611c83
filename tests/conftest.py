"""Shared fixtures: example data paths and ../shared gold (skipped with a reason when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.gold import shared_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip: gold data lives beside the checkout, not in it."""
    path = shared_path(*parts)
    if path is None:
        where = "/".join(parts)
        pytest.skip(f"../shared/{where} not found (gold lives beside the checkout)")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return EXAMPLES / "seed-article.txt"


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path):  # type: ignore[no-untyped-def]
    from newsgraph.ingest import iter_articles
    from newsgraph.pipeline import analyze_article

    (article,) = list(iter_articles([seed_path]))
    return analyze_article(article)
