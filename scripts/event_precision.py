"""Event precision on ordinary news: re-run the extractor on a fixed Wikinews sample and score
its events against hand judgements (tests/data/events_precision.yaml).

Usage:
  PYTHONPATH=src python scripts/event_precision.py            # precision + new/lost events
  PYTHONPATH=src python scripts/event_precision.py --dump     # also add unjudged events to
                                                              # the YAML (verdict: null)
  PYTHONPATH=src python scripts/event_precision.py --count 120  # events / weak events on the
                                                              # first N corpus articles

The sample: the 20 articles of examples/wikinews-sample.jsonl plus the first 20 of
../shared/corpus/wikinews.jsonl (38 distinct articles). An event is keyed by article id,
trigger start offset and PLOVER type; a judged event whose source or target names changed
is reported (its verdict may no longer hold). Precision counts judged events only; events
not judged yet are listed so a change shows what it adds, and judged-correct events that
disappeared are listed as lost recall.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsgraph.model import Analysis, Article
from newsgraph.report.dossier import sentence_around

ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS = ROOT / "tests/data/events_precision.yaml"
EXAMPLES = ROOT / "examples/wikinews-sample.jsonl"
CORPUS_FIRST = 20
STRONG = 0.5


@dataclass
class Row:
    article: str
    start: int
    type: str
    trigger: str
    source: str
    target: str
    confidence: float
    sentence: str

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.article, self.start, self.type)


def _corpus() -> Path:
    from newsgraph.evaluate.gold import shared_path

    path = shared_path("corpus", "wikinews.jsonl")
    if path is None:
        raise SystemExit("../shared/corpus/wikinews.jsonl not found")
    return Path(path)


def _read(path: Path, limit: int | None) -> list[Article]:
    from newsgraph.ingest import iter_articles

    out: list[Article] = []
    for art in iter_articles([path]):
        if isinstance(art, Article):
            out.append(art)
            if limit is not None and len(out) >= limit:
                break
    return out


def sample_articles() -> list[Article]:
    seen: set[str] = set()
    out: list[Article] = []
    for art in _read(EXAMPLES, None) + _read(_corpus(), CORPUS_FIRST):
        if art.id not in seen:
            seen.add(art.id)
            out.append(art)
    return out


def _names(analysis: Analysis, ids: list[str]) -> str:
    names = []
    for aid in ids:
        actor = analysis.actor(aid)
        names.append(actor.name if actor else aid)
    return "; ".join(names)


def rows_for(articles: list[Article]) -> Iterator[Row]:
    from newsgraph.pipeline import analyze_articles

    for art, analysis in zip(articles, analyze_articles(articles), strict=True):
        for e in analysis.events:
            yield Row(
                article=art.id,
                start=e.trigger.start,
                type=e.type,
                trigger=e.trigger.text,
                source=_names(analysis, e.source),
                target=_names(analysis, e.target),
                confidence=round(e.confidence, 2),
                sentence=sentence_around(art.body, e.span.start, e.span.end),
            )


def load_judgements() -> dict:
    if not JUDGEMENTS.is_file():
        return {"events": []}
    return yaml.safe_load(JUDGEMENTS.read_text(encoding="utf-8")) or {"events": []}


def _fmt(r: Row | dict) -> str:
    d = r if isinstance(r, dict) else r.__dict__
    return (
        f"{d['article']}@{d['start']} {d['source']} -> {d['type']} -> {d['target']}"
        f" | {d['trigger']} ({d['confidence']})"
    )


def report(rows: list[Row], data: dict) -> None:
    judged = {(j["article"], j["start"], j["type"]): j for j in data["events"]}
    bands: dict[str, list[int]] = {"all": [0, 0], f">={STRONG}": [0, 0], f"<{STRONG}": [0, 0]}
    new: list[Row] = []
    changed: list[str] = []
    for r in rows:
        j = judged.get(r.key)
        if j is None or j.get("verdict") not in ("correct", "wrong"):
            new.append(r)
            continue
        if (j["source"], j["target"]) != (r.source, r.target):
            changed.append(f"  {_fmt(r)}  (judged with {j['source']} -> {j['target']})")
        ok = j["verdict"] == "correct"
        band = f">={STRONG}" if r.confidence >= STRONG else f"<{STRONG}"
        for b in ("all", band):
            bands[b][0] += ok
            bands[b][1] += 1
    produced = {r.key for r in rows}
    gone = [j for k, j in judged.items() if k not in produced]
    lost = [j for j in gone if j.get("verdict") == "correct"]
    for name, (ok, n) in bands.items():
        p = ok / n if n else 0.0
        print(f"precision {name:>5}: {p:.3f}  ({ok}/{n} judged events correct)")
    print(f"events produced: {len(rows)}; judged events no longer produced: {len(gone)}"
          f" ({len(lost)} judged correct = lost recall)")
    for j in lost:
        print(f"  lost: {_fmt(j)}")
    if changed:
        print(f"judged events whose source/target changed: {len(changed)}")
        print("\n".join(changed))
    print(f"new (unjudged) events: {len(new)}")
    for r in new:
        print(f"  new: {_fmt(r)}")


def dump(rows: list[Row], data: dict) -> None:
    """Add every unjudged event to the YAML with verdict null, for a person to judge."""
    keys = {(j["article"], j["start"], j["type"]) for j in data["events"]}
    for r in rows:
        if r.key not in keys:
            data["events"].append({**r.__dict__, "verdict": None, "why": ""})
    data["events"].sort(key=lambda j: (j["article"], j["start"], j["type"]))
    JUDGEMENTS.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


def count(n: int) -> None:
    from newsgraph.pipeline import analyze_articles

    articles = _read(_corpus(), n)
    events = weak = 0
    for analysis in analyze_articles(articles):
        events += len(analysis.events)
        weak += sum(e.confidence < 0.35 for e in analysis.events)
    print(f"first {len(articles)} Wikinews articles: {events} events, {weak} below confidence 0.35")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", action="store_true", help="add unjudged events to the YAML")
    parser.add_argument("--count", type=int, default=0, help="count events on N corpus articles")
    parser.add_argument("--json", action="store_true", help="print the events as JSON lines")
    args = parser.parse_args()
    if args.count:
        count(args.count)
        return
    rows = list(rows_for(sample_articles()))
    if args.json:
        for r in rows:
            print(json.dumps(r.__dict__, ensure_ascii=False))
        return
    data = load_judgements()
    if args.dump:
        dump(rows, data)
    report(rows, data)


if __name__ == "__main__":
    main()
