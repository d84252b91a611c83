"""The time grammar's line prefilter (``Rule.needs``) must never change what is found.

``find_times`` runs a rule only over the lines that hold one of its ``needs``; these tests
compare that with running every rule over the whole text, and check the two facts the
shortcut rests on: every match contains one of its rule's needs, and no match crosses a
line break.
"""

from __future__ import annotations

import datetime as dt
import json
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluate.gold import shared_path
from newsgraph.extract.times_grammar import RULES, Env, Found, find_times

ENV = Env(dct=dt.date(2024, 12, 31))

HAND_MADE = [
    "The talks ran from March 3 to 5, 2024, and again 12-14 April.",
    "In the 1990s and the '80s, early in the 20th century, in Q3 2023 and the first half of "
    "next year, in the spring of 2021 and last fall 2020.",
    "Three years ago, two weeks from now, for years, over decades, in recent months.",
    "The plant runs 24 hours a day, every other Monday, twice a week, and annually.",
    "At 10:30 a.m. on Friday, at noon last Tuesday, at 9pm tonight, this morning.",
    "On 2024-05-06 and 5/6/24 the FY2023 budget and fiscal year 2024 were debated.",
    "Nowadays, currently, at present, these days, recently, in the past and the future.",
    "The rest of the week,\nthe end of\nthe month, the following\u00a0year, 1999\u20132001.",
    "He spoke for\nyears about the\nMonday of\nJanuary\n2020 to\n2021 and mid-\nDecember.",
]


def _key(found: list[Found]) -> list[tuple[object, ...]]:
    return [(f.start, f.end, f.type, f.value, f.interval, repr(f.parts)) for f in found]


def _corpus_texts(limit: int) -> list[str]:
    texts: list[str] = []
    for name in ("wikinews.jsonl", "current-events.jsonl"):
        path = shared_path("corpus", name)
        if path is not None:
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in islice(fh, limit) if line.strip()]
    return texts


@pytest.mark.parametrize("text", HAND_MADE)
def test_prefilter_finds_what_a_full_scan_finds(text: str) -> None:
    assert _key(find_times(text, ENV)) == _key(find_times(text, ENV, prefilter=False))


def test_every_match_holds_a_need_and_no_line_break() -> None:
    texts = HAND_MADE + _corpus_texts(300)
    for rule in RULES:
        for text in texts:
            for m in rule.regex.finditer(text):
                assert "\n" not in m.group(0), (rule.name, m.group(0))
                if rule.needs:
                    low = m.group(0).lower()
                    assert any(n in low for n in rule.needs), (rule.name, m.group(0))


def test_prefilter_on_the_news_corpora() -> None:
    texts = _corpus_texts(300)
    if not texts:
        pytest.skip("../shared/corpus is absent (it sits beside the checkout in CI)")
    for text in texts:
        assert _key(find_times(text, ENV)) == _key(find_times(text, ENV, prefilter=False))


WORDS = st.sampled_from(
    [
        "January", "Sept.", "May", "3", "21st", "2024", "1990s", "'80s", "century", "Q2",
        "quarter", "half", "spring", "fall", "last", "next", "the", "of", "week", "month",
        "year", "years", "ago", "from now", "for", "over", "every", "other", "Monday",
        "Mondays", "10:30", "a.m.", "pm", "noon", "today", "now", "night", "-", "–", "to",
        "/", "5/6/24", "2024-05-06", ",", "early", "mid-", "fiscal", "annually", "\n", " ",
        "\u00a0", "three", "a few",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30), st.lists(st.sampled_from([" ", "", "\n"]), max_size=30))
def test_prefilter_on_generated_text(words: list[str], seps: list[str]) -> None:
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    assert _key(find_times(text, ENV)) == _key(find_times(text, ENV, prefilter=False))
