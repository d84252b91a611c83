"""Numeric disagreements: one count given two values (39 dead here, 37 there).

Only exact, final-sounding counts are compared: hedged, cumulative or evolving counts
("at least 30", "the toll rose to 31", "from fourteen to 31") and counts inside quotes
are skipped, and two values must be close (same order) to be read as the same count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.quotes_lexicon import cue_lexicon
from newsgraph.model import Analysis, Finding, Span

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})*|\d+|" + "|".join(_NUMBER_WORDS) + r")"
_FILLER = r"(?:people|persons|civilians|others|residents|passengers|soldiers|workers|children)"
_COUNT = re.compile(
    r"\b" + _NUM + r"\s+(?:" + _FILLER + r"\s+)?(?:(?:were|are|have been|had been|was|is)\s+)?"
    r"(?:(?:confirmed|reported|now|officially)\s+)?(?P<key>dead|killed|died|injured|wounded|"
    r"missing|arrested|detained)\b",
    re.IGNORECASE,
)
_MIN_RATIO = 0.75  # 37 vs 39 is one count told twice; 3 vs 39 are different counts
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]|$)")


@dataclass(frozen=True)
class _Count:
    key: str
    value: int
    start: int
    end: int
    sentence: str


def numeric_disagreements(analysis: Analysis) -> list[Finding]:
    body = analysis.article.body
    counts = [c for c in _counts(body) if not _hedged(body, c)]
    findings: list[Finding] = []
    for i, a in enumerate(counts):
        for b in counts[i + 1 :]:
            if a.key != b.key or a.value == b.value:
                continue
            if min(a.value, b.value) / max(a.value, b.value) < _MIN_RATIO:
                continue
            findings.append(_finding(a, b))
            break
    return findings[:1]  # one disagreement per count is enough to send an editor looking


def _counts(body: str) -> list[_Count]:
    keys = cue_lexicon().count_key_of
    found = []
    for m in _COUNT.finditer(body):
        raw = m.group("num").lower().replace(",", "")
        value = _NUMBER_WORDS.get(raw, int(raw) if raw.isdigit() else -1)
        if value < 2:
            continue
        key = keys.get(m.group("key").lower(), m.group("key").lower())
        found.append(_Count(key, value, m.start(), m.end(), _sentence_at(body, m.start())))
    return found


def _sentence_at(body: str, pos: int) -> str:
    start = max(body.rfind(". ", 0, pos) + 2, body.rfind("\n", 0, pos) + 1)
    end_match = re.compile(r"[.!?](?:\s|$)").search(body, pos)
    end = end_match.end() if end_match else len(body)
    return body[start:end]


def _hedged(body: str, count: _Count) -> bool:
    """Approximate, cumulative, evolving or quoted counts are not compared."""
    sentence = f" {count.sentence.lower()} "
    for hedge in cue_lexicon().count_hedges:
        if re.search(r"\b" + re.escape(hedge) + r"\b", sentence):
            return True
    line = body[body.rfind("\n", 0, count.start) + 1 : count.start]
    return line.count('"') % 2 == 1 or line.count("“") > line.count("”")


def _finding(a: _Count, b: _Count) -> Finding:
    return Finding(
        id="",
        kind="numeric",
        message=(
            f"The number {a.key} is given as {a.value} (offset {a.start}) and as {b.value} "
            f"(offset {b.start}): the two counts disagree."
        ),
        spans=[Span(start=a.start, end=a.end), Span(start=b.start, end=b.end)],
        severity="warning",
    )
