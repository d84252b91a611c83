"""pipeline.warm_up pays every one-off load, so a worker's first article costs no more."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: in this test session another test may have loaded them already.
PROBE = """
from newsgraph.pipeline import warm_up
from newsgraph.extract import actors_lexicon, events_lexicon, events_types, gazetteer
from newsgraph.extract import events_actors, quotes_lexicon
from newsgraph.read.nlp import load_nlp
loaders = {
    "spacy": load_nlp, "actor lexicon": actors_lexicon.lexicon,
    "gazetteer": gazetteer.load_gazetteer, "verb lexicon": events_lexicon.verb_lexicon,
    "noun triggers": events_lexicon.noun_triggers, "event type model": events_types.type_model,
    "country codes": events_actors.country_codes, "quote cues": quotes_lexicon.cue_lexicon,
}
before = [name for name, f in loaders.items() if f.cache_info().currsize]
warm_up()
print("loaded before:", before)
print("not loaded:", [name for name, f in loaders.items() if not f.cache_info().currsize])
"""


def test_warm_up_loads_every_model_once() -> None:
    src = str(ROOT / "src")
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src, "PATH": ""},
        timeout=300,
    ).stdout
    assert "loaded before: []" in out, out
    assert "not loaded: []" in out, out
