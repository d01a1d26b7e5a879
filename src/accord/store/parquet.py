"""The Parquet layout written by the Spark engine, and reading it back into the store.

A Parquet export is a folder with three datasets, in the store's own columns
(:mod:`accord.store.codec`), written by the Spark engine (``accord code --engine spark
--parquet DIR``) or from a store (:func:`export_parquet`, ``accord export --format
parquet``):

* ``events/event_date=YYYY-MM-DD/*.parquet``: the ``events`` table's columns, partitioned
  by event date; events without a date are in the Hive null partition
  ``event_date=__HIVE_DEFAULT_PARTITION__``;
* ``documents/*.parquet``: the ``documents`` table's columns except ``ingested_at``
  (set when imported; a store export keeps it);
* ``failures/*.parquet``: the ``failures`` table's columns except ``seen_at`` (a store
  export writes them only when it exports every event).

DuckDB can query these directly (``read_parquet('out/events/*/*.parquet')``);
:func:`read_parquet_export` turns them back into records so that
:meth:`accord.store.EventStore.import_parquet` stores them through the same idempotent
write path as a normal ingest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as pads

from accord.errors import StoreError, UsageError
from accord.model import DocResult, Document, Event, Failure
from accord.store.codec import (
    DOCUMENT_COLUMNS,
    DOCUMENT_SCHEMA,
    EVENT_COLUMNS,
    FAILURE_COLUMNS,
    FAILURE_SCHEMA,
    document_table,
    event_from_row,
    failure_from_row,
    failure_table,
)
from accord.store.filters import EventQuery, where_sql

if TYPE_CHECKING:
    from accord.store.duck import EventStore

__all__ = [
    "DOCUMENTS_DIR",
    "EVENTS_DIR",
    "FAILURES_DIR",
    "PARQUET_DOCUMENT_SCHEMA",
    "PARQUET_FAILURE_SCHEMA",
    "PARTITION_COLUMN",
    "ParquetExport",
    "document_rows",
    "export_parquet",
    "failure_rows",
    "read_parquet_export",
]

EVENTS_DIR = "events"
DOCUMENTS_DIR = "documents"
FAILURES_DIR = "failures"
PARTITION_COLUMN = "event_date"

PARQUET_DOCUMENT_SCHEMA: pa.Schema = DOCUMENT_SCHEMA.remove(
    DOCUMENT_SCHEMA.get_field_index("ingested_at")
)
PARQUET_FAILURE_SCHEMA: pa.Schema = FAILURE_SCHEMA.remove(FAILURE_SCHEMA.get_field_index("seen_at"))

_EPOCH = dt.datetime(1970, 1, 1)


def document_rows(results: Iterable[DocResult]) -> list[tuple[Any, ...]]:
    """Rows of :data:`PARQUET_DOCUMENT_SCHEMA` for stored-style results (no failures)."""
    table = document_table(results, _EPOCH).select(PARQUET_DOCUMENT_SCHEMA.names)
    return [tuple(row.values()) for row in table.to_pylist()]


def failure_rows(failures: Iterable[Failure]) -> list[tuple[Any, ...]]:
    """Rows of :data:`PARQUET_FAILURE_SCHEMA`."""
    table = failure_table(failures, _EPOCH).select(PARQUET_FAILURE_SCHEMA.names)
    return [tuple(row.values()) for row in table.to_pylist()]


def _files(root: Path, name: str) -> str | None:
    """A glob of the dataset's Parquet files, or None when it has none."""
    folder = root / name
    if not any(p for p in folder.rglob("*.parquet") if not p.name.startswith(".")):
        return None
    return str(folder / "**" / "*.parquet")


