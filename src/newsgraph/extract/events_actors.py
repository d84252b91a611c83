"""Actors for event arguments: look them up in ctx.actors, else add one for the noun phrase.

The actor extractor (ctx.actors) is the authority. When an argument noun phrase is covered
by no actor, a new Actor is added for it, with a country code only where the phrase's own
head or modifiers name a country (name, capital or demonym, from countryinfo).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.model import Actor, Mention
from newsgraph.read.doccache import children_of, doc_ents, lefts_of, rights_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Names that are not countries but have standard CAMEO codes.
EXTRA_CODES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "america": "USA", "american": "USA",
    "washington": "USA", "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "british": "GBR",
    "london": "GBR", "moscow": "RUS", "kremlin": "RUS", "beijing": "CHN", "seoul": "KOR",
    "south korea": "KOR", "south korean": "KOR", "north korea": "PRK", "north korean": "PRK",
    "pyongyang": "PRK", "tokyo": "JPN", "kyiv": "UKR", "kiev": "UKR", "tehran": "IRN",
    "west": "WST", "western": "WST", "international community": "IGO", "un": "IGOUNO",
    "united nations": "IGOUNO", "nato": "IGOWSTNAT", "eu": "IGOEUREEC",
    "european union": "IGOEUREEC", "taliban": "AFGINS",
}  # fmt: skip
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PERSON_TITLES = frozenset(
    {"president", "minister", "leader", "chancellor", "king", "queen", "premier", "secretary",
     "ambassador", "general", "senator", "governor", "mayor", "judge", "chief", "spokesman",
     "spokeswoman", "official", "officials", "envoy"}
)  # fmt: skip
GROUP_WORDS = frozenset(
    {"troops", "soldiers", "forces", "rebels", "protesters", "militants", "fighters", "police",
     "army", "military", "students", "workers", "victims", "group", "activists", "community"}
)  # fmt: skip
NOT_ACTOR_NOUNS = frozenset({"year", "month", "week", "day", "policy", "role", "rhetoric"})
QUANTITY_HEADS = frozenset(
    {"thousands", "hundreds", "dozens", "millions", "scores", "group", "some", "contingent",
     "contingents", "batch", "unit", "units"}
)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Lower-cased country name, alternative spelling, capital or demonym → ISO alpha-3."""
    from countryinfo import all_countries

    table: dict[str, str] = {}
    for country in all_countries():
        info = country.info()
        iso = (info.get("ISO") or {}).get("alpha3")
        if not iso:
            continue
        names = [info.get("name"), info.get("capital"), info.get("demonym")]
        names += [n for n in info.get("altSpellings") or [] if len(n) > 3]
        for name in names:
            if isinstance(name, str) and name:
                table.setdefault(name.lower(), iso)
    table.update(EXTRA_CODES)
    return table


def code_for_phrase(tokens: list[Token]) -> str | None:
    """A country code named by the phrase's head or its pre-head modifiers, not by its PPs."""
    if not tokens:
        return None
    table = country_codes()
    words: list[str] = []
    for t in tokens:
        if t.dep_ in ("det", "case") or t.is_punct:
            continue
        for part in re.split(r"-(?=[A-Za-z])", t.text.removesuffix("’s").removesuffix("'s")):
            # short names only as written in capitals ("UN", "US"), not "Un" in Kim Jong Un
            if len(part.strip(".")) <= 3 and not part.isupper():
                words.append("#" + part.lower())
            else:
                words.append(part.lower())
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = table.get(" ".join(words[i : i + n]))
            if code:
                return code
    return None


def head_phrase(head: Token) -> list[Token]:
    """The head noun with its pre-modifiers and flat name parts (no PPs, no clauses)."""
    keep = {"compound", "amod", "det", "poss", "nummod", "flat", "nmod", "case", "punct"}
    left = [t for t in lefts_of(head) if t.dep_ in keep]
    tokens: list[Token] = []
    for t in left:
        tokens.extend(t.subtree)
    tokens.append(head)
    tokens.extend(t for t in rights_of(head) if t.dep_ in ("flat", "compound"))
    return sorted(
        {t.i: t for t in tokens if t.text not in ("‘", "“", "(")}.values(), key=lambda t: t.i
    )


