"""The in-process runner: documents and failures in, results out, in input order.

A per-document time budget (``Settings.document_timeout``) is enforced here with SIGALRM
(``signal.setitimer``), so only on POSIX and in the main thread: elsewhere the budget is
not enforced in this process (use the ``--workers`` engine, whose parent stops a stuck
worker). A signal fires late when the interpreter is inside a long C call.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import FrameType

from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, process_batch

BatchFunction = Callable[[Sequence[Document], Resources], list[DocResult]]

STAGE = "engine"
TIMEOUT_CODE = "timeout"


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so that ``except Exception`` lets it through."""


def can_time_out() -> bool:
    """Whether this thread can enforce a time budget with SIGALRM."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_failure(doc: Document, budget: float, how: str = "") -> DocResult:
    """The ``timeout`` failure of a document that took longer than ``budget`` seconds."""
    message = f"document {doc.id!r} took longer than its time budget of {budget:g} s"
    message += f" (document_timeout){how}; the run went on"
    failure = Failure(
        doc_id=doc.id, origin=doc.origin, stage=STAGE, code=TIMEOUT_CODE, message=message
    )
    return DocResult(doc=doc, failures=(failure,))


def code_within_budget(
    docs: Sequence[Document],
    resources: Resources,
    timeout: float,
    process: BatchFunction = process_batch,
) -> list[DocResult]:
    """``process(docs)`` with ``timeout`` seconds per document (the batch gets the sum);
    a batch over it is coded again one document at a time, and a document alone over its
    budget becomes a ``timeout`` failure. No budget when ``timeout`` <= 0 or outside the
    main thread."""
    if timeout <= 0 or not docs or not can_time_out():
        return process(docs, resources)
    try:
        with _alarm(timeout * len(docs)):
            return process(docs, resources)
    except _Expired:
        if len(docs) == 1:
            return [timeout_failure(docs[0], timeout)]
    out: list[DocResult] = []
    for doc in docs:
        try:
            with _alarm(timeout):
                out.extend(process([doc], resources))
        except _Expired:
            out.append(timeout_failure(doc, timeout))
    return out


def run_local(
    items: Iterable[Document | Failure],
    resources: Resources,
    *,
    batch_docs: int = 32,
    timeout: float | None = None,
    process: BatchFunction = process_batch,
) -> Iterator[DocResult | Failure]:
    """Code documents in bounded batches; ingest failures pass through unchanged, in order.

    ``timeout``: seconds per document (default ``resources.settings.document_timeout``;
    0: none), enforced only in the main thread (:func:`code_within_budget`)."""
    budget = resources.settings.document_timeout if timeout is None else timeout
    pending: list[Document] = []
    for item in items:
        if isinstance(item, Failure):
            if pending:
                yield from code_within_budget(pending, resources, budget, process)
                pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_docs:
            yield from code_within_budget(pending, resources, budget, process)
            pending = []
    if pending:
        yield from code_within_budget(pending, resources, budget, process)
