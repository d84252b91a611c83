"""The workbench's view of the store: one read-only DuckDB connection shared by request
threads (each thread its own cursor), and writes that briefly take the file for writing.

Read-only keeps the file open to other readers (``newsgraph report``); a write (POST
/api/analyze with store=true) waits for the readers in flight, closes the read-only
connection, stores through ``Store.write_batch`` and reopens. DuckDB refuses two
configurations of one file in a process, hence close-then-reopen rather than two handles.
"""

from __future__ import annotations

import gc
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
CACHE_SIZE = 4096  # answers kept per snapshot
CACHE_BYTES = 128 * 1024 * 1024  # and at most this much rendered text (pages, JSON)


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

    @property
    def write_pending(self) -> bool:
        """A write runs or waits: a reader now would wait for it."""
        return self._writer or self._writers_waiting > 0

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


class ReadOnlyStoreError(StoreError):
    """A write asked of a workbench that serves its store read-only."""


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """The store at ``path`` opened read-only; ``StoreError`` saying what to do if it cannot
    be (missing, or held for writing by another process)."""
    if not path.exists():
        raise StoreError(
            f"{path}: no such store; analyse articles into it first "
            "(`newsgraph analyze ... --db FILE`)"
        )
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(
            f"{path}: cannot open the store read-only ({exc}); is a newsgraph "
            "process writing to it?"
        ) from exc


class Database:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """``read_only``: never take the file for writing (several server processes share
        it then, and each may hold it open only read-only)."""
        self.path = Path(path)
        self.read_only = read_only
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
        self._cache_bytes = 0
        self._cache_lock = threading.Lock()
        if not read_only:
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
        self._con = connect_read_only(self.path)
        self._derived = build_derived(self._con)
        cur = self._con.cursor()
        try:
            register_derived(cur, self._derived)
            self._profiles = ProfileIndex.build(cur)
        finally:
            cur.close()
        with self._cache_lock:
            self._cache.clear()
            self._cache_bytes = 0
        self._generation += 1
        _settle_heap()

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
        gc.unfreeze()  # let what the snapshot held be finalised (DuckDB's bindings check)

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

    @property
    def write_pending(self) -> bool:
        """A write runs or waits: reads now would wait for it (see ``serve.state.run_read``)."""
        return self._lock.write_pending

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
                self._remember(key, value)
            return value

    def _remember(self, key: Hashable, value: Any) -> None:
        """LRU bounded by entries and by the bytes of the text/bytes answers it holds."""
        old = self._cache.pop(key, None)
        self._cache_bytes -= _size(old)
        self._cache[key] = value
        self._cache_bytes += _size(value)
        while len(self._cache) > CACHE_SIZE or (
            self._cache_bytes > CACHE_BYTES and len(self._cache) > 1
        ):
            _, dropped = self._cache.popitem(last=False)
            self._cache_bytes -= _size(dropped)

    @property
    def profiles(self) -> ProfileIndex:
        """The profiles of this snapshot; inside ``read()``/``cached()`` only (no lock taken:
        a nested read would deadlock against a waiting writer)."""
        return self._profiles

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
        if self.read_only:
            raise ReadOnlyStoreError(
                f"{self.path}: this workbench serves the store read-only (several worker "
                "processes); to store, restart it with `newsgraph serve --workers 1`"
            )
        batch = list(analyses)
        with self._lock.writing():
            self._close()
            try:
                with Store(self.path) as store:
                    return store.write_batch(batch)
            finally:
                self._open()


def _settle_heap() -> None:
    """Take the long-lived objects (the snapshot's profile index, loaded modules) out of the
    cyclic garbage collector. A full collection walks every tracked object: about 300,000
    with a store of 10,000 articles, 150-300 ms during which no request is answered, and
    rendering pages triggers one every few seconds. Unfreezing first lets the previous
    snapshot's cycles be collected after a write."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (bytes, str)) else 0