def is_actor_like(head: Token) -> bool:
    """Whether a noun phrase head can denote a political actor (not an abstract thing)."""
    if head.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"):
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if head.is_upper and head.is_alpha and 2 <= len(head.text) <= 6:
        return True  # an acronym the tagger took for a common noun ("ICE returned ...")
    if head.lemma_.lower() in actor_nouns():
        return True
    return (
        any(
            c.ent_type_ in ("NORP", "GPE", "ORG") and c.dep_ in ("amod", "compound", "poss")
            for c in lefts_of(head)
        )
        and head.lemma_.lower() not in NOT_ACTOR_NOUNS
    )


@lru_cache(maxsize=1)
def actor_nouns() -> frozenset[str]:
    from importlib import resources

    text = resources.files("newsgraph.data.events").joinpath("actor_nouns.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.split() if w.strip() and not w.startswith("#"))


def _kind(tokens: list[Token], code: str | None) -> str:
    lowers = {t.lower_ for t in tokens}
    if lowers & PERSON_TITLES or any(t.ent_type_ == "PERSON" for t in tokens):
        return "person"
    if lowers & GROUP_WORDS:
        return "group"
    if code and len(code) == 3 and tokens[-1].ent_type_ in ("GPE", "NORP"):
        return "country"
    return "organization"


def _recent_person(ctx: Context, before: int, window: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in ctx.actors:
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            if before - window <= m.start < before and (best is None or m.start > best[0]):
                best = (m.start, actor)
    return best[1] if best else None


def _recent_person_entity(pronoun: Token, ctx: Context) -> Actor | None:
    """Coreference fallback for "he"/"she": the last PERSON name shortly before it."""
    doc = pronoun.doc
    best = None
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and pronoun.i - 80 <= ent.end <= pronoun.i:
            best = ent
    if best is None:
        return None
    found = ctx.actor_at(best.start_char, best.end_char)
    return found or _new_actor(ctx, list(best), best.start_char, best.end_char)


def actors_for(
    head: Token, ctx: Context, sent: Span, require_actor_like: bool = True
) -> list[Actor]:
    """The actors an argument head denotes (its coordinated heads included)."""
    heads = [head, *conjuncts(head)]
    found: list[Actor] = []
    for h in heads:
        for actor in _actors_for_one(h, ctx, sent, require_actor_like):
            if all(actor.id != f.id for f in found):
                found.append(actor)
    return found


def conjuncts(head: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in children_of(head) if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in children_of(tok) if c.dep_ == "conj")
    return out


def _actors_for_one(head: Token, ctx: Context, sent: Span, require_actor_like: bool) -> list[Actor]:
    if head.lower_ in QUANTITY_HEADS or head.pos_ == "NUM":
        # "Thousands of students": the students are the actor
        of_obj = [
            p for c in children_of(head) if c.lower_ == "of" for p in children_of(c) if p.dep_ == "pobj"
        ]
        if of_obj:
            head = of_obj[0]
    phrase = head_phrase(head)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if head.lower_ in PERSON_PRONOUNS:
        actor = ctx.actor_at(start, end) or _recent_person(ctx, start, 600)
        if actor is None:
            actor = _recent_person_entity(head, ctx)
        return [actor] if actor else []
    if head.pos_ == "PRON" or not (sent.start <= head.i < sent.end):
        return []
    known = ctx.actors_in(start, end) or (
        [a] if (a := ctx.actor_at(head.idx, head.idx + len(head))) else []
    )
    if require_actor_like and not is_actor_like(head):
        # an uncoded phrase added earlier as some event's object ("the floods") is no doer
        return [a for a in known if a.code]
    if known:
        return known
    return [_new_actor(ctx, phrase, start, end)]


def _new_actor(ctx: Context, phrase: list[Token], start: int, end: int) -> Actor:
    body = ctx.article.body
    # strip a leading determiner from the name, keep the mention as written
    name_tokens = [t for t in phrase if t.dep_ != "det" or t.i != phrase[0].i]
    name = body[name_tokens[0].idx : end] if name_tokens else body[start:end]
    code = code_for_phrase(phrase)
    actor = Actor(
        id=ctx.new_actor_id(),
        code=code,
        country=code[:3] if code and not code.startswith("IGO") else None,
        name=name,
        kind=_kind(phrase, code),  # type: ignore[arg-type]
        mentions=[Mention(start=start, end=end, text=body[start:end])],
    )
    ctx.actors.append(actor)
    return actor
