"""List every recognised-but-wrong toponym on GeoVirus (over 161 km from the gold point),
grouped by cause, to guide resolution work.

Each line: document, gold text, gold point and Wikipedia title, the system's entry (name,
feature, country, point), the distance, and the gazetteer's candidates for the text (``*`` the
chosen one, ``NEAR`` those within 161 km of the gold point). Causes:
- ``wrong candidate``: another candidate lies within 161 km (a resolution error);
- ``reference point``: no candidate is nearer and the chosen entry is an area (country,
  division, continent, region, sea): its point follows another convention than the gold's;
- ``gazetteer lacks it``: no candidate is near and the chosen entry is a town (a namesake of
  the gold's place, or another place).
The development part (first ``DEV_DOCS`` documents) and the held-out rest are marked d/h;
design rules on the development part and only check on the held-out one.

Run: PYTHONPATH=src python scripts/geo_wrong.py [geovirus.jsonl] [--part dev|held|all]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from newsgraph.evaluate.geo import ACCURACY_KM, DEV_DOCS, haversine_km, run
from newsgraph.evaluate.gold import shared_path
from newsgraph.extract.gazetteer import Candidate, load_gazetteer, normalize_name
from newsgraph.model import Place

AREA_FEATURES = frozenset({"country", "admin1", "continent", "region", "ocean", "sea"})


def _title(gold: dict[str, Any]) -> str:
    url = gold.get("wikipedia") or ""
    return unquote(url.rsplit("/", 1)[-1]).replace("_", " ")


def _near(cand: Candidate, gold: dict[str, Any]) -> bool:
    return haversine_km(cand.entry.lat, cand.entry.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM


def cause(place: Place, gold: dict[str, Any], cands: list[Candidate]) -> str:
    if any(_near(c, gold) and c.entry.gid != place.gazetteer_id for c in cands):
        return "wrong candidate"
    if place.feature in AREA_FEATURES:
        return "reference point"
    names = {normalize_name(gold["text"]), normalize_name(_title(gold).split(" (")[0])}
    if normalize_name(place.name) in names:
        return "gazetteer lacks it (a namesake chosen)"
    return "gazetteer lacks it"


def _describe(cands: list[Candidate], place: Place, gold: dict[str, Any]) -> str:
    parts = []
    for c in cands[:6]:
        e = c.entry
        mark = ("*" if e.gid == place.gazetteer_id else "") + (" NEAR" if _near(c, gold) else "")
        parts.append(f"{e.name}[{e.feature} {e.country} {e.population}]({e.lat:.1f},{e.lon:.1f}){mark}")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=None)
    parser.add_argument("--part", choices=("dev", "held", "all"), default="all")
    args = parser.parse_args()
    path = Path(args.path) if args.path else shared_path("eval", "geo", "geovirus.jsonl")
    if path is None:
        raise SystemExit("geovirus.jsonl not found")
    gazetteer = load_gazetteer()
    _, _, details = run(path)
    groups: dict[str, list[str]] = defaultdict(list)
    tally: Counter[str] = Counter()
    for i, (rec, places) in enumerate(details):
        part = "dev" if i < DEV_DOCS else "held"
        if args.part not in ("all", part):
            continue
        for gold in rec["toponyms"]:
            hits = [p for p in places if p.start < gold["end"] and gold["start"] < p.end]
            if not hits or hits[0].lat is None or hits[0].lon is None:
                continue
            place = hits[0]
            km = haversine_km(place.lat, place.lon, gold["lat"], gold["lon"])  # type: ignore[arg-type]
            if km <= ACCURACY_KM:
                continue
            key = gazetteer.key_for(gold["text"]) or gazetteer.key_for(place.text)
            cands = gazetteer.lookup(key) if key else []
            group = f"{cause(place, gold, cands)}: {place.feature}"
            tally[group] += 1
            groups[group].append(
                f"{i:3d}{part[0]} {gold['text']!r:26s} gold=({gold['lat']:.2f},{gold['lon']:.2f}) "
                f"{_title(gold)[:28]!r:30s} sys={place.name}[{place.feature} {place.country}]"
                f"({place.lat:.2f},{place.lon:.2f}) {km:.0f} km | {_describe(cands, place, gold)}"
            )
    for group, count in tally.most_common():
        print(f"== {group} ({count})")
        print("\n".join(groups[group]))
    print(dict(tally.most_common()))


if __name__ == "__main__":
    main()
