"""RSS and Atom feeds (files, or http(s) URLs for users with a network) via feedparser.

Each entry becomes an ``Article``: its full content (``content:encoded``, Atom
``content``) or else its summary, through trafilatura when it is HTML; link, title,
published/updated date and author come from the entry. An entry without text yields an
``InputError("<source>#entry <n>", reason)``, the rest are still read. A malformed feed
that feedparser could still read (its ``bozo`` flag) is reported in the ``FeedStats``
and the log; one it could not read at all is an ``InputError``.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import normalize_date
from newsgraph.ingest.ids import content_id
from newsgraph.ingest.stats import ReadStats, report_stats
from newsgraph.model import Article

FETCH_TIMEOUT_S = 20
_USER_AGENT = "newsgraph (+https://github.com/newsgraph)"
_FEED_TYPES = ("rss", "atom", "rdf", "application/xml", "text/xml")


@dataclass
class FeedStats(ReadStats):
    kind: str = "feed"


def is_url(item: str | Path) -> bool:
    return isinstance(item, str) and item.lower().startswith(("http://", "https://"))


def iter_feed(
    path: Path | str, published: str | None = None, stats: FeedStats | None = None
) -> Iterator[Article | InputError]:
    """Yield an ``Article`` per readable entry of a feed file (or URL), an ``InputError``
    per broken entry; counts are reported at the end."""
    source = str(path)
    if is_url(path):
        try:
            data, _ = fetch_url(source)
        except InputError as exc:
            yield exc
            return
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot be read ({exc.strerror or exc})")
            return
    yield from iter_feed_bytes(data, source, published, stats)


def iter_feed_bytes(
    data: bytes, source: str, published: str | None = None, stats: FeedStats | None = None
) -> Iterator[Article | InputError]:
    import feedparser

    stats = stats if stats is not None else FeedStats(source=source)
    try:
        fallback = normalize_date(published)
    except InputError as exc:
        yield InputError(source, exc.reason)
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        problem = _bozo_reason(parsed.get("bozo_exception"))
        if not entries:
            yield InputError(source, f"is not a readable RSS or Atom feed ({problem})")
            return
        stats.notes.append(f"malformed feed, read leniently ({problem})")
    if not entries and not parsed.get("version"):
        yield InputError(source, "is not an RSS or Atom feed (no feed elements found)")
        return
    try:
        for n, entry in enumerate(entries, start=1):
            stats.records += 1
            where = f"{source}#entry {n}"
            try:
                article = article_from_entry(entry, fallback, where)
            except InputError as exc:
                stats.error(exc.reason)
                yield InputError(where, exc.reason)
                continue
            stats.articles += 1
            yield article
    finally:
        report_stats(stats)


def _bozo_reason(exc: object) -> str:
    text = str(exc) if exc is not None else "malformed XML"
    return text.splitlines()[0][:200] if text else type(exc).__name__


def article_from_entry(entry: Any, published: str | None, where: str) -> Article:
    """One feed entry → ``Article``; raise ``InputError`` when it has no text."""
    html, is_html = _entry_content(entry)
    if not html.strip():
        raise InputError(where, "entry has no content or summary: nothing to analyse")
    link = _clean(entry.get("link"))
    date = _entry_date(entry) or published
    title = _clean(entry.get("title"))
    if is_html:
        body = _html_body(html, date, where, link)
    else:
        body = "\n".join(line.strip() for line in html.splitlines() if line.strip())
    if not body:
        raise InputError(where, "entry has no text once the markup is removed")
    return Article(
        id=_clean(entry.get("id")) or link or content_id(body),
        url=link,
        title=title,
        published=date,
        author=_clean(entry.get("author")),
        body=body,
    )


def _entry_content(entry: Any) -> tuple[str, bool]:
    """The fullest text of an entry, and whether it is HTML."""
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return value, "html" in (item.get("type") or "html")
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    return summary, "html" in (detail.get("type") or "text/html")


def _html_body(html: str, date: str | None, where: str, url: str | None) -> str:
    from newsgraph.ingest.html import article_from_html

    try:
        return article_from_html(html, published=date, source=where, url=url).body
    except InputError:
        # Feed summaries are often too short for trafilatura's article heuristics.
        return _strip_tags(html)


def _strip_tags(html: str) -> str:
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on odd fragments; the text is what matters
        return ""
    text = root.text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# -- URLs ---------------------------------------------------------------------------------


def fetch_url(url: str, timeout: float = FETCH_TIMEOUT_S) -> tuple[bytes, str]:
    """GET a URL: (body, content type); raise ``InputError`` with what to do when offline."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return resp.read(), (resp.headers.get_content_type() or "").lower()
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"the server answered HTTP {exc.code} ({exc.reason})") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(
            url,
            f"cannot be fetched ({reason}): check the network connection, or download the "
            "feed or page and give newsgraph the file",
        ) from exc


def iter_url(url: str, published: str | None = None) -> Iterator[Article | InputError]:
    """An http(s) input: a feed gives its entries, an HTML page gives one article."""
    try:
        data, ctype = fetch_url(url)
    except InputError as exc:
        yield exc
        return
    if "html" in ctype and not any(kind in ctype for kind in _FEED_TYPES):
        from newsgraph.ingest.html import article_from_html

        text = data.decode("utf-8", errors="replace")
        try:
            yield article_from_html(text, published=normalize_date(published), source=url, url=url)
        except InputError as exc:
            yield exc
        return
    yield from iter_feed_bytes(data, url, published)
