"""A Rich progress bar for long runs: articles done, articles/s, ETA and failures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over Rich's recent window."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("… articles/s" if speed is None else f"{speed:,.1f} articles/s", style="cyan")


class FailuresColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        failures = int(task.fields.get("failures", 0))
        return Text(f"{failures} failed", style="red" if failures else "dim")


@dataclass
class ProgressHandle:
    """What a run reports through: ``advance(articles, failures)``."""

    progress: Progress
    task: TaskID
    done: int = 0
    failures: int = 0

    def advance(self, articles: int = 1, failures: int = 0) -> None:
        self.done += articles
        self.failures += failures
        self.progress.update(self.task, advance=articles, failures=self.failures)


@contextmanager
def progress_bar(
    total: int | None,
    description: str = "Analysing",
    console: Console | None = None,
    disable: bool = False,
) -> Iterator[ProgressHandle]:
    """A live bar (a spinner and a count when ``total`` is unknown) for the block."""
    columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    else:
        columns.append(TextColumn("{task.completed:,.0f} articles"))
    columns += [RateColumn(), FailuresColumn(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=console, disable=disable, transient=False) as progress:
        task = progress.add_task(description, total=total, failures=0)
        yield ProgressHandle(progress, task)
