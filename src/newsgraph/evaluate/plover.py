"""`newsgraph eval plover`: sentence-level PLOVER gold (source, target, type) against the system.

Each gold item is one sentence with its source ``<s>…</s>`` and target ``<t>…</t>`` marked.
The system runs on the bare sentence (batched through ``nlp.pipe``); an item is detected when
one event's source mentions overlap the gold source and its target mentions the gold target.
Gold YIELD is PLOVER CONCEDE; PLOVER 2021 split the old YIELD into CONCEDE and RETREAT, so a
system RETREAT counts as CONCEDE here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.scores import EvalTable
from newsgraph.model import Analysis, Article, Event

MARK_RE = re.compile(r"<(s|t)>(.*?)</\1>", re.S)
# PLV's YIELD and the PLOVER 0.5 names of the gold-standard records, as today's types
GOLD_ALIASES = {
    "YIELD": "CONCEDE", "RETREAT": "CONCEDE", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}  # fmt: skip
SYSTEM_ALIASES = {"RETREAT": "CONCEDE"}
NONE = "-"
TRAINING_FILE = "train.jsonl"  # the PLV split the event-type model is trained on


@dataclass
class Item:
    sentence: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    gold: str


def parse_marked(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the character spans of the <s> and <t> marks in it."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        spans[m.group(1)] = (length, length + len(m.group(2)))
        out.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def load_items(path: Path) -> list[Item]:
    """PLV items (``marked_sentence``, ``gold_root``) or PLOVER gold-standard records
    (``text``, ``event``, ``source``/``target`` lists with their texts)."""
    items: list[Item] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if "marked_sentence" not in row:
                items.append(_record_item(row))
                continue
            text, spans = parse_marked(row["marked_sentence"])
            gold = GOLD_ALIASES.get(row["gold_root"], row["gold_root"])
            items.append(Item(text, spans.get("s"), spans.get("t"), gold))
    return items


def _first_span(text: str, parts: list[dict[str, str | None]]) -> tuple[int, int] | None:
    """The first participant's text found in the sentence (None: any participant matches)."""
    for part in parts:
        name = part.get("text")
        if name and (at := text.find(name)) >= 0:
            return at, at + len(name)
    return None


def _record_item(row: dict[str, object]) -> Item:
    text = str(row["text"])
    gold = str(row["event"])
    source = _first_span(text, row.get("source") or [])  # type: ignore[arg-type]
    target = _first_span(text, row.get("target") or [])  # type: ignore[arg-type]
    return Item(text, source, target, GOLD_ALIASES.get(gold, gold))


def _overlaps(analysis: Analysis, actor_ids: list[str], span: tuple[int, int] | None) -> bool:
    if span is None:
        return True
    for aid in actor_ids:
        actor = analysis.actor(aid)
        if actor and any(m.start < span[1] and span[0] < m.end for m in actor.mentions):
            return True
    return False


def match_event(analysis: Analysis, item: Item) -> Event | None:
    """The most confident event whose source and target overlap the gold ones."""
    hits = [
        e
        for e in analysis.events
        if _overlaps(analysis, e.source, item.source) and _overlaps(analysis, e.target, item.target)
    ]
    return max(hits, key=lambda e: e.confidence, default=None)


def predict(items: list[Item], batch_size: int = 64) -> list[str]:
    """The system's type per item (NONE when no event matches the gold pair)."""
    from newsgraph.pipeline import analyze_doc
    from newsgraph.read.nlp import load_nlp

    nlp = load_nlp()
    preds: list[str] = []
    docs = nlp.pipe((it.sentence for it in items), batch_size=batch_size)
    for n, (item, doc) in enumerate(zip(items, docs, strict=True)):
        article = Article(id=f"plover-{n}", body=item.sentence)
        event = match_event(analyze_doc(article, doc), item)
        preds.append(SYSTEM_ALIASES.get(event.type, event.type) if event else NONE)
    return preds


def score(items: list[Item], preds: list[str]) -> EvalTable:
    types = sorted({it.gold for it in items})
    detected = [p != NONE for p in preds]
    n_det = sum(detected)
    correct = sum(1 for it, p in zip(items, preds, strict=True) if p == it.gold)
    gold_n = Counter(it.gold for it in items)
    pred_n = Counter(p for p in preds if p != NONE)
    tp = Counter(it.gold for it, p in zip(items, preds, strict=True) if p == it.gold)
    rows: list[list[str]] = []
    f1s: list[float] = []
    for t in types:
        p = tp[t] / pred_n[t] if pred_n[t] else 0.0
        r = tp[t] / gold_n[t] if gold_n[t] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        rows.append([t, f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", f"gold={gold_n[t]} pred={pred_n[t]}"])
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    rows.append(["macro F1", "", "", f"{macro:.3f}", f"over {len(types)} types"])
    notes = [
        f"items: {len(items)}; detection rate: {n_det / len(items):.3f}",
        f"type accuracy on detected: {correct / n_det if n_det else 0.0:.3f}",
        f"end-to-end accuracy: {correct / len(items):.3f}; macro F1: {macro:.3f}",
    ]
    return EvalTable(
        title="PLOVER sentence gold",
        columns=["type", "precision", "recall", "F1", "counts"],
        rows=rows,
        notes=notes,
    )


def evaluate(path: Path | None = None, limit: int | None = None) -> EvalTable:
    if path is None:
        from newsgraph.evaluate.gold import shared_path

        path = shared_path("eval", "plover", "train.jsonl")
        if path is None:
            raise FileNotFoundError("PLOVER gold not found: set NEWSGRAPH_SHARED")
    items = load_items(path)[:limit] if limit else load_items(path)
    table = score(items, predict(items))
    if path.name == TRAINING_FILE and table.notes is not None:
        table.notes.append(
            "in-sample: the shipped type model was trained on this file; the valid figure is "
            "the 5-fold cross-validation of scripts/train_event_types.py"
        )
    return table


def main() -> None:
    import sys

    table = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    for row in table.rows:
        print("  ".join(f"{c:>10}" for c in row))
    for note in table.notes or []:
        print(note)


if __name__ == "__main__":
    main()
