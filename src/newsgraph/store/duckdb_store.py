"""The embedded DuckDB store (default file ``newsgraph.duckdb``), schema in ``schema.sql``.

Writes are batched and atomic: a batch is stored whole or not at all, so a crash mid-run
loses nothing that was reported as stored. Re-storing the same article changes nothing;
an identical body under another id is stored once and reported as a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.ingest.ids import body_fingerprint, content_id
from newsgraph.model import Analysis, Article
from newsgraph.store.rows import TABLES, analysis_rows

DEFAULT_DB = "newsgraph.duckdb"
# SimHash bits that may differ between near-duplicates (an edited copy: ~3; unrelated: ~32)
NEAR_DUPLICATE_BITS = 4


class StoreError(NewsgraphError):
    pass


@dataclass
class WriteResult:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (new id, stored id)

    def merge(self, other: WriteResult) -> None:
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.replaced += other.replaced
        self.duplicates += other.duplicates


def schema_sql() -> str:
    return resources.files("newsgraph.store").joinpath("schema.sql").read_text(encoding="utf-8")


class Store:
    """A DuckDB file holding analysed articles. Use as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the DuckDB store ({exc}); is another newsgraph "
                "process writing to it, or is the file not a DuckDB database?"
            ) from exc
        if not read_only:
            self.con.execute(schema_sql())
        self._columns: dict[str, list[str]] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing -----------------------------------------------------------------

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            info = self.con.execute(f"PRAGMA table_info('{table}')").fetchall()
            self._columns[table] = [row[1] for row in info]
        return self._columns[table]

    def _classify(self, analyses: list[Analysis]) -> tuple[list[Analysis], WriteResult]:
        result = WriteResult()
        ids = [a.article.id for a in analyses]
        hashes = [content_id(a.article.body) for a in analyses]
        existing = dict(
            self.con.execute(
                "SELECT article_id, analysis_json FROM articles WHERE article_id IN "
                "(SELECT unnest(?))",
                [ids],
            ).fetchall()
        )
        by_hash = dict(
            self.con.execute(
                "SELECT body_hash, article_id FROM articles WHERE body_hash IN (SELECT unnest(?))",
                [hashes],
            ).fetchall()
        )
        to_write: list[Analysis] = []
        seen_hash: dict[str, str] = {}
        for analysis, body_hash in zip(analyses, hashes, strict=True):
            aid = analysis.article.id
            if aid in existing:
                if existing[aid] == analysis.to_json():
                    result.unchanged.append(aid)
                    continue
                result.replaced.append(aid)
            else:
                twin = by_hash.get(body_hash) or seen_hash.get(body_hash)
                if twin is not None and twin != aid:
                    result.duplicates.append((aid, twin))
                    continue
                result.stored.append(aid)
            seen_hash[body_hash] = aid
            to_write.append(analysis)
        return to_write, result

    def write_batch(self, analyses: Iterable[Analysis]) -> WriteResult:
        """Store a batch atomically; return what was stored, unchanged, replaced or duplicate."""
        batch = list(analyses)
        if not batch:
            return WriteResult()
        self.con.execute("BEGIN TRANSACTION")
        try:
            to_write, result = self._classify(batch)
            if to_write:
                self._insert(to_write, replace_ids=result.replaced)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return result

    def _insert(self, analyses: list[Analysis], replace_ids: list[str]) -> None:
        if replace_ids:
            for table in TABLES:
                self.con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [replace_ids]
                )
            self.con.execute(
                "DELETE FROM near_duplicates WHERE article_id IN (SELECT unnest($1)) "
                "OR other_id IN (SELECT unnest($1))",
                [replace_ids],
            )
        merged: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        for analysis in analyses:
            for table, rows in analysis_rows(analysis).items():
                merged[table].extend(rows)
            merged["articles"][-1]["body_hash"] = content_id(analysis.article.body)
            merged["articles"][-1]["pipeline_version"] = __version__
        self._insert_rows(merged)
        self._link_near_duplicates(analyses)

    def _insert_rows(self, merged: dict[str, list[dict[str, Any]]]) -> None:
        for table, rows in merged.items():
            if not rows:
                continue
            cols = [c for c in self.columns(table) if c in rows[0]]
            arrow = pa.Table.from_pylist([{c: r.get(c) for c in cols} for r in rows])
            self.con.register("_incoming", arrow)
            try:
                quoted = ", ".join(f'"{c}"' for c in cols)
                self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _incoming")
            finally:
                self.con.unregister("_incoming")

    def _link_near_duplicates(self, analyses: list[Analysis]) -> None:
        """Fingerprint the new bodies and link each to stored bodies a few bits away."""
        prints = [(body_fingerprint(a.article.body), a.article.id) for a in analyses]
        self.con.executemany("UPDATE articles SET fingerprint = ? WHERE article_id = ?", prints)
        for fp, aid in prints:
            if fp == 0:
                continue
            self.con.execute(
                "INSERT OR IGNORE INTO near_duplicates "
                "SELECT ?, article_id, 1 - bit_count(xor(fingerprint, ?::UBIGINT)) / 64 FROM articles "
                "WHERE article_id <> ? AND fingerprint <> 0 "
                "AND bit_count(xor(fingerprint, ?::UBIGINT)) <= ?",
                [aid, fp, aid, fp, NEAR_DUPLICATE_BITS],
            )
        self.con.execute(
            "INSERT OR IGNORE INTO near_duplicates SELECT other_id, article_id, similarity "
            "FROM near_duplicates"
        )

    def near_duplicates(self, article_id: str) -> list[tuple[str, float]]:
        rows = self.con.execute(
            "SELECT other_id, similarity FROM near_duplicates WHERE article_id = ? ORDER BY 2 DESC",
            [article_id],
        ).fetchall()
        return [(r[0], float(r[1])) for r in rows]

    def up_to_date(self, articles: list[Article]) -> set[str]:
        """Ids of articles already stored with the same body by this newsgraph version."""
        if not articles:
            return set()
        rows = self.con.execute(
            "SELECT article_id, body_hash FROM articles WHERE pipeline_version = ? "
            "AND article_id IN (SELECT unnest(?))",
            [__version__, [a.id for a in articles]],
        ).fetchall()
        stored = dict(rows)
        return {a.id for a in articles if stored.get(a.id) == content_id(a.body)}

    def record_input_errors(self, errors: Iterable[tuple[str, str]]) -> None:
        rows = list(errors)
        if rows:
            self.con.executemany("INSERT INTO input_errors (source, reason) VALUES (?, ?)", rows)

    # -- reading -----------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        if table not in (*TABLES, "input_errors", "near_duplicates"):
            raise StoreError(f"unknown table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def get_analysis(self, article_id: str) -> Analysis | None:
        row = self.con.execute(
            "SELECT analysis_json FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        return Analysis.from_json(row[0]) if row else None

    def find_article_ids(self, key: str) -> list[str]:
        """Article ids matching an id, an id prefix, a URL, or words of the title."""
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id = ? OR url = ? "
            "OR article_id LIKE ? || '%' OR title ILIKE '%' || ? || '%' ORDER BY published DESC",
            [key, key, key, key],
        ).fetchall()
        return [r[0] for r in rows]

    def iter_analyses(self) -> Iterator[Analysis]:
        cur = self.con.execute("SELECT analysis_json FROM articles ORDER BY published, article_id")
        while True:
            chunk = cur.fetchmany(256)
            if not chunk:
                return
            for (js,) in chunk:
                yield Analysis.from_json(js)
