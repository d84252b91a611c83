"""A workbench over a temporary store holding the hand-built analyses."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.model import Analysis, Article
from newsgraph.store import Store
from tests.analyse.handmade import all_handmade

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette nudges towards httpx2, not installed here
    from fastapi.testclient import TestClient


def echo_analyzer(article: Article) -> Analysis:
    """Stands in for the pipeline where a test is about the app, not the extraction."""
    return Analysis(article=article)


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.write_batch(all_handmade())
    return path


@pytest.fixture()
def client(db_path: Path) -> Iterator[TestClient]:
    from newsgraph.serve.app import create_app

    with TestClient(create_app(db_path, analyzer=echo_analyzer)) as test_client:
        yield test_client
