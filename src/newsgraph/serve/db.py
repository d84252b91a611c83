"""The workbench's view of the store: one read-only DuckDB connection shared by request
threads (each thread its own cursor), and writes that briefly take the file for writing.

Read-only keeps the file open to other readers (``newsgraph report``); a write (POST
/api/analyze with store=true) waits for the readers in flight, closes the read-only
connection, stores through ``Store.write_batch`` and reopens. DuckDB refuses two
configurations of one file in a process, hence close-then-reopen rather than two handles.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from newsgraph.analyse import queries
from newsgraph.analyse.derived import build_derived, register_derived
from newsgraph.analyse.models import ActorProfile, Network
from newsgraph.analyse.profiles import RECENT_KEPT, ProfileIndex
from newsgraph.model import Analysis
from newsgraph.store import Store, StoreError, WriteResult

T = TypeVar("T")
CACHE_SIZE = 4096


class ReadWriteLock:
    """Many readers or one writer; a waiting writer stops new readers (no starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Database:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = ReadWriteLock()
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._cursors_lock = threading.Lock()
        self._generation = 0
        self._con: duckdb.DuckDBPyConnection | None = None
        self._derived: dict[str, pa.Table] = {}
        self._profiles = ProfileIndex()
        # answers per store snapshot: the file changes only through write(), which clears it
        # (another process cannot write while we hold the file open read-only)
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._prepare_file()
        self._open()

    def _prepare_file(self) -> None:
        """Create the file, or bring its schema (indexes included) up to date, when we may."""
        try:
            Store(self.path).close()
        except StoreError:
            if not self.path.exists():
                raise
            # another process holds it for writing or it is read-only: serve it as it is

    def _open(self) -> None:
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path}: cannot open the store read-only ({exc}); is a newsgraph "
                "process writing to it?"
            ) from exc
        self._derived = build_derived(self._con)
        cur = self._con.cursor()
        try:
            register_derived(cur, self._derived)
            self._profiles = ProfileIndex.build(cur)
        finally:
            cur.close()
        with self._cache_lock:
            self._cache.clear()
        self._generation += 1

    def _close(self) -> None:
        with self._cursors_lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        with self._lock.writing():
            self._close()

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            assert self._con is not None, "the store is closed"
            cur = self._con.cursor()
            register_derived(cur, self._derived)
            with self._cursors_lock:
                self._cursors.append(cur)
            local.cursor, local.generation = cur, self._generation
        cursor: duckdb.DuckDBPyConnection = local.cursor
        return cursor

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for this thread, valid inside the block."""
        with self._lock.reading():
            yield self._cursor()

    def cached(self, key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``compute(cursor)``, remembered for this snapshot of the store (LRU bounded)."""
        with self._lock.reading():
            with self._cache_lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    hit: T = self._cache[key]
                    return hit
            value = compute(self._cursor())
            with self._cache_lock:
                self._cache[key] = value
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
            return value

    def actor_profile(
        self, code: str, name: str | None = None, n_recent: int = 20
    ) -> ActorProfile | None:
        """``queries.actor_profile``, from the profiles precomputed for this snapshot."""
        with self._lock.reading():
            profiles = self._profiles
        if n_recent <= RECENT_KEPT:
            return profiles.profile(code, name, n_recent)
        return self.cached(
            ("actor", code, name, n_recent),
            lambda con: queries.actor_profile(con, code, name, n_recent),
        )

    def actor_network(
        self, focus: str | None = None, min_events: int = 1, limit: int = 80
    ) -> Network:
        """``queries.actor_network``, from the edges precomputed for this snapshot."""
        with self._lock.reading():
            profiles = self._profiles
        return profiles.network(focus, min_events, limit)

    def write(self, analyses: Iterable[Analysis]) -> WriteResult:
        batch = list(analyses)
        with self._lock.writing():
            self._close()
            try:
                with Store(self.path) as store:
                    return store.write_batch(batch)
            finally:
                self._open()
