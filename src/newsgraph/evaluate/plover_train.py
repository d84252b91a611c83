"""Train the event-type classifier (src/newsgraph/data/events/event_types.json).

Usage: PYTHONPATH=src python scripts/train_event_types.py [--no-write] [--folds 5]
(needs scikit-learn; only this module imports it, never the extraction path)

1. Runs the pipeline (without the classifier) on every PLV train sentence and keeps, per
   item, the candidate events whose source and target overlap the gold spans (the same rule
   as `newsgraph eval plover`).
2. 5-fold cross-validation by sentence: a logistic regression over trigger/argument
   features (events_types.type_features) is trained on four folds and the held-out fold is
   scored end to end (undetected items count as misses). This is the reported figure.
   The combination with the lexicon (override/keep thresholds) is chosen on the CV folds:
   the best macro F1 among the settings detecting at least ``--detection-floor`` of the
   items (default 0.85, the issue's bar) and typing model-only events at MIN_ALONE (0.3)
   or above. Without that minimum the floor picked a model-only threshold of 0.2: on 120
   Wikinews articles 795 events instead of 594, 422 instead of 221 of them below
   confidence 0.35 (model-only types are right about 40% of the time): weak events.
3. Fits on all items and writes the weights as JSON (pruned, rounded), deterministically.
4. Scores the shipped-to-be model on gsr-extra.jsonl (held out; never trained on).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
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
OVERRIDES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.9, 1.01)
TRAIN_ALL_MATCHES = True  # every candidate matching the gold pair is a training example
Setting = tuple[object, ...]  # (override, alone, fallback) thresholds, or ("lexicon",)
FALLBACKS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
ALONES = (0.0, 0.1, 0.2, 0.3, 0.5)
# Model-only types (a dictionary verb the lexicon leaves uncoded) below this probability are
# not chosen, whatever the CV says: at 0.2 (chosen on the CV folds by 0.001 of macro F1 over
# 0.3) the 120-article Wikinews sample grew from ~600 events to 835, 453 of them weak
# ("wrote", "served", "voted" as CONCEDE, the majority class)
MIN_ALONE = 0.3
DETECTION_FLOOR = 0.85
OUT = Path(__file__).resolve().parents[1] / "data/events/event_types.json"


@dataclass
class Found:
    features: list[str]
    lexical: str | None
    confidence: float
    has_target: bool
    fallback: bool = False
    nominal: bool = False  # a bare event noun: its lexicon type is kept (events._assign_type)


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
                    Found(
                        feats,
                        lexical,
                        cand.confidence,
                        bool(cand.targets),
                        cand.fallback,
                        ev.bare_noun(cand),
                    )
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


Overrides = float | dict[str, float]  # one threshold, or per lexicon type ("*": the rest)


def _override_for(override: Overrides, lexical: str) -> float:
    if isinstance(override, dict):
        return override.get(lexical, override["*"])
    return override


def _type_of(
    f: Found, model: TypeModel | None, override: Overrides, alone: float, fallback: float
) -> str | None:
    """Mirror of events._assign_type with given thresholds."""
    result = classify(f.features, model) if model and f.features else None
    if result is None or (f.nominal and f.lexical):
        return f.lexical
    predicted, prob = result
    same = ev.SYSTEM_SAME.get(f.lexical or "", f.lexical)
    if f.lexical and (prob < _override_for(override, f.lexical) or same == predicted):
        return f.lexical
    if not f.lexical and prob < (fallback if f.fallback else alone):
        return None
    return predicted


def predict(
    found: list[Found],
    model: TypeModel | None,
    override: Overrides,
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
    settings = [(o, a, b) for o in OVERRIDES for a in ALONES for b in FALLBACKS]
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
    """The best lexicon/model combination on the CV folds, refined per lexicon type, and the
    nested cross-validated score table of that whole procedure."""
    preds = cross_validate(items, found, folds)
    scored = [(macro(score(items, p).rows), s, _detection(p)) for s, p in preds.items()]
    best = _conservative(scored)
    _, nested = per_type_overrides(items, found, folds, best)
    return best, nested


MIN_SUPPORT = 20
RARE_TYPE_OVERRIDE = 0.5
OVERRIDE_STEPS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9, 1.01)


def _fold_models(
    items: list[Item], found: list[list[Found]], folds: int
) -> list[tuple[list[int], TypeModel]]:
    kf = KFold(n_splits=folds, shuffle=True, random_state=SEED)
    return [
        (list(test), fit(*training_pairs(items, found, list(train))))
        for train, test in kf.split(np.arange(len(items)))
    ]


def _choose_overrides(
    items: list[Item],
    found: list[list[Found]],
    models: list[tuple[list[int], TypeModel]],
    keep: set[int],
    setting: Setting,
) -> dict[str, float]:
    """Per lexicon type, the override threshold that maximises macro F1 over the held-out
    predictions of the items in ``keep`` (one pass of coordinate ascent, ties → the global
    threshold)."""
    base, alone, fallback = (float(x) for x in setting)  # type: ignore[arg-type]
    kept = sorted(keep)
    sub = [items[i] for i in kept]
    where = {i: model for test, model in models for i in test}

    def macro_of(ov: dict[str, float]) -> float:
        preds = [predict(found[i], where[i], ov, alone, fallback) for i in kept]
        return macro(score(sub, preds).rows)

    # a lexicon type too rare to tune keeps the model from overriding it on a weak guess
    overrides: dict[str, float] = {"*": max(base, RARE_TYPE_OVERRIDE)}
    support = Counter(f.lexical for i in kept for f in found[i] if f.lexical and f.features)
    # a type-specific threshold only where the lexicon types enough training candidates:
    # on a dozen examples (COOPERATE, MOBILIZE, PROTEST) the choice is noise, and letting
    # the model override the lexicon's nominal "cooperation" mistypes whole-article events
    for lexical in sorted(t for t, n in support.items() if n >= MIN_SUPPORT):
        overrides[lexical] = max(
            (macro_of({**overrides, lexical: v}), -abs(v - base), v) for v in OVERRIDE_STEPS
        )[2]
    return overrides


def per_type_overrides(
    items: list[Item], found: list[list[Found]], folds: int, setting: Setting
) -> tuple[dict[str, float], EvalTable]:
    """Override thresholds per lexicon type, chosen on all CV predictions (shipped), and a
    nested estimate of that choice: for each fold, thresholds chosen on the other folds'
    held-out predictions score this fold's."""
    models = _fold_models(items, found, folds)
    _, alone, fallback = (float(x) for x in setting)  # type: ignore[arg-type]
    everyone = set(range(len(items)))
    final = [NONE] * len(items)
    for test, model in models:
        chosen = _choose_overrides(items, found, models, everyone - set(test), setting)
        for i in test:
            final[i] = predict(found[i], model, chosen, alone, fallback)
    return _choose_overrides(items, found, models, everyone, setting), score(items, final)


