"""The worker side of the multiprocessing runner (:mod:`accord.engine.parallel`): what a
worker process builds once (:class:`ResourceSpec`, :class:`LazyParser`), how documents and
results cross the process boundary, and the worker's loop (:func:`worker_main`): code a
chunk, tell the parent which document it is on, send the results back in order."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import inspect
import multiprocessing as mp
import pickle
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from types import MappingProxyType
from typing import Protocol, cast

from accord.config import Settings
from accord.errors import AccordError, ResourceError
from accord.model import DocResult, Document, Failure, ParsedSentence, Sentence
from accord.nlp import Parser, SpacyParser
from accord.nlp.parser import one_blas_thread_for_this_process
from accord.pipeline import DocProgress, Resources, build_resources

__all__ = [
    "PROTOCOL",
    "STAGE",
    "STOP",
    "BatchFunction",
    "LazyParser",
    "ProgressBatchFunction",
    "ResourceFactory",
    "ResourceSpec",
    "failed_result",
    "portable_doc",
    "reports_progress",
    "restored_result",
    "worker_main",
]

BatchFunction = Callable[[Sequence[Document], Resources], list[DocResult]]
"""What a worker runs on each chunk: documents in, one result per document, in order."""

STAGE = "engine"
PROTOCOL = pickle.HIGHEST_PROTOCOL
_POLL_S = 1.0
"""How often an idle worker checks that its parent is still alive."""

STOP = b""
"""The message that tells a worker to stop (a task is never empty)."""


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


def portable_doc(doc: Document) -> Document:
    """Documents keep metadata in a read-only MappingProxyType, which pickle refuses."""
    if isinstance(doc.metadata, MappingProxyType):
        return dataclasses.replace(doc, metadata=dict(doc.metadata))
    return doc


def _restored_doc(doc: Document) -> Document:
    if isinstance(doc.metadata, dict):
        return dataclasses.replace(doc, metadata=MappingProxyType(doc.metadata))
    return doc


def _portable_result(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=portable_doc(r.doc))


def restored_result(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=_restored_doc(r.doc))


def failed_result(doc: Document, code: str, message: str) -> DocResult:
    failure = Failure(doc_id=doc.id, origin=doc.origin, stage=STAGE, code=code, message=message)
    return DocResult(doc=doc, failures=(failure,))


def _exception_result(doc: Document, exc: BaseException) -> DocResult:
    code = exc.code if isinstance(exc, AccordError) else type(exc).__name__
    message = exc.message if isinstance(exc, AccordError) else str(exc) or type(exc).__name__
    return failed_result(doc, code, message)


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
            ("done", task_id, [_portable_result(r) for r in results]), protocol=PROTOCOL
        )
    except Exception as exc:
        failed = [
            failed_result(
                d, "unpicklable", f"the result could not be sent back from the worker: {exc}"
            )
            for d in docs
        ]
        payload = pickle.dumps(("done", task_id, failed), protocol=PROTOCOL)
    conn.send_bytes(payload)


def _init_error(exc: BaseException) -> bytes:
    """The message for a failed start: the exception itself when it survives pickling."""
    try:
        payload = pickle.dumps(("init_error", exc), protocol=PROTOCOL)
        pickle.loads(payload)
        return payload
    except Exception:
        wrapped = ResourceError(f"{type(exc).__name__}: {exc}")
        return pickle.dumps(("init_error", wrapped), protocol=PROTOCOL)


def _send_one(conn: Connection, task_id: int, doc: Document, result: DocResult) -> None:
    try:
        payload = pickle.dumps(("doc", task_id, _portable_result(result)), protocol=PROTOCOL)
    except Exception as exc:
        failed = failed_result(doc, "unpicklable", f"the result could not be sent back: {exc}")
        payload = pickle.dumps(("doc", task_id, failed), protocol=PROTOCOL)
    conn.send_bytes(payload)


def worker_main(
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
        one_blas_thread_for_this_process()  # a worker is accord's own process
    except BaseException as exc:
        with contextlib.suppress(OSError):
            conn.send_bytes(_init_error(exc))
        return
    try:
        conn.send_bytes(pickle.dumps(("ready", resources.version), protocol=PROTOCOL))
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
        if raw == STOP:
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
    conn.send_bytes(pickle.dumps(("at", task_id, index, time.monotonic()), protocol=PROTOCOL))
