"""Actor profiles and focus networks precomputed once per store snapshot.

``queries.actor_profile`` asks five SQL questions per actor (~20 ms of DuckDB time each
call); the workbench opens many distinct actors, so per-request caching rarely hits. Here
the same questions are asked once for every code and every (code, name) pair together,
grouped by that key, and kept as plain tuples in dicts: a profile is then a dict lookup
plus model construction. The SQL functions stay the reference (a test holds the two equal)
and serve what is not precomputed (more recent events than kept).

A key is ``(code, None)`` for a whole code or ``(code, name)`` for one member of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb

from newsgraph.analyse.models import (
    ActorMember,
    ActorProfile,
    Counterpart,
    EventSummary,
    Network,
    NetworkEdge,
    NetworkNode,
    round_goldstein,
)
from newsgraph.analyse.queries import UNDIRECTED_DYADS, bucket_timeline

Key = tuple[str, str | None]
RECENT_KEPT = 50  # the most recent events any caller asks for (the actor page)
COUNTERPARTS_KEPT = 50

# involvements seen under each code, and again under each (code, name)
KEYED = """
keyed AS (
    SELECT self_code AS k_code, NULL::VARCHAR AS k_name, * FROM involvements
    UNION ALL
    SELECT self_code, self_name, * FROM involvements WHERE self_name IS NOT NULL
)"""

MEMBERS_SQL = """
SELECT code, name, any_value(kind), count(DISTINCT article_id), sum(n_mentions) FROM actors
WHERE code IS NOT NULL GROUP BY code, name ORDER BY code, 4 DESC, 5 DESC, name
"""

CODE_ARTICLES_SQL = """
SELECT code, count(DISTINCT article_id) FROM actors WHERE code IS NOT NULL GROUP BY code
"""

TOTALS_SQL = f"""
WITH {KEYED}, mine AS (
    SELECT DISTINCT k_code, k_name, article_id, event_id, goldstein FROM keyed
)
SELECT k_code, k_name, count(*), avg(goldstein::DECIMAL(18, 4)) FROM mine GROUP BY ALL
"""

COUNTERPARTS_SQL = f"""
WITH {KEYED}, mine AS (
    SELECT DISTINCT k_code, k_name, article_id, event_id, side, other_code, goldstein
    FROM keyed WHERE other_code IS NOT NULL
), names AS (
    SELECT k_code, k_name, other_code, other_name, count(*) AS n FROM keyed
    WHERE other_code IS NOT NULL GROUP BY ALL
), top_names AS (
    SELECT k_code, k_name, other_code, list(other_name ORDER BY n DESC, other_name)[1:3] AS names
    FROM names GROUP BY ALL
), agg AS (
    SELECT k_code, k_name, other_code, count(*) AS n,
           count(*) FILTER (WHERE side = 'source') AS n_source,
           count(*) FILTER (WHERE side = 'target') AS n_target, avg(goldstein::DECIMAL(18, 4)) AS g
    FROM mine GROUP BY ALL
), ranked AS (
    SELECT a.*, t.names,
           row_number() OVER (PARTITION BY a.k_code, a.k_name ORDER BY a.n DESC, a.other_code)
               AS rn
    FROM agg a JOIN top_names t ON t.k_code = a.k_code
        AND t.k_name IS NOT DISTINCT FROM a.k_name AND t.other_code = a.other_code
)
SELECT k_code, k_name, other_code, names, n, n_source, n_target, g FROM ranked
WHERE rn <= {COUNTERPARTS_KEPT} ORDER BY k_code, k_name, rn
"""

TIMELINE_SQL = f"""
WITH {KEYED}, mine AS (
    SELECT DISTINCT k_code, k_name, article_id, event_id, day, goldstein FROM keyed
    WHERE day IS NOT NULL
)
SELECT k_code, k_name, day, count(*), count(*) FILTER (WHERE goldstein > 0),
       count(*) FILTER (WHERE goldstein < 0), sum(goldstein::DECIMAL(18, 4)), count(goldstein)
