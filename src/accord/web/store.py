"""How a request reaches the store: opened read-only for that request only, so the
server never stands in the way of ``accord ingest``, and waited for (not failed) while an
ingest holds it."""

from __future__ import annotations

import time
from collections.abc import Iterator

from fastapi import Request

from accord.errors import StoreError
from accord.store import EventStore
from accord.web.config import ServeConfig

__all__ = ["StoreBusy", "open_read_only", "request_store"]


class StoreBusy(StoreError):
    """Another process held the store for longer than the server waits."""

    code = "store_busy"


def _locked(exc: StoreError) -> bool:
    return "locked" in exc.message


def open_read_only(config: ServeConfig) -> EventStore:
    """The store, read-only; while another process writes it, retried with a growing
    pause for up to ``config.busy_timeout`` seconds, then :class:`StoreBusy`."""
    deadline = time.monotonic() + config.busy_timeout
    pause = 0.02
    while True:
        try:
            return EventStore.open(config.db, read_only=True)
        except StoreError as exc:
            if not _locked(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise StoreBusy(
                    f"the store is being written by another process (waited "
                    f"{config.busy_timeout:g} s); retry shortly"
                ) from exc
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.5)


def request_store(request: Request) -> Iterator[EventStore]:
    """FastAPI dependency: the store for one request, closed after it."""
    config: ServeConfig = request.app.state.config
    store = open_read_only(config)
    try:
        yield store
    finally:
        store.close()
