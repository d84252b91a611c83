"""Time spaCy's components, stock vs newsgraph's array-based ones, on the same texts in one run.

    PYTHONPATH=src python benchmarks/spacy_components.py [--n 283] [--repeats 2]

Prints seconds per component for the stock pipeline (en_core_web_sm plus newsgraph's line-break
sentence rule) and for load_nlp() (the same with the attribute_ruler and lemmatizer swapped for
read/fast_components.py), each component run over the whole batch stream the way nlp.pipe runs
it; then the whole nlp.pipe throughput of bare en_core_web_sm, the stock pipeline and ours.
Each measurement is the best of --repeats passes, the pipelines taking turns, so a burst of load
from elsewhere on a shared machine hurts all three alike. Times are this process's CPU seconds
(time.process_time), which other people's load on a shared machine inflates far less than wall
time; the whole-pipe wall seconds are printed beside them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.evaluate.gold import shared_path
from newsgraph.ingest import iter_articles
from newsgraph.model import Article
from newsgraph.read.nlp import load_nlp, load_stock_nlp, model_name
from newsgraph.scale.pool import DEFAULT_BATCH_SIZE


def _batches(docs: list[Doc], size: int) -> Iterator[list[Doc]]:
    for start in range(0, len(docs), size):
        yield docs[start : start + size]


def component_seconds(nlp: Language, texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds per component, each run over every batch in turn (as nlp.pipe does)."""
    docs = [nlp.make_doc(text) for text in texts]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        run = _runner(component, batch_size)
        t0 = time.process_time()
        docs = [doc for batch in _batches(docs, batch_size) for doc in run(batch)]
        seconds[name] = time.process_time() - t0
    return seconds


def _runner(
    component: Callable[[Doc], Doc], batch_size: int
) -> Callable[[list[Doc]], Iterable[Doc]]:
    pipe = getattr(component, "pipe", None)
    if pipe is not None:
        return lambda batch: list(pipe(batch, batch_size=batch_size))
    return lambda batch: [component(doc) for doc in batch]


def pipe_seconds(nlp: Language, texts: list[str], batch_size: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole nlp.pipe pass."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.process_time() - cpu0, time.perf_counter() - wall0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=283)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--corpus", type=Path, default=shared_path("corpus", "wikinews.jsonl"))
    args = parser.parse_args()
    if args.corpus is None or not Path(args.corpus).exists():
        print("corpus not found: pass --corpus (default ../shared/corpus/wikinews.jsonl)")
        return 2
    texts = [a.body for a in iter_articles([args.corpus]) if isinstance(a, Article)][: args.n]
    pipelines = {
        "bare": importlib.import_module(model_name()).load(),
        "stock": load_stock_nlp(),
        "ours": load_nlp(),
    }
    for nlp in pipelines.values():
        list(nlp.pipe(texts[:8], batch_size=args.batch))  # warm up caches and lazy loads

    per_component: dict[str, dict[str, float]] = {"stock": {}, "ours": {}}
    for _ in range(args.repeats):
        for label in per_component:
            timings = component_seconds(pipelines[label], texts, args.batch)
            for name, secs in timings.items():
                best = per_component[label].get(name, secs)
                per_component[label][name] = min(best, secs)
    whole = {label: float("inf") for label in pipelines}
    wall = dict(whole)
    for _ in range(args.repeats):
        for label, nlp in pipelines.items():
            cpu_s, wall_s = pipe_seconds(nlp, texts, args.batch)
            whole[label], wall[label] = min(whole[label], cpu_s), min(wall[label], wall_s)

    tokens = sum(len(doc) for doc in pipelines["ours"].pipe(texts, batch_size=args.batch))
    print(f"{len(texts)} texts, {tokens} tokens, batch {args.batch}, best of {args.repeats}")
    print("CPU seconds per component:")
    print(f"{'component':<28}{'stock s':>9}{'ours s':>9}{'speed-up':>10}")
    for name, stock_s in per_component["stock"].items():
        ours_s = per_component["ours"][name]
        print(f"{name:<28}{stock_s:9.3f}{ours_s:9.3f}{stock_s / ours_s:9.1f}x")
    total_stock = sum(per_component["stock"].values())
    total_ours = sum(per_component["ours"].values())
    print(f"{'sum':<28}{total_stock:9.3f}{total_ours:9.3f}{total_stock / total_ours:9.2f}x")
    print("whole nlp.pipe (CPU s, articles per CPU s; wall s):")
    for label, secs in whole.items():
        rate = len(texts) / secs
        print(f"  {label:<6} {secs:7.2f} s  {rate:6.2f} articles/s   wall {wall[label]:7.2f} s")
    print(f"ours / bare throughput: {whole['bare'] / whole['ours']:.3f}")
    print(f"ours / stock throughput: {whole['stock'] / whole['ours']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
