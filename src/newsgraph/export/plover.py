"""Events as PLOVER/POLECAT-style JSON records, one per event, with their evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.model import Analysis


def _actor(analysis: Analysis, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for aid in ids:
        a = analysis.actor(aid)
        if a is not None:
            out.append({"name": a.name, "code": a.code, "country": a.country, "sector": a.role})
    return out


def plover_records(analysis: Analysis) -> Iterator[dict[str, Any]]:
    art = analysis.article
    places = {p.id: p for p in analysis.places}
    for e in analysis.events:
        place = places.get(e.place_id or "")
        yield {
            "id": f"{art.id}/{e.id}",
            "event_type": e.type,
            "event_mode": e.mode,
            "event_date": e.date.start,
            "event_date_end": e.date.end,
            "status": e.status,
            "actor": _actor(analysis, e.source),
            "recipient": _actor(analysis, e.target),
            "cameo": e.cameo,
            "goldstein": e.goldstein,
            "quad_class": e.quad_class,
            "event_text": art.body[e.span.start : e.span.end],
            "trigger": e.trigger.text,
            "location": None
            if place is None
            else {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon},
            "story_id": art.id,
            "story_date": art.published,
            "source_url": art.url,
            "confidence": e.confidence,
        }


def write_plover(analyses: Iterable[Analysis], path: str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for analysis in analyses:
            for rec in plover_records(analysis):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n
