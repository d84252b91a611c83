"""Hand-made sentences for the event rules of the PLOVER-bar revision: lemma repairs,
peacekeeping as aid, passive light verbs, joint parties, instrument sources, restrictions
on a place, bare event nouns keeping their type."""

from __future__ import annotations

import pytest
from tests.extract.test_events import analyse, find, has_word, names

from newsgraph.extract.events_lexicon import verb_lemma
from newsgraph.read.nlp import load_nlp


def test_staged_is_read_as_stage() -> None:
    doc = load_nlp()("The students staged a protest.")
    assert verb_lemma(doc[2]) == "stage"
    a = analyse("Hundreds of workers staged a protest outside the ministry on Monday.")
    ev = find(a, "PROTEST")
    assert has_word(names(a, ev.source), "workers")


def test_british_ise_spelling_finds_the_ize_verb() -> None:
    doc = load_nlp()("The regulator penalised the bank.")
    assert doc[2].lemma_ == "penalise"
    assert verb_lemma(doc[2]) == "penalize"


def test_troops_sent_as_peacekeepers_are_aid_to_the_place() -> None:
    a = analyse("Kenya sent 300 troops to Somalia to serve as a peacekeeping force.")
    ev = find(a, "AID")
    assert ev.cameo == "074"
    assert has_word(names(a, ev.source), "Kenya")
    assert has_word(names(a, ev.target), "Somalia")


def test_troops_sent_without_peacekeeping_are_no_aid() -> None:
    a = analyse("Kenya sent 300 troops to Somalia to fight the rebels.")
    assert not any(e.cameo == "074" for e in a.events)


def test_passive_light_verb_takes_its_agent_as_doers() -> None:
    a = analyse("The war games were staged by Chinese and Russian forces.")
    ev = find(a, "COOPERATE")
    assert has_word(names(a, ev.source), "Chinese")
    assert has_word(names(a, ev.target), "Russian")
    assert ev.trigger.text == "games were staged"  # the noun comes first


def test_attack_by_a_group_names_the_group_as_doer() -> None:
    a = analyse("A bombing by the Islamic State killed 20 villagers.")
    ev = next(e for e in a.events if e.trigger.text == "killed")
    assert has_word(names(a, ev.source), "Islamic State")


def test_opening_borders_to_refugees_is_aid() -> None:
    a = analyse("Turkey opened its borders to refugees from Syria.")
    ev = find(a, "AID")
    assert ev.cameo == "075"


def test_condemning_an_attack_is_an_accusation() -> None:
    a = analyse("The UN Secretary-General condemned the attack on a church in Quetta.")
    assert any(e.type == "ACCUSE" and e.trigger.text == "condemned" for e in a.events)


# text, PLOVER type, a word of the source (or None), a word of the target (or None)
SOURCE_TARGET = [
    # peacekeepers who arrive are the doers; where they go, the target
    ("Indian peacekeepers arrived in Liberia on Tuesday.", "AID", "India", "Liberia"),
    # a passive light verb with no agent: the noun's own parties
    ("Cooperation between Chile and Peru was strengthened last year.", "COOPERATE", "Chile",
     "Peru"),
    # parties coordinated in the subject's "of" phrase act towards each other
    ("The navies of Brazil and Argentina performed joint war games in October.", "COOPERATE",
     None, "Argentina"),
    # a weapon as subject stands as source when no doer is named
    ("A car bomb killed four soldiers in Kabul on Sunday.", "ASSAULT", "car bomb", "soldiers"),
    # a restriction imposed on a place targets the place
    ("Authorities in Pakistan imposed a curfew in Peshawar on Friday.", "COERCE", None,
     "Peshawar"),
    # a possessor common noun is the target of its decision
    ("Germany condemned the Polish government's decision to close the border.", "ACCUSE", None,
     "Polish government"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "ptype", "src", "tgt"), SOURCE_TARGET)
def test_source_and_target(text: str, ptype: str, src: str | None, tgt: str | None) -> None:
    a = analyse(text)
    ev = find(a, ptype)
    if src:
        assert has_word(names(a, ev.source), src)
    if tgt:
        assert has_word(names(a, ev.target), tgt)
