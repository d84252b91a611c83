"""Who speaks: subjects of speech verbs, their noun phrases, channels, pronouns → actor ids.

Shared by the quote and claim extractors. Speakers resolve to ``ctx.actors`` through
``ctx.actor_at``; a named speaker no actor covers gets a new person/organization actor
(id continuing the ``a<n>`` sequence), merged by surname with one already made.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.quotes_lexicon import cue_lexicon
from newsgraph.model import Actor, ActorKind, Mention
from newsgraph.read.doccache import (
    children_of,
    doc_ents,
    doc_tokens,
    ents_in,
    head_of,
    rights_of,
    sent_of,
    span_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Walking up from a participle or conjoined verb to the clause that holds the subject.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
QUANTIFIERS = frozenset(
    {"some", "one", "several", "many", "most", "all", "both", "two", "three", "few", "none"}
)
SUBJECT_WINDOW = 600  # chars before the pronoun's sentence where a subject antecedent counts
OBJECT_DEPS = frozenset({"pobj", "dobj", "dative", "iobj"})
ORG_NOUNS = frozenset(
    {"ministry", "department", "agency", "government", "police", "army", "court", "committee",
     "council", "company", "office", "embassy", "commission", "administration", "military",
     "campaign", "party", "firm", "union", "team", "organisation", "organization", "service",
     "website", "site", "database", "study", "survey", "report", "authority", "navy"}
)  # fmt: skip
MEETING_NOUNS = frozenset(
    {"meeting", "session", "plenary", "congress", "conference", "summit", "gathering",
     "convention", "assembly", "conclave", "forum"}
)  # fmt: skip
FIGURE_NOUNS = frozenset({"estimate", "figure", "statistic", "statistics", "data", "count"})
GENDER_NOUNS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "spokesman": "m", "spokeswoman": "f", "wife": "f", "husband": "m", "mother": "f",
    "father": "m", "son": "m", "daughter": "f", "brother": "m", "sister": "f", "actress": "f",
    "woman": "f", "man": "m", "girl": "f", "boy": "m", "king": "m", "queen": "f",
    "fiancée": "f", "fiancee": "f", "girlfriend": "f", "boyfriend": "m", "widow": "f",
    "chairman": "m", "chairwoman": "f", "businessman": "m", "businesswoman": "f",
    "congressman": "m", "congresswoman": "f", "prince": "m", "princess": "f", "sir": "m",
    "dame": "f", "lady": "f", "lord": "m", "uncle": "m", "aunt": "f", "grandmother": "f",
    "grandfather": "m", "stepfather": "m", "stepmother": "f", "niece": "f", "nephew": "m",
}  # fmt: skip
# "a protester using the pseudonym Katya", "a man who goes by the name John": the name given.
NAMING_VERBS = frozenset({"use", "give", "go", "call", "name", "identify"})
NAME_NOUNS = frozenset({"name", "pseudonym", "alias", "nickname"})
EXPLETIVES = frozenset({"it", "this", "that", "there", "which", "what", "who", "these", "those"})
NAMED_LABELS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}


@dataclass
class Speaker:
    """A resolved speaker or source: the words, their span, the actor id if any."""

    text: str
    start: int
    end: int
    actor_id: str | None
    kind: str  # named | pronoun | unnamed officials | experts | media reports | people | other
    is_person: bool = False


@dataclass
class SpeakerResolver:
    """Resolves speaker phrases to actor ids, remembering the discourse as it goes."""

    doc: Doc
    ctx: Context
    last_person: list[tuple[int, str]] = field(default_factory=list)  # (offset, actor id)
    last_group: list[tuple[int, str]] = field(default_factory=list)
    describe: bool = False  # give described speakers ("a fire officer") an actor of their own
    # Character ranges inside quote marks: the quoted person's words, never an attribution.
    quoted: list[tuple[int, int]] = field(default_factory=list)
    _person_offsets_ready: bool = False
    _genders: dict[str, str] = field(default_factory=dict)  # person actor id -> "m" | "f"

    def in_quotes(self, offset: int) -> bool:
        """Is the character at ``offset`` inside quote marks?"""
        i = bisect_right(self.quoted, (offset, 1 << 62)) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    # -- noun phrases ---------------------------------------------------------------
    def phrase_span(self, tok: Token) -> Span:
        """The noun phrase headed by ``tok``: its left modifiers, the head, trailing names."""
        if tok.ent_type_ and tok.ent_iob_ != "O":
            for ent in doc_ents(self.doc):
                if ent.start <= tok.i < ent.end:
                    return self.doc[min(ent.start, tok.left_edge.i) : max(ent.end, tok.i + 1)]
        end = tok.i + 1
        while end < len(tok.doc) and tok.doc[end].dep_ in ("flat", "compound") and (
            head_of(tok.doc[end]).i == tok.i
        ):
            end += 1
        start = tok.left_edge.i
        # Don't reach back over a relative clause or a preposition into another phrase.
        while start < tok.i and tok.doc[start].dep_ in ("prep", "punct", "cc", "mark"):
            start += 1
        return self.doc[start:end]

    def resolve(self, tok: Token, cited: bool = False) -> Speaker | None:
        """The speaker a subject-like token names, or None when it cannot speak.

        ``cited``: the phrase is a source the article names ("according to eyewitnesses"),
        so even a bare plural is a definite group of speakers, not a generic voice."""
        low = tok.lower_
        if low in EXPLETIVES and tok.dep_ != "poss":
            return None
        if low in QUANTIFIERS and tok.pos_ in ("PRON", "NUM", "ADJ", "DET"):
            return self._quantified(tok)
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self._pronoun(tok)
        holder = _holder_of_figures(tok)
        if holder is not None:
            return self.resolve(holder)  # "estimates by event organizers", "WHO's statistics"
        if tok.lemma_.lower() in MEETING_NOUNS and tok.pos_ == "NOUN":
            return self._meeting_holder(tok)
        common_kind = _source_kind(tok)
        named = self._named_apposition(tok)
        if named is not None:
            return self.resolve(named)  # "an eyewitness, Nicole Towarek, said"
        span = self.phrase_span(tok)
        label = self._named_label(span, tok)
        if not tok.ent_type_ and not _looks_named(tok) and (label is None or common_kind):
            # a common noun ("officials", "Western officials", "experts"): no new actor
            if common_kind is None and self.describe and tok.pos_ == "NOUN":
                common_kind = "other"  # "the industry publication stated": a document speaks
            if common_kind is None:
                return None
            actor = self.ctx.actor_at(span.start_char, span.end_char)
            if actor is None and self.describe and (cited or not _bare_generic(tok)):
                return self._described(tok, common_kind)
            return Speaker(span.text, span.start_char, span.end_char, actor.id if actor else None,
                           common_kind, is_person=bool(actor and actor.kind == "person"))
        actor = self.ctx.actor_at(tok.idx, tok.idx + len(tok)) or self.ctx.actor_at(
            span.start_char, span.end_char
        )
        if actor is None:
            actor = self._make_actor(span, label or "ORG")
        is_person = actor.kind == "person"
        self._remember(span.start_char, actor.id, is_person)
        return Speaker(span.text, span.start_char, span.end_char, actor.id, "named", is_person)

    def _named_apposition(self, tok: Token) -> Token | None:
        """The name set beside a description: "an eyewitness, Nicole Towarek," (apposition),
        "a protester using the pseudonym Katya", and the same through a conjunct the parser
        made of a title ("The institute's director, Dr. Anthony Fauci,"). Never a name inside
        quote marks ("X wrote, "Ginger Baker, great drummer ...")."""
        candidates = [c for c in children_of(tok) if c.dep_ == "appos"]
        for child in children_of(tok):
            if child.dep_ == "conj" and child.pos_ == "NOUN":
                candidates.extend(
                    c for c in children_of(child) if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                )
        titled = self._titled_name(tok)
        if titled is not None:
            return titled
        if not tok.ent_type_:
            for child in children_of(tok):
                if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                    for obj in children_of(child):
                        if obj.dep_ == "dobj" and obj.lemma_.lower() in NAME_NOUNS:
                            candidates.extend(c for c in children_of(obj) if c.dep_ == "appos")
        for child in candidates:
            if self.in_quotes(child.idx):
                continue
            if child.ent_type_ == "PERSON" or (child.ent_type_ == "ORG" and not tok.ent_type_):
                return child
        return None

    def _titled_name(self, tok: Token) -> Token | None:
        """"First Minister of Scotland Nicola Sturgeon", "Mayor of London Sadiq Khan": a title
        whose "of" phrase ends in a person's name (the parser files the name under the
        place). The name must be a person: a PERSON entity or a known person's surname."""
        if tok.lemma_.lower() not in cue_lexicon().title_nouns:
            return None
        for prep in children_of(tok):
            obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "of" else None
            if obj is None or obj.pos_ != "PROPN" or obj.i < prep.i:
                continue
            if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children_of(obj)):
                continue  # "Minister of Finance": a title, no name after the place
            surnames = {a.name.split()[-1] for a in self.ctx.actors
                        if a.kind == "person" and a.name.split()}
            if obj.ent_type_ == "PERSON" or obj.text in surnames:
                return obj
        return None

    def _named_label(self, span: Span, head: Token) -> str | None:
        ents = ents_in(span)
        for ent in ents:
            if ent.start <= head.i < ent.end and ent.label_ in NAMED_LABELS:
                return str(ent.label_)
        for ent in ents:
            if ent.label_ in NAMED_LABELS:
                return str(ent.label_)
        return None

    def _described(self, head: Token, kind: str) -> Speaker:
        """An unnamed speaker ("a fire officer", "some of the protesters") as an actor."""
        span = _description_span(head)
        plural = head.tag_ in ("NNS", "NNPS") or (
            head.lower_ in QUANTIFIERS and head.lower_ != "one"
        )
        lemma = head.lemma_.lower()
        actor_kind: ActorKind = (
            "organization" if lemma in ORG_NOUNS else "group" if plural else "person"
        )
        name = _strip_det(span.text) if actor_kind == "organization" else span.text
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        for actor in self.ctx.actors:
            if actor.code is None and actor.name.lower() == name.lower():
                _add_mention(actor, mention)
                break
        else:
            actor = Actor(id=self._next_id(), name=name, kind=actor_kind, mentions=[mention])
            self.ctx.actors.append(actor)
        is_person = actor_kind == "person"
        self._remember(span.start_char, actor.id, is_person)
        return Speaker(span.text, span.start_char, span.end_char, actor.id, kind, is_person)

    def _meeting_holder(self, meeting: Token) -> Speaker | None:
        """"the meeting underscored ...": the organisation holding the meeting speaks.

        Its holder is named beside a meeting noun ("the annual meeting of the Workers' Party",
        "the party's session"), here or earlier in the article; else the organisation last
        named before it."""
        for tok in reversed(self.doc[: meeting.i + 1]):
            if tok.lemma_.lower() not in MEETING_NOUNS:
                continue
            for child in children_of(tok):
                target = _pobj(child) if child.dep_ == "prep" and child.lower_ == "of" else (
                    child if child.dep_ == "poss" else None
                )
                actor = self._actor_of(target) if target is not None else None
                if actor is not None:
                    return Speaker(meeting.text, meeting.idx, meeting.idx + len(meeting),
                                   actor.id, "event holder")
        best: tuple[int, Actor] | None = None
        for actor in self.ctx.actors:
            if actor.kind != "organization":
                continue
            for m in actor.mentions:
                if m.end <= meeting.idx and (best is None or m.start > best[0]):
                    best = (m.start, actor)
        if best is None:
            return None
        return Speaker(meeting.text, meeting.idx, meeting.idx + len(meeting), best[1].id,
                       "event holder")

    def _actor_of(self, tok: Token) -> Actor | None:
        span = self.phrase_span(tok)
        actor = self.ctx.actor_at(span.start_char, span.end_char)
        return actor if actor is not None and actor.kind == "organization" else None

    def _quantified(self, tok: Token) -> Speaker | None:
        """"some of the protesters", "one of the organisers": the group the quantifier picks."""
        for child in children_of(tok):
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((c for c in children_of(child) if c.dep_ == "pobj"), None)
                if obj is None:
                    return None
                kind = _source_kind(obj)
                if kind is None or not self.describe or _looks_named(obj):
                    return self.resolve(obj)
                return self._described(tok, kind)
        if self.describe and tok.dep_ == "nsubj":
            return self._described(tok, "people")  # "several said ..."
        return None

    # -- pronouns and discourse -------------------------------------------------------
    def _pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        start, end = tok.idx, tok.idx + len(tok)
        if low in PERSON_PRONOUNS:
            best = self._antecedent(tok, PRONOUN_GENDER[low])
            if best is None:
                return None
            return Speaker(tok.text, start, end, best, "pronoun", is_person=True)
        if low not in GROUP_PRONOUNS:
            return None  # I, you, it, everyone, someone: no antecedent to look for
        best = self._salient_subject(tok, None)
        if best is None:
            for offset, actor_id in self.last_group:
                if offset < tok.idx:
                    best = actor_id
        if best is None:
            return None
        return Speaker(tok.text, start, end, best, "pronoun", is_person=False)

    def _antecedent(self, pronoun: Token, gender: str) -> str | None:
        """The person a he/she refers to, by salience: a subject earlier in the pronoun's own
        sentence or the subject of the sentence before ("One of the victims decided ... She
        said"); else the most recent agreeing person who is a subject within the last few
        sentences; else the most recent agreeing one that is not an object in the pronoun's
        own sentence ("Speaking to Martin Smith of PBS, he said")."""
        self._index_persons()
        salient = self._salient_subject(pronoun, gender)
        if salient is not None:
            return salient
        sent = sent_of(pronoun)
        window = max(0, sent.start_char - SUBJECT_WINDOW)
        fallback: str | None = None
        for offset, actor_id in reversed(self.last_person):
            if offset >= pronoun.idx:
                continue
            if not self._agrees(actor_id, gender):
                continue
            role = _role_of(self.doc, offset)
            if role == "subject" and offset >= window:
                return actor_id
            if fallback is None and not (sent.start_char <= offset and role == "object"):
                fallback = actor_id
        return fallback

    def _agrees(self, actor_id: str, gender: str) -> bool:
        known = self._genders.get(actor_id)
        return known is None or known == gender

    def _salient_subject(self, pronoun: Token, gender: str | None, depth: int = 0) -> str | None:
        """The actor of the nearest subject before the pronoun, in its own sentence or the
        one before, that agrees with it: a person for he/she (``gender``), a group or an
        organisation for they. A he/she subject there passes on its own antecedent."""
        sent = sent_of(pronoun)
        scopes = [[t for t in span_tokens(sent) if t.i < pronoun.i]]
        if sent.start > 0:
            scopes.append(list(sent_of(self.doc[sent.start - 1])))
        for scope in scopes:
            subjects = [t for t in scope if _is_subject_like(t) and not self.in_quotes(t.idx)]
            # Subjects of the sentence's own clauses (or of a speech verb, a speaker is
            # salient) before those of reported or relative clauses ("John told them Bill
            # was wrong. He ..." is John); the nearest first ("A said ... while B wrote ...
            # He tweeted" is B).
            subjects.sort(key=lambda t: (_in_complement(t) and not _is_speech(head_of(t)), -t.i))
            for subj in subjects:
                found = self._subject_actor(subj, gender, depth)
                if found is not None:
                    return found
        return None

    def _subject_actor(self, subj: Token, gender: str | None, depth: int) -> str | None:
        low = subj.lower_
        if gender is not None:
            if low in PRONOUN_GENDER and subj.dep_ != "poss":
                if PRONOUN_GENDER[low] != gender or depth >= 3:
                    return None
                return self._salient_subject(subj, gender, depth + 1)
            if not (_looks_named(subj) or _is_described_person(subj)):
                return None  # "the pandemic is ...": no person
            span = self.phrase_span(subj)
            for offset, actor_id in self.last_person:
                if span.start_char <= offset < span.end_char:
                    return actor_id if self._agrees(actor_id, gender) else None
            if self.describe and _is_described_person(subj):
                lexical = GENDER_NOUNS.get(subj.lower_)
                if lexical is not None and lexical != gender:
                    return None
                speaker = self.resolve(subj)
                return speaker.actor_id if speaker and speaker.is_person else None
            return None
        if low in GROUP_PRONOUNS or low in PERSON_PRONOUNS or low in EXPLETIVES:
            return None
        plural = subj.tag_ in ("NNS", "NNPS") or subj.ent_type_ in ("ORG", "NORP")
        if not plural and subj.lemma_.lower() not in ORG_NOUNS:
            return None
        speaker = self.resolve(subj)
        if speaker is None or speaker.actor_id is None or speaker.is_person:
            return None
        return speaker.actor_id

    def _index_persons(self) -> None:
        """Person mentions known before any speaker: actors of kind person, PERSON entities."""
        if self._person_offsets_ready:
            return
        self._person_offsets_ready = True
        for actor in self.ctx.actors:
            if actor.kind == "person":
                self.last_person.extend((m.start, actor.id) for m in actor.mentions)
        for ent in doc_ents(self.doc):
            if ent.label_ == "PERSON" and len(ent) >= 1:
                known = self.ctx.actor_at(ent.start_char, ent.end_char)
                if known is None or known.kind == "person":
                    actor = known or self._make_actor(ent, "PERSON")
                    self.last_person.append((ent.start_char, actor.id))
        self._index_surnames()
        self.last_person.sort()
        self._genders = person_genders(self.doc, self.last_person)

    def _index_surnames(self) -> None:
        """A person named again by surname alone ("Quirin denied ...") where no entity was
        recognised: a mention all the same, so pronouns after it find them."""
        by_surname: dict[str, str | None] = {}
        for actor in self.ctx.actors:
            words = actor.name.split()
            if actor.kind == "person" and len(words) >= 2:
                surname = words[-1]
                known = by_surname.get(surname, actor.id)
                by_surname[surname] = actor.id if known == actor.id else None  # ambiguous
        if not by_surname:
            return
        seen = {offset for offset, _ in self.last_person}
        for tok in doc_tokens(self.doc):
            actor_id = by_surname.get(tok.text) if tok.pos_ == "PROPN" else None
            if actor_id is not None and tok.idx not in seen and not self.in_quotes(tok.idx):
                self.last_person.append((tok.idx, actor_id))

    def _remember(self, offset: int, actor_id: str, is_person: bool) -> None:
        pool = self.last_person if is_person else self.last_group
        pool.append((offset, actor_id))
        pool.sort()

    # -- actors -------------------------------------------------------------------------
    def _make_actor(self, span: Span, label: str) -> Actor:
        kind: ActorKind = NAMED_LABELS.get(label, "organization")  # type: ignore[assignment]
        ents = [e for e in ents_in(span) if e.label_ == label]
        name = _strip_det(ents[-1].text if ents else _capitalised_tail(span))
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        if kind == "person":
            for actor in self.ctx.actors:
                if actor.kind == "person" and _same_person(actor.name, name):
                    if len(name) > len(actor.name):
                        actor.name = name
                    _add_mention(actor, mention)
                    return actor
        for actor in self.ctx.actors:
            if actor.name.lower() == name.lower():
                _add_mention(actor, mention)
                return actor
        actor = Actor(id=self._next_id(), name=name, kind=kind, mentions=[mention])
        self.ctx.actors.append(actor)
        return actor

    def _next_id(self) -> str:
        return self.ctx.new_actor_id()



