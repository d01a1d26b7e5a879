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

This module schedules (:func:`run_parallel`); the worker process's side is
:mod:`accord.engine.worker`, the pool of workers and its watchdog :mod:`accord.engine.pool`.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from accord.engine.pool import Pool, Slot, Task, crashed, timeout_result
from accord.engine.worker import (
    BatchFunction,
    LazyParser,
    ProgressBatchFunction,
    ResourceFactory,
    ResourceSpec,
    failed_result,
    reports_progress,
)
from accord.errors import UsageError
from accord.model import DocResult, Document, Failure
from accord.pipeline import process_batch

__all__ = [
    "BatchFunction",
    "LazyParser",
    "ProgressBatchFunction",
    "ResourceFactory",
    "ResourceSpec",
    "reports_progress",
    "run_parallel",
]


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
    pool = Pool(ctx, factory, process, workers, per_worker, max(0.0, timeout))
    return _run(iter(items), pool, chunk_docs, limit)


def _run(
    it: Iterator[Document | Failure], pool: Pool, chunk_docs: int, window: int
) -> Iterator[DocResult | Failure]:
    graceful = False
    try:
        yield from _schedule(it, pool, chunk_docs, window)
        graceful = True
    finally:
        pool.close(graceful=graceful)


def _schedule(
    it: Iterator[Document | Failure], pool: Pool, chunk_docs: int, window: int
) -> Iterator[DocResult | Failure]:
    slots: dict[int, Slot] = {}
    backlog: deque[Task] = deque()
    next_slot = next_out = next_task = 0
    exhausted = False

    def task(slot: int, positions: Sequence[int], docs: Sequence[Document], retry: bool) -> Task:
        nonlocal next_task
        next_task += 1
        return Task(next_task, slot, tuple(positions), tuple(docs), retry)

    def finish(t: Task, results: Sequence[DocResult]) -> None:
        slot = slots[t.slot]
        for pos, r in zip(t.positions, results, strict=True):
            slot.results[pos] = r
        slot.waiting -= len(t.positions)

    def rest(t: Task, n: int) -> Task:
        """``t`` without its first ``n`` documents."""
        return task(t.slot, t.positions[n:], t.docs[n:], t.retry)

    def pick(t: Task, places: Sequence[int], retry: bool) -> Task:
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
                    finish(t, [failed_result(t.docs[0], "unpicklable", msg)])
            if backlog or exhausted or next_slot - next_out >= window:
                break
            items = list(islice(it, chunk_docs))
            if not items:
                exhausted = True
                break
            slot = Slot(items)
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
        retries: list[Task] = []
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
                    finish(t, [timeout_result(t.docs[0], pool.timeout)])
                elif not t.retry:
                    retries.append(dataclasses.replace(t, retry=True))
                else:
                    finish(t, [crashed(t.docs[0], x.how, t.retry)])
            elif len(t.docs) > 1 and not t.retry:  # in work the documents shared
                retries.extend(
                    task(t.slot, [p], [d], True) for p, d in zip(t.positions, t.docs, strict=True)
                )
            elif x.timed_out:  # a document alone, over its budget in the parse
                finish(t, [timeout_result(t.docs[0], pool.timeout)])
            else:
                finish(t, [crashed(t.docs[0], x.how, t.retry)])
        backlog.extendleft(reversed(retries))
