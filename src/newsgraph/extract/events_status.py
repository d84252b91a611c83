"""Factuality of an event: asserted, alleged, planned, denied, hypothetical or negated.

Read from the trigger's own dependents and its chain of governing words (a denial, a plan
or an allegation that embeds the event), never from other sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.read.doccache import children_of, head_of

if TYPE_CHECKING:
    from spacy.tokens import Token

DENY = frozenset({"deny", "refute", "dismiss", "reject"})
DENY_NOUNS = frozenset({"denial"})
PLAN_VERBS = frozenset(
    {"plan", "intend", "expect", "schedule", "prepare", "aim", "seek", "propose", "want", "hope",
     "promise", "pledge", "vow", "threaten", "agree", "decide", "set"}
)  # fmt: skip
PLAN_NOUNS = frozenset({"plan", "proposal", "intention", "prospect", "bid"})
ALLEGE_WORDS = frozenset(
    {"allege", "alleged", "allegedly", "reportedly", "purportedly", "supposedly", "accuse",
     "suspect", "suspected", "claim", "rumor", "rumour", "report"}
)  # fmt: skip
HYPO_MODALS = frozenset({"could", "might", "may", "would", "should"})
HYPO_WORDS = frozenset({"possible", "possibly", "potential", "perhaps", "maybe", "if", "unless"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Governing verbs whose complement is a hypothesis, not a fact.
HYPO_VERBS = frozenset({"suggest", "indicate", "fear", "speculate", "consider", "warn"})
MAX_CHAIN = 5
MARKER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "amod", "det", "mark"})


def _own_status(tok: Token) -> str | None:
    """Status markers attached directly to one word (auxiliaries, negation, adverbs)."""
    markers = [c for c in children_of(tok) if c.dep_ in MARKER_DEPS]
    lowers = {c.lower_ for c in markers}
    lemmas = {c.lemma_.lower() for c in markers}
    if lowers & NEGATIONS and any(c.dep_ == "neg" or c.lower_ == "never" for c in children_of(tok)):
        return "negated"
    if (tok.dep_ == "pobj" or tok.pos_ == "NOUN") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in children_of(tok)
    ):
        return "negated"
    if lemmas & ALLEGE_WORDS:
        return "alleged"
    if lowers & HYPO_MODALS or lemmas & HYPO_WORDS:
        return "hypothetical"
    if lowers & FUTURE_MODALS:
        return "planned"
    return None


def _chain_status(head: Token) -> str | None:
    """Status given by a word that governs the event (deny X, plan to X, alleged X)."""
    lemma = head.lemma_.lower()
    if any(c.dep_ == "nsubjpass" and c.lemma_.lower() in PLAN_NOUNS for c in children_of(head)):
        return "planned"  # "plans were discussed to bring ..."
    if lemma in DENY or lemma in DENY_NOUNS:
        return "denied"
    if lemma in PLAN_NOUNS or lemma in PLAN_VERBS:
        return "planned"
    if lemma in ALLEGE_WORDS:
        return "alleged"
    if lemma in HYPO_VERBS:
        return "hypothetical"
    return None


def _purpose_clause(tok: Token) -> bool:
    """An infinitive adverbial clause ("discussed to bring"): it carries its governor's plan."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))


PRIORITY = ("denied", "negated", "hypothetical", "planned", "alleged")
CHAIN_DEPS = frozenset({"xcomp", "ccomp", "acl", "pobj", "prep", "dobj", "nsubjpass", "nsubj"})


def event_status(trigger: Token) -> str:
    """The status of the event whose trigger is ``trigger``."""
    own = _own_status(trigger)
    if own:
        return own
    # walk up the xcomp/acl/of-chain to the governing words ("plans to bring", "denied
    # reports of X fighting"); the strongest marker found wins
    found: set[str] = set()
    tok = trigger
    for _ in range(MAX_CHAIN):
        if head_of(tok).i == tok.i or not (tok.dep_ in CHAIN_DEPS or _purpose_clause(tok)):
            break
        head = head_of(tok)
        chained = _chain_status(head)
        if chained:
            found.add(chained)
        head_own = _own_status(head)
        if head_own in ("negated", "hypothetical", "planned") and tok.dep_ in (
            "xcomp",
            "ccomp",
            "dobj",
        ):
            found.add(head_own)
        tok = head
    return next((s for s in PRIORITY if s in found), "asserted")
