"""Analyses built by hand with correct spans on small bodies, for the store, the cross-article
queries and the workbench (the extractors are built elsewhere; these pin what the UI shows)."""

from __future__ import annotations

from newsgraph.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    EventDate,
    Finding,
    Mention,
    Place,
    Quote,
    Span,
    TextSpan,
    TimeExpr,
)

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


class Body:
    """Find spans in a body by text (the n-th occurrence), so fixtures stay readable."""

    def __init__(self, text: str) -> None:
        self.text = text

    def span(self, needle: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return start, start + len(needle)

    def mention(self, needle: str, nth: int = 0) -> Mention:
        s, e = self.span(needle, nth)
        return Mention(start=s, end=e, text=needle)

    def textspan(self, needle: str, nth: int = 0) -> TextSpan:
        s, e = self.span(needle, nth)
        return TextSpan(start=s, end=e, text=needle)

    def sentence(self, needle: str) -> Span:
        s, e = self.span(needle)
        return Span(start=s, end=e)


def plenary_analysis() -> Analysis:
    """Modelled on the shape of a party-plenary report: a leader threatens, a state medium
    quotes him, two allies agree."""
    b = Body(
        "North Korean leader Kim Jong Un vowed on December 27 to respond with the toughest "
        "measures to the United States, according to state media KCNA.\n"
        "\u201cWe will answer pressure with strength,\u201d Kim was quoted as saying by KCNA.\n"
        "South Korea and the United States agreed to expand joint drills in Seoul."
    )
    actors = [
        Actor(
            id="a1",
            code="PRKGOV",
            country="PRK",
            role="GOV",
            name="Kim Jong Un",
            kind="person",
            mentions=[b.mention("Kim Jong Un"), b.mention("Kim", 1)],
        ),
        Actor(
            id="a2",
            code="USA",
            country="USA",
            name="United States",
            kind="country",
            mentions=[b.mention("United States"), b.mention("United States", 1)],
        ),
        Actor(
            id="a3",
            code="PRKMED",
            country="PRK",
            role="MED",
            name="KCNA",
            kind="organization",
            mentions=[b.mention("KCNA"), b.mention("KCNA", 1)],
        ),
        Actor(
            id="a4",
            code="KOR",
            country="KOR",
            name="South Korea",
            kind="country",
            mentions=[b.mention("South Korea")],
        ),
    ]
    first = b.sentence(
        "North Korean leader Kim Jong Un vowed on December 27 to respond with the "
        "toughest measures to the United States, according to state media KCNA."
    )
    events = [
        Event(
            id="e1",
            type="THREATEN",
            cameo="138",
            goldstein=-7.0,
            quad_class=3,
            source=["a1"],
            target=["a2"],
            status="asserted",
            date=EventDate(start="2024-12-27", end="2024-12-27", time_id="t1"),
            trigger=b.textspan("vowed"),
            span=first,
            confidence=0.8,
        ),
        Event(
            id="e2",
            type="AGREE",
            cameo="030",
            goldstein=4.0,
            quad_class=1,
            source=["a4"],
            target=["a2"],
            status="asserted",
            date=EventDate(start="2024-12-28"),
            place_id="p1",
            trigger=b.textspan("agreed"),
            span=b.sentence(
                "South Korea and the United States agreed to expand joint drills in Seoul."
            ),
            confidence=0.7,
        ),
    ]
    qs, qe = b.span("We will answer pressure with strength,")
    quotes = [
        Quote(
            id="q1",
            kind="direct",
            text="We will answer pressure with strength,",
            start=qs,
            end=qe,
            speaker="a1",
            via="a3",
            cue=b.textspan("was quoted as saying"),
        ),
    ]
    claims = [
        Claim(
            id="c1",
            source=["a3"],
            source_text="state media KCNA",
            source_kind="media reports",
            span=first,
            cue=b.textspan("according to"),
        ),
    ]
    ts, te = b.span("December 27")
    times = [
        TimeExpr(id="t1", text="December 27", start=ts, end=te, timex="2024-12-27"),
    ]
    ps, pe = b.span("Seoul")
    places = [
        Place(
            id="p1",
            text="Seoul",
            start=ps,
            end=pe,
            name="Seoul",
            country="KR",
            lat=37.566,
            lon=126.978,
            gazetteer_id="1835848",
            feature="city",
        ),
    ]
    findings = [
        Finding(
            id="f1",
            kind="unnamed-source",
            message="The threat is reported only through KCNA.",
            spans=[first],
            severity="info",
        ),
    ]
    article = Article(
        id="test:plenary",
        title="North Korea vows toughest response",
        published="2024-12-30",
        site="Example News",
        url="https://example.org/plenary",
        body=b.text,
    )
    return Analysis(
        article=article,
        actors=actors,
        events=events,
        quotes=quotes,
        claims=claims,
        times=times,
        places=places,
        findings=findings,
    )


def accusation_analysis() -> Analysis:
    """A second article a month later: the United States accuses Kim Jong Un; Japan protests."""
    b = Body(
        "The United States accused Kim Jong Un of firing missiles toward Japan.\n"
        "Japan protested to Pyongyang."
    )
    actors = [
        Actor(
            id="a1",
            code="USA",
            country="USA",
            name="United States",
            kind="country",
            mentions=[b.mention("United States")],
        ),
        Actor(
            id="a2",
            code="PRKGOV",
            country="PRK",
            role="GOV",
            name="Kim Jong Un",
            kind="person",
            mentions=[b.mention("Kim Jong Un")],
        ),
        Actor(
            id="a3",
            code="JPN",
            country="JPN",
            name="Japan",
            kind="country",
            mentions=[b.mention("Japan"), b.mention("Japan", 1)],
        ),
        Actor(
            id="a4",
            code="PRK",
            country="PRK",
            name="North Korea",
            kind="country",
            mentions=[b.mention("Pyongyang")],
        ),
    ]
    events = [
        Event(
            id="e1",
            type="ACCUSE",
            cameo="112",
            goldstein=-2.0,
            quad_class=3,
            source=["a1"],
            target=["a2"],
            date=EventDate(start="2025-01-15"),
            trigger=b.textspan("accused"),
            span=b.sentence(
                "The United States accused Kim Jong Un of firing missiles toward Japan."
            ),
        ),
        Event(
            id="e2",
            type="PROTEST",
            cameo="140",
            goldstein=-6.5,
            quad_class=3,
            source=["a3"],
            target=["a4"],
            date=EventDate(start="2025-01-16"),
            trigger=b.textspan("protested"),
            span=b.sentence("Japan protested to Pyongyang."),
        ),
    ]
    ps, pe = b.span("Pyongyang")
    places = [
        Place(
            id="p1",
            text="Pyongyang",
            start=ps,
            end=pe,
            name="Pyongyang",
            country="KP",
            lat=39.03,
            lon=125.75,
            feature="city",
        )
    ]
    article = Article(
        id="test:accusation",
        title="US accuses Kim of missile launch",
        published="2025-01-16",
        site="Other Wire",
        body=b.text,
    )
    return Analysis(article=article, actors=actors, events=events, places=places)


def hostile_analysis() -> Analysis:
    """Markup everywhere an article's text can reach a page: it must show as text."""
    b = Body(f"Officials said {HOSTILE} was found.\n\u201c{HOSTILE}\u201d, said Mallory.")
    actors = [
        Actor(
            id="a1",
            code="XSS",
            name=f"Mallory {HOSTILE}",
            kind="person",
            mentions=[b.mention("Mallory")],
        ),
        Actor(id="a2", code="USA", name="United States", kind="country", mentions=[]),
    ]
    qs, qe = b.span(HOSTILE, 1)
    quotes = [Quote(id="q1", kind="direct", text=HOSTILE, start=qs, end=qe, speaker="a1")]
    events = [
        Event(
            id="e1",
            type="ACCUSE",
            goldstein=-2.0,
            source=["a1"],
            target=["a2"],
            trigger=b.textspan("said"),
            span=b.sentence("Officials said"),
            date=EventDate(start="2025-02-01"),
        ),
    ]
    claims = [
        Claim(id="c1", source=[], source_text=f"Officials {HOSTILE}", span=b.sentence(HOSTILE))
    ]
    findings = [
        Finding(
            id="f1",
            kind=f"odd {HOSTILE}",
            message=f"Markup {HOSTILE} in text",
            spans=[b.sentence(HOSTILE)],
        )
    ]
    ps, pe = b.span("Mallory")
    places = [
        Place(
            id="p1", text="Mallory", start=ps, end=pe, name=f"Nowhere {HOSTILE}", lat=10.0, lon=10.0
        )
    ]
    article = Article(
        id="test:hostile",
        title=f"Hostile {HOSTILE} title",
        published="2025-02-01",
        site=f"Site {HOSTILE}",
        url="javascript:window.__pwned=3",
        body=b.text,
    )
    return Analysis(
        article=article,
        actors=actors,
        events=events,
        quotes=quotes,
        claims=claims,
        findings=findings,
        places=places,
    )


def all_handmade() -> list[Analysis]:
    return [plenary_analysis(), accusation_analysis(), hostile_analysis()]
