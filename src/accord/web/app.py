"""The FastAPI application ``accord serve`` runs: the API (:mod:`accord.web.api`), the
dashboard's pages and its static assets, one error envelope, and the headers that keep
hostile article text inert in a browser.

The dashboard is static HTML and JavaScript shipped in the package
(``accord/web/static``): pages fetch the API and build the DOM with ``textContent``, never
with HTML from data; the Content-Security-Policy allows scripts from the server only.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, Response
from starlette.staticfiles import StaticFiles

from accord._version import __version__
from accord.analysis.reader import StoreReader
from accord.errors import StoreError, UsageError
from accord.web.api import router
from accord.web.config import ServeConfig
from accord.web.responses import error_answer
from accord.web.store import StoreBusy, StoreKeeper

__all__ = ["PAGES", "create_app", "static_dir"]

PAGES: dict[str, str] = {
    "/": "overview",
    "/events": "events",
    "/dyad": "dyad",
    "/country": "country",
    "/network": "network",
    "/map": "map",
    "/document": "document",
}
"""Dashboard path -> page name (the ``data-page`` of the shell that dashboard.js reads)."""

CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self' 'unsafe-inline'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""Scripts only from this server (inline and injected script never runs); inline styles
are allowed because the charting library sets them."""

_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}

_log = logging.getLogger("accord.web")


def static_dir() -> Path:
    """The dashboard's assets, shipped in the package."""
    return Path(str(files("accord.web") / "static"))


def _host_name(header: str) -> str:
    host = header.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _shell(page: str) -> str:
    template = (static_dir() / "shell.html").read_text(encoding="utf-8")
    return template.replace("{{page}}", page)


def create_app(config: ServeConfig) -> FastAPI:
    """The server for ``config``: fails with :class:`StoreError` at once when ``config.db``
    is no readable store (nothing is created)."""
    with StoreReader(config.db):
        pass
    keeper = StoreKeeper(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        keeper.close()

    app = FastAPI(
        lifespan=lifespan,
        title="accord",
        version=__version__,
        summary="Read-only REST API over an accord event store.",
        description=(
            "Every list is paginated (`limit`, `offset`; `page.total`). Every error is "
            '`{"error": {"status", "code", "message", "details"}}`. Dates are YYYY-MM-DD, '
            "YYYY-MM or YYYY."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.config = config
    app.state.keeper = keeper
    hosts = config.hosts()

    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = _host_name(request.headers.get("host", ""))
        if "*" not in hosts and host not in hosts:
            response: Response = error_answer(400, "bad_host", "this Host is not served")
        elif request.method not in ("GET", "HEAD"):
            response = error_answer(405, "method_not_allowed", "the server is read-only",
                                    headers={"Allow": "GET, HEAD"})  # fmt: skip
        else:
            response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return error_answer(exc.status_code, codes.get(exc.status_code, "http"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details: list[dict[str, Any]] = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        return error_answer(422, "invalid", "a parameter is out of its limits", details)

    @app.exception_handler(UsageError)
    async def refused(request: Request, exc: UsageError) -> Response:
        return error_answer(400, "bad_request", exc.message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        if isinstance(exc, StoreBusy):
            return error_answer(503, "store_busy", exc.message, headers={"Retry-After": "1"})
        _log.error("store error: %s", exc)
        return error_answer(503, "store", "the store could not be read")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        _log.exception("internal error on %s", request.url.path)
        return error_answer(500, "internal", "internal error")

    app.include_router(router)

    for path, page in PAGES.items():
        app.add_api_route(
            path, _page_view(page), methods=["GET"], include_in_schema=False,
            response_class=HTMLResponse,
        )  # fmt: skip
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app


def _page_view(page: str) -> Callable[[], HTMLResponse]:
    def view() -> HTMLResponse:
        return HTMLResponse(_shell(page))

    view.__name__ = f"page_{page}"
    return view
