"""Extract time expressions (TIMEX3) from the body, normalised against the publication date.

The rule grammar in ``times_grammar`` finds and normalises candidates on the raw text; the
spaCy parse only answers three questions for it: the tense governing an expression
(which Monday? which December?), whether an ambiguous month name ("May", "March") is a
month, and whether a four-digit number is a year rather than a count ("2000 people").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.times_calendar import Tense
from newsgraph.extract.times_grammar import Env, Found, find_times
from newsgraph.extract.times_lexicon import AMBIGUOUS_MONTHS
from newsgraph.model import Interval, TimeExpr
from newsgraph.read.doccache import children_of, doc_text, head_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going", "gon"})
# Verbs whose complement is a plan: "is expected to meet on Monday", "plans to visit in May".
PLAN_VERBS = frozenset({
    "expect", "plan", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "want",
    "promise", "pledge", "vow", "threaten", "propose", "agree", "decide", "seek", "slate",
})  # fmt: skip
YEAR_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "from", "to", "before", "after", "during", "of", "around",
})  # fmt: skip


class DocOracle:
    """Answers the grammar's questions about the parse at character offsets."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def tense_at(self, start: int, end: int) -> Tense:
        span = self._span(start, end)
        if span is None or len(span) == 0:
            return "past"
        verb = _governing_verb(span.root)
        if verb is None:
            return "past"
        return _tense_of(verb)

    def is_time_word(self, start: int, end: int) -> bool:
        """A capitalised month name that spaCy reads as a month, not a modal, verb or name."""
        span = self._span(start, end)
        if span is None or len(span) != 1:
            return True
        token = span[0]
        if token.lower_ not in AMBIGUOUS_MONTHS:
            return True
        if token.tag_ in ("MD", "VB", "VBP", "VBZ") or token.ent_type_ in ("PERSON", "ORG"):
            return False
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.lower_ in ("'s", "’s"):
            return False  # "May's agreement": a name
        if following is not None and following.is_title and following.pos_ == "PROPN" \
                and following.ent_type_ != "DATE":
            return False  # "April Ryan", "June Carter"
        return token.ent_type_ == "DATE" or (token.i > 0 and token.nbor(-1).lower_ in (
            "in", "since", "until", "by", "of", "last", "next", "this", "early", "late", "mid",
            "from", "to", "through", "during", "before", "after", "between", "and", "or", "on"))

    def is_year_number(self, start: int, end: int) -> bool:
        """A four-digit number used as a year: not a count ("2000 people"), money or a code."""
        span = self._span(start, end)
        if span is None or len(span) != 1:
            return True
        token = span[0]
        previous = token.nbor(-1) if token.i > 0 else None
        # a count of things: "2000 people" (but "the 2020 elections" names a year)
        if token.dep_ == "nummod" and head_of(token).tag_ == "NNS" and (
                previous is None or previous.tag_ not in ("DT", "PRP$", "POS")):
            return False
        if token.ent_type_ == "DATE":
            return True
        if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
            return False
        # "2000 or 3000 likes"
        return not (token.ent_type_ == "CARDINAL" and (
            previous is None or previous.lower_ not in YEAR_PREPOSITIONS))


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb or auxiliary above ``token`` (the token itself included)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if head_of(token) is token:
            break
        token = head_of(token)
    return None


def _tense_of(verb: Token) -> Tense:
    auxiliaries = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    words = {t.lower_ for t in auxiliaries} | {verb.lower_}
    # Other modals (could, may, must) are as often about the past or the present.
    if words & FUTURE_AUX or any(t.lower_ == "would" for t in auxiliaries):
        return "future"
    # "expected to meet on Monday": the plan verb's own tense does not date the plan
    if verb.dep_ == "xcomp" and head_of(verb).lemma_ in PLAN_VERBS:
        return "future"
    if verb.lemma_ in PLAN_VERBS and any(c.dep_ == "xcomp" for c in children_of(verb)) and \
            verb.tag_ in ("VBZ", "VBP", "VBN"):
        return "future"
    if verb.lemma_ in PLAN_VERBS and verb.tag_ == "VBN":
        return "future"  # "scheduled for Monday", "expected in June"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
    if infinitive and head_of(verb) is not verb and head_of(verb).lemma_ == "be" \
            and head_of(verb).tag_ in ("VBZ", "VBP"):
        return "future"  # "is to be sentenced in June"
    if verb.tag_ in ("VBD", "VBN") or any(t.tag_ in ("VBD",) for t in auxiliaries):
        return "past"
    if any(t.lower_ in ("has", "have", "'ve", "'s") for t in auxiliaries) and verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VBG" and any(t.tag_ in ("VBZ", "VBP") for t in auxiliaries):
        return "future"  # "is meeting on Monday"
    return "present"  # the closest day wins: "polls close on Sunday"


def find_in_doc(doc: Doc, published: dt.date | None) -> list[Found]:
    """The grammar's finds for a parsed text (ranges kept whole, with their parts)."""
    oracle = DocOracle(doc)
    env = Env(dct=published, tense_at=oracle.tense_at, is_time_word=oracle.is_time_word,
              is_year_number=oracle.is_year_number)
    return find_times(doc_text(doc), env)


def to_time_expr(item: Found, index: int, text: str) -> TimeExpr:
    interval = Interval()
    if item.interval is not None:
        interval = Interval(start=item.interval[0].isoformat(), end=item.interval[1].isoformat())
    return TimeExpr(
        id=f"t{index}", text=text[item.start:item.end], start=item.start, end=item.end,
        type=item.type,  # type: ignore[arg-type]
        timex=item.value, interval=interval,
    )


def extract_times(doc: Doc, ctx: Context) -> list[TimeExpr]:
    """Every time expression in the body, TIMEX3-normalised against ``ctx.published``."""
    found = find_in_doc(doc, ctx.published)
    text = doc_text(doc)
    return [to_time_expr(item, i, text) for i, item in enumerate(found, start=1)]
