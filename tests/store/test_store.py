from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Analysis, Article
from newsgraph.store import Store
from newsgraph.store.rows import TABLES


def _analysis(aid: str, body: str) -> Analysis:
    return Analysis(article=Article(id=aid, body=body, published="2020-01-01"))


def test_restoring_the_same_articles_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    batch = [_analysis("a", "First body."), _analysis("b", "Second body.")]
    with Store(db) as store:
        first = store.write_batch(batch)
        second = store.write_batch(batch)
        assert first.stored == ["a", "b"]
        assert second.unchanged == ["a", "b"] and not second.stored
        assert store.count() == 2


def test_identical_body_under_another_id_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.write_batch([_analysis("a", "Same   text.")])
        result = store.write_batch([_analysis("b", "same text.")])
        assert result.duplicates == [("b", "a")]
        assert store.count() == 1


def test_a_failed_batch_loses_nothing_already_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write_batch([_analysis("a", "Kept body.")])

        def boom(*args: object, **kwargs: object) -> None:
            raise RuntimeError("crash mid-batch")

        monkeypatch.setattr(store, "_insert", boom)
        with pytest.raises(RuntimeError):
            store.write_batch([_analysis("b", "Lost body.")])
    with Store(db, read_only=True) as store:
        assert store.count() == 1
        kept = store.get_analysis("a")
        assert kept is not None and kept.article.body == "Kept body."


def test_every_table_gets_rows_for_a_full_analysis(tmp_path: Path, seed_analysis: Analysis) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.write_batch([seed_analysis])
        assert store.count("articles") == 1
        for table in TABLES:
            store.count(table)  # every table exists and is queryable
        back = store.get_analysis(seed_analysis.article.id)
        assert back == seed_analysis


def test_up_to_date_skips_only_unchanged_bodies(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.write_batch([_analysis("a", "Body one.")])
        same = Article(id="a", body="Body one.")
        changed = Article(id="a", body="Body one, edited.")
        assert store.up_to_date([same]) == {"a"}
        assert store.up_to_date([changed]) == set()


STORY = (
    "The city council voted on Tuesday to approve a new budget for public transport, "
    "adding twelve bus routes and extending the tram line to the northern suburbs. "
    "The mayor said the plan would cut commuting times and reduce traffic in the centre. "
    "Opposition members argued that the cost was too high and asked for an audit."
)


def test_near_duplicates_are_linked_not_merged(tmp_path: Path) -> None:
    edited = STORY.replace("twelve", "eleven")
    other = "A completely different story about a football match that ended in a draw. " * 3
    with Store(tmp_path / "t.duckdb") as store:
        store.write_batch([_analysis("a", STORY)])
        store.write_batch([_analysis("b", edited), _analysis("c", other)])
        assert store.count() == 3
        assert [i for i, _ in store.near_duplicates("b")] == ["a"]
        assert [i for i, _ in store.near_duplicates("a")] == ["b"]
        assert store.near_duplicates("c") == []
