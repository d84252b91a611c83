"""Extract events: who did what to whom, from one clause, in PLOVER and CAMEO.

Method: dependency patterns over a verb lexicon (PETRARCH2's CAMEO verb dictionary plus a
curated core), light verbs whose event is their object noun ("held a summit", "drew
criticism from X"), and noun triggers with their own arguments ("cooperation between X and
Y"). Source, trigger and target always come from one sentence (never a subheading); the
type comes from the trigger and its object words (CAMEO code → PLOVER via CAMEO2PLOVER),
checked by a linear classifier over trigger/argument features (events_types) that overrides
the lexicon only when confident and types dictionary verbs the lexicon leaves uncoded. A few
frames carry their own type (a declared posture against X, pointing to evidence, "X said Y
must", "for assistance"); agentless plans take the doer of the last meeting reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.events_actors import actors_for, conjuncts, is_actor_like
from newsgraph.extract.events_lexicon import (
    cameo_info,
    frames,
    light_verbs,
    noun_key,
    noun_triggers,
    verb_code,
    verb_lemma,
    verb_lexicon,
)
from newsgraph.extract.events_status import event_status
from newsgraph.extract.events_types import DEFAULT_CODES, classify, type_features, type_model
from newsgraph.model import Actor, Event, EventDate, Span, TextSpan
from newsgraph.read.doccache import (
    children_of,
    doc_sents,
    has_word_between,
    head_of,
    lefts_of,
    rights_of,
    sent_of,
    span_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
TARGET_PREPS = ("against", "on", "with", "to", "at", "into", "toward", "towards", "over")
BENEFICIARY_ROOTS = ("03", "05", "07")  # "aid for X", "support for X": X is the target
SOURCE_PREPS_NOUN = ("by", "from")
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "conj", "acl"})
# Verbs that govern another event verb: the governing one names the event ("agreed to
# withdraw" is AGREE, "refused to release" REJECT); otherwise the complement does.
GOVERNING_ROOTS = ("02", "03", "10", "12", "13", "016")
GROUP_REFERENCES = frozenset({"leader", "side", "country", "nation", "government", "party"})
QUOTES = ("“", '"', "‘")
# PLOVER 2021 split YIELD into CONCEDE and RETREAT: the model learns the old YIELD
SYSTEM_SAME = {"RETREAT": "CONCEDE"}
# Types that stand without a target (joint or one-sided acts); the others need one.
TARGETLESS_TYPES = frozenset(
    {"CONSULT", "COOPERATE", "MOBILIZE", "AGREE", "SUPPORT", "PROTEST", "REJECT", "CONCEDE",
     "RETREAT"}
)  # fmt: skip
VIOLENT_ROOTS = ("15", "17", "18", "19", "20")  # "fighting for X": X is a side, not a target
JOINT_ROOTS = ("03", "04", "05", "06")  # acts two coordinated parties do together
SETTING_PREPS = frozenset({"during", "amid", "throughout", "since", "until", "despite"})


@dataclass
class Candidate:
    trigger: list[Token]
    code: str
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    clause_head: Token | None = None
    confidence: float = 0.6
    plover: str | None = None
    rule: bool = False  # typed by a frame rule (posture, evidence, aid purpose): kept as is
    context_source: bool = False  # an agentless plan: the doer is the last meeting's
    fallback: bool = False  # a verb outside the lexicon: an event only if the model is sure
    place_targets: bool = True  # a place named in its phrases may stand for its target


def extract_events(doc: SpacySpan | object, ctx: Context) -> list[Event]:
    known = {a.id for a in ctx.actors}
    events: list[Event] = []
    for sent, cand in event_candidates(doc, ctx):
        if _assign_type(cand) and (cand.targets or cand.plover in TARGETLESS_TYPES):
            events.append(_to_event(cand, sent, ctx, len(events) + 1))
    # phrases added as possible arguments of candidates that did not become events are
    # no actors of the article
    used = {aid for e in events for aid in (*e.source, *e.target)}
    ctx.actors[:] = [a for a in ctx.actors if a.id in known or a.id in used]
    return events


def event_candidates(doc: SpacySpan | object, ctx: Context) -> list[tuple[SpacySpan, Candidate]]:
    """Every candidate event with its sentence, before typing (the classifier's input)."""
    out: list[tuple[SpacySpan, Candidate]] = []
    headings = [(h.start, h.end) for h in ctx.article.subheadings]
    meeting_sources: list[Actor] = []
    for sent in _segments(doc):
        if any(s < sent.end_char and sent.start_char < e for s, e in headings):
            continue  # a subheading names a topic, not an event that happened
        for cand in _sentence_candidates(sent, ctx):
            if not cand.sources and cand.context_source:
                # "plans were discussed to ...": decided at the meeting last reported
                cand.sources = list(meeting_sources)
            if not cand.sources:
                continue
            if cand.code.startswith("04") and not cand.targets:
                meeting_sources = cand.sources
            out.append((sent, cand))
    return out


def lexicon_type(cand: Candidate) -> str | None:
    return cameo_info(cand.code).plover if cand.code else None


def bare_noun(cand: Candidate) -> bool:
    """A noun trigger standing alone (no light verb carrying it)."""
    return len(cand.trigger) == 1 and cand.trigger[0].pos_ in ("NOUN", "PROPN")


def _assign_type(cand: Candidate) -> bool:
    """Type the candidate: the classifier over trigger and argument features, the lexicon's
    code kept when it agrees (its finer CAMEO subtype), else the type's generic code.
    Without a model file the lexicon type stands alone."""
    lexical = lexicon_type(cand)
    if cand.rule or (lexical and bare_noun(cand)):
        # a bare event noun ("the annual session", "the cooperation") names its type: its
        # window words are the sentence's topic, which the classifier would type instead
        cand.plover = lexical
        return lexical is not None
    model = type_model()
    result = classify(type_features(cand.trigger, cand.code), model)
    if result is None or model is None:
        cand.plover = lexical
        return lexical is not None
    predicted, prob = result
    if lexical and (
        prob < model.override_for(lexical) or SYSTEM_SAME.get(lexical, lexical) == predicted
    ):
        cand.plover = lexical
        return True
    if not lexical and prob < (model.fallback if cand.fallback else model.alone):
        return False
    cand.plover = predicted
    cand.code = DEFAULT_CODES[predicted]
    return True


def _segments(doc: object) -> list[SpacySpan]:
    """Sentences, cut again at line breaks (a heading glued to the next sentence by the parser)."""
    out: list[SpacySpan] = []
    for sent in doc_sents(doc):  # type: ignore[arg-type]
        start = sent.start
        for tok in span_tokens(sent):
            if "\n" in tok.text and tok.i > start:
                out.append(sent.doc[start : tok.i])
                start = tok.i + 1
        if start < sent.end:
            out.append(sent.doc[start : sent.end])
    return out


# --- candidates -------------------------------------------------------------------------


def _sentence_candidates(sent: SpacySpan, ctx: Context) -> list[Candidate]:
    nouns = noun_triggers()
    verbs = verb_lexicon()
    used_nouns: set[int] = set()
    found: list[Candidate] = []
    by_trigger: dict[int, Candidate] = {}
    toks = span_tokens(sent)
    for tok in toks:
        if tok.pos_ == "VERB" and _is_event_verb(tok, verbs):
            cand = _verb_candidate(tok, sent, ctx, used_nouns)
            if cand:
                found.append(cand)
                by_trigger[tok.i] = cand
    for tok in toks:
        if tok.pos_ == "VERB" and tok.i not in by_trigger and _fallback_shape(tok, verbs):
            cand = _fallback_candidate(tok, sent, ctx)
            if cand:
                found.append(cand)
                by_trigger[tok.i] = cand
    for tok in toks:
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and noun_key(tok) in nouns
            and tok.i not in used_nouns
        ):
            cand = _noun_candidate(tok, sent, ctx, by_trigger)
            if cand:
                found.append(cand)
                by_trigger[tok.i] = cand
    _resolve_group_references(found, sent, ctx)
    for cand in found:
        cand.targets = [a for a in cand.targets if not _is_time_actor(a, ctx)]
        head = cand.trigger[0]
        if cand.code.startswith(JOINT_ROOTS) and len(cand.sources) == 1:
            # "the armies of Brazil and Argentina performed joint war games"
            cand.targets = _unique(_of_partners(head, sent, ctx) + cand.targets)
        if len(cand.sources) > 1 and (_joint_parties(head) or _joint_parties(cand.trigger[-1])):
            # "The US and the Taliban signed a pact": each party acts towards the other,
            # first of all in a joint act ("X and Y launched war games near Z")
            if cand.code.startswith(JOINT_ROOTS):
                cand.targets = _unique(cand.sources[::-1] + cand.targets)
            elif not any(_real_actor(a) for a in cand.targets):
                cand.targets = _unique(cand.targets + cand.sources[::-1])
        _peacekeeping_reading(cand, sent, ctx)
        _instrument_source(cand, sent, ctx)
        _restricted_place(cand, sent, ctx)
        if not (cand.rule or cand.code.startswith("04") or not cand.place_targets) and not any(
            _named(a) for a in cand.targets
        ):
            # "set up hospitals in Louisiana", "deployed troops to Liberia": with no named
            # party acted on, the place the act is aimed at stands for it (a meeting's
            # place is its venue; a frame rule names its own targets)
            cand.targets = _unique(cand.targets + _place_targets(cand, sent, ctx))
    return [
        c
        for c in found
        if (c.sources or c.context_source) and (not c.code or cameo_info(c.code).plover)
    ]


