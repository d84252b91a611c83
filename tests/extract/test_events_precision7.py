"""Hand-made sentences for the precision rules on ordinary news (events7): acts done to
someone need a party as their object, not a thing."""

from __future__ import annotations

from tests.extract.test_events import analyse, triggers


def test_supporting_or_funding_a_thing_is_no_event() -> None:
    assert not triggers("The former president supported education and healthcare.")
    assert not triggers("The council funded the feasibility studies.")


def test_an_attack_on_a_thing_stays() -> None:
    assert ("ASSAULT", "attacked") in triggers("Rebels attacked the convoy near the border.")


def test_acts_on_parties_stay() -> None:
    assert ("SUPPORT", "supported") in triggers("The president supported the rebels.")
    assert ("ASSAULT", "attacked") in triggers("The rebels attacked twelve.")


def test_acts_that_take_things_stay() -> None:
    found = triggers("President Aleksandar Vucic eased the lockdown measures.")
    assert any(w == "eased" for _, w in found)


def test_a_pardon_granted_to_a_long_name_is_a_concession_not_aid() -> None:
    found = triggers("The president granted Angela Ronae Stanton a full and unconditional pardon.")
    assert ("CONCEDE", "granted") in found
    assert not any(t == "AID" for t, _ in found)


def test_sending_someone_a_plan_is_no_mobilization() -> None:
    found = triggers("The Civil Rights Front sent the police a plan for the march.")
    assert not any(t in ("MOBILIZE", "AID") for t, _ in found)


def _events(text: str) -> list[tuple[str, list[str], list[str]]]:
    result = analyse(text)

    def named(ids: list[str]) -> list[str]:
        return [a.name for a in map(result.actor, ids) if a is not None]

    return [(e.type, named(e.source), named(e.target)) for e in result.events]


def test_a_subjectless_passive_conjunct_acts_on_the_shared_subject() -> None:
    found = _events("Turkey is under EU sanctions and was condemned by Greece.")
    assert ("ACCUSE", ["Greece"], ["Turkey"]) in found
    found = _events("Turkey is under EU sanctions and was condemned in a statement by Greece.")
    assert any(t == "ACCUSE" and s == ["Greece"] and "Turkey" in g for t, s, g in found)
    assert not any("Turkey" in s for _, s, _ in found)


def test_a_scare_quoted_label_on_a_thing_accuses_no_one() -> None:
    found = triggers('The minister called the stabbing "an act of barbarity".')
    assert not any(t == "ACCUSE" for t, _ in found)
    found = triggers('The minister called the opposition "a gang of traitors".')
    assert ("ACCUSE", "called") in found


def test_an_event_noun_about_a_thing_names_no_target() -> None:
    found = triggers("Despite the opposition leader's allegations of widespread fraud, he won.")
    assert not any(t == "ACCUSE" and w == "allegations" for t, w in found)


def test_firing_an_official_is_a_dismissal_not_an_assault() -> None:
    assert not triggers("The president fired the defence minister.")
    found = triggers("Militants fired rockets into Israel.")
    assert any(t == "ASSAULT" for t, _ in found)


def test_a_question_put_to_someone_is_no_request_or_accusation() -> None:
    assert not triggers("The opposition asked the court whether the vote was valid.")
    assert not triggers("Reporters asked the minister if he had any plans.")
    found = triggers("The government asked the United Nations to send troops.")
    assert any(w == "asked" for _, w in found)
