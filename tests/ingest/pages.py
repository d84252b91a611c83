"""The synthetic copied pages in data/pages/ and token-level F1 of a body against them.

Each ``.page`` file marks its lines: ``B|`` a body paragraph, ``H|`` a subheading (part of
the body), ``|`` page furniture; a line with no bar is a blank line of the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
_TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Page:
    name: str
    text: str
    body_lines: list[str]
    subheadings: list[str]
    expected: dict[str, object]

    @property
    def body(self) -> str:
        return "\n".join(self.body_lines)


def load_pages() -> list[Page]:
    expected = yaml.safe_load((DATA / "expected.yaml").read_text("utf-8"))
    pages = []
    for path in sorted((DATA / "pages").glob("*.page")):
        text_lines, body, heads = [], [], []
        for raw in path.read_text("utf-8").splitlines():
            tag, bar, line = raw.partition("|")
            text_lines.append(line if bar else "")
            if tag in ("B", "H"):
                body.append(line)
            if tag == "H":
                heads.append(line)
        pages.append(
            Page(path.stem, "\n".join(text_lines) + "\n", body, heads, expected.get(path.stem, {}))
        )
    return pages


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def token_f1(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall and F1 of a predicted body against the gold body."""
    pred, ref = Counter(tokens(predicted)), Counter(tokens(gold))
    overlap = sum((pred & ref).values())
    p = overlap / max(1, sum(pred.values()))
    r = overlap / max(1, sum(ref.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
