"""Hand-made sentences for the precision rules on ordinary news (events6): verbs that report
no interaction are never typed by the classifier alone, motion verbs need a frame aiming at someone, and
a saying is only ever a verbal act."""

from __future__ import annotations

from tests.extract.test_events import analyse, find, has_word, names, triggers

from newsgraph.extract import events as ev
from newsgraph.extract.events_lexicon import frames
from newsgraph.read.nlp import load_nlp


def test_life_events_are_no_events() -> None:
    assert not triggers("Former spy Tony Mendez died of Parkinson's disease in Maryland.")
    assert not triggers("Singer Doris Day died on Monday at her home in Carmel Valley, California.")


def test_embracing_an_idea_or_leading_research_is_no_event() -> None:
    assert not triggers("Robert Mugabe embraced Marxism.")
    assert not triggers("The research was led by Mark Hay, a professor at Georgia Tech.")


def test_no_interaction_verbs_are_gated_only_without_a_lexicon_code() -> None:
    words = frames()
    assert "die" in words["no_interaction_verbs"]
    assert ev._never_alone("die") and ev._never_alone("say") and not ev._never_alone("attack")


def test_marching_in_a_city_is_no_assault_on_it() -> None:
    text = "Roughly one million people marched in London on Saturday."
    assert not any(t == "ASSAULT" for t, _ in triggers(text))


def test_returning_home_is_no_retreat() -> None:
    text = "Princess Ubolratana divorced and returned to Thailand in 1998."
    assert not any(w == "returned" for _, w in triggers(text))


def test_motion_towards_a_meeting_or_against_someone_stays() -> None:
    doc = load_nlp()("The negotiators returned to Geneva for talks.")
    verb = next(t for t in doc if t.lower_ == "returned")
    assert not ev._aimless_motion(verb, "return")
    doc = load_nlp()("The negotiators returned to Geneva.")
    verb = next(t for t in doc if t.lower_ == "returned")
    assert ev._aimless_motion(verb, "return")


def test_withdrawing_troops_is_still_a_retreat() -> None:
    a = analyse("Russia returned the captured soldiers to Ukraine on Friday.")
    e = find(a, "RETREAT") if any(x.type == "RETREAT" for x in a.events) else find(a, "CONCEDE")
    assert has_word(names(a, e.target), "Ukraine")


def test_said_in_a_press_release_is_no_release() -> None:
    text = 'Co-author Tak-Sing Wong said in a press release that the team has developed a coating.'
    assert not any(t in ("RETREAT", "CONCEDE") for t, _ in triggers(text))


def test_declaring_a_state_of_siege_keeps_its_code() -> None:
    a = analyse("President Evo Morales declared a state of siege in Pando on Friday.")
    assert any(e.cameo and e.cameo.startswith("17") for e in a.events)
