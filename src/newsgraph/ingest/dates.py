"""Publication dates: normalise what inputs carry to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.errors import InputError

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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
    from dateutil import parser as dparser

    try:
        return dparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError) as exc:
        raise InputError("date", f"{text!r} is not a date newsgraph understands: use YYYY-MM-DD") from exc
