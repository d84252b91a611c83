"""The workbench's snapshot cache: bounded by entries and by bytes, cleared by writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.serve import db as dbmod
from newsgraph.serve.db import Database


def test_cache_evicts_oldest_text_beyond_its_byte_budget(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dbmod, "CACHE_BYTES", 1000)
    db = Database(db_path)
    try:
        calls: list[str] = []

        def page(key: str) -> bytes:
            calls.append(key)
            return b"x" * 400

        for key in ("a", "b", "c"):
            db.cached(key, lambda _, k=key: page(k))
        assert db._cache_bytes <= 1000
        db.cached("c", lambda _: page("c again"))  # newest kept
        db.cached("a", lambda _: page("a again"))  # oldest dropped: computed again
        assert calls == ["a", "b", "c", "a again"]
        db.cached("small", lambda _: 1)  # answers that are not text cost no bytes
        assert db._cache_bytes <= 1000
    finally:
        db.close()


def test_one_oversized_answer_is_still_kept(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "CACHE_BYTES", 10)
    db = Database(db_path)
    try:
        assert db.cached("big", lambda _: "y" * 100) == "y" * 100
        assert list(db._cache) == ["big"]
    finally:
        db.close()
