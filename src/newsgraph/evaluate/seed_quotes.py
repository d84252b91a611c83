"""Seed scorer for quotes, claims and findings, by the rules at the bottom of seed-gold.yaml.

- quotes match on text (quote marks, edge punctuation and case normalised) and speaker
  code (and via, where the gold gives one); only the kinds the gold lists are scored (the
  seed gold lists marked quotes, direct and partial, and annotates reported speech as
  claims, so system indirect quotes are scored there, not here);
- claims match on overlap with the evidence and on the source (an actor code, a list of
  codes, or an unnamed kind such as "unnamed experts");
- findings match on kind (or alt_kinds) and on overlap with their evidence; a finding
  matching no gold finding is a false alarm; recall is over core findings.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.evaluate.scores import PRF
from newsgraph.model import Analysis, Claim, Finding, Quote

_EDGE = re.compile(r"^[\s\"'“”‘’«».,;:!?]+|[\s\"'“”‘’«».,;:!?]+$")


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    return [
        score_quotes(analysis, gold.get("quotes") or []),
        score_claims(analysis, gold.get("claims") or []),
        score_findings(analysis, gold.get("findings") or []),
    ]


def normalise_quote(text: str) -> str:
    return " ".join(_EDGE.sub("", text).lower().split())


def _code(analysis: Analysis, actor_id: str | None) -> str | None:
    actor = analysis.actor(actor_id)
    return actor.code if actor else None


def _code_matches(code: str | None, wanted: str) -> bool:
    """A country-level gold code (3 letters) accepts any role of that country."""
    if code is None:
        return False
    return code == wanted or (len(wanted) == 3 and code[:3] == wanted)


def _quote_matches(analysis: Analysis, quote: Quote, item: dict[str, Any]) -> bool:
    if normalise_quote(quote.text) != normalise_quote(str(item["text"])):
        return False
    if _code(analysis, quote.speaker) != item.get("speaker"):
        return False
    via = item.get("via")
    return via is None or _code(analysis, quote.via) == via


def score_quotes(analysis: Analysis, gold: list[dict[str, Any]]) -> PRF:
    kinds = {g.get("kind") for g in gold}
    scored = [
        q for q in analysis.quotes if not (kinds and None not in kinds and q.kind not in kinds)
    ]
    hits = [[g["id"] for g in gold if _quote_matches(analysis, q, g)] for q in scored]
    return _tally("quotes", hits, {g["id"] for g in gold})


def _tally(name: str, hits_per_item: list[list[str]], counted: set[str]) -> PRF:
    """Each system item is a true positive if it matches any gold item, else a false
    positive; recall is over the ``counted`` gold ids (core ones) that some item matched."""
    prf = PRF(name)
    matched: set[str] = set()
    for hits in hits_per_item:
        if hits:
            prf.tp_sys += 1
            matched.update(h for h in hits if h in counted)
        else:
            prf.fp += 1
    prf.tp_gold = len(matched)
    prf.fn = len(counted - matched)
    return prf


def _find(body: str, evidence: str) -> tuple[int, int] | None:
    i = body.find(evidence)
    return (i, i + len(evidence)) if i >= 0 else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _source_matches(analysis: Analysis, claim: Claim, wanted: Any) -> bool:
    if isinstance(wanted, str) and wanted.startswith("unnamed"):
        kind = (claim.source_kind or "").lower()
        return wanted.split(" ", 1)[1].rstrip("s") in kind
    wanted_codes = wanted if isinstance(wanted, list) else [wanted]
    codes = [_code(analysis, s) for s in claim.source]
    return any(_code_matches(c, w) for c in codes for w in wanted_codes)


def score_claims(analysis: Analysis, gold: list[dict[str, Any]]) -> PRF:
    body = analysis.article.body
    located = [(g, _find(body, g["evidence"])) for g in gold]
    hits = [
        [
            g["id"] for g, where in located
            if where
            and _overlaps((c.span.start, c.span.end), where)
            and _source_matches(analysis, c, g["source"])
        ]
        for c in analysis.claims
    ]  # fmt: skip
    return _tally("claims", hits, {g["id"] for g in gold})


def _finding_matches(body: str, finding: Finding, item: dict[str, Any]) -> bool:
    kinds = [item["kind"], *(item.get("alt_kinds") or [])]
    if finding.kind not in kinds:
        return False
    places = [w for e in item.get("evidence") or [] if (w := _find(body, e))]
    return any(_overlaps((s.start, s.end), w) for s in finding.spans for w in places)


def score_findings(analysis: Analysis, gold: list[dict[str, Any]]) -> PRF:
    body = analysis.article.body
    core = {g["id"] for g in gold if g.get("core", True)}
    hits = [[g["id"] for g in gold if _finding_matches(body, f, g)] for f in analysis.findings]
    return _tally("findings", hits, core)
