"""Plain text, possibly copied from a web page with its furniture (first cut; see issue 2)."""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.ingest.ids import content_id
from newsgraph.model import Article


def article_from_text(
    text: str, published: str | None = None, source: str = "text", title: str | None = None
) -> Article:
    body = "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())
    if not body:
        raise InputError(source, "has no text: nothing to analyse")
    return Article(id=content_id(body), title=title, published=published, body=body)
