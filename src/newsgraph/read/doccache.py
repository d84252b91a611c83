"""Per-doc caches of spaCy views that spaCy rebuilds on every access.

``Doc.text`` joins every token, ``Doc.ents`` and ``Doc.sents`` walk the whole document,
and ``Token.sent`` walks the sentences: extractors that ask often use these instead.
The caches live in ``doc.user_data``, so they go away with the doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return str(text)


def remember_text(doc: Doc, text: str) -> None:
    """Seed ``doc_text`` with the text the doc was parsed from (spaCy keeps it verbatim),
    sparing a join of every token. A doc whose tokens do not span ``text`` exactly is left
    to build its own."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data["newsgraph_text"] = text


def doc_tokens(doc: Doc) -> list[Token]:
    """The doc's tokens as one list, built once per doc.

    ``doc[i]`` and ``for tok in doc`` make a new ``Token`` object on every access; the
    extractors walk the same tokens many times, so they index this list instead.
    """
    toks = doc.user_data.get("newsgraph_tokens")
    if toks is None:
        toks = doc.user_data["newsgraph_tokens"] = list(doc)
    return toks


_NO_CHILDREN: tuple[Token, ...] = ()


def _tree(doc: Doc) -> tuple[list[tuple[Token, ...]], list[Token]]:
    """Each token's children (in text order) and head, built once per doc from HEAD."""
    tree = doc.user_data.get("newsgraph_tree")
    if tree is None:
        tokens = doc_tokens(doc)
        # HEAD comes out as unsigned offsets to the head: view them signed
        offsets = doc.to_array(HEAD).view(numpy.int64).tolist() if len(doc) else []
        heads = [tokens[i + o] for i, o in enumerate(offsets)]
        found: dict[int, list[Token]] = {}
        for i, offset in enumerate(offsets):
            if offset:
                found.setdefault(i + offset, []).append(tokens[i])
        kids = [_NO_CHILDREN] * len(tokens)
        for head, children in found.items():
            kids[head] = tuple(children)
        tree = doc.user_data["newsgraph_tree"] = (kids, heads)
    return tree


def head_of(tok: Token) -> Token:
    """``tok.head`` from the per-doc token list (the root is its own head)."""
    return _tree(tok.doc)[1][tok.i]


def children_of(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.children)`` (in text order) from a per-doc table built once."""
    return _tree(tok.doc)[0][tok.i]


def lefts_of(tok: Token) -> list[Token]:
    """``list(tok.lefts)``: the children before the token."""
    i = tok.i
    return [c for c in _tree(tok.doc)[0][i] if c.i < i]


def rights_of(tok: Token) -> list[Token]:
    """``list(tok.rights)``: the children after the token."""
    i = tok.i
    return [c for c in _tree(tok.doc)[0][i] if c.i > i]


def span_tokens(span: Span) -> list[Token]:
    """The tokens of ``span`` from the per-doc list (as ``list(span)``, without new objects)."""
    return doc_tokens(span.doc)[span.start : span.end]


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per doc."""
    sents = doc.user_data.get("newsgraph_sents")
    if sents is None:
        sents = doc.user_data["newsgraph_sents"] = list(doc.sents)
    return sents


def has_word_between(doc: Doc, words: frozenset[str], first: int, last: int) -> bool:
    """Whether a token in ``doc[first : last + 1]`` has its lower-case form in ``words``.

    The positions of each word set are found once per doc; extractors use this to skip a
    subtree walk when the words it looks for are nowhere near."""
    by_set = doc.user_data.setdefault("newsgraph_word_positions", {})
    positions = by_set.get(words)
    if positions is None:
        positions = by_set[words] = [t.i for t in doc_tokens(doc) if t.lower_ in words]
    k = bisect_left(positions, first)
    return k < len(positions) and positions[k] <= last


def doc_ents(doc: Doc) -> list[Span]:
    """``doc.ents``, built once per doc."""
    ents = doc.user_data.get("newsgraph_ents")
    if ents is None:
        ents = doc.user_data["newsgraph_ents"] = list(doc.ents)
    return ents


def ents_in(span: Span) -> list[Span]:
    """The entities wholly inside ``span`` (as ``span.ents``)."""
    return [e for e in doc_ents(span.doc) if span.start <= e.start and e.end <= span.end]


def sent_of(tok: Token) -> Span:
    """``tok.sent`` through a per-doc index (spaCy walks every sentence on each access)."""
    doc = tok.doc
    sents = doc_sents(doc)
    starts = doc.user_data.get("newsgraph_sent_starts")
    if starts is None:
        starts = doc.user_data["newsgraph_sent_starts"] = [s.start for s in sents]
    return sents[bisect_right(starts, tok.i) - 1]


def release(doc: Doc) -> None:
    """Drop every cache above from ``doc``.

    The cached tokens and spans point back at the doc, so a doc holding them is a reference
    cycle that only the garbage collector frees, late and in bulk; released, the doc and
    its token arrays go as soon as the last reference does.
    """
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsgraph_")]:
        del doc.user_data[key]
