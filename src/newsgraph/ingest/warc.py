"""WARC and WARC.gz files (web crawls, e.g. Common Crawl) via FastWARC.

Only HTML responses become articles: requests, metadata, revisits, non-HTML content
types and non-200 responses are skipped and counted (not errors: a crawl is full of
them). A truncated record and a corrupt gzip member are errors: each yields an
``InputError("<path>#record <n>", reason)`` and the rest of the file is still read.

Publication date: the date found on the page (trafilatura's metadata, which uses
htmldate) first, then the ``published`` argument, then the record's WARC-Date. The
WARC-Date is when the page was crawled, only an upper bound for when it was published,
so a date the user gave explicitly is preferred to it.
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.ingest.stats import ReadStats, report_stats
from newsgraph.model import Article

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"


@dataclass
class WarcStats(ReadStats):
    kind: str = "warc"


def iter_warc(
    path: Path, published: str | None = None, stats: WarcStats | None = None
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` per HTML response in a WARC(.gz), an ``InputError`` per broken
    record; the skips and errors are counted in ``stats`` and reported at the end."""
    stats = stats if stats is not None else WarcStats(source=str(path))
    try:
        fallback_date = normalize_date(published)
    except InputError as exc:
        yield InputError(str(path), exc.reason)
        return
    try:
        yield from _read_warc(path, fallback_date, stats)
    finally:
        report_stats(stats)


def _read_warc(
    path: Path, published: str | None, stats: WarcStats
) -> Iterator[Article | InputError]:
    from fastwarc.warc import ArchiveIterator

    try:
        fh = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    with fh:
        offset = 0
        size = path.stat().st_size
        while offset < size:
            fh.seek(offset)
            last_start: int | None = None
            try:
                for record in ArchiveIterator(fh, parse_http=True):
                    last_start = offset + record.stream_pos
                    stats.records += 1
                    where = f"{path}#record {stats.records}"
                    yield from _record_article(record, where, published, stats)
            except OSError as exc:
                # A corrupt gzip member stops FastWARC: report it, resume at the next member.
                stats.records += 1
                stats.error("corrupt gzip member")
                yield InputError(
                    f"{path}#record {stats.records}",
                    f"corrupt or unreadable data ({exc}): record skipped",
                )
                # The corrupt member starts at ``offset`` when nothing was read in this pass,
                # else at the first member header after the last good record.
                bad = offset if last_start is None else _find_magic(fh, last_start + 1)
                nxt = None if bad is None else _find_magic(fh, bad + 1)
                if nxt is None:
                    return
                offset = nxt
                continue
            return


def _find_magic(fh: IO[bytes], start: int, chunk: int = 1 << 20) -> int | None:
    """Offset of the next gzip member header at or after ``start`` (read in chunks)."""
    pos = start
    while True:
        fh.seek(pos)
        data = fh.read(chunk + len(_GZIP_MAGIC) - 1)
        idx = data.find(_GZIP_MAGIC)
        if idx >= 0:
            return pos + idx
        if len(data) < chunk:
            return None
        pos += chunk


def _record_article(
    rec: Any, where: str, published: str | None, stats: WarcStats
) -> Iterator[Article | InputError]:
    from fastwarc.warc import WarcRecordType

    # ``rec`` is a fastwarc.warc.WarcRecord (a Cython class without type stubs).
    rtype = rec.record_type
    if rtype != WarcRecordType.response:
        stats.skip(f"record type {rtype}")
        return
    if not rec.is_http:
        stats.skip("response without HTTP headers")
        return
    status = rec.http_headers.status_code
    if status != 200:
        stats.skip(f"HTTP status {status}")
        return
    payload: bytes = rec.reader.read()
    expected = rec.content_length
    if len(payload) < expected:
        stats.error("truncated record")
        yield InputError(where, f"truncated record ({len(payload)} of {expected} bytes): skipped")
        return
    ctype = (rec.http_content_type or "").lower()
    if not _is_html(ctype, payload):
        stats.skip(f"content type {ctype or 'unknown'}")
        return
    headers = rec.headers
    url = headers.get("WARC-Target-URI")
    crawl_date = _warc_date(headers.get("WARC-Date"))
    html = _decode(payload, rec.http_charset)
    from newsgraph.ingest.html import article_from_html

    try:
        article = article_from_html(html, published=published or crawl_date, source=where, url=url)
    except InputError as exc:
        stats.error(exc.reason)
        yield InputError(where, f"{exc.reason} ({url})")
        return
    stats.articles += 1
    yield article


def _is_html(ctype: str, payload: bytes) -> bool:
    if ctype:
        return ctype in HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _warc_date(value: str | None) -> str | None:
    try:
        return normalize_date(value)
    except InputError:
        return None


def _decode(payload: bytes, charset: str | None) -> str:
    for enc in (charset, "utf-8"):
        if not enc:
            continue
        try:
            return payload.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")


# -- writing (fixtures, benchmarks, wrapping local pages for a Spark run) -----------------


@dataclass
class WarcPage:
    """One page to write as a WARC response record."""

    url: str
    html: str
    date: str = "2024-01-01T00:00:00Z"
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    extra_headers: dict[str, str] = field(default_factory=dict)


def warc_record(warc_type: str, url: str, block: bytes, date: str, content_type: str) -> bytes:
    """The bytes of one WARC/1.0 record."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {url}\r\n"
        f"WARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def response_record(page: WarcPage) -> bytes:
    body = page.html.encode("utf-8")
    http = (
        f"HTTP/1.1 {page.status} OK\r\nContent-Type: {page.content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return warc_record(
        "response", page.url, http + body, page.date, "application/http; msgtype=response"
    )


def request_record(url: str, date: str) -> bytes:
    http = f"GET {url} HTTP/1.1\r\nUser-Agent: newsgraph\r\n\r\n".encode()
    return warc_record("request", url, http, date, "application/http; msgtype=request")


def write_warc(records: Iterable[bytes], path: Path, compress: bool | None = None) -> Path:
    """Write records to ``path``; one gzip member per record when ``compress`` (the
    default for a ``.gz`` path), as crawlers do."""
    compress = path.suffix == ".gz" if compress is None else compress
    with path.open("wb") as fh:
        for rec in records:
            fh.write(gzip.compress(rec, mtime=0) if compress else rec)
    return path


def pages_to_warc(pages: Iterable[WarcPage], path: Path) -> Path:
    """Wrap pages in a WARC (request + response per page), e.g. to feed a Spark run."""

    def records() -> Iterator[bytes]:
        for page in pages:
            yield request_record(page.url, page.date)
            yield response_record(page)

    return write_warc(records(), path)
