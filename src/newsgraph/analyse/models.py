"""Typed summaries that cross-article queries return (and the API serves as its schema).

Per-article objects are the ones of ``newsgraph.model``; these are the small aggregates
built over many articles: article rows, actor profiles, dyads, timelines, the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Items matching the query, all pages together")
    limit: int
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    n_actors: int = 0
    n_events: int = 0
    n_quotes: int = 0
    n_findings: int = 0


class ActorSummary(BaseModel):
    code: str = Field(description="CAMEO-style code, the actor's identity across articles")
    names: list[str] = Field(description="The most frequent names seen under this code")
    n_articles: int
    n_events: int


class ActorMember(BaseModel):
    name: str
    kind: str
    n_articles: int
    n_mentions: int


def round_goldstein(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


class Counterpart(BaseModel):
    code: str
    names: list[str]
    n_events: int
    n_as_source: int = Field(description="Events where the profiled actor acted on this one")
    n_as_target: int = Field(description="Events where this one acted on the profiled actor")
    mean_goldstein: float | None = Field(
        description="Mean Goldstein score: <0 conflict, >0 cooperation"
    )

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> Counterpart:
        """From (code, names, n_events, n_as_source, n_as_target, mean Goldstein)."""
        return cls(
            code=r[0],
            names=list(r[1]),
            n_events=r[2],
            n_as_source=r[3],
            n_as_target=r[4],
            mean_goldstein=round_goldstein(r[5]),
        )


class TimelinePoint(BaseModel):
    period: str = Field(description="YYYY-MM-DD (day) or YYYY-MM (month)")
    n_events: int
    n_cooperative: int
    n_conflictual: int
    mean_goldstein: float | None


class EventSummary(BaseModel):
    article_id: str
    event_id: str
    type: str
    status: str
    date: str | None
    goldstein: float | None
    source_codes: list[str]
    source_names: list[str]
    target_codes: list[str]
    target_names: list[str]
    trigger: str | None

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> EventSummary:
        """From a row of the event_rows columns (article_id, event_id, type, status, day,
        goldstein, source_codes, source_names, target_codes, target_names, trigger_text)."""
        return cls(
            article_id=r[0],
            event_id=r[1],
            type=r[2],
            status=r[3],
            date=r[4],
            goldstein=r[5],
            source_codes=list(r[6]),
            source_names=list(r[7]),
            target_codes=list(r[8]),
            target_names=list(r[9]),
            trigger=r[10],
        )


class ActorProfile(BaseModel):
    code: str
    name: str | None = Field(
        default=None, description="A person/organisation under the code, when asked"
    )
    members: list[ActorMember]
    n_articles: int
    n_events: int
    mean_goldstein: float | None
    counterparts: list[Counterpart]
    timeline: list[TimelinePoint]
    recent_events: list[EventSummary]


class NetworkNode(BaseModel):
    code: str
    label: str
    n_events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    n_events: int
    mean_goldstein: float | None


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlaceSummary(BaseModel):
    name: str
    country: str | None
    lat: float
    lon: float
    n_mentions: int
    n_articles: int
