"""spaCy's English rule lemmatizer asked once per distinct word analysis: the same lemmas.

The stock component builds a Token, a MorphAnalysis and a string per token, and spaCy's
rule_lemmatize tests ``form in index`` against lemma_index word lists of up to 57k words, a
linear scan each time. Here the lemmatizer reads (ORTH, POS, MORPH, LEMMA) with to_array, calls
spaCy's own ``lemmatize()`` once per distinct (ORTH, POS, MORPH) not yet seen (a memo keyed like
spaCy's own rule cache), writes the lemmas back with one from_array, and lemma_index's lists
answer membership from a frozenset (MembershipList) while staying the same lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups, Table
from spacy.tokens import Doc


class MembershipList(list[Any]):
    """A lemma_index word list that answers ``in`` from a frozenset: same items, same order.

    spaCy's rule_lemmatize only tests ``form in index`` on these lists (and their truth), and
    the English noun list has 57k words, so each test scans tens of thousands of strings. The
    list stays a list (serialisation, iteration, equality unchanged); it refuses changes that
    would leave the set behind.
    """

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (list(self),))


def _refuse_change(self: MembershipList, *args: Any, **kwargs: Any) -> Any:
    raise TypeError("a MembershipList is read-only: build a new one")


for _method in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__",
                "__delitem__", "__iadd__", "__imul__"):  # fmt: skip
    setattr(MembershipList, _method, _refuse_change)

LEMMA_TABLES = ("lemma_rules", "lemma_exc", "lemma_index", "lemma_lookup")


def with_membership_index(lookups: Lookups) -> Lookups:
    """A Lookups with the same tables, lemma_index's word lists as MembershipLists."""
    result = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = Table.from_dict(
                {key: _as_membership_list(words) for key, words in table.items()}, name=name
            )
        result.set_table(name, table)
    return result


def _as_membership_list(words: Any) -> Any:
    if isinstance(words, MembershipList) or not isinstance(words, list):
        return words
    if not all(isinstance(word, str) for word in words):
        return words  # list membership semantics only coincide with set's for plain strings
    return MembershipList(words)


class ArrayLemmatizer(EnglishLemmatizer):
    """spaCy's English rule (or lookup) lemmatizer, asked once per distinct word analysis.

    A lemma from ``lemmatize(token)`` depends only on the token's text, POS and morphology
    (the key of spaCy's own rule cache; is_base_form reads POS and morphology only), so one call
    per distinct (ORTH, POS, MORPH) answers every token with that key, in any order. The
    lemma_index word lists answer membership from a set (MembershipList).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lemma_ids: dict[tuple[int, int, int], int] = {}
        self._tables_seen: tuple[Any, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._prepare_tables()
            self._set_lemmas(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _prepare_tables(self) -> None:
        """Index lemma_index for membership and forget old answers whenever a table changed
        (initialize, from_disk and from_bytes load new tables)."""
        if self._tables_current():
            return
        self.lookups = with_membership_index(self.lookups)
        self.lemma_ids.clear()
        self._tables_seen = self._tables_now()

    def _tables_now(self) -> tuple[Any, ...]:
        return tuple(self.lookups.get_table(name, None) for name in LEMMA_TABLES)

    def _tables_current(self) -> bool:
        now = self._tables_now()
        return len(now) == len(self._tables_seen) and all(
            a is b for a, b in zip(now, self._tables_seen, strict=True)
        )

    def _set_lemmas(self, doc: Doc) -> None:
        n = len(doc)
        if n == 0:
            return
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = np.arange(n) if self.overwrite else np.flatnonzero(rows[:, 3] == 0)
        if todo.size == 0:
            return
        distinct, first, inverse = np.unique(
            rows[todo, :3], axis=0, return_index=True, return_inverse=True
        )
        lemmas = np.fromiter(
            (
                self._lemma_id(tuple(key), doc, int(todo[at]))
                for key, at in zip(distinct.tolist(), first.tolist(), strict=True)
            ),
            dtype=np.uint64,
            count=len(first),
        )
        column = rows[:, 3].copy()
        column[todo] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], column.reshape(n, 1))  # type: ignore[arg-type]

    def _lemma_id(self, key: tuple[int, int, int], doc: Doc, i: int) -> int:
        lemma = self.lemma_ids.get(key)
        if lemma is None:
            # the stock component sets token.lemma_ = lemmatize(token)[0], i.e. strings.add
            lemma = self.lemma_ids[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
        return lemma
