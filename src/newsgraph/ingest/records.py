"""JSONL records {id, url, title, date, text} (text may be HTML or plain text)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.ingest.ids import content_id
from newsgraph.model import Article


def iter_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]] | InputError]:
    """Yield (line number, object) per record, an ``InputError`` per bad line."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield InputError(where, "line is not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield InputError(where, f"line is not JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield InputError(where, "is JSON but not an object {id, url, title, date, text}")
                continue
            yield lineno, obj


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_record(obj: dict[str, Any], published: str | None = None) -> Article:
    """An ``Article`` from one record; its ``date`` wins over a date found in the text."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record", "has no `text` (the article body): nothing to analyse")
    try:
        date = normalize_date(_str_or_none(obj.get("date")))
    except InputError as exc:
        raise InputError("record", f"field `date`: {exc.reason}") from exc
    url = _str_or_none(obj.get("url"))
    title = _str_or_none(obj.get("title"))
    source = url or "record"
    if _looks_like_html(text):
        from newsgraph.ingest.html import article_from_html

        art = article_from_html(text, published=date or published, source=source, url=url)
    else:
        from newsgraph.ingest.text import article_from_text

        art = article_from_text(text, published=date or published, source=source, title=title)
    rec_id = _str_or_none(obj.get("id")) or content_id(art.body)
    updates: dict[str, Any] = {"id": rec_id, "url": url or art.url, "title": title or art.title}
    if date:
        updates["published"] = date
    return art.model_copy(update=updates)


def _looks_like_html(text: str) -> bool:
    if "<" not in text or ">" not in text:
        return False
    lower = text[:5000].lower()
    return any(tag in lower for tag in ("<p", "<div", "<html", "<body", "<article", "<br"))
