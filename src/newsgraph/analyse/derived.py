"""Derived tables built once per store snapshot: events flattened into actor dyads.

Events keep their sources and targets as JSON lists of per-article actor ids; every
cross-article question (who acts on whom, how cooperative, when) needs them joined to the
actors' codes. Doing that join on each request is the slow part, so it is done once per
snapshot into Arrow tables that every connection registers under the names below.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

# One row per (event, source actor, target actor); an event without a target keeps one row
# with NULL target columns, likewise without a source.
DYADS_SQL = """
WITH s AS (
    SELECT article_id, event_id, unnest(from_json(source, '["VARCHAR"]')) AS actor_id FROM events
), t AS (
    SELECT article_id, event_id, unnest(from_json(target, '["VARCHAR"]')) AS actor_id FROM events
), sn AS (
    SELECT s.article_id, s.event_id, a.code, a.name
    FROM s JOIN actors a ON a.article_id = s.article_id AND a.actor_id = s.actor_id
), tn AS (
    SELECT t.article_id, t.event_id, a.code, a.name
    FROM t JOIN actors a ON a.article_id = t.article_id AND a.actor_id = t.actor_id
)
SELECT e.article_id, e.event_id, e.type, e.status, e.goldstein, e.trigger_text,
       left(coalesce(e.date_start, e.published), 10) AS day,
       sn.code AS source_code, sn.name AS source_name,
       tn.code AS target_code, tn.name AS target_name
FROM events e
LEFT JOIN sn ON sn.article_id = e.article_id AND sn.event_id = e.event_id
LEFT JOIN tn ON tn.article_id = e.article_id AND tn.event_id = e.event_id
"""

# The same rows seen from each side: "self" is the actor whose profile is asked for.
INVOLVEMENTS_SQL = """
SELECT article_id, event_id, type, status, goldstein, day, 'source' AS side,
       source_code AS self_code, source_name AS self_name,
       target_code AS other_code, target_name AS other_name
FROM dyads WHERE source_code IS NOT NULL
UNION ALL
SELECT article_id, event_id, type, status, goldstein, day, 'target' AS side,
       target_code, target_name, source_code, source_name
FROM dyads WHERE target_code IS NOT NULL
"""

# One row per event with its sides as lists, for the event filters.
EVENT_ROWS_SQL = """
SELECT article_id, event_id, any_value(type) AS type, any_value(status) AS status,
       any_value(day) AS day, any_value(goldstein) AS goldstein,
       any_value(trigger_text) AS trigger_text,
       coalesce(list(DISTINCT source_code) FILTER (source_code IS NOT NULL), []) AS source_codes,
       coalesce(list(DISTINCT source_name) FILTER (source_name IS NOT NULL), []) AS source_names,
       coalesce(list(DISTINCT target_code) FILTER (target_code IS NOT NULL), []) AS target_codes,
       coalesce(list(DISTINCT target_name) FILTER (target_name IS NOT NULL), []) AS target_names
FROM dyads GROUP BY article_id, event_id
"""

DERIVED_TABLES = ("dyads", "involvements", "event_rows")


def build_derived(con: duckdb.DuckDBPyConnection) -> dict[str, pa.Table]:
    """Compute the derived tables from a store connection (read-only is enough)."""
    cur = con.cursor()
    try:
        tables: dict[str, pa.Table] = {}
        for name, sql in zip(
            DERIVED_TABLES, (DYADS_SQL, INVOLVEMENTS_SQL, EVENT_ROWS_SQL), strict=True
        ):
            tables[name] = cur.sql(sql).to_arrow_table()
            cur.register(name, tables[name])
        return tables
    finally:
        cur.close()


def register_derived(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table]) -> None:
    for name, table in tables.items():
        con.register(name, table)
