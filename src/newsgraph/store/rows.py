"""Flatten an ``Analysis`` into rows, one list per table of the schema (schema.sql).

The DuckDB store, the Parquet export and the Spark job all write these same rows, so a
table means the same thing wherever it is read.
"""

from __future__ import annotations

import json
from typing import Any

from newsgraph.model import Analysis

TABLES: tuple[str, ...] = (
    "articles", "actors", "mentions", "events", "quotes", "claims", "times", "places", "findings",
)  # fmt: skip


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def analysis_rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """Rows per table for one analysed article; every row carries ``article_id``."""
    art = analysis.article
    aid = art.id
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["articles"].append(
        {
            "article_id": aid,
            "url": art.url,
            "title": art.title,
            "published": art.published,
            "author": art.author,
            "site": art.site,
            "sections": _j(art.sections),
            "language": art.language,
            "subheadings": _j([s.model_dump() for s in art.subheadings]),
            "reading_time_minutes": art.reading_time_minutes,
            "comment_count": art.comment_count,
            "body": art.body,
            "n_actors": len(analysis.actors),
            "n_events": len(analysis.events),
            "n_quotes": len(analysis.quotes),
            "n_findings": len(analysis.findings),
            "analysis_json": analysis.to_json(),
        }
    )
    for a in analysis.actors:
        rows["actors"].append(
            {
                "article_id": aid, "actor_id": a.id, "code": a.code, "country": a.country,
                "role": a.role, "name": a.name, "kind": a.kind, "n_mentions": len(a.mentions),
            }
        )  # fmt: skip
        for m in a.mentions:
            rows["mentions"].append(
                {
                    "article_id": aid,
                    "actor_id": a.id,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                }
            )
    for e in analysis.events:
        rows["events"].append(
            {
                "article_id": aid, "event_id": e.id, "type": e.type, "mode": e.mode,
                "cameo": e.cameo, "goldstein": e.goldstein, "quad_class": e.quad_class,
                "source": _j(e.source), "target": _j(e.target), "status": e.status,
                "date_start": e.date.start, "date_end": e.date.end, "time_id": e.date.time_id,
                "place_id": e.place_id, "trigger_start": e.trigger.start,
                "trigger_end": e.trigger.end, "trigger_text": e.trigger.text,
                "span_start": e.span.start, "span_end": e.span.end, "confidence": e.confidence,
                "published": art.published,
            }
        )  # fmt: skip
    for q in analysis.quotes:
        rows["quotes"].append(
            {
                "article_id": aid, "quote_id": q.id, "kind": q.kind, "text": q.text,
                "start": q.start, "end": q.end, "speaker": q.speaker, "via": q.via,
                "cue_start": q.cue.start if q.cue else None,
                "cue_end": q.cue.end if q.cue else None,
                "cue_text": q.cue.text if q.cue else None,
            }
        )  # fmt: skip
    for c in analysis.claims:
        rows["claims"].append(
            {
                "article_id": aid, "claim_id": c.id, "source": _j(c.source),
                "source_text": c.source_text, "source_kind": c.source_kind,
                "span_start": c.span.start, "span_end": c.span.end,
                "cue_start": c.cue.start if c.cue else None,
                "cue_end": c.cue.end if c.cue else None,
                "cue_text": c.cue.text if c.cue else None,
            }
        )  # fmt: skip
    for t in analysis.times:
        rows["times"].append(
            {
                "article_id": aid, "time_id": t.id, "text": t.text, "start": t.start,
                "end": t.end, "type": t.type, "timex": t.timex,
                "interval_start": t.interval.start, "interval_end": t.interval.end,
            }
        )  # fmt: skip
    for p in analysis.places:
        rows["places"].append(
            {
                "article_id": aid, "place_id": p.id, "text": p.text, "start": p.start,
                "end": p.end, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                "gazetteer_id": p.gazetteer_id, "feature": p.feature,
            }
        )  # fmt: skip
    for f in analysis.findings:
        rows["findings"].append(
            {
                "article_id": aid, "finding_id": f.id, "kind": f.kind, "message": f.message,
                "spans": _j([s.model_dump() for s in f.spans]), "severity": f.severity,
            }
        )  # fmt: skip
    return rows
