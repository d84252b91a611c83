"""The JSON API under /api: typed endpoints whose models are the pipeline's own objects
(``newsgraph.model``) or the small cross-article summaries of ``newsgraph.analyse.models``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, model_validator

from newsgraph.analyse import queries
from newsgraph.analyse.models import (
    ActorProfile,
    ActorSummary,
    ArticleSummary,
    EventSummary,
    Network,
    Page,
    PlaceSummary,
)
from newsgraph.errors import InputError
from newsgraph.model import Analysis, Article
from newsgraph.serve.state import analyze_input, database, read_cached, run_read

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500, description="Page size")]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]
DateFrom = Annotated[dt.date | None, Query(description="Earliest date, YYYY-MM-DD")]
DateTo = Annotated[dt.date | None, Query(description="Latest date, YYYY-MM-DD")]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    db: str
    articles: int
    events: int
    actor_codes: int


class AnalyzeRequest(BaseModel):
    """An article to analyse: exactly one of ``text`` and ``html``."""

    text: str | None = Field(default=None, max_length=2_000_000)
    html: str | None = Field(default=None, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(
        default=None, description="YYYY-MM-DD (other date forms are read too)"
    )
    url: str | None = Field(default=None, max_length=2000)

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of `text` and `html`")
        return self


@router.get("/health", response_model=Health, tags=["meta"])
def health(request: Request) -> Health:
    db = database(request)
    with db.read() as con:
        counts = queries.store_counts(con)
    return Health(
        db=str(db.path),
        articles=counts["articles"],
        events=counts["events"],
        actor_codes=counts["actor_codes"],
    )


@router.get("/articles", response_model=Page[ArticleSummary], tags=["articles"])
def list_articles(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=500, description="Words of the title or body")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor code or part of a name")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    event_type: Annotated[
        str | None, Query(max_length=40, description="PLOVER type, e.g. THREATEN")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[ArticleSummary]:
    """Stored articles, newest first, filtered by text, actor, date range and event type."""
    with database(request).read() as con:
        return queries.search_articles(con, q, actor, date_from, date_to, event_type, limit, offset)


@router.get(
    "/articles/{article_id:path}",
    response_model=Analysis,
    tags=["articles"],
    responses={404: {"description": "No stored article has this id"}},
)
async def get_article(request: Request, article_id: str) -> Response:
    """One article with its full analysis (contract newsgraph.analysis/1)."""
    stored = await read_cached(
        database(request),
        ("article-json", article_id),
        lambda con: queries.get_analysis_json(con, article_id),
    )
    if stored is None:
        raise HTTPException(404, f"no stored article has the id {article_id!r}")
    # the stored JSON is the contract already: serve it without a parse/serialise round trip
    return Response(stored, media_type="application/json")


@router.get("/actors", response_model=Page[ActorSummary], tags=["actors"])
def list_actors(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=200, description="Code prefix or part of a name")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ActorSummary]:
    """Actor codes seen in the store, busiest first."""
    with database(request).read() as con:
        return queries.list_actors(con, q, limit, offset)


@router.get(
    "/actors/{code:path}",
    response_model=ActorProfile,
    tags=["actors"],
    responses={404: {"description": "The store never saw this actor"}},
)
async def get_actor(
    request: Request,
    code: str,
    name: Annotated[
        str | None, Query(max_length=300, description="One person/organisation under the code")
    ] = None,
) -> ActorProfile:
    """An actor code (or one named member): counterparts, mean Goldstein, timeline."""
    db = database(request)
    profile = await run_read(db, lambda: db.actor_profile(code, name))
    if profile is None:
        who = f"{name!r} under {code!r}" if name else repr(code)
        raise HTTPException(404, f"no stored actor {who}")
    return profile


@router.get("/events", response_model=Page[EventSummary], tags=["events"])
def list_events(
    request: Request,
    actor: Annotated[
        str | None, Query(max_length=100, description="Actor code on either side")
    ] = None,
    source: Annotated[str | None, Query(max_length=100, description="Source actor code")] = None,
    target: Annotated[str | None, Query(max_length=100, description="Target actor code")] = None,
    type: Annotated[str | None, Query(max_length=40, description="PLOVER type")] = None,
    status: Annotated[
        str | None, Query(max_length=40, description="asserted, alleged, ...")
    ] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EventSummary]:
    """Events filtered by actor, dyad (source and target), type, status and date range."""
    with database(request).read() as con:
        return queries.list_events(
            con,
            actor=actor,
            source=source,
            target=target,
            event_type=type,
            status=status,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )


@router.get("/network", response_model=Network, tags=["actors"])
def network(
    request: Request,
    focus: Annotated[
        str | None, Query(max_length=100, description="Only edges touching this code")
    ] = None,
    min_events: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=1000)] = 80,
) -> Network:
    """Actor codes linked by events; each edge's mean Goldstein tells cooperation from conflict."""
    return database(request).actor_network(focus, min_events, limit)


@router.get("/places", response_model=list[PlaceSummary], tags=["places"])
def places(
    request: Request,
    article_id: Annotated[str | None, Query(max_length=300)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[PlaceSummary]:
    """Places with coordinates, most mentioned first."""
    with database(request).read() as con:
        return queries.list_places(con, article_id, limit)


@router.post(
    "/analyze",
    response_model=Analysis,
    tags=["analyze"],
    responses={422: {"description": "No text, unreadable HTML or a bad date"}},
)
def analyze(
    request: Request,
    response: Response,
    body: AnalyzeRequest,
    store: Annotated[bool, Query(description="Also store the analysis in the DuckDB file")] = False,
) -> Analysis:
    """Analyse one article given as text or HTML; stored only with ``store=true``.

    The header ``X-Newsgraph-Stored`` says what the store did: stored, replaced, unchanged,
    duplicate (an identical body is stored under another id) or no."""
    try:
        analysis = analyze_input(
            request,
            text=body.text,
            html=body.html,
            title=body.title,
            published=body.published,
            url=body.url,
        )
    except InputError as exc:
        raise HTTPException(422, f"{exc.source}: {exc.reason}") from exc
    response.headers["X-Newsgraph-Stored"] = "no"
    if store:
        result = database(request).write([analysis])
        outcome = (
            "stored"
            if result.stored
            else "replaced"
            if result.replaced
            else "unchanged"
            if result.unchanged
            else "duplicate"
        )
        response.headers["X-Newsgraph-Stored"] = outcome
    return analysis


__all__ = ["Article", "router"]
