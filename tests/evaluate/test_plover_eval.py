"""The PLOVER sentence evaluation: mark parsing, record loading, and floors on the shared gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.plover import Item, load_items, parse_marked, score


def test_parse_marked_spans() -> None:
    text, spans = parse_marked("<s>Iran</s> condemned <t>the US decision</t>.")
    assert text == "Iran condemned the US decision."
    assert text[slice(*spans["s"])] == "Iran"
    assert text[slice(*spans["t"])] == "the US decision"


def test_score_counts_undetected_as_misses() -> None:
    items = [Item("x", None, None, "ACCUSE"), Item("y", None, None, "AID")]
    table = score(items, ["ACCUSE", "-"])
    assert table.notes and "detection rate: 0.500" in table.notes[0]


def test_gold_standard_records_map_old_type_names(tmp_path: Path) -> None:
    row = {"text": "Albania denounced Serbia.", "event": "DISAPPROVE",
           "source": [{"text": "Albania"}], "target": [{"text": "Serbia"}, {"text": None}]}
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (item,) = load_items(path)
    assert item.gold == "ACCUSE"
    assert item.source == (0, 7) and item.target == (18, 24)


@pytest.mark.slow
def test_plover_cross_validated_floor() -> None:
    """The valid figure: 5-fold CV by sentence (the shipped model is trained on this file)."""
    path = shared_path("eval", "plover", "train.jsonl")
    if path is None:
        pytest.skip("shared PLOVER gold not present")
    from newsgraph.evaluate.plover_train import collect, cv_table

    items = load_items(path)
    _, table = cv_table(items, collect(items))
    macro = float(table.rows[-1][3])
    # nested CV of the whole procedure (per-type thresholds chosen on the other folds)
    assert macro >= 0.67  # measured 0.685 (detection 0.788); the bar 0.75 is not yet met


@pytest.mark.slow
def test_plover_held_out_records_floor() -> None:
    """The shipped model on the PLOVER gold-standard records it was never trained on."""
    path = shared_path("eval", "plover", "gsr-extra.jsonl")
    if path is None:
        pytest.skip("shared PLOVER gold-standard records not present")
    from newsgraph.evaluate.plover import evaluate

    table = evaluate(path)
    assert float(table.rows[-1][3]) >= 0.60  # measured 0.651
