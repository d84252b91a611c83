"""Hand-made sentences for the precision rules on ordinary news (events7): acts done to
someone need a party as their object, not a thing."""

from __future__ import annotations

from tests.extract.test_events import analyse


def _triggers(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in analyse(text).events]


def test_supporting_or_funding_a_thing_is_no_event() -> None:
    assert not _triggers("The former president supported education and healthcare.")
    assert not _triggers("The council funded the feasibility studies.")


def test_throwing_objects_is_no_assault_on_them() -> None:
    found = _triggers("The protesters threw rocks and bottles.")
    assert not any(t == "ASSAULT" for t, _ in found)


def test_acts_on_parties_stay() -> None:
    assert ("SUPPORT", "supported") in _triggers("The president supported the rebels.")
    assert ("ASSAULT", "attacked") in _triggers("The rebels attacked twelve.")


def test_acts_that_take_things_stay() -> None:
    found = _triggers("President Aleksandar Vucic eased the lockdown measures.")
    assert any(w == "eased" for _, w in found)


def test_a_pardon_granted_to_a_long_name_is_a_concession_not_aid() -> None:
    found = _triggers("The president granted Angela Ronae Stanton a full and unconditional pardon.")
    assert ("CONCEDE", "granted") in found
    assert not any(t == "AID" for t, _ in found)


def test_sending_someone_a_plan_is_no_mobilization() -> None:
    found = _triggers("The Civil Rights Front sent the police a plan for the march.")
    assert not any(t in ("MOBILIZE", "AID") for t, _ in found)
