"""What the routes share: the app's database and its analyser (injectable for tests)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

import duckdb
from fastapi import Request
from starlette.concurrency import run_in_threadpool

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.model import Analysis, Article
from newsgraph.serve.db import Database

Analyzer = Callable[[Article], Analysis]
T = TypeVar("T")


def database(request: Request) -> Database:
    return cast(Database, request.app.state.db)


async def run_read(db: Database, read: Callable[[], T]) -> T:
    """``read()`` for a hot read-only route. A store read or a page render takes about a
    millisecond, less than the hop to a worker thread and back, so it runs on the event loop;
    while a write runs or waits (a reader would block), it goes to the thread pool instead."""
    if db.write_pending:
        return await run_in_threadpool(read)
    return read()


async def read_cached(
    db: Database, key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]
) -> T:
    """``db.cached(key, compute)`` for a hot read-only route (see ``run_read``)."""
    return await run_read(db, lambda: db.cached(key, compute))


def default_analyzer(article: Article) -> Analysis:
    from newsgraph.pipeline import analyze_article

    return analyze_article(article)


def analyze_input(
    request: Request,
    text: str | None = None,
    html: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> Analysis:
    """Build the article from pasted text or HTML and analyse it; ``InputError`` when the
    input has no text or the date is not one we read."""
    day = normalize_date(published)
    if html is not None:
        from newsgraph.ingest.html import article_from_html

        article = article_from_html(html, published=day, source="pasted HTML", url=url)
        if title:
            article = article.model_copy(update={"title": title})
    else:
        from newsgraph.ingest.text import article_from_text

        article = article_from_text(text or "", published=day, source="pasted text", title=title)
        if url:
            article = article.model_copy(update={"url": url})
    analyzer = cast(Analyzer, request.app.state.analyzer)
    return analyzer(article)


__all__ = [
    "Analyzer",
    "InputError",
    "analyze_input",
    "database",
    "default_analyzer",
    "read_cached",
    "run_read",
]
