"""The event-type classifier: its features come from the trigger, and the shipped model loads."""

from __future__ import annotations

from newsgraph.extract.events_lexicon import cameo_info
from newsgraph.extract.events_types import (
    DEFAULT_CODES,
    TypeModel,
    classify,
    type_features,
    type_model,
)
from newsgraph.read.nlp import load_nlp


def _trigger(text: str, word: str) -> list:  # type: ignore[type-arg]
    doc = load_nlp()(text)
    return [next(t for t in doc if t.text == word)]


def test_features_describe_trigger_and_arguments_not_the_whole_sentence() -> None:
    text = (
        "Far away in the mountains, after a long and quiet winter, the rebels attacked "
        "the convoy near the border."
    )
    feats = type_features(_trigger(text, "attacked"), "190")
    assert "lem=attack" in feats and "code=190" in feats
    assert "obj=convoy" in feats
    assert not any(f.endswith(("mountain", "quiet", "far")) for f in feats)  # far words


def test_governor_and_negation_features() -> None:
    feats = type_features(_trigger("Iran refused to release the sailors.", "release"), "0841")
    assert "gov0=refuse" in feats
    feats = type_features(_trigger("The army did not attack the village.", "attack"), "190")
    assert "neg" in feats


def test_default_codes_agree_with_their_types() -> None:
    for ptype, code in DEFAULT_CODES.items():
        assert cameo_info(code).plover == ptype


def test_classify_is_a_softmax_over_weights() -> None:
    model = TypeModel(
        labels=("ACCUSE", "AID"), bias=(0.0, 0.0), weights={"lem=donate": (-2.0, 2.0)}
    )
    label, prob = classify(["lem=donate", "unknown"], model) or ("", 0.0)
    assert label == "AID" and 0.9 < prob < 1.0
    label, prob = classify([], model) or ("", 0.0)
    assert prob == 0.5


def test_shipped_model_loads_and_is_small() -> None:
    model = type_model()
    assert model is not None
    assert set(model.labels) <= set(DEFAULT_CODES)
    assert 0.0 <= model.override <= 1.01 and 0.0 <= model.alone <= 1.0
    from importlib import resources

    size = resources.files("newsgraph.data.events").joinpath("event_types.json").read_bytes()
    assert len(size) < 2_000_000


def test_complement_code_feature() -> None:
    """ "agreed to provide aid": the complement's CAMEO root is a feature of the governor."""
    feats = type_features(_trigger("Japan agreed to provide aid to Haiti.", "agreed"), "030")
    assert "comp=provide" in feats
    assert any(f.startswith("compcode=") and f != "compcode=-" for f in feats)


def test_override_threshold_per_lexicon_type() -> None:
    model = TypeModel(labels=("AGREE",), bias=(0.0,), weights={}, override=0.5,
                      override_by_type={"REQUEST": 0.0})
    assert model.override_for("REQUEST") == 0.0
    assert model.override_for("ACCUSE") == 0.5
    shipped = type_model()
    assert shipped is not None
    assert all(0.0 <= v <= 1.01 for v in shipped.override_by_type.values())