def _query(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    try:
        return [tuple(r) for r in con.execute(sql).fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"cannot read the Parquet export: {exc}") from exc


def _scan(glob: str, columns: Iterable[str]) -> str:
    cols = ", ".join(columns)
    quoted = glob.replace("'", "''")
    return f"SELECT {cols} FROM read_parquet('{quoted}', hive_partitioning = false)"


def read_parquet_export(
    folder: str | Path,
) -> tuple[Iterator[DocResult], list[Failure]]:
    """(document results with their events, failures) from a Parquet export folder.

    Documents come back without their text (the store does not keep it); their content
    hash is the one computed when they were coded, so importing the same export twice
    changes nothing and a re-coded document replaces its earlier events.
    """
    root = Path(folder)
    if not root.is_dir():
        raise StoreError("no such Parquet export folder", origin=str(root))
    if not (root / DOCUMENTS_DIR).is_dir():
        raise StoreError(
            f"not an accord Parquet export (no {DOCUMENTS_DIR}/ folder)", origin=str(root)
        )
    con = duckdb.connect(":memory:")
    try:
        failures: list[Failure] = []
        fglob = _files(root, FAILURES_DIR)
        if fglob is not None:
            rows = _query(con, _scan(fglob, PARQUET_FAILURE_SCHEMA.names) + " ORDER BY ALL")
            failures = [failure_from_row(r) for r in rows]
        dglob = _files(root, DOCUMENTS_DIR)
        doc_rows = (
            _query(con, _scan(dglob, PARQUET_DOCUMENT_SCHEMA.names) + " ORDER BY doc_id")
            if dglob is not None
            else []
        )
        by_doc: dict[str, list[Event]] = {}
        eglob = _files(root, EVENTS_DIR)
        if eglob is not None:
            sql = _scan(eglob, EVENT_COLUMNS) + " ORDER BY doc_id, sentence_index, event_id"
            for row in _query(con, sql):
                event = event_from_row(row)
                by_doc.setdefault(event.doc_id, []).append(event)
    finally:
        con.close()
    unknown = set(by_doc) - {str(r[0]) for r in doc_rows}
    if unknown:
        raise StoreError(
            f"the export has events of {len(unknown)} document(s) it does not list, "
            f"e.g. {sorted(unknown)[0]!r}",
            origin=str(root),
        )
    return (_result(row, by_doc.get(str(row[0]), [])) for row in doc_rows), failures


def _result(row: tuple[Any, ...], events: list[Event]) -> DocResult:
    (doc_id, content_hash, title, date, url, source, author, origin, sentences, metadata) = row
    doc = Document(
        id=doc_id,
        text="",
        title=title,
        date=date,
        url=url,
        source=source,
        author=author,
        origin=origin,
        metadata=MappingProxyType(json.loads(metadata) if metadata else {}),
    )
    return DocResult(
        doc=doc, events=tuple(events), sentence_count=sentences, content_hash=content_hash
    )


# ----------------------------------------------------------------------------- export

_ORDER = "date NULLS LAST, doc_id, sentence_index, event_id"
_OPEN_FILES = 8


@dataclass(frozen=True, slots=True)
class ParquetExport:
    """What :func:`export_parquet` wrote."""

    events: int
    documents: int
    failures: int


def _counted(reader: pa.RecordBatchReader, box: list[int]) -> pa.RecordBatchReader:
    def batches() -> Iterator[pa.RecordBatch]:
        for batch in reader:
            box[0] += batch.num_rows
            yield batch

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


def _write(reader: pa.RecordBatchReader, folder: Path, partitioned: bool) -> int:
    box = [0]
    partitioning = (
        pads.partitioning(pa.schema([(PARTITION_COLUMN, pa.date32())]), flavor="hive")
        if partitioned
        else None
    )
    pads.write_dataset(
        _counted(reader, box),
        folder,
        format="parquet",
        partitioning=partitioning,
        basename_template="part-{i}.parquet",
        existing_data_behavior="error",
        # The events come in date order, so each day's file is finished before the next
        # starts: closing files early keeps memory to a few days' rows, not the export's.
        max_open_files=_OPEN_FILES,
    )
    return box[0]


def export_parquet(store: EventStore, folder: str | Path, query: EventQuery) -> ParquetExport:
    """Write the events of ``query`` as a Parquet export under ``folder`` (a new or empty
    folder): ``events/`` partitioned by event date, in the store's own columns, and the
    documents they come from; with a query that filters nothing (every mode, no other
    filter: ``EventQuery(modes=())``) every document and the failures too, so ``accord
    ingest --from-parquet`` rebuilds the store. Spark, DuckDB and pandas read it as they
    read the Spark engine's export."""
    root = Path(folder)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise UsageError(f"{root}: the export folder must be new or empty")
    store.check_query(query)
    where, params = where_sql(query)
    cols = ", ".join(EVENT_COLUMNS)
    picked = f"SELECT * FROM events{where} ORDER BY {_ORDER}"
    if query.limit is not None:
        picked += " LIMIT ?"
        params.append(query.limit)
    root.mkdir(parents=True, exist_ok=True)
    events = _write(
        store.record_batches(
            f"SELECT {cols}, date AS {PARTITION_COLUMN} FROM ({picked}) ORDER BY {_ORDER}",
            params,
        ),
        root / EVENTS_DIR,
        partitioned=True,
    )
    everything = not where and query.limit is None
    doc_cols = ", ".join(DOCUMENT_COLUMNS)
    doc_sql = f"SELECT {doc_cols} FROM documents"
    doc_params: list[Any] = []
    if not everything:
        doc_sql += f" WHERE doc_id IN (SELECT doc_id FROM ({picked}))"
        doc_params = list(params)
    documents = _write(
        store.record_batches(doc_sql + " ORDER BY doc_id", doc_params),
        root / DOCUMENTS_DIR,
        partitioned=False,
    )
    failures = 0
    if everything:
        failures = _write(
            store.record_batches(
                f"SELECT {', '.join(FAILURE_COLUMNS)} FROM failures ORDER BY doc_id, stage"
            ),
            root / FAILURES_DIR,
            partitioned=False,
        )
    return ParquetExport(events, documents, failures)
