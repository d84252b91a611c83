"""Cross-article queries over a store holding three hand-built analyses."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from newsgraph.analyse import queries


def test_articles_newest_first_with_counts(con: duckdb.DuckDBPyConnection) -> None:
    page = queries.search_articles(con)
    assert [a.id for a in page.items] == ["test:hostile", "test:accusation", "test:plenary"]
    plenary = page.items[2]
    assert (plenary.n_actors, plenary.n_events, plenary.n_quotes) == (4, 2, 1)
    assert page.total == 3


def test_article_search_filters(con: duckdb.DuckDBPyConnection) -> None:
    assert [a.id for a in queries.search_articles(con, q="joint drills").items] == ["test:plenary"]
    assert queries.search_articles(con, q="drills missiles").total == 0  # every word must occur
    by_code = queries.search_articles(con, actor="prkgov").items
    assert {a.id for a in by_code} == {"test:plenary", "test:accusation"}
    assert [a.id for a in queries.search_articles(con, actor="Japan").items] == ["test:accusation"]
    window = queries.search_articles(
        con, date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31)
    )
    assert [a.id for a in window.items] == ["test:accusation"]
    assert [a.id for a in queries.search_articles(con, event_type="threaten").items] == [
        "test:plenary"
    ]


def test_article_pagination(con: duckdb.DuckDBPyConnection) -> None:
    page = queries.search_articles(con, limit=2, offset=2)
    assert page.total == 3
    assert [a.id for a in page.items] == ["test:plenary"]
    assert queries.search_articles(con, limit=2, offset=10).items == []


def test_actor_profile_counterparts_and_goldstein(con: duckdb.DuckDBPyConnection) -> None:
    profile = queries.actor_profile(con, "PRKGOV")
    assert profile is not None
    assert [m.name for m in profile.members] == ["Kim Jong Un"]
    assert profile.n_articles == 2
    assert profile.n_events == 2
    assert profile.mean_goldstein == pytest.approx(-4.5)
    (usa,) = profile.counterparts
    assert (usa.code, usa.n_events, usa.n_as_source, usa.n_as_target) == ("USA", 2, 1, 1)
    assert usa.mean_goldstein == pytest.approx(-4.5)
    assert usa.names == ["United States"]


def test_actor_timeline_by_day_then_month(con: duckdb.DuckDBPyConnection) -> None:
    kim = queries.actor_profile(con, "PRKGOV", "Kim Jong Un")
    assert kim is not None
    assert [(p.period, p.n_events, p.n_conflictual) for p in kim.timeline] == [
        ("2024-12-27", 1, 1),
        ("2025-01-15", 1, 1),
    ]
    usa = queries.actor_profile(con, "USA")
    assert usa is not None
    # events over three months are bucketed by month
    assert [(p.period, p.n_events) for p in usa.timeline] == [
        ("2024-12", 2),
        ("2025-01", 1),
        ("2025-02", 1),
    ]
    december = usa.timeline[0]
    assert (december.n_cooperative, december.n_conflictual) == (1, 1)
    assert december.mean_goldstein == pytest.approx(-1.5)


def test_unknown_actor_or_member_is_none(con: duckdb.DuckDBPyConnection) -> None:
    assert queries.actor_profile(con, "NOPE") is None
    assert queries.actor_profile(con, "PRKGOV", "Somebody Else") is None


def test_event_filters(con: duckdb.DuckDBPyConnection) -> None:
    dyad = queries.list_events(con, source="USA", target="PRKGOV")
    assert [(e.article_id, e.type) for e in dyad.items] == [("test:accusation", "ACCUSE")]
    either = queries.list_events(con, actor="PRKGOV")
    assert {e.type for e in either.items} == {"THREATEN", "ACCUSE"}
    assert queries.list_events(con, event_type="agree").items[0].source_codes == ["KOR"]
    assert queries.list_events(con, status="alleged").total == 0
    january = queries.list_events(con, date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 1, 31))
    assert [e.type for e in january.items] == ["PROTEST", "ACCUSE"]  # newest first
    assert queries.list_events(con, limit=1).total == 5


def test_actor_list_and_search(con: duckdb.DuckDBPyConnection) -> None:
    page = queries.list_actors(con)
    assert page.items[0].code == "USA"  # the busiest
    assert page.items[0].n_events == 4
    assert [a.code for a in queries.list_actors(con, q="kim").items] == ["PRKGOV"]
    assert {a.code for a in queries.list_actors(con, q="PRK").items} == {"PRKGOV", "PRK", "PRKMED"}
    assert queries.list_actors(con, q="zzz").total == 0


def test_network_edges_carry_sign(con: duckdb.DuckDBPyConnection) -> None:
    net = queries.actor_network(con)
    edges = {(e.source, e.target): e for e in net.edges}
    assert edges[("PRKGOV", "USA")].n_events == 2
    assert edges[("KOR", "USA")].mean_goldstein == pytest.approx(4.0)
    assert {n.code for n in net.nodes} >= {"PRKGOV", "USA", "KOR", "JPN", "PRK"}
    focused = queries.actor_network(con, focus="JPN")
    assert [(e.source, e.target) for e in focused.edges] == [("JPN", "PRK")]


def test_places_with_coordinates(con: duckdb.DuckDBPyConnection) -> None:
    names = [p.name for p in queries.list_places(con)]
    assert "Seoul" in names and "Pyongyang" in names
    assert [p.name for p in queries.list_places(con, article_id="test:plenary")] == ["Seoul"]
