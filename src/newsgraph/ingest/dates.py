"""Publication dates: normalise what inputs carry to YYYY-MM-DD, and find dates in text."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.errors import InputError

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# Dates written out in full: "December 30, 2024", "30 April 2024", "Aug. 22, 2023",
# "Fri 9 Aug 2024", "2024-12-30", "2024/12/30". Numeric d/m/y is ambiguous and left out.
DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}[-/](?:0?[1-9]|1[0-2])[-/](?:[0-2]?\d|3[01]))(?!\d)",
    re.IGNORECASE,
)


# Cheap first look: a written-out date always has a year (the full pattern is slow to scan).
HAS_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def has_date(text: str) -> bool:
    """Whether ``text`` contains a written-out date."""
    return HAS_YEAR.search(text) is not None and DATE_RE.search(text) is not None


def normalize_date(value: str | None) -> str | None:
    """Return YYYY-MM-DD, None for no value; raise ``InputError`` for an unknown format."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError as exc:
            raise InputError("date", f"{text!r} is not a real date ({exc})") from exc
    parsed = _parse(text)
    if parsed is None:
        raise InputError("date", f"{text!r} is not a date newsgraph understands: use YYYY-MM-DD")
    return parsed


def _parse(text: str) -> str | None:
    from dateutil import parser as dparser

    try:
        return dparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        # dateutil raises ParserError (a ValueError) for unknown formats and OverflowError
        # for absurd numbers: either way the text is not a date we can use.
        return None


def find_date(text: str) -> str | None:
    """The first written-out date in ``text`` as YYYY-MM-DD, or None."""
    for m in DATE_RE.finditer(text):
        found = _parse(m.group(0).replace(" of ", " "))
        if found:
            return found
    return None
