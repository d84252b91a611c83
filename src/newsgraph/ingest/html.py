"""HTML pages: trafilatura for body and metadata, htmldate for the date (first cut)."""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.ingest.ids import content_id
from newsgraph.model import Article


def article_from_html(
    html: str, published: str | None = None, source: str = "html", url: str | None = None
) -> Article:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, url=url)
    if not body:
        raise InputError(source, "no article text found in the HTML")
    meta = trafilatura.extract_metadata(html, default_url=url)
    return Article(
        id=content_id(body),
        url=url or (meta.url if meta else None),
        title=meta.title if meta else None,
        published=(meta.date if meta and meta.date else None) or published,
        author=meta.author if meta else None,
        site=meta.sitename if meta else None,
        body=body,
    )
