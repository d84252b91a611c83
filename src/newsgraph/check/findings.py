"""Check stage: what a careful editor would flag (placeholder until its issue lands)."""

from __future__ import annotations

from newsgraph.model import Analysis, Finding


def find_findings(analysis: Analysis) -> list[Finding]:
    return []
