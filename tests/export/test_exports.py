from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import need_shared

from newsgraph.export.gdelt import COLUMNS, write_gdelt
from newsgraph.export.plover import write_plover
from newsgraph.model import (
    Actor,
    Analysis,
    Article,
    Event,
    EventDate,
    Mention,
    Place,
    Span,
    TextSpan,
)

BODY = "Russia and Belarus accused Ukraine in Minsk."


def _analysis() -> Analysis:
    actors = [
        Actor(id="a1", code="RUS", country="RUS", name="Russia", kind="country",
              mentions=[Mention(start=0, end=6, text="Russia")]),
        Actor(id="a2", code="BLR", country="BLR", name="Belarus", kind="country",
              mentions=[Mention(start=11, end=18, text="Belarus")]),
        Actor(id="a3", code="UKR", country="UKR", name="Ukraine", kind="country",
              mentions=[Mention(start=27, end=34, text="Ukraine")]),
    ]  # fmt: skip
    place = Place(id="p1", text="Minsk", start=38, end=43, name="Minsk", country="BLR",
                  lat=53.9, lon=27.57, feature="city", gazetteer_id="625144")  # fmt: skip
    event = Event(id="e1", type="ACCUSE", cameo="112", goldstein=-2.0, quad_class=3,
                  source=["a1", "a2"], target=["a3"], date=EventDate(start="2024-03-01"),
                  place_id="p1", trigger=TextSpan(start=19, end=26, text="accused"),
                  span=Span(start=0, end=len(BODY)))  # fmt: skip
    art = Article(id="x1", url="https://example.org/x1", published="2024-03-02", body=BODY)
    return Analysis(article=art, actors=actors, events=[event], places=[place])


def test_gdelt_rows_follow_the_published_layout(tmp_path: Path) -> None:
    layout = need_shared("formats", "gdelt", "events_2.0_columns.tsv")
    names = [line.split("\t")[1] for line in layout.read_text().splitlines()[1:] if line.strip()]
    assert list(COLUMNS) == names
    out = tmp_path / "e.tsv"
    assert write_gdelt([_analysis()], str(out)) == 2  # one row per (source, target) pair
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert all(len(r) == 61 for r in rows)
    row = dict(zip(COLUMNS, rows[0], strict=True))
    assert row["SQLDATE"] == "20240301" and row["EventRootCode"] == "11"
    assert row["Actor1Code"] == "RUS" and row["Actor2Code"] == "UKR"
    assert row["ActionGeo_CountryCode"] == "BO"  # FIPS code of Belarus, as GDELT uses
    assert row["SOURCEURL"] == "https://example.org/x1"


def test_plover_records_carry_actors_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    assert write_plover([_analysis()], str(out)) == 1
    rec = json.loads(out.read_text())
    assert rec["event_type"] == "ACCUSE"
    assert [a["code"] for a in rec["actor"]] == ["RUS", "BLR"]
    assert rec["event_text"] == BODY and rec["location"]["country"] == "BLR"
