"""The precomputed actor profiles and networks equal what the SQL queries answer."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.analyse import queries
from newsgraph.analyse.profiles import RECENT_KEPT, ProfileIndex
from newsgraph.serve.db import Database
from newsgraph.store import Store
from tests.analyse.handmade import all_handmade, hostile_analysis

Con = duckdb.DuckDBPyConnection


def _keys(con: Con) -> list[tuple[str, str | None]]:
    rows = con.execute("SELECT DISTINCT code, name FROM actors WHERE code IS NOT NULL").fetchall()
    return sorted({(c, None) for c, _ in rows} | set(rows), key=lambda k: (k[0], k[1] or ""))


def test_every_precomputed_profile_equals_the_sql_one(con: Con) -> None:
    index = ProfileIndex.build(con)
    keys = _keys(con)
    assert len(keys) > 8  # the fixture has codes, and names under them
    for code, name in keys:
        for n_recent in (1, 20, RECENT_KEPT):
            expected = queries.actor_profile(con, code, name, n_recent=n_recent)
            assert expected is not None
            assert index.profile(code, name, n_recent) == expected, (code, name, n_recent)
    busy = [index.profile(c, n) for c, n in keys]
    assert any(p is not None and p.counterparts and p.timeline for p in busy)


def test_unknown_actors_are_none_in_both(con: Con) -> None:
    index = ProfileIndex.build(con)
    for code, name in [("NOSUCH", None), ("PRKGOV", "Nobody"), ("USA", "Kim Jong Un")]:
        assert queries.actor_profile(con, code, name) is None
        assert index.profile(code, name) is None


def test_every_precomputed_network_equals_the_sql_one(con: Con) -> None:
    index = ProfileIndex.build(con)
    for focus in [None, *sorted({c for c, _ in _keys(con)}), "NOSUCH"]:
        for min_events, limit in [(1, 80), (1, 1), (2, 80)]:
            expected = queries.actor_network(con, focus, min_events, limit)
            assert index.network(focus, min_events, limit) == expected, (focus, min_events)
    assert index.network().edges


def test_more_recent_events_than_kept_fall_back_to_sql(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.write_batch(all_handmade())
    db = Database(path)
    try:
        with pytest.raises(ValueError):
            ProfileIndex().profile("PRKGOV", n_recent=RECENT_KEPT + 1)
        with db.read() as con:
            expected = queries.actor_profile(con, "PRKGOV", n_recent=RECENT_KEPT + 1)
        assert db.actor_profile("PRKGOV", n_recent=RECENT_KEPT + 1) == expected
    finally:
        db.close()


def test_a_write_rebuilds_the_profiles(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.write_batch([a for a in all_handmade() if a.article.id != "test:hostile"])
    db = Database(path)
    try:
        assert db.actor_profile("XSS") is None
        before = db.actor_profile("USA")
        assert before is not None
        db.write([hostile_analysis()])
        after = db.actor_profile("XSS")
        assert after is not None and after.n_articles == 1
        usa = db.actor_profile("USA")
        assert usa is not None and usa.n_articles == before.n_articles + 1
        assert db.actor_network(focus="XSS").edges or not after.counterparts
        with db.read() as con:
            assert usa == queries.actor_profile(con, "USA")
    finally:
        db.close()
