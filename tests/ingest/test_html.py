"""HTML pages: trafilatura body without comments, metadata, htmldate date, subheadings."""

from __future__ import annotations

from newsgraph.ingest.html import article_from_html

P = [
    "The city council approved a plan on Tuesday to build three new schools in the northern "
    "districts, where classrooms have been overcrowded for years.",
    "The plan will cost about 90 million euros and is due to be finished by 2027, according "
    "to the council's education department.",
    "Parents' groups welcomed the decision but said the schools were needed much sooner than "
    "the timetable allows, and asked for temporary classrooms.",
]
PAGE = f"""<!DOCTYPE html><html><head>
<title>Council approves three new schools | City Times</title>
<meta property="og:title" content="Council approves three new schools">
<meta property="og:site_name" content="City Times">
<meta name="author" content="Anna Berg">
<meta property="article:published_time" content="2023-09-12T08:00:00+02:00">
<meta property="article:section" content="Education">
<meta property="article:tag" content="Schools">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Council approves three new schools</h1>
<p>{P[0]}</p><p>{P[1]}</p><h2>Parents want it sooner</h2><p>{P[2]}</p></article>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>This is a terrible waste of money and the council should be ashamed.</p>
</div></section>
<footer><p>© 2023 City Times. All rights reserved.</p></footer>
</body></html>"""


def test_html_body_metadata_and_subheadings() -> None:
    art = article_from_html(PAGE, published="2000-01-01", url="https://citytimes.example/a")
    assert art.title == "Council approves three new schools"
    assert art.published == "2023-09-12"
    assert art.author == "Anna Berg"
    assert art.site == "City Times"
    assert "Education" in art.sections
    assert art.url == "https://citytimes.example/a"
    for para in P:
        assert para in art.body
    assert "terrible waste" not in art.body  # comments excluded
    assert not art.body.startswith("Council approves")  # the title has its own field
    assert [s.text for s in art.subheadings] == ["Parents want it sooner"]
    for sub in art.subheadings:
        assert art.body[sub.start : sub.end] == sub.text


def test_html_without_a_date_uses_the_argument() -> None:
    html = f"<html><body><article><p>{P[0]}</p><p>{P[1]}</p></article></body></html>"
    assert article_from_html(html, published="2022-02-02").published == "2022-02-02"
