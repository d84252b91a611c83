"""Find quoted stretches of text by their marks, whatever the style.

Handles straight double quotes, curly “ ” and ‘ ’, guillemets « » (and » « as used in
some languages), straight single quotes, and news style multi-paragraph quotes (each
continued paragraph reopens the quote and only the last one closes it). Apostrophes
(Korea’s, don't, parents’) are told apart from closing single quotes by context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each mark family: (open chars, close chars). Straight quotes open and close alike.
_CURLY_DOUBLE = ("“„", "”")
_CURLY_SINGLE = ("‘‚", "’")
_GUILLEMET = ("«", "»")
_STRAIGHT_DOUBLE = '"'
_STRAIGHT_SINGLE = "'"

_MARK_RE = re.compile(r"[\"“”„«»‘’‚']")
_WORDCHAR = re.compile(r"\w")
_MAX_SINGLE_LEN = 400  # single quotes longer than this are probably apostrophes paired wrongly


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: ``start``/``end`` bound the text inside the marks."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    close_end: int  # offset just after the closing mark
    family: str  # "double" or "single"
    paragraphs: int = 1


def _is_word(ch: str) -> bool:
    return bool(ch) and bool(_WORDCHAR.match(ch))


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else ""


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else ""


def _can_open(text: str, i: int) -> bool:
    """A mark opens when it follows a space/start/bracket/dash and precedes a non-space."""
    before, after = _prev(text, i), _next(text, i)
    return (before == "" or before.isspace() or before in "([{—–-/:") and after != "" and not (
        after.isspace()
    )


def _can_close(text: str, i: int) -> bool:
    """A mark closes when it follows a non-space and is not followed by a letter or digit."""
    before, after = _prev(text, i), _next(text, i)
    return before != "" and not before.isspace() and not _is_word(after)


def _role(text: str, i: int, ch: str) -> str:
    """'open', 'close', 'both' or 'none' for the mark at ``i``."""
    if ch in _CURLY_DOUBLE[0] or ch == _GUILLEMET[0]:
        return "open"
    if ch in _CURLY_DOUBLE[1] or ch == _GUILLEMET[1]:
        return "close"
    if ch in _CURLY_SINGLE[0]:
        return "open" if not _is_word(_prev(text, i)) else "none"
    # ’ and ' are mostly apostrophes: only context makes them quote marks.
    opens, closes = _can_open(text, i), _can_close(text, i)
    if ch == _STRAIGHT_DOUBLE:
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return "both"
    if _is_word(_prev(text, i)) and _is_word(_next(text, i)):
        return "none"  # inside a word: don't, Korea’s
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "none"


def _family(ch: str) -> str:
    return "double" if ch in "\"“”„«»" else "single"


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch in ``text``, outermost first; inner quotes are dropped."""
    spans: list[Quoted] = []
    for family in ("double", "single"):
        spans.extend(_pair_family(text, family))
    spans.sort(key=lambda q: (q.open_at, -q.close_end))
    kept: list[Quoted] = []
    for q in spans:
        if kept and q.open_at < kept[-1].close_end:
            continue  # nested or crossing: the outer (earlier, longer) quote wins
        kept.append(q)
    return kept


def _pair_family(text: str, family: str) -> list[Quoted]:
    marks = [
        (m.start(), m.group())
        for m in _MARK_RE.finditer(text)
        if _family(m.group()) == family
    ]
    found: list[Quoted] = []
    open_at: int | None = None
    segment_at = 0  # where the quote's current paragraph began
    reopened = 0  # paragraphs continued since the quote opened
    for pos, ch in marks:
        role = _role(text, pos, ch)
        if role == "none":
            continue
        if open_at is not None and "\n" in text[segment_at:pos]:
            if _continues_next_paragraph(text, pos, role):
                reopened += 1
                segment_at = pos
                continue
            open_at, reopened = None, 0  # unclosed at paragraph end: drop it
        if open_at is None:
            if role in ("open", "both"):
                open_at, segment_at, reopened = pos, pos, 0
            continue
        if role in ("close", "both"):
            if pos > open_at + 1 and _plausible(family, open_at, pos):
                found.append(
                    Quoted(open_at, open_at + 1, pos, pos + 1, family, paragraphs=1 + reopened)
                )
            open_at, reopened = None, 0
        elif role == "open":
            # a stray opener: restart from the later one
            open_at, segment_at, reopened = pos, pos, 0
    return found


def _continues_next_paragraph(text: str, pos: int, role: str) -> bool:
    """News style: a quote left open at a paragraph end continues if the next one reopens."""
    line_start = text.rfind("\n", 0, pos) + 1
    return role in ("open", "both") and text[line_start:pos].strip() == ""


def _plausible(family: str, open_at: int, close_at: int) -> bool:
    return family == "double" or close_at - open_at <= _MAX_SINGLE_LEN
