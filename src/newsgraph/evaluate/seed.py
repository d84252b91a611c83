"""`newsgraph eval seed`: score the seed article against seed-gold.yaml by its own rules.

Each part of the system has its scorer in ``evaluate/seed_<part>.py`` exposing
``score(analysis, gold) -> list[PRF]``; this module runs those that exist.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import yaml

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.scores import PRF, EvalTable
from newsgraph.model import Analysis

PARTS = ("article", "actors", "times", "places", "events", "quotes")


def load_gold(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        gold: dict[str, Any] = yaml.safe_load(fh)
    return gold


def analyze_seed(article_path: Path) -> Analysis:
    from newsgraph.ingest import iter_articles
    from newsgraph.pipeline import analyze_article

    (item,) = list(iter_articles([article_path]))
    if isinstance(item, Exception):
        raise item
    return analyze_article(item)


def score_seed(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    scores: list[PRF] = []
    for part in PARTS:
        try:
            module = importlib.import_module(f"newsgraph.evaluate.seed_{part}")
        except ModuleNotFoundError:
            continue
        scores.extend(module.score(analysis, gold))
    return scores


def evaluate(article: Path | None = None, gold_path: Path | None = None) -> EvalTable:
    article = article or shared_path("seed", "seed-article.txt")
    gold_path = gold_path or shared_path("seed", "seed-gold.yaml")
    if article is None or gold_path is None:
        raise FileNotFoundError(
            "seed gold not found: put ../shared beside the checkout or set NEWSGRAPH_SHARED"
        )
    analysis = analyze_seed(article)
    return EvalTable.from_prf(
        "seed article vs seed-gold.yaml", score_seed(analysis, load_gold(gold_path))
    )
