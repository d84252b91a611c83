"""Build the WARC, feed and Parquet inputs of the scale tests from the committed sample."""

from __future__ import annotations

import gzip
import html
import json
from pathlib import Path
from typing import Any

from newsgraph.ingest.warc import WarcPage, request_record, response_record, warc_record

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "wikinews-sample.jsonl"


def sample_records() -> list[dict[str, Any]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def page_html(rec: dict[str, Any], with_date: bool = True) -> str:
    """A minimal news page around a Wikinews text (one <p> per line)."""
    paras = "\n".join(
        f"<p>{html.escape(line.strip())}</p>" for line in rec["text"].splitlines() if line.strip()
    )
    meta = f'<meta property="article:published_time" content="{rec["date"]}">' if with_date else ""
    return (
        f"<!DOCTYPE html><html><head><title>{html.escape(rec['title'])}</title>{meta}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{html.escape(rec['title'])}</h1>"
        f"{paras}</article><footer>Wikinews, CC BY 2.5</footer></body></html>"
    )


def clean_records(recs: list[dict[str, Any]]) -> list[bytes]:
    """request + response per article, plus a metadata, a JSON and a 404 record."""
    out: list[bytes] = []
    for i, rec in enumerate(recs):
        date = f"{rec['date']}T12:00:00Z"
        out.append(request_record(rec["url"], date))
        out.append(response_record(WarcPage(url=rec["url"], html=page_html(rec), date=date)))
        if i == 0:
            out.append(
                warc_record(
                    "metadata", rec["url"], b"fetchTimeMs: 12\r\n", date, "application/warc-fields"
                )
            )
            out.append(
                response_record(
                    WarcPage(
                        url=rec["url"] + "?format=json",
                        html="{}",
                        date=date,
                        content_type="application/json",
                    )
                )
            )
            out.append(
                response_record(
                    WarcPage(url=rec["url"] + "/missing", html="<html/>", date=date, status=404)
                )
            )
    return out


def write_gz(records: list[bytes], path: Path) -> Path:
    path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    return path


def corrupt_member(record: bytes) -> bytes:
    """A gzip member whose deflate data is damaged (its header still looks right)."""
    member = bytearray(gzip.compress(record, mtime=0))
    for i in range(20, min(60, len(member) - 8)):
        member[i] ^= 0xFF
    return bytes(member)


def feed_xml(recs: list[dict[str, Any]], broken_entry: bool = False) -> str:
    items = []
    for rec in recs:
        body = "".join(f"<p>{html.escape(x)}</p>" for x in rec["text"].splitlines() if x.strip())
        items.append(
            f"<item><title>{html.escape(rec['title'])}</title><link>{rec['url']}</link>"
            f"<guid>{rec['id']}</guid><pubDate>{_rfc822(rec['date'])}</pubDate>"
            f"<author>reporter@example.org (Wikinews)</author>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    if broken_entry:
        items.insert(1, "<item><title>Empty entry</title><link>https://example.org/x</link></item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Wikinews sample</title><link>https://en.wikinews.org/</link>"
        "<description>test</description>" + "".join(items) + "</channel></rss>"
    )


def _rfc822(date: str) -> str:
    import datetime as dt

    day = dt.date.fromisoformat(date)
    return day.strftime("%a, %d %b %Y 12:00:00 +0000")


# -- per-article functions for the pool tests (module level: workers import them) ---------


def explode_on_marker(article: Any, doc: Any) -> Any:
    """``pipeline.analyze_doc``, except that an article containing EXPLODE raises."""
    from newsgraph.pipeline import analyze_doc

    if "EXPLODE" in article.body:
        raise ValueError("boom on purpose")
    return analyze_doc(article, doc)


def crash_on_marker(article: Any, doc: Any) -> Any:
    """``pipeline.analyze_doc``, except that an article containing CRASH kills its worker."""
    import os

    from newsgraph.pipeline import analyze_doc

    if "CRASH" in article.body:
        os._exit(3)
    return analyze_doc(article, doc)
