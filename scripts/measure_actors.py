"""Measure actor extraction: time relative to spaCy on wikinews, weak-gold check on current events.

Usage: PYTHONPATH=src python scripts/measure_actors.py [N_CURRENT_EVENTS]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter

from newsgraph.evaluate.gold import shared_path
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.actors_lexicon import lexicon, tokens_of
from newsgraph.extract.context import Context
from newsgraph.model import Article
from newsgraph.read.nlp import load_nlp


def wikinews_timing() -> None:
    path = shared_path("corpus", "wikinews.jsonl")
    assert path is not None
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    nlp = load_nlp()
    lexicon()
    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_actors = n_mentions = 0
    codes: Counter[str] = Counter()
    for rec, doc in zip(records, docs, strict=True):
        art = Article(id=rec["id"], published=rec["date"], body=rec["text"])
        actors = extract_actors(doc, Context(article=art))
        n_actors += len(actors)
        n_mentions += sum(len(a.mentions) for a in actors)
        codes.update("coded" if a.code else "uncoded" for a in actors)
    t_actors = time.perf_counter() - t0
    print(
        f"wikinews: {len(records)} articles, spaCy {t_spacy:.1f}s, actors {t_actors:.2f}s "
        f"({100 * t_actors / t_spacy:.1f}% of spaCy); {n_actors} actors, {n_mentions} mentions, "
        f"{dict(codes)}"
    )


def current_events(limit: int) -> None:
    """Weak gold: editors' links to a country article must be covered by that country's actor."""
    path = shared_path("corpus", "current-events.jsonl")
    assert path is not None
    lex = lexicon()
    nlp = load_nlp()
    hit = miss = wrong = 0
    misses: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(limit), fh, strict=False)]
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        art = Article(id=rec["id"], published=rec["date"], body=rec["text"])
        actors = extract_actors(doc, Context(article=art))
        for ent in rec.get("entities", []):
            entry = lex.phrases.get(tokens_of(ent["wiki_title"]))
            if entry is None or entry.source != "country":
                continue
            start = rec["text"].find(ent["text"])
            if start < 0:
                continue
            end = start + len(ent["text"])
            over = [a for a in actors for m in a.mentions if m.start < end and start < m.end]
            if any(a.country == entry.country for a in over):
                hit += 1
            elif over:
                wrong += 1
            else:
                miss += 1
                misses[ent["text"]] += 1
    total = hit + miss + wrong
    print(
        f"current-events ({len(records)} items): country-linked entities {total}: "
        f"covered by that country {hit} ({100 * hit / max(total, 1):.1f}%), other actor "
        f"{wrong}, none {miss}; top missed {misses.most_common(12)}"
    )


if __name__ == "__main__":
    wikinews_timing()
    current_events(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
    # the fuller weak-gold evaluation (countries, offices, forces, leaders, IGOs; dev 2025 and
    # held-out 2026): python -m newsgraph.evaluate.actors_links --limit 1500 --top 20
