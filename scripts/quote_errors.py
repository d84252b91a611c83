"""List the quote extractor's errors on the DEV half of the quote gold set.

Usage: PYTHONPATH=src python scripts/quote_errors.py [tests/data/quotes_gold.yaml]
       [--only miss|fp|speaker] [--article N]

Prints, per dev article, the gold quotes missed, the system quotes matching no gold quote,
and the matched quotes whose speaker is wrong (gold speaker vs system actor). Only the dev
half (even positions) is listed: the held-out half is for numbers, not for reading.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.quotes import ArticleScore, analyse_records, load_records, split_records

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_gold.yaml"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _context(body: str, start: int, end: int, pad: int = 60) -> str:
    return _short(body[max(0, start - pad) : end + pad].replace("\n", " ⏎ "), 200)


def report(score: ArticleScore, only: str | None) -> None:
    analysis = score.analysis
    body = analysis.article.body
    print(f"\n=== {analysis.article.id}")
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
    parser.add_argument("--article", type=int, help="position of one dev article (0, 2, ...)")
    args = parser.parse_args()
    records = load_records(args.gold)
    dev = split_records(records, "dev")
    if args.article is not None:
        if args.article % 2:
            raise SystemExit("odd positions are held out: pick an even one")
        dev = [records[args.article]]
    scores = analyse_records(dev)
    for score in scores:
        report(score, args.only)
    misses = sum(len(s.misses) for s in scores)
    fps = sum(len(s.false_positives) for s in scores)
    wrong = sum(not r for s in scores for r in s.speaker_right.values())
    print(f"\ndev: {misses} misses, {fps} false positives, {wrong} wrong speakers")


if __name__ == "__main__":
    main()
