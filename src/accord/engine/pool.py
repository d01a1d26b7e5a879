"""The parent side of the multiprocessing runner (:mod:`accord.engine.parallel`): the pool
of worker processes, their task pipes, the watchdog that stops a worker past a document's
time budget, and the replacement of a worker that died or was stopped."""

from __future__ import annotations

import contextlib
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from queue import SimpleQueue
from typing import Any

from accord.engine.local import timeout_failure
from accord.engine.worker import (
    PROTOCOL,
    STOP,
    BatchFunction,
    ResourceFactory,
    failed_result,
    portable_doc,
    reports_progress,
    restored_result,
    worker_main,
)
from accord.errors import AccordError, ResourceError
from accord.model import DocResult, Document, Failure

__all__ = ["CRASH_CODE", "Pool", "Slot", "Task", "crashed", "timeout_result"]

CRASH_CODE = "worker_crashed"
_STOP_GRACE_S = 10.0
_MAX_STARTUP_DEATHS = 3


class _TaskLine:
    """The parent's end of one worker's task pipe. ``put`` never blocks: a thread writes,
    so a parent sending a large chunk can never deadlock against a worker writing its
    results. A pipe and a thread rather than ``multiprocessing.Queue``: a queue's named
    semaphores go through the resource tracker, which at exit sometimes reported one as
    leaked on stderr."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._items: SimpleQueue[bytes | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._feed, name="accord-tasks", daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        while (item := self._items.get()) is not None:
            try:
                self._conn.send_bytes(item)
            except (OSError, ValueError):
                break  # the worker is gone
        with contextlib.suppress(OSError):
            self._conn.close()

    def put(self, payload: bytes) -> None:
        self._items.put(payload)

    def close(self) -> None:
        """Stop writing once what was put is sent (or the worker is gone)."""
        self._items.put(None)


@dataclass(slots=True)
class Slot:
    """One chunk of the input, in input order: documents and pass-through failures."""

    items: list[Document | Failure]
    results: dict[int, DocResult] = field(default_factory=dict)
    waiting: int = 0

    def output(self) -> Iterator[DocResult | Failure]:
        for pos, item in enumerate(self.items):
            yield item if isinstance(item, Failure) else self.results[pos]


@dataclass(frozen=True, slots=True)
class Task:
    task_id: int
    slot: int
    positions: tuple[int, ...]
    docs: tuple[Document, ...]
    retry: bool = False
    """True for a document retried alone after its chunk's worker died."""


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    tasks: _TaskLine
    conn: Connection
    ready: bool = False
    pending: deque[Task] = field(default_factory=deque)
    discarded: bool = False
    started: float | None = None
    """When the worker began its first pending task (monotonic seconds), once ready; coding
    one document at a time, when it began the document it is coding."""
    partial: list[DocResult] = field(default_factory=list)
    """Results of the first pending task received so far (coding one document at a time)."""
    phase: int | None = None
    """The document of the first pending task the worker is on alone (None: all of them,
    or not said yet), since ``started``."""
    spent: dict[int, float] = field(default_factory=dict)
    """Seconds each document of the first pending task has had alone, before ``phase``."""


@dataclass(frozen=True, slots=True)
class _Lost:
    """A task whose worker died (``how``: empty when it had not begun it) or was stopped
    for running over its time budget (``timed_out``)."""

    task: Task
    how: str
    timed_out: bool = False
    done: tuple[DocResult, ...] = ()
    """The results of the task's first documents, received before its worker stopped."""
    phase: int | None = None
    """The document (its place in the task) the worker was on alone, if it said so."""


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "exit status unknown"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