def _pobj(prep: Token) -> Token | None:
    return next((c for c in children_of(prep) if c.dep_ == "pobj"), None)


def _bare_generic(head: Token) -> bool:
    """"Experts have warned", "analysts say": a bare plural is a generic voice, no actor
    (officials and police, bare or not, are a definite source)."""
    if _source_kind(head) not in ("experts", "people"):
        return False
    return head.tag_ == "NNS" and head.left_edge.i == head.i and not any(
        c.dep_ in ("prep", "acl", "relcl", "appos") for c in children_of(head)
    )


def _source_kind(tok: Token) -> str | None:
    kinds = cue_lexicon().source_kind_of
    return kinds.get(tok.lemma_.lower()) or kinds.get(tok.lower_)


def _role_of(doc: Doc, offset: int) -> str:
    """'subject', 'object' (told Smith, speaking to Smith) or 'other' for the name there."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return "other"
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and head_of(tok) is not tok:
        tok = head_of(tok)
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if tok.dep_ == "appos" and head_of(tok).dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if tok.dep_ == "pobj" and head_of(tok).lower_ == "to" and head_of(tok).head.lower_ == "according":
        return "subject"  # "according to Kidston": the source of what follows
    return "object" if tok.dep_ in OBJECT_DEPS else "other"


def _description_span(head: Token) -> Span:
    """The words describing an unnamed speaker: the head's subtree, short of a clause."""
    doc = head.doc
    start = head.left_edge.i
    end = head.i + 1
    for child in rights_of(head):
        if child.dep_ in ("prep", "acl", "appos", "compound", "amod", "relcl", "nummod"):
            end = max(end, child.right_edge.i + 1)
    while end > head.i + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start : min(end, head.i + 12)]


