"""Toponym recognition: which spans of the text name places (no resolution here).

Two sources: spaCy's GPE/LOC/FAC entities (``strong``), and gazetteer matches of capitalised
token runs that spaCy left unlabelled or labelled as ORG/NORP/PERSON (``weak``: the resolver keeps
them only when the article's context or a strong prior supports a reading). Demonyms and
adjectives of place ("North Korean", "Western") are never toponyms: they describe actors.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsgraph.extract.gazetteer import Gazetteer, normalize_name
from newsgraph.read.doccache import doc_ents, doc_sents, doc_text, doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# spaCy's small model often files an unfamiliar place under these; a gazetteer match of the whole
# entity is then a weak toponym.
MISLABELLED = frozenset({"ORG", "NORP", "PERSON"})
# Entities whose tokens are never scanned for place names (dates, amounts, works, laws, ...).
CLOSED_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART",
     "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
)  # fmt: skip
CONNECTORS = frozenset(
    {"of", "de", "del", "la", "el", "al", "upon", "on", "da", "do", "dos", "'s", "\u2019s"}
)  # "'s": "People's Republic of China"
LEFT_CONNECTORS = CONNECTORS | {"the"}
# Lower-case words inside a name that may follow the part the NER kept ("Rio Grande do Sul").
NAME_LINKS = CONNECTORS - {"'s", "\u2019s", "on", "upon"}
# Features for which an ORG-labelled whole name is read as a place.
WHOLE_ORG_FEATURES = frozenset(
    {"country", "admin1", "region", "continent", "sea", "ocean", "island", "peninsula"}
)
TRAILING = ("'s", "\u2019s", "'", "\u2019")
# Words that mark a name as an administrative division ("Buenos Aires Province", "the state of
# New York", "New York state") or as a city ("New York City", "the city of Buenos Aires").
_DIVISION_WORDS = (
    "state|province|region|county|prefecture|governorate|district|department|oblast|territory"
)
_DIVISION_AFTER = re.compile(rf"^\s+(?:{_DIVISION_WORDS})\b", re.IGNORECASE)
_DIVISION_BEFORE = re.compile(rf"\bthe (?:{_DIVISION_WORDS}) of\s+(?:the\s+)?$", re.IGNORECASE)
# Parts of a listed entity: split at commas and at dashes between words ("Central Africa -
# Nigeria"), never at a hyphen inside a name ("Guinea-Bissau").
_LIST_SEPARATOR = re.compile(r",|\s[-\u2013\u2014]\s")
_REGION_AFTER = re.compile(r"^\s+region\b", re.IGNORECASE)
_CITY_AFTER = re.compile(r"^\s+city\b", re.IGNORECASE)
_CITY_BEFORE = re.compile(r"\bcity of\s+(?:the\s+)?$", re.IGNORECASE)
# A capitalised word heading a sentence is only a candidate when tagged a proper noun.


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    strong: bool  # recognised by the NER as a place (weak: gazetteer match needing support)
    key: str  # the gazetteer index key
    inside_org: bool = False  # part of an organisation's name ("the U.S. Army")
    marker: str = ""  # "division", "region" or "city" when the text says ("Buenos Aires Province")
    sentence: int = 0  # index of the sentence holding it
    entity: bool = False  # weak, but a whole NER entity (a place the NER mislabelled?)


def _trim(text: str, start: int) -> tuple[str, int]:
    """Drop a leading article and a trailing possessive; return the text and its new start."""
    for suffix in TRAILING:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    for article in ("the ", "The "):
        if text.startswith(article):
            text, start = text[len(article):], start + len(article)
    text = text.rstrip(" ,")
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.")
    return text, start


def _split_list(span: Span) -> list[tuple[str, int]]:
    """Split an entity like "Pandi, Bulacan" or "Central Africa - Nigeria" into its parts."""
    parts: list[tuple[str, int]] = []
    offset = 0
    for piece in _LIST_SEPARATOR.split(span.text):  # no capturing group: pieces only
        stripped = piece.strip()
        if stripped:
            at = span.text.index(piece, offset) + piece.index(stripped)
            parts.append((stripped, span.start_char + at))
        offset = span.text.index(piece, offset) + len(piece)
    return parts


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _gazetteer_run_matches(
    doc: Doc, gazetteer: Gazetteer, blocked: list[bool]
) -> list[Toponym]:
    """Longest gazetteer matches over capitalised token runs not covered by other entities."""
    # the token attributes read once, as lists: ``doc[i]`` and ``doc[i:j]`` build new spaCy
    # objects on every access, and the window loop below asks for each token many times
    text = doc_text(doc)
    tokens = doc_tokens(doc)
    caps = [t.text[:1].isupper() for t in tokens]
    propn = [t.pos_ == "PROPN" for t in tokens]
    joins = [t.lower_ in CONNECTORS for t in tokens]
    sent_start = [bool(t.is_sent_start) for t in tokens]
    starts = [t.idx for t in tokens]
    ends = [t.idx + len(t.text) for t in tokens]
    found: list[Toponym] = []
    i, n = 0, len(tokens)
    while i < n:
        if blocked[i] or not caps[i] or (sent_start[i] and not propn[i]):
            i += 1
            continue
        matched = 0
        for size in range(min(gazetteer.max_words, n - i), 0, -1):
            j = i + size
            if any(blocked[i:j]) or not caps[j - 1]:
                continue
            if any(not caps[k] and not joins[k] for k in range(i, j)):
                continue
            if not any(propn[i:j]):
                continue
            surface = text[starts[i] : ends[j - 1]]
            key = normalize_name(surface)
            if key in gazetteer and key not in gazetteer.demonyms:
                found.append(Toponym(starts[i], ends[j - 1], surface, False, key))
                matched = size
                break
        i += matched or 1
    return found


def _places_inside_org(ent: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names inside an organisation's name ("the U.S. Army", "Mexico City Health
    Department"), longest first: weak toponyms (the resolver keeps only self-evident features
    and big cities for these). A name covering the whole entity is a mislabelled place
    ("Ceamurlia de Jos"), weak but judged like any other."""
    found: list[Toponym] = []
    doc, i = ent.doc, ent.start
    while i < ent.end:
        matched = 0
        for end in range(min(ent.end, i + gazetteer.max_words), i, -1):
            span = doc[i:end]
            if not _is_capitalised(span[0]) or not _is_capitalised(span[-1]):
                continue
            if any(not _is_capitalised(t) and t.lower_ not in CONNECTORS for t in span):
                continue
            if not any(t.pos_ == "PROPN" for t in span) or gazetteer.is_demonym(span.text):
                continue
            key = gazetteer.key_for(span.text)
            if key is not None:
                whole = span.start == ent.start and span.end == ent.end
                text, start = _trim(span.text, span.start_char)  # "The Mexico City"
                found.append(
                    Toponym(start, start + len(text), text, False, key, not whole, entity=whole)
                )
                matched = end - i
                break
        i += matched or 1
    return found


