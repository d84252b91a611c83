"""Array-based stand-ins for spaCy's attribute_ruler and rule lemmatizer, same annotations.

Both stock components do Python work per token: the AttributeRuler builds a Span and a Token
for every match (one-token tag-map patterns match every token) and sets its attributes one by
one; the Lemmatizer builds a Token, a MorphAnalysis and a string per token. Here each component
reads the attributes it needs with ``doc.to_array``, decides once per distinct row (a doc has a
few dozen distinct (TAG, LOWER, DEP, IS_SPACE) keys, a few hundred distinct words), and writes
the results back with one ``doc.from_array``. The linguistics stay spaCy's: the ruler runs on
the loaded component's own patterns and normalised attributes (patterns the table cannot express
stay with spaCy's Matcher), and every lemma comes from spaCy's own ``lemmatize()``.

``install_fast_components(nlp)`` swaps them in under the same component names, and only where
the loaded component is one this module reproduces exactly; anything else stays stock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

RULER_FACTORY = "newsgraph_array_attribute_ruler"
LEMMATIZER_FACTORY = "newsgraph_array_lemmatizer"

# Attributes a one-token pattern may test in the lookup table. For these, Doc.to_array reads
# the same value the Matcher compares (both go through get_token_attr). Left to the Matcher:
# SENT_START (the Matcher reads it as a bool), MORPH (normalised by the Matcher), ENT_IOB
# (IOB strings become indices), extension attributes and anything else.
MATCHABLE_ATTRS = {
    name: IDS[name]
    for name in (
        "ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "IS_ALPHA",
        "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "LIKE_NUM",
    )
}  # fmt: skip
KEY_ALIASES = {"TEXT": "ORTH"}
# Attributes the ruler may assign through from_array. set_token_attrs writes an attribute on the
# token and on its lexeme, but these five have no lexeme field, so token-only writes are exact.
WRITABLE_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)
# a table column value outside every pattern's values collapses to this one (see _collapse)
UNMATCHED = np.iinfo(np.uint64).max

Constraint = tuple[int, frozenset[int]]  # (column in the key, values that match)


def _spec_constraints(
    spec: dict[Any, Any], strings: Any, columns: dict[int, int]
) -> list[Constraint] | None:
    """A one-token Matcher spec as column constraints, or None if the table cannot express it.

    Values are turned into ids exactly as spaCy's Matcher does: plain strings through
    ``strings.add``, bools to ints, ``{"IN": [...]}`` members through ``get_string_id``.
    """
    by_attr: dict[int, set[int]] = {}
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        name = KEY_ALIASES.get(key.upper(), key.upper())
        attr = MATCHABLE_ATTRS.get(name)
        if attr is None:
            return None  # OP, "_", MORPH, SENT_START, ...
        if isinstance(value, bool):
            allowed = {int(value)}
        elif isinstance(value, int):
            allowed = {value}
        elif isinstance(value, str):
            allowed = {strings.add(value)}
        elif (
            isinstance(value, dict)
            and list(value) == ["IN"]
            and isinstance(value["IN"], list)
            and all(isinstance(v, str) for v in value["IN"])
        ):
            allowed = {get_string_id(v) for v in value["IN"]}
        else:
            return None  # REGEX, NOT_IN, comparisons, fuzzy, ...
        by_attr[attr] = by_attr[attr] & allowed if attr in by_attr else allowed
    constraints = []
    for attr, allowed in sorted(by_attr.items()):
        column = columns.setdefault(attr, len(columns))
        constraints.append((column, frozenset(allowed)))
    return constraints


@dataclass
class RulerPlan:
    """The AttributeRuler's patterns compiled to a lookup table plus a residual Matcher."""

    key_attrs: list[int]  # the columns of a token's key, read with to_array
    known_values: list[np.ndarray]  # per column: every value some pattern tests
    table_rules: list[tuple[int, list[Constraint]]]  # (rule id, constraints), by rule id
    residual: Matcher | None  # patterns the table cannot express
    residual_rule: dict[int, int]  # residual match id -> rule id
    assigned: list[dict[int, int]]  # per rule id: normalised attrs it sets
    indices: list[int]  # per rule id: the matched token it sets (index into the match)
    write_attrs: list[int]
    _rules_by_key: dict[tuple[int, ...], tuple[int, ...]] = field(default_factory=dict)
    _merged: dict[tuple[int, ...], dict[int, int]] = field(default_factory=dict)

    def rules_for_key(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """The ids of the table rules whose one-token pattern matches a token with this key."""
        rules = self._rules_by_key.get(key)
        if rules is None:
            rules = tuple(
                rule
                for rule, constraints in self.table_rules
                if all(key[column] in allowed for column, allowed in constraints)
            )
            self._rules_by_key[key] = rules
        return rules

    def merged(self, rules: tuple[int, ...]) -> dict[int, int]:
        """The attributes a token ends with when these rules match it.

        The AttributeRuler applies matches sorted by rule id, each overwriting the attributes it
        sets, so the highest rule id setting an attribute wins.
        """
        result = self._merged.get(rules)
        if result is None:
            result = {}
            for rule in sorted(set(rules)):
                result.update(self.assigned[rule])
            self._merged[rules] = result
        return result


def compile_ruler(
    vocab: Vocab,
    patterns_of: Callable[[int], Sequence[list[dict[Any, Any]]]],
    assigned: Sequence[dict[Any, Any]],
    indices: Sequence[int],
    validate: bool,
) -> RulerPlan | None:
    """Compile an AttributeRuler's rules; None when some rule needs the stock component."""
    written: set[int] = set()
    for attrs in assigned:
        if not all(isinstance(attr, int) and attr in WRITABLE_ATTRS for attr in attrs):
            return None  # extension attributes or lexeme attributes (LOWER, NORM, flags)
        written.update(attrs)
    columns: dict[int, int] = {}
    table_rules: list[tuple[int, list[Constraint]]] = []
    residual = Matcher(vocab, validate=validate)
    residual_rule: dict[int, int] = {}
    for rule in range(len(assigned)):
        leftover = []
        for pattern in patterns_of(rule):
            single = _single_token_rule(pattern, indices[rule], vocab.strings, columns)
            if single is None:
                leftover.append(pattern)
            else:
                table_rules.append((rule, single))
        if leftover:
            match_id = vocab.strings.add(f"newsgraph-residual-{rule}")
            residual.add(match_id, leftover)
            residual_rule[match_id] = rule
    if not columns:
        columns[TAG] = 0  # keep the key non-empty; no rule tests it
    key_attrs = sorted(columns, key=columns.__getitem__)
    known: list[set[int]] = [set() for _ in key_attrs]
    for _, constraints in table_rules:
        for column, allowed in constraints:
            known[column] |= allowed
    if any(int(UNMATCHED) in values for values in known):
        return None
    return RulerPlan(
        key_attrs=key_attrs,
        known_values=[np.array(sorted(values), dtype=np.uint64) for values in known],
        table_rules=table_rules,
        residual=residual if residual_rule else None,
        residual_rule=residual_rule,
        assigned=[dict(attrs) for attrs in assigned],
        indices=list(indices),
        write_attrs=[attr for attr in WRITABLE_ATTRS if attr in written],
    )


def _single_token_rule(
    pattern: list[dict[Any, Any]], index: int, strings: Any, columns: dict[int, int]
) -> list[Constraint] | None:
    if len(pattern) != 1 or index not in (0, -1) or not isinstance(pattern[0], dict):
        return None
    # constraints are parsed into a scratch column map so a rejected spec adds no columns
    scratch = dict(columns)
    constraints = _spec_constraints(pattern[0], strings, scratch)
    if constraints is not None:
        columns.update(scratch)
    return constraints


def _collapse(keys: np.ndarray, known_values: list[np.ndarray]) -> None:
    """Replace, in place, each key value no pattern tests by UNMATCHED.

    No pattern can tell such values apart, so the number of distinct keys stays bounded by the
    patterns' own values instead of the vocabulary.
    """
    for column, values in enumerate(known_values):
        keys[~np.isin(keys[:, column], values), column] = UNMATCHED


def apply_ruler(plan: RulerPlan, doc: Doc) -> bool:
    """Set the ruler's attributes on doc; False (doc untouched) when the stock path must run."""
    n = len(doc)
    if n == 0:
        return True
    keys = doc.to_array(plan.key_attrs).reshape(n, len(plan.key_attrs))
    _collapse(keys, plan.known_values)
    distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    distinct_keys = [tuple(row) for row in distinct.tolist()]
    current = doc.to_array(plan.write_attrs).reshape(n, len(plan.write_attrs))
    values = np.zeros((len(distinct_keys), len(plan.write_attrs)), dtype=np.uint64)
    present = np.zeros(values.shape, dtype=bool)
    for row, key in enumerate(distinct_keys):
        merged = plan.merged(plan.rules_for_key(key))
        for column, attr in enumerate(plan.write_attrs):
            if attr in merged:
                values[row, column] = merged[attr]
                present[row, column] = True
    new = np.where(present[inverse], values[inverse], current)
    if plan.residual is not None:
        extra = _residual_rules(plan, doc)
        if extra is None:
            return False
        for target, rules in extra.items():
            key = distinct_keys[inverse[target]]
            merged = plan.merged(tuple(sorted(set(plan.rules_for_key(key)) | rules)))
            for column, attr in enumerate(plan.write_attrs):
                new[target, column] = merged.get(attr, current[target, column])
    changed = [
        column for column in range(new.shape[1]) if (new[:, column] != current[:, column]).any()
    ]
    if changed:
        doc.from_array([plan.write_attrs[c] for c in changed], new[:, changed])
    return True


def _residual_rules(plan: RulerPlan, doc: Doc) -> dict[int, set[int]] | None:
    """Rule ids per target token from the residual Matcher; None if a match's index is out of
    range (the stock component raises its own error for that)."""
    assert plan.residual is not None
    extra: dict[int, set[int]] = {}
    for match_id, start, end in plan.residual(doc, allow_missing=True, as_spans=False):
        rule = plan.residual_rule[match_id]
        index = plan.indices[rule]
        target = start + index if index >= 0 else end + index
        if not start <= target < end:
            return None
        extra.setdefault(target, set()).add(rule)
    return extra


class ArrayAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, applied through a lookup table on to_array keys.

    Adding or clearing patterns recompiles the table on the next call; rules the table cannot
    reproduce exactly make the whole component run spaCy's own code.
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        self._plan: RulerPlan | None = None
        self._plan_stale = True
        super().__init__(vocab, name, **kwargs)

    def clear(self) -> None:
        super().clear()
        self._plan_stale = True

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._plan_stale = True

    @property
    def plan(self) -> RulerPlan | None:
        """The compiled rules, or None when this ruler runs spaCy's own code."""
        if self._plan_stale:
            self._plan = compile_ruler(
                self.vocab,
                lambda rule: self.matcher.get(str(rule))[1],
                self.attrs,
                self.indices,
                self.validate,
            )
            self._plan_stale = False
        return self._plan

    def __call__(self, doc: Doc) -> Doc:
        plan = self.plan
        if plan is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            if apply_ruler(plan, doc):
                return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)
        return super().__call__(doc)


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


