"""Time each extraction stage against spaCy's own parse on the same texts, in one run.

    python benchmarks/stages.py [--n 283] [--corpus ../shared/corpus/wikinews.jsonl]

Prints, per stage, its time as a share of newsgraph's own spaCy parse time (``load_nlp``; the
issues' bars: actors and times together ≤ 15%, places ≤ 15%), and the whole pipeline's
throughput against bare spaCy, the model package as shipped (``load_bare_model``; bar 0.8).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.check.findings import find_findings
from newsgraph.evaluate.gold import shared_path
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.claims import extract_claims
from newsgraph.extract.context import Context
from newsgraph.extract.events import extract_events
from newsgraph.extract.places import extract_places
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.times import extract_times
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.read.nlp import load_bare_model, load_nlp
from newsgraph.scale.pool import DEFAULT_BATCH_SIZE

STAGES = [
    ("times", "times", extract_times),
    ("actors", "actors", extract_actors),
    ("places", "places", extract_places),
    ("quotes", "quotes", extract_quotes),
    ("claims", "claims", extract_claims),
    ("events", "events", extract_events),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=283)
    parser.add_argument("--corpus", type=Path, default=shared_path("corpus", "wikinews.jsonl"))
    args = parser.parse_args()
    if args.corpus is None or not Path(args.corpus).exists():
        print("corpus not found: pass --corpus (default ../shared/corpus/wikinews.jsonl)")
        return 2
    articles = [a for a in iter_articles([args.corpus]) if isinstance(a, Article)][: args.n]
    bare = load_bare_model()
    bare("warm up")
    t0 = time.perf_counter()
    for _ in bare.pipe((a.body for a in articles), batch_size=DEFAULT_BATCH_SIZE):
        pass
    bare_s = time.perf_counter() - t0
    nlp = load_nlp()
    nlp("warm up")
    t0 = time.perf_counter()
    # the batch size the pipeline parses with (scale.pool chunks): spaCy's default (1000) was
    # 5-20% slower in two runs on 120 Wikinews texts, making the extraction's share look smaller
    docs = list(nlp.pipe((a.body for a in articles), batch_size=DEFAULT_BATCH_SIZE))
    spacy_s = time.perf_counter() - t0
    # one-off loads (lexicons, gazetteer, event model) happen once per process: time them
    # apart, on a small warm-up article, so the per-article shares below are steady-state
    t0 = time.perf_counter()
    warm = Context(article=articles[0])
    for _, attr, fn in STAGES:
        setattr(warm, attr, fn(docs[0], warm))
    load_s = time.perf_counter() - t0
    contexts = [Context(article=a) for a in articles]
    timings: dict[str, float] = {}
    for name, attr, fn in STAGES:
        t0 = time.perf_counter()
        for doc, ctx in zip(docs, contexts, strict=True):
            setattr(ctx, attr, fn(doc, ctx))
        timings[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for ctx in contexts:
        analysis = Analysis(
            article=ctx.article, actors=ctx.actors, events=ctx.events, quotes=ctx.quotes,
            claims=ctx.claims, times=ctx.times, places=ctx.places,
        )  # fmt: skip
        find_findings(analysis)
    timings["findings"] = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"{len(articles)} articles, {words} tokens; spaCy parse {spacy_s:.2f} s")
    print(f"one-off loads (once per process, not counted below): {load_s:.2f} s")
    for name, secs in timings.items():
        print(f"  {name:<9} {secs:7.3f} s  {100 * secs / spacy_s:6.1f}% of spaCy")
    total = sum(timings.values())
    print(f"  {'all':<9} {total:7.3f} s  {100 * total / spacy_s:6.1f}% of spaCy")
    both = timings["actors"] + timings["times"]
    print(f"actors+times: {100 * both / spacy_s:.1f}% (bar 15%)")
    print(f"places: {100 * timings['places'] / spacy_s:.1f}% (bar 15%)")
    print(f"throughput ratio pipeline/spaCy: {spacy_s / (spacy_s + total):.3f} (bar 0.8)")
    print(
        f"bare spaCy (the model as shipped) parse {bare_s:.2f} s; newsgraph's parse "
        f"{spacy_s:.2f} s + extraction {total:.2f} s: throughput ratio vs bare spaCy "
        f"{bare_s / (spacy_s + total):.3f} (bar 0.8)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
