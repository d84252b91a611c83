"""Who speaks: subjects of speech verbs, their noun phrases, channels, pronouns → actor ids.

Shared by the quote and claim extractors. Speakers resolve to ``ctx.actors`` through
``ctx.actor_at``; a named speaker no actor covers gets a new person/organization actor
(id continuing the ``a<n>`` sequence), merged by surname with one already made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.quotes_lexicon import cue_lexicon
from newsgraph.model import Actor, ActorKind, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Walking up from a participle or conjoined verb to the clause that holds the subject.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})
EXPLETIVES = frozenset({"it", "this", "that", "there", "which", "what", "who", "these", "those"})
_ID_RE = re.compile(r"^a(\d+)$")
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
    _person_offsets_ready: bool = False

    # -- noun phrases ---------------------------------------------------------------
    def phrase_span(self, tok: Token) -> Span:
        """The noun phrase headed by ``tok``: its left modifiers, the head, trailing names."""
        if tok.ent_type_ and tok.ent_iob_ != "O":
            for ent in self.doc.ents:
                if ent.start <= tok.i < ent.end:
                    return self.doc[min(ent.start, tok.left_edge.i) : max(ent.end, tok.i + 1)]
        end = tok.i + 1
        while end < len(tok.doc) and tok.doc[end].dep_ in ("flat", "compound") and (
            tok.doc[end].head.i == tok.i
        ):
            end += 1
        start = tok.left_edge.i
        # Don't reach back over a relative clause or a preposition into another phrase.
        while start < tok.i and tok.doc[start].dep_ in ("prep", "punct", "cc", "mark"):
            start += 1
        return self.doc[start:end]

    def resolve(self, tok: Token) -> Speaker | None:
        """The speaker a subject-like token names, or None when it cannot speak."""
        low = tok.lower_
        if low in EXPLETIVES and tok.dep_ != "poss":
            return None
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            return self._pronoun(tok)
        for child in tok.children:
            if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                return self.resolve(child)  # "an eyewitness, Nicole Towarek, said"
        span = self.phrase_span(tok)
        label = self._named_label(span, tok)
        common_kind = cue_lexicon().source_kind_of.get(tok.lemma_.lower())
        if not tok.ent_type_ and not _looks_named(tok) and (label is None or common_kind):
            # a common noun ("officials", "Western officials", "experts"): no new actor
            if common_kind is None:
                return None
            kind = common_kind
            actor = self.ctx.actor_at(span.start_char, span.end_char)
            return Speaker(span.text, span.start_char, span.end_char, actor.id if actor else None,
                           kind, is_person=bool(actor and actor.kind == "person"))
        actor = self.ctx.actor_at(tok.idx, tok.idx + len(tok)) or self.ctx.actor_at(
            span.start_char, span.end_char
        )
        if actor is None:
            actor = self._make_actor(span, label or "ORG")
        is_person = actor.kind == "person"
        self._remember(span.start_char, actor.id, is_person)
        return Speaker(span.text, span.start_char, span.end_char, actor.id, "named", is_person)

    def _named_label(self, span: Span, head: Token) -> str | None:
        for ent in span.ents:
            if ent.start <= head.i < ent.end and ent.label_ in NAMED_LABELS:
                return str(ent.label_)
        for ent in span.ents:
            if ent.label_ in NAMED_LABELS:
                return str(ent.label_)
        return None

    # -- pronouns and discourse -------------------------------------------------------
    def _pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        if low in ("i", "me", "my", "you", "your", "it", "its"):
            return None
        if low in PERSON_PRONOUNS:
            self._index_persons()
            pool = self.last_person
        else:
            pool = self.last_group
        best = None
        for offset, actor_id in pool:
            if offset < tok.idx:
                best = actor_id
        if best is None:
            return None
        start, end = tok.idx, tok.idx + len(tok)
        return Speaker(tok.text, start, end, best, "pronoun", is_person=low in PERSON_PRONOUNS)

    def _index_persons(self) -> None:
        """Person mentions known before any speaker: actors of kind person, PERSON entities."""
        if self._person_offsets_ready:
            return
        self._person_offsets_ready = True
        for actor in self.ctx.actors:
            if actor.kind == "person":
                self.last_person.extend((m.start, actor.id) for m in actor.mentions)
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 1:
                known = self.ctx.actor_at(ent.start_char, ent.end_char)
                if known is None or known.kind == "person":
                    actor = known or self._make_actor(ent, "PERSON")
                    self.last_person.append((ent.start_char, actor.id))
        self.last_person.sort()

    def _remember(self, offset: int, actor_id: str, is_person: bool) -> None:
        pool = self.last_person if is_person else self.last_group
        pool.append((offset, actor_id))
        pool.sort()

    # -- actors -------------------------------------------------------------------------
    def _make_actor(self, span: Span, label: str) -> Actor:
        kind: ActorKind = NAMED_LABELS.get(label, "organization")  # type: ignore[assignment]
        ents = [e for e in span.ents if e.label_ == label]
        name = _strip_det(ents[-1].text if ents else _capitalised_tail(span))
        mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
        if kind == "person":
            for actor in self.ctx.actors:
                if actor.kind == "person" and _same_person(actor.name, name):
                    if len(name) > len(actor.name):
                        actor.name = name
                    actor.mentions.append(mention)
                    return actor
        for actor in self.ctx.actors:
            if actor.name.lower() == name.lower():
                actor.mentions.append(mention)
                return actor
        actor = Actor(id=self._next_id(), name=name, kind=kind, mentions=[mention])
        self.ctx.actors.append(actor)
        return actor

    def _next_id(self) -> str:
        numbers = [int(m.group(1)) for a in self.ctx.actors if (m := _ID_RE.match(a.id))]
        return f"a{max(numbers, default=0) + 1}"


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


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det):]
    return text.removesuffix("’s").removesuffix("'s")


def _same_person(a: str, b: str) -> bool:
    """Kim Jong Un / Kim, Joe Biden / Biden: one name's words are an edge of the other's."""
    ta, tb = a.lower().split(), b.lower().split()
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[: len(short)] == short or long_[-len(short):] == short


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing from participles and conjuncts to their clause."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                if child.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                    return tok.head
                return child
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None


def agent_of(verb: Token) -> Token | None:
    """The ``by X`` agent of a passive verb (``quoted by KCNA``)."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
