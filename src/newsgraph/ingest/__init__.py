"""Ingest stage: inputs (text, HTML, JSONL, WARC, feeds) → ``Article`` objects with a clean body.

``iter_articles`` is lazy: it yields one ``Article`` per readable document and one
``InputError`` per unreadable one, so a bad input never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.dispatch import iter_path
from newsgraph.model import Article

__all__ = ["iter_articles"]


def iter_articles(
    inputs: Iterable[str | Path], published: str | None = None
) -> Iterator[Article | InputError]:
    """Yield the articles in every input, and an ``InputError`` for each that cannot be read."""
    for item in inputs:
        if isinstance(item, str) and item.lower().startswith(("http://", "https://")):
            from newsgraph.ingest.feeds import iter_url

            yield from iter_url(item, published=published)
            continue
        yield from iter_path(Path(item), published=published)
