"""The quote gold evaluation: ≥30% character cover, dev/held-out split, fair speaker match."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newsgraph.evaluate.quotes import (
    analyse_records,
    evaluate,
    fold,
    load_records,
    locate,
    mention_near,
    score_article,
    speaker_matches,
    split_records,
    totals,
)
from newsgraph.model import Actor, Analysis, Article, Mention, Quote

GOLD = Path(__file__).resolve().parents[1] / "data" / "quotes_gold.yaml"


def test_locate_is_whitespace_and_case_tolerant() -> None:
    assert locate("He said “We  Will win”.", "we will win") == (9, 21)


def test_evaluate_counts_matches_and_speakers(tmp_path: Path) -> None:
    gold = [{
        "id": "t1", "url": None, "published": "2020-01-01",
        "text": "“We will win the final,” said Jane Smith, the coach. Nothing else happened.",
        "quotes": [
            {"text": "We will win", "speaker": "Smith", "kind": "direct"},
            {"text": "Nothing else happened", "speaker": "Bob Ray", "kind": "direct"},
        ],
    }]
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump(gold), "utf-8")
    table = evaluate(path, "dev")
    quotes, speakers = table.rows
    assert quotes[1:4] == ["1.000", "0.500", "0.667"]
    assert speakers[3] == "1.000"


def test_split_is_by_position_in_the_file() -> None:
    records = [{"id": str(i)} for i in range(5)]
    assert [r["id"] for r in split_records(records, "dev")] == ["0", "2", "4"]
    assert [r["id"] for r in split_records(records, "test")] == ["1", "3"]
    assert len(split_records(records, "all")) == 5


def test_fold_ignores_case_diacritics_possessives_and_titles() -> None:
    assert fold("Agnès Callamard's") == ["agnes", "callamard"]
    assert fold("Mr. Brudziński") == ["brudzinski"]


def _analysis(body: str, actor: Actor, quote: Quote) -> Analysis:
    return Analysis(article=Article(id="t", body=body), actors=[actor], quotes=[quote])


def test_speaker_match_by_surname_and_by_the_gold_mention_near_the_quote() -> None:
    body = "A police spokesperson said the road was closed. Later Joachim Brudziński spoke."
    spokes = Actor(id="a1", name="A police spokesperson", kind="person",
                   mentions=[Mention(start=0, end=21, text=body[0:21])])
    quote = Quote(id="q1", kind="indirect", text="the road was closed", start=27, end=46,
                  speaker="a1")
    analysis = _analysis(body, spokes, quote)
    assert speaker_matches(analysis, quote, "a police officer", "A police spokesperson",
                           (27, 46))
    assert not speaker_matches(analysis, quote, "Bob Ray", "Bob Ray", (27, 46))
    minister = Actor(id="a1", name="Brudzinski", kind="person")
    assert speaker_matches(_analysis(body, minister, quote), quote, "Joachim Brudziński")
    assert mention_near(body, "spoke", (27, 46)) == (73, 78)


def test_a_description_does_not_match_by_its_head_noun_alone() -> None:
    """"a fire officer" is not "a police officer"; "Kama Melly" is not "Durham Hall QC"."""
    body = "A police officer said the road was closed."
    officer = Actor(id="a1", name="A police officer", kind="person",
                    mentions=[Mention(start=0, end=16, text=body[0:16])])
    quote = Quote(id="q1", kind="indirect", text="the road was closed", start=22, end=41,
                  speaker="a1")
    analysis = _analysis(body, officer, quote)
    assert not speaker_matches(analysis, quote, "a fire officer", None, (22, 41))
    assert speaker_matches(analysis, quote, "a police officer", None, (22, 41))
    judge = Actor(id="a1", name="Durham Hall QC", kind="person")
    assert not speaker_matches(_analysis(body, judge, quote), quote, "Kama Melly")
    assert speaker_matches(_analysis(body, judge, quote), quote, "Durham Hall")


def test_a_gold_quote_is_matched_by_the_best_fitting_system_quote() -> None:
    """A partial inside an indirect clause is scored on the system's partial, not on the
    clause that happens to come first."""
    body = 'Jo Bell said the plan was "a disaster" for the town.'
    jo = Actor(id="a1", name="Jo Bell", kind="person")
    other = Actor(id="a2", name="Tom Hill", kind="person")
    clause = Quote(id="q1", kind="indirect", text=body[12:51], start=12, end=51, speaker="a2")
    partial = Quote(id="q2", kind="partial", text="a disaster", start=26, end=36, speaker="a1")
    analysis = Analysis(article=Article(id="t", body=body), actors=[jo, other],
                        quotes=[clause, partial])
    gold = [{"text": "a disaster", "start": 26, "end": 36, "kind": "partial",
             "speaker": "Jo Bell"}]
    score = score_article(analysis, gold)
    assert score.matched[0].id == "q2" and score.speaker_right[0]


def test_no_gold_speaker_wants_no_system_speaker() -> None:
    body = "It was “fine”."
    quote = Quote(id="q1", kind="partial", text="fine", start=8, end=12)
    actor = Actor(id="a1", name="X")
    assert speaker_matches(_analysis(body, actor, quote), quote, None)


@pytest.fixture(scope="module")
def gold_totals() -> dict[str, tuple[float, float]]:
    records = load_records(GOLD)
    scores = analyse_records(records)
    by_id = {s.analysis.article.id: s for s in scores}
    out = {}
    for split in ("dev", "test", "all"):
        chosen = [by_id[str(r["id"])] for r in split_records(records, split)]  # type: ignore[arg-type]
        t = totals(chosen, split)
        out[split] = (t.prf.f1, t.accuracy)
    return out


def test_quote_gold_floors(gold_totals: dict[str, tuple[float, float]]) -> None:
    """Floors at the achieved levels. Errors on all 38 articles of this file have been
    studied, so these are development numbers; the honest speaker figure is the separate
    held-out file (quotes_gold_heldout.yaml), measured by the lead, never tuned on."""
    dev_f1, dev_acc = gold_totals["dev"]
    test_f1, test_acc = gold_totals["test"]
    all_f1, all_acc = gold_totals["all"]
    assert dev_f1 >= 0.965 and dev_acc >= 0.95
    assert test_f1 >= 0.90 and test_acc >= 0.905
    assert all_f1 >= 0.935 and all_acc >= 0.93


HELDOUT = GOLD.parent / "quotes_gold_heldout.yaml"


def test_heldout_quote_gold_floors() -> None:
    """The honest figures: 18 articles annotated later by another annotator, never tuned on
    (measured 2026-11-27: quote F1 0.932, speaker accuracy 0.872). Floors just under them."""
    records = load_records(HELDOUT)
    t = totals(analyse_records(records), "all")
    assert t.prf.f1 >= 0.92
    assert t.accuracy >= 0.86
