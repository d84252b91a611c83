"""List the quote extractor's errors on the quote gold set.

Usage: PYTHONPATH=src python scripts/quote_errors.py [tests/data/quotes_gold.yaml]
       [--split dev|test|all] [--only miss|fp|speaker] [--article N]

Prints, per article, the gold quotes missed, the system quotes matching no gold quote,
and the matched quotes whose speaker is wrong (gold speaker vs system actor). The default is
the dev half (even positions); ``--split all`` lists every article of the file. Never point
this at a held-out file kept for measuring (quotes_gold_heldout.yaml): that one is for
numbers, not for reading.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.quotes import (
    SPLITS,
    ArticleScore,
    analyse_records,
    load_records,
    split_records,
)

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_gold.yaml"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _context(body: str, start: int, end: int, pad: int = 60) -> str:
    return _short(body[max(0, start - pad) : end + pad].replace("\n", " ⏎ "), 200)


def report(score: ArticleScore, only: str | None, position: int) -> None:
    analysis = score.analysis
    body = analysis.article.body
    print(f"\n=== [{position}] {analysis.article.id}")
    if only in (None, "miss"):
        for i in score.misses:
            g = score.gold[i]
            where = score.spans[i] or (0, 0)
            print(f"  MISS [{g['kind']}] {_short(g['text'])!r}  speaker={g.get('speaker')!r}")
            print(f"       ctx: {_context(body, *where)}")
    if only in (None, "fp"):
        for q in score.false_positives:
            actor = analysis.actor(q.speaker)
            print(f"  FP   [{q.kind}] {_short(q.text)!r}  speaker={actor.name if actor else None!r}")
            print(f"       ctx: {_context(body, q.start, q.end)}")
    if only in (None, "speaker"):
        for i, right in sorted(score.speaker_right.items()):
            if right:
                continue
            g, q = score.gold[i], score.matched[i]
            actor = analysis.actor(q.speaker)
            got = f"{actor.name} [{actor.kind}]" if actor else None
            print(
                f"  SPKR [{g['kind']}] {_short(g['text'], 70)!r}  gold={g.get('speaker')!r}"
                f" (mention {g.get('speaker_mention')!r})  got={got!r}"
            )
            print(f"       ctx: {_context(body, q.start, q.end, 100)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--only", choices=("miss", "fp", "speaker"))
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--article", type=int, help="position of one article in the file")
    args = parser.parse_args()
    if "heldout" in args.gold.name:
        raise SystemExit(f"{args.gold.name} is held out: measure it, don't read its errors")
    records = load_records(args.gold)
    chosen = split_records(records, args.split)
    if args.article is not None:
        if records[args.article] not in chosen:
            raise SystemExit(f"article {args.article} is not in the {args.split} split")
        chosen = [records[args.article]]
    scores = analyse_records(chosen)
    positions = {id(r): i for i, r in enumerate(records)}
    for record, score in zip(chosen, scores, strict=True):
        report(score, args.only, positions[id(record)])
    misses = sum(len(s.misses) for s in scores)
    fps = sum(len(s.false_positives) for s in scores)
    wrong = sum(not r for s in scores for r in s.speaker_right.values())
    print(f"\n{args.split}: {misses} misses, {fps} false positives, {wrong} wrong speakers")


if __name__ == "__main__":
    main()
