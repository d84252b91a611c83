"""Seed scoring of the article's metadata and body (gold section `article:`)."""

from __future__ import annotations

from typing import Any

from newsgraph.evaluate.scores import PRF
from newsgraph.model import Analysis


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").replace("‘", "'").split()).casefold()


def metadata_checks(analysis: Analysis, gold: dict[str, Any]) -> dict[str, bool]:
    """Each gold metadata field: does the system's article carry it?"""
    art, want = analysis.article, gold.get("article", {})
    body = art.body.strip()
    checks: dict[str, bool] = {}
    if "title" in want:
        checks["title"] = _norm(art.title) == _norm(want["title"])
    if "published" in want:
        checks["published"] = art.published == str(want["published"])
    if "sections" in want:
        checks["sections"] = [_norm(s) for s in art.sections] == [_norm(s) for s in want["sections"]]
    if "reading_time_minutes" in want:
        checks["reading time"] = art.reading_time_minutes == want["reading_time_minutes"]
    if "comment_count" in want:
        checks["comment count"] = art.comment_count == want["comment_count"]
    if "body_first_words" in want:
        checks["body start"] = _norm(body).startswith(_norm(want["body_first_words"]))
    if "body_last_words" in want:
        checks["body end"] = _norm(body).endswith(_norm(want["body_last_words"]))
    found = {_norm(s.text) for s in art.subheadings}
    for sub in want.get("subheadings", []):
        checks[f"subheading: {sub}"] = _norm(sub) in found
    for furniture in want.get("not_body", []):
        checks[f"no furniture: {furniture}"] = _norm(furniture) not in _norm(body)
    return checks


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    checks = metadata_checks(analysis, gold)
    ok = sum(checks.values())
    expected_heads = {_norm(s) for s in gold.get("article", {}).get("subheadings", [])}
    extra_heads = sum(1 for s in analysis.article.subheadings if _norm(s.text) not in expected_heads)
    return [PRF("article metadata", tp_sys=ok, fp=extra_heads, tp_gold=ok, fn=len(checks) - ok)]
