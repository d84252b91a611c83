"""Throughput of the full pipeline (with events) against bare spaCy nlp.pipe on Wikinews.

Usage: PYTHONPATH=src python benchmarks/events_overhead.py [N_ARTICLES]
Prints both rates and their ratio (pipeline / bare spaCy); the bar is >= 0.8.
"""

from __future__ import annotations

import json
import sys
import time

from newsgraph.evaluate.gold import shared_path
from newsgraph.model import Article
from newsgraph.pipeline import analyze_doc
from newsgraph.read.nlp import load_bare_model, load_nlp


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    path = shared_path("corpus", "wikinews.jsonl")
    if path is None:
        raise SystemExit("wikinews.jsonl not found: set NEWSGRAPH_SHARED")
    texts: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts.append(row.get("body") or row.get("text") or "")
            if len(texts) >= limit:
                break
    bare_nlp, nlp = load_bare_model(), load_nlp()
    list(bare_nlp.pipe(texts[:5]))  # warm up
    list(nlp.pipe(texts[:5]))
    t0 = time.perf_counter()
    list(bare_nlp.pipe(texts))
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for n, doc in enumerate(nlp.pipe(texts)):
        analyze_doc(Article(id=f"w{n}", body=texts[n]), doc)
    full = time.perf_counter() - t0
    print(
        f"articles: {len(texts)}  bare spaCy: {len(texts) / bare:.1f}/s  "
        f"pipeline: {len(texts) / full:.1f}/s  ratio: {bare / full:.3f}"
    )


if __name__ == "__main__":
    main()
