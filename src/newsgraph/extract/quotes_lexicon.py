"""The cue lexicons of quotes, claims and findings, read once per process from data/quotes/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "cues.yaml"


@dataclass(frozen=True)
class CueLexicon:
    speech_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    as_verbs: frozenset[str]
    object_claim_verbs: frozenset[str]
    prep_claim_verbs: dict[str, str | None]
    speech_nouns: frozenset[str]
    source_kind_of: dict[str, str]  # common noun lemma -> source kind
    media_nouns: frozenset[str]
    future_governors: frozenset[str]
    plan_verbs: frozenset[str]
    count_key_of: dict[str, str]  # word -> what it counts (dead, injured, ...)
    count_hedges: tuple[str, ...]
    title_nouns: frozenset[str] = frozenset()  # titles a name may follow: "Mayor of X Name"
    finding_verbs: frozenset[str] = frozenset()  # "the court found that": courts, documents
    finding_sources: frozenset[str] = frozenset()  # subject heads that make them reports


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    raw = yaml.safe_load(CUES_PATH.read_text("utf-8"))
    kind_of: dict[str, str] = {}
    for kind, nouns in raw["source_nouns"].items():
        for noun in nouns:
            kind_of.setdefault(noun, kind)
    count_key_of = {w: key for key, words in raw["count_keys"].items() for w in words}
    return CueLexicon(
        speech_verbs=frozenset(raw["speech_verbs"]),
        clause_verbs=frozenset(raw["clause_verbs"]),
        as_verbs=frozenset(raw["as_verbs"]),
        object_claim_verbs=frozenset(raw["object_claim_verbs"]),
        prep_claim_verbs=dict(raw["prep_claim_verbs"]),
        speech_nouns=frozenset(raw["speech_nouns"]),
        source_kind_of=kind_of,
        media_nouns=frozenset(raw["media_nouns"]),
        future_governors=frozenset(raw["future_governors"]),
        plan_verbs=frozenset(raw["plan_verbs"]),
        count_key_of=count_key_of,
        count_hedges=tuple(raw["count_hedges"]),
        title_nouns=frozenset(raw.get("title_nouns", ())),
        finding_verbs=frozenset(raw.get("finding_verbs", ())),
        finding_sources=frozenset(raw.get("finding_sources", ())),
    )
