"""Page furniture in copied text: classify each line, then keep the article's main block.

Text copied from a web page keeps the page around the article: menus, bylines, share
buttons, captions, related stories, comments, footers. Each line gets a few features
(length, sentence ending, lexicon kind from ``data/furniture/lexicon.yaml``); a line's
score is positive for prose and negative for furniture, and the main block is the
contiguous run of lines with the highest total score (never crossing an end-of-article
marker). Inside the block, prose is kept, furniture dropped, and a short line without
final punctuation between two prose paragraphs is kept as a subheading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from newsgraph.ingest.dates import has_date as text_has_date

LineKind = Literal["prose", "short", "nav", "end", "meta", "caption", "promo", "footer"]
FURNITURE_KINDS = frozenset({"end", "meta", "caption", "promo", "footer"})

# Sentence ends, allowing closing quotes/brackets after the mark. ":" ends a lead-in line.
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’»)\]]*$|[\"”’»]$")
_FINAL_STOP = re.compile(r"[.!?][\"'”’»)\]]*$")
_WORD = re.compile(r"\S+")
_OPENING_QUOTE = re.compile(r"^[\"“‘'«(\[]")

PROSE_MIN_WORDS = 6  # a line ending like a sentence with at least this many words is prose
LONG_LINE_WORDS = 15  # a line this long is prose even without final punctuation
HEADING_MAX_WORDS = 14
DATELINE_MAX_WORDS = 12


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    max_words: int
    not_sentence: bool


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, tuple[_Pattern, ...]]
    nav_words: frozenset[str]


@dataclass(frozen=True)
class Line:
    """One non-empty line of the input and what it looks like."""

    text: str
    words: int
    ends_sentence: bool
    kind: LineKind
    has_date: bool

    @property
    def is_furniture(self) -> bool:
        return self.kind in FURNITURE_KINDS

    @property
    def is_prose(self) -> bool:
        return self.kind == "prose"


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and compile the furniture lexicon once per process."""
    raw = yaml.safe_load(
        resources.files("newsgraph.data.furniture").joinpath("lexicon.yaml").read_text("utf-8")
    )
    patterns: dict[str, tuple[_Pattern, ...]] = {}
    for kind in ("end", "meta", "caption", "promo", "footer"):
        # One alternation per (max_words, not_sentence) group: far fewer regex calls a line.
        groups: dict[tuple[int, bool], list[str]] = {}
        for item in raw[kind]:
            key = (int(item.get("max_words", 40)), bool(item.get("not_sentence", False)))
            groups.setdefault(key, []).append(f"(?:{item['re']})")
        patterns[kind] = tuple(
            _Pattern(re.compile("|".join(res), re.IGNORECASE), max_words, not_sentence)
            for (max_words, not_sentence), res in groups.items()
        )
    nav = frozenset(str(w).lower() for w in raw["nav_words"])
    return Lexicon(patterns=patterns, nav_words=nav)


def _lexicon_kind(text: str, words: int, ends_sentence: bool) -> LineKind | None:
    lex = load_lexicon()
    for kind, patterns in lex.patterns.items():
        for pat in patterns:
            if words > pat.max_words or (pat.not_sentence and ends_sentence):
                continue
            if pat.regex.search(text):
                return kind  # type: ignore[return-value]
    return None


def _is_nav(tokens: list[str]) -> bool:
    """A short line made of menu words (Home, World, Politics, Share, ...)."""
    if not tokens or len(tokens) > 4:
        return False
    nav = load_lexicon().nav_words
    return all(t.lower().strip(",.:;") in nav for t in tokens)


def classify_line(text: str) -> Line:
    """Features and kind of one stripped, non-empty line."""
    tokens = _WORD.findall(text)
    words = len(tokens)
    ends_sentence = bool(_SENTENCE_END.search(text))
    has_date = words <= 40 and text_has_date(text)
    kind: LineKind | None = _lexicon_kind(text, words, bool(_FINAL_STOP.search(text)))
    if kind is None:
        if has_date and words <= DATELINE_MAX_WORDS and not _FINAL_STOP.search(text):
            kind = "meta"  # a dateline such as "Friday, January 4, 2019" or "Jun 3, 2023"
        elif _is_nav(tokens):
            kind = "nav"
        elif (ends_sentence and words >= PROSE_MIN_WORDS) or words >= LONG_LINE_WORDS:
            kind = "prose"
        else:
            kind = "short"
    return Line(text=text, words=words, ends_sentence=ends_sentence, kind=kind, has_date=has_date)


def line_score(line: Line) -> float:
    """Positive for prose, negative for furniture: the main block maximises the sum."""
    if line.kind == "prose":
        return float(line.words) if line.ends_sentence else line.words / 2
    if line.kind == "short":
        return 1.0 if line.ends_sentence else -1.0 - line.words / 4
    if line.kind == "nav":
        return -2.0
    # Furniture: long furniture (cookie notices) weighs more. Gentle enough that a box of
    # teasers in the middle of an article does not cut off the paragraphs after it.
    return -2.0 - line.words / 2


def main_block(lines: list[Line]) -> tuple[int, int]:
    """(start, end) of the best contiguous block of lines, end exclusive; (0, 0) if none.

    Maximum-sum subarray over line scores (Kadane), restarted at end-of-article markers so
    the block never spans comments or related stories below the article.
    """
    best, best_span = 0.0, (0, 0)
    run, run_start = 0.0, 0
    for i, line in enumerate(lines):
        if line.kind == "end":
            run, run_start = 0.0, i + 1
            continue
        if run <= 0:
            run, run_start = 0.0, i
        run += line_score(line)
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def is_heading(line: Line) -> bool:
    """A short line without final punctuation that could be a subheading."""
    text = line.text
    return (
        line.kind in ("short", "nav")
        and 1 <= line.words <= HEADING_MAX_WORDS
        and not re.search(r"[.,;:]$", text)
        and (text[0].isupper() or text[0].isdigit())
        and not _OPENING_QUOTE.match(text)
        and not line.has_date
    )


def select_body(lines: list[Line], start: int, end: int) -> list[tuple[int, bool]]:
    """Indexes of body lines inside the block, each with a flag: is it a subheading."""
    kept: list[tuple[int, bool]] = []
    for i in range(start, end):
        line = lines[i]
        if line.is_furniture:
            continue
        if line.kind == "prose" or (line.kind == "short" and line.ends_sentence):
            if line.words >= LONG_LINE_WORDS or not _between_furniture(lines, i, start, end):
                kept.append((i, False))
            continue
        prev_prose = bool(kept) and not kept[-1][1] and lines[kept[-1][0]].is_prose
        if prev_prose and is_heading(line) and _next_is_prose(lines, i + 1, end):
            kept.append((i, True))
    return kept


def _between_furniture(lines: list[Line], i: int, start: int, end: int) -> bool:
    """Both neighbours are furniture or menus: a teaser in a "Keep reading" box, not a
    paragraph (a short paragraph sits next to other paragraphs or a subheading)."""

    def is_furniture(j: int) -> bool:
        return not start <= j < end or lines[j].is_furniture or lines[j].kind == "nav"

    return is_furniture(i - 1) and is_furniture(i + 1)


def _next_is_prose(lines: list[Line], i: int, end: int) -> bool:
    """The next non-furniture line in the block is prose."""
    for j in range(i, end):
        if lines[j].is_furniture:
            continue
        return lines[j].is_prose
    return False
