from newsgraph.model import Actor, Analysis, Article, Mention, Quote
from newsgraph.report.dossier import render_dossier


def test_hostile_text_is_escaped_in_the_html_dossier() -> None:
    body = 'He wrote <script>alert(1)</script> and <img src=x onerror="alert(2)">.'
    start = body.index("<script>")
    art = Article(id="h", title="<script>alert('t')</script>", body=body)
    actor = Actor(
        id="a1",
        name="<img src=x onerror=alert(3)>",
        kind="person",
        mentions=[Mention(start=0, end=2, text="He")],
    )
    quote = Quote(
        id="q1",
        kind="direct",
        text=body[start : start + 25],
        start=start,
        end=start + 25,
        speaker="a1",
    )
    html = render_dossier(Analysis(article=art, actors=[actor], quotes=[quote]), "html")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_summary_names_the_lead_event(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.report.dossier import summary_line

    line = summary_line(seed_analysis)
    assert "2024-12-30" in line
    assert "Key event:" in line and "THREATEN" in line and "(USA)" in line