class Pool:
    """The worker processes, their task pipes, and what each has been given."""

    def __init__(
        self,
        ctx: BaseContext,
        factory: ResourceFactory,
        process: BatchFunction,
        workers: int,
        per_worker: int,
        timeout: float = 0.0,
    ) -> None:
        self._ctx = ctx
        self.timeout = timeout
        self.mode = (
            "batch" if timeout <= 0 else "progress" if reports_progress(process) else "one_by_one"
        )
        self.one_by_one = self.mode == "one_by_one"
        self._factory = factory
        self._process = process
        self._per_worker = per_worker
        self._size = workers
        self._workers: list[_Worker] = []
        self._startup_deaths = 0
        self.version: str | None = None

    def _start(self) -> _Worker:
        ctx: Any = self._ctx
        task_reader, task_writer = ctx.Pipe(duplex=False)
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(
            target=worker_main,
            args=(self._factory, self._process, task_reader, send, self.mode),
            name="accord-worker",
            daemon=True,
        )
        proc.start()
        send.close()  # the worker holds the only writing end: EOF when it dies
        task_reader.close()  # and the only reading end of its tasks: EPIPE when it dies
        return _Worker(process=proc, tasks=_TaskLine(task_writer), conn=receive)

    def free(self) -> _Worker | None:
        """The worker with the fewest outstanding tasks, if it can take another.

        Workers start when work is first handed out: a run with nothing to code (a
        resumed ingest) starts none."""
        if not self._workers:
            self._workers = [self._start() for _ in range(self._size)]
        best = min(self._workers, key=lambda w: len(w.pending))
        return best if len(best.pending) < self._per_worker else None

    def submit(self, worker: _Worker, task: Task) -> None:
        payload = pickle.dumps(
            (task.task_id, [portable_doc(d) for d in task.docs]), protocol=PROTOCOL
        )
        worker.pending.append(task)
        if worker.ready and worker.started is None:
            worker.started = time.monotonic()
        worker.tasks.put(payload)  # pickled above, so the writing thread cannot fail on it

    def _deadline(self, w: _Worker) -> float | None:
        """When the document ``w`` is on is over its budget (None: no budget runs); while
        the documents of a chunk are parsed together, when what is left of all their budgets
        is spent."""
        if self.timeout <= 0 or w.started is None or not w.pending:
            return None
        if self.mode != "progress":
            return w.started + self.timeout
        if w.phase is not None:
            return w.started + max(0.0, self.timeout - w.spent.get(w.phase, 0.0))
        docs = len(w.pending[0].docs)
        return w.started + sum(max(0.0, self.timeout - w.spent.get(i, 0.0)) for i in range(docs))

    def wait(self) -> tuple[list[tuple[Task, list[DocResult]]], list[_Lost]]:
        """Block until something happens or a task runs over its time budget:
        (finished tasks, tasks whose worker died or was stopped)."""
        if not any(w.pending for w in self._workers):  # pragma: no cover - a scheduler bug
            raise RuntimeError("waiting for workers that have nothing to do")
        handles: list[Any] = []
        for w in self._workers:
            handles.extend((w.conn, w.process.sentinel))
        deadlines = [d for w in self._workers if (d := self._deadline(w)) is not None]
        left = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = set(wait(handles, timeout=left))
        done: list[tuple[Task, list[DocResult]]] = []
        lost: list[_Lost] = []
        for i, w in enumerate(list(self._workers)):
            if w.conn in ready or w.process.sentinel in ready:
                alive = self._drain(w, done)
                if not alive:
                    lost.extend(self._replace(i, w))
                    continue
            deadline = self._deadline(w)
            if deadline is not None and time.monotonic() >= deadline:
                lost.extend(self._replace(i, w, timed_out=True))
        return done, lost

    def _drain(self, w: _Worker, done: list[tuple[Task, list[DocResult]]]) -> bool:
        """Read every message waiting from ``w``; False when it has died."""
        while True:
            try:
                if not w.conn.poll():
                    return w.process.is_alive()
                message = pickle.loads(w.conn.recv_bytes())
            except (EOFError, OSError, pickle.UnpicklingError):
                return False
            kind = message[0]
            if kind == "ready":
                w.ready = True
                if w.pending and w.started is None:
                    w.started = time.monotonic()
                self._startup_deaths = 0
                self.version = self.version or message[1]
            elif kind == "init_error":
                exc = message[1]
                if isinstance(exc, AccordError):
                    raise exc
                raise ResourceError(f"a worker could not load its resources: {exc}")
            elif kind == "done":
                task = w.pending.popleft()
                if task.task_id != message[1]:  # pragma: no cover - FIFO by construction
                    raise RuntimeError("worker answered out of order")
                w.started = time.monotonic() if w.pending else None
                w.phase, w.spent = None, {}
                done.append((task, [restored_result(r) for r in message[2]]))
            elif kind == "at":
                if w.pending[0].task_id != message[1]:  # pragma: no cover - FIFO
                    raise RuntimeError("worker answered out of order")
                index, when = message[2], message[3]  # the worker's clock: system-wide
                if w.phase is not None and w.started is not None:
                    w.spent[w.phase] = w.spent.get(w.phase, 0.0) + max(0.0, when - w.started)
                w.phase, w.started = index, when
            elif kind == "doc":
                task = w.pending[0]
                if task.task_id != message[1]:  # pragma: no cover - FIFO by construction
                    raise RuntimeError("worker answered out of order")
                w.partial.append(restored_result(message[2]))
                w.started = time.monotonic()  # the next document begins
                if len(w.partial) == len(task.docs):
                    w.pending.popleft()
                    done.append((task, w.partial))
                    w.partial = []
                    w.started = w.started if w.pending else None

    def _replace(self, i: int, dead: _Worker, *, timed_out: bool = False) -> list[_Lost]:
        """Start a worker in place of ``dead`` (stopped first when it ran over its time
        budget); say which of its tasks were lost how."""
        if timed_out:
            _discard(dead)  # terminates it
            how = f"stopped after {self.timeout:g} s per document"
        else:
            dead.process.join(timeout=_STOP_GRACE_S)
            how = _describe_exit(dead.process.exitcode)
            _discard(dead)
        if not dead.ready:
            self._startup_deaths += 1
            if self._startup_deaths >= _MAX_STARTUP_DEATHS:
                raise ResourceError(
                    f"worker processes keep dying while loading their resources ({how})"
                )
        self._workers[i] = self._start()
        lost: list[_Lost] = []
        for n, task in enumerate(dead.pending):
            # A worker codes its tasks in order: only the first one was being coded.
            started = dead.ready and n == 0
            done = tuple(dead.partial) if started else ()
            phase = dead.phase if started else None
            lost.append(_Lost(task, how if started else "", timed_out and started, done, phase))
        return lost

    def close(self, *, graceful: bool) -> None:
        # A worker still loading its resources has nothing to finish: it is terminated.
        stopping = [w for w in self._workers if graceful and w.ready and w.process.is_alive()]
        for w in stopping:
            w.tasks.put(STOP)
        for w in stopping:
            w.process.join(timeout=_STOP_GRACE_S)
        for w in self._workers:
            _discard(w)
        self._workers = []


def crashed(doc: Document, how: str, retried: bool) -> DocResult:
    msg = f"the worker process coding this document died ({how})" + (
        "; it died again when the document was retried alone" if retried else ""
    )
    return failed_result(doc, CRASH_CODE, msg)


def timeout_result(doc: Document, budget: float) -> DocResult:
    return timeout_failure(doc, budget, "; its worker process was stopped and replaced")


def _discard(w: _Worker) -> None:
    if w.discarded:
        return
    w.discarded = True
    if w.process.is_alive():
        w.process.terminate()
        w.process.join(timeout=2)
        if w.process.is_alive():  # pragma: no cover - terminate is enough for our workers
            w.process.kill()
            w.process.join()
    w.tasks.close()
    with contextlib.suppress(Exception):
        w.conn.close()
    with contextlib.suppress(Exception):
        w.process.close()
