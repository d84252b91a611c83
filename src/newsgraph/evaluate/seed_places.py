"""Seed-article scorer for places.

seed-gold.yaml has no places list, so this scorer carries the small expectation list itself:
the places the seed article names (with reference coordinates) and the demonyms that must not
become places. It is a gold reference for scoring only; the extractor never reads it.
"""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate.geo import ACCURACY_KM, haversine_km
from newsgraph.evaluate.scores import PRF
from newsgraph.model import Analysis

# name in the text -> (lat, lon) reference point (Wikipedia coordinates, rounded)
EXPECTED_PLACES: dict[str, tuple[float, float]] = {
    "Pyongyang": (39.02, 125.74),
    "Washington": (38.90, -77.04),
    "Seoul": (37.57, 126.98),
    "Tokyo": (35.69, 139.69),
    "Korean Peninsula": (38.0, 127.5),
    "Ukraine": (49.0, 32.0),
    "Moscow": (55.76, 37.62),
}
# Demonyms and adjectives that must not be made places (they are actors or attributes).
FORBIDDEN_PLACES = ("North Korean", "Western")


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    del gold  # the seed gold has no places list (see the module docstring)
    prf = PRF("places")
    for name, (lat, lon) in EXPECTED_PLACES.items():
        found = [p for p in analysis.places if p.text == name and p.lat is not None]
        ok = any(
            haversine_km(p.lat, p.lon, lat, lon) <= ACCURACY_KM  # type: ignore[arg-type]
            for p in found
        )
        if ok:
            prf.tp_gold += 1
            prf.tp_sys += 1
        else:
            prf.fn += 1
    body = analysis.article.body
    for place in analysis.places:
        covering = body[max(0, place.start - 12) : place.end + 12]
        if any(d in covering and place.text in d for d in FORBIDDEN_PLACES):
            prf.fp += 1
    return [prf]