def _with_membership_index(lookups: Lookups) -> Lookups:
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
        self.lookups = _with_membership_index(self.lookups)
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
        doc.from_array([LEMMA], column.reshape(n, 1))

    def _lemma_id(self, key: tuple[int, int, int], doc: Doc, i: int) -> int:
        lemma = self.lemma_ids.get(key)
        if lemma is None:
            # the stock component sets token.lemma_ = lemmatize(token)[0], i.e. strings.add
            lemma = self.lemma_ids[key] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
        return lemma


@Language.factory(
    RULER_FACTORY,
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_array_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory(
    LEMMATIZER_FACTORY,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_array_lemmatizer(
    nlp: Language,
    model: Any,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable[..., Any] | None,
) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def install_fast_components(nlp: Language) -> list[str]:
    """Swap in the array components where they are exact; the names of the swapped ones."""
    swapped = []
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        if type(component) is AttributeRuler and _swap_ruler(nlp, name, component):
            swapped.append(name)
        elif type(component) is EnglishLemmatizer and component.mode in ("rule", "lookup"):
            fast = nlp.replace_pipe(
                name,
                LEMMATIZER_FACTORY,
                config={"mode": component.mode, "overwrite": component.overwrite},
            )
            fast.lookups = _with_membership_index(component.lookups)
            fast._validate_tables()
            swapped.append(name)
    return swapped


def _swap_ruler(nlp: Language, name: str, stock: AttributeRuler) -> bool:
    plan = compile_ruler(
        stock.vocab,
        lambda rule: stock.matcher.get(str(rule))[1],
        stock.attrs,
        stock.indices,
        stock.validate,
    )
    if plan is None:
        return False
    fast = nlp.replace_pipe(name, RULER_FACTORY, config={"validate": stock.validate})
    fast.add_patterns(stock.patterns)
    return fast.plan is not None
