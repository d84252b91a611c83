"""Check stage: what a careful editor would flag in one article.

Each check is narrow on purpose (a false alarm costs an analyst's time):
- quote variants (``check/quote_variants.py``): one speaker's words quoted in two wordings;
- temporal anomalies (``check/temporal.py``): an ended year presented as upcoming, a past
  event dated after publication;
- numeric disagreements (``check/numeric.py``): one count given two values.
"""

from __future__ import annotations

from newsgraph.check.numeric import numeric_disagreements
from newsgraph.check.quote_variants import quote_variants
from newsgraph.check.temporal import temporal_anomalies
from newsgraph.model import Analysis, Finding


def find_findings(analysis: Analysis) -> list[Finding]:
    findings = [
        *quote_variants(analysis),
        *temporal_anomalies(analysis),
        *numeric_disagreements(analysis),
    ]
    for i, finding in enumerate(findings, start=1):
        finding.id = f"f{i}"
    return findings
