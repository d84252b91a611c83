from newsgraph.model import SCHEMA, Actor, Analysis, Article, Event, Mention, Span, TextSpan


def test_analysis_round_trips_through_json() -> None:
    art = Article(id="x", body="Russia warned Ukraine.", published="2024-01-02")
    actor = Actor(
        id="a1",
        code="RUS",
        country="RUS",
        name="Russia",
        kind="country",
        mentions=[Mention(start=0, end=6, text="Russia")],
    )
    event = Event(
        id="e1",
        type="THREATEN",
        trigger=TextSpan(start=7, end=13, text="warned"),
        span=Span(start=0, end=22),
        source=["a1"],
    )
    analysis = Analysis(article=art, actors=[actor], events=[event])
    data = analysis.to_dict()
    assert data["schema"] == SCHEMA
    assert data["events"][0]["date"] == {"start": None, "end": None, "time_id": None}
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert again.actor("a1") == actor
    assert again.actor("a9") is None
