"""The newsgraph pipeline as an Apache Spark job (optional extra ``newsgraph[spark]``).

Written the way Common Crawl's cc-pyspark jobs are: the driver only lists the input
files; each file is read inside an executor task, its records streamed, never collected
on the driver. The articles are then spread evenly over ``partitions`` tasks (one WARC or
JSONL file may hold most of the corpus) and analysed there with the same per-chunk
function as the local pool (``scale.pool.analyze_chunk``: spaCy ``nlp.pipe`` +
``pipeline.analyze_doc``), inside Arrow batches (``mapInArrow``). The spaCy model is
loaded once per Python worker process; Spark reuses those processes across tasks.

Output: the layout of ``export.parquet`` (one table per part of the data model under
``OUTPUT/<table>/published=<date>/``, the rows of ``store.rows.analysis_rows``), plus
``OUTPUT/input_errors/`` with the inputs and articles that could not be analysed.
DuckDB reads it directly:
``read_parquet('OUTPUT/events/**/*.parquet', hive_partitioning=true)``.

Inputs: WARC / WARC.gz, JSONL records and Parquet files with the columns id, url,
title, date, text; directories and globs are expanded on the driver. Paths must be
readable by every executor (local disk for ``local[*]``, a shared file system otherwise).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.export.parquet import PARTITION, partition_value, prepare_output, table_schemas
from newsgraph.ingest.paths import expand_inputs
from newsgraph.model import Analysis, Article
from newsgraph.scale.pool import DEFAULT_BATCH_SIZE, ArticleFailure, analyze_chunk
from newsgraph.store.rows import TABLES, analysis_rows

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

SPARK_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".ndjson", ".parquet")
ERRORS_TABLE = "input_errors"
_ROWS_PER_BATCH = 128

_READ_SCHEMA = pa.schema(
    [("article_json", pa.string()), ("error_source", pa.string()), ("error_reason", pa.string())]
)
_ERROR_STRUCT = pa.struct([("source", pa.string()), ("reason", pa.string())])


class SparkJobError(NewsgraphError):
    pass


@dataclass
class SparkResult:
    articles: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    startup_s: float = 0.0
    job_s: float = 0.0


def wide_schema() -> pa.Schema:
    """One row per article: its partition value and a list of rows for every table."""
    fields = [pa.field(PARTITION, pa.string())]
    for table, schema in table_schemas().items():
        fields.append(pa.field(table, pa.list_(pa.struct(list(schema)))))
    fields.append(pa.field(ERRORS_TABLE, pa.list_(_ERROR_STRUCT)))
    return pa.schema(fields)


# -- executor side ------------------------------------------------------------------------


def iter_input_file(path: Path, published: str | None) -> Iterator[Article | InputError]:
    """The articles of one input file (WARC, JSONL or Parquet), streamed."""
    if path.suffix.lower() == ".parquet":
        from newsgraph.ingest.parquet import iter_parquet

        yield from iter_parquet(path, published)
        return
    from newsgraph.ingest.dispatch import iter_path

    yield from iter_path(path, published)


def read_files(
    batches: Iterator[pa.RecordBatch], published: str | None
) -> Iterator[pa.RecordBatch]:
    """mapInArrow: paths in, one row per article (as JSON) or per unreadable input out."""
    for batch in batches:
        for path in batch.column("path").to_pylist():
            rows: list[dict[str, Any]] = []
            for item in iter_input_file(Path(path), published):
                if isinstance(item, InputError):
                    rows.append({"error_source": item.source, "error_reason": item.reason})
                else:
                    rows.append({"article_json": item.model_dump_json()})
                if len(rows) >= _ROWS_PER_BATCH:
                    yield pa.RecordBatch.from_pylist(rows, schema=_READ_SCHEMA)
                    rows = []
            if rows:
                yield pa.RecordBatch.from_pylist(rows, schema=_READ_SCHEMA)


def analyze_batches(
    batches: Iterator[pa.RecordBatch], batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[pa.RecordBatch]:
    """mapInArrow: articles in, the wide rows of their analyses (or their errors) out."""
    schema = wide_schema()
    chunk: list[Article] = []
    out: list[dict[str, Any]] = []
    for batch in batches:
        for row in batch.to_pylist():
            if row["article_json"] is None:
                out.append(_error_row(row["error_source"], row["error_reason"]))
                continue
            chunk.append(Article.model_validate_json(row["article_json"]))
            if len(chunk) >= batch_size:
                out.extend(_wide_row(r) for r in analyze_chunk(chunk))
                chunk = []
        if out:
            yield pa.RecordBatch.from_pylist(out, schema=schema)
            out = []
    if chunk:
        out.extend(_wide_row(r) for r in analyze_chunk(chunk))
    if out:
        yield pa.RecordBatch.from_pylist(out, schema=schema)


def _wide_row(result: Analysis | ArticleFailure) -> dict[str, Any]:
    if isinstance(result, ArticleFailure):
        return _error_row(result.article_id, result.reason)
    rows = analysis_rows(result)
    wide: dict[str, Any] = {PARTITION: partition_value(result.article.published)}
    for table, schema in table_schemas().items():
        wide[table] = [{name: r.get(name) for name in schema.names} for r in rows[table]]
    wide[ERRORS_TABLE] = []
    return wide


def _error_row(source: str, reason: str) -> dict[str, Any]:
    row: dict[str, Any] = {table: [] for table in TABLES}
    row[PARTITION] = None
    row[ERRORS_TABLE] = [{"source": source, "reason": reason}]
    return row


# -- driver side --------------------------------------------------------------------------


def list_input_files(inputs: list[str]) -> list[str]:
    """Absolute paths of the readable inputs (directories walked, globs expanded)."""
    files: list[str] = []
    for item in expand_inputs(inputs):
        if isinstance(item, str):
            raise SparkJobError(f"{item}: the Spark job reads files, not URLs; download it first")
        if item.is_dir():
            files += [str(p.resolve()) for p in sorted(item.rglob("*")) if _is_input(p)]
        elif item.is_file():
            files.append(str(item.resolve()))
        else:
            raise SparkJobError(f"{item}: does not exist")
    if not files:
        raise SparkJobError(f"no WARC, JSONL or Parquet files in {', '.join(inputs)}")
    return files


def _is_input(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and name.endswith(SPARK_SUFFIXES)


def spark_session(master: str = "local[*]", app_name: str = "newsgraph") -> SparkSession:
    """A session whose Python workers run this interpreter and can import newsgraph."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkJobError("pyspark is not installed: `pip install newsgraph[spark]`") from exc
    # The workers must run this interpreter (its packages, its spaCy model): in local mode
    # Spark starts them from PYSPARK_PYTHON, not from the spark.pyspark.python setting.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    package_root = str(Path(__file__).resolve().parents[2])
    python_path = os.pathsep.join([package_root, *filter(None, [os.environ.get("PYTHONPATH")])])
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.pyspark.driver.python", sys.executable)
        .config("spark.executorEnv.PYTHONPATH", python_path)
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(_ROWS_PER_BATCH))
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def run_spark_job(
    inputs: list[str],
    output: str,
    master: str = "local[*]",
    published: str | None = None,
    partitions: int | None = None,
    spark: SparkSession | None = None,
    overwrite: bool = True,
) -> SparkResult:
    """Analyse ``inputs`` with Spark and write the Parquet tables under ``output``."""
    files = list_input_files(inputs)
    out = Path(output)
    prepare_output(out, overwrite)
    if (out / ERRORS_TABLE).exists():
        shutil.rmtree(out / ERRORS_TABLE)
    result = SparkResult()
    started = time.perf_counter()
    own_session = spark is None
    session = spark if spark is not None else spark_session(master)
    result.startup_s = time.perf_counter() - started
    try:
        t0 = time.perf_counter()
        _run(session, files, out, published, partitions, result)
        result.job_s = time.perf_counter() - t0
    finally:
        if own_session:
            session.stop()
    return result


