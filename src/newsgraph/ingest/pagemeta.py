"""Metadata in the furniture of a copied page: title, date, author, sections, counts, site.

The furniture lines around the main block (see ``furniture.py``) carry what the page says
about the article: "Posted on March 4, 2024 by Maria Lopez", "Asia-Pacific, News December
30, 2024 No Comments on <title>3 minute read", "Tags: ...", "© 2024 Site. All rights
reserved." These functions read them; none of them looks inside the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.ingest.dates import DATE_RE, find_date
from newsgraph.ingest.furniture import Line

_READING_TIME = re.compile(r"(?<!\d)(\d{1,3})\s*-?\s*(?:min|mins|minute|minutes)\.?\s*read\b", re.I)
_NO_COMMENTS = re.compile(r"\bno comments?\b", re.I)
_N_COMMENTS = re.compile(
    r"\b(\d[\d,]*|one)\s+(?:comments?|thoughts?|responses?|replies)\b"
    r"|\bcomments?\s*\((\d[\d,]*)\)",
    re.I,
)
_TITLE_AFTER_COMMENTS = re.compile(
    r"\b(?:no|\d+|one)\s+(?:comments?|thoughts?|responses?|replies)\s+(?:on|to)\s+[“\"‘]?(.+?)[”\"’]?"
    r"(?:\s*\d+\s*-?\s*(?:min|minute)s?\.?\s*read)?\s*$",
    re.I,
)
_NAME_PART = r"(?:[A-Z][\w.'’-]*|de|da|del|van|von|der|den|al|bin|el|la|le)"
_NAME = rf"[A-Z][\w.'’-]*(?:\s+{_NAME_PART}){{0,4}}"
_BYLINE = re.compile(
    rf"(?:^|\b)(?i:by|written by|posted by|story by|words by|author:|authors:)\s+"
    rf"({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)",
)
_BYLINE_NAME = re.compile(rf"^{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*$")
_CATEGORIES = re.compile(
    r"^(?:categories|category|posted in|filed under|sections?)\s*:?\s*(.+)$", re.I
)
_TAGS = re.compile(r"^(?:tags|tagged(?: with)?|topics)\s*:\s*(.+)$", re.I)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?:the\s+)?([A-Z][^.|,©]{1,60}?)\s*(?:\.|\||,|$|all rights)",
    re.I,
)
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|first published)\b", re.I)
_UPDATED_WORD = re.compile(r"\b(?:updated|modified|edited)\b", re.I)
_NON_PUBLISHER = re.compile(r"\b(?:wordpress|theme|rights reserved)\b", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None
    sections: list[str] = field(default_factory=list)
    reading_time_minutes: int | None = None
    comment_count: int | None = None


def read_page_meta(lines: list[Line], start: int, end: int) -> PageMeta:
    """Metadata from the furniture before (``lines[:start]``) and after (``lines[end:]``)."""
    before = lines[:start]
    after = lines[end:]
    around = [ln for ln in before + after if ln.is_furniture]
    return PageMeta(
        title=_title(before, around),
        published=_published(before, after),
        author=_author(around),
        site=_site(after + before),
        sections=_sections(around),
        reading_time_minutes=_reading_time(around),
        comment_count=_comment_count(around),
    )


def _title(before: list[Line], around: list[Line]) -> str | None:
    """The headline: named by a "No Comments on <title>" line, else the first headline-like
    line after the site's navigation, else the first one at all."""
    for line in around:
        m = _TITLE_AFTER_COMMENTS.search(line.text)
        if m and len(m.group(1).split()) >= 2:
            return m.group(1).strip()
    first_meta = next((i for i, ln in enumerate(before) if ln.kind == "meta"), len(before))
    nav_end = _last_nav_run_end(before[:first_meta])
    for lo, hi in ((nav_end, first_meta), (first_meta, len(before)), (0, len(before))):
        for line in before[lo:hi]:
            if _is_headline(line):
                return line.text
    return None


