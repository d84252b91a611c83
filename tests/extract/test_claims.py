"""Claims: each cue kind on a small hand-made sentence, with its source and source kind."""

from __future__ import annotations

import pytest

from newsgraph.extract.claims import extract_claims
from newsgraph.extract.context import Context
from newsgraph.model import Article, Claim
from newsgraph.read.nlp import load_nlp


def run(text: str) -> tuple[list[Claim], Context]:
    ctx = Context(article=Article(id="t", body=text))
    return extract_claims(load_nlp()(text), ctx), ctx


@pytest.mark.parametrize(
    ("text", "source_text", "kind", "cue"),
    [
        ("The dam was damaged, according to Reuters.", "Reuters", "named", "according to"),
        ("Officials said the dam was damaged by the flood.", "Officials", "unnamed officials",
         "said"),
        ("Experts have warned that the dam could fail.", "Experts", "experts", "warned"),
        ("Reports say the dam was damaged overnight.", "Reports", "media reports", "say"),
        ("Senator Paul Grant described the plan as a disaster.", "Senator Paul Grant", "named",
         "described"),
        ("The tests are often framed by Maria Lopez as a response.", "Maria Lopez", "named",
         "framed"),
        ("Western officials have pointed to satellite images.", "Western officials",
         "unnamed officials", "pointed"),
        ("Both Moscow and Kyiv have denied reports of the talks.", "Both Moscow and Kyiv",
         "named", "denied"),
    ],
)
def test_claim_cue_kinds(text: str, source_text: str, kind: str, cue: str) -> None:
    claims, _ = run(text)
    assert claims, text
    claim = claims[0]
    assert claim.source_text == source_text
    assert claim.source_kind == kind
    assert claim.cue is not None and claim.cue.text.lower() == cue
    assert claim.span.end > claim.span.start


def test_named_source_resolves_to_an_actor_and_conjuncts_to_all() -> None:
    claims, ctx = run("Both Moscow and Kyiv have denied reports of the talks.")
    names = {a.id: a.name for a in ctx.actors}
    assert [names[s] for s in claims[0].source] == ["Moscow", "Kyiv"]


def test_plain_statement_is_no_claim() -> None:
    claims, _ = run("The river flooded the town and the bridge was closed on Monday.")
    assert claims == []
