"""Hand-made sentences for the event extractor (one per PLOVER type, plus syntax cases)."""

from __future__ import annotations

import pytest

from newsgraph.model import Analysis, Article, Event
from newsgraph.pipeline import analyze_doc
from newsgraph.read.nlp import load_nlp


def analyse(text: str) -> Analysis:
    article = Article(id="t", body=text, published="2024-05-01")
    return analyze_doc(article, load_nlp()(text))


def names(analysis: Analysis, ids: list[str]) -> set[str]:
    """Actor names and mention texts (the actor extractor may canonicalise names)."""
    out: set[str] = set()
    for actor in (analysis.actor(i) for i in ids):
        if actor:
            out.add(actor.name)
            out.update(m.text for m in actor.mentions)
    return out


def find(analysis: Analysis, ptype: str) -> Event:
    hits = [e for e in analysis.events if e.type == ptype]
    assert hits, f"no {ptype} in {[(e.type, e.trigger.text) for e in analysis.events]}"
    return hits[0]


def has_word(found: set[str], word: str) -> bool:
    return any(word in n for n in found)


@pytest.mark.parametrize(
    ("text", "ptype", "src", "tgt"),
    [
        ("Germany agreed to accept refugees from Greece.", "AGREE", "Germany", None),
        ("Israeli Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin on "
         "Wednesday.", "CONSULT", "Netanyahu", "Putin"),
        ("The Southeast Asian nations praised Seoul for its efforts.", "SUPPORT", "nations",
         "Seoul"),
        ("The court released the detained opposition leaders.", "RETREAT", "court", "leaders"),
        ("Swiss prosecutors shared evidence with the U.S. Department of Justice.", "COOPERATE",
         "prosecutors", "U.S."),
        ("Japan provided aid to Fiji after the cyclone.", "AID", "Japan", "Fiji"),
        ("The Pentagon withdrew its troops from Syria.", "RETREAT", "Pentagon", None),
        pytest.param("The opposition demanded that the government resign.", "REQUEST",
                     "opposition", "government",
                     marks=pytest.mark.xfail(strict=True, reason="known gap: ccomp target")),
        ("Iran condemned the decision of the United States.", "ACCUSE", "Iran", None),
        ("Russia rejected the proposal of Ukraine.", "REJECT", "Russia", None),
        ("Hezbollah threatened to shell Haifa.", "THREATEN", "Hezbollah", None),
        ("Thousands of students protested against the government in Dhaka.", "PROTEST",
         "students", "government"),
        ("The United States sharply reduced military aid to the Colombian army.", "SANCTION",
         "United States", None),
        ("Turkish police arrested 110 soldiers in Ankara.", "COERCE", "police", "soldiers"),
        ("Rebels attacked a military base in Kenya.", "ASSAULT", "Rebels", "base"),
        ("Pyongyang has conducted several missile launches.", "MOBILIZE", "Pyongyang", None),
    ],
)  # fmt: skip
def test_each_type(text: str, ptype: str, src: str, tgt: str | None) -> None:
    a = analyse(text)
    ev = find(a, ptype)
    assert has_word(names(a, ev.source), src)
    if tgt:
        assert has_word(names(a, ev.target), tgt)
    assert ev.cameo and ev.goldstein is not None and ev.quad_class


def test_passive_by_agent() -> None:
    a = analyse("The ambassador was attacked by Taliban fighters near Kandahar.")
    ev = find(a, "ASSAULT")
    assert has_word(names(a, ev.source), "Taliban")
    assert has_word(names(a, ev.target), "ambassador")


def test_drawn_criticism_from() -> None:
    a = analyse("The partnership between Russia and Iran has drawn sharp criticism from France.")
    ev = find(a, "ACCUSE")
    assert has_word(names(a, ev.source), "France")
    assert names(a, ev.target) & {"Russia", "Iran"}


def test_nominal_cooperation_with_coordination() -> None:
    a = analyse("Analysts noted the deepening military cooperation between Washington, Seoul, "
                "and Tokyo.")
    ev = find(a, "COOPERATE")
    found = names(a, ev.source)
    assert all(has_word(found, w) for w in ("Washington", "Seoul", "Tokyo"))
    assert ev.mode == "military"


def test_summit_light_verb() -> None:
    a = analyse("Vladimir Putin held a summit with Kim Jong Un in Vladivostok.")
    ev = find(a, "CONSULT")
    assert "summit" in ev.trigger.text


def test_negation() -> None:
    a = analyse("The army did not attack the village.")
    assert find(a, "ASSAULT").status == "negated"


def test_denial_embeds_event() -> None:
    a = analyse("Moscow denied reports of Syrian soldiers fighting in Libya.")
    assert find(a, "ASSAULT").status == "denied"


def test_plans() -> None:
    a = analyse("Germany will send humanitarian aid to Sudan.")
    assert find(a, "AID").status == "planned"


def test_allegation() -> None:
    a = analyse("Rebels allegedly attacked the convoy near the border.")
    assert find(a, "ASSAULT").status == "alleged"


def test_hypothetical() -> None:
    a = analyse("Officials said Iran could attack the tanker.")
    assert find(a, "ASSAULT").status == "hypothetical"


def test_no_gluing_across_sentences() -> None:
    a = analyse("France is a large country. The attack killed ten people in the market.")
    for ev in a.events:
        assert not has_word(names(a, ev.source), "France")
        assert ev.span.start >= a.article.body.index("The attack") or ev.span.end <= 26


def test_no_event_without_actor() -> None:
    a = analyse("The remarks come amid rising tensions on the peninsula.")
    assert a.events == []


def test_date_is_never_publication_date_by_default() -> None:
    a = analyse("Rebels attacked a military base in Kenya.")
    assert find(a, "ASSAULT").date.start is None