def _is_subject_like(tok: Token) -> bool:
    """A subject, or the source of "according to X" (the subject of what follows it)."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    prep = head_of(tok)
    return tok.dep_ == "pobj" and prep.lower_ == "to" and head_of(prep).lower_ == "according"


def _is_speech(verb: Token) -> bool:
    return verb.lemma_.lower() in cue_lexicon().speech_verbs


def _in_complement(tok: Token) -> bool:
    """Is the token's clause embedded (reported, relative, adverbial participle) rather than
    one of the sentence's own clauses?"""
    head = head_of(tok)
    for _ in range(8):
        if head.dep_ in ("ccomp", "xcomp", "relcl", "acl", "pcomp", "csubj"):
            return True
        if head_of(head) is head:
            return False
        head = head_of(head)
    return False


def _is_described_person(tok: Token) -> bool:
    """A singular description of a person ("one of the victims", "the head of the
    investigators", "a spokesman"): a speaker noun of the lexicon, not an organisation."""
    if tok.lower_ == "one":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(tok))
    if tok.tag_ != "NN" or tok.lemma_.lower() in ORG_NOUNS:
        return False
    return _source_kind(tok) in ("unnamed officials", "experts", "people") or (
        tok.lower_ in GENDER_NOUNS
    ) or tok.lemma_.lower() in PERSON_HEADS


