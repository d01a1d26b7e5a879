"""``accord serve``: a read-only REST API and a web dashboard over an event store.

:func:`create_app` builds the FastAPI application from a :class:`ServeConfig`; the CLI
runs it with uvicorn on 127.0.0.1 unless told otherwise. See ``docs/dashboard.md``.
FastAPI loads on first use of :func:`create_app`, so the CLI stays quick to start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.web.config import DEFAULT_HOST, DEFAULT_PORT, ServeConfig, is_loopback

if TYPE_CHECKING:
    from accord.web.app import create_app

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "ServeConfig", "create_app", "is_loopback"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from accord.web.app import create_app

        return create_app
    raise AttributeError(f"module 'accord.web' has no attribute {name!r}")