def _whole_org_place(ent: Span, gazetteer: Gazetteer) -> Toponym | None:
    """An "organisation" whose whole name is a country, division or region ("DR Congo",
    "Guinea-Bissau", "the Pacific Northwest"): one weak toponym, not its parts."""
    text, start = _trim(ent.text, ent.start_char)
    key = gazetteer.key_for(text)
    if key is None or gazetteer.is_demonym(text):
        return None
    if not any(c.entry.feature in WHOLE_ORG_FEATURES for c in gazetteer.lookup(key)):
        return None
    return Toponym(start, start + len(text), text, False, key, entity=True)


def _whole_place(ent: Span, gazetteer: Gazetteer) -> Toponym | None:
    """An entity whose whole name is a gazetteer place: a weak toponym."""
    text, start = _trim(ent.text, ent.start_char)
    key = gazetteer.key_for(text)
    if key is None or gazetteer.is_demonym(text):
        return None
    return Toponym(start, start + len(text), text, False, key, entity=True)


def _extend_right(ent: Span, gazetteer: Gazetteer) -> Span:
    """Grow an entity over a hyphenated or capitalised continuation that the NER cut off
    ("Saxony" + "-Anhalt", "Guinea" + "-Bissau", "Rio Grande" + "do Sul") when the longer name
    is in the gazetteer."""
    doc = ent.doc
    best = ent
    for end in range(ent.end + 1, min(ent.end + 3, len(doc)) + 1):
        added = doc[ent.end : end]
        if not all(t.text == "-" or _is_capitalised(t) or t.lower_ in NAME_LINKS for t in added):
            break
        if added[-1].text == "-" or added[-1].lower_ in NAME_LINKS:
            continue
        longer = doc[ent.start : end]
        if " -" in longer.text or "- " in longer.text:
            break  # a dash between words, not a hyphenated name
        if gazetteer.key_for(_trim(longer.text, longer.start_char)[0]) is not None:
            best = longer
    return best


