"""load_nlp()'s faster attribute_ruler and lemmatizer must annotate exactly as spaCy's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsgraph.read.annotation_diff import compare_pipes, differences
from newsgraph.read.fast_components import install_fast_components
from newsgraph.read.fast_lemmatizer import ArrayLemmatizer, MembershipList
from newsgraph.read.fast_ruler import ArrayAttributeRuler
from newsgraph.read.nlp import load_nlp, load_stock_nlp

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

TRICKY = [
    "I don't know. We're gonna win, ain't we? You gotta see it. Let's go, y'all. C'mon!",
    "He ain't nothin' but trouble; she's nothin' like him. Y'all're late. Gon na happen.",
    "There is a cat. There are two dogs. There's been a row, and there were 3,000 people.",
    "The minister's aide said it's over: Russia's army has left, and it's been a week.",
    "THE UNITED NATIONS SAID ON MONDAY THAT 1.5 MILLION PEOPLE HAD FLED. WHO'S NEXT?",
    "Prices rose 4.5% to $1,200.50 in 2024; 12 of 30 (40 %) voted 'no' on 1/3/2025.",
    "Sanctions\nThe United States condemned the deal.\n\n\nIt said no more  \t  than that.",
    "   Leading spaces.  Double  spaces\tand tabs \n  \n and a trailing newline.\n",
    "I'd've gone. They'll've left. Can't, won't, shouldn't've. 'Tis the season, o'clock.",
    "A",
    " ",
    "\n",
    "",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_stock_nlp()


def test_load_nlp_swaps_in_the_array_components() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayLemmatizer)
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    # en_core_web_sm's rules are all expressible without the Matcher
    assert ruler.plan is not None and ruler.plan.residual is None


def _assert_same(stock: Language, texts: list[str]) -> None:
    docs, tokens, found, shown = compare_pipes(stock.pipe(texts), load_nlp().pipe(texts))
    assert docs == len(texts) and tokens > 0
    assert not found, "\n".join(shown)


def test_the_shipped_examples_are_annotated_as_stock(stock: Language) -> None:
    texts = [(EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")]
    with (EXAMPLES / "wikinews-sample.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(texts) > 10
    _assert_same(stock, texts)


def test_tricky_sentences_are_annotated_as_stock(stock: Language) -> None:
    _assert_same(stock, TRICKY)


def test_one_doc_at_a_time_matches_too(stock: Language) -> None:
    nlp = load_nlp()
    for text in TRICKY:
        assert not differences(stock(text), nlp(text)), text


def test_the_comparison_sees_a_changed_lemma(stock: Language) -> None:
    want, got = stock("She was gonna go."), stock("She was gonna go.")
    got[1].lemma_ = "was"
    assert differences(want, got) == {"LEMMA": 1}


# -- the ruler on hand-made rules: every path (table, sequences, REGEX, residual Matcher) -----

RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}], [{"TAG": "NNS"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": {"IN": ["dog", "cats"]}, "TAG": "NNS"}]], "attrs": {"LEMMA": "x"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "dog"}]], "attrs": {"POS": "PROPN", "MORPH": "A=B"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"lower": "big"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "huge"}, "index": 0},
    {"patterns": [[{"LOWER": "the"}, {}, {"LOWER": "dog"}]], "attrs": {"POS": "DET"}, "index": -1},
    {"patterns": [[{"LOWER": {"REGEX": "^c.t"}}]], "attrs": {"MORPH": "Number=Plur"}},
    {"patterns": [[{"IS_PUNCT": True}]], "attrs": {"POS": "PUNCT", "TAG": "."}},
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"TEXT": "Dog"}]], "attrs": {"LEMMA": "Dog!"}},
]
WORDS = ["The", "big", "dog", "saw", "two", "cats", "and", "a", "very", "very", "big", "Dog", "."]
TAGS = ["DT", "JJ", "NN", "VBD", "CD", "NNS", "CC", "DT", "RB", "RB", "JJ", "NN", "."]


def _tagged(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS)


def _ruler_pipeline(rules: list[dict[str, Any]]) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(rules)
    return nlp


def test_hand_made_rules_give_the_stock_annotations() -> None:
    stock = _ruler_pipeline(RULES)
    ours = _ruler_pipeline(RULES)
    assert install_fast_components(ours) == ["attribute_ruler"]
    ruler = ours.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler) and ruler.plan is not None
    assert ruler.plan.residual is not None  # the OP pattern stays with spaCy's Matcher
    want, got = stock(_tagged(stock)), ours(_tagged(ours))
    assert not differences(want, got), list(zip(want, got, strict=True))
    assert got[2].pos_ == "DET"  # "The big dog": the three-token rule (-1) wins over rule 2
    assert got[11].lemma_ == "Dog!" and got[9].pos_ == "ADV"


def test_a_rule_setting_a_lexeme_attribute_keeps_the_stock_ruler() -> None:
    nlp = _ruler_pipeline([*RULES, {"patterns": [[{"LOWER": "dog"}]], "attrs": {"NORM": "hound"}}])
    assert install_fast_components(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_an_index_outside_the_match_raises_as_stock_does() -> None:
    rules = [{"patterns": [[{"LOWER": "big"}, {"OP": "?"}]], "attrs": {"POS": "X"}, "index": 1}]
    stock, ours = _ruler_pipeline(rules), _ruler_pipeline(rules)
    install_fast_components(ours)
    assert isinstance(ours.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    with pytest.raises(ValueError) as stock_error:
        stock(_tagged(stock))
    with pytest.raises(ValueError) as our_error:
        ours(_tagged(ours))
    assert str(our_error.value) == str(stock_error.value)


def test_patterns_added_later_are_compiled_in() -> None:
    ours = _ruler_pipeline(RULES)
    install_fast_components(ours)
    ruler = ours.get_pipe("attribute_ruler")
    assert isinstance(ruler, ArrayAttributeRuler)
    ours(_tagged(ours))
    ruler.add([[{"LOWER": "saw"}]], {"LEMMA": "see"})
    assert ours(_tagged(ours))[3].lemma_ == "see"


# -- the lemmatizer ---------------------------------------------------------------------------


def test_membership_lists_are_read_only_lists() -> None:
    words = MembershipList(["a", "b"])
    assert "b" in words and "c" not in words and words == ["a", "b"]
    with pytest.raises(TypeError):
        words.append("c")


def test_the_lemmatizer_survives_a_bytes_round_trip(stock: Language) -> None:
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, ArrayLemmatizer)
    fresh = ArrayLemmatizer(lemmatizer.vocab, None, mode="rule")
    fresh.from_bytes(lemmatizer.to_bytes())
    text = "The children were running faster than the geese flew; he's better."
    docs = [stock(text), load_nlp()(text)]
    for doc in docs:  # lemmatize every token, not only those the attribute_ruler left
        for token in doc:
            token.lemma = 0
    want = [t.lemma_ for t in stock.get_pipe("lemmatizer")(docs[0])]
    assert [t.lemma_ for t in fresh(docs[1])] == want
    assert want[:4] == ["the", "child", "were", "run"]


def test_lemmas_follow_the_morphology_not_only_word_and_pos(stock: Language) -> None:
    words = ["found", "found", "found"]
    morphs = ["VerbForm=Inf", "Tense=Past|VerbForm=Fin", "Aspect=Perf|Tense=Past|VerbForm=Part"]
    docs = [
        Doc(nlp.vocab, words=words, pos=["VERB"] * 3, morphs=morphs) for nlp in (stock, load_nlp())
    ]
    want = [t.lemma_ for t in stock.get_pipe("lemmatizer")(docs[0])]
    assert want == ["found", "find", "find"]
    assert [t.lemma_ for t in load_nlp().get_pipe("lemmatizer")(docs[1])] == want
