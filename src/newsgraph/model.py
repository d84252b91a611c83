"""The one data model of newsgraph: the analysis JSON contract (`newsgraph.analysis/1`).

The pipeline produces these objects, the store writes them, the API serves them, the
exports and the evaluation read them. All offsets are Python ``str`` indices into
``Article.body``, end exclusive.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "newsgraph.analysis/1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

EventStatus = Literal["asserted", "alleged", "planned", "denied", "hypothetical", "negated"]
ActorKind = Literal["person", "country", "organization", "group"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Severity = Literal["info", "warning", "error"]
QuoteKind = Literal["direct", "partial", "indirect"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    start: int
    end: int


class TextSpan(_Model):
    start: int
    end: int
    text: str


class Subheading(TextSpan):
    pass


class Article(_Model):
    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    author: str | None = None
    site: str | None = None
    sections: list[str] = Field(default_factory=list)
    language: str = "en"
    subheadings: list[Subheading] = Field(default_factory=list)
    reading_time_minutes: int | None = None
    comment_count: int | None = None
    body: str = ""


class Mention(TextSpan):
    pass


class Actor(_Model):
    id: str
    code: str | None = Field(default=None, description="CAMEO-style code, e.g. PRKGOV")
    country: str | None = None
    role: str | None = None
    name: str
    kind: ActorKind = "organization"
    mentions: list[Mention] = Field(default_factory=list)


class EventDate(_Model):
    start: str | None = None
    end: str | None = None
    time_id: str | None = None


class Event(_Model):
    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    status: EventStatus = "asserted"
    date: EventDate = Field(default_factory=EventDate)
    place_id: str | None = None
    trigger: TextSpan
    span: Span
    confidence: float = 0.5


class Quote(_Model):
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None = None
    via: str | None = None
    cue: TextSpan | None = None


class Claim(_Model):
    id: str
    source: list[str] = Field(default_factory=list)
    source_text: str
    source_kind: str | None = Field(
        default=None, description="named | unnamed officials | experts | media reports | ..."
    )
    span: Span
    cue: TextSpan | None = None


class Interval(_Model):
    start: str | None = None
    end: str | None = None


class TimeExpr(_Model):
    id: str
    text: str
    start: int
    end: int
    type: TimeType = "DATE"
    timex: str | None = None
    interval: Interval = Field(default_factory=Interval)


class Place(_Model):
    id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    feature: str | None = Field(
        default=None, description="country | admin1 | city | continent | sea | ..."
    )


class Finding(_Model):
    id: str
    kind: str
    message: str
    spans: list[Span] = Field(default_factory=list)
    severity: Severity = "warning"


class Analysis(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Analysis:
        return cls.model_validate_json(line)

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None
