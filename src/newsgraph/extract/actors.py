"""Extract actors (placeholder until its issue lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_actors(doc: Doc, ctx: Context) -> list[Actor]:
    return []
