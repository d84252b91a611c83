"""The web UI: server-rendered pages (Jinja, autoescaped) that read without JavaScript;
small local scripts add the highlight interactions and the graph/map hovering."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from newsgraph.analyse import queries
from newsgraph.analyse.profiles import RECENT_KEPT, ProfileIndex
from newsgraph.model import PLOVER_TYPES, Actor, Analysis
from newsgraph.report.dossier import dossier_context
from newsgraph.serve import svg
from newsgraph.serve.state import InputError, analyze_input, database, read_cached

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
ACTOR_PAGE_RECENT = RECENT_KEPT  # events listed on an actor page


def _date_text(d: Any) -> str:
    if not d.start:
        return "unknown"
    return str(d.start) if not d.end or d.end == d.start else f"{d.start} – {d.end}"


@lru_cache(maxsize=1)
def env() -> Environment:
    environment = Environment(
        loader=ChoiceLoader(
            [
                PackageLoader("newsgraph.serve", "templates"),
                PackageLoader("newsgraph", "report/templates"),
            ]
        ),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() per page
    )
    environment.filters["date_text"] = _date_text
    environment.filters["urlpart"] = lambda s: quote(str(s), safe="")
    environment.globals.update(
        article_href=article_href,
        actor_href=svg.actor_href,
        goldstein_colour=svg.goldstein_colour,
        plover_types=PLOVER_TYPES,
    )
    return environment


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env().get_template(name).render(**context), status_code=status_code)


def render_bytes(name: str, **context: Any) -> bytes:
    return env().get_template(name).render(**context).encode()


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe=":")


def actor_link(actor: Actor) -> str | None:
    """Persons and organisations link to their own view under the code; countries and
    groups to the code's page. Actors without a code have no cross-article identity."""
    if not actor.code:
        return None
    name = actor.name if actor.kind in ("person", "organization") else None
    return svg.actor_href(actor.code, name)


