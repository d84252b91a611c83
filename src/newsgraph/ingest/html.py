"""HTML pages: trafilatura for the body and metadata, htmldate for the publication date.

The body is trafilatura's plain-text extraction (comments excluded), one paragraph per
line, as trafilatura gives it; only a first line repeating the title is left out, since the
title has its own field. Subheadings come from the ``<head>`` elements of trafilatura's XML
tree, located line by line in the plain body so their offsets point into it.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.ingest.ids import content_id
from newsgraph.model import Article, Subheading

WORDS_PER_MINUTE = 230


def article_from_html(
    html: str, published: str | None = None, source: str = "html", url: str | None = None
) -> Article:
    """An ``Article`` from one HTML page; ``published`` is used when the page has no date."""
    doc = _extract(html, source, url)
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML (is it an article page?)")
    title = _clean(getattr(doc, "title", None))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and title and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    body = "\n".join(lines)
    try:
        fallback_date = normalize_date(published)
    except InputError as exc:
        raise InputError(source, f"--published {exc.reason}") from exc
    sections = list(
        dict.fromkeys((getattr(doc, "categories", None) or []) + (getattr(doc, "tags", None) or []))
    )
    return Article(
        id=content_id(body),
        url=url or _clean(getattr(doc, "url", None)),
        title=title,
        published=_page_date(html, url) or fallback_date,
        author=_clean(getattr(doc, "author", None)),
        site=_clean(getattr(doc, "sitename", None)),
        sections=[s.strip() for s in sections if s and s.strip()],
        subheadings=_subheadings(doc, lines),
        reading_time_minutes=max(1, round(len(body.split()) / WORDS_PER_MINUTE)),
        body=body,
    )


def _extract(html: str, source: str, url: str | None) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, include_tables=True
        )
    except Exception as exc:  # lxml/trafilatura internals: report, do not crash the run
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _page_date(html: str, url: str | None) -> str | None:
    """The original publication date htmldate finds in the page, if any."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate parses arbitrary markup; an unreadable date is no date
        return None
    return found or None


def _subheadings(doc: Any, lines: list[str]) -> list[Subheading]:
    """Offsets of trafilatura's headings in the body, matched in order, line by line."""
    tree = getattr(doc, "body", None)
    if tree is None:
        return []
    heads = [" ".join("".join(el.itertext()).split()) for el in tree.iter("head")]
    heads = [h for h in heads if h]
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    out: list[Subheading] = []
    cursor = 0
    for head in heads:
        for i in range(cursor, len(lines)):
            if " ".join(lines[i].split()) == head:
                end = starts[i] + len(lines[i])
                out.append(Subheading(start=starts[i], end=end, text=lines[i]))
                cursor = i + 1
                break
    return out
