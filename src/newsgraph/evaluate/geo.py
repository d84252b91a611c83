"""`newsgraph eval geo`: geoparsing against gold toponyms (GeoVirus format).

Gold: JSON lines ``{doc_id, url, text, toponyms: [{start, end, text, lat, lon, ...}]}``.
Measures, for the development part (the first ``DEV_DOCS`` documents, used to design the
rules) and the held-out rest, separately:
- recognition recall: gold toponyms overlapped by a system place;
- accuracy@161 km among recognised gold toponyms, and end to end (over all gold toponyms);
- precision of recognition: system places overlapping some gold toponym (indicative only:
  GeoVirus annotates only some toponyms, so unannotated true places count against it);
- baseline: the most populous gazetteer match for each gold toponym's text (perfect
  recognition, no context).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.scores import EvalTable
from newsgraph.extract.context import Context
from newsgraph.extract.gazetteer import load_gazetteer
from newsgraph.extract.places import extract_places
from newsgraph.model import Article, Place
from newsgraph.read.nlp import load_nlp

DEV_DOCS = 120
ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class GeoCounts:
    gold: int = 0
    recognised: int = 0
    correct: int = 0
    system: int = 0
    system_matched: int = 0
    baseline_correct: int = 0

    def add(self, other: GeoCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        return [
            name,
            ratio(self.recognised, self.gold),
            ratio(self.correct, self.recognised),
            ratio(self.correct, self.gold),
            ratio(self.system_matched, self.system),
            ratio(self.baseline_correct, self.gold),
            f"gold={self.gold} sys={self.system}",
        ]


def load_gold(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _correct(place: Place, gold: dict[str, Any]) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return haversine_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM


def baseline_correct(gold: dict[str, Any]) -> bool:
    """Most populous gazetteer match of the gold text, within 161 km?"""
    gazetteer = load_gazetteer()
    key = gazetteer.key_for(gold["text"])
    if key is None:
        return False
    best = max(gazetteer.lookup(key), key=lambda c: c.entry.population).entry
    return haversine_km(best.lat, best.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM


def score_document(places: list[Place], toponyms: list[dict[str, Any]]) -> GeoCounts:
    counts = GeoCounts(gold=len(toponyms), system=len(places))
    for gold in toponyms:
        hits = [p for p in places if _overlaps(p.start, p.end, gold["start"], gold["end"])]
        if hits:
            counts.recognised += 1
            counts.correct += int(_correct(hits[0], gold))
        counts.baseline_correct += int(baseline_correct(gold))
    counts.system_matched = sum(
        any(_overlaps(p.start, p.end, g["start"], g["end"]) for g in toponyms) for p in places
    )
    return counts


def run(path: Path, limit: int | None = None) -> tuple[GeoCounts, GeoCounts, list[Any]]:
    """Counts for the dev part and the held-out part, and per-document details."""
    docs = load_gold(path)[:limit]
    nlp = load_nlp()
    dev, held = GeoCounts(), GeoCounts()
    details: list[Any] = []
    for i, (rec, doc) in enumerate(zip(docs, nlp.pipe(d["text"] for d in docs), strict=True)):
        ctx = Context(article=Article(id=rec["doc_id"], body=rec["text"]))
        places = extract_places(doc, ctx)
        counts = score_document(places, rec["toponyms"])
        (dev if i < DEV_DOCS else held).add(counts)
        details.append((rec, places))
    return dev, held, details


def evaluate(path: Path, limit: int | None = None) -> EvalTable:
    dev, held, _ = run(path, limit)
    total = GeoCounts()
    total.add(dev)
    total.add(held)
    return EvalTable(
        title=f"geoparsing vs {path.name} (accuracy within {ACCURACY_KM:.0f} km)",
        columns=["part", "recall", "acc@161 recognised", "acc@161 end-to-end",
                 "precision (indicative)", "baseline acc@161", "counts"],
        rows=[dev.row(f"dev (first {DEV_DOCS} docs)"), held.row("held-out (rest)"),
              total.row("all")],
        notes=["baseline: most populous gazetteer match of each gold text, perfect recognition",
               "precision is indicative: the gold annotates only some toponyms"],
    )  # fmt: skip
