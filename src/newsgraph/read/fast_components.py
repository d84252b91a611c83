"""Faster stand-ins for en_core_web_sm's attribute_ruler and lemmatizer, same annotations.

``install_fast_components(nlp)`` swaps them in under the same component names, and only where
the loaded component is one they reproduce exactly (read/fast_ruler.py, fast_lemmatizer.py);
anything else stays stock. The stand-ins are subclasses of spaCy's own components, built from
the loaded components' own patterns and lookup tables, so serialisation and scoring still work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from newsgraph.read.fast_lemmatizer import ArrayLemmatizer
from newsgraph.read.fast_ruler import ArrayAttributeRuler, compile_stock_rules

RULER_FACTORY = "newsgraph_array_attribute_ruler"
LEMMATIZER_FACTORY = "newsgraph_array_lemmatizer"


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
    """Swap in the faster components where they are exact; the names of the swapped ones."""
    swapped = []
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        if (type(component) is AttributeRuler and _swap_ruler(nlp, name, component)) or (
            type(component) is EnglishLemmatizer and _swap_lemmatizer(nlp, name, component)
        ):
            swapped.append(name)
    return swapped


def _swap_ruler(nlp: Language, name: str, stock: AttributeRuler) -> bool:
    if compile_stock_rules(stock) is None:
        return False  # a rule the array path cannot reproduce: keep spaCy's component
    fast = nlp.replace_pipe(name, RULER_FACTORY, config={"validate": stock.validate})
    assert isinstance(fast, ArrayAttributeRuler)
    fast.add_patterns(stock.patterns)
    return True


def _swap_lemmatizer(nlp: Language, name: str, stock: EnglishLemmatizer) -> bool:
    # rule and lookup lemmas depend on the token's text, POS and morphology only
    if stock.mode not in ("rule", "lookup"):
        return False
    fast = nlp.replace_pipe(
        name, LEMMATIZER_FACTORY, config={"mode": stock.mode, "overwrite": stock.overwrite}
    )
    assert isinstance(fast, ArrayLemmatizer)
    fast.lookups = stock.lookups  # indexed into a new Lookups on the first call
    fast._validate_tables()
    return True
