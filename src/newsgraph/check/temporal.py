"""Temporal anomalies: dates that cannot be right given the publication date.

- an ended (or ending) year presented as upcoming: "is expected to set the tone for the
  policies in 2024" in an article published 2024-12-30 (or any time in 2025);
- a past event dated after publication: an asserted event whose date starts after the
  article was published, its trigger in the past tense;
- one event given two dates: the same action (type, CAMEO code, trigger word) by the same
  actors on the same actors, reported twice with explicit dates that do not overlap.
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
_EXPLICIT = re.compile(r"\d")
_REPEATED = re.compile(
    r"\b(?:again|another|second|third|new|renewed|repeated|once more|also|previous|earlier|latest)\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(
    r"\b(?:the|this|that)\s+((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]{4,})", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words between a trigger and a date that hand the date to another action.
_EMBEDDING = re.compile(
    r"\b(?:until|till|by|since|for|effective|scheduled|slated|due|to|will|would|before|after"
    r"|from|through|starting|beginning|ahead|next|planned|set)\b|[.;!?\n]",
    re.IGNORECASE,
)
_PAST_TRIGGER = re.compile(r"^\w+ed$|^(?:was|were|had|held|met|said|told|took|began|won|lost)$")


def temporal_anomalies(analysis: Analysis) -> list[Finding]:
    published = _published(analysis)
    if published is None:
        return []
    return [
        *_ended_year_as_upcoming(analysis.article.body, published),
        *_past_event_after_publication(analysis, published),
        *_one_event_two_dates(analysis),
    ]


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
    """Only where the date is a calendar date with its year, right next to the past-tense
    trigger ("signed on March 5, 2025"): a clause's date often belongs to an embedded
    action ("announced his resignation effective July 31", "scheduled for July 11"), and a
    year inferred for "Monday" or "early June" is the time extractor's guess, not the text's."""
    body = analysis.article.body
    times = {t.id: t for t in analysis.times}
    findings = []
    for event in analysis.events:
        start = _date(event.date.start)
        if start is None or start <= published or event.status != "asserted":
            continue
        words = event.trigger.text.lower().split()
        if not words or not _PAST_TRIGGER.match(words[0]):  # "signed a treaty": signed
            continue
        when = times.get(event.date.time_id or "")
        if when is None or not _YEAR.search(when.text):
            continue
        gap = body[min(event.trigger.end, when.end) : max(event.trigger.start, when.start)]
        if len(gap) > 40 or _EMBEDDING.search(gap):
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


def _trigger_words(text: str) -> set[str]:
    """The first and last word of a trigger ("signed a defense treaty": signed, treaty)."""
    words = [w.removesuffix("s") for w in re.findall(r"[a-z]+", text.lower())]
    return {words[0], words[-1]} if words else set()


def _refers_back(first: str, later: str) -> bool:
    """The later report names the first one's thing with a definite article ("signed a
    defense treaty" … "The treaty, which they signed …")."""
    earlier = set(re.findall(r"[a-z]{4,}", first.lower()))
    return any(set(m.group(1).lower().split()) & earlier for m in _DEFINITE.finditer(later))


def _one_event_two_dates(analysis: Analysis) -> list[Finding]:
    """Pairs of reports of one event whose explicit dates do not overlap. Strict on purpose:
    the same actors doing the same thing twice (two meetings) is common, so the pair must
    agree on type, CAMEO code, trigger word, sources and targets, and both dates must come
    from the text's own time expressions with different wordings."""
    times = {t.id: t for t in analysis.times}
    dated = [
        e for e in analysis.events
        if e.source and e.status in ("asserted", "alleged") and e.date.time_id in times
        and _date(e.date.start) and _date(e.date.end)
    ]  # fmt: skip
    findings: list[Finding] = []
    flagged: set[str] = set()
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if a.id in flagged or b.id in flagged:
                continue
            same = (
                a.type == b.type and a.cameo == b.cameo
                and bool(_trigger_words(a.trigger.text) & _trigger_words(b.trigger.text))
                and set(a.source) == set(b.source) and set(a.target) == set(b.target)
            )  # fmt: skip
            ta, tb = times[a.date.time_id or ""], times[b.date.time_id or ""]
            if not same or ta.text.lower() == tb.text.lower():
                continue
            if not (_EXPLICIT.search(ta.text) and _EXPLICIT.search(tb.text)):
                continue  # only calendar dates ("June 19, 2024", "2023"), not "Monday"
            body = analysis.article.body
            if any(_REPEATED.search(body[e.span.start : e.span.end]) for e in (a, b)):
                continue  # "met again", "a second summit": two events, not one
            # the later report's clause and the noun phrase it may hang from ("The treaty,
            # which they signed ..."): up to 60 characters before it, same sentence
            lead = body[max(0, b.span.start - 60) : b.span.start]
            lead = re.split(r"[.!?\n]", lead)[-1]
            if not _refers_back(
                body[a.span.start : a.span.end], lead + body[b.span.start : b.span.end]
            ):
                continue  # no "the treaty" pointing back at the first report
            if not (
                (a.date.end or "") < (b.date.start or "")
                or (b.date.end or "") < (a.date.start or "")
            ):
                continue  # the dates overlap: consistent (or one refines the other)
            flagged.update((a.id, b.id))
            findings.append(
                Finding(
                    id="",
                    kind="temporal",
                    message=(
                        f"The same event (“{a.trigger.text}”, {a.type}) is dated “{ta.text}” "
                        f"({a.date.start}) at offset {a.trigger.start} and “{tb.text}” "
                        f"({b.date.start}) at offset {b.trigger.start}: one of the dates is "
                        "likely wrong."
                    ),
                    spans=[
                        Span(start=a.span.start, end=a.span.end),
                        Span(start=b.span.start, end=b.span.end),
                    ],
                    severity="warning",
                )
            )
    return findings
