"""JSONL records: every shape of record, bad lines, and the shared corpora."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.gold import shared_path
from newsgraph.ingest import iter_articles
from newsgraph.ingest.records import article_from_record
from newsgraph.model import Article

BODY = "The council voted on Monday to close the old bridge after engineers found cracks in it."
WIKINEWS_DATELINE = re.compile(
    r"(?m)^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}\s*$"
)


def _split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    arts = [a for a in items if isinstance(a, Article)]
    errs = [e for e in items if isinstance(e, InputError)]
    return arts, errs


def test_record_fields_are_used() -> None:
    art = article_from_record(
        {"id": "x:1", "url": "https://e.org/a", "title": "Bridge closed", "date": "2021-05-06",
         "text": f"Thursday, May 6, 2021 \n\n{BODY}", "license": "CC"}
    )  # fmt: skip
    assert (art.id, art.url, art.title, art.published) == (
        "x:1", "https://e.org/a", "Bridge closed", "2021-05-06"
    )  # fmt: skip
    assert art.body == BODY


def test_missing_fields_are_fine_and_id_is_a_content_hash() -> None:
    a = article_from_record({"text": BODY, "title": None, "date": None})
    b = article_from_record({"text": "  " + BODY.upper() + "\n"})
    assert a.id.startswith("sha1:") and a.id == b.id
    assert a.published is None and a.title is None


def test_record_date_wins_over_the_argument() -> None:
    art = article_from_record({"text": BODY, "date": "2020-01-02"}, published="2024-01-01")
    assert art.published == "2020-01-02"
    assert article_from_record({"text": BODY}, published="2024-01-01").published == "2024-01-01"


def test_html_record_goes_through_trafilatura() -> None:
    html = f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    art = article_from_record({"id": "h1", "text": html, "title": "Bridge"})
    assert "<p>" not in art.body and BODY in art.body and art.title == "Bridge"


def test_bad_lines_are_errors_and_other_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": BODY}),
        "{not json",
        json.dumps({"id": "notext", "title": "No body"}),
        json.dumps({"id": "baddate", "text": BODY, "date": "sometime soon"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "ok2", "text": BODY + " Again."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with path.open("ab") as fh:
        fh.write(b'{"id": "latin", "text": "caf\xe9"}\n')
    arts, errs = _split(list(iter_articles([path])))
    assert [a.id for a in arts] == ["ok1", "ok2"]
    assert [e.source for e in errs] == [f"{path}:{n}" for n in (2, 3, 4, 5, 8)]
    reasons = " | ".join(e.reason for e in errs)
    assert "not JSON" in reasons and "no `text`" in reasons and "`date`" in reasons
    assert "not an object" in reasons and "UTF-8" in reasons
    assert all("\n" not in str(e) for e in errs)


def _corpus(name: str) -> Path:
    path = shared_path("corpus", name)
    if path is None:
        pytest.skip(f"shared corpus {name} not found (set NEWSGRAPH_SHARED)")
    return path


def test_all_wikinews_records_ingest_without_datelines() -> None:
    arts, errs = _split(list(iter_articles([_corpus("wikinews.jsonl")])))
    assert errs == []
    assert len(arts) == 283
    assert not [a.id for a in arts if WIKINEWS_DATELINE.search(a.body)]
    assert all(a.body.strip() and a.published and a.title for a in arts)
    assert len({a.id for a in arts}) == 283


@pytest.mark.slow
def test_all_current_events_records_ingest() -> None:
    arts, errs = _split(list(iter_articles([_corpus("current-events.jsonl")])))
    assert errs == []
    assert len(arts) == 10_563
    assert all(a.body.strip() for a in arts)