# Heads of a described person beyond the source lexicon.
PERSON_HEADS = frozenset({"head", "director", "chief", "chairman", "chairwoman", "spokesperson"})


# Verbs by which someone puts out a statement: its subject is the statement's author.
ISSUE_VERBS = frozenset({"release", "issue", "publish", "post", "put", "send", "make", "give"})


def _holder_of_figures(tok: Token) -> Token | None:
    """'estimates by X', 'X's statistics', 'figures from X': the source behind the numbers;
    likewise the author of a statement: 'a post by X', 'X's statement', 'they released a
    statement which said'."""
    lemma = tok.lemma_.lower()
    figures = lemma in FIGURE_NOUNS
    if not figures and (lemma not in cue_lexicon().speech_nouns or tok.pos_ != "NOUN"):
        return None
    for child in children_of(tok):
        if child.dep_ == "poss":
            return child
        if child.dep_ in ("prep", "agent") and child.lower_ in (
            ("by", "from", "of") if figures else ("by", "from")
        ):
            obj = next((c for c in children_of(child) if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = head_of(tok)
    if not figures and tok.dep_ == "dobj" and verb.lemma_.lower() in ISSUE_VERBS:
        return next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    return None


def person_genders(doc: Doc, persons: list[tuple[int, str]]) -> dict[str, str]:
    """Gender of person actors from the text: titles and role nouns beside a mention
    (Mr, Mrs, spokeswoman, his wife), and the he/she that follows a sentence whose subject
    is that person alone. Unknown persons are left out (they agree with any pronoun)."""
    votes: dict[str, dict[str, int]] = {}
    by_sentence: dict[int, list[tuple[Token, str]]] = {}
    for offset, actor_id in persons:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            continue
        tok = span[0]
        cues = [doc[i].lower_ for i in range(max(0, tok.i - 3), tok.i)]
        cues += [c.lower_ for c in children_of(head_of(tok)) if c.dep_ == "appos"] + [head_of(tok).lower_]
        for cue in cues:
            g = GENDER_NOUNS.get(cue)
            if g:
                votes.setdefault(actor_id, {}).setdefault(g, 0)
                votes[actor_id][g] += 1
        by_sentence.setdefault(sent_of(tok).start, []).append((tok, actor_id))
    for sent_start, mentions in by_sentence.items():
        ids = {a for _, a in mentions}
        if len(ids) != 1:
            continue
        subject = [mentions[0][1]]
        sent = sent_of(doc[sent_start])
        nxt = sent_of(doc[sent.end]) if sent.end < len(doc) else None
        for t in [*sent, *(nxt or [])]:
            if t.i > mentions[0][0].i and t.lower_ in PRONOUN_GENDER and t.dep_ == "nsubj":
                g = PRONOUN_GENDER[t.lower_]
                votes.setdefault(subject[0], {}).setdefault(g, 0)
                votes[subject[0]][g] += 1
                break
    return {a: max(v, key=lambda g: v[g]) for a, v in votes.items() if len(v) == 1}


def _capitalised_tail(span: Span) -> str:
    """'state media KCNA' -> 'KCNA': the name at the end of a phrase."""
    start = len(span)
    while start > 0 and span[start - 1].text[:1].isupper():
        start -= 1
    return span[start:].text if start < len(span) else span.text


def _looks_named(tok: Token) -> bool:
    """A proper noun, even where the tagger missed it: KCNA, Reuters mid-sentence."""
    if tok.pos_ == "PROPN":
        return True
    text = tok.text
    return (len(text) >= 2 and text.isupper() and text.isalpha()) or (
        text[:1].isupper() and not tok.is_sent_start and tok.pos_ == "NOUN"
    )


_TITLE = re.compile(r"^(?:the|The|Mr|Mrs|Ms|Miss|Dr|Sir)\.?\s+")


def _strip_det(text: str) -> str:
    """'the ministry' -> 'ministry', 'Mrs Jane Hill' -> 'Jane Hill', "Kim's" -> 'Kim'."""
    text = _TITLE.sub("", text, count=1)
    return text.removesuffix("’s").removesuffix("'s")


def _same_person(a: str, b: str) -> bool:
    """Kim Jong Un / Kim, Joe Biden / Biden: one name's words are an edge of the other's."""
    ta, tb = a.lower().split(), b.lower().split()
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[: len(short)] == short or long_[-len(short):] == short


def subject_of(verb: Token, past_reported: bool = False) -> Token | None:
    """The subject of ``verb``, climbing from participles and conjuncts to their clause.

    ``past_reported``: climbing out of a reported clause, skip its subject ("X described
    how the attack unfolded, stating ..." is X's statement, not the attack's).
    """
    tok = verb
    for _ in range(5):
        skip = past_reported and tok is not verb and _is_reported_clause(tok)
        subjects = [c for c in children_of(tok) if c.dep_ in SUBJECT_DEPS]
        if subjects and not skip:
            child = _best_subject(subjects)
            if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return head_of(tok)
            return child
        if tok.dep_ == "relcl":
            return head_of(tok)
        if tok.dep_ not in CLIMB_DEPS or head_of(tok) is tok:
            return None
        tok = head_of(tok)
    return None


WH_WORDS = frozenset({"how", "why", "what", "whether", "where", "when", "if"})


def _is_reported_clause(tok: Token) -> bool:
    """A clause that reports or describes, not the speaker's: a complement ("said the attack
    was ...") or a wh-clause ("described how the attack unfolded, stating ...")."""
    if tok.dep_ == "ccomp":
        return True
    return any(
        c.dep_ in ("advmod", "mark") and c.lower_ in WH_WORDS and c.i < tok.i
        for c in children_of(tok)
    )


def _best_subject(subjects: list[Token]) -> Token:
    """One subject of several the parser split a phrase into ("said study co-author Ted
    Scambos" gives "co", "-" and "Scambos"): a named one, else the last."""
    if len(subjects) == 1:
        return subjects[0]
    for pick in (
        lambda t: t.ent_type_ in ("PERSON", "ORG"),
        lambda t: t.pos_ == "PROPN",
    ):
        named = [t for t in subjects if pick(t)]
        if named:
            return named[-1]
    return subjects[-1]


def agent_of(verb: Token) -> Token | None:
    """The ``by X`` agent of a passive verb (``quoted by KCNA``)."""
    for child in children_of(verb):
        if child.dep_ == "agent":
            for obj in children_of(child):
                if obj.dep_ == "pobj":
                    return obj
    return None


# Passive speech verbs whose grammatical subject is the hearer ("he was told by X").
HEARER_VERBS = frozenset({"tell", "inform", "ask", "assure", "brief", "warn"})
# Passive verbs whose subject is still the speaker ("Kim was quoted as saying by KCNA").
QUOTED_VERBS = frozenset({"quote", "cite"})


def speaker_token(verb: Token) -> Token | None:
    """Who speaks through ``verb``: the ``by`` agent of a passive, else the subject.

    "X was quoted (by KCNA)" keeps X; "he was told by X" and "was described as ... by X"
    give X; a passive "he was told" with no agent gives nobody (he is the hearer).
    """
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children_of(verb))
    if passive and lemma not in QUOTED_VERBS:
        agent = agent_of(verb)
        if agent is not None:
            return agent
        if lemma in HEARER_VERBS:
            return None
    subj = subject_of(verb, past_reported=True)
    if subj is None:
        return _named_before(verb)
    return subj


def _named_before(verb: Token) -> Token | None:
    """A parse with no subject ("Calling it X, Anna F of ..., told Reuters"): the last
    person named before the verb in its sentence, outside quote marks."""
    best = None
    for ent in ents_in(sent_of(verb)):
        if ent.label_ == "PERSON" and ent.end <= verb.i:
            best = ent.root
    return best


def _add_mention(actor: Actor, mention: Mention) -> None:
    """Add ``mention`` unless the actor already has that span (a speaker asked about twice)."""
    if not any(m.start == mention.start and m.end == mention.end for m in actor.mentions):
        actor.mentions.append(mention)
