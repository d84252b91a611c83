"""List PLOVER items the event extractor misses or mistypes, with the system's events.

Usage: PYTHONPATH=src python scripts/event_errors.py [GOLD.jsonl] [--limit N] [--types]
For each missed item: the sentence, the gold source/target spans, and every system event
with its type, trigger and the source/target mention texts. With --types, also mistyped items.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.plover import NONE, SYSTEM_ALIASES, Item, load_items, match_event
from newsgraph.model import Analysis, Article


def _mentions(analysis: Analysis, ids: list[str]) -> str:
    texts = []
    for aid in ids:
        actor = analysis.actor(aid)
        if actor:
            texts.append("|".join(m.text for m in actor.mentions) + f"[{actor.code or '-'}]")
    return "; ".join(texts) or "∅"


def _describe(analysis: Analysis, item: Item) -> list[str]:
    lines = []
    for e in analysis.events:
        lines.append(
            f"    {e.type:<9} '{e.trigger.text}'  S={_mentions(analysis, e.source)}"
            f"  T={_mentions(analysis, e.target)}"
        )
    return lines or ["    (no events)"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--types", action="store_true", help="also list mistyped items")
    args = parser.parse_args()
    path = args.gold or shared_path("eval", "plover", "train.jsonl")
    if path is None:
        raise SystemExit("PLOVER gold not found")
    items = load_items(path)
    if args.limit:
        items = items[: args.limit]

    from newsgraph.pipeline import analyze_doc
    from newsgraph.read.nlp import load_nlp

    nlp = load_nlp()
    missed = mistyped = 0
    for n, (item, doc) in enumerate(zip(items, nlp.pipe(it.sentence for it in items), strict=True)):
        analysis = analyze_doc(Article(id=f"p{n}", body=item.sentence), doc)
        event = match_event(analysis, item)
        pred = SYSTEM_ALIASES.get(event.type, event.type) if event else NONE
        if pred == item.gold or (pred != NONE and not args.types):
            continue
        missed += pred == NONE
        mistyped += pred != NONE
        src = item.sentence[slice(*item.source)] if item.source else "∅"
        tgt = item.sentence[slice(*item.target)] if item.target else "∅"
        what = "MISSED" if pred == NONE else f"TYPED {pred}"
        print(f"#{n} {what} gold={item.gold}  S=«{src}»  T=«{tgt}»")
        print(f"  {item.sentence}")
        print("\n".join(_describe(analysis, item)))
    print(f"missed: {missed}  mistyped: {mistyped}  of {len(items)}")


if __name__ == "__main__":
    main()