def _run(
    spark: SparkSession,
    files: list[str],
    out: Path,
    published: str | None,
    partitions: int | None,
    result: SparkResult,
) -> None:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    n_tasks = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
    paths = spark.createDataFrame([(f,) for f in files], "path string").repartition(len(files))
    articles = paths.mapInArrow(
        partial(read_files, published=published), from_arrow_schema(_READ_SCHEMA)
    )
    analysed: DataFrame = (
        articles.repartition(n_tasks)
        .mapInArrow(analyze_batches, from_arrow_schema(wide_schema()))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        for table, schema in table_schemas().items():
            rows = analysed.select(PARTITION, F.explode(table).alias("r")).select(
                *[F.col(f"r.{name}").alias(name) for name in schema.names], PARTITION
            )
            rows.write.mode("overwrite").partitionBy(PARTITION).parquet(str(out / table))
        errors = analysed.select(F.explode(ERRORS_TABLE).alias("e")).select("e.*")
        errors.write.mode("overwrite").parquet(str(out / ERRORS_TABLE))
        sums = analysed.agg(*[F.sum(F.size(t)).alias(t) for t in (*TABLES, ERRORS_TABLE)]).first()
        counts = {k: int(v or 0) for k, v in (sums.asDict() if sums else {}).items()}
        result.articles = counts.pop("articles", 0)
        result.errors = counts.pop(ERRORS_TABLE, 0)
        result.rows = {"articles": result.articles, **counts}
    finally:
        analysed.unpersist()
