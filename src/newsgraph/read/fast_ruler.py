"""spaCy's AttributeRuler applied through array lookups: the same annotations, far less Python.

The stock component runs a Matcher with every pattern over the doc, then for each match (the
one-token tag-map patterns match every token) builds a Span and a Token and sets attributes one
by one. Here the loaded component's own patterns and normalised attributes are compiled into

- a table: a token's key (its values of the attributes the patterns test, each value no pattern
  names collapsed to one code) maps to the rules whose one-token pattern matches it;
- sequence rules: fixed-length patterns (several tokens, or a REGEX), matched with shifted
  boolean arrays over the same keys, REGEXes tested only where the rest matched;
- a residual spaCy Matcher for whatever else (operators such as OP, NOT_IN, extensions).

The AttributeRuler applies matches sorted by rule id, later ones overwriting, so a token ends
with, per attribute, the value of the highest-numbered matching rule that sets it: that merge is
computed once per distinct set of rules and written for the whole doc with one from_array.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Attributes a pattern may test outside the Matcher. For these, Doc.to_array reads the value
# the Matcher compares (both go through get_token_attr). Left to the Matcher: SENT_START (read as
# a bool), MORPH (normalised by the Matcher), ENT_IOB (IOB strings become indices), extensions.
MATCHABLE_ATTRS = {
    name: IDS[name]
    for name in (
        "ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "IS_ALPHA",
        "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "LIKE_NUM",
    )
}  # fmt: skip
# string-valued attributes, the ones a REGEX may test (on the string, as the Matcher does)
REGEX_ATTRS = frozenset(IDS[name] for name in ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA"))
KEY_ALIASES = {"TEXT": "ORTH"}
# Attributes the ruler may assign through from_array. set_token_attrs writes an attribute on the
# token and on its lexeme, but these five have no lexeme field, so token-only writes are exact.
WRITABLE_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)
# the combined key code must stay within int64
MAX_KEY_SPACE = 2**62


@dataclass(frozen=True)
class TokenSpec:
    """One token of a pattern: per attribute, the values allowed (IN, or a plain value), the
    values excluded (NOT_IN) and REGEXes on its string."""

    allowed: dict[int, frozenset[int]]
    excluded: dict[int, frozenset[int]] = field(default_factory=dict)
    regexes: tuple[tuple[int, str], ...] = ()

    def allows(self, attr: int, value: int | None) -> bool:
        """Whether a token whose attr has this value (None: one no pattern names) passes the
        value constraints; REGEXes are tested apart, on the strings."""
        if attr in self.allowed and value not in self.allowed[attr]:
            return False
        return not (attr in self.excluded and value in self.excluded[attr])

    def named_values(self) -> dict[int, frozenset[int]]:
        named: dict[int, frozenset[int]] = {attr: frozenset() for attr, _ in self.regexes}
        for constraint in (self.allowed, self.excluded):
            for attr, values in constraint.items():
                named[attr] = named.get(attr, frozenset()) | values
        return named


def parse_spec(spec: Any, strings: Any) -> TokenSpec | None:
    """A Matcher token spec as a TokenSpec, or None if only the Matcher can evaluate it.

    Values become ids exactly as spaCy's Matcher makes them: plain strings through
    ``strings.add``, bools to ints, IN and NOT_IN members through ``get_string_id``.
    """
    if not isinstance(spec, dict):
        return None
    allowed: dict[int, frozenset[int]] = {}
    excluded: dict[int, frozenset[int]] = {}
    regexes: list[tuple[int, str]] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        attr = MATCHABLE_ATTRS.get(KEY_ALIASES.get(key.upper(), key.upper()))
        if attr is None:
            return None  # OP, "_", MORPH, SENT_START, ...
        plain = _plain_value(value, strings)
        operators = {"IN": plain} if plain is not None else value
        if not isinstance(operators, dict) or not operators:
            return None
        for operator, argument in operators.items():
            if operator == "REGEX" and attr in REGEX_ATTRS and isinstance(argument, str):
                regexes.append((attr, argument))
                continue
            members = _members(argument) if plain is None else argument
            if members is None:
                return None
            if operator == "IN":
                allowed[attr] = allowed[attr] & members if attr in allowed else members
            elif operator == "NOT_IN":
                excluded[attr] = excluded.get(attr, frozenset()) | members
            else:
                return None  # comparisons, fuzzy, IS_SUBSET, ...
    return TokenSpec(allowed, excluded, tuple(regexes))


def _plain_value(value: Any, strings: Any) -> frozenset[int] | None:
    if isinstance(value, bool):
        return frozenset({int(value)})
    if isinstance(value, int):
        return frozenset({value})
    if isinstance(value, str):
        return frozenset({strings.add(value)})
    return None


def _members(argument: Any) -> frozenset[int] | None:
    if isinstance(argument, list) and all(isinstance(v, str) for v in argument):
        return frozenset(get_string_id(v) for v in argument)
    return None


@dataclass(frozen=True)
class SequenceRule:
    """A fixed-length pattern: its specs must hold on consecutive tokens."""

    rule: int
    specs: tuple[int, ...]  # indices into RulerPlan.specs, one per token
    target: int  # the token of the match the rule sets (index made non-negative)


@dataclass
class KeyEntry:
    """What the plan knows about one token key."""

    rules: tuple[int, ...]  # table rules matching it, ascending
    values: tuple[int, ...]  # per write attribute: its value after those rules (or 0)
    present: tuple[bool, ...]  # per write attribute: whether those rules set it
    spec_ok: tuple[bool, ...]  # per sequence spec: whether its value constraints hold


@dataclass
class RulerPlan:
    """An AttributeRuler's rules compiled for array lookups."""

    key_attrs: list[int]  # the key's columns, read with to_array
    known_values: list[np.ndarray]  # per column: sorted values some pattern names
    table_rules: list[int]  # rule id of each one-token pattern, ascending
    table_masks: list[list[int]]  # per column, per slot: bit i set if table pattern i allows it
    specs: list[TokenSpec]  # the token specs of the sequence rules
    spec_masks: list[list[int]]  # per column, per slot: bit i set if specs[i] allows it
    sequences: list[SequenceRule]
    residual: Matcher | None  # patterns neither of the above expresses
    residual_rule: dict[int, int]  # residual match id -> rule id
    assigned: list[dict[int, int]]  # per rule id: the normalised attrs it sets
    indices: list[int]  # per rule id: the index of the token it sets within the match
    write_attrs: list[int]
    _entries: dict[int, KeyEntry] = field(default_factory=dict)
    _merged: dict[tuple[int, ...], dict[int, int]] = field(default_factory=dict)
    _regex_hits: dict[tuple[int, int], tuple[bool, ...]] = field(default_factory=dict)

    def entry(self, code: int) -> KeyEntry:
        found = self._entries.get(code)
        if found is None:
            found = self._entries[code] = self._make_entry(self._slots(code))
        return found

    def _slots(self, code: int) -> list[int]:
        """The per-column slots a key code was built from (see key_codes)."""
        slots = []
        for values in reversed(self.known_values):
            code, slot = divmod(code, len(values) + 1)
            slots.append(slot)
        return slots[::-1]

    def _make_entry(self, slots: list[int]) -> KeyEntry:
        table_bits = _all_bits(len(self.table_rules))
        spec_bits = _all_bits(len(self.specs))
        for column, slot in enumerate(slots):
            table_bits &= self.table_masks[column][slot]
            spec_bits &= self.spec_masks[column][slot]
        rules = tuple(rule for i, rule in enumerate(self.table_rules) if table_bits >> i & 1)
        merged = self.merged(rules)
        return KeyEntry(
            rules=rules,
            values=tuple(merged.get(attr, 0) for attr in self.write_attrs),
            present=tuple(attr in merged for attr in self.write_attrs),
            spec_ok=tuple(bool(spec_bits >> i & 1) for i in range(len(self.specs))),
        )

    def merged(self, rules: Iterable[int]) -> dict[int, int]:
        """The attributes set on a token matched by these rules: applied in rule id order,
        each overwriting, as the AttributeRuler does."""
        ordered = tuple(sorted(set(rules)))
        result = self._merged.get(ordered)
        if result is None:
            result = {}
            for rule in ordered:
                result.update(self.assigned[rule])
            self._merged[ordered] = result
        return result

    def regex_hits(
        self, attr: int, regexes: tuple[str, ...], value: int, strings: Any
    ) -> tuple[bool, ...]:
        """The Matcher's REGEX tests on a value's string, remembered per (attribute, value)."""
        hits = self._regex_hits.get((attr, value))
        if hits is None:
            text = strings[value]
            hits = tuple(bool(re.search(regex, text)) for regex in regexes)
            self._regex_hits[(attr, value)] = hits
        return hits

    @cached_property
    def regexes_by_attr(self) -> dict[int, list[tuple[int, str]]]:
        """Per attribute: (spec index, regex) for every REGEX the sequence specs test on it."""
        grouped: dict[int, list[tuple[int, str]]] = {}
        for spec_index, spec in enumerate(self.specs):
            for attr, regex in spec.regexes:
                grouped.setdefault(attr, []).append((spec_index, regex))
        return grouped


