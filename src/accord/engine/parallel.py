"""The multiprocessing runner: worker processes, each with its own loaded Resources.

A thin runner around :func:`accord.pipeline.process_batch`: documents go to the workers in
chunks, results come back in input order, and no domain logic lives here.

* Each worker builds its Resources once, from a picklable factory (:class:`ResourceSpec`:
  the same Settings, actor files, verb files and dictionaries as the caller's coder).
* The input is read lazily: at most ``window`` chunks are read and not yet handed back, so
  memory stays bounded whatever the input's size.
* A worker that dies (a crash in native code, the OOM killer) costs no other document: the
  documents of the chunk it was coding are retried one by one in a fresh worker, and a
  document that kills its worker again becomes a ``worker_crashed`` Failure. The run goes on.
* A per-document time budget (``timeout``, ``Settings.document_timeout``): a watchdog in
  the parent stops a worker that has spent more than one budget on one document, starts
  another, and the document becomes a ``timeout`` Failure; the run goes on. To know which
  document a worker is on, the parent is told: :func:`~accord.pipeline.process_batch`
  reports (``on_doc``) each document it cleans or codes alone, and the chunk's parse, which
  the documents share and which keeps the parser's batching, gets what is left of their
  budgets. A document stopped is one budget of its own work (the other documents of its
  chunk go to the next worker, coded again: their results come with the chunk's); when the
  shared parse runs over, each document is coded again alone, with one budget. A batch
  function that takes no ``on_doc`` is given its chunk one document at a time, each result
  sent back at once: one budget a document and none coded twice, without batching.
* Workers are started with ``spawn`` (safe with spaCy and DuckDB's threads, and the same
  on every platform); ``forkserver`` can be asked for.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import inspect
import multiprocessing as mp
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from queue import SimpleQueue
from types import MappingProxyType
from typing import Any, Protocol, cast

from accord.config import Settings
from accord.engine.local import timeout_failure
from accord.errors import AccordError, ResourceError, UsageError
from accord.model import DocResult, Document, Failure, ParsedSentence, Sentence
from accord.nlp import Parser, SpacyParser
from accord.pipeline import DocProgress, Resources, build_resources, process_batch

__all__ = [
    "BatchFunction",
    "LazyParser",
    "ProgressBatchFunction",
    "ResourceFactory",
    "ResourceSpec",
    "reports_progress",
    "run_parallel",
]

BatchFunction = Callable[[Sequence[Document], Resources], list[DocResult]]
"""What a worker runs on each chunk: documents in, one result per document, in order."""

STAGE = "engine"
CRASH_CODE = "worker_crashed"
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_POLL_S = 1.0
"""How often an idle worker checks that its parent is still alive."""
_STOP_GRACE_S = 10.0
_MAX_STARTUP_DEATHS = 3


class ResourceFactory(Protocol):
    """A picklable recipe for Resources, built once in each worker process."""

    def build(self) -> Resources: ...


@dataclass(frozen=True, slots=True)
class ResourceSpec:
    """How to build Resources: what :func:`accord.pipeline.build_resources` is given."""

    settings: Settings = field(default_factory=Settings)
    actor_files: tuple[Path, ...] = ()
    dictionaries: Path | None = None
    verb_files: tuple[Path, ...] = ()

    def build(self, parser: Parser | None = None) -> Resources:
        return build_resources(
            self.settings,
            actor_files=self.actor_files,
            parser=parser,
            dictionaries=self.dictionaries,
            verb_files=self.verb_files,
        )


class LazyParser:
    """A spaCy parser that loads its model on first use.

    The main process of a parallel run needs the knowledge base (content hashes, explain)
    but never parses, so it need not hold a model of its own.
    """

    def __init__(self, model: str, *, batch_size: int = 64) -> None:
        self._model = model
        self._batch_size = batch_size
        self._parser: SpacyParser | None = None

    def parse(self, sentences: Sequence[Sentence]) -> list[ParsedSentence]:
        if self._parser is None:
            self._parser = SpacyParser.load(self._model, batch_size=self._batch_size)
        return self._parser.parse(sentences)


# ---------------------------------------------------------------------- pickling helpers


def _portable_doc(doc: Document) -> Document:
    """Documents keep metadata in a read-only MappingProxyType, which pickle refuses."""
    if isinstance(doc.metadata, MappingProxyType):
        return dataclasses.replace(doc, metadata=dict(doc.metadata))
    return doc


def _restored_doc(doc: Document) -> Document:
    if isinstance(doc.metadata, dict):
        return dataclasses.replace(doc, metadata=MappingProxyType(doc.metadata))
    return doc


def _portable_result(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=_portable_doc(r.doc))


def _restored_result(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=_restored_doc(r.doc))


def _failed(doc: Document, code: str, message: str) -> DocResult:
    failure = Failure(doc_id=doc.id, origin=doc.origin, stage=STAGE, code=code, message=message)
    return DocResult(doc=doc, failures=(failure,))


def _exception_result(doc: Document, exc: BaseException) -> DocResult:
    code = exc.code if isinstance(exc, AccordError) else type(exc).__name__
    message = exc.message if isinstance(exc, AccordError) else str(exc) or type(exc).__name__
    return _failed(doc, code, message)


# ---------------------------------------------------------------------- the worker process


class ProgressBatchFunction(Protocol):
    """A batch function that says which document it is working on (``on_doc``, as
    :func:`~accord.pipeline.process_batch` does)."""

    def __call__(
        self,
        docs: Sequence[Document],
        resources: Resources,
        *,
        on_doc: DocProgress | None = None,
    ) -> list[DocResult]: ...


def reports_progress(process: BatchFunction) -> bool:
    """Whether ``process`` takes ``on_doc`` (:class:`ProgressBatchFunction`)."""
    try:
        return "on_doc" in inspect.signature(process).parameters
    except (TypeError, ValueError):
        return False


def _code_chunk(
    docs: Sequence[Document],
    resources: Resources,
    process: BatchFunction,
    on_doc: DocProgress | None = None,
) -> list[DocResult]:
    """Run ``process`` on a chunk; an exception costs only the documents that raise it.
    ``on_doc``: passed on (a document coded alone is reported by its place in ``docs``)."""

    def run(batch: Sequence[Document], note: DocProgress | None) -> list[DocResult]:
        if note is None:
            return process(batch, resources)
        return cast(ProgressBatchFunction, process)(batch, resources, on_doc=note)

    try:
        results = run(docs, on_doc)
        if len(results) == len(docs):
            return results
    except Exception:
        pass
    out: list[DocResult] = []
    for k, doc in enumerate(docs):
        note = None if on_doc is None else functools.partial(_alone, on_doc, k)
        try:
            (one,) = run([doc], note)
            out.append(one)
        except Exception as exc:
            out.append(_exception_result(doc, exc))
    return out


def _alone(on_doc: DocProgress, k: int, index: int | None) -> None:
    """A document coded alone: everything done is done for it."""
    del index
    on_doc(k)


def _send_results(
    conn: Connection, task_id: int, docs: Sequence[Document], results: list[DocResult]
) -> None:
    try:
        payload = pickle.dumps(
            ("done", task_id, [_portable_result(r) for r in results]), protocol=_PROTOCOL
        )
    except Exception as exc:
        failed = [
            _failed(d, "unpicklable", f"the result could not be sent back from the worker: {exc}")
            for d in docs
        ]
        payload = pickle.dumps(("done", task_id, failed), protocol=_PROTOCOL)
    conn.send_bytes(payload)


def _init_error(exc: BaseException) -> bytes:
    """The message for a failed start: the exception itself when it survives pickling."""
    try:
        payload = pickle.dumps(("init_error", exc), protocol=_PROTOCOL)
        pickle.loads(payload)
        return payload
    except Exception:
        wrapped = ResourceError(f"{type(exc).__name__}: {exc}")
        return pickle.dumps(("init_error", wrapped), protocol=_PROTOCOL)


def _send_one(conn: Connection, task_id: int, doc: Document, result: DocResult) -> None:
    try:
        payload = pickle.dumps(("doc", task_id, _portable_result(result)), protocol=_PROTOCOL)
    except Exception as exc:
        failed = _failed(doc, "unpicklable", f"the result could not be sent back: {exc}")
        payload = pickle.dumps(("doc", task_id, failed), protocol=_PROTOCOL)
    conn.send_bytes(payload)


def _worker_main(
    factory: ResourceFactory,
    process: BatchFunction,
    tasks: Connection,
    conn: Connection,
    mode: str = "batch",
) -> None:
    """A worker: build Resources once, then code chunks read from ``tasks`` until told to
    stop (an empty message) or the pipe closes. ``mode`` (a time budget runs unless it is
    ``batch``): ``progress``, say which document the batch is on (``at`` messages, with
    this process's clock); ``one_by_one``, code each chunk a document at a time and send
    each result as soon as it is there.

    Exits by itself when its parent process is gone (killed with SIGKILL, say).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = mp.parent_process()
    try:
        resources = factory.build()
    except BaseException as exc:
        with contextlib.suppress(OSError):
            conn.send_bytes(_init_error(exc))
        return
    try:
        conn.send_bytes(pickle.dumps(("ready", resources.version), protocol=_PROTOCOL))
    except OSError:
        return  # the parent is gone
    while True:
        try:
            if not tasks.poll(_POLL_S):
                if parent is not None and not parent.is_alive():
                    return
                continue
            raw = tasks.recv_bytes()
        except (EOFError, OSError):
            return  # the parent is gone
        if raw == _STOP:
            return
        task_id, packed = pickle.loads(raw)
        docs = [_restored_doc(d) for d in packed]
        try:
            if mode == "one_by_one":
                for doc in docs:
                    _send_one(conn, task_id, doc, _code_chunk([doc], resources, process)[0])
            else:
                note = functools.partial(_tell, conn, task_id) if mode == "progress" else None
                _send_results(conn, task_id, docs, _code_chunk(docs, resources, process, note))
        except OSError:
            return  # the parent is gone


def _tell(conn: Connection, task_id: int, index: int | None) -> None:
    """Tell the parent which document of the task the worker is on (None: all of them)."""
    conn.send_bytes(pickle.dumps(("at", task_id, index, time.monotonic()), protocol=_PROTOCOL))


# ---------------------------------------------------------------------- the parent side


_STOP = b""
"""The message that tells a worker to stop (a task is never empty)."""


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
class _Slot:
    """One chunk of the input, in input order: documents and pass-through failures."""

    items: list[Document | Failure]
    results: dict[int, DocResult] = field(default_factory=dict)
    waiting: int = 0

    def output(self) -> Iterator[DocResult | Failure]:
        for pos, item in enumerate(self.items):
            yield item if isinstance(item, Failure) else self.results[pos]


@dataclass(frozen=True, slots=True)
class _Task:
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
    pending: deque[_Task] = field(default_factory=deque)
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

    task: _Task
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


class _Pool:
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
            target=_worker_main,
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

    def submit(self, worker: _Worker, task: _Task) -> None:
        payload = pickle.dumps(
            (task.task_id, [_portable_doc(d) for d in task.docs]), protocol=_PROTOCOL
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

    def wait(self) -> tuple[list[tuple[_Task, list[DocResult]]], list[_Lost]]:
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
        done: list[tuple[_Task, list[DocResult]]] = []
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

    def _drain(self, w: _Worker, done: list[tuple[_Task, list[DocResult]]]) -> bool:
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
                done.append((task, [_restored_result(r) for r in message[2]]))
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
                w.partial.append(_restored_result(message[2]))
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
            w.tasks.put(_STOP)
        for w in stopping:
            w.process.join(timeout=_STOP_GRACE_S)
        for w in self._workers:
            _discard(w)
        self._workers = []


def _crashed(doc: Document, how: str, retried: bool) -> DocResult:
    msg = f"the worker process coding this document died ({how})" + (
        "; it died again when the document was retried alone" if retried else ""
    )
    return _failed(doc, CRASH_CODE, msg)


def _timeout(doc: Document, budget: float) -> DocResult:
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


def run_parallel(
    items: Iterable[Document | Failure],
    factory: ResourceFactory,
    *,
    workers: int = 2,
    chunk_docs: int = 8,
    per_worker: int = 2,
    window: int | None = None,
    start_method: str = "spawn",
    process: BatchFunction = process_batch,
    timeout: float = 0.0,
) -> Iterator[DocResult | Failure]:
    """Code ``items`` in ``workers`` processes; results come back in input order.

    ``factory.build()`` runs once in each worker (:class:`ResourceSpec` for the usual
    Settings, actor files and dictionaries). Failures in ``items`` (unreadable inputs)
    pass through in place. ``chunk_docs`` documents go to a worker at a time, each worker
    holds at most ``per_worker`` chunks, and at most ``window`` chunks (default: twice what
    the workers hold) are read and not yet yielded. ``process`` (picklable; default
    :func:`~accord.pipeline.process_batch`) codes one chunk. ``timeout``: seconds per
    document (0: none; ``Settings.document_timeout`` is not read here, the caller passes
    it): a worker that spends one budget on one document is stopped and replaced and the
    document becomes a ``timeout`` Failure (module docstring: how a worker tells the parent
    which document it is on, and what a batch function without ``on_doc`` gets). Workers
    start when the first chunk is handed out and stop when the iterator is exhausted or
    closed. As workers are spawned, a script calling this needs the
    ``if __name__ == "__main__":`` guard.
    """
    if workers < 1:
        raise UsageError(f"workers must be at least 1, got {workers}")
    if chunk_docs < 1 or per_worker < 1:
        raise UsageError("chunk_docs and per_worker must be at least 1")
    limit = window if window is not None else 2 * workers * per_worker
    if limit < 1:
        raise UsageError(f"window must be at least 1, got {limit}")
    try:
        ctx = mp.get_context(start_method)
    except ValueError as exc:
        raise UsageError(f"unknown start method {start_method!r}") from exc
    pool = _Pool(ctx, factory, process, workers, per_worker, max(0.0, timeout))
    return _run(iter(items), pool, chunk_docs, limit)


def _run(
    it: Iterator[Document | Failure], pool: _Pool, chunk_docs: int, window: int
) -> Iterator[DocResult | Failure]:
    graceful = False
    try:
        yield from _schedule(it, pool, chunk_docs, window)
        graceful = True
    finally:
        pool.close(graceful=graceful)


def _schedule(
    it: Iterator[Document | Failure], pool: _Pool, chunk_docs: int, window: int
) -> Iterator[DocResult | Failure]:
    slots: dict[int, _Slot] = {}
    backlog: deque[_Task] = deque()
    next_slot = next_out = next_task = 0
    exhausted = False

    def task(slot: int, positions: Sequence[int], docs: Sequence[Document], retry: bool) -> _Task:
        nonlocal next_task
        next_task += 1
        return _Task(next_task, slot, tuple(positions), tuple(docs), retry)

    def finish(t: _Task, results: Sequence[DocResult]) -> None:
        slot = slots[t.slot]
        for pos, r in zip(t.positions, results, strict=True):
            slot.results[pos] = r
        slot.waiting -= len(t.positions)

    def rest(t: _Task, n: int) -> _Task:
        """``t`` without its first ``n`` documents."""
        return task(t.slot, t.positions[n:], t.docs[n:], t.retry)

    def pick(t: _Task, places: Sequence[int], retry: bool) -> _Task:
        """The documents of ``t`` at ``places``, as a new task."""
        return task(t.slot, [t.positions[j] for j in places], [t.docs[j] for j in places], retry)

    while True:
        # Hand out work, reading more input while the window has room and every chunk
        # read so far is with a worker.
        while True:
            while backlog and (worker := pool.free()) is not None:
                t = backlog.popleft()
                try:
                    pool.submit(worker, t)
                except Exception as exc:  # a document that cannot be pickled
                    if len(t.docs) > 1:  # find which: send them one by one
                        backlog.extendleft(
                            task(t.slot, [p], [d], t.retry)
                            for p, d in reversed(list(zip(t.positions, t.docs, strict=True)))
                        )
                        continue
                    msg = f"the document could not be sent to a worker process: {exc}"
                    finish(t, [_failed(t.docs[0], "unpicklable", msg)])
            if backlog or exhausted or next_slot - next_out >= window:
                break
            items = list(islice(it, chunk_docs))
            if not items:
                exhausted = True
                break
            slot = _Slot(items)
            positions = [i for i, x in enumerate(items) if isinstance(x, Document)]
            slot.waiting = len(positions)
            slots[next_slot] = slot
            if positions:
                docs = [items[i] for i in positions]
                backlog.append(task(next_slot, positions, docs, False))  # type: ignore[arg-type]
            next_slot += 1
        # Hand back, in input order, every chunk that is complete.
        while next_out in slots and slots[next_out].waiting == 0:
            yield from slots.pop(next_out).output()
            next_out += 1
        if exhausted and not slots:
            return
        if not backlog and not exhausted and next_slot - next_out < window:
            continue  # room to read more
        # Every chunk not handed back is with a worker, or waits for one to be free.
        done, lost = pool.wait()
        for t, results in done:
            finish(t, results)
        retries: list[_Task] = []
        for x in lost:
            t = x.task
            if x.done:  # coding one by one: these came back before the worker stopped
                n = len(x.done)
                finish(task(t.slot, t.positions[:n], t.docs[:n], t.retry), x.done)
                t = rest(t, n)
            # The document the worker was on alone, when it is known (one by one: the first).
            at = 0 if pool.one_by_one else x.phase
            if not x.how:  # never started: give it to another worker as it is
                retries.append(t)
            elif at is not None:
                # That document alone is at fault; the others go to the next worker. A
                # timeout is final; after a crash the document is tried once more, alone.
                others = [j for j in range(len(t.docs)) if j != at]
                if others:
                    retries.append(pick(t, others, t.retry))
                t = pick(t, [at], t.retry)
                if x.timed_out:
                    finish(t, [_timeout(t.docs[0], pool.timeout)])
                elif not t.retry:
                    retries.append(dataclasses.replace(t, retry=True))
                else:
                    finish(t, [_crashed(t.docs[0], x.how, t.retry)])
            elif len(t.docs) > 1 and not t.retry:  # in work the documents shared
                retries.extend(
                    task(t.slot, [p], [d], True) for p, d in zip(t.positions, t.docs, strict=True)
                )
            elif x.timed_out:  # a document alone, over its budget in the parse
                finish(t, [_timeout(t.docs[0], pool.timeout)])
            else:
                finish(t, [_crashed(t.docs[0], x.how, t.retry)])
        backlog.extendleft(reversed(retries))
