"""Seed scorer for times: gold ``times:`` entries matched on their TIMEX3 value.

Rules (seed-gold.yaml, bottom): times match on the value, or on what ``also_accept`` says
("an interval inside A/B": the system's interval lies within those days); entries with
``role: publication`` (page furniture, not body) and ``optional: true`` are not counted.
A gold entry is found when a system time overlapping an occurrence of its text in the body
(or, if the text is not in the body, any system time) carries an accepted value.
Precision: a system time is right when some gold entry (optional ones included) accepts it.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.evaluate.scores import PRF
from newsgraph.model import Analysis, TimeExpr

_INSIDE = re.compile(r"interval inside (\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)")


def _occurrences(body: str, text: str) -> list[tuple[int, int]]:
    """Where the gold text occurs in the body (case and apostrophe style ignored)."""
    def fold(s: str) -> str:
        return s.lower().replace("’", "'")

    haystack, needle = fold(body), fold(text)
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), haystack)]


def _accepts(entry: dict[str, Any], time: TimeExpr) -> bool:
    if time.timex == str(entry.get("value")):
        return True
    inside = _INSIDE.search(str(entry.get("also_accept") or ""))
    if inside and time.interval.start and time.interval.end:
        return inside.group(1) <= time.interval.start <= time.interval.end <= inside.group(2)
    return False


def _candidates(body: str, entry: dict[str, Any], times: list[TimeExpr]) -> list[TimeExpr]:
    spans = _occurrences(body, str(entry.get("text", "")))
    if not spans:
        return times
    return [t for t in times if any(t.start < e and s < t.end for s, e in spans)]


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    body = analysis.article.body
    entries = [e for e in gold.get("times") or [] if e.get("role") != "publication"]
    prf = PRF("times (value)")
    right: set[str] = set()  # system times that carry a value some gold entry accepts
    for entry in entries:
        hits = [t for t in _candidates(body, entry, analysis.times) if _accepts(entry, t)]
        right.update(t.id for t in hits)
        if entry.get("optional"):
            continue
        if hits:
            prf.tp_gold += 1
        else:
            prf.fn += 1
    prf.tp_sys = len(right)
    prf.fp = len(analysis.times) - len(right)
    return [prf]
