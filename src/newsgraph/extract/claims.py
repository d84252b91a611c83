"""Extract claims: attributed statements, their source and the cue that attributes them.

Cues: "according to X"; a reporting verb with a clause ("officials said ...", "experts
have warned that ..."); a verb of description ("what he described as", "framed by X as",
"X sees it as"); a verb of assertion or denial with an object ("X have denied reports",
"X have pointed to ..."). Sources resolve to actor ids where they can; unnamed sources
keep their kind (unnamed officials, experts, media reports, people).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.extract.quotes_lexicon import CueLexicon, cue_lexicon
from newsgraph.extract.quotes_speakers import Speaker, SpeakerResolver, agent_of, subject_of
from newsgraph.model import Claim, Span, TextSpan
from newsgraph.read.doccache import children_of, doc_text, doc_tokens, lefts_of, sent_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KIND_NAMES = {
    "named": "named",
    "pronoun": "named",
    "unnamed officials": "unnamed officials",
    "experts": "experts",
    "media reports": "media reports",
    "people": "unnamed people",
}


def extract_claims(doc: Doc, ctx: Context) -> list[Claim]:
    resolver = SpeakerResolver(doc, ctx)
    lex = cue_lexicon()
    quoted = [(q.start, q.end) for q in ctx.quotes if q.kind != "indirect"]
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for tok in doc_tokens(doc):
        found = _claim_at(tok, lex, resolver, quoted)
        if found is None:
            continue
        source_tok, source, cue, (start, end) = found
        if (start, end) in seen or end - start < 8:
            continue
        seen.add((start, end))
        ids = conjoined_sources(source_tok, resolver) if source.kind == "named" else []
        if source.actor_id and source.actor_id not in ids:
            ids.insert(0, source.actor_id)
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                source=ids,
                source_text=_source_text(source_tok, source),
                source_kind=_KIND_NAMES.get(source.kind, source.kind),
                span=Span(start=start, end=end),
                cue=cue,
            )
        )
    return claims


_Found = tuple["Token", Speaker, TextSpan, tuple[int, int]]


def _source_text(source_tok: Token, source: Speaker) -> str:
    conjuncts = source_tok.conjuncts
    if not conjuncts or source.kind != "named":
        return source.text
    doc = source_tok.doc
    last = max(conjuncts, key=lambda t: t.i)
    return doc_text(doc)[source.start : last.idx + len(last)]


def _claim_at(
    tok: Token, lex: CueLexicon, resolver: SpeakerResolver, quoted: list[tuple[int, int]]
) -> _Found | None:
    if tok.lower_ == "according":
        return _according_to(tok, resolver)
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    children = list(children_of(tok))
    if lemma in lex.as_verbs and any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        source_tok = agent_of(tok) or (None if _is_passive(tok) else subject_of(tok))
    elif lemma in lex.clause_verbs and any(c.dep_ == "ccomp" for c in children):
        clause = next(c for c in children if c.dep_ == "ccomp")
        if _inside(quoted, clause.idx):
            return None  # the verb of a direct quote: that is a quote, not a claim
        source_tok = subject_of(tok)
    elif _object_claim(tok, lemma, lex):
        source_tok = subject_of(tok)
    else:
        return None
    if source_tok is None:
        return None
    source = resolver.resolve(source_tok)
    if source is None:
        return None
    return source_tok, source, _token_span(tok), _clause_span(tok)


def conjoined_sources(source_tok: Token, resolver: SpeakerResolver) -> list[str]:
    """Actor ids of "both Moscow and Pyongyang": the head and its conjuncts."""
    ids: list[str] = []
    for tok in [source_tok, *source_tok.conjuncts]:
        found = resolver.resolve(tok)
        if found is not None and found.actor_id and found.actor_id not in ids:
            ids.append(found.actor_id)
    return ids


def _according_to(tok: Token, resolver: SpeakerResolver) -> _Found | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    obj = next((c for c in children_of(doc[tok.i + 1]) if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    source = resolver.resolve(obj)
    if source is None:
        return None
    cue_end = doc[tok.i + 1].idx + 2
    cue = TextSpan(start=tok.idx, end=cue_end, text=doc_text(doc)[tok.idx : cue_end])
    sent = sent_of(tok)
    return obj, source, cue, _trim_punct(sent.start_char, sent.end_char, doc_text(doc))


def _object_claim(tok: Token, lemma: str, lex: CueLexicon) -> bool:
    """'X have denied reports', 'X have pointed to images'."""
    if lemma in lex.object_claim_verbs and any(c.dep_ == "dobj" for c in children_of(tok)):
        return True
    return lemma in lex.prep_claim_verbs and _has_prep(tok, lex.prep_claim_verbs[lemma])


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children_of(tok))


def _has_prep(tok: Token, prep: str | None) -> bool:
    if prep is None:
        return any(c.dep_ == "dobj" for c in children_of(tok))
    return any(c.dep_ == "prep" and c.lower_ == prep for c in children_of(tok))


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(s - 1 <= pos <= e + 1 for s, e in ranges)


def _token_span(tok: Token) -> TextSpan:
    return TextSpan(start=tok.idx, end=tok.idx + len(tok), text=tok.text)


def _clause_span(tok: Token) -> tuple[int, int]:
    """The claim's words: the cue verb's clause from its subject on, inside its sentence."""
    sent = sent_of(tok)
    subj = subject_of(tok)
    left = tok.i
    if subj is not None and subj.i < tok.i and sent_of(subj) == sent:
        left = min(subj.left_edge.i, left)
    for child in lefts_of(tok):
        if child.dep_ in ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass"):
            left = min(child.left_edge.i, left)
    left = max(left, sent.start)
    right = min(tok.right_edge.i, sent.end - 1)
    doc = tok.doc
    return _trim_punct(doc[left].idx, doc[right].idx + len(doc[right]), doc_text(doc))


def _trim_punct(start: int, end: int, text: str) -> tuple[int, int]:
    while end > start and text[end - 1] in " \n.,;:":
        end -= 1
    while start < end and text[start] in " \n,;:":
        start += 1
    return start, end
