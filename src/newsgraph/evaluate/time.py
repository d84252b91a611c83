"""`newsgraph eval time`: the time extractor against TempEval-3 TIMEX3 gold (JSONL).

Scores as the TempEval-3 task defines them (UzZaman et al. 2013): strict span match (same
offsets) and relaxed span match (overlap) precision/recall/F1; for the attributes, a
relaxed-matched pair counts as correct when the attribute is equal, and attribute
P = correct / system timexes, R = correct / gold timexes (so value F1 folds in both
finding and normalising). Type accuracy is also given over the relaxed matches.

TempEval-3 annotates the two ends of a range ("2009-2010") as two timexes; the system keeps a
range as one expression (the analysis contract wants "2024-12-23/2024-12-27"), so for this
scoring a range is replaced by its two ends.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.scores import PRF, EvalTable
from newsgraph.extract.times import find_in_doc
from newsgraph.extract.times_grammar import Found
from newsgraph.read.nlp import load_nlp

DEFAULT_PATH = ("eval", "time", "te3-platinum-dev.jsonl")


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


def load_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_ranges(found: list[Found]) -> list[Found]:
    """TempEval-3 convention: a range is two timexes, one per end."""
    out: list[Found] = []
    for item in found:
        out.extend(item.parts or [item])
    return out


def system_timexes(text: str, dct: dt.date | None, doc: Any = None) -> list[Timex]:
    doc = doc if doc is not None else load_nlp()(text)
    return [Timex(f.start, f.end, f.type, f.value, text[f.start:f.end])
            for f in split_ranges(find_in_doc(doc, dct))]


def match_relaxed(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping timexes, the largest overlaps first."""
    pairs = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                pairs.append((overlap, id(g), id(s), g, s))
    pairs.sort(key=lambda p: -p[0])
    used_g: set[int] = set()
    used_s: set[int] = set()
    matched = []
    for _, gid, sid, g, s in pairs:
        if gid in used_g or sid in used_s:
            continue
        used_g.add(gid)
        used_s.add(sid)
        matched.append((g, s))
    return matched


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
        self.gold += len(gold)
        self.system += len(system)
        spans = {(s.start, s.end) for s in system}
        self.strict += sum((g.start, g.end) in spans for g in gold)
        pairs = match_relaxed(gold, system)
        self.relaxed += len(pairs)
        self.type_ok += sum(g.type == s.type for g, s in pairs)
        self.value_ok += sum(g.value == s.value for g, s in pairs)
        return pairs

    def prf(self, name: str, correct: int) -> PRF:
        return PRF(name, tp_sys=correct, fp=self.system - correct, tp_gold=correct,
                   fn=self.gold - correct)

    def scores(self) -> list[PRF]:
        return [self.prf("strict span", self.strict), self.prf("relaxed span", self.relaxed),
                self.prf("type", self.type_ok), self.prf("value", self.value_ok)]


def score_docs(docs: list[dict[str, Any]], show_errors: bool = False) -> tuple[Counts, float]:
    nlp = load_nlp()
    counts = Counts()
    elapsed = 0.0
    for record in docs:
        text = record["text"]
        dct = dt.date.fromisoformat(record["dct"]) if record.get("dct") else None
        doc = nlp(text)
        started = time.perf_counter()
        system = system_timexes(text, dct, doc)
        elapsed += time.perf_counter() - started
        gold = [Timex(t["start"], t["end"], t["type"], t["value"], t["text"])
                for t in record["timexes"]]
        pairs = counts.add(gold, system)
        if show_errors:
            _print_errors(record["doc_id"], gold, system, pairs)
    return counts, elapsed


def _print_errors(doc_id: str, gold: list[Timex], system: list[Timex],
                  pairs: list[tuple[Timex, Timex]]) -> None:
    matched_g = {id(g) for g, _ in pairs}
    matched_s = {id(s) for _, s in pairs}
    for g in gold:
        if id(g) not in matched_g:
            print(f"{doc_id} MISS {g.text!r} {g.type} {g.value}")
    for s in system:
        if id(s) not in matched_s:
            print(f"{doc_id} EXTRA {s.text!r} {s.type} {s.value}")
    for g, s in pairs:
        if g.value != s.value or g.type != s.type:
            print(f"{doc_id} WRONG {g.text!r}/{s.text!r} {g.type}/{s.type} {g.value}/{s.value}")


def evaluate(path: Path | None = None) -> EvalTable:
    path = path or shared_path(*DEFAULT_PATH)
    if path is None:
        raise FileNotFoundError("TempEval-3 gold not found: put ../shared beside the checkout "
                                "or set NEWSGRAPH_SHARED")
    docs = load_docs(path)
    counts, _ = score_docs(docs)
    accuracy = counts.type_ok / counts.relaxed if counts.relaxed else 0.0
    notes = [
        f"{len(docs)} documents, {counts.gold} gold timexes, {counts.system} system timexes",
        f"type accuracy over relaxed matches: {accuracy:.3f}",
        "value/type rows: correct attribute over system (P) and gold (R) timexes, TempEval-3",
    ]
    return EvalTable.from_prf(f"TempEval-3 timexes: {path.name}", counts.scores(), notes)


if __name__ == "__main__":  # python -m newsgraph.evaluate.time [path] [--errors]
    import sys

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    target = Path(args[0]) if args else shared_path(*DEFAULT_PATH)
    assert target is not None
    if "--errors" in sys.argv:
        score_docs(load_docs(target), show_errors=True)
    table = evaluate(target)
    for row in table.rows:
        print("  ".join(row))
    for note in table.notes or []:
        print(note)
