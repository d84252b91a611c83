"""Parquet inputs with the columns of a JSONL record: id, url, title, date, text.

Read in row batches, so a large file streams (the Spark job reads its Parquet inputs
this way inside each task).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.records import article_from_record
from newsgraph.model import Article

RECORD_COLUMNS = ("id", "url", "title", "date", "text")


def iter_parquet(
    path: Path, published: str | None = None, batch_rows: int = 256
) -> Iterator[Article | InputError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pfile = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield InputError(str(path), f"is not a readable Parquet file ({exc})")
        return
    names = set(pfile.schema_arrow.names)
    if "text" not in names:
        yield InputError(str(path), f"has no `text` column; expected {', '.join(RECORD_COLUMNS)}")
        return
    columns = [c for c in RECORD_COLUMNS if c in names]
    row = 0
    for batch in pfile.iter_batches(batch_size=batch_rows, columns=columns):
        for record in batch.to_pylist():
            row += 1
            try:
                yield article_from_record(record, published=published)
            except InputError as exc:
                yield InputError(f"{path}#row {row}", exc.reason)
