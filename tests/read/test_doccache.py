"""Per-doc caches of spaCy views."""

from __future__ import annotations

from newsgraph.read.doccache import doc_text, remember_text
from newsgraph.read.nlp import load_nlp


def test_remember_text_seeds_the_cache_only_with_the_parsed_text() -> None:
    text = "Seoul protested.  Tokyo said nothing.\n"
    doc = load_nlp().make_doc(text)
    remember_text(doc, "not the text at all, and longer than it is")
    assert "newsgraph_text" not in doc.user_data
    remember_text(doc, text)
    assert doc.user_data["newsgraph_text"] is text
    assert doc_text(doc) == doc.text == text


def test_an_empty_doc_has_empty_text() -> None:
    empty = load_nlp().make_doc("")
    remember_text(empty, "")
    assert doc_text(empty) == ""
