"""The analyst's workbench: ``create_app(db_path)`` builds the FastAPI app that serves the
JSON API (/api, OpenAPI at /docs and /openapi.json) and the web UI over one DuckDB store.

Every asset is served from this package (no CDN: analysts work on closed networks). Errors
reach clients as a short JSON ``{"detail": ...}`` under /api and as an HTML page elsewhere,
never as a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import NewsgraphError
from newsgraph.serve import api, web
from newsgraph.serve.assets import StaticAssets
from newsgraph.serve.db import Database, ReadOnlyStoreError
from newsgraph.serve.state import Analyzer, default_analyzer

log = logging.getLogger("newsgraph.serve")
STATIC_DIR = Path(__file__).parent / "static"

# Scripts only from this server: even a rendering bug could not run an article's <script>.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """Adds the security headers to every HTTP response. A plain ASGI middleware: Starlette's
    ``BaseHTTPMiddleware`` costs a task group and a body stream per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [h for h in SECURITY_HEADERS if h[0] not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, detail: object) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status)
    message = detail if isinstance(detail, str) else "The request was not understood."
    return web.render(
        "error.html.j2", status_code=status, title=f"Error {status}", status=status, message=message
    )


def _validation_detail(exc: RequestValidationError) -> list[dict[str, object]]:
    """Where and what, without echoing (possibly huge) inputs back."""
    return [
        {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def create_app(
    db_path: str | Path, analyzer: Analyzer | None = None, read_only: bool = False
) -> FastAPI:
    """The app over the DuckDB file ``db_path`` (created when missing, unless ``read_only``).
    ``analyzer`` turns an Article into an Analysis (default: the full pipeline, loaded on
    first use). ``read_only``: analyses are never stored (for several worker processes)."""
    db = Database(db_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="newsgraph workbench",
        version="0.1.0",
        description=(
            "Articles analysed by newsgraph: actors, events (PLOVER/CAMEO), quotes, claims, "
            "times, places and findings, each with its span in the text; actor profiles, "
            "events by dyad, the actor network. Article objects follow newsgraph.analysis/1."
        ),
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN; /docs is a local page instead
        redoc_url=None,
    )
    app.state.db = db
    app.state.analyzer = analyzer or default_analyzer

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": _validation_detail(exc)}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(request, 400, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(ReadOnlyStoreError)
    async def read_only_store(request: Request, exc: ReadOnlyStoreError) -> Response:
        return _error(request, 409, str(exc))

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error; the server log has the details")

    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticAssets(STATIC_DIR), name="static")
    app.add_middleware(SecurityHeaders)
    return app


DB_ENV = "NEWSGRAPH_SERVE_DB"


def app_from_env() -> FastAPI:
    """The app for each of several worker processes (``newsgraph serve --workers N``): the
    store named by ``$NEWSGRAPH_SERVE_DB``, read-only, as several processes may hold it."""
    import os

    return create_app(os.environ[DB_ENV], read_only=True)
