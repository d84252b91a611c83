"""Extract actors: mentions resolved to canonical actors with CAMEO-style codes.

Codes: ISO 3166 alpha-3 country + optional three-letter role (PRKGOV, USAMIL); IGOs have their
own code and no country (UNO, NATO, EUR, IAEA, AFU, ASN, WHO, IMF, WBK, ...; IGO for an unnamed
international body such as "the international community"); WST is "the West".

Passes, each over tokens or matches in text order (no scans of the big tables):
1. gazetteer: longest token-sequence match of country names, demonyms, capitals, seats of
   government, known organisations and office-holders (actors_lexicon);
2. composition: [country|demonym] [role noun] [name] -> one mention ("Russian President Vladimir
   Putin" -> RUSGOV person, "North Korean troops" -> PRKMIL, "state media KCNA" -> KCNA);
3. spaCy PERSON/ORG entities left over: known office-holders by name, title and date,
   surnames by coreference to an earlier full name, else unknown persons/organisations;
4. acronyms defined as "Full Name (ACR)" and later uses of ACR;
5. definite descriptions and bare role nouns ("the party", "the President", "police",
   "flood victims", "Kim's government") with the country from the noun phrase, the sentence or
   the article's main country.

Mentions include a following possessive "'s" ("North Korea's").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.extract.actors_lexicon import (
    HEAD_OFFICES,
    PARLIAMENTARY,
    PARLIAMENTARY_HEADS,
    PERSON_TITLES,
    TITLE_OFFICES,
    Entry,
    Lexicon,
    Term,
    lexicon,
    norm_text,
)
from newsgraph.extract.context import Context
from newsgraph.model import Actor, ActorKind, Mention
from newsgraph.read.doccache import children_of, doc_ents, doc_text, doc_tokens, head_of, sent_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

POSSESSIVE = {"'s", "'", "s"}
# Nouns after a demonym that make it a place ("Korean Peninsula", "Russian Far East").
PLACE_NOUNS = {
    "peninsula", "border", "borders", "coast", "coastline", "waters", "territory", "territories",
    "region", "regions", "city", "cities", "capital", "soil", "side", "airspace", "mainland",
    "province", "provinces", "island", "islands", "sea", "far", "east", "north", "south", "west",
    "frontier", "countryside", "village", "villages", "town", "towns", "port", "ports", "desert",
}  # fmt: skip
# Prepositions whose object is a place when they hang on a motion/site word.
MOTION_PREPS = {"to", "into", "toward", "towards", "from", "via", "through", "across"}
SITE_PREPS = {"in", "at", "near", "outside", "inside", "around", "within"}
MOTION_WORDS = {
    "bring", "travel", "trip", "visit", "arrive", "arrival", "fly", "flight", "return", "go",
    "come", "move", "send", "deliver", "transfer", "flee", "evacuate", "head", "march", "drive",
    "relocate", "take", "carry", "deport", "transport", "journey", "leave", "depart", "land",
    "sail", "airlift", "escort", "road", "route", "way", "train", "bus", "walk", "ship",
}  # fmt: skip
# Words whose "in X" is the capital as a political actor ("alarm in Washington").
REACTION_WORDS = {
    "alarm", "concern", "worry", "fear", "anger", "outrage", "criticism", "condemnation",
    "debate", "view", "see", "welcome", "raise", "perceive", "suspicion", "skepticism",
    "scepticism", "doubt", "frustration", "official", "leader", "diplomat", "policymaker",
    "reaction", "response", "opposition", "support", "irritation", "dismay", "unease",
}  # fmt: skip
DEFINITE_ROLES = {"party": "PTY", "government": "GOV", "regime": "GOV", "administration": "GOV"}
# Heads of a noun phrase that make a country or demonym modifying them its military
# ("Israeli airstrikes", "a Russian ballistic missile strike", "U.S. military action").
MILITARY_HEADS = {
    "airstrike", "airstrikes", "strike", "strikes", "drone", "drones", "missile", "missiles",
    "shelling", "bombardment", "bombardments", "bombing", "bombings", "attack", "attacks",
    "offensive", "raid", "raids", "warplane", "warplanes", "jet", "jets", "warship", "warships",
    "artillery", "incursion", "incursions", "military", "air", "naval", "shell", "shells",
    "rocket", "rockets", "helicopter", "helicopters", "submarine", "submarines",
}  # fmt: skip
# Legislatures and courts that many countries name alike ("the Senate", "the National
# Assembly"): the country comes from the context, the seat's country only as a fallback.
CONTEXT_SEAT_ROLES = {"LEG", "JUD"}
# Anaphors for the country in focus ("the country's security crisis").
COUNTRY_ANAPHORS = {"country", "nation"}
# Single-token spaCy ORG entities with these endings are adjectives or common nouns
# ("Pentecostal", "Islamic", "Guardrails"), not organisations.
NOT_ORG_ENDINGS = ("al", "ic", "ian", "ist", "ish", "ive", "ous", "ing")
MIN_PLACE_POPULATION = 50_000
# Titles too vague to give a person their sentence's country ("Labour leader", "company
# director"); and persons take a country from their sentence only, never the article's.
VAGUE_TITLES = {"leader", "chairman", "chief", "director"}
EAST_ASIAN_ORDER = {"CHN", "PRK", "KOR", "TWN", "VNM", "HKG", "MNG", "SGP"}
MAX_TITLE_GAP = 1  # tokens allowed between a title and a name ("President-elect", commas: none)


# Tokens that close a wire dateline ("BAGHDAD, Iraq (Reuters) — ...").
DATELINE_DASHES = frozenset({"—", "–", "-", "--", ":"})


@dataclass
class Cand:
    """A resolved mention before actors are assembled (token span [start, end))."""

    start: int
    end: int
    key: str
    name: str
    code: str | None
    country: str | None
    role: str | None
    kind: ActorKind
    cut: int | None = None  # keep only this many characters of the last token ("U.S.-led")
    context_country: bool = False  # role known, country to take from the context at the end


@dataclass
class Match:
    start: int
    end: int
    entry: Entry
    cut: int | None = None


def _code(country: str | None, role: str | None) -> str | None:
    if country and role:
        return country + role
    return country or role


class _Extraction:
    """State of one article's actor extraction."""

    def __init__(self, doc: Doc, ctx: Context) -> None:
        self.doc = doc
        self.lex: Lexicon = lexicon()
        self.day: dt.date | None = ctx.published
        self.tokens = doc_tokens(doc)
        self.toks = [norm_text(t.text) for t in self.tokens]
        self.lower = [t.lower() for t in self.toks]
        self.taken = [False] * len(doc)
        self.cands: list[Cand] = []
        self.ent_at: dict[int, Span] = {}
        for ent in doc_ents(doc):
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.acronyms: dict[str, Cand] = {}
        self.place_countries: list[tuple[int, str]] = []

    # ---- helpers -------------------------------------------------------------------------
    def span_text(self, start: int, end: int) -> str:
        """Tokens [start, end) as written, typographic apostrophes made plain."""
        if start >= end:
            return ""
        return norm_text(self.doc[start:end].text)

    def add(self, cand: Cand) -> None:
        end = cand.end
        if (
            cand.cut is None
            and end < len(self.doc)
            and self.toks[end] in POSSESSIVE
            and self.tokens[end].tag_ == "POS"
        ):
            end += 1  # cover the possessive: "North Korea's"
        cand.end = end
        periods = self.lex.org_periods.get(cand.key)
        if periods and self.day is not None:
            for since, code, role in periods:  # ascending dates: the last one begun wins
                if since <= self.day:
                    cand.code, cand.role = code, role
        for i in range(cand.start, cand.end):
            self.taken[i] = True
        self.cands.append(cand)

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def gazetteer(self) -> list[Match]:
        matches: list[Match] = []
        i, n = 0, len(self.toks)
        while i < n:
            found = self._phrase_at(i)
            if found:
                matches.append(found)
                i = found.end
            else:
                i += 1
        return matches

    def _phrase_at(self, i: int) -> Match | None:
        for first in (self.toks[i], self.lower[i]) if self.toks[i] == "The" else (self.toks[i],):
            longest = self.lex.max_len.get(first, 0)
            for size in range(min(longest, len(self.toks) - i), 0, -1):
                key = (first, *self.toks[i + 1 : i + size])
                entry = self.lex.phrases.get(key)
                if entry is not None:
                    return Match(i, i + size, entry)
        return self._hyphen_prefix(i)

    def _hyphen_prefix(self, i: int) -> Match | None:
        """ "U.S.-led", "Russia-backed": the name before the hyphen of one token."""
        tok = self.toks[i]
        if "-" not in tok[1:]:
            return None
        prefix = tok.split("-", 1)[0]
        entry = self.lex.phrases.get((prefix,))
        if entry is None or entry.source not in ("country", "demonym", "org"):
            return None
        return Match(i, i + 1, entry, cut=len(prefix))

    def agent_at(self, i: int, limit: int | None = None) -> tuple[int, str] | None:
        """Longest agent-noun phrase starting at token i: (end, role)."""
        if i >= len(self.toks):
            return None
        longest = self.lex.agent_max_len.get(self.lower[i], 0)
        stop = min(len(self.toks), limit if limit is not None else len(self.toks))
        for size in range(min(longest, stop - i), 0, -1):
            role = self.lex.agents.get(tuple(self.lower[i : i + size]))
            if role is not None and self.tokens[i + size - 1].pos_ in ("NOUN", "PROPN"):
                return i + size, role
        return None

    def entity(self, i: int, labels: tuple[str, ...]) -> Span | None:
        ent = self.ent_at.get(i)
        return ent if ent is not None and ent.label_ in labels else None

    # ---- pass 1+2: gazetteer matches with composition -------------------------------------
    def compose(self, matches: list[Match]) -> None:
        by_start = {m.start: m for m in matches}
        for m in matches:
            if self.taken[m.start]:
                continue
            if m.entry.source in ("country", "demonym") and self._compose_role(m, by_start):
                continue
            if m.entry.source == "country" and self._compose_of(m):
                continue
            if self._inside_other_entity(m):
                continue
            if m.entry.source == "demonym" and not self._demonym_is_actor(m):
                continue
            if m.entry.source in ("country", "demonym") and self._military_head(m):
                continue
            if m.entry.source == "capital" and self._capital_is_place(m):
                continue
            if m.entry.source == "leader":
                start, title = self._title_before(m.start)
                if not self.free(start, m.start):
                    start, title = m.start, None
                self.add_person(start, m.end, self._leader_by_name(m), title, name_start=m.start)
                continue
            e = m.entry
            start = self._org_prefix(m.start) if e.source == "org" else m.start
            cand = Cand(start, m.end, e.key, e.name, e.code, e.country, e.role, e.kind, m.cut)
            cand.context_country = e.source == "seat" and e.role in CONTEXT_SEAT_ROLES
            self.add(cand)

    def _compose_of(self, m: Match) -> bool:
        """[title|body] of [country]( [name]) -> one actor: "President of Ghana", "Supreme
        Court of Iran", "President of Austria Alexander van der Bellen"."""
        of = m.start - 1
        if of < 1 or self.lower[of] != "of" or self.toks[m.end : m.end + 1] in (["'s"], ["'"]):
            return False
        for size in range(min(4, of), 0, -1):
            s = of - size
            role = self.lex.agents.get(tuple(self.lower[s:of]))
            if (
                role is None
                or not self.free(s, of)
                or self.tokens[of - 1].pos_ not in ("NOUN", "PROPN")
            ):
                continue
            if not (self.toks[s][:1].isupper() or (s > 0 and self.lower[s - 1] == "the")):
                return False  # "citizens of Ecuador": a people's country, not an institution
            title = " ".join(self.lower[s:of])
            # the capitalised words of the institution's name before its head noun belong to
            # it: "Socialist Party of Chile", "Islamic Revolutionary Guard Corps of Iran"
            while (
                s > 0
                and self.toks[s - 1][:1].isupper()
                and self.tokens[s - 1].pos_ in ("PROPN", "ADJ", "NOUN")
                and self.free(s - 1, of)
            ):
                s -= 1
            return self._add_titled(s, m, role, title)
        return False

    def _add_titled(self, start: int, m: Match, role: str, title: str) -> bool:
        country = m.entry.country
        end = m.end
        if end < len(self.toks) and self.toks[end] == ",":
            end += 1
        ent = self.entity(end, ("PERSON",))
        if ent is not None and ent.start == end and title in PERSON_TITLES:
            self.add_person(start, ent.end, None, (country, role, title), name_start=ent.start)
            return True
        if title in TITLE_OFFICES:
            term = self._office_holder(country, title)
            if term is not None:
                self.add(_term_cand(start, m.end, term))
                return True
        code = _code(country, role)
        kind: ActorKind = "person" if title in PERSON_TITLES else "organization"
        label = self.span_text(start, m.end)
        self.add(Cand(start, m.end, f"group:{code}", label, code, country, role, kind))
        return True

    def _military_head(self, m: Match) -> bool:
        """A country/demonym modifying a weapon or strike noun stands for its military."""
        if m.end < len(self.toks) and self.toks[m.end] in POSSESSIVE:
            return False
        for i in range(m.end, min(m.end + 3, len(self.toks))):
            tok = self.tokens[i]
            if self.lower[i] in MILITARY_HEADS:
                country = m.entry.country
                code = _code(country, "MIL")
                name = f"{self.lex.country_names.get(country or '', country)} military"
                self.add(Cand(m.start, m.end, f"group:{code}", name, code, country, "MIL",
                              "organization", m.cut))  # fmt: skip
                return True
            if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or self.taken[i]:
                return False
        return False

    def _org_prefix(self, i: int) -> int:
        """Start of a describing role phrase right before a named organisation ("state media")."""
        for size in range(3, 0, -1):
            s = i - size
            if s >= 0 and self.free(s, i) and self.lex.agents.get(tuple(self.lower[s:i])):
                return s
        return i

    def _inside_other_entity(self, m: Match) -> bool:
        """A name inside a longer entity of another kind ("Jordan Peterson", "Russian Far East")."""
        ent = self.ent_at.get(m.start)
        if ent is None or (ent.start >= m.start and ent.end <= m.end):
            return False
        if m.entry.source == "org" or (
            ent.label_ in ("NORP", "ORG", "GPE") and m.entry.source != "demonym"
        ):
            return False
        return ent.label_ in ("PERSON", "LOC", "FAC", "GPE", "WORK_OF_ART", "EVENT", "LAW")

    def _compose_role(self, m: Match, by_start: dict[int, Match]) -> bool:
        """[country|demonym] [role noun]( [name]) -> one actor; True when it composed."""
        if m.end < len(self.toks) and self.toks[m.end] in POSSESSIVE:
            return False
        agent = self.agent_at(m.end)
        if agent is None:
            return False
        role_end, role = agent
        country = m.entry.country
        title = " ".join(self.lower[m.end : role_end])
        named = self._named_after(role_end, by_start)
        if named is not None:
            name_end, entry = named
            if entry is not None and entry.source == "org":
                e = entry
                self.add(Cand(m.start, name_end, e.key, e.name, e.code, e.country, e.role, e.kind))
            else:
                term = self._leader_by_name(by_start[role_end]) if entry is not None else None
                self.add_person(
                    m.start, name_end, term, (country, role, title), name_start=role_end
                )
            return True
        if title in TITLE_OFFICES or (
            title.split()[-1] in PERSON_TITLES and self._singular(role_end)
        ):
            term = self._office_holder(country, title)
            if term is not None:
                self.add(_term_cand(m.start, role_end, term))
                return True
        kind: ActorKind = (
            "person"
            if title in PERSON_TITLES and self._singular(role_end)
            else ("group" if not self._singular(role_end) else "organization")
        )
        code = _code(country, role)
        label = " ".join(self.toks[m.start : role_end])
        self.add(Cand(m.start, role_end, f"group:{code}", label, code, country, role, kind))
        return True

    def _singular(self, end: int) -> bool:
        return self.tokens[end - 1].tag_ not in ("NNS", "NNPS")

    def _named_after(self, i: int, by_start: dict[int, Match]) -> tuple[int, Entry | None] | None:
        """A person/organisation name right after a title: (end, its gazetteer entry or None)."""
        m = by_start.get(i)
        if m is not None and m.entry.source in ("leader", "org"):
            return m.end, m.entry
        ent = self.entity(i, ("PERSON",))
        if ent is not None and ent.start == i:
            return ent.end, None
        return None

    def _demonym_is_actor(self, m: Match) -> bool:
        """A demonym names its country unless it modifies a place ("Korean Peninsula")."""
        head = self.tokens[m.end - 1]
        if head.dep_ in ("amod", "compound") and head_of(head).i >= m.end:
            nxt = head_of(head)
            if nxt.lower_ in PLACE_NOUNS or nxt.ent_type_ in ("LOC", "FAC", "GPE"):
                return False
            if m.end < len(self.toks) and self.lower[m.end] in PLACE_NOUNS:
                return False
        return not (m.end < len(self.toks) and self.lower[m.end] in PLACE_NOUNS)

    def _capital_is_place(self, m: Match) -> bool:
        """A capital is a place after a motion/site preposition, beside "the capital", or
        in a dateline ("BAGHDAD, Iraq (Reuters) — ...")."""
        if self._in_dateline(m):
            return True
        after = " ".join(self.lower[m.end : m.end + 3])
        if after.startswith((", the capital", ", capital", "city", ", the city")):
            return True
        if m.end < len(self.toks) and self.lower[m.end] in PLACE_NOUNS:
            return True
        tok = self.tokens[m.start]
        prep = head_of(tok) if tok.dep_ == "pobj" else None
        if prep is None:
            # coordinated capitals ("in Washington and Seoul") share the first one's preposition
            first = tok
            while first.dep_ == "conj" and head_of(first).i < first.i:
                first = head_of(first)
            prep = head_of(first) if first.dep_ == "pobj" else None
        if prep is None or prep.pos_ != "ADP":
            return False
        governor = head_of(prep)
        words = {governor.lemma_.lower()}
        words |= {c.lemma_.lower() for c in children_of(governor) if c.dep_ in ("dobj", "nsubjpass")}
        if words & REACTION_WORDS:
            return False
        if prep.lower_ in MOTION_PREPS:
            return bool(words & MOTION_WORDS)
        return prep.lower_ in SITE_PREPS

    def _in_dateline(self, m: Match) -> bool:
        """The match opens a paragraph and a dash or colon follows within a few tokens, before
        any sentence end: the wire dateline names where the story was filed, not an actor."""
        if m.start > 0 and "\n" not in self.tokens[m.start - 1].text_with_ws:
            return False
        for i in range(m.end, min(m.end + 8, len(self.toks))):
            if self.toks[i] in DATELINE_DASHES:
                return True
            if self.toks[i] in (".", "!", "?") or self.tokens[i].pos_ == "VERB":
                return False
        return False

    # ---- persons --------------------------------------------------------------------------
    def _leader_by_name(self, m: Match) -> Term | None:
        return self._pick_term(self.lex.terms_by_name.get(" ".join(self.toks[m.start : m.end]), []))

    def _pick_term(self, terms: list[Term]) -> Term | None:
        if not terms:
            return None
        current = [t for t in terms if t.covers(self.day)]
        if current:
            return current[0]
        # out of office on that date: the person still, with the latest earlier code's country
        past = sorted(terms, key=lambda t: t.start)
        return past[-1]

    def _office_holder(self, country: str | None, title: str) -> Term | None:
        offices = TITLE_OFFICES.get(title)
        if offices is None:
            return None
        if offices == HEAD_OFFICES and country in PARLIAMENTARY:
            offices = PARLIAMENTARY_HEADS
        if country is None:
            return None
        return self.lex.terms_at(self.day, country, offices)

    def add_person(
        self,
        start: int,
        end: int,
        term: Term | None,
        title: tuple[str | None, str | None, str] | None,
        name_start: int | None = None,
    ) -> None:
        name_start = start if name_start is None else name_start
        name_toks = self.toks[name_start:end]
        if name_toks and name_toks[-1] in POSSESSIVE:
            name_toks = name_toks[:-1]
        name = self.span_text(name_start, name_start + len(name_toks))
        if term is None:
            term = self._resolve_person_name(name, title)
        if term is not None:
            cand = _term_cand(start, end, term)
            if term.covers(self.day) or self.day is None:
                self.add(cand)
                return
            cand.code, cand.role = term.country, None  # out of office on the article's date
            self.add(cand)
            return
        earlier = self._earlier_person(name)
        if earlier is not None:
            self.add(Cand(start, end, earlier.key, earlier.name, earlier.code, earlier.country,
                          earlier.role, "person"))  # fmt: skip
            return
        country, role = (title[0], title[1]) if title else (None, None)
        code = _code(country, role) if country else None
        cand = Cand(start, end, f"person:{name}", name, code, country, role, "person")
        cand.context_country = (
            country is None and role is not None and title is not None
            and title[2] not in VAGUE_TITLES
        )  # fmt: skip
        self.add(cand)

    def _resolve_person_name(
        self, name: str, title: tuple[str | None, str | None, str] | None
    ) -> Term | None:
        terms = self.lex.terms_by_name.get(name)
        if terms:
            return self._pick_term(terms)
        earlier = self._earlier_person(name)
        if earlier is not None:
            return None
        candidates = self.lex.terms_by_token.get(name.split()[-1], []) if name else []
        if title is not None:
            offices = TITLE_OFFICES.get(title[2], ())
            fit = [
                t for t in candidates
                if t.covers(self.day) and (not offices or t.office in offices)
                and (title[0] is None or t.country == title[0])
            ]  # fmt: skip
            if len({t.name for t in fit}) == 1:
                return fit[0]
        short = [t for t in candidates if t.short == name and t.covers(self.day)]
        if len({t.name for t in short}) == 1:
            return short[0]
        return None

    def _earlier_person(self, name: str) -> Cand | None:
        """The last person mentioned before whose name this short form refers to."""
        if not name:
            return None
        for cand in reversed(self.cands):
            if cand.kind != "person" or not cand.key.startswith("person:"):
                continue
            full = cand.name.split()
            if name == cand.name or (
                len(full) > 1 and " ".join(full[-len(name.split()) :]) == name
            ):
                return cand
            if len(full) > 1 and full[0] == name and cand.country in EAST_ASIAN_ORDER:
                return cand
        return None

    def persons(self) -> None:
        """PERSON entities not yet resolved, with a title just before them when present."""
        for ent in doc_ents(self.doc):
            if ent.label_ != "PERSON" or not self.free(ent.start, ent.end):
                continue
            start, title = self._title_before(ent.start)
            if not self.free(start, ent.start):
                start, title = ent.start, None
            inner = self._title_inside(ent)
            if inner is not None:
                name_start, title = inner
            else:
                name_start = ent.start
            self.add_person(start, ent.end, None, title, name_start=name_start)
        self._surnames()

    def _surnames(self) -> None:
        """Later bare surnames of persons named in full, where spaCy missed them as PERSON."""
        first_seen: dict[str, Cand] = {}
        for cand in sorted(self.cands, key=lambda c: c.start):
            parts = cand.name.split()
            if cand.kind != "person" or len(parts) < 2:
                continue
            first_seen.setdefault(parts[-1], cand)
            if cand.country in EAST_ASIAN_ORDER:
                first_seen.setdefault(parts[0], cand)
        for i, tok in enumerate(self.toks):
            found = first_seen.get(tok)
            if found is None or self.taken[i] or i < found.start or self.tokens[i].pos_ != "PROPN":
                continue
            if i + 1 < len(self.toks) and self.tokens[i + 1].pos_ == "PROPN":
                continue  # part of a longer name ("Kim Yo Jong")
            self.add(
                Cand(
                    i, i + 1, found.key, found.name, found.code, found.country, found.role, "person"
                )
            )

    def _title_before(self, i: int) -> tuple[int, tuple[str | None, str | None, str] | None]:
        """A role title (optionally preceded by a country/demonym) ending right before token i."""
        for size in range(4, 0, -1):
            s = i - size
            if s < 0:
                continue
            role = self.lex.agents.get(tuple(self.lower[s:i]))
            if role is None or " ".join(self.lower[s:i]) not in PERSON_TITLES:
                continue
            title = " ".join(self.lower[s:i])
            country: str | None = None
            start = s
            for csize in range(3, 0, -1):
                c = s - csize
                if c >= 0:
                    entry = self.lex.phrases.get(tuple(self.toks[c:s]))
                    if entry is not None and entry.source in ("country", "demonym"):
                        country, start = entry.country, c
                        break
            return start, (country, role, title)
        return i, None

    def _title_inside(self, ent: Span) -> tuple[int, tuple[str | None, str | None, str]] | None:
        """spaCy sometimes puts the title inside the PERSON entity ("President Trump")."""
        for size in range(min(3, len(ent) - 1), 0, -1):
            title = " ".join(self.lower[ent.start : ent.start + size])
            if title in PERSON_TITLES:
                role = self.lex.agents.get(tuple(self.lower[ent.start : ent.start + size]))
                return ent.start + size, (None, role, title)
        return None

    # ---- organisations and acronyms -------------------------------------------------------
    def orgs(self) -> None:
        for ent in doc_ents(self.doc):
            if ent.label_ != "ORG" or not self.free(ent.start, ent.end):
                continue
            start = ent.start + 1 if self.lower[ent.start] == "the" else ent.start
            end = ent.end
            if self.toks[end - 1] in POSSESSIVE:
                end -= 1
            if start >= end:
                continue
            if self._org_noise(start, end):
                continue
            name = self.span_text(start, end)
            if name in self.acronyms:
                c = self.acronyms[name]
                self.add(Cand(start, end, c.key, c.name, c.code, c.country, c.role, c.kind))
                continue
            country, role = self._country_role_inside(start, end)
            code = _code(country, role) if country else None
            cand = Cand(start, end, f"org:{name}", name, code, country, role, "organization")
            cand.context_country = country is None and role is not None
            self.add(cand)
            self._register_acronym(cand)

    def _org_noise(self, start: int, end: int) -> bool:
        """spaCy ORG spans that are no organisation: a lone adjective or common noun
        ("Pentecostal", "Guardrails"), a lower-case phrase, digits."""
        words = [t for t in self.toks[start:end] if any(c.isalpha() for c in t)]
        if not words or all(w.islower() for w in words):
            return True
        if end - start != 1:
            return False
        word = self.toks[start]
        if word.isupper() or any(c.isupper() for c in word[1:]):
            return False  # an acronym or a brand-like name ("NATO", "YouTube")
        tok = self.tokens[start]
        return (
            self.lower[start].endswith(NOT_ORG_ENDINGS)
            or tok.tag_ == "NNS"
            or (tok.i == sent_of(tok).start and tok.pos_ != "PROPN")
        )

    def _country_role_inside(self, start: int, end: int) -> tuple[str | None, str | None]:
        country = None
        for i in range(start, end):
            m = self._phrase_at(i)
            if m is not None and m.entry.country and m.entry.source in ("country", "demonym"):
                country = m.entry.country
                break
        role = None
        head = self.agent_at(end - 1, end)
        if head is None and end - start > 2 and "of" in self.lower[start:end]:
            head = self.agent_at(start, self.lower.index("of", start))  # "Ministry of ..."
        if head is not None:
            role = head[1]
        return country, role

    def _register_acronym(self, cand: Cand) -> None:
        i = cand.end
        if i + 2 < len(self.toks) and self.toks[i] == "(" and self.toks[i + 2] == ")":
            acr = self.toks[i + 1]
            if acr.isupper() and len(acr) >= 2:
                self.acronyms.setdefault(acr, cand)

    def find_acronyms(self) -> None:
        """ "Full Name (ACR)": ACR becomes another name of the actor named just before."""
        for cand in list(self.cands):
            self._register_acronym(cand)
        if not self.acronyms:
            return
        for i, tok in enumerate(self.toks):
            c = self.acronyms.get(tok)
            if c is not None and not self.taken[i]:
                self.add(Cand(i, i + 1, c.key, c.name, c.code, c.country, c.role, c.kind))

    # ---- pass 5: definite descriptions and bare role nouns -------------------------------
    def main_country(self) -> str | None:
        counts = Counter(
            c.country for c in self.cands
            if c.country and len(c.country) == 3 and not c.context_country
        )  # fmt: skip
        counts.update(country for _, country in self.place_countries)
        if not counts:
            return None
        ranked = counts.most_common(2)
        if ranked[0][1] < 2:
            return None  # one passing mention does not make an article's country
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
        return None

    def bare_roles(self, main: str | None, sent_countries: dict[int, str | None]) -> None:
        i, n = 0, len(self.toks)
        while i < n:
            if self.taken[i] or self.tokens[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
                i += 1
                continue
            agent = self.agent_at(i)
            if agent is None or self._inside_named(i, agent[0]):
                i += 1
                continue
            end, role = agent
            head = self.tokens[end - 1]
            if (head.dep_ in ("compound", "amod") and head_of(head).i > head.i) or not self.free(
                i, end
            ):
                i = end
                continue
            start = i - 1 if i > 0 and self.lower[i - 1] == "the" and not self.taken[i - 1] else i
            self._bare_role(start, i, end, role, main, sent_countries)
            i = end

    def _inside_named(self, start: int, end: int) -> bool:
        ent = self.ent_at.get(start)
        return ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART")

    def _bare_role(
        self, start: int, i: int, end: int, role: str, main: str | None,
        sent_countries: dict[int, str | None],
    ) -> None:  # fmt: skip
        phrase = " ".join(self.lower[i:end])
        has_the = start < i
        country = self._np_country(end - 1)
        if country is None:
            country = self._context_country(i, sent_countries) or main
        if any(c.dep_ == "nummod" for c in children_of(self.tokens[end - 1])) and (
            has_the or phrase in PERSON_TITLES
        ):
            return  # "the two leaders": a set of actors named elsewhere
        if phrase == "party" and (has_the or country is not None):
            party = next(
                (c for c in reversed(self.cands) if c.role == "PTY" and c.start < i
                 and (country is None or c.country == country)),
                None,
            )  # fmt: skip
            if party is not None:
                self.add(Cand(start, end, party.key, party.name, party.code, party.country,
                              "PTY", party.kind))  # fmt: skip
                return
        if has_the and phrase in TITLE_OFFICES and self._singular(end):
            term = self._office_holder(country, phrase)
            if term is not None:
                self.add(_term_cand(start, end, term))
                return
        if phrase in PERSON_TITLES and self._singular(end):
            return  # an unnamed single official: not an actor we can identify
        role = DEFINITE_ROLES.get(phrase, role)
        code = _code(country, role)
        label = " ".join(self.toks[start:end])
        kind: ActorKind = "group" if not self._singular(end) else "organization"
        self.add(Cand(start, end, f"group:{code}", label, code, country, role, kind))

    def _context_country(self, i: int, sent_countries: dict[int, str | None]) -> str | None:
        """The one country of this sentence; if it names none, that of the sentence before."""
        sent = sent_of(self.tokens[i])
        if sent.start in sent_countries:
            return sent_countries[sent.start]
        if sent.start == 0:
            return None
        return sent_countries.get(sent_of(self.tokens[sent.start - 1]).start)

    def _np_country(self, head_i: int, own_start: int | None = None) -> str | None:
        """The country of a possessive/compound modifier of this noun ("Kim's government"),
        of a possessive pronoun's antecedent ("Israel says its troops") or of an "of" phrase;
        tokens from ``own_start`` on belong to the mention itself and are not modifiers."""
        head = self.tokens[head_i]
        for child in children_of(head):
            if own_start is not None and own_start <= child.i <= head_i:
                continue
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                return self._antecedent_country(child.i)
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < head_i:
                cand = self._cand_at(child.i)
                if cand is not None and cand.country:
                    return cand.country
        for child in children_of(head):
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in children_of(child):
                    cand = self._cand_at(obj.i)
                    if cand is not None and cand.country:
                        return cand.country
        return None

    def _antecedent_country(self, i: int) -> str | None:
        """The country of the nearest country/organisation mention before token i in its
        sentence ("Israel announces that its troops ...")."""
        sent_start = sent_of(self.tokens[i]).start
        best: Cand | None = None
        for cand in self.cands:
            if (
                sent_start <= cand.start < i
                and cand.country
                and cand.kind != "person"
                and (best is None or cand.start > best.start)
            ):
                best = cand
        return best.country if best is not None else None

    def _cand_at(self, i: int) -> Cand | None:
        for cand in self.cands:
            if cand.start <= i < cand.end:
                return cand
        return None

    def _sentence_countries(self) -> dict[int, str | None]:
        """Per sentence start: its one country (from any mention or place name), else None."""
        found: dict[int, set[str]] = {}
        for cand in self.cands:
            if (
                cand.country
                and len(cand.country) == 3
                and cand.country != "WST"
                and (not cand.context_country)
            ):
                found.setdefault(sent_of(self.tokens[cand.start]).start, set()).add(cand.country)
        for m in self._place_countries() + self.place_countries:
            found.setdefault(sent_of(self.tokens[m[0]]).start, set()).add(m[1])
        return {s: next(iter(cs)) if len(cs) == 1 else None for s, cs in found.items()}

    def _place_countries(self) -> list[tuple[int, str]]:
        out = []
        for m in self.matches:
            if m.entry.source == "capital" and not self.taken[m.start] and m.entry.country:
                out.append((m.start, m.entry.country))
        return out

    def _gpe_countries(self) -> list[tuple[int, str]]:
        """Countries of places spaCy tags GPE that no actor took (US states, cities): the most
        populous gazetteer entry of that name, if it is a region or a sizeable city."""
        out: list[tuple[int, str]] = []
        gaz = None
        for ent in doc_ents(self.doc):
            if ent.label_ != "GPE" or not self.free(ent.start, ent.end):
                continue
            if gaz is None:
                from newsgraph.extract.gazetteer import load_gazetteer

                try:
                    gaz = load_gazetteer()
                except (FileNotFoundError, ValueError):
                    return out
            key = gaz.key_for(ent.text)
            cands = gaz.lookup(key) if key else []
            best = max(cands, key=lambda c: c.entry.population, default=None)
            if best is None or not best.entry.country:
                continue
            e = best.entry
            if e.feature in ("admin1", "country") or e.population >= MIN_PLACE_POPULATION:
                out.append((ent.start, e.country))
        return out

    def fill_context_countries(self, main: str | None, sent: dict[int, str | None]) -> None:
        """Give role-only mentions ("President Carlos Vila Nova", "the Senate", "National
        Police") the country of their noun phrase, sentence (or the one before) or article."""
        for cand in self.cands:
            if not cand.context_country or cand.role is None:
                continue
            head = cand.end - 1
            if self.toks[head] in POSSESSIVE and head > cand.start:
                head -= 1
            country = (
                self._np_country(head, cand.start) or self._context_country(cand.start, sent)
                or (main if cand.kind != "person" else None)
            )  # fmt: skip
            if country is None or country == cand.country:
                continue
            cand.country, cand.code = country, country + cand.role
            if cand.key.startswith("group:"):
                cand.key = f"group:{cand.code}"
                if cand.name.endswith(f"({cand.role})"):  # a seat's generated name
                    cand.name = f"{self.lex.country_names.get(country, country)} ({cand.role})"

    def country_anaphors(self, main: str | None, sent: dict[int, str | None]) -> None:
        """ "the country" / "the nation" as the country the context is about."""
        for i in range(1, len(self.toks)):
            if self.lower[i] not in COUNTRY_ANAPHORS or self.lower[i - 1] != "the":
                continue
            tok = self.tokens[i]
            if tok.dep_ in ("compound", "amod") or not self.free(i - 1, i + 1):
                continue
            country = self._context_country(i, sent) or main
            if country is None or country not in self.lex.country_names:
                continue
            name = self.lex.country_names[country]
            self.add(Cand(i - 1, i + 1, f"country:{country}", name, country, country, None,
                          "country"))  # fmt: skip

    def run(self) -> list[Actor]:
        self.matches = self.gazetteer()
        self.compose(self.matches)
        self.persons()
        self.orgs()
        self.find_acronyms()
        self.place_countries = self._gpe_countries()
        main = self.main_country()
        sent = self._sentence_countries()
        self.fill_context_countries(main, sent)
        self.country_anaphors(main, sent)
        self.bare_roles(main, sent)
        return self.assemble()

    def assemble(self) -> list[Actor]:
        actors: dict[str, Actor] = {}
        body = doc_text(self.doc)  # Doc.text joins every token on each access
        for cand in sorted(self.cands, key=lambda c: c.start):
            start_char = self.tokens[cand.start].idx
            last = self.tokens[cand.end - 1]
            end_char = last.idx + (cand.cut if cand.cut is not None else len(last.text))
            text = body[start_char:end_char]
            actor = actors.get(cand.key)
            if actor is None:
                actor = Actor(
                    id=f"a{len(actors) + 1}", code=cand.code, country=cand.country, role=cand.role,
                    name=cand.name, kind=cand.kind,
                )  # fmt: skip
                actors[cand.key] = actor
            actor.mentions.append(Mention(start=start_char, end=end_char, text=text))
        return list(actors.values())


def _term_cand(start: int, end: int, term: Term) -> Cand:
    return Cand(start, end, f"person:{term.name}", term.name, term.code, term.country, term.role,
                "person")  # fmt: skip


def extract_actors(doc: Doc, ctx: Context) -> list[Actor]:
    """Actors of the article with every mention, codes resolved at the publication date."""
    if len(doc) == 0:
        return []
    return _Extraction(doc, ctx).run()
