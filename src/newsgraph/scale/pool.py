"""A local process pool: the same per-article function on every core, memory flat.

``analyze_parallel`` sends chunks of articles to worker processes (spawned fresh, or
forked from a clean fork server; never forked from a parent that holds threads), each of
which loads the spaCy pipeline once (the initializer) and runs ``nlp.pipe`` over its
chunk. Results come back in input order; at most ``workers * prefetch`` chunks are in
flight, so memory does not grow with the corpus. An exception inside the pipeline for one
article becomes an ``ArticleFailure`` in its place and the run goes on; a worker that
dies fails its chunk, and the pool is restarted for the rest. Ctrl-C (or closing the
generator) terminates the workers; what was already yielded stays yielded.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph.model import Analysis, Article
from newsgraph.pipeline import analyze_doc
from newsgraph.read.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger("newsgraph.scale")

DEFAULT_BATCH_SIZE = 32
DEFAULT_PREFETCH = 2
MAX_POOL_RESTARTS = 3


@dataclass(frozen=True)
class ArticleFailure:
    """One article the pipeline could not analyse (yielded in its place)."""

    article_id: str
    reason: str


Result = Analysis | ArticleFailure


DocAnalyzer = Callable[[Article, "Doc"], Analysis]


# Objects allocated between young-generation collections (CPython's default is 700). The
# extractors build many short-lived containers, and at the default a run spent ~10% of its
# extraction time in the collector (a gc callback, 283 Wikinews articles): collecting less
# often lets most of them die by reference counting before the collector ever sees them.
CHUNK_GC_THRESHOLD = 20_000


@contextmanager
def _young_collections_spaced() -> Iterator[None]:
    """Space the collector's young-generation runs out for the duration of a chunk."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], CHUNK_GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def analyze_chunk(articles: list[Article], analyze: DocAnalyzer = analyze_doc) -> list[Result]:
    """Analyse a chunk with ``nlp.pipe``; an article that fails becomes an ``ArticleFailure``.

    ``analyze`` is the per-article step after spaCy (``pipeline.analyze_doc``); another
    module-level function may be given, e.g. to test failures inside worker processes.
    """
    with _young_collections_spaced():
        return _analyze_chunk(articles, analyze)


def _analyze_chunk(articles: list[Article], analyze: DocAnalyzer) -> list[Result]:
    nlp = load_nlp()
    out: list[Result] = []
    docs: Iterator[Doc] | None = nlp.pipe(a.body for a in articles)
    for art in articles:
        doc = None
        if docs is not None:
            try:
                doc = next(docs)
            except Exception:  # a batch-level spaCy error: parse the rest one by one
                docs = None
        try:
            if doc is None:
                doc = nlp(art.body)
            out.append(analyze(art, doc))
        except Exception as exc:  # one article's bug must not end a long run
            log.debug("article %s failed", art.id, exc_info=True)
            out.append(ArticleFailure(art.id, f"{type(exc).__name__}: {exc}"))
    return out


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group; the parent decides, workers must not die
    # half-way with a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_nlp()


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def analyze_parallel(
    items: Iterable[Article],
    workers: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
    prefetch: int = DEFAULT_PREFETCH,
    analyze: DocAnalyzer = analyze_doc,
) -> Iterator[Result]:
    """Analyse ``items`` on ``workers`` processes; yield results in input order.

    ``workers <= 1`` runs in-process (no pickling, no extra model in memory), batched
    like ``pipeline.analyze_articles``. ``prefetch`` chunks per worker are kept in flight.
    """
    task = partial(analyze_chunk, analyze=analyze)
    if workers <= 1:
        for chunk in _chunks(items, batch_size):
            yield from task(chunk)
        return
    pool = _Pool(task, workers, max(1, prefetch) * workers)
    yield from pool.run(_chunks(items, batch_size))


def mp_context() -> mp.context.BaseContext:
    """forkserver where the platform has it (cheap, no inherited threads), else spawn."""
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Pool:
    def __init__(
        self, task: Callable[[list[Article]], list[Result]], workers: int, max_in_flight: int
    ) -> None:
        self.task = task
        self.workers = workers
        self.max_in_flight = max_in_flight
        self.restarts = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=mp_context(), initializer=_init_worker
        )

    def run(self, chunks: Iterator[list[Article]]) -> Iterator[Result]:
        pending: deque[tuple[list[Article], Future[list[Result]]]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self.executor.submit(self.task, chunk)))
                while len(pending) >= self.max_in_flight:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        except BaseException:  # Ctrl-C, a closed generator, or a bug: stop the workers now
            self.terminate()
            raise
        self.executor.shutdown(wait=True)

    def _collect(self, pending: deque[tuple[list[Article], Future[list[Result]]]]) -> list[Result]:
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool as exc:
            # A worker died (killed, out of memory, a crash in native code). The chunk at the
            # head of the queue is failed; the others go to a fresh pool.
            self._restart(pending, exc)
            reason = f"worker process died while analysing this batch ({exc})"
            return [ArticleFailure(a.id, reason) for a in chunk]

    def _restart(
        self, pending: deque[tuple[list[Article], Future[list[Result]]]], exc: BaseException
    ) -> None:
        self.restarts += 1
        if self.restarts > MAX_POOL_RESTARTS:
            raise RuntimeError(f"worker processes keep dying ({exc}); giving up") from exc
        log.warning("a worker process died (%s); restarting the pool", exc)
        self.terminate()
        self.executor = self._start()
        resubmitted = [(c, self.executor.submit(self.task, c)) for c, _ in pending]
        pending.clear()
        pending.extend(resubmitted)

    def terminate(self) -> None:
        """Kill the workers at once (ProcessPoolExecutor only offers a polite shutdown)."""
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        for proc in processes:
            if proc.is_alive():
                proc.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            proc.join(timeout=5)
