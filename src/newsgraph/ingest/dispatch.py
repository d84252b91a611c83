"""Choose a reader by the input's kind (suffix first, then a look at the content)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.records import article_from_record, iter_jsonl
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article


def read_text_file(path: Path) -> str:
    """Read a text input as UTF-8; say clearly what is wrong when it is not text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(str(path), "is empty: nothing to analyse")
    if b"\x00" in data[:4096]:
        raise InputError(str(path), "looks binary, not text: give a .txt, .html, .jsonl, WARC or feed file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path),
            f"is not valid UTF-8 (byte {exc.start}): convert it, e.g. `iconv -f latin1 -t utf-8`",
        ) from exc


def iter_path(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    if not path.exists():
        yield InputError(str(path), "does not exist")
        return
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from iter_path(child, published)
        return
    suffix = "".join(path.suffixes[-2:]).lower() if path.suffix == ".gz" else path.suffix.lower()
    if suffix in (".warc", ".warc.gz"):
        from newsgraph.ingest.warc import iter_warc

        yield from iter_warc(path, published)
        return
    if suffix in (".rss", ".atom", ".xml"):
        from newsgraph.ingest.feeds import iter_feed

        yield from iter_feed(path, published)
        return
    try:
        if suffix in (".jsonl", ".ndjson"):
            for rec in iter_jsonl(path):
                if isinstance(rec, InputError):
                    yield rec
                    continue
                lineno, obj = rec
                try:
                    yield article_from_record(obj, published=published)
                except InputError as exc:
                    yield InputError(f"{path}:{lineno}", exc.reason)
            return
        if suffix in (".html", ".htm"):
            from newsgraph.ingest.html import article_from_html

            yield article_from_html(read_text_file(path), published=published, source=str(path))
            return
        yield article_from_text(read_text_file(path), published=published, source=str(path))
    except InputError as exc:
        yield exc
