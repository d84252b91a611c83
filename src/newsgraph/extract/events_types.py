"""PLOVER type of an event from its trigger and arguments: a small linear classifier.

Features describe the trigger (lemma, particle, the noun a light verb carries, its
dependency label, the lexicon's CAMEO code), its arguments (head lemmas of the object and of
prepositional objects, with their prepositions), the words governing it ("agreed to",
"is willing to", "refused to"), negation, passive, modals, and a window of three words on
each side. Never the whole sentence: the type belongs to the trigger, not to the text.

The weights (``data/events/event_types.json``) are trained by
``scripts/train_event_types.py`` on the PLV train split; see data/events/README.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from newsgraph.extract.events_lexicon import verb_lemma
from newsgraph.read.doccache import children_of, doc_ents, head_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MODEL_FILE = "event_types.json"
WINDOW = 3
ARG_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass", "acomp"})
GOVERNOR_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acomp", "conj", "dobj", "pobj", "acl"})
MODALS = frozenset({"will", "would", "could", "may", "might", "must", "should", "can", "shall"})

# The CAMEO code written when the classifier's type differs from the lexicon's: the
# type's generic code in CAMEO2PLOVER (its root or first leaf).
DEFAULT_CODES = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "051", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "084", "ACCUSE": "111", "REQUEST": "100", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "141", "SANCTION": "160", "MOBILIZE": "150",
    "COERCE": "170", "ASSAULT": "190",
}  # fmt: skip


@dataclass(frozen=True)
class TypeModel:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    # chosen on the cross-validation folds: the model overrides a lexicon type only when
    # at least this sure, and types an event the lexicon cannot type only when this sure
    override: float = 0.5
    alone: float = 0.3
    fallback: float = 0.6  # and types a verb outside the lexicon only when this sure
    # per lexicon type, the override threshold chosen on the CV folds (else ``override``)
    override_by_type: dict[str, float] = field(default_factory=dict)

    def override_for(self, lexical: str) -> float:
        return self.override_by_type.get(lexical, self.override)


def _lemma(tok: Token) -> str:
    if tok.pos_ == "VERB":
        return verb_lemma(tok)
    return tok.lemma_.lower()


def _code_root(tok: Token) -> str:
    from newsgraph.extract.events_lexicon import noun_triggers, verb_code

    lemma = _lemma(tok)
    if tok.pos_ == "VERB":
        code = verb_code(lemma, frozenset())
    else:
        entry = noun_triggers().get(lemma)
        code = entry.code if entry else None
    return code[:2] if code else "-"


def _dictionary_root(lemma: str) -> str | None:
    """The CAMEO root of the verb's default code in the PETRARCH2 dictionary, even where the
    lexicon does not trust it alone ("hit", "summon"): a hint for the classifier."""
    from newsgraph.extract.events_lexicon import verb_lexicon

    entry = verb_lexicon().get(lemma)
    return entry.code[:2] if entry is not None and entry.code else None


def _entity_kind(head: Token) -> str:
    """The argument's entity type ("GPE", "PERSON"), "MONEY" for a sum anywhere in it
    ("gave 352 million euros"), "-" for none: who or what the act is about."""
    if head.ent_type_:
        return head.ent_type_
    first, last = head.left_edge.i, head.right_edge.i
    if not any(e.label_ == "MONEY" and e.start <= last and first < e.end for e in doc_ents(head.doc)):
        return "-"  # no sum anywhere near: skip the subtree walk
    return "MONEY" if any(t.ent_type_ == "MONEY" for t in head.subtree) else "-"


def _arg_features(head: Token, prefix: str) -> list[str]:
    out: list[str] = []
    for child in children_of(head):
        if child.dep_ in ARG_DEPS:
            out.append(f"{prefix}obj={_lemma(child)}")
            out.append(f"{prefix}argent={_entity_kind(child)}")
            out.extend(
                f"{prefix}objmod={_lemma(m)}"
                for m in children_of(child)
                if m.dep_ in ("amod", "compound")
            )
        elif child.dep_ in ("prep", "agent"):
            out.append(f"{prefix}prep={child.lower_}")
            for pobj in children_of(child):
                if pobj.dep_ == "pobj":
                    out.append(f"{prefix}pobj={child.lower_}:{_lemma(pobj)}")
                    out.append(f"{prefix}argent={_entity_kind(pobj)}")
        elif child.dep_ == "prt":
            out.append(f"{prefix}prt={_lemma(child)}")
        elif child.dep_ in ("xcomp", "ccomp"):
            # "agreed to provide aid": the complement's own CAMEO root says what is agreed
            out.append(f"{prefix}comp={_lemma(child)}")
            out.append(f"{prefix}compcode={_code_root(child)}")
    return out


def type_features(trigger: list[Token], code: str) -> list[str]:
    """Feature strings for one event: trigger, lexicon code, arguments, governors, window."""
    head = trigger[0]
    lemma = _lemma(head)
    feats = [
        f"lem={lemma}",
        f"dep={head.dep_}",
        f"pos={head.pos_}",
        f"code={code or '-'}",
        f"root={code[:2] if code else '-'}",
    ]
    if head.pos_ == "VERB" and (block := _dictionary_root(lemma)):
        feats.append(f"blk={block}")
    if len(trigger) > 1:
        feats.append(f"noun={_lemma(trigger[-1])}")
        feats.append(f"light={lemma}+{_lemma(trigger[-1])}")
        feats.extend(_arg_features(trigger[-1], "n"))
    args = _arg_features(head, "")
    feats.extend(args)
    feats.extend(f"{lemma}|{a}" for a in args if a.startswith(("prt=", "prep=", "obj=")))
    children = list(children_of(head))
    if any(c.dep_ == "neg" for c in children):
        feats.append("neg")
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        feats.append("passive")
    feats.extend(f"modal={c.lower_}" for c in children if c.lower_ in MODALS)
    tok = head
    for depth in range(2):
        if tok.dep_ not in GOVERNOR_DEPS or head_of(tok).i == tok.i:
            break
        tok = head_of(tok)
        feats.append(f"gov{depth}={_lemma(tok)}")
        feats.append(f"gov{depth}dep={head.dep_ if depth == 0 else tok.dep_}:{_lemma(tok)}")
    doc = head.doc
    start = max(trigger[0].i - WINDOW, 0)
    end = min(trigger[-1].i + WINDOW + 1, len(doc))
    for t in doc[start:end]:
        if t.is_alpha and not t.is_stop and t.i not in {x.i for x in trigger}:
            feats.append(f"win={_lemma(t)}")
    return feats


@lru_cache(maxsize=1)
def type_model() -> TypeModel | None:
    """The shipped weights, or None when the file is absent (lexicon types are used)."""
    path = resources.files("newsgraph.data.events").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return TypeModel(
        labels=tuple(data["labels"]),
        bias=tuple(data["bias"]),
        weights={k: tuple(v) for k, v in data["weights"].items()},
        override=float(data.get("combination", {}).get("override", 0.5)),
        alone=float(data.get("combination", {}).get("alone", 0.3)),
        fallback=float(data.get("combination", {}).get("fallback", 1.01)),
        override_by_type={
            k: float(v)
            for k, v in data.get("combination", {}).get("override_by_type", {}).items()
        },
    )


def classify(features: list[str], model: TypeModel | None = None) -> tuple[str, float] | None:
    """The most probable PLOVER type and its probability (softmax over a linear model)."""
    model = model or type_model()
    if model is None:
        return None
    scores = list(model.bias)
    for f in set(features):
        w = model.weights.get(f)
        if w is not None:
            scores = [s + x for s, x in zip(scores, w, strict=True)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(len(scores)), key=scores.__getitem__)
    return model.labels[best], exps[best] / sum(exps)
