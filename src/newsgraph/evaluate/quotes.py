"""Quote evaluation against a hand-annotated gold set (YAML list or JSONL records).

Record: ``{id, url, body (or text), published, quotes: [{text, start, end, speaker,
speaker_mention, kind}]}``. A system quote matches a gold quote when it covers at least 30%
of the gold quote's characters (as GenderGapTracker counts). Speaker accuracy is over
matched gold quotes: the gold speaker against the system speaker actor (see
``speaker_matches``).

Splits: articles at even positions in the file are the development half (errors may be
studied and fixed), odd positions the held-out half (numbers only). ``evaluate`` reports both
and the total.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from newsgraph.evaluate.scores import PRF, EvalTable
from newsgraph.model import Analysis, Article, Quote

MIN_COVER = 0.30
MENTION_WINDOW = 600  # how far from the quote the gold speaker_mention is looked for (chars)
Split = Literal["dev", "test", "all"]
SPLITS: tuple[Split, ...] = ("dev", "test", "all")
_NON_WORD = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s\b")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "the", "a", "an", "qc", "kc", "jr", "sr"})


def load_records(path: Path) -> list[dict[str, Any]]:
    text = path.read_text("utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    data = yaml.safe_load(text)
    records = data.get("articles", data) if isinstance(data, dict) else data
    return list(records or [])


def split_records(records: list[dict[str, Any]], split: Split) -> list[dict[str, Any]]:
    """dev: even positions in the file; test (held out): odd positions; all: every record."""
    if split == "all":
        return list(records)
    parity = 0 if split == "dev" else 1
    return [r for i, r in enumerate(records) if i % 2 == parity]


def locate(body: str, quote: str) -> tuple[int, int] | None:
    """Where the gold quote text is in the body (exact, else whitespace/case-insensitive)."""
    quote = quote.strip().strip("\"“”‘’«»'").strip()
    if not quote:
        return None
    i = body.find(quote)
    if i >= 0:
        return i, i + len(quote)
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    m = re.search(pattern, body, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def gold_span(body: str, item: dict[str, Any]) -> tuple[int, int] | None:
    """The gold quote's offsets: its own start/end when they hold its text, else located."""
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and body[start:end] == item.get("text"):
        return start, end
    return locate(body, str(item["text"]))


def _cover(quote: Quote, gold: tuple[int, int]) -> float:
    overlap = min(quote.end, gold[1]) - max(quote.start, gold[0])
    return max(overlap, 0) / max(gold[1] - gold[0], 1)


def _fit(quote: Quote, gold: tuple[int, int] | None) -> float:
    """How well a system quote fits a gold one: shared characters over their union."""
    if gold is None:
        return 0.0
    overlap = max(min(quote.end, gold[1]) - max(quote.start, gold[0]), 0)
    union = max(quote.end, gold[1]) - min(quote.start, gold[0])
    return overlap / max(union, 1)


