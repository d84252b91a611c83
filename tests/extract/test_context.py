"""Context's span lookups stay right as stages add, remove and extend actors."""

from __future__ import annotations

from newsgraph.extract.context import Context
from newsgraph.model import Actor, Article, Mention


def _actor(aid: str, *spans: tuple[int, int]) -> Actor:
    return Actor(id=aid, name=aid, mentions=[Mention(start=s, end=e, text="x") for s, e in spans])


def test_lookups_follow_appends_mention_additions_and_removals() -> None:
    ctx = Context(article=Article(id="t", body="x" * 100))
    ctx.actors = [_actor("a1", (0, 5), (40, 45)), _actor("a2", (10, 30))]
    assert ctx.actor_at(12, 13) is ctx.actors[1]
    assert [a.id for a in ctx.actors_in(0, 50)] == ["a1", "a2"]
    ctx.actors.append(_actor("a3", (60, 70)))  # appended after the index was built
    assert ctx.actor_at(61, 62) is ctx.actors[2]
    ctx.actors[1].mentions.append(Mention(start=80, end=90, text="x"))  # a mention added
    assert ctx.actor_at(85, 86) is ctx.actors[1]
    ctx.actors[:] = [a for a in ctx.actors if a.id != "a1"]  # removed in place
    assert ctx.actor_at(1, 2) is None
    assert [a.id for a in ctx.actors_in(0, 100)] == ["a2", "a3"]


def test_longest_overlapping_mention_wins_and_ties_go_to_the_first_actor() -> None:
    ctx = Context(article=Article(id="t", body="x" * 100))
    ctx.actors = [_actor("a1", (10, 14)), _actor("a2", (5, 20)), _actor("a3", (5, 20))]
    assert ctx.actor_at(11, 12).id == "a2"  # type: ignore[union-attr]
    assert ctx.actor_at(25, 30) is None


def test_new_actor_ids_continue_the_sequence() -> None:
    ctx = Context(article=Article(id="t", body="x"))
    assert ctx.new_actor_id() == "a1"
    ctx.actors = [_actor("a1"), _actor("a7")]
    assert ctx.new_actor_id() == "a8"
    ctx.actors.append(_actor("a8"))
    assert ctx.new_actor_id() == "a9"
    ctx.actors[:] = [ctx.actors[0]]
    assert ctx.new_actor_id() == "a2"
