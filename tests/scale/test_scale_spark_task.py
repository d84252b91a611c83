"""The Spark analysis task run by hand (no JVM): it writes the export's files and counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.scale.scale_fixtures import SAMPLE

from newsgraph.export.parquet import export_parquet
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.scale.pool import analyze_parallel
from newsgraph.store.rows import TABLES


def test_task_writes_what_the_export_writes_and_counts_it(tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsgraph.scale.spark import ERRORS_TABLE, analyze_and_write, read_files

    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": ""}\n', encoding="utf-8")
    paths = pa.RecordBatch.from_pylist([{"path": str(SAMPLE)}, {"path": str(broken)}])
    batches = list(read_files(iter([paths]), None))
    out = tmp_path / "spark"
    # batch_size 2, flush_every 2: several flushes, each with its own files
    (counts,) = analyze_and_write(iter(batches), str(out), "job", batch_size=2, flush_every=2)
    got = counts.to_pylist()[0]

    arts = [a for a in iter_articles([SAMPLE]) if isinstance(a, Article)]
    analyses = [r for r in analyze_parallel(arts, workers=1) if isinstance(r, Analysis)]
    local = export_parquet(analyses, tmp_path / "local")
    assert got["articles"] == local.articles == len(arts)
    assert got[ERRORS_TABLE] == 1
    for table in TABLES:
        files = sorted((out / table).glob("*/*.parquet"))
        rows = sum(pq.read_metadata(f).num_rows for f in files)
        assert rows == got[table] == local.rows[table], table
        assert all(f.name.startswith("part-job-00000-") for f in files)
    assert len({f.name for f in (out / "articles").glob("*/*.parquet")}) > 1  # flushed twice+
    assert not list(out.rglob(".*"))  # no temporary file left behind
    (error_file,) = (out / ERRORS_TABLE).glob("*.parquet")
    assert pq.read_table(error_file).column("source").to_pylist() == [f"{broken}:1"]
