from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store

runner = CliRunner()


def test_analyze_writes_json_and_store_and_rerun_changes_nothing(
    tmp_path: Path, seed_path: Path
) -> None:
    db, out = tmp_path / "x.duckdb", tmp_path / "a.jsonl"
    res = runner.invoke(app, ["analyze", str(seed_path), "--db", str(db), "--out", str(out)])
    assert res.exit_code == 0, res.output
    (line,) = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert data["schema"] == "newsgraph.analysis/1"
    res2 = runner.invoke(app, ["analyze", str(seed_path), "--db", str(db), "--out", str(out)])
    assert res2.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # still written, from the store
    with Store(db, read_only=True) as store:
        assert store.count() == 1


def test_bad_inputs_are_reported_and_the_rest_processed(tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 20)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 news: the minister resigned today.".encode("latin-1"))
    bad_jsonl = tmp_path / "recs.jsonl"
    bad_jsonl.write_text('{"id": "ok", "text": "A record that is fine and has text."}\nnot json\n')
    db = tmp_path / "x.duckdb"
    res = runner.invoke(
        app,
        [
            "analyze",
            str(empty),
            str(binary),
            str(latin),
            str(bad_jsonl),
            str(seed_path),
            "--db",
            str(db),
        ],
    )
    assert res.exit_code == 1
    text = res.output
    for name in ("empty.txt", "blob.txt", "latin.txt", "recs.jsonl:2"):
        assert name in text
    with Store(db, read_only=True) as store:
        assert store.count() == 2  # the good record and the seed
        assert store.count("input_errors") == 4


def test_bad_published_date_is_a_clear_error(seed_path: Path, tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "analyze",
            str(seed_path),
            "--db",
            str(tmp_path / "x.duckdb"),
            "--published",
            "the day after",
        ],
    )
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_report_formats(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["analyze", str(seed_path), "--db", str(db)]).exit_code == 0
    for fmt, probe in (("md", "## Events"), ("html", "<!doctype html>"), ("json", '"schema"')):
        res = runner.invoke(app, ["report", "North Korea", "--db", str(db), "--format", fmt])
        assert res.exit_code == 0, res.output
        assert probe in res.output
    res = runner.invoke(app, ["report", "no such article anywhere", "--db", str(db)])
    assert res.exit_code == 1
    assert "no stored article matches" in res.output
