"""A Rich progress display for long runs: articles/s, elapsed, failures (quiet when not a TTY)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


@dataclass
class Tracker:
    progress: Progress | None
    task: TaskID | None
    started: float
    done: int = 0
    failed: int = 0

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += int(failed)
        if self.progress is not None and self.task is not None:
            rate = self.done / max(time.perf_counter() - self.started, 1e-9)
            self.progress.update(self.task, advance=1, rate=f"{rate:.1f}", failed=self.failed)


@contextmanager
def progress_bar(total: int | None, label: str = "analysing") -> Iterator[Tracker]:
    console = Console(stderr=True)
    if not console.is_terminal:
        yield Tracker(None, None, time.perf_counter())
        return
    columns = [
        TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TextColumn("[red]{task.fields[failed]} failed"),
        TimeElapsedColumn(), TimeRemainingColumn(),
    ]  # fmt: skip
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task(label, total=total, rate="0.0", failed=0)
        yield Tracker(progress, task, time.perf_counter())
