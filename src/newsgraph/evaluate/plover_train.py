"""Train the event-type classifier (src/newsgraph/data/events/event_types.json).

Usage: PYTHONPATH=src python scripts/train_event_types.py [--no-write] [--folds 5]
(needs scikit-learn; only this module imports it, never the extraction path)

1. Runs the pipeline (without the classifier) on every PLV train sentence and keeps, per
   item, the candidate events whose source and target overlap the gold spans (the same rule
   as `newsgraph eval plover`).
2. 5-fold cross-validation by sentence: a logistic regression over trigger/argument
   features (events_types.type_features) is trained on four folds and the held-out fold is
   scored end to end (undetected items count as misses). This is the reported figure.
   The combination with the lexicon (override/keep thresholds) is chosen on the CV folds.
3. Fits on all items and writes the weights as JSON (pruned, rounded), deterministically.
4. Scores the shipped-to-be model on gsr-extra.jsonl (held out; never trained on).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from newsgraph.evaluate.gold import shared_path
from newsgraph.evaluate.plover import NONE, SYSTEM_ALIASES, Item, load_items, score
from newsgraph.evaluate.scores import EvalTable
from newsgraph.extract import events as ev
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.claims import extract_claims
from newsgraph.extract.context import Context
from newsgraph.extract.events_types import TypeModel, classify, type_features
from newsgraph.extract.places import extract_places
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.times import extract_times
from newsgraph.model import Actor, Article

SEED = 13
C = 3.0
OVERRIDES = (0.5, 0.6, 0.7, 0.9, 1.01)
TRAIN_ALL_MATCHES = True  # every candidate matching the gold pair is a training example
Setting = tuple[object, ...]  # (override, alone, fallback) thresholds, or ("lexicon",)
FALLBACKS = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
OUT = Path(__file__).resolve().parents[1] / "data/events/event_types.json"


@dataclass
class Found:
    features: list[str]
    lexical: str | None
    confidence: float
    has_target: bool
    fallback: bool = False


def _overlaps(actors: list[Actor], span: tuple[int, int] | None) -> bool:
    if span is None:
        return True
    return any(m.start < span[1] and span[0] < m.end for a in actors for m in a.mentions)


def collect(items: list[Item]) -> list[list[Found]]:
    """Per item, the candidates matching its gold source and target."""
    from newsgraph.read.nlp import load_nlp

    nlp = load_nlp()
    out: list[list[Found]] = []
    for n, (item, doc) in enumerate(zip(items, nlp.pipe(i.sentence for i in items), strict=True)):
        ctx = Context(article=Article(id=f"t{n}", body=item.sentence))
        ctx.times = extract_times(doc, ctx)
        ctx.actors = extract_actors(doc, ctx)
        ctx.places = extract_places(doc, ctx)
        ctx.quotes = extract_quotes(doc, ctx)
        ctx.claims = extract_claims(doc, ctx)
        found = []
        for _sent, cand in ev.event_candidates(doc, ctx):
            if _overlaps(cand.sources, item.source) and _overlaps(cand.targets, item.target):
                lexical = ev.lexicon_type(cand)
                feats = type_features(cand.trigger, cand.code)
                if cand.rule:
                    feats = []  # typed by a frame rule: the classifier is not asked
                found.append(
                    Found(feats, lexical, cand.confidence, bool(cand.targets), cand.fallback)
                )
        out.append(found)
    return out


def fit(features: list[list[str]], labels: list[str]) -> TypeModel:
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f in features])
    clf = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    weights: dict[str, tuple[float, ...]] = {}
    for j, name in enumerate(names):
        col = clf.coef_[:, j]
        if np.abs(col).max() >= 0.02:
            weights[str(name)] = tuple(round(float(v), 3) for v in col)
    return TypeModel(
        labels=tuple(str(c) for c in clf.classes_),
        bias=tuple(round(float(b), 3) for b in clf.intercept_),
        weights=weights,
    )


def _type_of(
    f: Found, model: TypeModel | None, override: float, alone: float, fallback: float
) -> str | None:
    """Mirror of events._assign_type with given thresholds."""
    result = classify(f.features, model) if model and f.features else None
    if result is None:
        return f.lexical
    predicted, prob = result
    same = ev.SYSTEM_SAME.get(f.lexical or "", f.lexical)
    if f.lexical and (prob < override or same == predicted):
        return f.lexical
    if not f.lexical and prob < (fallback if f.fallback else alone):
        return None
    return predicted


def predict(
    found: list[Found],
    model: TypeModel | None,
    override: float,
    alone: float,
    fallback: float = 1.01,
) -> str:
    typed = [
        (f.confidence, -k, t)
        for k, f in enumerate(found)
        if (t := _type_of(f, model, override, alone, fallback))
        and (f.has_target or t in ev.TARGETLESS_TYPES)
    ]
    if not typed:
        return NONE
    best = max(typed)[2]
    return SYSTEM_ALIASES.get(best, best)


def training_pairs(
    items: list[Item], found: list[list[Found]], idx: list[int]
) -> tuple[list[list[str]], list[str]]:
    feats: list[list[str]] = []
    labels: list[str] = []
    for i in idx:
        if not found[i]:
            continue
        chosen = found[i] if TRAIN_ALL_MATCHES else [max(found[i], key=lambda f: f.confidence)]
        for f in chosen:
            if f.features:
                feats.append(f.features)
                labels.append(items[i].gold)
    return feats, labels


def macro(table_rows: list[list[str]]) -> float:
    return float(table_rows[-1][3])


def cross_validate(
    items: list[Item], found: list[list[Found]], folds: int
) -> dict[Setting, list[str]]:
    # the lexicon stays first: a model overriding every lexicon type (threshold 0) scores
    # within 0.01 here but mistypes in-article events (the seed's "cooperation",
    # "conducted launches"), so it is reported, not chosen
    settings = [(o, a, b) for o in OVERRIDES for a in (0.0, 0.3, 0.5) for b in FALLBACKS]
    preds_always = {(0.0, a, b): [NONE] * len(items) for a in (0.0, 0.3) for b in FALLBACKS}
    preds: dict[Setting, list[str]] = {s: [NONE] * len(items) for s in settings}
    preds[("lexicon",)] = [predict(f, None, 0, 0) for f in found]
    kf = KFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train_idx, test_idx in kf.split(np.arange(len(items))):
        model = fit(*training_pairs(items, found, list(train_idx)))
        for s in settings:
            for i in test_idx:
                preds[s][i] = predict(found[i], model, *s)
        for s, p in preds_always.items():
            for i in test_idx:
                p[i] = predict(found[i], model, *s)
    for s, p in preds_always.items():
        preds[("always", *s)] = p
    return preds


def cv_table(
    items: list[Item], found: list[list[Found]], folds: int = 5
) -> tuple[Setting, EvalTable]:
    """The best lexicon/model combination on the CV folds and its end-to-end score table."""
    preds = cross_validate(items, found, folds)
    scored = [(macro(score(items, p).rows), s, None) for s, p in preds.items()]
    best = _conservative(scored)
    return best, score(items, preds[best])


def _conservative(results: Sequence[tuple[float, Setting, object]]) -> Setting:
    """The best lexicon-first combination; on equal scores the one trusting the lexicon most
    (highest override threshold, then highest threshold for model-only events)."""
    chosen = [r for r in results if len(r[1]) == 3]
    top = max(r[0] for r in chosen)
    return max(r[1] for r in chosen if r[0] >= top)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--cached", action="store_true", help="reuse /tmp/ev3/found.pkl")
    args = parser.parse_args()
    path = shared_path("eval", "plover", "train.jsonl")
    if path is None:
        raise SystemExit("PLV train split not found (../shared/eval/plover/train.jsonl)")
    items = load_items(path)
    import pickle

    cache = Path("/tmp/ev3/found.pkl")
    if args.cached and cache.exists():
        found = pickle.loads(cache.read_bytes())
    else:
        found = collect(items)
        if args.cached:
            cache.write_bytes(pickle.dumps(found))
    preds = cross_validate(items, found, args.folds)
    results = []
    for setting, p in preds.items():
        table = score(items, p)
        results.append((macro(table.rows), setting, table.notes))
    results.sort(key=lambda r: r[0], reverse=True)
    others = [r for r in results if len(r[1]) != 3][:4]
    for m, setting, notes in [r for r in results if len(r[1]) == 3][:6] + others:
        print(f"CV {setting}: macro F1 {m:.3f} | " + " | ".join(notes or []))
    best = _conservative(results)
    print(f"chosen combination (override, alone, fallback): {best}")
    model = fit(*training_pairs(items, found, list(range(len(items)))))
    extra = shared_path("eval", "plover", "gsr-extra.jsonl")
    if extra is not None and len(best) == 3:
        ex_items = load_items(extra)
        ex_found = collect(ex_items)
        override, alone, fallback = (float(x) for x in best)  # type: ignore[arg-type]
        runs: list[tuple[str, TypeModel | None]] = [("lexicon", None), ("model", model)]
        for name, run_model in runs:
            table = score(ex_items, [predict(f, run_model, override, alone, fallback) for f in ex_found])
            print(
                f"gsr-extra {name}: macro F1 {macro(table.rows):.3f} | "
                + " | ".join(table.notes or [])
            )
    if not args.no_write:
        data = {
            "labels": model.labels,
            "bias": model.bias,
            "weights": model.weights,
            "trained_on": "PLV train split (1,050 sentences), scripts/train_event_types.py",
            "combination": dict(zip(("override", "alone", "fallback"), best, strict=True))
            if len(best) == 3
            else {},
        }
        OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB, {len(model.weights)} features)")


if __name__ == "__main__":
    main()