def _peacekeeping_reading(cand: Candidate, sent: SpacySpan, ctx: Context) -> None:
    """Troops sent, deployed or arriving as peacekeepers ("X sent troops to Y to serve as a
    peacekeeping force", "peacekeepers arrived in Y"): CAMEO 074, military protection (AID)
    of the place they go to; a deployed force without a named sender is the doer itself."""
    head = cand.trigger[0]
    words = frames()
    lemmas = {verb_lemma(t) if t.pos_ == "VERB" else t.lemma_.lower() for t in cand.trigger}
    if not lemmas & words["deployment_verbs"] or cand.code.startswith(("07", "08", "12")):
        return
    if not any(t.lemma_.lower() in words["peacekeeping_words"] for t in head.subtree):
        return
    if not cand.sources and any(c.dep_ == "nsubjpass" for c in children_of(head)):
        # "2,000 soldiers were deployed as peacekeepers along X": the soldiers keep the peace
        cand.sources, cand.targets = cand.targets[:1], cand.targets[1:]
    cand.code = "074"
    cand.rule = True
    cand.fallback = False
    cand.confidence = max(cand.confidence, 0.6)
    ids = {a.id for a in cand.sources}
    # _place_targets leaves the sources out already
    cand.targets = _unique(
        _place_targets(cand, sent, ctx) + [a for a in cand.targets if a.id not in ids]
    )


RESTRICTION_CODES = ("172",)  # curfews, states of emergency, martial law


def _restricted_place(cand: Candidate, sent: SpacySpan, ctx: Context) -> None:
    """ "declared a state of siege in X", "imposed a curfew in X": the place the restriction
    holds in is what it is imposed on, first of the targets."""
    if cand.code.startswith(RESTRICTION_CODES):
        cand.targets = _unique(_place_targets(cand, sent, ctx) + cand.targets)


def _instrument_source(cand: Candidate, sent: SpacySpan, ctx: Context) -> None:
    """ "A car bomb killed ...", "missiles struck ...": a violent act whose subject is a
    weapon or an attack with no doer named stands with that subject as its source."""
    head = cand.trigger[0]
    if cand.sources or head.pos_ != "VERB" or not cand.code.startswith(VIOLENT_ROOTS):
        return
    subj = _subject_of(head)
    if subj is None or subj.pos_ != "NOUN":
        return
    lemma = subj.lemma_.lower()
    entry = noun_triggers().get(noun_key(subj))
    violent = entry is not None and entry.code.startswith(VIOLENT_ROOTS)
    if violent or lemma in frames()["weapon_nouns"]:
        cand.sources = actors_for(subj, ctx, sent, require_actor_like=False)
        ids = {a.id for a in cand.sources}
        cand.targets = [a for a in cand.targets if a.id not in ids]


def _trusted_default(lemma: str) -> str | None:
    code = verb_code(lemma, frozenset())
    return code if code and cameo_info(code).plover else None


def _is_event_verb(tok: Token, verbs: Mapping[str, object]) -> bool:
    lemma = verb_lemma(tok)
    if lemma in light_verbs() or lemma == "call":
        return True
    if lemma not in verbs:
        return False
    # the complement of a governing event verb is coded by its governor
    if tok.dep_ == "xcomp" and head_of(tok).pos_ == "VERB":
        head_code = verb_code(verb_lemma(head_of(tok)), frozenset())
        if head_code and head_code.startswith(GOVERNING_ROOTS):
            return False
    return True


def _clause_words(verb: Token) -> frozenset[str]:
    """Lower-case words and lemmas after the verb inside its clause (for object patterns)."""
    words: set[str] = set()
    for child in rights_of(verb):
        if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
            continue  # a small clause ("found X guilty") belongs to the verb's frame
        for t in child.subtree:
            if t.i - verb.i > 6:
                break
            words.add(t.lower_)
            words.add(t.lemma_.lower())
        if child.dep_ == "dobj":  # the object's head however long its modifiers
            words.add(child.lower_)
            words.add(child.lemma_.lower())
        if child.dep_ in ("dobj", "dative"):
            # "granted David Safavian, a former official, a full pardon": the second object
            # of a double-object verb, parsed as an apposition, however far
            for second in _appositions(child):
                words.add(second.lower_)
                words.add(second.lemma_.lower())
    return frozenset(words)


def _appositions(head: Token) -> list[Token]:
    found: list[Token] = []
    todo = [head]
    while todo:
        tok = todo.pop()
        for c in children_of(tok):
            if c.dep_ == "appos" and len(found) < 4:
                found.append(c)
                todo.append(c)
    return found