def _marker(top: Toponym, text: str) -> str:
    """Does the text call this name a division or a city, in the name itself (a generic word the
    gazetteer key dropped) or in the words around it?"""
    own = normalize_name(top.text)
    if own != top.key:
        if own.endswith(" city") or own.startswith("city of "):
            return "city"
        return "region" if own.endswith(" region") else "division"
    after, before = text[top.end : top.end + 16], text[max(0, top.start - 24) : top.start]
    if _REGION_AFTER.match(after):
        return "region"  # "the Somme region", but also "the tropical Pacific region"
    if _DIVISION_AFTER.match(after) or _DIVISION_BEFORE.search(before):
        return "division"
    if _CITY_AFTER.match(after) or _CITY_BEFORE.search(before):
        return "city"
    return ""


def _extend_left(ent: Span, gazetteer: Gazetteer, blocked: list[bool]) -> Span:
    """Grow an entity over capitalised words and connectors before it that the NER left out
    ("Democratic Republic of the" + "Congo") when the longer name is in the gazetteer."""
    doc = ent.doc
    best = ent
    for start in range(ent.start - 1, max(ent.start - gazetteer.max_words, 0) - 1, -1):
        tok = doc[start]
        if blocked[start] or not (_is_capitalised(tok) or tok.lower_ in LEFT_CONNECTORS):
            break
        longer = doc[start : ent.end]
        if _is_capitalised(tok) and gazetteer.key_for(longer.text) is not None:
            best = longer
    return best


def recognize_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponym spans in text order, demonyms excluded."""
    toponyms: list[Toponym] = []
    blocked = [False] * len(doc)
    blocked_before = [False] * len(doc)  # tokens of the entities seen so far
    for ent in doc_ents(doc):
        if ent.label_ not in PLACE_LABELS:  # a place may grow over the place before it
            for k in range(ent.start, ent.end):
                blocked_before[k] = True
        if ent.label_ in PLACE_LABELS or ent.label_ in MISLABELLED or ent.label_ in CLOSED_LABELS:
            for k in range(ent.start, ent.end):
                blocked[k] = True
        if ent.label_ not in PLACE_LABELS and ent.label_ not in MISLABELLED:
            continue
        if ent.label_ == "PERSON" and len(ent) > 1:
            # a full personal name, even if a town shares a part of it; but a whole
            # gazetteer name ("Burkina Faso", "Milton Keynes") may be a mislabelled place
            whole = _whole_place(ent, gazetteer)
            toponyms.extend([whole] if whole else [])
            continue
        if ent.label_ == "ORG" and len(ent) > 1:
            whole = _whole_org_place(ent, gazetteer)
            toponyms.extend([whole] if whole else _places_inside_org(ent, gazetteer))
            continue
        strong = ent.label_ in PLACE_LABELS
        grown = _extend_left(_extend_right(ent, gazetteer), gazetteer, blocked_before)
        if grown.start < ent.start:  # it swallowed an entity cut from it ("Democratic Republic")
            toponyms = [t for t in toponyms if t.end <= grown.start_char]
        for part, part_start in _split_list(grown):
            text, start = _trim(part, part_start)
            key = gazetteer.key_for(text) if text and not gazetteer.is_demonym(text) else None
            if key is None:
                continue
            # a lone word the NER took for an organisation may be a town; a lone PERSON word
            # is more likely a surname ("Campbell said")
            entity = ent.label_ in ("ORG", "NORP") and len(ent) == 1
            toponyms.append(Toponym(start, start + len(text), text, strong, key, entity=entity))
    # a surname seen in a full personal name ("Bruce Ivins" ... "Ivins said") is no place
    surnames = {
        tok.text
        for ent in doc_ents(doc)
        if ent.label_ == "PERSON" and len(ent) > 1
        for tok in ent[1:]
        if _is_capitalised(tok)  # not "'s"; both parts of "Navarro-Valls"
    }
    toponyms = [t for t in toponyms if t.strong or t.text not in surnames]
    toponyms.extend(
        t for t in _gazetteer_run_matches(doc, gazetteer, blocked) if t.text not in surnames
    )
    toponyms.sort(key=lambda t: t.start)
    starts = [s.start_char for s in doc_sents(doc)] if doc.has_annotation("SENT_START") else [0]
    text = doc_text(doc)
    return [
        replace(t, marker=_marker(t, text), sentence=bisect_right(starts, t.start) - 1)
        for t in toponyms
    ]
