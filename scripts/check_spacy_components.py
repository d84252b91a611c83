"""Check that load_nlp() annotates exactly as the stock en_core_web_sm pipeline.

    PYTHONPATH=src python scripts/check_spacy_components.py [--limit N]

Parses every text of ../shared/corpus/wikinews.jsonl and current-events.jsonl (key "text") and
the seed article with the stock pipeline (plus newsgraph's line-break sentence rule, which
load_nlp() also adds) and with load_nlp() (its attribute_ruler and lemmatizer swapped for
read/fast_components.py), and compares per token ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD,
ENT_IOB, ENT_TYPE and SENT_START. Exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newsgraph.evaluate.gold import shared_path
from newsgraph.read.annotation_diff import compare_pipes
from newsgraph.read.nlp import load_nlp, load_stock_nlp
from newsgraph.scale.pool import DEFAULT_BATCH_SIZE


def corpus_texts(path: Path, limit: int | None) -> list[str]:
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    return texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="texts per corpus (default all)")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args()
    sources: dict[str, list[str]] = {}
    for name in ("wikinews.jsonl", "current-events.jsonl"):
        path = shared_path("corpus", name)
        if path is None:
            print(f"../shared/corpus/{name} not found")
            return 2
        sources[name] = corpus_texts(path, args.limit)
    seed = shared_path("seed", "seed-article.txt")
    if seed is None:
        print("../shared/seed/seed-article.txt not found")
        return 2
    sources["seed-article.txt"] = [seed.read_text(encoding="utf-8")]

    stock, ours = load_stock_nlp(), load_nlp()
    print("stock:", [type(c).__name__ for _, c in stock.pipeline])
    print("ours: ", [type(c).__name__ for _, c in ours.pipeline])
    grand: Counter[str] = Counter()
    for name, texts in sources.items():
        docs, tokens, found, shown = compare_pipes(
            stock.pipe(texts, batch_size=args.batch), ours.pipe(texts, batch_size=args.batch)
        )
        grand.update(found)
        print(f"{name}: {docs} texts, {tokens} tokens, {sum(found.values())} differences")
        for attr, n in sorted(found.items()):
            print(f"  {attr}: {n}")
        for line in shown:
            print("  ", line)
    print(f"total differences: {sum(grand.values())}")
    return 1 if grand else 0


if __name__ == "__main__":
    sys.exit(main())
