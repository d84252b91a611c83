"""The quote gold evaluation: ≥30% character cover, speaker accuracy by surname."""

from __future__ import annotations

from pathlib import Path

import yaml

from newsgraph.evaluate.quotes import evaluate, locate


def test_locate_is_whitespace_and_case_tolerant() -> None:
    assert locate("He said “We  Will win”.", "we will win") == (9, 21)


def test_evaluate_counts_matches_and_speakers(tmp_path: Path) -> None:
    gold = [{
        "id": "t1", "url": None, "published": "2020-01-01",
        "text": "“We will win the final,” said Jane Smith, the coach. Nothing else happened.",
        "quotes": [
            {"text": "We will win", "speaker": "Smith", "kind": "direct"},
            {"text": "Nothing else happened", "speaker": "Bob Ray", "kind": "direct"},
        ],
    }]
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(gold), "utf-8")
    table = evaluate(path)
    quotes, speakers = table.rows
    assert quotes[1:4] == ["1.000", "0.500", "0.667"]
    assert speakers[3] == "1.000"
