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
``OUTPUT/input_errors/`` with the inputs and articles that could not be analysed. Each
analysis task writes its own files with the local export's writer and hands back only
counts: the whole job is one Spark action, and no row is serialised into the JVM.
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
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.export.parquet import PartitionedWriter, prepare_output, write_atomically
from newsgraph.ingest.paths import expand_inputs
from newsgraph.model import Article
from newsgraph.scale.pool import DEFAULT_BATCH_SIZE, ArticleFailure, analyze_chunk
from newsgraph.store.rows import TABLES

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SPARK_SUFFIXES = (".warc", ".warc.gz", ".jsonl", ".ndjson", ".parquet")
ERRORS_TABLE = "input_errors"
_ROWS_PER_BATCH = 128

_READ_SCHEMA = pa.schema(
    [("article_json", pa.string()), ("error_source", pa.string()), ("error_reason", pa.string())]
)
_ERRORS_SCHEMA = pa.schema([("source", pa.string()), ("reason", pa.string())])
# Articles buffered per task before their rows are written (one file per table and date).
_FLUSH_EVERY = 1000


class SparkJobError(NewsgraphError):
    pass


@dataclass
class SparkResult:
    articles: int = 0
    errors: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    startup_s: float = 0.0
    job_s: float = 0.0


def counts_schema() -> pa.Schema:
    """What an analysis task hands back to the driver: how much it wrote."""
    names = ["articles", ERRORS_TABLE, *(t for t in TABLES if t != "articles")]
    return pa.schema([(name, pa.int64()) for name in names])


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


def analyze_and_write(
    batches: Iterator[pa.RecordBatch],
    output: str,
    job_id: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    flush_every: int = _FLUSH_EVERY,
) -> Iterator[pa.RecordBatch]:
    """mapInArrow: articles in; their analyses written as Parquet; counts out.

    Each task writes its own files (``part-<job>-<task>-<flush>``, one per table and date
    every ``flush_every`` articles) with the local export's writer, so no row travels back
    through the JVM: the tables differ in schema, and Spark's writer would need the wide
    rows cached and one write job per table over them, the whole job then costing more than
    the analysis on small articles. A retried task writes the same names again (same
    partition, same rows in the same order) and so replaces, never duplicates, its files.
    """
    from pyspark import TaskContext

    context = TaskContext.get()
    task = context.partitionId() if context is not None else 0
    stem = f"part-{job_id}-{task:05d}"
    out = Path(output)
    writer = PartitionedWriter(out, stem=stem)
    errors: list[dict[str, str]] = []
    n_errors = 0
    chunk: list[Article] = []
    pending = 0

    def analyse(articles: list[Article]) -> int:
        for result in analyze_chunk(articles):
            if isinstance(result, ArticleFailure):
                errors.append({"source": result.article_id, "reason": result.reason})
            else:
                writer.add(result)
        return len(articles)

    def flush() -> None:
        nonlocal n_errors
        _write_errors(out / ERRORS_TABLE / f"{stem}-{writer.part:05d}.parquet", errors)
        n_errors += len(errors)
        errors.clear()
        writer.flush()

    for batch in batches:
        for row in batch.to_pylist():
            if row["article_json"] is None:
                errors.append({"source": row["error_source"], "reason": row["error_reason"]})
                continue
            chunk.append(Article.model_validate_json(row["article_json"]))
            if len(chunk) >= batch_size:
                pending += analyse(chunk)
                chunk = []
            if pending >= flush_every:
                flush()
                pending = 0
    if chunk:
        analyse(chunk)
    flush()
    counts = {"articles": writer.result.articles, ERRORS_TABLE: n_errors, **writer.result.rows}
    yield pa.RecordBatch.from_pylist([counts], schema=counts_schema())


def _write_errors(path: Path, errors: list[dict[str, str]]) -> None:
    if not errors:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(pa.Table.from_pylist(errors, schema=_ERRORS_SCHEMA), path)


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
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    n_tasks = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
    paths = spark.createDataFrame([(f,) for f in files], "path string").repartition(len(files))
    articles = paths.mapInArrow(
        partial(read_files, published=published), from_arrow_schema(_READ_SCHEMA)
    )
    write = partial(analyze_and_write, output=str(out), job_id=uuid.uuid4().hex[:12])
    counts = articles.repartition(n_tasks).mapInArrow(write, from_arrow_schema(counts_schema()))
    # One action: the tasks write the tables themselves; only their counts come back.
    sums = counts.agg(*[F.sum(name).alias(name) for name in counts_schema().names]).first()
    totals = {k: int(v or 0) for k, v in (sums.asDict() if sums else {}).items()}
    result.articles = totals.pop("articles", 0)
    result.errors = totals.pop(ERRORS_TABLE, 0)
    result.rows = {"articles": result.articles, **totals}
