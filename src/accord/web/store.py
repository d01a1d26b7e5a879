"""How a request reaches the store: opened read-only for that request only, waited for
(not failed) while an ingest holds it.

Opening a DuckDB file costs tens of milliseconds when no connection to it is open in the
process, and next to nothing while one is (DuckDB keeps the database instance). So the
server keeps one idle read-only connection (:class:`StoreKeeper`) while requests come, and
closes it ``keep_open`` seconds after the last one, or as soon as a writer says it is
waiting (:func:`accord.store.access.writer_waiting`): a page's burst of API calls shares
one open, and an ingest is never kept waiting by it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

from fastapi import Request

from accord.errors import StoreError
from accord.store import EventStore
from accord.store.access import is_locked, open_waiting, writer_waiting
from accord.web.config import ServeConfig

__all__ = ["StoreBusy", "StoreKeeper", "open_read_only", "request_store"]


class StoreBusy(StoreError):
    """Another process held the store for longer than the server waits."""

    code = "store_busy"


def open_read_only(config: ServeConfig) -> EventStore:
    """The store, read-only; while another process writes it, retried with a growing
    pause for up to ``config.busy_timeout`` seconds (:func:`accord.store.access.open_waiting`),
    then :class:`StoreBusy`."""
    try:
        return open_waiting(config.db, read_only=True, wait=config.busy_timeout)
    except StoreError as exc:
        if not is_locked(exc):
            raise
        raise StoreBusy(
            f"the store is being written by another process (waited "
            f"{config.busy_timeout:g} s); retry shortly"
        ) from exc


class StoreKeeper:
    """Keeps one idle read-only connection to the store open from a request until
    ``config.keep_open`` seconds after the last one (0: never)."""

    def __init__(self, config: ServeConfig) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._held: EventStore | None = None
        self._last = 0.0
        self._timer: threading.Timer | None = None

    @property
    def holding(self) -> bool:
        with self._lock:
            return self._held is not None

    def touch(self) -> None:
        """A request has the store open: keep the instance alive past it (unless a writer
        waits for the store: then let go of it)."""
        if self._config.keep_open <= 0:
            return
        if writer_waiting(self._config.db):
            self.release()
            return
        with self._lock:
            self._last = time.monotonic()
            if self._held is None:
                try:
                    self._held = EventStore.open(self._config.db, read_only=True)
                except StoreError:
                    return
            if self._timer is None:
                self._arm(self._config.keep_open)

    def _arm(self, delay: float) -> None:
        self._timer = threading.Timer(delay, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            left = self._last + self._config.keep_open - time.monotonic()
            if left > 0 and not writer_waiting(self._config.db):
                self._arm(left)
                return
            self._timer = None
            held, self._held = self._held, None
        if held is not None:
            held.close()

    def release(self) -> None:
        """Close the idle connection now (a writer waits, or the server stops)."""
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            held, self._held = self._held, None
        if held is not None:
            held.close()


def request_store(request: Request) -> Iterator[EventStore]:
    """FastAPI dependency: the store for one request, closed after it."""
    config: ServeConfig = request.app.state.config
    keeper: StoreKeeper = request.app.state.keeper
    if writer_waiting(config.db):
        keeper.release()  # before this request gives way to the writer
    store = open_read_only(config)
    try:
        keeper.touch()
        yield store
    finally:
        store.close()