def _parse_day(value: str | None, label: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{label} {value!r} is not a date: use YYYY-MM-DD")
        return None


@router.get("/", response_class=HTMLResponse)
def home(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(max_length=20)] = None,
    date_to: Annotated[str | None, Query(max_length=20)] = None,
    event_type: Annotated[str | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    errors: list[str] = []
    day_from = _parse_day(date_from, "from", errors)
    day_to = _parse_day(date_to, "to", errors)
    with database(request).read() as con:
        result = queries.search_articles(
            con, q, actor, day_from, day_to, event_type or None, PAGE_SIZE, (page - 1) * PAGE_SIZE
        )
    filters = {
        "q": q,
        "actor": actor,
        "date_from": date_from,
        "date_to": date_to,
        "event_type": event_type,
    }
    kept = {k: v for k, v in filters.items() if v}

    def page_href(n: int) -> str:
        return "/?" + urlencode({**kept, "page": n})

    return render(
        "home.html.j2",
        result=result,
        filters=filters,
        errors=errors,
        page=page,
        prev_href=page_href(page - 1) if page > 1 else None,
        next_href=page_href(page + 1) if page * PAGE_SIZE < result.total else None,
        title="Articles",
    )


def _article_context(analysis: Analysis, note: str | None = None) -> dict[str, Any]:
    ctx = dossier_context(analysis)
    ctx.update(standalone=False, actor_link=actor_link, note=note)
    ctx["title"] = analysis.article.title or analysis.article.id
    ctx["places_svg"] = None
    return ctx


def _article_page(analysis: Analysis, note: str | None = None) -> HTMLResponse:
    return render("article_page.html.j2", **_article_context(analysis, note))


def _stored_article_page(con: Any, article_id: str) -> bytes | None:
    analysis = queries.get_analysis(con, article_id)
    if analysis is None:
        return None
    return render_bytes("article_page.html.j2", **_article_context(analysis))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
async def article(request: Request, article_id: str) -> HTMLResponse:
    # a stored article's page is fixed for this snapshot of the store: rendered once
    page = await read_cached(
        database(request),
        ("article-page", article_id),
        lambda con: _stored_article_page(con, article_id),
    )
    if page is None:
        raise HTTPException(404, f"No stored article has the id {article_id!r}.")
    return HTMLResponse(page)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    with database(request).read() as con:
        result = queries.list_actors(con, q, 100, (page - 1) * 100)
    kept = {"q": q} if q else {}
    return render(
        "actors.html.j2",
        result=result,
        q=q,
        title="Actors",
        prev_href="/actors?" + urlencode({**kept, "page": page - 1}) if page > 1 else None,
        next_href="/actors?" + urlencode({**kept, "page": page + 1})
        if page * 100 < result.total
        else None,
    )


def _actor_page(profiles: ProfileIndex, code: str, name: str | None) -> bytes | None:
    profile = profiles.profile(code, name, ACTOR_PAGE_RECENT)
    if profile is None:
        return None
    net = profiles.network(code, 1, 40)
    return render_bytes(
        "actor.html.j2",
        p=profile,
        title=name or code,
        timeline_svg=svg.timeline_svg(profile.timeline),
        network_svg=svg.network_svg(net, focus=code),
    )


@router.get("/actors/{code:path}", response_class=HTMLResponse)
async def actor(
    request: Request, code: str, name: Annotated[str | None, Query(max_length=300)] = None
) -> HTMLResponse:
    db = database(request)
    # the network layout makes the page costly, and the page is fixed per snapshot
    page = await read_cached(
        db, ("actor-page", code, name), lambda _: _actor_page(db.profiles, code, name)
    )
    if page is None:
        who = f"{name!r} under the code {code!r}" if name else f"the code {code!r}"
        raise HTTPException(404, f"The store has no actor {who}.")
    return HTMLResponse(page)


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    source: Annotated[str | None, Query(max_length=100)] = None,
    target: Annotated[str | None, Query(max_length=100)] = None,
    type: Annotated[str | None, Query(max_length=40)] = None,
    status: Annotated[str | None, Query(max_length=40)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    filters = {"actor": actor, "source": source, "target": target, "type": type, "status": status}
    with database(request).read() as con:
        result = queries.list_events(
            con,
            actor=actor or None,
            source=source or None,
            target=target or None,
            event_type=type or None,
            status=status or None,
            limit=100,
            offset=(page - 1) * 100,
        )
    kept = {k: v for k, v in filters.items() if v}
    return render(
        "events.html.j2",
        result=result,
        filters=filters,
        title="Events",
        prev_href="/events?" + urlencode({**kept, "page": page - 1}) if page > 1 else None,
        next_href="/events?" + urlencode({**kept, "page": page + 1})
        if page * 100 < result.total
        else None,
    )


@router.get("/network", response_class=HTMLResponse)
def network(
    request: Request, min_events: Annotated[int, Query(ge=1, le=10_000)] = 1
) -> HTMLResponse:
    net = database(request).actor_network(min_events=min_events, limit=80)
    return render("network.html.j2", net=net, network_svg=svg.network_svg(net), title="Network")


@router.get("/map", response_class=HTMLResponse)
def places_map(request: Request) -> HTMLResponse:
    with database(request).read() as con:
        places = queries.list_places(con, limit=1000)
    return render("map.html.j2", places=places, map_svg=svg.world_map_svg(places), title="Map")


@router.get("/paste", response_class=HTMLResponse)
def paste_form() -> HTMLResponse:
    return render("paste.html.j2", title="Paste an article", form={}, error=None)


@router.post("/paste", response_class=HTMLResponse)
def paste(
    request: Request,
    text: Annotated[str, Form(max_length=2_000_000)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
    is_html: Annotated[bool, Form()] = False,
    store: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    form = {
        "text": text,
        "title": title,
        "published": published,
        "is_html": is_html,
        "store": store,
    }
    try:
        analysis = analyze_input(
            request,
            text=None if is_html else text,
            html=text if is_html else None,
            title=title.strip() or None,
            published=published.strip() or None,
        )
    except InputError as exc:
        return render(
            "paste.html.j2", status_code=422, title="Paste an article", form=form, error=exc.reason
        )
    note = "Analysed now; not stored."
    db = database(request)
    if store and db.read_only:
        note = "Analysed now; not stored: this workbench serves its store read-only."
    elif store:
        result = db.write([analysis])
        note = (
            "Analysed and stored."
            if result.stored or result.replaced
            else (
                "Analysed; already stored."
                if result.unchanged
                else "Analysed; an identical text is already stored under another id."
            )
        )
    return _article_page(analysis, note=note)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The endpoints of the OpenAPI spec as a page (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ok = (
                op.get("responses", {})
                .get("200", {})
                .get("content", {})
                .get("application/json", {})
            )
            schema = ok.get("schema", {})
            ref = (
                schema.get("$ref")
                or (schema.get("items") or {}).get("$ref")
                or schema.get("type", "")
            )
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": (op.get("description") or "").split("\n")[0],
                    "params": [p["name"] for p in op.get("parameters", [])],
                    "response": str(ref).rsplit("/", 1)[-1],
                }
            )
    return render("docs.html.j2", operations=operations, title="API")
