"""Quote evaluation against a hand-annotated gold set (YAML list or JSONL records).

Record: ``{id, url, text (the body), published, quotes: [{text, speaker, kind}]}``.
A system quote matches a gold quote when it covers at least 30% of the gold quote's
characters (as GenderGapTracker counts). Speaker accuracy is over matched quotes: the gold
speaker name against the system speaker actor's name and mentions, case-insensitive, a
surname match accepted.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from newsgraph.evaluate.scores import PRF, EvalTable
from newsgraph.model import Analysis, Article, Quote

MIN_COVER = 0.30
_SPACE = re.compile(r"\s+")


def load_records(path: Path) -> list[dict[str, Any]]:
    text = path.read_text("utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = yaml.safe_load(text)
    records = data.get("articles", data) if isinstance(data, dict) else data
    return list(records or [])


def locate(body: str, quote: str) -> tuple[int, int] | None:
    """Where the gold quote text is in the body (exact, else whitespace/case-insensitive)."""
    quote = quote.strip().strip("\"“”‘’«»'").strip()
    if not quote:
        return None
    i = body.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, body, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _cover(quote: Quote, gold: tuple[int, int]) -> float:
    overlap = min(quote.end, gold[1]) - max(quote.start, gold[0])
    return max(overlap, 0) / max(gold[1] - gold[0], 1)


def speaker_matches(analysis: Analysis, quote: Quote, gold_name: str | None) -> bool:
    if not gold_name:
        return quote.speaker is None
    actor = analysis.actor(quote.speaker)
    if actor is None:
        return False
    gold = gold_name.lower().split()
    names = [actor.name, *(m.text for m in actor.mentions)]
    for name in names:
        words = name.lower().replace("’s", "").replace("'s", "").split()
        if words == gold or (words and gold and words[-1] == gold[-1]):
            return True
    return False


def score_article(analysis: Analysis, gold_quotes: list[dict[str, Any]]) -> tuple[PRF, int, int]:
    """PRF of quote spans, and (speakers right, quotes matched) among matched gold quotes."""
    prf = PRF("quotes")
    body = analysis.article.body
    places = [(g, locate(body, str(g["text"]))) for g in gold_quotes]
    matched_gold: dict[int, Quote] = {}
    for quote in analysis.quotes:
        hits = [
            i for i, (_, where) in enumerate(places) if where and _cover(quote, where) >= MIN_COVER
        ]
        if hits:
            prf.tp_sys += 1
            for i in hits:
                matched_gold.setdefault(i, quote)
        else:
            prf.fp += 1
    prf.tp_gold = len(matched_gold)
    prf.fn = len(gold_quotes) - len(matched_gold)
    right = sum(
        speaker_matches(analysis, q, places[i][0].get("speaker")) for i, q in matched_gold.items()
    )
    return prf, right, len(matched_gold)


def evaluate(path: Path) -> EvalTable:
    from newsgraph.pipeline import analyze_articles

    records = load_records(path)
    articles = [
        Article(
            id=str(r["id"]),
            url=r.get("url"),
            published=str(r["published"]) if r.get("published") else None,
            body=r.get("body") or r["text"],
        )
        for r in records
    ]
    total = PRF("quotes (≥30% of gold characters)")
    right = matched = 0
    for record, analysis in zip(records, analyze_articles(articles), strict=True):
        prf, r, m = score_article(analysis, record.get("quotes") or [])
        total.tp_sys += prf.tp_sys
        total.fp += prf.fp
        total.tp_gold += prf.tp_gold
        total.fn += prf.fn
        right += r
        matched += m
    accuracy = right / matched if matched else 0.0
    table = EvalTable.from_prf(f"quotes vs {path.name}", [total])
    table.rows.append(["speaker accuracy", "", "", f"{accuracy:.3f}", f"{right}/{matched} matched"])
    return table
