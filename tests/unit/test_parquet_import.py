"""Importing a Parquet export (the Spark engine's layout) into the store, without Spark.

The export is written here with pyarrow in the same layout Spark writes (Hive partitions
by event date, the null partition for undated events), so the import path is tested in
every tier; tests/integration/test_spark.py checks Spark's own files.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from accord.errors import StoreError
from accord.model import DocResult, Failure
from accord.store import EventQuery, EventStore
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
from tests.unit.test_store import by_id, make_result

ALL = EventQuery(modes=())


def write_export(root: Path, results: list[DocResult], failures: list[Failure]) -> None:
    """Write (replacing) an export as ``accord code --engine spark --parquet`` would."""
    shutil.rmtree(root, ignore_errors=True)
    events = event_table(e for r in results for e in r.events)
    events = events.append_column(PARTITION_COLUMN, events.column("date"))
    ds.write_dataset(
        events,
        root / EVENTS_DIR,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([(PARTITION_COLUMN, pa.date32())]), flavor="hive"),
    )
    for name, rows, schema in (
        (DOCUMENTS_DIR, document_rows(results), PARQUET_DOCUMENT_SCHEMA),
        (FAILURES_DIR, failure_rows(failures), PARQUET_FAILURE_SCHEMA),
    ):
        (root / name).mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(
            [dict(zip(schema.names, r, strict=True)) for r in rows], schema
        )
        pq.write_table(table, root / name / "part-0.parquet")


def results() -> list[DocResult]:
    undated = make_result("b", 1)
    undated = dataclasses.replace(
        undated, events=tuple(dataclasses.replace(e, date=None) for e in undated.events)
    )
    return [
        make_result("a", 3, metadata={"feed": "x", "tags": [1, 2]}),
        undated,
        make_result("c", 0),
    ]


FAILURES = [Failure("bad.txt", "/in/bad.txt", "ingest", "empty", "file is empty")]


def test_import_equals_a_direct_write_and_is_idempotent(tmp_path: Path) -> None:
    export = tmp_path / "export"
    write_export(export, results(), FAILURES)
    assert (export / EVENTS_DIR / f"{PARTITION_COLUMN}=__HIVE_DEFAULT_PARTITION__").is_dir()
    with EventStore.open(tmp_path / "direct.duckdb") as direct:
        direct.write(results(), FAILURES)
        expected = by_id(direct.iter_events(ALL))
        expected_docs = [(d.doc_id, d.content_hash, d.title, d.sentence_count, d.event_count)
                         for d in direct.documents()]  # fmt: skip
    with EventStore.open(tmp_path / "imported.duckdb") as store:
        first = store.import_parquet(export)
        assert (first.docs_added, first.events_added, first.failures_recorded) == (3, 4, 1)
        assert by_id(store.iter_events(ALL)) == expected
        assert [(d.doc_id, d.content_hash, d.title, d.sentence_count, d.event_count)
                for d in store.documents()] == expected_docs  # fmt: skip
        assert store.failures() == FAILURES
        again = store.import_parquet(export)
        assert (again.docs_added, again.docs_unchanged, again.events_added) == (0, 3, 0)
        assert store.counts().events == 4


def test_a_recoded_document_replaces_its_events(tmp_path: Path) -> None:
    export = tmp_path / "export"
    write_export(export, results(), [])
    recoded = [make_result("a", 1, content_hash="h2")]
    with EventStore.open(tmp_path / "s.duckdb") as store:
        store.import_parquet(export)
        write_export(export, recoded, [])
        st = store.import_parquet(export)
        assert (st.docs_replaced, st.events_removed, st.events_added) == (1, 3, 1)
        assert [e.event_id for e in store.iter_events(EventQuery(doc_id="a"))] == ["a:0"]


def test_bad_exports_are_store_errors(tmp_path: Path) -> None:
    with EventStore.open(":memory:") as store:
        with pytest.raises(StoreError, match="no such Parquet export"):
            store.import_parquet(tmp_path / "nowhere")
        with pytest.raises(StoreError, match="not an accord Parquet export"):
            store.import_parquet(tmp_path)
        orphan = tmp_path / "orphan"
        write_export(orphan, [make_result("a", 1)], [])
        (orphan / DOCUMENTS_DIR / "part-0.parquet").unlink()
        with pytest.raises(StoreError, match="does not list"):
            store.import_parquet(orphan)
        assert store.counts().events == 0
