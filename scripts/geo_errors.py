"""List geoparsing errors on the GeoVirus *development* part, to guide rule design.

Only the first ``DEV_DOCS`` documents are listed (the held-out rest is for measuring only).
Each error line: document, gold text, gold point and Wikipedia title, the system's choice
(name, feature, country, point) and the distance. Categories:
- ``missed``: no system place overlaps the gold toponym;
- ``far``: the chosen entry has the gold's name (or title) but its point is over 161 km away
  (a reference-point problem);
- ``wrong``: another entry was chosen; ``(fixable)`` when some gazetteer candidate for the
  text lies within 161 km of the gold (a resolution problem), else the gazetteer lacks it.

Run: PYTHONPATH=src python scripts/geo_errors.py [geovirus.jsonl] [--only far|wrong|missed]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from newsgraph.evaluate.geo import ACCURACY_KM, DEV_DOCS, haversine_km, run
from newsgraph.evaluate.gold import shared_path
from newsgraph.extract.gazetteer import load_gazetteer, normalize_name
from newsgraph.model import Place


def _title(gold: dict[str, Any]) -> str:
    url = gold.get("wikipedia") or ""
    return unquote(url.rsplit("/", 1)[-1]).replace("_", " ")


def _fixable(gold: dict[str, Any]) -> bool:
    gazetteer = load_gazetteer()
    key = gazetteer.key_for(gold["text"])
    if key is None:
        return False
    return any(
        haversine_km(c.entry.lat, c.entry.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM
        for c in gazetteer.lookup(key)
    )


def classify(place: Place | None, gold: dict[str, Any]) -> tuple[str, float]:
    if place is None:
        return "missed", -1.0
    assert place.lat is not None and place.lon is not None
    km = haversine_km(place.lat, place.lon, gold["lat"], gold["lon"])
    if km <= ACCURACY_KM:
        return "ok", km
    names = {normalize_name(gold["text"]), normalize_name(_title(gold).split(",")[0])}
    if normalize_name(place.name) in names:
        return "far", km
    return ("wrong (fixable)" if _fixable(gold) else "wrong"), km


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=None)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    path = Path(args.path) if args.path else shared_path("eval", "geo", "geovirus.jsonl")
    if path is None:
        raise SystemExit("geovirus.jsonl not found")
    _, _, details = run(path, limit=DEV_DOCS)
    tally: Counter[str] = Counter()
    for i, (rec, places) in enumerate(details):
        for gold in rec["toponyms"]:
            hits = [p for p in places if p.start < gold["end"] and gold["start"] < p.end]
            place = hits[0] if hits else None
            kind, km = classify(place, gold)
            tally[kind] += 1
            if kind == "ok" or (args.only and not kind.startswith(args.only)):
                continue
            chosen = (
                f"{place.name} [{place.feature} {place.country}] ({place.lat:.2f},{place.lon:.2f})"
                if place is not None
                else "-"
            )
            print(
                f"{i:3d} {kind:15s} {gold['text']!r:28s} gold=({gold['lat']:.2f},{gold['lon']:.2f}) "
                f"{_title(gold)!r:30s} sys={chosen} {km:.0f} km"
            )
    print(dict(tally))


if __name__ == "__main__":
    main()
