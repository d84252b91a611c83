"""Event lexicons and the CAMEO/PLOVER ontology tables, loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsgraph.read.doccache import lefts_of

ONTOLOGY = "newsgraph.data.ontology"
EVENTS = "newsgraph.data.events"


FUNCTION_WORDS = frozenset(
    [
        "to",
        "for",
        "from",
        "with",
        "into",
        "in",
        "on",
        "at",
        "by",
        "of",
        "over",
        "against",
        "up",
        "down",
        "out",
        "off",
        "away",
        "back",
        "about",
        "under",
        "through",
        "across",
        "the",
        "a",
        "an",
    ]
)


@dataclass(frozen=True)
class CameoInfo:
    code: str
    plover: str | None
    mode: str | None
    goldstein: float | None
    quad_class: int | None


@dataclass(frozen=True)
class NounTrigger:
    code: str
    of_role: str  # "source" or "target": what an "of X" complement names


@dataclass(frozen=True)
class VerbEntry:
    code: str | None
    patterns: tuple[tuple[tuple[frozenset[str], ...], str], ...]


def _read(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _tsv(package: str, name: str) -> list[list[str]]:
    rows = []
    for line in _read(package, name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@lru_cache(maxsize=1)
def _plover_table() -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode) from CAMEO2PLOVER-2021.txt."""
    table: dict[str, tuple[str, str | None]] = {}
    for raw in _read(ONTOLOGY, "CAMEO2PLOVER-2021.txt").splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line or line.startswith("~"):
            continue
        code, _, rest = line.partition(":")
        parts = [p.strip() for p in rest.split(",")]
        if not code.strip().isdigit() or not parts[0]:
            continue
        # PLOVER's mode column, else its context column (e.g. 062 → "military")
        extra = [p.split(";")[0].strip() for p in parts[1:3] if p.strip()]
        mode = extra[0] if extra else None
        table.setdefault(code.strip(), (parts[0], mode))
    return table


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, tuple[float, int]]:
    out: dict[str, tuple[float, int]] = {}
    for line in _read(ONTOLOGY, "cameo-goldstein.jsonl").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["code"]] = (float(row["goldstein"]), int(row["quadclass"]))
    return out


@lru_cache(maxsize=512)
def cameo_info(code: str) -> CameoInfo:
    """PLOVER type, mode, Goldstein and QuadClass of a CAMEO code (falling back to its parents)."""
    plover: tuple[str, str | None] | None = None
    table = _plover_table()
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            plover = table[code[:k]]
            break
    if plover is None and code.startswith("02"):
        plover = ("REQUEST", None)  # PLOVER folds CAMEO appeals into REQUEST
    gold = _goldstein()
    scores = next((gold[code[:k]] for k in range(len(code), 1, -1) if code[:k] in gold), None)
    return CameoInfo(
        code=code,
        plover=plover[0] if plover else None,
        mode=plover[1] if plover else None,
        goldstein=scores[0] if scores else None,
        quad_class=scores[1] if scores else None,
    )


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, VerbEntry]:
    """Verb lemma → default CAMEO code and object-word patterns."""
    data = json.loads(_read(EVENTS, "cameo_verbs.json"))
    lex: dict[str, VerbEntry] = {}
    for block in data["blocks"]:
        patterns = tuple(
            (tuple(frozenset(alts) for alts in words), code) for words, code in block["patterns"]
        )
        for lemma, code in block["verbs"].items():
            old = lex.get(lemma)
            merged = (old.patterns if old else ()) + patterns
            lex[lemma] = VerbEntry(code=(old.code if old and old.code else code), patterns=merged)
    for lemma, code, *_ in _tsv(EVENTS, "verbs_core.tsv"):
        old = lex.get(lemma)
        lex[lemma] = VerbEntry(code=code, patterns=old.patterns if old else ())
    for lemma, words, code in _tsv(EVENTS, "verb_patterns.tsv"):
        # curated patterns first: among patterns of equal length the first listed wins
        slots = tuple(frozenset(slot.split("|")) for slot in words.split())
        old = lex.get(lemma)
        lex[lemma] = VerbEntry(
            code=old.code if old else None, patterns=((slots, code), *(old.patterns if old else ()))
        )
    return lex


@lru_cache(maxsize=1)
def core_verbs() -> frozenset[str]:
    return frozenset(row[0] for row in _tsv(EVENTS, "verbs_core.tsv"))


