"""Extract claims (placeholder until its issue lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.extract.context import Context
from newsgraph.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_claims(doc: Doc, ctx: Context) -> list[Claim]:
    return []