def _is_headline(line: Line) -> bool:
    return (
        line.kind in ("short", "prose")
        and 3 <= line.words <= 30
        and not line.text.endswith(".")
        and not line.has_date
    )


def _last_nav_run_end(lines: list[Line]) -> int:
    """Index just after the last run of two or more navigation lines (0 if none)."""
    end, run = 0, 0
    for i, line in enumerate(lines):
        is_nav = line.kind == "nav" or (line.kind in ("short", "promo") and line.words <= 3)
        run = run + 1 if is_nav else 0
        if run >= 2:
            end = i + 1
    return end


def _published(before: list[Line], after: list[Line]) -> str | None:
    """The publication date: a "Published/Posted" line first, then a dateline, then an
    "Updated" line; below the article only an explicit "Published/Posted" line counts."""
    dated = [ln for ln in before if ln.kind == "meta" and ln.has_date]
    ranked = (
        [ln for ln in dated if _PUBLISHED_WORD.search(ln.text)]
        + [ln for ln in dated if not _UPDATED_WORD.search(ln.text)]
        + dated
        + [ln for ln in after if ln.is_furniture and _PUBLISHED_WORD.search(ln.text)]
    )
    for line in ranked:
        found = find_date(line.text)
        if found:
            return found
    return None


def _author(around: list[Line]) -> str | None:
    for line in around:
        if line.kind not in ("meta", "end") or line.words > 25:
            continue
        m = _BYLINE.search(line.text)
        if m:
            name = re.split(r"\s*\|\s*|\s+[-–—]\s+", m.group(1))[0].strip(" ,")
            if name and _BYLINE_NAME.match(name) and not DATE_RE.search(name):
                return _name_case(name)
    return None


def _name_case(name: str) -> str:
    """ "DEREK GATOPOULOS" → "Derek Gatopoulos"; mixed case is left as written."""
    return name.title() if name.isupper() else name


def _split_list(text: str) -> list[str]:
    items = [item.strip(" .;") for item in re.split(r"\s*[,;|/]\s*", text)]
    return [item for item in items if item and len(item.split()) <= 4]


def _sections(around: list[Line]) -> list[str]:
    """Categories, from "Categories: A, B" or the "A, B <date>" prefix of a meta line; tags
    only when the page names no category."""
    categories: list[str] = []
    tags: list[str] = []
    for line in around:
        if m := _CATEGORIES.match(line.text):
            categories += _split_list(m.group(1))
        elif m := _TAGS.match(line.text):
            tags += _split_list(m.group(1))
        elif line.kind == "meta" and (d := DATE_RE.search(line.text)):
            prefix = line.text[: d.start()].strip(" |·-–—")
            items = _split_list(prefix)
            if _looks_like_sections(items, prefix):
                categories += items
    chosen = categories or tags
    return list(dict.fromkeys(chosen))


def _looks_like_sections(items: list[str], prefix: str) -> bool:
    """ "Asia-Pacific, News" before a date is a section list; "By Jane Doe" is not."""
    return (
        0 < len(items) <= 5
        and all(item[0].isupper() for item in items)
        and not _BYLINE.search(prefix)
        and not _PUBLISHED_WORD.search(prefix)
    )


def _reading_time(around: list[Line]) -> int | None:
    for line in around:
        m = _READING_TIME.search(line.text)
        if m and int(m.group(1)) > 0:
            return int(m.group(1))
    return None


def _comment_count(around: list[Line]) -> int | None:
    for line in around:
        if _NO_COMMENTS.search(line.text):
            return 0
        m = _N_COMMENTS.search(line.text)
        if m:
            raw = (m.group(1) or m.group(2)).replace(",", "").lower()
            return 1 if raw == "one" else int(raw)
    return None


def _site(lines: list[Line]) -> str | None:
    for line in lines:
        if line.kind != "footer":
            continue
        m = _COPYRIGHT.search(line.text)
        if m and not _NON_PUBLISHER.search(m.group(1)):
            return m.group(1).strip()
    return None
