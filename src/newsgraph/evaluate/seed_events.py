"""Seed-article event scoring, by the rules at the bottom of seed-gold.yaml.

An extracted event matches a gold event when its span or trigger overlaps the gold evidence
(or any also_in), its PLOVER type is equal (or in alt_types), and its source and target
countries (first three letters of actor codes) intersect the gold lists (an empty list
accepts any). Recall is over core events, each counted once; precision counts every
extracted event matching no core or optional gold event as a false positive.
"""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate.scores import PRF
from newsgraph.model import Analysis, Event


def _spans_of(body: str, texts: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for text in texts:
        start = body.find(text)
        while start >= 0:
            spans.append((start, start + len(text)))
            start = body.find(text, start + 1)
    return spans


def _countries(analysis: Analysis, actor_ids: list[str]) -> set[str]:
    out: set[str] = set()
    for aid in actor_ids:
        actor = analysis.actor(aid)
        if actor and actor.code:
            out.add(actor.code[:3])
    return out


def _accepts(gold_list: list[str], found: set[str]) -> bool:
    return not gold_list or bool(set(gold_list) & found)


def matches(analysis: Analysis, event: Event, gold: dict[str, Any]) -> bool:
    body = analysis.article.body
    evidence = [gold["evidence"], *gold.get("also_in", [])]
    spans = _spans_of(body, evidence)
    ev_spans = [(event.span.start, event.span.end), (event.trigger.start, event.trigger.end)]
    if not any(s < ge and gs < e for s, e in ev_spans for gs, ge in spans):
        return False
    if event.type != gold["type"] and event.type not in gold.get("alt_types", []):
        return False
    return _accepts(gold.get("source", []), _countries(analysis, event.source)) and _accepts(
        gold.get("target", []), _countries(analysis, event.target)
    )


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    golds: list[dict[str, Any]] = gold.get("events", [])
    core = [g for g in golds if g.get("core", True)]
    found_core = {g["id"] for g in core if any(matches(analysis, e, g) for e in analysis.events)}
    tp_sys = sum(1 for e in analysis.events if any(matches(analysis, e, g) for g in golds))
    return [
        PRF(
            name="events",
            tp_sys=tp_sys,
            fp=len(analysis.events) - tp_sys,
            tp_gold=len(found_core),
            fn=len(core) - len(found_core),
        )
    ]
