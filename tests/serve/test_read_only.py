"""Several worker processes share the store read-only: reads work, storing is refused
with a message that says what to do, and the paste form still analyses."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app as cli_app
from newsgraph.serve.app import DB_ENV, app_from_env
from newsgraph.serve.db import Database, ReadOnlyStoreError
from newsgraph.store import StoreError
from tests.serve.conftest import echo_analyzer

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture()
def read_only_client(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv(DB_ENV, str(db_path))
    app = app_from_env()
    app.state.analyzer = echo_analyzer
    with TestClient(app) as client:
        yield client


def test_reads_work(read_only_client: TestClient) -> None:
    assert read_only_client.get("/api/health").json()["articles"] == 3
    assert read_only_client.get("/articles/test:plenary").status_code == 200


def test_storing_is_refused_with_what_to_do(read_only_client: TestClient) -> None:
    resp = read_only_client.post("/api/analyze?store=true", json={"text": "New text."})
    assert resp.status_code == 409
    assert "--workers 1" in resp.json()["detail"]
    assert read_only_client.get("/api/health").json()["articles"] == 3
    plain = read_only_client.post("/api/analyze", json={"text": "New text."})
    assert plain.status_code == 200


def test_paste_still_analyses_and_says_it_did_not_store(read_only_client: TestClient) -> None:
    resp = read_only_client.post(
        "/paste", data={"text": "Pasted words.", "title": "P", "store": "true"}
    )
    assert resp.status_code == 200
    assert "not stored" in resp.text and "read-only" in resp.text
    assert read_only_client.get("/api/health").json()["articles"] == 3


def test_write_raises_on_a_read_only_database(db_path: Path) -> None:
    db = Database(db_path, read_only=True)
    try:
        with pytest.raises(ReadOnlyStoreError, match="--workers 1"):
            db.write([])
    finally:
        db.close()


def test_a_missing_store_is_not_created_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Database(tmp_path / "none.duckdb", read_only=True)
    assert not (tmp_path / "none.duckdb").exists()


def test_serve_with_workers_needs_an_existing_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(missing), "--workers", "2"])
    assert result.exit_code == 1
    assert "no such store" in result.output
    assert not missing.exists()
