"""Run the pipeline over the Wikinews corpus and write every finding for review by hand.

    PYTHONPATH=src python scripts/review_findings.py [--corpus PATH] [--out PATH]

Writes tests/data/findings_review.yaml: one entry per finding (article id, url, kind,
message, the text of its spans and their sentence). Judgements already in the file
("right"/"wrong" and a note) are kept for findings that are still produced; new findings
get judgement "todo". tests/check/test_findings_review.py asserts the bars from it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from newsgraph.evaluate.gold import shared_path
from newsgraph.ingest import iter_articles
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import analyze_articles

REVIEW = Path(__file__).resolve().parent.parent / "tests" / "data" / "findings_review.yaml"


def _context(body: str, start: int, end: int) -> str:
    left = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1)
    right = body.find(". ", end)
    right = len(body) if right == -1 else right + 1
    return body[left:right].strip()


def entries_for(analysis: Analysis) -> list[dict[str, Any]]:
    body = analysis.article.body
    return [
        {
            "article": analysis.article.id,
            "url": analysis.article.url,
            "published": analysis.article.published,
            "kind": f.kind,
            "message": f.message,
            "spans": [body[s.start : s.end] for s in f.spans],
            "context": [_context(body, s.start, s.end) for s in f.spans],
        }
        for f in analysis.findings
    ]


def _key(entry: dict[str, Any]) -> tuple[str, str, tuple[str, ...]]:
    return entry["article"], entry["kind"], tuple(entry["spans"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=shared_path("corpus", "wikinews.jsonl"))
    parser.add_argument("--out", type=Path, default=REVIEW)
    args = parser.parse_args(argv)
    if args.corpus is None:
        print("corpus not found: put ../shared beside the checkout", file=sys.stderr)
        return 2
    old: dict[Any, dict[str, Any]] = {}
    if args.out.exists():
        previous = yaml.safe_load(args.out.read_text("utf-8")) or {}
        old = {_key(e): e for e in previous.get("findings", [])}
    articles = [a for a in iter_articles([args.corpus]) if isinstance(a, Article)]
    entries: list[dict[str, Any]] = []
    for analysis in analyze_articles(articles):
        for entry in entries_for(analysis):
            before = old.get(_key(entry), {})
            entry["judgement"] = before.get("judgement", "todo")
            entry["note"] = before.get("note", "")
            entries.append(entry)
    review = {
        "corpus": str(args.corpus.name),
        "articles": len(articles),
        "articles_with_findings": len({e["article"] for e in entries}),
        "findings": entries,
    }
    args.out.write_text(
        "# Findings over the Wikinews corpus, judged by hand (right/wrong) against the text.\n"
        "# Regenerate: PYTHONPATH=src python scripts/review_findings.py (judgements are kept).\n"
        + yaml.safe_dump(review, allow_unicode=True, sort_keys=False, width=100),
        "utf-8",
    )
    with_findings = review["articles_with_findings"]
    print(f"{len(entries)} findings in {with_findings} of {len(articles)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