def _light_object(verb: Token) -> Token | None:
    """The noun a light verb carries: its object ("held talks"), or "came under attack"."""
    nouns = noun_triggers()
    objects = [c for c in children_of(verb) if c.dep_ in ("dobj", "nsubjpass")]
    for child in objects:
        if noun_key(child) in nouns:
            return child
        inner = _contained_event(child, nouns)
        if inner is not None:
            return inner
    for child in children_of(verb):
        # "came under attack", "went on strike", "put troops on alert"
        if child.dep_ == "prep" and child.lower_ in ("under", "on"):
            pobj = next((p for p in children_of(child) if p.dep_ == "pobj"), None)
            if pobj is not None and (noun_key(pobj) in nouns or child.lower_ == "under"):
                return pobj
    return objects[0] if objects else None


def _contained_event(noun: Token, nouns: Mapping[str, object]) -> Token | None:
    """The event inside a quantity of events: "a new round of joint exercises", "a wave of
    attacks"."""
    if noun.lemma_.lower() not in frames()["event_containers"]:
        return None
    for prep in (c for c in children_of(noun) if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((p for p in children_of(prep) if p.dep_ == "pobj"), None)
        if pobj is not None and noun_key(pobj) in nouns:
            return pobj
    return None


def _verb_candidate(
    verb: Token, sent: SpacySpan, ctx: Context, used_nouns: set[int]
) -> Candidate | None:
    lemma = verb_lemma(verb)
    obj = _light_object(verb)
    nouns = noun_triggers()
    if obj is not None and noun_key(obj) in nouns and lemma in light_verbs():
        used_nouns.add(obj.i)
        return _light_verb_candidate(verb, obj, sent, ctx)
    if lemma == "call":
        return _call_candidate(verb, sent, ctx)
    if lemma in frames()["dismissal_verbs"] and _dismissed_party(verb):
        return None
    if lemma in frames()["question_verbs"] and _question_put(verb):
        return None
    framed = _frame_candidate(verb, sent, ctx)
    if framed is not None:
        return framed
    code = verb_code(lemma, _clause_words(verb))
    if code and _only_saying(lemma) and code[:2] not in frames()["verbal_roots"]:
        # "said in a press release": an object pattern naming a material act (a release)
        # matched a word of the saying's setting; saying is only ever a verbal act (unlike
        # "declared a state of siege", a performative)
        code = None
    if code and code[:2] not in frames()["verbal_roots"] and _message_object(verb):
        # "sent the police a plan": passing a message on is no deployment or aid
        return None
    if code and cameo_info(code).plover is None:
        # a CAMEO code outside PLOVER ("condemn terrorist attack" → 018, a condolence): the
        # verb's own trusted code where it has one (condemning is an accusation), else none
        code = _trusted_default(lemma)
    if _has_purpose(verb, frames()["aid_purposes"]):
        code = "070"  # "brought victims to X for assistance"
    cand = Candidate(trigger=[verb], code=code or "", clause_head=verb, rule=code == "070")
    cand.sources, cand.targets = _verb_arguments(verb, sent, ctx)
    cand.targets = _better_targets(cand, verb, sent, ctx)
    if cand.code.startswith(VIOLENT_ROOTS):
        sides = {a.id for a in _prep_actors(verb, ("for",), sent, ctx, strict=False)}
        cand.targets = [a for a in cand.targets if a.id not in sides]
    if not cand.sources and _agentless_plan(verb):
        cand.context_source = True
    if _aimless_motion(verb, lemma) and not cand.rule:
        # "returned to Thailand", "fled to the embassy": going somewhere is no act towards
        # the place; only "marched on X", "moved against X" aims at someone
        aimed = _prep_actors(verb, ATTACK_PREPS, sent, ctx, strict=False)
        cand.targets = [a for a in aimed if not _is_time_actor(a, ctx)]
        if not cand.targets:
            return None
        cand.place_targets = False  # the place gone to is no target either
    if (
        code
        and not cand.rule
        and lexicon_type(cand) in ACTOR_TARGET_TYPES
        and _only_things(cand.targets, sent)
    ):
        # "supported education", "funded the studies": these acts are done
        # to someone; with only a thing as their object the verb is used outside its sense
        return None
    if code is None:
        # a dictionary verb without a trusted code ("returned", "launched"): an event only
        # with a doer and an actor done-to, typed by the classifier from its words
        if lemma in frames()["say_verbs"]:
            return _report_candidate(verb, sent, ctx)
        if _never_alone(lemma) or not (
            cand.sources and any(_real_actor(a) for a in cand.targets)
        ):
            return None
        cand.confidence = 0.3
    elif cand.targets:
        cand.confidence = 0.7
    return cand


FALLBACK_ARG_DEPS = frozenset({"dobj", "prep", "dative", "nsubjpass", "agent"})
ATTACK_PREPS = ("against", "on", "upon", "into", "toward", "towards")


def _never_alone(lemma: str) -> bool:
    """Verbs the classifier never types without a lexicon code: communication and
    cognition (not_events) and verbs that report no act between actors (no_interaction)."""
    words = frames()
    return lemma in words["not_events"] or lemma in words["no_interaction_verbs"]


def _only_saying(lemma: str) -> bool:
    """A verb of saying that is never an event itself ("say", "tell", "add", "state")."""
    words = frames()
    return lemma in words["say_verbs"] and lemma in words["not_events"]


def _question_put(verb: Token) -> bool:
    """The verb's complement is a question ("asked X if ...", "asked X how ...", "asked,
    'Is it ...?'"), with no "to"-infinitive asking for an act."""
    kids = children_of(verb)
    if any(c.dep_ == "xcomp" for c in kids):
        return False
    marks = frames()["question_marks"]
    for clause in kids:
        if clause.dep_ == "advcl" and clause.i > verb.i:
            # "asked the minister if he had plans", parsed as a condition
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children_of(clause)):
                return True
            continue
        if clause.dep_ != "ccomp":
            continue
        first = clause.left_edge
        if first.lower_ in marks or any(
            c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in children_of(clause)
        ):
            return True
        if any(c.text == "?" for c in kids) or any(t.text == "?" for t in clause.subtree):
            return True
    return False


def _dismissed_party(verb: Token) -> bool:
    """A person or body as the direct object ("fired his vice president"), not a place
    ("sacked the city") nor a weapon ("fired rockets")."""
    return any(
        c.dep_ == "dobj" and c.ent_type_ not in ("GPE", "LOC", "FAC") and is_actor_like(c)
        for c in children_of(verb)
    )


def _message_object(verb: Token) -> bool:
    words = frames()["message_nouns"]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words for c in children_of(verb))


def _aimless_motion(verb: Token, lemma: str) -> bool:
    """A motion verb with no object and no event it goes for ("returned to Geneva for
    talks" goes for an event; "returned to Thailand" does not)."""
    if lemma not in frames()["motion_verbs"] or _has_object(verb):
        return False
    nouns = noun_triggers()
    return not any(
        p.dep_ == "prep"
        and p.lower_ == "for"
        and any(o.dep_ == "pobj" and noun_key(o) in nouns for o in children_of(p))
        for p in children_of(verb)
    )


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in children_of(verb))


def _fallback_shape(tok: Token, verbs: Mapping[str, object]) -> bool:
    """A verb outside the lexicon with an object or a prepositional phrase: cheap test
    before its arguments are looked up."""
    lemma = verb_lemma(tok)
    if lemma in verbs or _never_alone(lemma):
        return False
    return any(c.dep_ in FALLBACK_ARG_DEPS for c in children_of(tok))


