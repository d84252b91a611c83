"""A read-only store holding the hand-built analyses, with the derived tables registered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from newsgraph.analyse.derived import build_derived, register_derived
from newsgraph.store import Store
from tests.analyse.handmade import all_handmade


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = Path(tmp_path_factory.mktemp("analyse")) / "store.duckdb"
    with Store(path) as store:
        store.write_batch(all_handmade())
    connection = duckdb.connect(str(path), read_only=True)
    register_derived(connection, build_derived(connection))
    yield connection
    connection.close()
