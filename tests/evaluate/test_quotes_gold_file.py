"""Integrity of the hand-annotated quote gold sets (tests/data/quotes_gold*.yaml).

quotes_gold.yaml is the development set; quotes_gold_heldout.yaml was annotated later, by another
annotator, on other articles, and is held out: both get the same checks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import need_shared

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "quotes_gold.yaml"
HELDOUT = DATA / "quotes_gold_heldout.yaml"
# Each gold file with the least number of articles it must hold.
GOLD_FILES = {GOLD: 30, HELDOUT: 15}
KINDS = {"direct", "indirect", "partial"}
QUOTE_FIELDS = {"text", "start", "end", "kind", "speaker", "speaker_mention", "via"}
ARTICLE_FIELDS = {"id", "url", "title", "published", "body", "quotes"}
# Opening/closing marks around direct and partial quotes; a line break allows block quotations.
MARKS = "\"“”‘’«»'\n"


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    data["floor"] = GOLD_FILES[path]
    return data


@pytest.fixture(scope="module", params=list(GOLD_FILES), ids=lambda p: p.name)
def gold(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


@pytest.fixture(scope="module")
def quotes(gold: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(art, q) for art in gold["articles"] for q in art["quotes"]]


def test_header_credits_wikinews_and_licence(gold: dict[str, Any]) -> None:
    assert {"license", "source", "annotation_guidelines", "articles"} <= set(gold)
    assert gold["license"]["url"] == "https://creativecommons.org/licenses/by/2.5/"
    assert "Wikinews" in gold["license"]["attribution"]
    assert "ingest" in gold["license"]["changes"]


def test_enough_distinct_articles_each_with_a_quote(gold: dict[str, Any]) -> None:
    articles = gold["articles"]
    assert len(articles) >= gold["floor"]
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "duplicate article ids"
    for art in articles:
        assert set(art) == ARTICLE_FIELDS, art["id"]
        assert art["url"].startswith("https://en.wikinews.org/wiki/"), art["id"]
        assert art["quotes"], f"{art['id']} has no quotes"


def test_heldout_articles_are_not_in_the_development_set() -> None:
    dev_ids = {a["id"] for a in load(GOLD)["articles"]}
    heldout = load(HELDOUT)
    overlap = dev_ids & {a["id"] for a in heldout["articles"]}
    assert not overlap, f"held-out articles also in quotes_gold.yaml: {sorted(overlap)}"
    assert "quotes_gold.yaml" in heldout["annotation_guidelines"]


def test_every_span_is_exact(quotes: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    bad = [
        (art["id"], q["text"])
        for art, q in quotes
        if not (0 <= q["start"] < q["end"] <= len(art["body"]))
        or art["body"][q["start"] : q["end"]] != q["text"]
    ]
    assert not bad, f"offsets do not match text: {bad[:5]}"


def test_fields_and_kinds(quotes: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    for art, q in quotes:
        assert set(q) == QUOTE_FIELDS, (art["id"], q["text"])
        assert q["kind"] in KINDS, (art["id"], q["kind"])
        assert q["text"] == q["text"].strip(), (art["id"], q["text"])
        mention = q["speaker_mention"]
        assert mention is None or mention in art["body"], (art["id"], mention)
    assert {q["kind"] for _, q in quotes} == KINDS


def test_no_duplicate_items(quotes: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    keys = [(art["id"], q["start"], q["end"], q["kind"]) for art, q in quotes]
    assert len(keys) == len(set(keys))


def test_marked_quotes_sit_between_quote_marks(
    quotes: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    """Direct and partial text is exactly what lies between the marks (marks excluded)."""
    for art, q in quotes:
        if q["kind"] == "indirect":
            continue
        body, start, end = art["body"], q["start"], q["end"]
        before = body[start - 1] if start else "\n"
        after = body[end:].lstrip(" ")[:1] or "\n"  # a nested 'quote' may end before a space
        assert before in MARKS and after in MARKS, (art["id"], q["text"])


def test_indirect_clauses_leave_out_the_final_stop(
    quotes: list[tuple[dict[str, Any], dict[str, Any]]],
) -> None:
    for art, q in quotes:
        if q["kind"] == "indirect":
            assert not q["text"].endswith("."), (art["id"], q["text"])


def test_ids_and_bodies_match_the_shared_corpus(gold: dict[str, Any], tmp_path: Path) -> None:
    """Gold bodies must be what ingest makes of the corpus today, or the offsets are stale."""
    from newsgraph.ingest import iter_articles

    corpus = need_shared("corpus", "wikinews.jsonl")
    wanted = {a["id"]: a for a in gold["articles"]}
    with corpus.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r.get("id") in wanted]
    assert {r["id"] for r in records} == set(wanted), "gold ids missing from the corpus"
    subset = tmp_path / "subset.jsonl"
    subset.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    for article in iter_articles([subset]):
        assert not isinstance(article, Exception), article
        assert article.body == wanted[article.id]["body"], f"ingest changed {article.id}"
