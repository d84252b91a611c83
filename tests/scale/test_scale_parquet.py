"""Parquet export (local) and the Spark job write the same tables, readable by DuckDB."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.scale.scale_fixtures import SAMPLE, clean_records, sample_records, write_gz

from newsgraph.export.parquet import ExportError, export_parquet
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.scale.pool import analyze_parallel
from newsgraph.store.rows import TABLES, analysis_rows


def _analyses(inputs: list[Path]) -> list[Analysis]:
    arts = [a for a in iter_articles(inputs) if isinstance(a, Article)]
    return [r for r in analyze_parallel(arts, workers=1) if isinstance(r, Analysis)]


def _read(out: Path, table: str) -> list[tuple[Any, ...]]:
    files = list((out / table).glob("**/*.parquet"))
    if not files:
        return []
    con = duckdb.connect()
    try:
        rel = con.execute(
            f"SELECT * FROM read_parquet('{out / table}/**/*.parquet', hive_partitioning=true, "
            "hive_types_autocast=false)"
        )
        cols = [d[0] for d in rel.description]
        rows = rel.fetchall()
    finally:
        con.close()
    order = sorted(range(len(cols)), key=lambda i: cols[i])  # column order may differ
    # repr as the key: NULLs sit beside numbers in a column (no None < int in Python)
    return sorted((tuple((cols[i], row[i]) for i in order) for row in rows), key=repr)


def test_export_matches_analysis_rows(tmp_path: Path) -> None:
    analyses = _analyses([SAMPLE])
    undated = analyses[0].model_copy(
        update={"article": analyses[0].article.model_copy(update={"published": None, "id": "u"})}
    )
    analyses.append(undated)
    result = export_parquet(analyses, tmp_path / "out", flush_every=2)
    assert result.articles == len(analyses)
    got = _read(tmp_path / "out", "articles")
    assert len(got) == len(analyses)
    published = sorted(dict(row)["published"] for row in got)
    assert published == sorted((a.article.published or "unknown") for a in analyses)
    for table in TABLES:
        expected = sum(len(analysis_rows(a)[table]) for a in analyses)
        assert len(_read(tmp_path / "out", table)) == expected == result.rows[table]
    row = dict(next(r for r in got if dict(r)["article_id"] == analyses[1].article.id))
    assert Analysis.from_json(row["analysis_json"]) == analyses[1]
    assert (tmp_path / "out" / "articles" / "published=unknown").is_dir()


def test_export_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    analyses = _analyses([SAMPLE])[:1]
    export_parquet(analyses, tmp_path)
    with pytest.raises(ExportError):
        export_parquet(analyses, tmp_path)
    export_parquet(analyses, tmp_path, overwrite=True)
    assert len(_read(tmp_path, "articles")) == 1


def _spark_ready() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install newsgraph[spark])"
    java = shutil.which("java")
    if java is None:
        return "java is not on PATH (the Spark job needs Java 17)"
    probe = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return f"java does not run: {probe.stderr.strip()[:200]}"
    return None


@pytest.mark.spark
@pytest.mark.timeout(900)
def test_spark_job_writes_exactly_what_the_local_run_exports(tmp_path: Path) -> None:
    reason = _spark_ready()
    if reason:
        pytest.skip(reason)
    from newsgraph.scale.spark import ERRORS_TABLE, run_spark_job

    recs = sample_records()
    warc = write_gz(clean_records(recs[:3]), tmp_path / "crawl.warc.gz")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": ""}\nnot json\n', encoding="utf-8")
    inputs = [warc, SAMPLE, broken]
    local = tmp_path / "local"
    export_parquet(_analyses(inputs), local)
    spark_out = tmp_path / "spark"
    result = run_spark_job([str(p) for p in inputs], str(spark_out), master="local[2]")
    assert result.articles == 3 + len(recs)
    for table in TABLES:
        assert _read(spark_out, table) == _read(local, table), table
    errors = _read(spark_out, ERRORS_TABLE)
    assert len(errors) == result.errors == 2
    assert {dict(e)["source"] for e in errors} == {f"{broken}:1", f"{broken}:2"}
    con = duckdb.connect()
    n = con.execute(
        f"SELECT count(*) FROM read_parquet('{spark_out}/articles/**/*.parquet', "
        "hive_partitioning=true)"
    ).fetchone()
    con.close()
    assert n == (result.articles,)
