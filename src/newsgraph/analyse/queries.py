"""Cross-article questions over the store, in SQL: article search, actor profiles with their
counterparts and timeline, event filters, the actor network and the places seen.

Every function takes a DuckDB connection that has the derived tables of
``newsgraph.analyse.derived`` registered (``dyads``, ``involvements``, ``event_rows``).
An actor's identity across articles is its CAMEO-style code; a person or organisation is
the pair (code, name).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import duckdb

from newsgraph.analyse.models import (
    ActorMember,
    ActorProfile,
    ActorSummary,
    ArticleSummary,
    Counterpart,
    EventSummary,
    Network,
    NetworkEdge,
    NetworkNode,
    Page,
    PlaceSummary,
    TimelinePoint,
    round_goldstein,
)
from newsgraph.model import Analysis

Con = duckdb.DuckDBPyConnection


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- articles ----------------------------------------------------------------------


def get_analysis(con: Con, article_id: str) -> Analysis | None:
    row = con.execute(
        "SELECT analysis_json FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    return Analysis.from_json(row[0]) if row else None


def get_analysis_json(con: Con, article_id: str) -> str | None:
    """The stored JSON as is: serving it needs no parse and re-serialise."""
    row = con.execute(
        "SELECT analysis_json FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    return str(row[0]) if row else None


def search_articles(
    con: Con,
    q: str | None = None,
    actor: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    event_type: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page[ArticleSummary]:
    """Stored articles, newest first. ``q`` matches title or body words (all must occur);
    ``actor`` an actor code exactly or a name in part; ``event_type`` a PLOVER type."""
    clauses: list[str] = []
    params: list[Any] = []
    for word in (q or "").split():
        clauses.append("(title ILIKE '%' || ? || '%' OR body ILIKE '%' || ? || '%')")
        params += [word, word]
    if actor:
        clauses.append(
            "article_id IN (SELECT article_id FROM actors "
            "WHERE code = upper(?) OR name ILIKE '%' || ? || '%')"
        )
        params += [actor, actor]
    if date_from:
        clauses.append("published >= ?")
        params.append(_iso(date_from))
    if date_to:
        clauses.append("published <= ?")
        params.append(_iso(date_to))
    if event_type:
        clauses.append("article_id IN (SELECT article_id FROM events WHERE type = upper(?))")
        params.append(event_type)
    where = _where(clauses)
    total_row = con.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()
    rows = con.execute(
        "SELECT article_id, title, published, site, url, n_actors, n_events, n_quotes, n_findings "
        f"FROM articles {where} "
        "ORDER BY published DESC NULLS LAST, stored_at DESC, article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    items = [
        ArticleSummary(
            id=r[0],
            title=r[1],
            published=r[2],
            site=r[3],
            url=r[4],
            n_actors=r[5] or 0,
            n_events=r[6] or 0,
            n_quotes=r[7] or 0,
            n_findings=r[8] or 0,
        )
        for r in rows
    ]
    return Page(
        total=int(total_row[0]) if total_row else 0, limit=limit, offset=offset, items=items
    )


# -- actors ------------------------------------------------------------------------


def list_actors(
    con: Con, q: str | None = None, limit: int = 50, offset: int = 0
) -> Page[ActorSummary]:
    """Actor codes with their usual names, busiest first; ``q`` matches a code prefix or a name."""
    filt = ""
    params: list[Any] = []
    if q:
        filt = (
            "WHERE code ILIKE ? || '%' OR code IN (SELECT code FROM actors "
            "WHERE name ILIKE '%' || ? || '%')"
        )
        params = [q, q]
    sql = f"""
    WITH named AS (
        SELECT code, name, count(DISTINCT article_id) AS n FROM actors
        WHERE code IS NOT NULL GROUP BY code, name
    ), codes AS (
        SELECT code, list(name ORDER BY n DESC, name)[1:3] AS names, sum(n) AS weight
        FROM named GROUP BY code
    ), arts AS (
        SELECT code, count(DISTINCT article_id) AS n_articles FROM actors
        WHERE code IS NOT NULL GROUP BY code
    ), evs AS (
        SELECT self_code AS code, count(DISTINCT article_id || '/' || event_id) AS n_events
        FROM involvements GROUP BY self_code
    ), joined AS (
        SELECT codes.code, codes.names, arts.n_articles, coalesce(evs.n_events, 0) AS n_events
        FROM codes JOIN arts USING (code) LEFT JOIN evs USING (code)
    )
    SELECT *, count(*) OVER () AS total FROM joined {filt}
    ORDER BY n_events DESC, n_articles DESC, code LIMIT ? OFFSET ?
    """
    rows = con.execute(sql, [*params, limit, offset]).fetchall()
    total = int(rows[0][4]) if rows else _count_codes(con, q)
    items = [
        ActorSummary(code=r[0], names=list(r[1]), n_articles=r[2], n_events=r[3]) for r in rows
    ]
    return Page(total=total, limit=limit, offset=offset, items=items)


def _count_codes(con: Con, q: str | None) -> int:
    if not q:
        row = con.execute("SELECT count(DISTINCT code) FROM actors").fetchone()
    else:
        row = con.execute(
            "SELECT count(DISTINCT code) FROM actors WHERE code ILIKE ? || '%' OR code IN "
            "(SELECT code FROM actors WHERE name ILIKE '%' || ? || '%')",
            [q, q],
        ).fetchone()
    return int(row[0]) if row else 0


def _self_filter(code: str, name: str | None) -> tuple[str, list[Any]]:
    if name:
        return "self_code = ? AND self_name = ?", [code, name]
    return "self_code = ?", [code]


def actor_profile(
    con: Con, code: str, name: str | None = None, n_recent: int = 20
) -> ActorProfile | None:
    """One actor code (or one named member of it): members, counterparts with event counts
    and mean Goldstein, events over time. None when the store never saw the code."""
    member_rows = con.execute(
        "SELECT name, any_value(kind), count(DISTINCT article_id), sum(n_mentions) FROM actors "
        "WHERE code = ? GROUP BY name ORDER BY 3 DESC, 4 DESC, name",
        [code],
    ).fetchall()
    if not member_rows or (name and name not in {r[0] for r in member_rows}):
        return None
    members = [
        ActorMember(
            name=r[0], kind=r[1] or "organization", n_articles=r[2], n_mentions=int(r[3] or 0)
        )
        for r in member_rows
    ]
    selected = [m for m in members if not name or m.name == name]
    cond, params = _self_filter(code, name)
    n_articles_row = con.execute(
        "SELECT count(DISTINCT article_id) FROM actors WHERE code = ?"
        + (" AND name = ?" if name else ""),
        params,
    ).fetchone()
    totals = con.execute(
        "WITH mine AS (SELECT DISTINCT article_id, event_id, goldstein FROM involvements "
        f"WHERE {cond}) SELECT count(*), avg(goldstein::DECIMAL(18, 4)) FROM mine",
        params,
    ).fetchone()
    return ActorProfile(
        code=code,
        name=name,
        members=selected if name else members,
        n_articles=int(n_articles_row[0]) if n_articles_row else 0,
        n_events=int(totals[0]) if totals else 0,
        mean_goldstein=round_goldstein(totals[1]) if totals else None,
        counterparts=_counterparts(con, cond, params),
        timeline=_timeline(con, cond, params),
        recent_events=list_events(con, actor=code, actor_name=name, limit=n_recent).items,
    )


# Goldstein means are summed as decimals: a float sum depends on the order DuckDB's threads
# add the rows in, which moves a mean like 1.575 across the rounding boundary between runs
# (and between these queries and the precomputed ones of newsgraph.analyse.profiles).


def _counterparts(con: Con, cond: str, params: list[Any], limit: int = 50) -> list[Counterpart]:
    rows = con.execute(
        f"""
        WITH mine AS (
            SELECT DISTINCT article_id, event_id, side, other_code, goldstein FROM involvements
            WHERE {cond} AND other_code IS NOT NULL
        ), names AS (
            SELECT other_code, other_name, count(*) AS n FROM involvements
            WHERE {cond} AND other_code IS NOT NULL GROUP BY ALL
        ), top_names AS (
            SELECT other_code, list(other_name ORDER BY n DESC, other_name)[1:3] AS names
            FROM names GROUP BY other_code
        )
        SELECT m.other_code, any_value(t.names), count(*),
               count(*) FILTER (WHERE side = 'source'), count(*) FILTER (WHERE side = 'target'),
               avg(goldstein::DECIMAL(18, 4))
        FROM mine m JOIN top_names t USING (other_code)
        GROUP BY m.other_code ORDER BY 3 DESC, m.other_code LIMIT ?
        """,
        [*params, *params, limit],
    ).fetchall()
    return [Counterpart.from_row(r) for r in rows]


def _timeline(con: Con, cond: str, params: list[Any]) -> list[TimelinePoint]:
    """Events per day; per month when they spread over more than two months."""
    rows = con.execute(
        f"""
        WITH mine AS (
            SELECT DISTINCT article_id, event_id, day, goldstein FROM involvements
            WHERE {cond} AND day IS NOT NULL
        )
        SELECT day, count(*), count(*) FILTER (WHERE goldstein > 0),
               count(*) FILTER (WHERE goldstein < 0), sum(goldstein::DECIMAL(18, 4)), count(goldstein)
        FROM mine GROUP BY day ORDER BY day
        """,
        params,
    ).fetchall()
    return bucket_timeline(rows)


def bucket_timeline(rows: list[tuple[Any, ...]]) -> list[TimelinePoint]:
    """(day, n, cooperative, conflictual, Goldstein sum, Goldstein count) rows, in day
    order, to points per day, or per month when they spread over more than two months."""
    months = {str(r[0])[:7] for r in rows}
    key_len = 7 if len(months) > 2 else 10
    buckets: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0])
    for day, n, coop, conf, g_sum, g_n in rows:
        b = buckets[str(day)[:key_len]]
        b[0] += n
        b[1] += coop
        b[2] += conf
        b[3] += float(g_sum or 0)
        b[4] += g_n
    return [
        TimelinePoint(
            period=period,
            n_events=int(b[0]),
            n_cooperative=int(b[1]),
            n_conflictual=int(b[2]),
            mean_goldstein=round_goldstein(b[3] / b[4]) if b[4] else None,
        )
        for period, b in sorted(buckets.items())
    ]


# -- events ------------------------------------------------------------------------


def list_events(
    con: Con,
    actor: str | None = None,
    actor_name: str | None = None,
    source: str | None = None,
    target: str | None = None,
    event_type: str | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EventSummary]:
    """Events, newest first. ``actor`` is a code on either side, ``source``/``target`` a
    code on that side (both: a dyad); ``actor_name`` narrows ``actor`` to one member."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        if actor_name:
            clauses.append(
                "(list_contains(source_codes, ?) AND list_contains(source_names, ?) "
                "OR list_contains(target_codes, ?) AND list_contains(target_names, ?))"
            )
            params += [actor, actor_name, actor, actor_name]
        else:
            clauses.append("(list_contains(source_codes, ?) OR list_contains(target_codes, ?))")
            params += [actor, actor]
    if source:
        clauses.append("list_contains(source_codes, ?)")
        params.append(source)
    if target:
        clauses.append("list_contains(target_codes, ?)")
        params.append(target)
    if event_type:
        clauses.append("type = upper(?)")
        params.append(event_type)
    if status:
        clauses.append("status = lower(?)")
        params.append(status)
    if date_from:
        clauses.append("day >= ?")
        params.append(_iso(date_from))
    if date_to:
        clauses.append("day <= ?")
        params.append(_iso(date_to))
    where = _where(clauses)
    rows = con.execute(
        "SELECT article_id, event_id, type, status, day, goldstein, source_codes, source_names, "
        f"target_codes, target_names, trigger_text, count(*) OVER () FROM event_rows {where} "
        "ORDER BY day DESC NULLS LAST, article_id, event_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    if rows:
        total = int(rows[0][11])
    else:
        row = con.execute(f"SELECT count(*) FROM event_rows {where}", params).fetchone()
        total = int(row[0]) if row else 0
    items = [EventSummary.from_row(r) for r in rows]
    return Page(total=total, limit=limit, offset=offset, items=items)


# -- network and places -----------------------------------------------------------------


# Each event between two different codes once, as the unordered pair a < b with its
# Goldstein score (``u``): the network's edges here and in the precomputed profile index.
UNDIRECTED_DYADS = """
WITH d AS (
    SELECT DISTINCT article_id, event_id, source_code, target_code, goldstein FROM dyads
    WHERE source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> target_code
), u AS (
    SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
           goldstein FROM d
)"""


def actor_network(
    con: Con, focus: str | None = None, min_events: int = 1, limit: int = 80
) -> Network:
    """Edges between actor codes (undirected) with event counts and mean Goldstein; with
    ``focus``, only the edges touching that code."""
    focus_clause = "WHERE a = ? OR b = ?" if focus else ""
    params: list[Any] = [focus, focus] if focus else []
    rows = con.execute(
        f"""
        {UNDIRECTED_DYADS}
        SELECT a, b, count(*) AS n, avg(goldstein::DECIMAL(18, 4)) FROM u {focus_clause}
        GROUP BY a, b HAVING count(*) >= ? ORDER BY n DESC, a, b LIMIT ?
        """,
        [*params, min_events, limit],
    ).fetchall()
    edges = [
        NetworkEdge(source=r[0], target=r[1], n_events=r[2], mean_goldstein=round_goldstein(r[3]))
        for r in rows
    ]
    codes = sorted({e.source for e in edges} | {e.target for e in edges})
    nodes: list[NetworkNode] = []
    if codes:
        label_rows = con.execute(
            """
            WITH named AS (
                SELECT code, name, count(*) AS n FROM actors WHERE code IN (SELECT unnest(?))
                GROUP BY code, name
            )
            SELECT code, first(name ORDER BY n DESC, name) FROM named GROUP BY code
            """,
            [codes],
        ).fetchall()
        labels = dict(label_rows)
        weight: dict[str, int] = defaultdict(int)
        for e in edges:
            weight[e.source] += e.n_events
            weight[e.target] += e.n_events
        nodes = [NetworkNode(code=c, label=labels.get(c, c), n_events=weight[c]) for c in codes]
    return Network(nodes=nodes, edges=edges)


def list_places(con: Con, article_id: str | None = None, limit: int = 500) -> list[PlaceSummary]:
    """Resolved places (with coordinates), most mentioned first."""
    where = "WHERE lat IS NOT NULL AND lon IS NOT NULL" + (
        " AND article_id = ?" if article_id else ""
    )
    params: list[Any] = [article_id] if article_id else []
    rows = con.execute(
        "SELECT name, any_value(country), avg(lat), avg(lon), count(*), count(DISTINCT article_id) "
        f"FROM places {where} GROUP BY name ORDER BY 5 DESC, name LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        PlaceSummary(name=r[0], country=r[1], lat=r[2], lon=r[3], n_mentions=r[4], n_articles=r[5])
        for r in rows
    ]


def store_counts(con: Con) -> dict[str, int]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(DISTINCT code) FROM actors)"
    ).fetchone()
    return {"articles": row[0], "events": row[1], "actor_codes": row[2]} if row else {}
