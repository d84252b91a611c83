"""Choose a reader by the input's kind (suffix first, then a look at the content)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.records import article_from_record, iter_jsonl
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
PARQUET_SUFFIXES = (".parquet",)
TEXT_SUFFIXES = (".txt", ".text")
# In a folder only files of these kinds are read (a README or an image beside the articles
# is not an article); a file named explicitly is read whatever its suffix.
KNOWN_SUFFIXES = (
    *JSONL_SUFFIXES,
    *HTML_SUFFIXES,
    *WARC_SUFFIXES,
    *FEED_SUFFIXES,
    *PARQUET_SUFFIXES,
    *TEXT_SUFFIXES,
)

_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<article|<!--)", re.I)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b", re.I)
_WARC_START = b"WARC/"
_GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(str(path), "is empty: nothing to analyse")
    return data


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text, or an error naming the input and the fix.

    Bytes that are not UTF-8 are refused rather than guessed at: a wrong guess (latin-1 vs
    cp1252 vs others) silently corrupts names and quotes, which every offset then carries.
    """
    if b"\x00" in data[:4096]:
        raise InputError(
            source, "looks binary, not text: give a .txt, .html, .jsonl, WARC or feed file"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"is not valid UTF-8 (byte {exc.start}): convert it, e.g. `iconv -f latin1 -t utf-8`",
        ) from exc


def decode_html(data: bytes, source: str) -> str:
    """UTF-8, else the charset the page declares in a <meta> tag (pages say what they are)."""
    try:
        return decode_text(data, source)
    except InputError:
        declared = _META_CHARSET.search(data[:4096])
        if declared is None or b"\x00" in data[:4096]:
            raise
        charset = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            reason = f"declares charset {charset!r} but is not valid {charset}: convert it to UTF-8"
            raise InputError(source, reason) from exc


def read_text_file(path: Path) -> str:
    """Read a text input as UTF-8; say clearly what is wrong when it is not text."""
    return decode_text(read_bytes(path), str(path))


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def sniff_kind(path: Path, head: bytes) -> str:
    """ "jsonl", "html", "warc", "feed" or "text": the suffix decides, else the first bytes."""
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if head.startswith(_WARC_START) or (suffix == ".gz" and head.startswith(_GZIP_MAGIC)):
        return "warc"
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"{") and suffix in ("", ".json", ".txt"):
        return "jsonl"
    return "text"


def iter_path(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles in one path (a directory: in every file below it, in name order)."""
    if not path.exists():
        yield InputError(str(path), "does not exist")
        return
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if _suffix(child) in KNOWN_SUFFIXES:
                yield from iter_path(child, published)
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    kind = sniff_kind(path, head)
    try:
        if kind == "jsonl":
            yield from _iter_records(path, published)
        elif kind == "warc":
            yield from _iter_warc(path, published)
        elif kind == "feed":
            yield from _iter_feed(path, published)
        elif kind == "parquet":
            yield from _iter_parquet(path, published)
        elif kind == "html":
            from newsgraph.ingest.html import article_from_html

            html = decode_html(read_bytes(path), str(path))
            yield article_from_html(html, published=published, source=str(path))
        else:
            yield article_from_text(read_text_file(path), published=published, source=str(path))
    except InputError as exc:
        yield exc


def _iter_records(path: Path, published: str | None) -> Iterator[Article | InputError]:
    for rec in iter_jsonl(path):
        if isinstance(rec, InputError):
            yield rec
            continue
        lineno, obj = rec
        try:
            yield article_from_record(obj, published=published)
        except InputError as exc:
            yield InputError(f"{path}:{lineno}", exc.reason)


def _iter_warc(path: Path, published: str | None) -> Iterator[Article | InputError]:
    from newsgraph.ingest.warc import iter_warc

    yield from iter_warc(path, published=published)


def _iter_feed(path: Path, published: str | None) -> Iterator[Article | InputError]:
    from newsgraph.ingest.feeds import iter_feed

    yield from iter_feed(path, published=published)


def _iter_parquet(path: Path, published: str | None) -> Iterator[Article | InputError]:
    from newsgraph.ingest.parquet import iter_parquet

    yield from iter_parquet(path, published=published)
