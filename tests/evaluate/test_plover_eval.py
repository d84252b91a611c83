"""The PLOVER sentence evaluation: mark parsing, and floors on the shared gold."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.plover import Item, parse_marked, score


def test_parse_marked_spans() -> None:
    text, spans = parse_marked("<s>Iran</s> condemned <t>the US decision</t>.")
    assert text == "Iran condemned the US decision."
    assert text[slice(*spans["s"])] == "Iran"
    assert text[slice(*spans["t"])] == "the US decision"


def test_score_counts_undetected_as_misses() -> None:
    items = [Item("x", None, None, "ACCUSE"), Item("y", None, None, "AID")]
    table = score(items, ["ACCUSE", "-"])
    assert table.notes and "detection rate: 0.500" in table.notes[0]


@pytest.mark.slow
def test_plover_train_floor() -> None:
    path = shared_path("eval", "plover", "train.jsonl")
    if path is None:
        pytest.skip("shared PLOVER gold not present")
    from newsgraph.evaluate.plover import evaluate

    table = evaluate(path)
    macro = float(table.rows[-1][3])
    assert macro >= 0.45  # measured 0.49 (rules only); the bar 0.75 is not yet met