def fold(text: str) -> list[str]:
    """Words of a name, case- and diacritics-insensitive, without possessives or titles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text)).lower()
    return [w for w in text.split() if w not in _TITLES]


def is_proper_name(name: str) -> bool:
    """A name ("Nancy Pelosi", "the Court of Session") rather than a description ("a fire
    officer", "officials"): its last word is capitalised."""
    words = _NON_WORD.sub(" ", _POSSESSIVE.sub("", name)).split()
    return bool(words) and words[-1][:1].isupper()


def _names_match(gold: list[str], name: list[str], proper: bool) -> bool:
    """Equal; for a proper name also the same surname (last word) or one a whole edge of the
    other. A description's last word is its head noun ("a police officer", "a fire officer"):
    sharing it says nothing, so descriptions match only whole (or through the mention)."""
    if not gold or not name:
        return False
    if gold == name:
        return True
    if not proper:
        return False
    if gold[-1] == name[-1]:
        return True
    short, long_ = (gold, name) if len(gold) <= len(name) else (name, gold)
    return long_[: len(short)] == short


def mention_near(body: str, mention: str, quote: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of the gold speaker_mention nearest the quote (within a window)."""
    best: tuple[int, int] | None = None
    best_gap = MENTION_WINDOW + 1
    lo = max(0, quote[0] - MENTION_WINDOW)
    hi = min(len(body), quote[1] + MENTION_WINDOW)
    for m in re.finditer(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", body[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        gap = 0 if s < quote[1] and quote[0] < e else min(abs(s - quote[1]), abs(quote[0] - e))
        if gap < best_gap:
            best, best_gap = (s, e), gap
    return best


def speaker_matches(
    analysis: Analysis,
    quote: Quote,
    gold_name: str | None,
    gold_mention: str | None = None,
    gold_at: tuple[int, int] | None = None,
) -> bool:
    """Is the system's speaker the gold speaker?

    Names compare case- and diacritics-insensitively, a surname match accepted for proper
    names (not for descriptions, whose last word is a common head noun); each part of a
    joint speaker ("A and B") counts. A described speaker ("a police spokesperson")
    matches an actor with a mention overlapping the gold speaker_mention next to the quote.
    """
    if not gold_name:
        return quote.speaker is None
    actor = analysis.actor(quote.speaker)
    if actor is None:
        return False
    parts = [part for part in re.split(r"\s+and\s+|,\s*", gold_name) if part.strip()]
    golds = [(fold(part), is_proper_name(part)) for part in parts]
    for name in [actor.name, *(m.text for m in actor.mentions)]:
        words = fold(name)
        if any(_names_match(g, words, proper) for g, proper in golds):
            return True
    if gold_mention and gold_at is not None:
        where = mention_near(analysis.article.body, gold_mention, gold_at)
        if where is not None:
            return any(m.start < where[1] and where[0] < m.end for m in actor.mentions)
    return False


@dataclass
class ArticleScore:
    """One article's matches: which gold quotes were found, by which system quote."""

    analysis: Analysis
    gold: list[dict[str, Any]]
    spans: list[tuple[int, int] | None]
    matched: dict[int, Quote] = field(default_factory=dict)  # gold index -> system quote
    false_positives: list[Quote] = field(default_factory=list)
    speaker_right: dict[int, bool] = field(default_factory=dict)

    @property
    def misses(self) -> list[int]:
        return [i for i in range(len(self.gold)) if i not in self.matched]


def score_article(analysis: Analysis, gold_quotes: list[dict[str, Any]]) -> ArticleScore:
    body = analysis.article.body
    result = ArticleScore(analysis, gold_quotes, [gold_span(body, g) for g in gold_quotes])
    best: dict[int, tuple[float, bool]] = {}  # gold index -> (cover, same kind) of its match
    for quote in analysis.quotes:
        hits = [
            i for i, where in enumerate(result.spans)
            if where and _cover(quote, where) >= MIN_COVER
        ]
        if not hits:
            result.false_positives.append(quote)
        for i in hits:
            # The system quote that fits the gold one best, not merely the first to cover it:
            # a partial inside an indirect clause is matched by the system's partial.
            fit = (_fit(quote, result.spans[i]), quote.kind == gold_quotes[i].get("kind"))
            if i not in best or fit > best[i]:
                best[i], result.matched[i] = fit, quote
    for i, quote in result.matched.items():
        g = gold_quotes[i]
        result.speaker_right[i] = speaker_matches(
            analysis, quote, g.get("speaker"), g.get("speaker_mention"), result.spans[i]
        )
    return result


@dataclass
class Totals:
    prf: PRF
    right: int = 0
    matched: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.matched if self.matched else 0.0

    def add(self, score: ArticleScore) -> None:
        self.prf.tp_sys += len(score.analysis.quotes) - len(score.false_positives)
        self.prf.fp += len(score.false_positives)
        self.prf.tp_gold += len(score.matched)
        self.prf.fn += len(score.misses)
        self.right += sum(score.speaker_right.values())
        self.matched += len(score.matched)


def analyse_records(records: list[dict[str, Any]]) -> list[ArticleScore]:
    from newsgraph.pipeline import analyze_articles

    articles = [
        Article(
            id=str(r["id"]),
            url=r.get("url"),
            published=str(r["published"]) if r.get("published") else None,
            body=r.get("body") or r["text"],
        )
        for r in records
    ]
    return [
        score_article(analysis, record.get("quotes") or [])
        for record, analysis in zip(records, analyze_articles(articles), strict=True)
    ]


def totals(scores: list[ArticleScore], name: str) -> Totals:
    total = Totals(PRF(name))
    for s in scores:
        total.add(s)
    return total


def evaluate(path: Path, split: Split = "all") -> EvalTable:
    """Quote P/R/F1 and speaker accuracy; for ``all``, the dev and held-out halves too."""
    records = load_records(path)
    parts: list[tuple[str, Split]] = (
        [("dev", "dev"), ("held-out", "test"), ("all", "all")] if split == "all"
        else [(split, split)]
    )
    wanted = split_records(records, split)
    scores = dict(zip((id(r) for r in wanted), analyse_records(wanted), strict=True))
    table = EvalTable(
        title=f"quotes vs {path.name} (≥30% of gold characters)",
        columns=["part", "precision", "recall", "F1", "counts"],
        rows=[],
    )
    for label, part in parts:
        chosen = [scores[id(r)] for r in split_records(records, part) if id(r) in scores]
        total = totals(chosen, f"quotes {label}")
        table.rows.append(list(total.prf.row()))
        table.rows.append(
            [f"speaker accuracy {label}", "", "", f"{total.accuracy:.3f}",
             f"{total.right}/{total.matched} matched"]
        )
    return table


def main(argv: list[str] | None = None) -> None:
    import argparse

    from newsgraph.cli import _print_tables

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(argv)
    _print_tables(evaluate(args.gold, args.split))


if __name__ == "__main__":
    main()