@lru_cache(maxsize=1)
def noun_triggers() -> dict[str, NounTrigger]:
    return {row[0]: NounTrigger(row[1], row[2]) for row in _tsv(EVENTS, "nouns.tsv")}


def noun_key(tok: Any) -> str:
    """The noun-trigger entry a noun stands for: its lemma, or the compound it heads where
    the head alone says nothing ("war games" is an exercise)."""
    lemma: str = tok.lemma_.lower()
    modifiers = compound_events().get(lemma)
    if modifiers:
        for child in lefts_of(tok):
            if child.dep_ == "compound" and child.lower_ in modifiers:
                return modifiers[child.lower_]
    return lemma


@lru_cache(maxsize=1)
def compound_events() -> dict[str, dict[str, str]]:
    """Head lemma → {compound modifier: noun-trigger entry} from frames.tsv's
    ``compound_events`` (written ``modifier_head=entry``)."""
    out: dict[str, dict[str, str]] = {}
    for item in frames()["compound_events"]:
        pair, _, entry = item.partition("=")
        modifier, _, head = pair.partition("_")
        out.setdefault(head, {})[modifier] = entry
    return out


# spaCy's small English model lemmatises every form of "stage" as "stag" (the deer)
LEMMA_FIXES = {"stag": "stage"}


def verb_lemma(tok: Any) -> str:
    """The lexicon's lemma for a verb token: spaCy's lemma with its known slips fixed and a
    British "-ise" spelling read as the "-ize" entry ("mobilise", "criticise")."""
    return _lexicon_lemma(tok.lemma_.lower())


@lru_cache(maxsize=4096)
def _lexicon_lemma(lemma: str) -> str:
    lemma = LEMMA_FIXES.get(lemma, lemma)
    if lemma.endswith("ise") and lemma not in verb_lexicon() and lemma not in light_verbs():
        american = lemma[:-3] + "ize"
        if american in verb_lexicon():
            return american
    return lemma


@lru_cache(maxsize=1)
def light_verbs() -> dict[str, str]:
    return {row[0]: row[1] for row in _tsv(EVENTS, "light_verbs.tsv")}


def verb_code(lemma: str, context_words: frozenset[str]) -> str | None:
    """The CAMEO code of a verb: its longest pattern matching the clause words, else its default.

    Defaults are trusted only for the curated core verbs: the PETRARCH blocks give generic
    verbs ("take", "move", "raise") codes that are right only with specific objects.
    """
    entry = verb_lexicon().get(lemma)
    if entry is None:
        return None
    patterns, by_first_word, always = _pattern_index(lemma)
    # only patterns whose first slot meets the clause can match: look those up by word
    # (a scan of all of a common verb's patterns per clause was most of this function)
    maybe = set(always)
    for word in context_words:
        maybe.update(by_first_word.get(word, ()))
    for i in sorted(maybe):
        words, code = patterns[i]
        if all(alts & context_words for alts in words):
            return code
    return entry.code if lemma in core_verbs() else None


@lru_cache(maxsize=4096)
def _pattern_index(
    lemma: str,
) -> tuple[tuple[tuple[Any, str], ...], dict[str, tuple[int, ...]], tuple[int, ...]]:
    """A verb's patterns longest first, the positions of those whose first slot holds each
    word, and those with no slot (which always match)."""
    patterns = _patterns_longest_first(lemma)
    by_word: dict[str, list[int]] = {}
    always = []
    for i, (words, _) in enumerate(patterns):
        if not words:
            always.append(i)
            continue
        for word in words[0]:
            by_word.setdefault(word, []).append(i)
    return patterns, {w: tuple(ix) for w, ix in by_word.items()}, tuple(always)


def _patterns_longest_first(lemma: str) -> tuple[tuple[Any, str], ...]:
    """A verb's usable patterns, longest first (the first match is the longest; ties keep
    dictionary order). A bare preposition says too little ("move into", "fight for")."""
    patterns = [
        (words, code)
        for words, code in verb_lexicon()[lemma].patterns
        if not all(alts <= FUNCTION_WORDS for alts in words)
    ]
    return tuple(sorted(patterns, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def frames() -> dict[str, frozenset[str]]:
    """Closed word classes for event frames (data/events/frames.tsv)."""
    return {row[0]: frozenset(row[1].split()) for row in _tsv(EVENTS, "frames.tsv")}
