"""Property tests: the text and JSONL parsers on arbitrary input never fail but with
InputError, and every offset they produce points at the text it names."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import iter_articles
from newsgraph.ingest.records import article_from_record
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article

# Lines that look like pages: prose, headings, furniture, dates, and noise.
PAGE_LINES = st.sampled_from(
    [
        "The government said on Monday that talks would resume next week in Geneva.",
        "Flood response and internal policy review",
        "Posted on March 4, 2024 by Maria Lopez",
        "Asia-Pacific, News December 30, 2024 No Comments on Title3 minute read",
        "Share this:", "Home", "Leave a comment", "© 2024 Site. All rights reserved.",
        "Friday, January 4, 2019", "Photo: Reuters", "Advertisement", "", "  ", "\u00a0",
        "By", "Categories:", "0 Comments", "99999999999999999999 min read", "May 99, 2024",
    ]
)  # fmt: skip
PAGES = st.lists(st.one_of(PAGE_LINES, st.text(max_size=80)), max_size=25).map("\n".join)
ANY_TEXT = st.one_of(st.text(), PAGES)


def _check(art: Article) -> None:
    assert art.body.strip()
    for sub in art.subheadings:
        assert art.body[sub.start : sub.end] == sub.text
        assert sub.start == 0 or art.body[sub.start - 1] == "\n"
    if art.published is not None:
        assert len(art.published) == 10 and art.published[4] == "-"


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT, st.one_of(st.none(), st.text(max_size=30)))
def test_text_parser_never_fails_but_with_input_error(text: str, title: str | None) -> None:
    try:
        art = article_from_text(text, title=title)
    except InputError:
        return
    _check(art)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES, "url": JSON_VALUES, "title": JSON_VALUES,
        "date": st.one_of(JSON_VALUES, st.sampled_from(["2020-01-02", "Jan 5 2021", "2020-13-45"])),
        "text": st.one_of(JSON_VALUES, ANY_TEXT),
    },
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(RECORDS)
def test_record_parser_never_fails_but_with_input_error(record: dict[str, object]) -> None:
    try:
        art = article_from_record(record)
    except InputError:
        return
    _check(art)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(RECORDS.map(json.dumps), st.text(max_size=60)), max_size=8))
def test_jsonl_file_yields_one_item_per_line_at_most(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.jsonl"
        path.write_text("\n".join(x.replace("\n", " ").replace("\r", " ") for x in lines), "utf-8")
        items = list(iter_articles([path]))
    assert len(items) <= max(1, len(lines))
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            _check(item)
