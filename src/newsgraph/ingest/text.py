"""Plain text, possibly copied from a web page with its furniture.

The text is split into lines; ``furniture.py`` classifies them and finds the article's main
block; ``pagemeta.py`` reads title, date, author, sections, reading time and comment count
from the furniture around it. The body is the block's prose and subheadings, one paragraph
per line: it is exactly the text the NLP stage reads, and all offsets point into it.
"""

from __future__ import annotations

import re

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.ingest.furniture import Line, classify_line, main_block, select_body
from newsgraph.ingest.ids import content_id
from newsgraph.ingest.pagemeta import PageMeta, read_page_meta
from newsgraph.model import Article, Subheading

WORDS_PER_MINUTE = 230
TITLE_MAX_WORDS = 30
# Invisible characters that copying from browsers leaves behind.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def split_lines(text: str) -> list[str]:
    """Non-empty lines, stripped, with runs of (non-breaking) spaces collapsed."""
    text = _INVISIBLE.sub("", text)
    out = []
    for raw in text.splitlines():
        line = _SPACES.sub(" ", raw).strip()
        if line:
            out.append(line)
    return out


def article_from_text(
    text: str, published: str | None = None, source: str = "text", title: str | None = None
) -> Article:
    """An ``Article`` from plain text; ``published`` is used when the page shows no date."""
    raw_lines = split_lines(text)
    if not raw_lines:
        raise InputError(source, "has no text: nothing to analyse")
    lines = [classify_line(s) for s in raw_lines]
    start, end = main_block(lines)
    if end > start:
        start = _skip_title_line(lines, start, end, title)
        kept = select_body(lines, start, end)
    else:
        kept = []
    if not kept:
        # Nothing reads like prose (a list, a fragment): keep what is not furniture rather
        # than drop the document.
        kept = [(i, False) for i, ln in enumerate(lines) if not ln.is_furniture] or [
            (i, False) for i in range(len(lines))
        ]
        start, end = kept[0][0], kept[-1][0] + 1
    kept = [(i, h) for i, h in kept if not _same_text(lines[i].text, title)] or kept
    body, subheadings = _assemble(lines, kept)
    meta = read_page_meta(lines, start, end)
    meta.published = meta.published or _body_dateline(lines, start, end)
    return _article(body, subheadings, meta, title, published, source)


def _skip_title_line(lines: list[Line], start: int, end: int, title: str | None) -> int:
    """The block starts with the headline when the page starts with it: leave it out."""
    first = lines[start]
    is_first_text = all(ln.is_furniture or ln.kind == "nav" for ln in lines[:start])
    headline_like = (
        first.words <= TITLE_MAX_WORDS and not first.text.endswith(".") and end - start > 1
    )
    if _same_text(first.text, title) or (is_first_text and headline_like and title is None):
        return start + 1
    return start


def _same_text(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _assemble(lines: list[Line], kept: list[tuple[int, bool]]) -> tuple[str, list[Subheading]]:
    parts: list[str] = []
    subheadings: list[Subheading] = []
    offset = 0
    for i, is_heading in kept:
        text = lines[i].text
        if is_heading:
            subheadings.append(Subheading(start=offset, end=offset + len(text), text=text))
        parts.append(text)
        offset += len(text) + 1  # the "\n" between paragraphs
    return "\n".join(parts), subheadings


def _body_dateline(lines: list[Line], start: int, end: int) -> str | None:
    """A dateline dropped from inside the block ("Friday, January 4, 2019")."""
    from newsgraph.ingest.dates import find_date

    for line in lines[start:end]:
        if line.kind == "meta" and line.has_date:
            return find_date(line.text)
    return None


def _article(
    body: str,
    subheadings: list[Subheading],
    meta: PageMeta,
    title: str | None,
    published: str | None,
    source: str,
) -> Article:
    try:
        fallback_date = normalize_date(published)
    except InputError as exc:
        raise InputError(source, f"--published {exc.reason}") from exc
    words = len(body.split())
    return Article(
        id=content_id(body),
        title=title or meta.title,
        published=meta.published or fallback_date,
        author=meta.author,
        site=meta.site,
        sections=meta.sections,
        subheadings=subheadings,
        reading_time_minutes=meta.reading_time_minutes or max(1, round(words / WORDS_PER_MINUTE)),
        comment_count=meta.comment_count,
        body=body,
    )
