"""Write the country rows of ``data/places/reference_points.tsv`` (run once; the rows are data).

Convention (one rule for every country and territory, chosen on the GeoVirus development part
among whole-table conventions, never per country): the geographic centre of the main landmass
(area centroid of the largest polygon of the country's outline, from countryinfo) when that
landmass holds at least 70% of the outline's area; otherwise (archipelagos, fragmented
territories) or without an outline, the CIA World Factbook "Geographic coordinates" point
(countryinfo ``latlng``), or the Factbook point from general knowledge where countryinfo has none.

Run: PYTHONPATH=src python scripts/country_reference_points.py > /tmp/countries.tsv
"""

from __future__ import annotations

import ast
import json
from typing import Any

from build_gazetteer import GNC_DATA, load_countryinfo

MAIN_LANDMASS_SHARE = 0.7
# Factbook geographic coordinates for territories countryinfo lacks (general knowledge).
FACTBOOK_EXTRA: dict[str, tuple[float, float]] = {
    "ATA": (-90.0, 0.0), "ALA": (60.1167, 19.9), "BLM": (17.9, -62.8333),
    "BES": (12.15, -68.2667), "BVT": (-54.4333, 3.4), "CUW": (12.1667, -69.0),
    "XKX": (42.5833, 21.0), "MAF": (18.0833, -63.95), "SXM": (18.0667, -63.0667),
    "TCA": (21.75, -71.5833), "UMI": (19.2833, 166.6), "VGB": (18.5, -64.5),
    "VIR": (18.3333, -64.8333), "ANT": (12.25, -68.75),
}  # fmt: skip


def polygon_areas(rec: dict[str, Any]) -> list[tuple[float, float, float]]:
    """(area, lat, lon) of each outer ring of the country's outline (planar lon/lat)."""
    raw = rec.get("geoJSON")
    if not raw:
        return []
    geo = ast.literal_eval(raw) if isinstance(raw, str) else raw
    rings: list[list[list[float]]] = []
    for feature in geo.get("features", []):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings.extend(poly[0] for poly in geom["coordinates"])
    out = []
    for ring in rings:
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area:
            out.append((abs(area), cy / (3 * area), cx / (3 * area)))
    return out


def country_point(iso3: str, rec: dict[str, Any]) -> tuple[float, float, str]:
    polys = polygon_areas(rec)
    if polys:
        main = max(polys)
        if main[0] >= MAIN_LANDMASS_SHARE * sum(p[0] for p in polys):
            return round(main[1], 4), round(main[2], 4), "geographic centre of main landmass"
    latlng = rec.get("latlng") or []
    if len(latlng) == 2:
        return float(latlng[0]), float(latlng[1]), "Factbook geographic coordinates"
    lat, lon = FACTBOOK_EXTRA[iso3]
    return lat, lon, "Factbook geographic coordinates (general knowledge)"


def main() -> None:
    countries = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    cinfo = load_countryinfo()
    for country in sorted(countries.values(), key=lambda c: c["iso3"]):
        iso3 = country["iso3"]
        lat, lon, source = country_point(iso3, cinfo.get(iso3, {}))
        print(f"{iso3}\t{country['name'].strip()}\t{lat:g}\t{lon:g}\t{source}")


if __name__ == "__main__":
    main()
