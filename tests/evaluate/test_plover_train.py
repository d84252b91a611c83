"""Threshold selection of the event-type training: per-type overrides need support."""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from newsgraph.evaluate.plover import Item
from newsgraph.evaluate.plover_train import (
    MIN_SUPPORT,
    Found,
    _choose_overrides,
    predict,
)
from newsgraph.extract.events_types import TypeModel

# a model sure that "lem=x" is AID
MODEL = TypeModel(labels=("AID", "SUPPORT"), bias=(0.0, 0.0), weights={"lem=x": (3.0, -3.0)})


def _found(lexical: str) -> list[Found]:
    return [Found(["lem=x"], lexical, 0.6, True)]


def test_predict_uses_the_per_type_threshold() -> None:
    found = _found("SUPPORT")
    assert predict(found, MODEL, {"*": 1.01}, 0.3) == "SUPPORT"  # lexicon kept
    assert predict(found, MODEL, {"*": 1.01, "SUPPORT": 0.5}, 0.3) == "AID"  # model overrides


def test_fallback_candidates_need_the_fallback_threshold() -> None:
    found = [Found(["lem=x"], None, 0.2, True, fallback=True)]
    assert predict(found, MODEL, 0.5, 0.0, fallback=1.01) == "-"
    assert predict(found, MODEL, 0.5, 0.0, fallback=0.5) == "AID"


def test_per_type_threshold_chosen_only_with_enough_support() -> None:
    def items(n: int) -> list[Item]:
        return [Item("x", None, None, "AID") for _ in range(n)]

    few = items(MIN_SUPPORT - 1)
    chosen = _choose_overrides(few, [_found("SUPPORT")] * len(few), [(list(range(len(few))),
                               MODEL)], set(range(len(few))), (1.01, 0.3, 1.01))
    assert chosen == {"*": 1.01}
    many = items(MIN_SUPPORT)
    chosen = _choose_overrides(many, [_found("SUPPORT")] * len(many),
                               [(list(range(len(many))), MODEL)], set(range(len(many))),
                               (1.01, 0.3, 1.01))
    assert chosen["SUPPORT"] < 0.99  # the gold says AID: the model is let override


def test_model_only_threshold_not_chosen_below_the_minimum() -> None:
    from newsgraph.evaluate.plover_train import MIN_ALONE, _conservative

    results = [(0.76, (0.3, 0.2, 0.4), 0.87), (0.75, (0.3, MIN_ALONE, 0.4), 0.85)]
    assert _conservative(results) == (0.3, MIN_ALONE, 0.4)  # the weak-event flood is refused
    assert _conservative(results, min_alone=0.0) == (0.3, 0.2, 0.4)
