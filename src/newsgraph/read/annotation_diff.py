"""Compare two parses of the same texts token by token (used to check that the faster spaCy
components in read/fast_components.py annotate exactly as the stock ones)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.attrs import IDS
from spacy.tokens import Doc, Token

# Everything the pipeline's components set per token. Hashes are the same in every spaCy vocab
# (strings hash to the same ids), so equal arrays mean equal strings.
COMPARED_ATTRS = (
    "ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START",
)  # fmt: skip


def differences(expected: Doc, actual: Doc) -> Counter[str]:
    """Differing tokens per attribute; "TOKENS" counts a doc whose tokens do not line up."""
    counts: Counter[str] = Counter()
    if [t.text for t in expected] != [t.text for t in actual]:
        counts["TOKENS"] += 1
        return counts
    if len(expected) == 0:
        return counts
    ids = [IDS[name] for name in COMPARED_ATTRS]
    differ = expected.to_array(ids) != actual.to_array(ids)
    for name, n in zip(COMPARED_ATTRS, differ.sum(axis=0).tolist(), strict=True):
        if n:
            counts[name] += n
    return counts


def describe(expected: Doc, actual: Doc) -> Iterator[str]:
    """One line per differing token, with both readings as strings."""
    for want, got in zip(expected, actual, strict=False):
        a, b = _reading(want), _reading(got)
        if a != b:
            yield f"token {want.i} {want.text!r}: stock {a} / ours {b}"


def _reading(token: Token) -> tuple[str, ...]:
    names = ("tag_", "pos_", "morph", "lemma_", "dep_", "ent_iob_", "ent_type_")
    return (
        *(str(getattr(token, name)) for name in names),
        str(token.head.i),
        str(token.is_sent_start),
    )


def compare_pipes(
    expected: Iterable[Doc], actual: Iterable[Doc], show: int = 10
) -> tuple[int, int, Counter[str], list[str]]:
    """(docs, tokens, differences per attribute, up to `show` described differences)."""
    docs = tokens = 0
    total: Counter[str] = Counter()
    shown: list[str] = []
    for want, got in zip(expected, actual, strict=True):
        docs += 1
        tokens += len(want)
        found = differences(want, got)
        if found:
            total.update(found)
            shown.extend(islice(describe(want, got), max(0, show - len(shown))))
    return docs, tokens, total, shown
