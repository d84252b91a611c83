"""Store stage: the embedded DuckDB file (schema.sql), written in atomic batches."""

from newsgraph.store.duckdb_store import DEFAULT_DB, Store, StoreError, WriteResult

__all__ = ["DEFAULT_DB", "Store", "StoreError", "WriteResult"]
