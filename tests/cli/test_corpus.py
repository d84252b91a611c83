"""Issue 2's corpus bar: all 283 Wikinews articles analysed, stored once, datelines kept out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import need_shared
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

DATELINE = re.compile(
    r"^\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}"
)


@pytest.mark.slow
def test_wikinews_corpus_analysed_and_stored_once(tmp_path: Path) -> None:
    corpus = need_shared("corpus", "wikinews.jsonl")
    db = tmp_path / "wn.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["analyze", str(corpus), "--db", str(db), "--workers", "2"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["analyze", str(corpus), "--db", str(db)])
    assert second.exit_code == 0, second.output
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 283
        assert store.count("input_errors") == 0
        bodies = [b for (b,) in store.con.execute("SELECT body FROM articles").fetchall()]
    assert not [b[:60] for b in bodies if DATELINE.match(b)]