def _fallback_candidate(verb: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    """Any other verb linking a doer to an actor done-to ("staged war games with X"),
    left for the classifier to type; it becomes an event only when the model is sure."""
    sources, targets = _verb_arguments(verb, sent, ctx)
    if _aimless_motion(verb, verb_lemma(verb)):
        targets = _prep_actors(verb, ATTACK_PREPS, sent, ctx, strict=False)
    if not sources or not any(_real_actor(a) for a in targets):
        return None
    return Candidate(
        trigger=[verb],
        code="",
        sources=sources,
        targets=targets,
        clause_head=verb,
        confidence=0.2,
        fallback=True,
    )


def _real_actor(actor: Actor) -> bool:
    return bool(actor.code) or actor.kind != "organization" or _named(actor)


# Types whose act is done to someone (aid, requests, praise, sanctions, cooperation,
# accusations, consultations): a thing as their only object is no target. (Others take
# things: "eased the measures", "seized the site", "rejected the referendum", "attacked the
# convoy".)
ACTOR_TARGET_TYPES = frozenset(
    {"AID", "REQUEST", "SUPPORT", "SANCTION", "COOPERATE", "ACCUSE", "CONSULT"}
)


def _only_things(targets: list[Actor], sent: SpacySpan) -> bool:
    """Whether every target is a thing, not a party: an uncoded, unnamed phrase whose head
    can name no actor ("education", "tear gas", "the pipeline"; not "the protesters",
    "twelve")."""
    return bool(targets) and all(_thing(a, sent) for a in targets)


def _thing(actor: Actor, sent: SpacySpan) -> bool:
    if _real_actor(actor):
        return False
    doc = sent.doc
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        if is_actor_like(head) or head.like_num or head.ent_type_ == "CARDINAL":
            return False
    return True


PLACE_PATH_DEPS = frozenset(
    {"pobj", "prep", "dobj", "compound", "conj", "appos", "nmod", "poss", "xcomp", "prt"}
)
NOT_TARGET_PREPS = frozenset({*SETTING_PREPS, "by", "after", "before", "following", "like"})
VIOLENT_BLOCKED = NOT_TARGET_PREPS | {"for"}


def _place_targets(cand: Candidate, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """Places named in the trigger's own phrases (not its subject, not a sub-clause or a
    time/circumstance phrase), as actors."""
    triggers = {t.i for t in cand.trigger}
    # "soldiers fighting for Russia": a side, not a target
    blocked = VIOLENT_BLOCKED if cand.code.startswith(VIOLENT_ROOTS) else NOT_TARGET_PREPS
    taken = {a.id for a in cand.sources}
    out: list[Actor] = []
    doc = sent.doc
    for place in ctx.places:
        if not (sent.start_char <= place.start and place.end <= sent.end_char):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or not _hangs_from(span.root, triggers, blocked):
            continue
        for actor in actors_for(span.root, ctx, sent, require_actor_like=False):
            if actor.id not in taken:
                out.append(actor)
    return out


def _hangs_from(tok: Token, triggers: set[int], blocked: frozenset[str]) -> bool:
    """Whether ``tok`` is reached from a trigger word through objects and prepositions only."""
    for _ in range(8):
        if head_of(tok).i == tok.i:
            return False
        if tok.dep_ not in PLACE_PATH_DEPS or tok.lower_ in blocked:
            return False
        tok = head_of(tok)
        if tok.i in triggers:
            return True
    return False


def _has_purpose(verb: Token, nouns: frozenset[str]) -> bool:
    return any(
        p.dep_ == "prep"
        and p.lower_ == "for"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in nouns for o in children_of(p))
        for p in children_of(verb)
    )


def _agentless_plan(verb: Token) -> bool:
    """The verb (or the verb it completes) is an agentless passive with a plan subject:
    "plans were discussed to bring ...", "a proposal was adopted to ..."."""
    if verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return False  # the plan verb itself ("discussed") is no event of its own
    tok = verb
    for _ in range(3):
        deps = {c.dep_ for c in children_of(tok)}
        subj = next((c for c in children_of(tok) if c.dep_ == "nsubjpass"), None)
        if subj is not None and "agent" not in deps:
            return (
                subj.lemma_.lower() in frames()["plan_nouns"]
                or subj.lower_ in frames()["plan_nouns"]
            )
        if subj is not None or "nsubj" in deps or head_of(tok).i == tok.i:
            return False
        if tok.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
            return False
        tok = head_of(tok)
    return False


def _frame_candidate(verb: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    """Two frames whose event is not the verb's own meaning: a declared posture against
    someone ("declared a tough response strategy to address threats from X": THREATEN X)
    and pointing to evidence ("pointed to images that suggest assistance": ACCUSE)."""
    lemma = verb_lemma(verb)
    words = frames()
    if lemma in words["posture_verbs"]:
        obj = next((c for c in children_of(verb) if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in words["posture_nouns"]:
            return _posture_candidate(verb, obj, sent, ctx)
    if lemma in words["say_verbs"]:
        return _obligation_candidate(verb, sent, ctx)
    if lemma in words["evidence_verbs"]:
        for prep in (c for c in children_of(verb) if c.dep_ in ("prep", "dobj")):
            pobj = (
                prep
                if prep.dep_ == "dobj"
                else next((c for c in children_of(prep) if c.dep_ == "pobj"), None)
            )
            if pobj is not None and pobj.lemma_.lower() in words["evidence_nouns"]:
                return _evidence_candidate(verb, pobj, sent, ctx)
    return None


def _obligation_candidate(verb: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    """ "X said Y must/should do Z": X asks Y (REQUEST), whatever Z is."""
    for comp in (c for c in children_of(verb) if c.dep_ == "ccomp"):
        if not any(
            c.dep_ == "aux" and c.lower_ in frames()["obligation_modals"] for c in children_of(comp)
        ):
            continue
        subj = _subject_of(comp)
        if subj is None or subj.pos_ == "PRON":
            continue
        sources = _subject_actors(verb, sent, ctx)
        ids = {a.id for a in sources}
        targets = [
            a for a in _argument_actors(subj, comp, sent, ctx, strict=False) if a.id not in ids
        ]
        if sources and targets:
            return Candidate(
                trigger=[verb],
                code="100",
                sources=sources,
                targets=targets,
                clause_head=verb,
                confidence=0.6,
                rule=True,
            )
    return None


def _report_candidate(verb: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    """ "X said Y was responsible", "critics say Y has used ...": what the speaker says
    about Y may be an act towards Y (an accusation, a commitment); the classifier types it
    from the reported clause and keeps it only when sure."""
    for comp in (c for c in children_of(verb) if c.dep_ == "ccomp"):
        subj = _subject_of(comp)
        if subj is None or subj.pos_ == "PRON":
            continue
        sources = _subject_actors(verb, sent, ctx)
        ids = {a.id for a in sources}
        targets = [
            a for a in _argument_actors(subj, comp, sent, ctx, strict=False) if a.id not in ids
        ]
        if sources and any(_real_actor(a) for a in targets):
            return Candidate(
                trigger=[verb],
                code="",
                sources=sources,
                targets=targets,
                clause_head=verb,
                confidence=0.2,
                fallback=True,
            )
    return None


def _posture_candidate(verb: Token, obj: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    sources = _subject_actors(verb, sent, ctx)
    ids = {a.id for a in sources}
    start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
    inside = _outside_setting(ctx.actors_in(start, end), [obj], start, end)
    targets = [a for a in inside if a.code and a.id not in ids]
    if not sources or not targets:
        return None
    return Candidate(
        trigger=[verb, obj],
        code="130",
        sources=sources,
        targets=targets,
        clause_head=verb,
        confidence=0.7,
        rule=True,
    )


def _evidence_candidate(
    verb: Token, evidence: Token, sent: SpacySpan, ctx: Context
) -> Candidate | None:
    """The accused: doers of the event the evidence points at, else the other side of a
    contrast ("While X denied ..., Y pointed to evidence ...")."""
    sources = _subject_actors(verb, sent, ctx)
    ids = {a.id for a in sources}
    targets: list[Actor] = []
    for tok in evidence.subtree:
        if noun_key(tok) in noun_triggers() and tok.i != evidence.i:
            targets.extend(_noun_event_doers(tok, sent, ctx))
    if not targets:
        for clause in (c for c in children_of(verb) if c.dep_ == "advcl"):
            subj = next((c for c in children_of(clause) if c.dep_ in SUBJ), None)
            if subj is not None:
                targets.extend(_argument_actors(subj, clause, sent, ctx))
    targets = [a for a in _unique(targets) if a.id not in ids]
    if not sources or not targets:
        return None
    return Candidate(
        trigger=[verb],
        code="112",
        sources=sources,
        targets=targets,
        clause_head=verb,
        confidence=0.6,
        rule=True,
    )


def _light_verb_candidate(verb: Token, noun: Token, sent: SpacySpan, ctx: Context) -> Candidate:
    entry = noun_triggers()[noun_key(noun)]
    code = entry.code
    modifiers = {c.lower_ for c in lefts_of(noun) if c.dep_ in ("amod", "compound")}
    if noun.lemma_.lower() == "strike" and _labour_strike(noun, modifiers):
        code = "143"
    cand = Candidate(trigger=[verb, noun], code=code, clause_head=verb, confidence=0.7)
    subj_actors = _subject_actors(verb, sent, ctx)
    if light_verbs()[verb_lemma(verb)] == "receive":
        cand.sources = _prep_actors(noun, ("from", "by"), sent, ctx) or _prep_actors(
            verb, ("from", "by"), sent, ctx
        )
        cand.targets = subj_actors
        return cand
    # "war games were staged by X and Y"; "cooperation between X and Y was strengthened"
    cand.sources = subj_actors or _agent_actors(verb, sent, ctx) or _noun_event_doers(
        noun, sent, ctx
    )
    if code.startswith(BENEFICIARY_ROOTS):
        cand.targets = _prep_actors(noun, ("for",), sent, ctx, strict=False)
    cand.targets = cand.targets or (
        _prep_actors(noun, (*TARGET_PREPS, "of"), sent, ctx, strict=False)
        or _prep_actors(verb, TARGET_PREPS, sent, ctx, strict=False)
        or _dative_actors(verb, sent, ctx)
    )
    cand.targets = _better_targets(cand, verb, sent, ctx)
    return cand


def _call_candidate(verb: Token, sent: SpacySpan, ctx: Context) -> Candidate | None:
    """ "call for/on" is a request; "calling it a “bloc”" (a scare-quoted label) an accusation."""
    preps = {c.lower_: c for c in children_of(verb) if c.dep_ in ("prep", "prt")}
    if "off" in preps:
        # "called off the strike" is ending it
        cand = Candidate(trigger=[verb], code=verb_code("end", _clause_words(verb)) or "")
        cand.clause_head = verb
        cand.sources, cand.targets = _verb_arguments(verb, sent, ctx)
        return cand if cand.code else None
    if "for" in preps or "on" in preps:
        cand = Candidate(trigger=[verb], code="020", clause_head=verb)
        cand.sources, cand.targets = _verb_arguments(verb, sent, ctx)
        return cand
    obj = next((c for c in children_of(verb) if c.dep_ == "dobj"), None)
    label = next((c for c in children_of(verb) if c.dep_ in ("oprd", "xcomp", "attr", "ccomp")), None)
    if obj is None or label is None:
        return None
    doc = verb.doc
    label_words = [doc[max(label.left_edge.i - 1, 0)], *label.subtree]
    if not any(q in t.text for t in label_words for q in QUOTES):
        return None  # "called it a “bloc”": only a scare-quoted label is an accusation
    cand = Candidate(trigger=[verb], code="111", clause_head=verb, confidence=0.6)
    cand.sources = _subject_actors(verb, sent, ctx)
    cand.targets = _argument_actors(obj, verb, sent, ctx, strict=False)
    if _only_things(cand.targets, sent):
        return None  # "called the death “senseless”": a label on a thing accuses no one
    return cand


def _noun_candidate(
    noun: Token, sent: SpacySpan, ctx: Context, by_trigger: dict[int, Candidate]
) -> Candidate | None:
    entry = noun_triggers()[noun_key(noun)]
    code = entry.code
    modifiers = {c.lower_ for c in lefts_of(noun) if c.dep_ in ("amod", "compound")}
    if noun.lemma_.lower() == "strike" and _labour_strike(noun, modifiers):
        code = "143"  # a labour or hunger strike, not an air strike
    if code == "060" and modifiers & {"military", "defense", "defence", "security"}:
        code = "062"  # "military cooperation": the military mode of COOPERATE
    elif code == "060" and modifiers & {"economic", "trade", "financial"}:
        code = "061"
    cand = Candidate(trigger=[noun], code=code, clause_head=noun, confidence=0.5)
    between = _prep_actors(noun, ("between", "among"), sent, ctx)
    sources = between or _modifier_actors(noun, sent, ctx)
    sources = sources or _prep_actors(noun, SOURCE_PREPS_NOUN, sent, ctx)
    if entry.of_role == "source":
        sources = sources or _prep_actors(noun, ("of",), sent, ctx)
    cand.sources = sources
    targets = _prep_actors(noun, TARGET_PREPS, sent, ctx, strict=False)
    if entry.of_role == "target":
        targets = targets or _prep_actors(noun, ("of",), sent, ctx, strict=False)
    cand.targets = [a for a in targets if a.id not in {s.id for s in sources}]
    plover = cameo_info(code).plover if code else None
    if plover in ACTOR_TARGET_TYPES and _only_things(cand.targets, sent):
        # "allegations of fraud", "the appeal of that decision": the act is about a thing,
        # its party unnamed
        return None
    return cand


LABOUR_STRIKE_WORDS = frozenset(
    {
        "hunger",
        "general",
        "sit",
        "labor",
        "labour",
        "workers",
        "teachers",
        "national",
        "indefinite",
        "warning",
        "wildcat",
    }
)


def _labour_strike(noun: Token, modifiers: set[str]) -> bool:
    if modifiers & LABOUR_STRIKE_WORDS:
        return True
    return noun.dep_ == "pobj" and head_of(noun).lower_ == "on"  # "went on strike"


def _better_targets(cand: Candidate, verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """Keep targets that denote actors; for an abstract or missing object ("imposed sanctions
    in relation to Iraq", "lifted a ban on X") take the first actor phrase after the trigger
    inside the trigger's own phrase."""
    if any(a.code or a.kind != "organization" or _named(a) for a in cand.targets):
        return cand.targets
    source_ids = {a.id for a in cand.sources}
    last = cand.trigger[-1]
    for tok in verb.subtree:
        if tok.i <= last.i or tok.dep_ not in ("pobj", "dobj", "poss", "dative", "nsubj"):
            continue
        if _inside_subclause(tok, verb):
            continue
        if tok.pos_ in ("PROPN", "NOUN") and is_actor_like(tok):
            found = [a for a in actors_for(tok, ctx, sent) if a.id not in source_ids]
            if found:
                return found
    return cand.targets


def _named(actor: Actor) -> bool:
    return any(ch.isupper() for ch in actor.name[:1]) or actor.name[:1].isdigit()


def _inside_subclause(tok: Token, verb: Token) -> bool:
    while tok.i != verb.i and head_of(tok).i != tok.i:
        if tok.dep_ in ("relcl", "advcl", "parataxis"):
            return True
        tok = head_of(tok)
    return False


# --- arguments --------------------------------------------------------------------------


def _verb_arguments(verb: Token, sent: SpacySpan, ctx: Context) -> tuple[list[Actor], list[Actor]]:
    agent = next((c for c in children_of(verb) if c.dep_ == "agent"), None)
    passive_subj = next((c for c in children_of(verb) if c.dep_ == "nsubjpass"), None)
    if _subjectless_passive(verb):
        # "Turkey is under sanctions and was condemned (in a statement) by Egypt": the
        # subject shared with the first conjunct is the one acted on; the doer is the agent,
        # or a "by" phrase on the verb's setting noun
        sources = _agent_actors(verb, sent, ctx)
        sources = sources or _setting_agents(verb, sent, ctx)
        targets = _unique(_subject_actors(verb, sent, ctx) + _clause_targets(verb, sent, ctx))
    elif agent is not None or passive_subj is not None:
        sources = _agent_actors(verb, sent, ctx)
        if not sources and passive_subj is None:
            sources = _subject_actors(verb, sent, ctx)
        if not sources:
            # "was arrested in Rwanda": the state where it happened stands for the doer
            sources = [a for a in _prep_actors(verb, ("in",), sent, ctx) if a.kind == "country"]
        targets = (
            _argument_actors(passive_subj, verb, sent, ctx, strict=False) if passive_subj else []
        )
        targets = _unique(targets + _clause_targets(verb, sent, ctx))
    else:
        sources = _subject_actors(verb, sent, ctx)
        targets = _clause_targets(verb, sent, ctx)
    source_ids = {s.id for s in sources}
    others = [a for a in targets if a.id not in source_ids]
    others = _unique(others + [a for a in _named_in_clause(verb, ctx) if a.id not in source_ids])
    if len(sources) > 1 and _coordinated_subject(verb):
        # "Jordan and Britain agreed to ...": each party acts towards the other
        return sources, _unique([a for a in others if _real_actor(a)] + sources[::-1])
    return sources, others


def _subjectless_passive(verb: Token) -> bool:
    kids = children_of(verb)
    return (
        verb.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in kids)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in kids)
    )


def _setting_agents(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    out: list[Actor] = []
    for prep in (c for c in children_of(verb) if c.dep_ == "prep"):
        for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            out.extend(_prep_actors(pobj, ("by",), sent, ctx))
    return _unique(out)


def _named_in_clause(verb: Token, ctx: Context) -> list[Actor]:
    """Coded or named actors anywhere after the verb in its own clause (deeper PPs: "sent
    troops to the UN force in South Sudan"), least direct, so last."""
    right = [c for c in rights_of(verb) if c.dep_ not in ("relcl", "parataxis", "punct", "cc")]
    right = [c for c in right if not (c.dep_ in ("advcl", "conj") and c.pos_ in ("VERB", "AUX"))]
    if not right:
        return []
    start = min(c.left_edge.idx for c in right)
    last = max(right, key=lambda c: c.right_edge.i).right_edge
    end = last.idx + len(last)
    named = [a for a in ctx.actors_in(start, end) if a.code or _named(a)]
    return _outside_setting(named, right, start, end)


def _outside_setting(actors: list[Actor], roots: list[Token], start: int, end: int) -> list[Actor]:
    """Drop actors named only inside a time or circumstance phrase under ``roots``: that is
    the setting, not the target ("... threats from X during the meeting of the party")."""
    if not actors or not any(
        has_word_between(r.doc, SETTING_PREPS, r.left_edge.i, r.right_edge.i) for r in roots
    ):
        return actors
    setting = [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
        for root in roots
        for t in root.subtree
        if t.dep_ == "prep" and t.lower_ in SETTING_PREPS
    ]

    def in_setting(actor: Actor) -> bool:
        inside = [m for m in actor.mentions if start <= m.start and m.end <= end]
        return bool(inside) and all(
            any(a <= m.start and m.end <= b for a, b in setting) for m in inside
        )

    return [a for a in actors if not in_setting(a)] if setting else actors



def _joint_parties(head: Token) -> bool:
    """Whether the trigger's parties are coordinated: "X and Y signed", "was staged by X and
    Y", "cooperation between X and Y"."""
    if head.pos_ in ("VERB", "AUX"):
        return _coordinated_subject(head) or _coordinated_agent(head)
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in children_of(head))


def _coordinated_agent(verb: Token) -> bool:
    return any(
        p.dep_ == "pobj" and _coordinated_phrase(p)
        for a in children_of(verb)
        if a.dep_ == "agent"
        for p in children_of(a)
    )


def _coordinated_phrase(head: Token) -> bool:
    """ "X and Y", or parties coordinated in the head's modifier ("Chinese and Russian
    forces", "UK and EU negotiators")."""
    return any(c.dep_ == "conj" for c in children_of(head)) or any(
        c.dep_ in ("conj", "cc")
        for m in lefts_of(head)
        if m.dep_ in ("poss", "compound", "amod", "nmod")
        for c in children_of(m)
    )


def _agent_actors(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    return _prep_actors(verb, ("by",), sent, ctx, deps=("agent",))  # the passive's "by" X


def _of_partners(head: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """The other parties coordinated inside the subject's "of" phrase ("the armies of X and
    Y": Y), for a joint act the subject's owner does with them."""
    subj = _subject_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return []
    out: list[Actor] = []
    for prep in (c for c in children_of(subj) if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (p for p in children_of(prep) if p.dep_ == "pobj"):
            for other in conjuncts(pobj):
                out.extend(actors_for(other, ctx, sent))
    return _unique(out)


def _coordinated_subject(verb: Token) -> bool:
    tok = verb
    for _ in range(4):
        subj = next((c for c in children_of(tok) if c.dep_ in SUBJ), None)
        if subj is not None:
            # "X and Y", or "Russia and Turkey's ministers", "UK and EU negotiators": the
            # parties coordinated inside the subject's modifier
            return _coordinated_phrase(subj)
        if tok.dep_ not in ("xcomp", "acomp", "conj") or head_of(tok).i == tok.i:
            return False
        tok = head_of(tok)
    return False


OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
VERB_TARGET_PREPS = (*TARGET_PREPS, "in", "from", "for", "of", "upon", "about", "within")


def _clause_targets(verb: Token, sent: SpacySpan, ctx: Context, depth: int = 0) -> list[Actor]:
    """Everything the event is done to, most direct first: objects, the objects' own
    prepositional complements ("sanctions against X"), prepositional objects of the verb,
    the subject of a complement clause ("demanded that X resign") and the arguments of an
    infinitive complement ("agreed to withdraw troops from X")."""
    out: list[Actor] = []
    for obj in (c for c in children_of(verb) if c.dep_ in OBJECT_DEPS):
        out.extend(_argument_actors(obj, verb, sent, ctx, strict=False))
        # "sanctions against X", "a request from X"
        out.extend(_prep_actors(obj, (*TARGET_PREPS, "from"), sent, ctx, strict=False))
    out.extend(_prep_actors(verb, VERB_TARGET_PREPS, sent, ctx, strict=False))
    for prep in (c for c in children_of(verb) if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        # "called for sanctions against X"
        for pobj in (c for c in children_of(prep) if c.dep_ == "pobj"):
            out.extend(_prep_actors(pobj, TARGET_PREPS, sent, ctx, strict=False))
    out.extend(_ccomp_subject_actors(verb, sent, ctx))
    out.extend(_condition_subjects(verb, sent, ctx))
    if depth < 2:
        for comp in children_of(verb):
            if comp.dep_ in ("xcomp", "acomp") or (
                comp.dep_ == "advcl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(comp))
            ):
                out.extend(_clause_targets(comp, sent, ctx, depth + 1))
    return _unique([a for a in out if not _is_time_actor(a, ctx)])


CONDITION_MARKS = frozenset({"until", "unless", "if", "before"})


def _condition_subjects(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """ "will not lift the embargo until Cuba releases ...": the party the condition is
    put to is the one acted on."""
    out: list[Actor] = []
    for clause in (c for c in children_of(verb) if c.dep_ == "advcl"):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children_of(clause)):
            subj = _subject_of(clause)
            if subj is not None and subj.pos_ != "PRON":
                out.extend(_argument_actors(subj, clause, sent, ctx, strict=False))
    return out


def _is_time_actor(actor: Actor, ctx: Context) -> bool:
    """An uncoded "actor" that is a time expression ("Tuesday", "last week")."""
    if actor.code or not actor.mentions:
        return False
    m = actor.mentions[0]
    return ctx.time_at(m.start, m.end) is not None


def _subject_actors(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """The doer: own subject, else the subject of the verb it hangs from (same sentence)."""
    tok = verb
    for _ in range(4):
        subj = _subject_of(tok)
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                return _argument_actors(head_of(tok), tok, sent, ctx)
            if subj.lower_ in ("it", "they", "we") and tok.dep_ == "ccomp":
                # "X said it would recognize Y": the speaker is the doer
                speaker = next((c for c in children_of(head_of(tok)) if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.pos_ != "PRON":
                    return _argument_actors(speaker, head_of(tok), sent, ctx)
            found = _argument_actors(subj, tok, sent, ctx)
            for appos in (c for c in children_of(subj) if c.dep_ == "appos"):
                found = _unique(found + _argument_actors(appos, tok, sent, ctx))
            return found
        agent = next((c for c in children_of(tok) if c.dep_ == "agent"), None)
        if agent is not None and tok.i != verb.i:
            return _agent_actors(tok, sent, ctx)
        if tok.dep_ == "relcl":
            return _argument_actors(head_of(tok), tok, sent, ctx)
        if tok.dep_ not in ("xcomp", "conj", "advcl", "acl", "acomp") or head_of(tok).i == tok.i:
            return []
        if tok.dep_ == "acl" and head_of(tok).pos_ in ("NOUN", "PROPN"):
            # "soldiers fighting for Russia": the noun does it; "forces based in X": it doesn't;
            # a sentence without a main verb ("A report called for ...") is a misparse of
            # "noun verbed"
            doer = tok.tag_ == "VBG" or (
                head_of(tok).dep_ == "ROOT"
                and tok.tag_ in ("VBD", "VBN")
                and not any(c.dep_ in ("agent", "auxpass") for c in children_of(tok))
            )
            return _argument_actors(head_of(tok), tok, sent, ctx) if doer else []
        tok = head_of(tok)
    return []


DASHES = frozenset({"--", "—", "–", "-", ":"})


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; a dateline parsed as a second subject ("BERLIN -- A court has
    convicted ...") is skipped."""
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJ]
    dash = _dateline_dash(verb)
    if dash is None:
        return subjects[0] if subjects else None
    after = [s for s in subjects if s.i > dash]
    if after:
        return after[0]
    for subj in subjects:
        # "THE HAGUE, Netherlands -- A U.N. prosecutor has charged": the doer hangs from
        # the dateline as an apposition
        inner = [
            t
            for t in subj.subtree
            if t.i > dash and head_of(t).i < dash and t.pos_ in ("NOUN", "PROPN")
        ]
        if inner:
            return inner[0]
    return subjects[0] if subjects else None


def _dateline_dash(tok: Token) -> int | None:
    """The dash ending a dateline ("ALGIERS, Algeria - ", "MANILA -- ", "ADDIS ABABA, May 15
    (Xinhua) -- ", "KABUL (Pajhwok): ") at the start of the sentence."""
    sent = sent_of(tok)
    parens = 0
    for t in span_tokens(sent)[:14]:
        text = t.text
        if text.startswith(")"):  # the tokenizer keeps "):" together
            parens -= 1
            text = text[1:]
        if text in DASHES and t.i > sent.start and not parens:
            return t.i
        if text == "(":
            parens += 1
        elif text and not (parens or _dateline_word(t)):
            return None
    return None


def _dateline_word(t: Token) -> bool:
    """A word a dateline is made of: place names (often in capitals), a date, punctuation."""
    return (
        t.pos_ in ("PROPN", "DET")
        or t.is_punct
        or (t.is_upper and t.is_alpha)
        or t.ent_type_ in ("GPE", "DATE")
        or t.like_num
    )


def _argument_actors(
    arg: Token, verb: Token, sent: SpacySpan, ctx: Context, strict: bool = True
) -> list[Actor]:
    """Actors for an argument: pronoun "it/them" → the governing verb's object; an event noun
    → that event's doer; an abstract noun with a possessor ("South Korea's role") → the
    possessor; otherwise the noun phrase itself."""
    if arg.lower_ in ("it", "them", "this") and verb.dep_ in ("advcl", "conj", "xcomp"):
        gov_obj = next((c for c in children_of(head_of(verb)) if c.dep_ in ("dobj", "nsubjpass")), None)
        if gov_obj is not None and gov_obj.i != arg.i:
            return _argument_actors(gov_obj, head_of(verb), sent, ctx, strict)
        return []
    if arg.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X") and arg.ent_type_ != "NORP":
        return []  # a nationality stands for its people ("Japanese and Australian armies")
    if noun_key(arg) in noun_triggers():
        inner = _noun_event_doers(arg, sent, ctx)
        if inner:
            return inner
    if arg.pos_ == "NOUN" and arg.ent_type_ == "":
        # "South Korea's role", "the Indian government's decision": the possessor
        poss = next(
            (
                c
                for c in children_of(arg)
                if c.dep_ == "poss" and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and is_actor_like(c)))
            ),
            None,
        )
        if poss is not None:
            return actors_for(poss, ctx, sent, strict)
        named = _named_inside(arg, sent, ctx)
        if named:
            return named
    return actors_for(arg, ctx, sent, strict)


def _named_inside(arg: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """Known actors named inside a common-noun phrase ("the U.S.-led exercises")."""
    start = arg.left_edge.idx
    end = arg.idx + len(arg)
    return [a for a in ctx.actors_in(start, end) if a.code or _named(a)]


def _noun_event_doers(noun: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """Who does what an event noun names: "between X and Y", "X's", or the subject of the
    light verb carrying it ("Pyongyang has conducted launches, which ...")."""
    between = _prep_actors(noun, ("between", "among"), sent, ctx)
    doers = between or _modifier_actors(noun, sent, ctx) or _prep_actors(noun, ("by",), sent, ctx)
    if not doers and noun.dep_ == "dobj" and light_verbs().get(verb_lemma(head_of(noun))) == "agent":
        doers = _subject_actors(head_of(noun), sent, ctx)
    return doers


def _modifier_actors(noun: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """Doers named before an event noun: possessor, proper-noun compound or nationality."""
    out: list[Actor] = []
    for child in lefts_of(noun):
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            out.extend(actors_for(child, ctx, sent))
        elif child.dep_ in ("compound", "amod", "nmod", "npadvmod") and (
            child.pos_ == "PROPN" or child.ent_type_ in ("NORP", "GPE", "ORG")
        ):
            out.extend(
                ctx.actors_in(child.left_edge.idx, child.idx + len(child))
                or actors_for(child, ctx, sent)
            )
    return _unique(out)


def _prep_actors(
    head: Token,
    preps: tuple[str, ...],
    sent: SpacySpan,
    ctx: Context,
    deps: tuple[str, ...] = ("prep",),
    strict: bool = True,
) -> list[Actor]:
    out: list[Actor] = []
    for prep in children_of(head):
        if prep.dep_ in deps and prep.lower_ in preps:
            for pobj in children_of(prep):
                if pobj.dep_ == "pobj" and not _mere_place(prep, pobj, ctx):
                    out.extend(_argument_actors(pobj, head, sent, ctx, strict))
    return _unique(out)


LOCATIVE_PREPS = frozenset({"in", "to", "into", "from", "at", "near", "across", "within"})


def _mere_place(prep: Token, pobj: Token, ctx: Context) -> bool:
    """ "brought victims to Pyongyang": a place the places extractor found, after a
    locative preposition, and no actor there: where it happened, not who took part."""
    if prep.lower_ not in LOCATIVE_PREPS:
        return False
    start, end = pobj.idx, pobj.idx + len(pobj)
    return ctx.place_at(start, end) is not None and ctx.actor_at(start, end) is None


def _dative_actors(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    dative = next((c for c in children_of(verb) if c.dep_ == "dative"), None)
    return actors_for(dative, ctx, sent) if dative is not None else []


def _ccomp_subject_actors(verb: Token, sent: SpacySpan, ctx: Context) -> list[Actor]:
    """ "demanded that X resign": the target is the subject of the complement clause."""
    for child in children_of(verb):
        if child.dep_ == "ccomp":
            subj = next((c for c in children_of(child) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                return _argument_actors(subj, child, sent, ctx, strict=False)
    return []


def _resolve_group_references(found: list[Candidate], sent: SpacySpan, ctx: Context) -> None:
    """ "the two leaders" / "both sides" → the parties of the previous event in the sentence."""
    for i, cand in enumerate(found):
        if i == 0 or not cand.sources:
            continue
        mention = _only_mention(cand.sources)
        if mention is None:
            continue
        words = mention.lower().split()
        if ("two" in words or "both" in words) and any(
            w.rstrip("s") in GROUP_REFERENCES for w in words
        ):
            prev = max(
                (c for c in found[:i] if c.trigger[0].i < cand.trigger[0].i),
                key=lambda c: c.trigger[0].i,
                default=None,
            )
            if prev is not None and prev.sources:
                cand.sources = _unique(prev.sources + prev.targets)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _only_mention(actors: list[Actor]) -> str | None:
    if len(actors) != 1 or actors[0].code or len(actors[0].mentions) != 1:
        return None
    return actors[0].mentions[0].text


# --- output -----------------------------------------------------------------------------


def _clause_span(head: Token) -> tuple[int, int]:
    """Character span of the clause around the trigger, sub-clauses cut off at its edges."""
    tokens = [head]
    for child in children_of(head):
        if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
            continue
        tokens.extend(child.subtree)
    if head.dep_ in SUBJ or head.dep_ == "nsubjpass":
        tokens.append(head_of(head))
    tokens = [t for t in tokens if not t.is_punct or t.i in (head.i,)]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def _to_event(cand: Candidate, sent: SpacySpan, ctx: Context, n: int) -> Event:
    info = cameo_info(cand.code)
    ptype = cand.plover or info.plover or ""
    body = ctx.article.body
    # a passive light verb's noun comes first ("war games were staged by ...")
    first, last = min(cand.trigger, key=lambda t: t.i), max(cand.trigger, key=lambda t: t.i)
    if len(cand.trigger) > 1 and last.i - first.i > 6:
        first = last = cand.trigger[0]  # keep triggers short: "held ... summit" → the verb
    t_start, t_end = first.idx, last.idx + len(last)
    head = cand.clause_head or first
    s_start, s_end = _clause_span(head)
    s_start, s_end = min(s_start, t_start), max(s_end, t_end)
    status = event_status(cand.trigger[-1] if cand.trigger[-1].pos_ == "NOUN" else first)
    if len(cand.trigger) > 1 and status == "asserted":
        status = event_status(first)
    return Event(
        id=f"e{n}",
        type=ptype,
        mode=info.mode,
        cameo=info.code,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        source=[a.id for a in cand.sources],
        target=[a.id for a in cand.targets],
        status=status,  # type: ignore[arg-type]
        date=_event_date(ctx, s_start, s_end, sent),
        place_id=_place_id(ctx, s_start, s_end),
        trigger=TextSpan(start=t_start, end=t_end, text=body[t_start:t_end]),
        span=Span(start=s_start, end=s_end),
        confidence=cand.confidence,
    )


def _event_date(ctx: Context, start: int, end: int, sent: SpacySpan) -> EventDate:
    """The clause's own time expression, else one in its sentence; never the publication date."""
    t = ctx.time_at(start, end) or ctx.time_at(sent.start_char, sent.end_char)
    if t is None or t.type == "SET":
        return EventDate()
    return EventDate(start=t.interval.start, end=t.interval.end, time_id=t.id)


def _place_id(ctx: Context, start: int, end: int) -> str | None:
    place = ctx.place_at(start, end)
    return place.id if place else None


__all__ = ["conjuncts", "extract_events"]
