"""Sharing one store file between processes: readers while an ingest runs.

DuckDB lets one process open a database file for writing and then no other process may
open it at all, not even read-only; any number of processes may open it read-only while
none writes. So a process that holds the file for a whole run (an ingest of an hour) locks
every reader out for that hour, and a reader that holds it (a notebook) stops the ingest.

accord's rule instead: **every process holds the file only for the moment it needs it,
and waits, rather than fails, while another holds it.**

- An ingest (:class:`ShortWrites`) codes documents with the file closed and opens it
  writable only to look up what is stored (a window of inputs at a time) and to commit a
  chunk (``--commit-every`` documents, one transaction): a few tens of milliseconds per
  chunk, then the file is free again.
- Readers (``accord events``, the analysis commands, :func:`accord.open`, ``accord
  serve``'s requests) open it read-only for one query and close it.
- Whoever finds it held waits with a growing pause (20 ms doubling to 100 ms) and tries
  again, up to a limit (readers :data:`READ_WAIT`, writers :data:`WRITE_WAIT` seconds);
  only past that limit does the lock error reach the user, saying how long it waited.
- Writers go first: a writer that finds the file held says so in a file beside the store
  (``STORE.writer-waiting``, touched at every try, removed once it gets in), and a reader
  about to open the store waits while that file is fresh (up to :data:`YIELD_WAIT`
  seconds), so a steady stream of short reads (a dashboard polling) cannot starve an
  ingest. A reader that keeps the store open between queries (``accord serve``) lets go
  when it sees the file.

New events are visible to a reader from the next query after the ingest commits them.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from accord.errors import StoreError
from accord.ingest.identity import InputFile
from accord.model import DocResult, Failure
from accord.store.duck import DEFAULT_CHUNK_SIZE, EventStore
from accord.store.folding import ClusterStats, DedupMethod
from accord.store.records import WriteStats
from accord.store.renames import Renames

__all__ = [
    "READ_WAIT",
    "WRITE_WAIT",
    "YIELD_WAIT",
    "IngestTarget",
    "ShortWrites",
    "is_locked",
    "open_waiting",
    "writer_waiting",
]

READ_WAIT = 60.0
"""Seconds a reader waits for a store another process is writing."""
WRITE_WAIT = 600.0
"""Seconds a writer waits for a store other processes are reading or writing."""

YIELD_WAIT = 2.0
"""Seconds a reader gives way to a waiting writer before it tries the store anyway."""
_FRESH = 5.0
"""A writer-waiting file older than this is left over from a writer that stopped."""

_FIRST_PAUSE = 0.02
_LONGEST_PAUSE = 0.1


def is_locked(exc: StoreError) -> bool:
    """Whether ``exc`` says another process holds the store."""
    return "locked" in exc.message


def _waiting_file(path: str | Path) -> Path:
    return Path(f"{path}.writer-waiting")


def writer_waiting(path: str | Path) -> bool:
    """Whether a writer is waiting for the store at ``path`` (its file touched in the last
    few seconds)."""
    try:
        age = time.time() - _waiting_file(path).stat().st_mtime
    except OSError:
        return False
    return age < _FRESH


def _say_waiting(path: str | Path) -> bool:
    try:
        _waiting_file(path).touch()
    except OSError:
        return False  # a folder we may not write: readers just do not give way
    return True


def _done_waiting(path: str | Path) -> None:
    with contextlib.suppress(OSError):
        _waiting_file(path).unlink()


def _give_way(path: str | Path, wait: float) -> None:
    """Before a read: while a writer waits, for up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while writer_waiting(path) and time.monotonic() < deadline:
        time.sleep(_FIRST_PAUSE)


def open_waiting(
    path: str | Path,
    *,
    read_only: bool,
    wait: float,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> EventStore:
    """:meth:`EventStore.open`, retried while another process holds the file, for up to
    ``wait`` seconds; then the lock's :class:`StoreError`, saying how long it waited."""
    deadline = time.monotonic() + max(0.0, wait)
    pause = _FIRST_PAUSE
    waiting = False
    try:
        while True:
            if read_only:
                _give_way(path, min(YIELD_WAIT, max(0.0, deadline - time.monotonic())))
            try:
                return EventStore.open(path, read_only=read_only, chunk_size=chunk_size)
            except StoreError as exc:
                if not is_locked(exc):
                    raise
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreError(
                        f"{exc.message} (waited {wait:g} s for it)", origin=exc.origin
                    ) from exc
                if not read_only:
                    waiting = _say_waiting(path) or waiting
                time.sleep(min(pause, left))
                pause = min(pause * 2, _LONGEST_PAUSE)
    finally:
        if waiting:
            _done_waiting(path)


class IngestTarget(Protocol):
    """What an ingest needs of a store: an open :class:`EventStore` or
    :class:`ShortWrites`."""

    def old_ids(self, files: Iterable[InputFile]) -> Renames: ...

    def known_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]: ...

    def write(
        self,
        results: Iterable[DocResult],
        failures: Iterable[Failure] = (),
        *,
        renames: Renames | None = None,
    ) -> WriteStats: ...


class ShortWrites:
    """The store at ``path`` as an ingest uses it (:func:`accord.api.ingest_into`), each
    call in a connection of its own, opened writable (waiting up to ``wait`` seconds while
    another process holds the file) and closed when the call returns."""

    def __init__(
        self,
        path: str | Path,
        *,
        wait: float = WRITE_WAIT,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> None:
        self._path = str(path)
        self._wait = wait
        self._chunk_size = chunk_size

    @property
    def path(self) -> str:
        return self._path

    def _open(self) -> EventStore:
        return open_waiting(
            self._path, read_only=False, wait=self._wait, chunk_size=self._chunk_size
        )

    def old_ids(self, files: Iterable[InputFile]) -> Renames:
        with self._open() as store:
            return store.old_ids(files)

    def known_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        with self._open() as store:
            return store.known_hashes(doc_ids)

    def write(
        self,
        results: Iterable[DocResult],
        failures: Iterable[Failure] = (),
        *,
        renames: Renames | None = None,
    ) -> WriteStats:
        with self._open() as store:
            return store.write(results, failures, renames=renames)

    def rebuild_clusters(
        self, method: DedupMethod = "near", threshold: float = 0.8
    ) -> ClusterStats:
        with self._open() as store:
            return store.rebuild_clusters(method, threshold)