def _detection(preds: list[str]) -> float:
    return sum(p != NONE for p in preds) / len(preds) if preds else 0.0


def _alone(setting: Setting) -> float:
    return float(setting[1])  # type: ignore[arg-type]


def _conservative(
    results: Sequence[tuple[float, Setting, float]],
    detection_floor: float = DETECTION_FLOOR,
    min_alone: float = MIN_ALONE,
) -> Setting:
    """The best lexicon-first combination among those detecting at least ``detection_floor``
    of the items (all of them when none does; see the module docstring) and typing model-only
    events at ``min_alone`` or above; on equal scores the one trusting the lexicon most
    (highest override threshold, then highest threshold for model-only events)."""
    chosen = [r for r in results if len(r[1]) == 3 and _alone(r[1]) >= min_alone]
    chosen = [r for r in chosen if r[2] >= detection_floor] or chosen
    top = max(r[0] for r in chosen)
    return max(r[1] for r in chosen if r[0] >= top)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--cached", action="store_true", help="reuse /tmp/ev/found.pkl")
    parser.add_argument(
        "--detection-floor",
        type=float,
        default=DETECTION_FLOOR,
        help=f"choose among settings detecting at least this share (default {DETECTION_FLOOR})",
    )
    args = parser.parse_args()
    path = shared_path("eval", "plover", "train.jsonl")
    if path is None:
        raise SystemExit("PLV train split not found (../shared/eval/plover/train.jsonl)")
    items = load_items(path)
    import pickle

    cache = Path("/tmp/ev/found.pkl")
    cache.parent.mkdir(parents=True, exist_ok=True)
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
        results.append((macro(table.rows), setting, _detection(p), table.notes))
    results.sort(key=lambda r: r[0], reverse=True)
    others = [r for r in results if len(r[1]) != 3][:4]
    for m, setting, _, notes in [r for r in results if len(r[1]) == 3][:6] + others:
        print(f"CV {setting}: macro F1 {m:.3f} | " + " | ".join(notes or []))
    best = _conservative([r[:3] for r in results], args.detection_floor)
    print(f"chosen combination (override, alone, fallback): {best}")
    overrides, nested = per_type_overrides(items, found, args.folds, best)
    print(f"per-type overrides: {overrides}")
    print(f"nested CV with per-type overrides: macro F1 {macro(nested.rows):.3f} | "
          + " | ".join(nested.notes or []))
    for row in nested.rows[:-1]:
        print("   ", "  ".join(row))
    model = fit(*training_pairs(items, found, list(range(len(items)))))
    extra = shared_path("eval", "plover", "gsr-extra.jsonl")
    if extra is not None and len(best) == 3:
        ex_items = load_items(extra)
        ex_found = collect(ex_items)
        _, alone, fallback = (float(x) for x in best)  # type: ignore[arg-type]
        runs: list[tuple[str, TypeModel | None]] = [("lexicon", None), ("model", model)]
        for name, run_model in runs:
            table = score(ex_items, [predict(f, run_model, overrides, alone, fallback) for f in ex_found])
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
            "combination": {
                **dict(zip(("override", "alone", "fallback"), best, strict=True)),
                "override": overrides["*"],  # the types not tuned one by one
                "override_by_type": {k: v for k, v in overrides.items() if k != "*"},
            },
        }
        OUT.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB, {len(model.weights)} features)")


if __name__ == "__main__":
    main()
