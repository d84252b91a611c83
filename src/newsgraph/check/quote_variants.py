"""Quote variants: the same statement of one speaker quoted in different words.

Two short quotes count as one statement when their surroundings are the same words
(“toughest” response strategy / “strongest” response strategy); two full quotes when
most of their words are shared but not all. Quotes of different speakers never pair.
"""

from __future__ import annotations

import re
from itertools import combinations

from newsgraph.model import Analysis, Finding, Quote, Span

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "for",
        "with",
        "by",
        "at",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "its",
        "this",
        "that",
    ]
)
_CONTEXT_WORDS = 2
_SHORT = 4  # a partial quote of at most this many words is compared by its context
_LONG_MIN = 6
_LONG_SIMILAR = 0.6


def quote_variants(analysis: Analysis) -> list[Finding]:
    body = analysis.article.body
    quotes = [q for q in analysis.quotes if q.kind in ("direct", "partial")]
    findings: list[Finding] = []
    for a, b in combinations(quotes, 2):
        if a.speaker != b.speaker or a.speaker is None:
            continue
        if _normal(a.text) == _normal(b.text):
            continue
        if _short_variant(body, a, b) or _long_variant(a, b):
            findings.append(_finding(a, b))
    return findings


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _normal(text: str) -> str:
    return " ".join(_words(text))


def _short_variant(body: str, a: Quote, b: Quote) -> bool:
    wa, wb = _words(a.text), _words(b.text)
    if a.kind != "partial" or b.kind != "partial":
        return False
    if not (_embedded(body, a.end) and _embedded(body, b.end)):
        return False
    if not (0 < len(wa) <= _SHORT and 0 < len(wb) <= _SHORT):
        return False
    if set(wa) & set(wb):
        return False  # "new strategy" vs "strategy": a shortening, not another wording
    after_a, after_b = _after(body, a.end), _after(body, b.end)
    return (
        len(after_a) == _CONTEXT_WORDS
        and after_a == after_b
        and any(w not in _STOP for w in after_a)
    )


def _embedded(body: str, end: int) -> bool:
    """The quote modifies what follows: closing mark, a space, a lower-case word."""
    return bool(_EMBEDDED.match(body, end))


_EMBEDDED = re.compile(r"[\"”’»'] [a-z]")


def _after(body: str, end: int) -> list[str]:
    """The words right after a quote's closing mark, in the same sentence."""
    tail = body[end : end + 80]
    tail = re.split(r"[.!?;:\n]", tail, maxsplit=1)[0]
    tail = tail.lstrip(" ,.\"”’»'")
    if tail[:1] in (",",):
        return []
    return _words(tail)[:_CONTEXT_WORDS]


def _long_variant(a: Quote, b: Quote) -> bool:
    sa, sb = set(_words(a.text)), set(_words(b.text))
    if min(len(_words(a.text)), len(_words(b.text))) < _LONG_MIN:
        return False
    if sa <= sb or sb <= sa:
        return False  # one quotes a part of the other
    return len(sa & sb) / len(sa | sb) >= _LONG_SIMILAR


def _finding(a: Quote, b: Quote) -> Finding:
    return Finding(
        id="",
        kind="quote_variant",
        message=(
            f"The same speaker is quoted as “{a.text}” (offset {a.start}) and as “{b.text}” "
            f"(offset {b.start}) in the same context: one of the wordings is likely wrong."
        ),
        spans=[Span(start=a.start, end=a.end), Span(start=b.start, end=b.end)],
        severity="warning",
    )
