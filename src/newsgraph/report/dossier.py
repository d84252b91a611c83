"""The per-article dossier an analyst forwards: Markdown, HTML (one template with the web
UI's article page) and JSON. Every item links into the text by its span."""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsgraph.model import Actor, Analysis, Event

FORMATS = ("md", "html", "json")


@dataclass
class EventRow:
    event: Event
    source: str
    target: str
    sentence: str


def actor_label(analysis: Analysis, ids: list[str]) -> str:
    names = []
    for aid in ids:
        actor = analysis.actor(aid)
        if actor is not None:
            names.append(f"{actor.name} ({actor.code})" if actor.code else actor.name)
    return ", ".join(names) or "—"


# A sentence ends at . ! or ? (maybe followed by a closing quote) before white space and a
# capital or an opening quote, unless the period closes an initialism such as "U.S.".
_SENTENCE_END = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])[.!?][”’\"')]?(?=\s+[“‘\"'(A-Z0-9])|\n")


@lru_cache(maxsize=16)
def _sentence_ends(body: str) -> tuple[list[int], list[int]]:
    """Where each sentence end of ``body`` starts and ends, found once per body (a scan
    from the top for each event took 0.2 s on a 100 KB article)."""
    found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(body)]
    return [a for a, _ in found], [b for _, b in found]


def sentence_around(body: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence holding [start, end) (several if the span crosses them), trimmed."""
    starts, ends = _sentence_ends(body)
    before = bisect_right(ends, start)  # the sentence ends wholly before the span
    left = ends[before - 1] if before else 0
    after = bisect_left(starts, max(end - 1, left))  # the first end at or after its last char
    right = ends[after] if after < len(ends) else len(body)
    text = body[left:right].strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def event_rows(analysis: Analysis) -> list[EventRow]:
    body = analysis.article.body
    return [
        EventRow(
            event=e,
            source=actor_label(analysis, e.source),
            target=actor_label(analysis, e.target),
            sentence=sentence_around(body, e.span.start, e.span.end),
        )
        for e in sorted(analysis.events, key=lambda e: (e.span.start, e.trigger.start))
    ]


def summary_line(analysis: Analysis) -> str:
    art = analysis.article
    head = art.title or (art.body[:80] + "…" if len(art.body) > 80 else art.body)
    parts = [
        f"{len(analysis.actors)} actors",
        f"{len(analysis.events)} events",
        f"{len(analysis.quotes)} quotes",
        f"{len(analysis.claims)} claims",
        f"{len(analysis.findings)} findings",
    ]
    line = f"{head} ({art.published or 'undated'}): " + ", ".join(parts)
    rows = event_rows(analysis)
    if rows:
        # the key event: news puts the main event first (inverted pyramid), so the first
        # asserted (or alleged) event with a target, else the first event
        key = min(
            rows,
            key=lambda r: (
                r.event.status not in ("asserted", "alleged"),
                not r.event.target,
                r.event.span.start,
            ),
        )
        line += f". Key event: {key.source} → {key.event.type} → {key.target}"
    return line


def main_actors(analysis: Analysis) -> list[Actor]:
    return sorted(
        analysis.actors, key=lambda a: (-len(a.mentions), a.mentions[0].start if a.mentions else 0)
    )


def dossier_markdown(analysis: Analysis) -> str:
    art = analysis.article
    body = art.body
    out: list[str] = [f"# {art.title or art.id}", ""]
    meta = [f"published {art.published or 'unknown'}"]
    if art.site:
        meta.append(art.site)
    if art.author:
        meta.append(f"by {art.author}")
    if art.url:
        meta.append(art.url)
    out += [" · ".join(meta), "", f"**Summary.** {summary_line(analysis)}", ""]

    out += ["## Actors", "", "| actor | code | kind | mentions |", "|---|---|---|---|"]
    for a in main_actors(analysis):
        forms = sorted({m.text for m in a.mentions})
        out.append(
            f"| {_md(a.name)} | {a.code or '—'} | {a.kind} "
            f"| {_md(', '.join(forms))} ({len(a.mentions)}) |"
        )
    out.append("")

    out += [
        "## Events",
        "",
        "| # | source → type → target | status | date | Goldstein | sentence |",
        "|---|---|---|---|---|---|",
    ]
    for row in event_rows(analysis):
        e = row.event
        date = _date_text(e.date.start, e.date.end)
        gold = f"{e.goldstein:+.1f}" if e.goldstein is not None else "—"
        out.append(
            f"| {e.id} | {_md(row.source)} → **{e.type}** → {_md(row.target)} "
            f"| {e.status} | {date} | {gold} "
            f"| {_md(row.sentence)} [@{e.span.start}–{e.span.end}] |"
        )
    out.append("")

    out += ["## Quotes", ""]
    for q in analysis.quotes:
        speaker = actor_label(analysis, [q.speaker]) if q.speaker else "unattributed"
        via = f" via {actor_label(analysis, [q.via])}" if q.via else ""
        out.append(f"- ({q.kind}) “{_md(q.text)}” — {_md(speaker)}{_md(via)} [@{q.start}–{q.end}]")
    out += ["", "## Claims", ""]
    for c in analysis.claims:
        src = actor_label(analysis, c.source) if c.source else c.source_text
        out.append(
            f"- {_md(src)}: {_md(body[c.span.start : c.span.end])} [@{c.span.start}–{c.span.end}]"
        )
    out += ["", "## Timeline", ""]
    for t in sorted(analysis.times, key=lambda t: (t.interval.start or "9999", t.start)):
        out.append(f"- {t.timex or '?'} ({t.type}): “{_md(t.text)}” [@{t.start}–{t.end}]")
    out += ["", "## Places", ""]
    for p in analysis.places:
        coords = (
            f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "unresolved"
        )
        out.append(f"- {_md(p.name)} ({p.country or '—'}; {coords}) [@{p.start}–{p.end}]")
    out += ["", "## Findings", ""]
    for f in analysis.findings:
        where = ", ".join(f"@{s.start}–{s.end}" for s in f.spans)
        out.append(f"- **{f.severity}** ({f.kind}): {_md(f.message)} [{where}]")
    if not analysis.findings:
        out.append("- none")
    out.append("")
    return "\n".join(out)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _date_text(start: str | None, end: str | None) -> str:
    if not start:
        return "unknown"
    return start if not end or end == start else f"{start} – {end}"


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsgraph", "report/templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date_text"] = lambda d: _date_text(d.start, d.end)
    return env


def dossier_context(analysis: Analysis) -> dict[str, Any]:
    from newsgraph.report.highlight import highlighted_body

    return {
        "a": analysis,
        "art": analysis.article,
        "summary": summary_line(analysis),
        "actors": main_actors(analysis),
        "events": event_rows(analysis),
        "label": lambda ids: actor_label(analysis, ids),
        "body_html": highlighted_body(analysis),
        "standalone": True,
    }


def dossier_html(analysis: Analysis, **extra: Any) -> str:
    ctx = dossier_context(analysis)
    ctx.update(extra)
    return template_env().get_template("article.html.j2").render(**ctx)


def dossier_json(analysis: Analysis) -> str:
    data = analysis.to_dict()
    data["summary"] = summary_line(analysis)
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_dossier(analysis: Analysis, fmt: str) -> str:
    if fmt == "md":
        return dossier_markdown(analysis)
    if fmt == "html":
        return dossier_html(analysis)
    if fmt == "json":
        return dossier_json(analysis)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