FROM mine GROUP BY ALL ORDER BY k_code, k_name, day
"""

# the filter of list_events(actor=code, actor_name=name): the code and the name on one side
RECENT_SQL = f"""
WITH by_code AS (
    SELECT DISTINCT article_id, event_id,
           unnest(list_concat(source_codes, target_codes)) AS k_code, NULL::VARCHAR AS k_name
    FROM event_rows
), src AS (
    SELECT article_id, event_id, unnest(source_codes) AS c, source_names AS names FROM event_rows
), tgt AS (
    SELECT article_id, event_id, unnest(target_codes) AS c, target_names AS names FROM event_rows
), by_name AS (
    SELECT DISTINCT article_id, event_id, c AS k_code, unnest(names) AS k_name FROM src
    UNION
    SELECT DISTINCT article_id, event_id, c, unnest(names) FROM tgt
), pairs AS (
    SELECT * FROM by_code UNION ALL SELECT * FROM by_name
), ranked AS (
    SELECT p.k_code, p.k_name, e.article_id, e.event_id, e.type, e.status, e.day, e.goldstein,
           e.source_codes, e.source_names, e.target_codes, e.target_names, e.trigger_text,
           row_number() OVER (PARTITION BY p.k_code, p.k_name
                              ORDER BY e.day DESC NULLS LAST, e.article_id, e.event_id) AS rn
    FROM pairs p JOIN event_rows e USING (article_id, event_id)
)
SELECT * EXCLUDE (rn) FROM ranked WHERE rn <= {RECENT_KEPT} ORDER BY k_code, k_name, rn
"""

EDGES_SQL = f"""{UNDIRECTED_DYADS}
SELECT a, b, count(*) AS n, avg(goldstein::DECIMAL(18, 4)) FROM u GROUP BY a, b ORDER BY n DESC, a, b
"""

LABELS_SQL = """
WITH named AS (
    SELECT code, name, count(*) AS n FROM actors WHERE code IS NOT NULL GROUP BY code, name
)
SELECT code, first(name ORDER BY n DESC, name) FROM named GROUP BY code
"""


def _grouped(rows: list[tuple[Any, ...]]) -> dict[Key, list[tuple[Any, ...]]]:
    """Rows whose first two columns are the key, grouped by it (order kept)."""
    out: dict[Key, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        out[(row[0], row[1])].append(row[2:])
    return dict(out)


@dataclass
class ProfileIndex:
    members: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    code_articles: dict[str, int] = field(default_factory=dict)
    totals: dict[Key, tuple[int, float | None]] = field(default_factory=dict)
    counterparts: dict[Key, list[tuple[Any, ...]]] = field(default_factory=dict)
    timeline: dict[Key, list[tuple[Any, ...]]] = field(default_factory=dict)
    recent: dict[Key, list[tuple[Any, ...]]] = field(default_factory=dict)
    edges: list[tuple[str, str, int, float | None]] = field(default_factory=list)
    edges_by_code: dict[str, list[tuple[str, str, int, float | None]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection) -> ProfileIndex:
        """Ask every per-actor question once, grouped by actor; ``con`` has the derived
        tables registered."""
        index = cls()
        members: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for code, *rest in con.execute(MEMBERS_SQL).fetchall():
            members[code].append(tuple(rest))
        index.members = dict(members)
        index.code_articles = dict(con.execute(CODE_ARTICLES_SQL).fetchall())
        index.totals = {(r[0], r[1]): (r[2], r[3]) for r in con.execute(TOTALS_SQL).fetchall()}
        index.counterparts = _grouped(con.execute(COUNTERPARTS_SQL).fetchall())
        index.timeline = _grouped(con.execute(TIMELINE_SQL).fetchall())
        index.recent = _grouped(con.execute(RECENT_SQL).fetchall())
        index.edges = con.execute(EDGES_SQL).fetchall()
        by_code: dict[str, list[tuple[str, str, int, float | None]]] = defaultdict(list)
        for edge in index.edges:
            by_code[edge[0]].append(edge)
            by_code[edge[1]].append(edge)
        index.edges_by_code = dict(by_code)
        index.labels = dict(con.execute(LABELS_SQL).fetchall())
        return index

    def profile(
        self, code: str, name: str | None = None, n_recent: int = 20
    ) -> ActorProfile | None:
        """Like ``queries.actor_profile`` (which see); ``n_recent`` ≤ ``RECENT_KEPT``."""
        if n_recent > RECENT_KEPT:
            raise ValueError(f"only the {RECENT_KEPT} most recent events are kept")
        if not self.knows(code, name):
            return None
        member_rows = self.members.get(code, [])
        members = [
            ActorMember(
                name=r[0], kind=r[1] or "organization", n_articles=r[2], n_mentions=int(r[3] or 0)
            )
            for r in member_rows
            if not name or r[0] == name
        ]
        key = (code, name)
        n_events, mean = self.totals.get(key, (0, None))
        return ActorProfile(
            code=code,
            name=name,
            members=members,
            n_articles=members[0].n_articles if name else self.code_articles.get(code, 0),
            n_events=int(n_events),
            mean_goldstein=round_goldstein(mean),
            counterparts=[Counterpart.from_row(r) for r in self.counterparts.get(key, [])],
            timeline=bucket_timeline(self.timeline.get(key, [])),
            recent_events=[EventSummary.from_row(r) for r in self.recent.get(key, [])[:n_recent]],
        )

    def knows(self, code: str, name: str | None = None) -> bool:
        """Whether the store saw the code (and the name under it)."""
        rows = self.members.get(code, [])
        return bool(rows) and (not name or any(r[0] == name for r in rows))

    def network(self, focus: str | None = None, min_events: int = 1, limit: int = 80) -> Network:
        """Like ``queries.actor_network``, from the precomputed edges."""
        pool = self.edges_by_code.get(focus, []) if focus else self.edges
        edges: list[NetworkEdge] = []
        for a, b, n, g in pool:  # sorted by n DESC, a, b, like the SQL
            if n < min_events:
                continue
            edges.append(
                NetworkEdge(source=a, target=b, n_events=n, mean_goldstein=round_goldstein(g))
            )
            if len(edges) >= limit:
                break
        weight: dict[str, int] = defaultdict(int)
        for e in edges:
            weight[e.source] += e.n_events
            weight[e.target] += e.n_events
        nodes = [
            NetworkNode(code=c, label=self.labels.get(c, c), n_events=weight[c])
            for c in sorted(weight)
        ]
        return Network(nodes=nodes, edges=edges)
