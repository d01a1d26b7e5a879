"""The Spark runner: the same pure per-document function, fed through ``mapPartitions``.

Documents are read on the driver with the ordinary readers and shipped to executors as
plain records, a bounded chunk per Spark job. Each executor's Python worker builds the
pipeline resources (spaCy model, actor KB, verbs, gazetteer) once and codes its partitions
with the same batch function as the local runner, so per-document errors stay ``Failure``
records exactly as there. Results come back tagged with their input position and are
yielded in input order, so ``run_spark`` and :func:`accord.engine.local.run_local` give
the same stream for the same inputs.

The per-document time budget (``Settings.document_timeout``) is kept by a watchdog, not
by SIGALRM (which fires only between bytecodes, so never inside one long C call, and
gives a batch of N documents N budgets): the Python worker forks one child per partition,
which inherits the loaded resources, and watches it with the ``--workers`` pool
(:func:`accord.engine.parallel.run_parallel`, one worker, ``fork``). A child that spends
one budget on one document is stopped, the document becomes a ``timeout`` failure and the
rest of the partition goes to a fresh child; a child that dies costs only its document
(``worker_crashed``). With no budget (0), or where ``fork`` is missing, the partition is
coded in the Python worker itself (:func:`accord.engine.local.code_within_budget`:
SIGALRM where it can).

:func:`write_parquet` writes the results as Parquet instead of collecting them: events
partitioned by event date, documents and failures beside them (layout in
:mod:`accord.store.parquet`), ready for :meth:`accord.store.EventStore.import_parquet`.

This is the only module that imports ``pyspark`` (installed with ``pip install
'accord[spark]'``); it needs a Java runtime (17 or later).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import multiprocessing as mp
import os
import re
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pyarrow as pa

from accord import errors
from accord.config import Settings
from accord.engine.local import BatchFunction, code_within_budget
from accord.engine.parallel import run_parallel
from accord.errors import AccordError, ResourceError, UsageError
from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, build_resources, process_batch
from accord.store.codec import event_table
from accord.store.parquet import (
    DOCUMENTS_DIR,
    EVENTS_DIR,
    FAILURES_DIR,
    PARQUET_DOCUMENT_SCHEMA,
    PARQUET_FAILURE_SCHEMA,
    PARTITION_COLUMN,
    document_rows,
    failure_rows,
)

__all__ = [
    "DEFAULT_MASTER",
    "ParquetReport",
    "SparkJob",
    "run_spark",
    "spark_available",
    "spark_job",
    "spark_session",
    "write_parquet",
]

DEFAULT_MASTER = "local[2]"
DEFAULT_CHUNK_DOCS = 2000
"""Documents per Spark job: bounds the driver's memory for large inputs."""


@dataclass(frozen=True, slots=True)
class SparkJob:
    """What an executor needs to rebuild the pipeline resources: small, hashable, picklable."""

    settings: Settings
    actor_files: tuple[str, ...] = ()
    dictionaries: str | None = None
    batch_docs: int = 32
    verb_files: tuple[str, ...] = ()
    process: BatchFunction = process_batch
    """What codes a batch (importable on the executors): the local engine's function."""


def spark_job(
    settings: Settings,
    actor_files: Sequence[Path] = (),
    dictionaries: Path | None = None,
    verb_files: Sequence[Path] = (),
) -> SparkJob:
    """A job description with absolute paths (executors may run in another folder)."""
    return SparkJob(
        settings=settings,
        actor_files=tuple(str(Path(p).resolve()) for p in actor_files),
        dictionaries=str(Path(dictionaries).resolve()) if dictionaries is not None else None,
        verb_files=tuple(str(Path(p).resolve()) for p in verb_files),
    )


@dataclass(frozen=True, slots=True)
class ParquetReport:
    documents: int
    events: int
    failures: tuple[Failure, ...]


