"""Counts of what a container input (a WARC file, a feed) held, skipped and could not read.

A WARC holds requests, metadata and non-HTML responses next to the pages; a feed may be
malformed yet still readable. Those are not errors, but they must not vanish silently:
each reader fills a ``ReadStats`` and hands it to ``report_stats``, which logs a summary
and gives it to every ``collect_read_stats()`` block open at the time (the CLI opens one
around ingest and prints what it collected).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

log = logging.getLogger("newsgraph.ingest")

_collectors: list[list[ReadStats]] = []


@dataclass
class ReadStats:
    """What one input held: records seen, articles made, skips and errors by reason."""

    source: str
    kind: str
    records: int = 0
    articles: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def error(self, reason: str) -> None:
        self.errors[reason] += 1

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def n_errors(self) -> int:
        return sum(self.errors.values())

    def summary(self) -> str:
        """One line, e.g. ``a.warc.gz: 12 records, 3 articles, 8 skipped (6 record type
        request, ...), 1 error (truncated record)``."""
        parts = [f"{self.records} records", f"{self.articles} articles"]
        if self.skipped:
            parts.append(f"{self.n_skipped} skipped ({_reasons(self.skipped)})")
        if self.errors:
            parts.append(f"{self.n_errors} unreadable ({_reasons(self.errors)})")
        parts += self.notes
        return f"{self.source}: " + ", ".join(parts)


def _reasons(counts: Counter[str]) -> str:
    return ", ".join(f"{n} {reason}" for reason, n in counts.most_common())


def report_stats(stats: ReadStats) -> None:
    """Log a reader's summary and hand it to every open ``collect_read_stats`` block."""
    level = logging.WARNING if stats.errors or stats.notes else logging.INFO
    log.log(level, stats.summary())
    for sink in _collectors:
        sink.append(stats)


@contextmanager
def collect_read_stats() -> Iterator[list[ReadStats]]:
    """Collect the ``ReadStats`` of every container input read inside the block."""
    sink: list[ReadStats] = []
    _collectors.append(sink)
    try:
        yield sink
    finally:
        _collectors.remove(sink)
