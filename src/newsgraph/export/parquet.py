"""Parquet export: one table per part of the data model, partitioned by publication date.

Layout (the same as the Spark job's, so DuckDB, Spark or pandas read either)::

    OUT/<table>/published=<YYYY-MM-DD | unknown>/part-<n>.parquet

for every table of ``store.rows.TABLES`` (articles, actors, mentions, events, quotes,
claims, times, places, findings). The rows are ``store.rows.analysis_rows``; the column
types are those of the DuckDB schema (``store/schema.sql``). ``published`` is the hive
partition column of every table (an article without a date goes to ``unknown``), so it is
not stored inside the files: read with ``hive_partitioning=true``, e.g.
``SELECT * FROM read_parquet('OUT/events/**/*.parquet', hive_partitioning=true)``.
A table with no rows has no files. Writing streams: rows are buffered for
``flush_every`` articles, then written, so memory stays flat.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import NewsgraphError
from newsgraph.model import Analysis
from newsgraph.store.rows import TABLES, analysis_rows

PARTITION = "published"
UNKNOWN_DATE = "unknown"
# Columns the store adds itself; not part of the analysis rows.
STORE_ONLY_COLUMNS = frozenset({"body_hash", "stored_at", "pipeline_version", "fingerprint"})
_DUCKDB_TO_ARROW = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "UBIGINT": pa.uint64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


class ExportError(NewsgraphError):
    pass


@lru_cache(maxsize=1)
def table_schemas() -> dict[str, pa.Schema]:
    """Arrow schema per table, data columns only (the partition column is left out)."""
    import duckdb

    from newsgraph.store.duckdb_store import schema_sql

    con = duckdb.connect(":memory:")
    try:
        con.execute(schema_sql())
        schemas = {}
        for table in TABLES:
            info = con.execute(f"PRAGMA table_info('{table}')").fetchall()
            fields = [
                pa.field(name, _DUCKDB_TO_ARROW[dtype])
                for _, name, dtype, *_ in info
                if name not in STORE_ONLY_COLUMNS and name != PARTITION
            ]
            schemas[table] = pa.schema(fields)
        return schemas
    finally:
        con.close()


def partition_value(published: str | None) -> str:
    return published or UNKNOWN_DATE


@dataclass
class ExportResult:
    articles: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    files: int = 0


def prepare_output(out_dir: Path, overwrite: bool) -> None:
    existing = [t for t in TABLES if (out_dir / t).exists()]
    if existing and not overwrite:
        raise ExportError(
            f"{out_dir} already holds {', '.join(existing)}: choose another folder or overwrite"
        )
    for table in existing:
        shutil.rmtree(out_dir / table)
    out_dir.mkdir(parents=True, exist_ok=True)


def export_parquet(
    analyses: Iterable[Analysis],
    out_dir: str | Path,
    flush_every: int = 1000,
    overwrite: bool = False,
) -> ExportResult:
    """Write analyses as Parquet tables under ``out_dir`` (layout in the module doc)."""
    out = Path(out_dir)
    prepare_output(out, overwrite)
    writer = PartitionedWriter(out)
    pending = 0
    for analysis in analyses:
        writer.add(analysis)
        pending += 1
        if pending >= flush_every:
            writer.flush()
            pending = 0
    writer.flush()
    return writer.result


def write_atomically(table: pa.Table, path: Path) -> None:
    """Write a Parquet file under a hidden temporary name unique to this writer, then rename:
    readers skip hidden files, and two writers of the same file (a Spark task and its
    speculative copy) never write into one temporary file."""
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        pq.write_table(table, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


class PartitionedWriter:
    """Buffers the rows of analyses per (table, date) and writes one file per pair on flush.

    Files are ``OUT/<table>/published=<date>/<stem>-<flush>.parquet``; each is written under
    a temporary name and renamed, so a reader never sees half a file and a writer that runs
    again with the same stem (a retried Spark task) replaces its files instead of adding.
    """

    def __init__(self, out: Path, stem: str = "part") -> None:
        self.out = out
        self.stem = stem
        self.schemas = table_schemas()
        self.buffer: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.result = ExportResult()
        self.part = 0

    def add(self, analysis: Analysis) -> None:
        key = partition_value(analysis.article.published)
        self.result.articles += 1
        for table, rows in analysis_rows(analysis).items():
            if rows:
                self.buffer.setdefault((table, key), []).extend(rows)
                self.result.rows[table] += len(rows)

    def flush(self) -> None:
        for (table, key), rows in sorted(self.buffer.items()):
            folder = self.out / table / f"{PARTITION}={key}"
            folder.mkdir(parents=True, exist_ok=True)
            schema = self.schemas[table]
            arrow = pa.Table.from_pylist(
                [{name: row.get(name) for name in schema.names} for row in rows], schema=schema
            )
            final = folder / f"{self.stem}-{self.part:05d}.parquet"
            write_atomically(arrow, final)
            self.result.files += 1
        self.buffer.clear()
        self.part += 1