def _all_bits(n: int) -> int:
    return (1 << n) - 1


def _slot_masks(
    specs: Sequence[TokenSpec], key_attrs: list[int], known_values: list[np.ndarray]
) -> list[list[int]]:
    """Per column, per slot (0: a value no pattern names, then the named values in order):
    the bitmask of the specs whose constraint on that column the slot passes."""
    masks = []
    for attr, values in zip(key_attrs, known_values, strict=True):
        slot_values: list[int | None] = [None, *values.tolist()]
        masks.append(
            [
                sum(1 << i for i, spec in enumerate(specs) if spec.allows(attr, value))
                for value in slot_values
            ]
        )
    return masks


def compile_ruler(
    vocab: Vocab,
    patterns_of: Callable[[int], Sequence[Any]],
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
    if not written:
        return None  # nothing to set: not worth a plan
    table: list[tuple[int, TokenSpec]] = []
    specs: list[TokenSpec] = []
    sequences: list[SequenceRule] = []
    residual = Matcher(vocab, validate=validate)
    residual_rule: dict[int, int] = {}
    for rule in range(len(assigned)):
        leftover = []
        for pattern in patterns_of(rule):
            parsed = [parse_spec(spec, vocab.strings) for spec in pattern]
            index = indices[rule]
            if not parsed or any(spec is None for spec in parsed):
                leftover.append(pattern)
            elif not -len(parsed) <= index < len(parsed):
                leftover.append(pattern)  # the residual match sends the doc to the stock error
            elif len(parsed) == 1 and not parsed[0].regexes:  # type: ignore[union-attr]
                table.append((rule, parsed[0]))  # type: ignore[arg-type]
            else:
                first = len(specs)
                specs.extend(spec for spec in parsed if spec is not None)
                target = index % len(parsed)
                sequences.append(SequenceRule(rule, tuple(range(first, len(specs))), target))
        if leftover:
            match_id = vocab.strings.add(f"newsgraph-residual-{rule}")
            residual.add(match_id, leftover)
            residual_rule[match_id] = rule
    known: dict[int, set[int]] = {}
    for spec in [spec for _, spec in table] + specs:
        for attr, values in spec.named_values().items():
            known.setdefault(attr, set()).update(values)
    if not known:
        known[TAG] = set()  # keep the key non-empty; no rule tests it
    if int(np.prod([len(v) + 1 for v in known.values()], dtype=object)) > MAX_KEY_SPACE:
        return None
    key_attrs = sorted(known)
    known_values = [np.array(sorted(known[attr]), dtype=np.uint64) for attr in key_attrs]
    return RulerPlan(
        key_attrs=key_attrs,
        known_values=known_values,
        table_rules=[rule for rule, _ in table],
        table_masks=_slot_masks([spec for _, spec in table], key_attrs, known_values),
        specs=specs,
        spec_masks=_slot_masks(specs, key_attrs, known_values),
        sequences=sequences,
        residual=residual if residual_rule else None,
        residual_rule=residual_rule,
        assigned=[dict(attrs) for attrs in assigned],
        indices=list(indices),
        write_attrs=[attr for attr in WRITABLE_ATTRS if attr in written],
    )


def key_codes(plan: RulerPlan, raw: np.ndarray) -> np.ndarray:
    """One int64 code per token from its key columns: per column, 0 for a value no pattern
    names, else 1 + the value's position among the named ones (mixed radix over columns)."""
    codes = np.zeros(len(raw), dtype=np.int64)
    for column, values in enumerate(plan.known_values):
        slots = np.zeros(len(raw), dtype=np.int64)
        if len(values):
            at = np.searchsorted(values, raw[:, column])
            named = values[np.minimum(at, len(values) - 1)] == raw[:, column]
            slots[named] = at[named] + 1
        codes = codes * (len(values) + 1) + slots
    return codes


def apply_ruler(plan: RulerPlan, doc: Doc) -> bool:
    """Set the ruler's attributes on doc; False (doc untouched) when the stock path must run."""
    n = len(doc)
    if n == 0:
        return True
    raw = doc.to_array(plan.key_attrs).reshape(n, len(plan.key_attrs))  # type: ignore[arg-type]
    codes, inverse = np.unique(key_codes(plan, raw), return_inverse=True)
    inverse = inverse.reshape(-1)
    entries = [plan.entry(code) for code in codes.tolist()]
    width = len(plan.write_attrs)
    current = doc.to_array(plan.write_attrs).reshape(n, width)  # type: ignore[arg-type]
    values = np.array([e.values for e in entries], dtype=np.uint64).reshape(-1, width)
    present = np.array([e.present for e in entries], dtype=bool).reshape(-1, width)
    new = np.where(present[inverse], values[inverse], current)
    extra = _sequence_rules(plan, doc, raw, entries, inverse)
    if plan.residual is not None:
        for target, rules in _residual_rules(plan, doc).items():
            extra.setdefault(target, set()).update(rules)
    for target, rules in extra.items():
        if target < 0:
            return False
        merged = plan.merged(entries[inverse[target]].rules + tuple(rules))
        for column, attr in enumerate(plan.write_attrs):
            new[target, column] = merged.get(attr, current[target, column])
    changed = [c for c in range(width) if (new[:, c] != current[:, c]).any()]
    if changed:
        doc.from_array([plan.write_attrs[c] for c in changed], new[:, changed])  # type: ignore[arg-type]
    return True


def _sequence_rules(
    plan: RulerPlan, doc: Doc, raw: np.ndarray, entries: list[KeyEntry], inverse: np.ndarray
) -> dict[int, set[int]]:
    """Rule ids per target token from the fixed-length patterns."""
    extra: dict[int, set[int]] = {}
    if not plan.sequences:
        return extra
    n = len(doc)
    spec_ok = np.array([e.spec_ok for e in entries], dtype=bool).reshape(-1, len(plan.specs))
    token_ok = spec_ok[inverse]
    _apply_regexes(plan, doc, raw, token_ok)
    for seq in plan.sequences:
        length = len(seq.specs)
        if length > n:
            continue
        starts_ok = np.ones(n - length + 1, dtype=bool)
        for offset, spec in enumerate(seq.specs):
            starts_ok &= token_ok[offset : n - length + 1 + offset, spec]
        for start in np.flatnonzero(starts_ok).tolist():
            extra.setdefault(start + seq.target, set()).add(seq.rule)
    return extra


def _apply_regexes(plan: RulerPlan, doc: Doc, raw: np.ndarray, token_ok: np.ndarray) -> None:
    """Clear token_ok[token, spec] where one of the spec's REGEXes fails on the token's string.
    The regexes on one attribute are tested together, once per distinct value in the doc."""
    for attr, tests in plan.regexes_by_attr.items():
        column = raw[:, plan.key_attrs.index(attr)]
        values, inverse = np.unique(column, return_inverse=True)
        regexes = tuple(regex for _, regex in tests)
        hits = np.array(
            [plan.regex_hits(attr, regexes, value, doc.vocab.strings) for value in values.tolist()],
            dtype=bool,
        ).reshape(len(values), len(tests))[inverse.reshape(-1)]
        for i, (spec_index, _) in enumerate(tests):
            token_ok[:, spec_index] &= hits[:, i]


def _residual_rules(plan: RulerPlan, doc: Doc) -> dict[int, set[int]]:
    """Rule ids per target token from the residual Matcher; target -1 for a match whose index
    falls outside it (the stock component raises its own error for that)."""
    assert plan.residual is not None
    extra: dict[int, set[int]] = {}
    for match_id, start, end in plan.residual(doc, allow_missing=True, as_spans=False):
        rule = plan.residual_rule[match_id]
        index = plan.indices[rule]
        target = start + index if index >= 0 else end + index
        extra.setdefault(target if start <= target < end else -1, set()).add(rule)
    return extra


class ArrayAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, applied through a RulerPlan.

    Adding or clearing patterns recompiles the plan on the next call; rules the plan cannot
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
            self._plan = compile_stock_rules(self)
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


def compile_stock_rules(ruler: AttributeRuler) -> RulerPlan | None:
    """Compile a loaded AttributeRuler's own patterns, normalised attrs and indices."""
    return compile_ruler(
        ruler.vocab,
        lambda rule: ruler.matcher.get(str(rule))[1],
        ruler.attrs,
        ruler.indices,
        ruler.validate,
    )
