"""Plain text with page furniture: body, subheadings and metadata on small hand-made pages."""

from __future__ import annotations

import pytest
import yaml

from newsgraph.errors import InputError
from newsgraph.evaluate.gold import shared_path
from newsgraph.ingest.furniture import classify_line
from newsgraph.ingest.text import article_from_text

P1 = (
    "The minister said on Monday that the new rules would take effect in the spring, "
    "after months of talks with unions."
)
P2 = "Opposition parties criticised the plan, saying it would raise costs for small firms."
P3 = "A vote in parliament is expected before the end of the month, officials said."


def test_seed_article_metadata_and_body() -> None:
    seed = shared_path("seed", "seed-article.txt")
    gold_path = shared_path("seed", "seed-gold.yaml")
    if seed is None or gold_path is None:
        pytest.skip("shared seed article not found (set NEWSGRAPH_SHARED)")
    gold = yaml.safe_load(gold_path.read_text("utf-8"))["article"]
    art = article_from_text(seed.read_text("utf-8"))
    assert art.title == gold["title"]
    assert art.published == gold["published"]
    assert art.sections == gold["sections"]
    assert art.reading_time_minutes == gold["reading_time_minutes"]
    assert art.comment_count == gold["comment_count"]
    assert art.body.startswith(gold["body_first_words"])
    assert art.body.endswith(gold["body_last_words"])
    assert [s.text for s in art.subheadings] == gold["subheadings"]
    for sub in art.subheadings:
        assert art.body[sub.start : sub.end] == sub.text
    for furniture in gold["not_body"]:
        assert furniture not in art.body


def test_subheading_between_paragraphs_is_kept_with_offsets() -> None:
    art = article_from_text(f"{P1}\nTalks with the unions\n{P2}\n{P3}\n")
    assert art.body == f"{P1}\nTalks with the unions\n{P2}\n{P3}"
    assert [(s.text, s.start) for s in art.subheadings] == [("Talks with the unions", len(P1) + 1)]


def test_short_line_after_the_last_paragraph_is_not_a_subheading() -> None:
    art = article_from_text(f"{P1}\n{P2}\nMore from Politics\n")
    assert art.subheadings == []
    assert "More from" not in art.body


def test_wordpress_meta_lines_become_metadata() -> None:
    text = (
        "Government unveils new labour rules\n"
        "Posted on 5 March 2024 by Jane Doe\n"
        "Categories: Politics, Economy\n"
        "4 Comments\n"
        f"{P1}\n{P2}\n{P3}\n"
        "Share this:\nFacebook\nTwitter\nLeave a Reply\n"
    )
    art = article_from_text(text)
    assert art.title == "Government unveils new labour rules"
    assert art.published == "2024-03-05"
    assert art.author == "Jane Doe"
    assert art.sections == ["Politics", "Economy"]
    assert art.comment_count == 4
    assert art.body == f"{P1}\n{P2}\n{P3}"


def test_wikinews_dateline_gives_the_date_and_leaves_the_body() -> None:
    art = article_from_text(f"Friday, January 4, 2019\xa0\n\n{P1}\n\n{P2}\n")
    assert art.published == "2019-01-04"
    assert art.body == f"{P1}\n{P2}"


def test_published_argument_is_the_fallback_only() -> None:
    assert article_from_text(f"{P1}\n{P2}", published="2020-02-03").published == "2020-02-03"
    dated = f"By Ann Lee | Published June 7, 2021\n{P1}\n{P2}"
    assert article_from_text(dated, published="2020-02-03").published == "2021-06-07"


def test_bad_published_argument_names_the_input() -> None:
    with pytest.raises(InputError) as err:
        article_from_text(P1, published="the day after", source="a.txt")
    assert err.value.source == "a.txt" and "--published" in err.value.reason


def test_reading_time_from_words_when_page_gives_none() -> None:
    long_body = "\n".join([P1] * 40)  # about 800 words
    assert article_from_text(long_body).reading_time_minutes == round(len(long_body.split()) / 230)
    assert article_from_text(P2).reading_time_minutes == 1


def test_given_title_is_kept_and_dropped_from_body() -> None:
    art = article_from_text(f"Rules take effect\n{P1}\n{P2}", title="Rules take effect")
    assert art.title == "Rules take effect"
    assert art.body == f"{P1}\n{P2}"


def test_clean_text_is_left_whole() -> None:
    text = f"{P1}\n\n{P2}\n\nHe declined to comment.\n\n{P3}"
    assert article_from_text(text).body == f"{P1}\n{P2}\nHe declined to comment.\n{P3}"


def test_text_without_prose_is_kept_rather_than_dropped() -> None:
    art = article_from_text("Ceasefire in Gaza\nTalks resume in Cairo")
    assert art.body  # nothing reads like prose, but the document is not lost


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\u200b\n"])
def test_empty_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="no text"):
        article_from_text(text, source="empty.txt")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Friday, officials had evacuated more than 2,000 people.", "prose"),
        ("He had no comment on the report.", "prose"),
        ("By Jane Doe", "meta"),
        ("No Comments on Some headline here3 minute read", "meta"),
        ("Reporting by Ann Lee; Editing by Tom Roe", "end"),
        ("Photo: Reuters/John Smith", "caption"),
        ("We use cookies to improve your experience on our site.", "promo"),
        ("Sign up for our newsletter to get the news in your inbox.", "promo"),
        ("© 2024 Example Media. All rights reserved.", "footer"),
        ("Advertisement", "promo"),
        ("Leave a comment", "end"),
        ("Home", "nav"),
        ("Saturday, January 5, 2019", "meta"),
        ("Copyright infringement cases rose sharply last year, the court said.", "prose"),
    ],
)
def test_line_kinds(line: str, kind: str) -> None:
    assert classify_line(line).kind == kind
