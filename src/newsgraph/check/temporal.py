"""Temporal anomalies: dates that cannot be right given the publication date.

- an ended (or ending) year presented as upcoming: "is expected to set the tone for the
  policies in 2024" in an article published 2024-12-30 (or any time in 2025);
- a past event dated after publication: an asserted event whose date starts after the
  article was published, its trigger in the past tense.
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.model import Analysis, Finding, Span

# The year counts as "upcoming" only if its year has ended, or is in its last weeks.
_LAST_WEEKS_FROM = (12, 15)
_FUTURE_CUE = re.compile(
    r"\b(?:(?:is|are)\s+(?:expected|set|scheduled|due|slated|poised|planned|likely)\s+to"
    r"|(?<!her )(?<!his )(?<!the )(?<!own )(?<!their )(?<!free )(?<!against )will(?=\s+[a-z])"
    r"|upcoming|forthcoming)\b",
    re.IGNORECASE,
)
# No sentence end, clause break or relative clause between the cue and the year.
_GAP = r"(?:(?![.;:!?\n]|\b(?:which|who|that|since|when|after|before|ago|last)\b)[^\"“”])"
_FUTURE_YEAR = re.compile(
    _FUTURE_CUE.pattern + _GAP + r"{0,90}?\b(?:in|for|during)\s+(?P<year>(?:19|20)\d\d)\b(?!-|–)",
    re.IGNORECASE,
)
_PAST_PARTICIPLE_BEFORE = re.compile(r"\b\w+ed\s+(?:in|for|during)\s+\d{4}$", re.IGNORECASE)
_PAST_TRIGGER = re.compile(r"^\w+ed$|^(?:was|were|had|held|met|said|told|took|began|won|lost)$")


def temporal_anomalies(analysis: Analysis) -> list[Finding]:
    published = _published(analysis)
    if published is None:
        return []
    return [*_ended_year_as_upcoming(analysis.article.body, published),
            *_past_event_after_publication(analysis, published)]


def _published(analysis: Analysis) -> dt.date | None:
    try:
        return dt.date.fromisoformat(analysis.article.published or "")
    except ValueError:
        return None


def _ended_year_as_upcoming(body: str, published: dt.date) -> list[Finding]:
    findings = []
    late_in_year = (published.month, published.day) >= _LAST_WEEKS_FROM
    for m in _FUTURE_YEAR.finditer(body):
        year = int(m.group("year"))
        if _PAST_PARTICIPLE_BEFORE.search(m.group(0)):
            continue  # "will be tried for crimes committed in 2018"
        if _inside_quote(body, m.start()):
            continue
        if year < published.year or (year == published.year and late_in_year):
            ended = "has ended" if year < published.year else "is ending"
            findings.append(
                Finding(
                    id="",
                    kind="temporal",
                    message=(
                        f"“{m.group(0).strip()}” presents {year} as upcoming, but the article "
                        f"is published {published.isoformat()} and {year} {ended}: "
                        f"{published.year + 1 if year == published.year else 'a later year'} "
                        "is probably meant."
                    ),
                    spans=[Span(start=m.start(), end=m.end())],
                    severity="warning",
                )
            )
    return findings


def _inside_quote(body: str, pos: int) -> bool:
    """Inside a quotation the speaker's own time applies: don't flag it."""
    line_start = body.rfind("\n", 0, pos) + 1
    before = body[line_start:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _past_event_after_publication(analysis: Analysis, published: dt.date) -> list[Finding]:
    findings = []
    for event in analysis.events:
        start = _date(event.date.start)
        if start is None or start <= published or event.status != "asserted":
            continue
        if not _PAST_TRIGGER.match(event.trigger.text.lower()):
            continue
        findings.append(
            Finding(
                id="",
                kind="temporal",
                message=(
                    f"“{event.trigger.text}” reports a past event dated {event.date.start}, "
                    f"after the article's publication on {published.isoformat()}."
                ),
                spans=[Span(start=event.span.start, end=event.span.end)],
                severity="warning",
            )
        )
    return findings


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return None
