"""The sentence shown beside an event: its own sentence, not the one before it."""

from __future__ import annotations

from newsgraph.report.dossier import sentence_around

BODY = (
    "Seoul protested on Monday. Kim Jong Un condemned the U.S. drills near the border. "
    "Tokyo said nothing.\nA new paragraph starts here."
)


def _span(word: str) -> tuple[int, int]:
    start = BODY.index(word)
    return start, start + len(word)


def test_a_span_at_the_start_of_a_sentence_gets_that_sentence_only() -> None:
    assert sentence_around(BODY, *_span("Kim Jong Un")) == (
        "Kim Jong Un condemned the U.S. drills near the border."
    )


def test_an_initialism_does_not_end_the_sentence() -> None:
    assert sentence_around(BODY, *_span("drills")).startswith("Kim Jong Un condemned the U.S.")


def test_first_and_last_sentences_and_line_breaks() -> None:
    assert sentence_around(BODY, *_span("Seoul")) == "Seoul protested on Monday."
    assert sentence_around(BODY, *_span("Tokyo")) == "Tokyo said nothing."
    assert sentence_around(BODY, *_span("paragraph")) == "A new paragraph starts here."


def test_a_span_across_sentences_gets_both() -> None:
    start = BODY.index("Monday")
    end = BODY.index("Kim") + 3
    assert sentence_around(BODY, start, end) == (
        "Seoul protested on Monday. Kim Jong Un condemned the U.S. drills near the border."
    )


def test_long_sentences_are_trimmed() -> None:
    body = "Word " * 200 + "end."
    text = sentence_around(body, 10, 14, limit=50)
    assert len(text) == 50 and text.endswith("…")