def spark_available() -> str | None:
    """None when pyspark and a Java runtime are present, else the reason they are not."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'accord[spark]')"
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and Path(java_home, "bin", "java").exists()) and not shutil.which("java"):
        return "no Java runtime found (install Java 17 or set JAVA_HOME)"
    return None


@contextlib.contextmanager
def spark_session(master: str = DEFAULT_MASTER, *, app_name: str = "accord") -> Iterator[Any]:
    """A SparkSession for ``master`` (``local[N]`` or a cluster URL), stopped on exit.

    When this thread already has an active session, that one is used (whatever its
    master) and left running.

    For a local master the executors' Python is this interpreter, so they import the same
    accord; on a cluster, accord and its model must be installed on every worker.
    """
    reason = spark_available()
    if reason is not None:
        raise ResourceError(f"the Spark engine is unavailable: {reason}")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        # The caller's session (a test fixture, a notebook): use it and leave it running.
        yield active
        return
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
    )
    local = master.startswith("local")
    if local:
        # Executors run this interpreter and import accord from where the driver does
        # (Spark replaces the workers' PYTHONPATH with its own otherwise).
        package_root = str(Path(__file__).resolve().parents[2])
        builder = (
            builder.config("spark.pyspark.python", sys.executable)
            .config("spark.executorEnv.PYTHONPATH", package_root)
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
        )
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # the JVM failed to start: report it as a missing resource
        raise ResourceError(f"cannot start Spark ({master}): {exc}") from exc
    if local:
        # RDD functions take their interpreter from the context, not from the config.
        spark.sparkContext.pythonExec = sys.executable
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()


# ---------------------------------------------------------------- executor side


# The one piece of module-level state, and a deliberate exception to the "no module-level
# mutable state" rule: each executor's Python worker must build the resources (a spaCy
# model load, seconds) once and reuse them for every partition it is given, and Spark gives
# no per-worker setup hook. An ``lru_cache`` on a builder keyed by the immutable, hashable
# parts of the SparkJob that resources are made of is the smallest honest form of that: the
# cached value is a pure function of its key, a different job (settings, actor files,
# dictionaries, verbs) builds its own entry, and ``maxsize=2`` bounds what a long-lived
# worker can hold. (Not the whole job: its batch function, when Spark pickled it by value,
# is a new object in every task.) The driver never calls it.
@functools.lru_cache(maxsize=2)
def _worker_resources(
    settings: Settings,
    actor_files: tuple[str, ...],
    dictionaries: str | None,
    verb_files: tuple[str, ...],
) -> Resources:
    resources = build_resources(
        settings,
        actor_files=tuple(Path(p) for p in actor_files),
        dictionaries=Path(dictionaries) if dictionaries else None,
        verb_files=tuple(Path(p) for p in verb_files),
    )
    # The gazetteer reads its index (seconds) on first use: here, once, so that the
    # children forked to code each partition (_code_docs) inherit it rather than each
    # reading it again.
    if resources.coding.places is not None:
        len(resources.coding.places)
    return resources


def _job_resources(job: SparkJob) -> Resources:
    return _worker_resources(job.settings, job.actor_files, job.dictionaries, job.verb_files)


# An accord error on an executor (a missing model, a bad --actors file) reaches the driver
# only as the text of a failed Spark job; it is tagged so the driver can raise the same
# error, with the same message and exit code, as the local engine would.
_TAG = "accord-error"
_TAGGED = re.compile(rf"<{_TAG} (\w+)>(.*?)</{_TAG}>", re.DOTALL)


def _executor_resources(job: SparkJob) -> Resources:
    try:
        return _job_resources(job)
    except AccordError as exc:
        raise RuntimeError(f"<{_TAG} {type(exc).__name__}>{exc}</{_TAG}>") from exc


def _collect(rdd: Any) -> list[Any]:
    """``rdd.collect()``, with a failed job turned into an accord error."""
    try:
        return list(rdd.collect())
    except Exception as exc:
        text = str(exc)
        found = _TAGGED.search(text)
        if found is not None:
            cls = getattr(errors, found.group(1), None)
            if isinstance(cls, type) and issubclass(cls, AccordError):
                raise cls(found.group(2)) from exc
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        raise ResourceError(f"the Spark job failed: {lines[-1] if lines else exc!r}") from exc


# Documents and results cross the wire with their metadata as a plain dict: the records
# hold a read-only MappingProxyType there, which pickle cannot carry.
def _to_wire(doc: Document) -> Document:
    return dataclasses.replace(doc, metadata=dict(doc.metadata))


def _from_wire(doc: Document) -> Document:
    return dataclasses.replace(doc, metadata=MappingProxyType(dict(doc.metadata)))


def _result_to_wire(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=_to_wire(r.doc))


def _result_from_wire(r: DocResult) -> DocResult:
    return dataclasses.replace(r, doc=_from_wire(r.doc))


@dataclass(frozen=True, slots=True)
class _Inherited:
    """The resources of a child forked by an executor's Python worker: those the worker
    built (and cached) before forking, so the child starts at once, with no model load."""

    job: SparkJob

    def build(self) -> Resources:
        return _job_resources(self.job)


def _code_partition(
    job: SparkJob, rows: Iterable[tuple[int, Document]]
) -> Iterator[tuple[int, DocResult]]:
    """Code one partition of (input position, document); results keep their position."""
    rows = list(rows)
    if not rows:
        return
    resources = _executor_resources(job)  # built here, before any fork
    docs = [_from_wire(doc) for _, doc in rows]
    for (pos, _), result in zip(rows, _code_docs(job, docs, resources), strict=True):
        yield pos, _result_to_wire(result)


def _code_docs(job: SparkJob, docs: Sequence[Document], resources: Resources) -> list[DocResult]:
    """One result per document, in order, each within ``Settings.document_timeout``."""
    budget, size = resources.settings.document_timeout, job.batch_docs
    if budget > 0 and "fork" in mp.get_all_start_methods():
        # The watchdog (module docstring): one forked child for the whole partition.
        coded = run_parallel(
            docs,
            _Inherited(job),
            workers=1,
            chunk_docs=size,
            start_method="fork",
            process=job.process,
            timeout=budget,
        )
        return [r for r in coded if isinstance(r, DocResult)]  # documents in: results out
    return [
        r
        for i in range(0, len(docs), size)
        for r in code_within_budget(docs[i : i + size], resources, budget, job.process)
    ]


# ---------------------------------------------------------------- driver side


def _chunks(
    items: Iterable[Document | Failure], size: int
) -> Iterator[list[tuple[int, Document | Failure]]]:
    chunk: list[tuple[int, Document | Failure]] = []
    for pos, item in enumerate(items):
        chunk.append((pos, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _coded_rdd(spark: Any, job: SparkJob, chunk: Sequence[tuple[int, Document | Failure]]) -> Any:
    docs = [(pos, _to_wire(item)) for pos, item in chunk if isinstance(item, Document)]
    sc = spark.sparkContext
    # Many small partitions per core keep every core busy to the end when documents differ
    # in length (each worker builds its resources once and reuses them: _worker_resources).
    slices = max(1, min(len(docs), 8 * sc.defaultParallelism))
    return sc.parallelize(docs, slices).mapPartitions(functools.partial(_code_partition, job))


def run_spark(
    items: Iterable[Document | Failure],
    job: SparkJob,
    spark: Any,
    *,
    chunk_docs: int = DEFAULT_CHUNK_DOCS,
) -> Iterator[DocResult | Failure]:
    """Code documents on Spark; same contract as ``run_local``: input order, ingest
    failures passed through unchanged."""
    if chunk_docs < 1:
        raise UsageError(f"chunk_docs must be at least 1, got {chunk_docs}")
    for chunk in _chunks(items, chunk_docs):
        coded: dict[int, DocResult] = {}
        if any(isinstance(item, Document) for _, item in chunk):
            rows = _collect(_coded_rdd(spark, job, chunk))
            coded = {pos: _result_from_wire(r) for pos, r in rows}
        for pos, item in chunk:
            yield item if isinstance(item, Failure) else coded[pos]


# ---------------------------------------------------------------- Parquet output

_SPARK_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "string": "StringType",
        "int32": "IntegerType",
        "int64": "LongType",
        "double": "DoubleType",
        "date32[day]": "DateType",
    }
)


def _spark_schema(schema: pa.Schema, extra: Sequence[tuple[str, str]] = ()) -> Any:
    from pyspark.sql import types as T

    fields = [(f.name, str(f.type)) for f in schema] + list(extra)
    out = []
    for name, arrow_type in fields:
        if arrow_type not in _SPARK_TYPES:
            raise TypeError(f"no Spark type for column {name} ({arrow_type})")
        out.append(T.StructField(name, getattr(T, _SPARK_TYPES[arrow_type])(), True))
    return T.StructType(out)


def _event_rows(item: tuple[int, DocResult]) -> list[tuple[Any, ...]]:
    result = item[1]
    if result.failures:
        return []
    table = event_table(result.events)
    names = table.column_names
    return [(*(row[n] for n in names), row["date"]) for row in table.to_pylist()]


def _document_rows(item: tuple[int, DocResult]) -> list[tuple[Any, ...]]:
    result = _result_from_wire(item[1])
    return [] if result.failures else document_rows([result])


def _failure_rows(item: tuple[int, DocResult]) -> list[tuple[Any, ...]]:
    return failure_rows(item[1].failures)


def _summary(item: tuple[int, DocResult]) -> tuple[int, int, int, tuple[Failure, ...]]:
    pos, r = item
    return (pos, 0, 0, r.failures) if r.failures else (pos, 1, len(r.events), ())


def write_parquet(
    items: Iterable[Document | Failure],
    job: SparkJob,
    spark: Any,
    out_dir: str | Path,
    *,
    chunk_docs: int = DEFAULT_CHUNK_DOCS,
) -> ParquetReport:
    """Code documents on Spark and write them as Parquet under ``out_dir`` (replaced).

    Results are never collected on the driver; only a per-document summary is.
    """
    from pyspark import StorageLevel

    if chunk_docs < 1:
        raise UsageError(f"chunk_docs must be at least 1, got {chunk_docs}")
    root = str(out_dir).rstrip("/")
    event_schema = _spark_schema(event_table(()).schema, [(PARTITION_COLUMN, "date32[day]")])
    doc_schema = _spark_schema(PARQUET_DOCUMENT_SCHEMA)
    failure_schema = _spark_schema(PARQUET_FAILURE_SCHEMA)
    sc = spark.sparkContext
    documents = events = 0
    failures: list[Failure] = []
    mode = "overwrite"
    chunks: Iterable[list[tuple[int, Document | Failure]]] = _chunks(items, chunk_docs)
    for chunk in _first_or_empty(chunks):
        read_failures = [item for _, item in chunk if isinstance(item, Failure)]
        if any(isinstance(item, Document) for _, item in chunk):
            coded = _coded_rdd(spark, job, chunk).persist(StorageLevel.MEMORY_AND_DISK)
        else:
            coded = sc.parallelize([], 1)
        try:
            # Coding happens here, once: the writes below read the persisted results.
            summary = _collect(coded.map(_summary))
            spark.createDataFrame(coded.flatMap(_event_rows), event_schema).write.mode(
                mode
            ).partitionBy(PARTITION_COLUMN).parquet(f"{root}/{EVENTS_DIR}")
            spark.createDataFrame(coded.flatMap(_document_rows), doc_schema).write.mode(
                mode
            ).parquet(f"{root}/{DOCUMENTS_DIR}")
            fail_rdd = coded.flatMap(_failure_rows).union(
                sc.parallelize(failure_rows(read_failures), 1)
            )
            spark.createDataFrame(fail_rdd, failure_schema).write.mode(mode).parquet(
                f"{root}/{FAILURES_DIR}"
            )
        finally:
            coded.unpersist()
        failed: list[tuple[int, tuple[Failure, ...]]] = []
        for pos, n_docs, n_events, fails in summary:
            documents += n_docs
            events += n_events
            failed.append((pos, fails))
        failed.extend((pos, (item,)) for pos, item in chunk if isinstance(item, Failure))
        failures.extend(f for _, fails in sorted(failed, key=lambda x: x[0]) for f in fails)
        mode = "append"
    return ParquetReport(documents=documents, events=events, failures=tuple(failures))


def _first_or_empty(
    chunks: Iterable[list[tuple[int, Document | Failure]]],
) -> Iterator[list[tuple[int, Document | Failure]]]:
    """The chunks, or one empty chunk when there are none (so the datasets are still written)."""
    empty = True
    for chunk in chunks:
        empty = False
        yield chunk
    if empty:
        yield []
