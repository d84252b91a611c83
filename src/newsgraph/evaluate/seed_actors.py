"""Score actors on the seed article by seed-gold.yaml's rules.

- "actors": a gold actor is found when the system has an actor with its code; a country-level
  gold code (three letters, e.g. PRK, WST, IGO) also accepts any system code of that country
  (PRKGOV). Precision: system actors with a code that some gold actor accepts, over all system
  actors (uncoded ones count as false positives).
- "actor mentions": every occurrence in the body of each gold surface form (longest forms
  first, occurrences not overlapping a longer one, outside not_actor_mentions) must be covered
  by mentions of actors with an accepted code: every character of the occurrence, leaving out a
  leading "the " and a trailing possessive, lies inside such a mention. Recall = covered
  occurrences / occurrences. Precision = system mentions overlapping a gold occurrence whose
  actor's code that occurrence accepts / system mentions overlapping any gold occurrence
  (mentions of things the gold does not list are not judged).
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.evaluate.scores import PRF
from newsgraph.model import Actor, Analysis, Article


def accepts(gold_code: str, code: str | None) -> bool:
    """Gold code accepts system code: equal, or gold is country-level and the country matches."""
    if not code:
        return False
    if code == gold_code:
        return True
    return len(gold_code) == 3 and code[:3] == gold_code


def gold_occurrences(body: str, gold: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, code) of every gold surface form in the body, longest first, no overlaps."""
    forms = [(form, a["code"]) for a in gold.get("actors", []) for form in a.get("mentions", [])]
    forms.sort(key=lambda f: -len(f[0]))
    blocked = [
        (m.start(), m.end())
        for phrase in gold.get("not_actor_mentions", [])
        for m in re.finditer(re.escape(phrase), body)
    ]
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    for form, code in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", body):
            s, e = m.start(), m.end()
            if any(s < b_end and b_start < e for b_start, b_end in blocked + taken):
                continue
            taken.append((s, e))
            found.append((s, e, code))
    return sorted(found)


def _core(body: str, s: int, e: int) -> tuple[int, int]:
    text = body[s:e]
    if text.lower().startswith("the "):
        s += 4
    for suffix in ("’s", "'s"):
        if body[s:e].endswith(suffix):
            e -= len(suffix)
    return s, e


def _covered(body: str, s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return all(any(a <= i < b for a, b in spans) for i in range(s, e) if not body[i].isspace())


def score(analysis: Analysis, gold: dict[str, Any]) -> list[PRF]:
    return [score_actors(analysis.actors, gold), score_mentions(analysis, gold)]


def score_actors(actors: list[Actor], gold: dict[str, Any]) -> PRF:
    prf = PRF("actors")
    codes = [a["code"] for a in gold.get("actors", [])]
    for code in codes:
        if any(accepts(code, a.code) for a in actors):
            prf.tp_gold += 1
        else:
            prf.fn += 1
    for actor in actors:
        if any(accepts(code, actor.code) for code in codes):
            prf.tp_sys += 1
        else:
            prf.fp += 1
    return prf


def score_mentions(analysis: Analysis, gold: dict[str, Any]) -> PRF:
    body = analysis.article.body
    prf = PRF("actor mentions")
    occurrences = gold_occurrences(body, gold)
    for s, e, code in occurrences:
        spans = [
            (m.start, m.end) for a in analysis.actors if accepts(code, a.code) for m in a.mentions
        ]
        cs, ce = _core(body, s, e)
        if _covered(body, cs, ce, spans):
            prf.tp_gold += 1
        else:
            prf.fn += 1
    for actor in analysis.actors:
        for m in actor.mentions:
            hits = [code for s, e, code in occurrences if m.start < e and s < m.end]
            if not hits:
                continue
            if any(accepts(code, actor.code) for code in hits):
                prf.tp_sys += 1
            else:
                prf.fp += 1
    return prf


def missed_mentions(analysis: Analysis, gold: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, code) of gold occurrences not covered: for reports and test messages."""
    body = analysis.article.body
    out = []
    for s, e, code in gold_occurrences(body, gold):
        spans = [
            (m.start, m.end) for a in analysis.actors if accepts(code, a.code) for m in a.mentions
        ]
        cs, ce = _core(body, s, e)
        if not _covered(body, cs, ce, spans):
            out.append((body[s:e], code))
    return out


def gold_body_article(article_text: str, gold: dict[str, Any]) -> Article:
    """The seed as the gold reads it: lines 3.. of the file, without the "Leave a comment" tail."""
    lines = article_text.split("\n")[2:]
    while lines and (not lines[-1].strip() or lines[-1].strip() in gold["article"]["not_body"]):
        lines.pop()
    meta = gold["article"]
    return Article(
        id="seed",
        title=meta.get("title"),
        published=str(meta.get("published")),
        body="\n".join(lines),
    )
