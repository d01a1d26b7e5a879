"""The store's DuckDB connection and the query helpers every part of the store uses.

:class:`StoreConnection` holds the connection and runs statements on it: one row, all rows,
rows streamed a batch at a time, an Arrow table registered for one statement, a body run in
one transaction. Any DuckDB error becomes a :class:`~accord.errors.StoreError` naming the
store. :class:`accord.store.writing.StoreWriter` and :class:`accord.store.duck.EventStore`
build on it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.store.codec import DOCUMENT_COLUMNS, EVENT_COLUMNS, FAILURE_COLUMNS, FINGERPRINT_COLUMNS
from accord.store.records import WriteStats

__all__ = ["StoreConnection"]

_FETCH = 2000

# Names under which Arrow tables are registered for the duration of one statement group.
_V_IDS = "_accord_ids"
_V_DOCS = "_accord_docs"
_V_EVENTS = "_accord_events"
_V_FAILURES = "_accord_failures"
_V_OLD = "_accord_old"

_EVENT_COLS = ", ".join(EVENT_COLUMNS)
_DOC_COLS = ", ".join(DOCUMENT_COLUMNS)
_FAILURE_COLS = ", ".join(FAILURE_COLUMNS)
_FP_COLS = ", ".join(FINGERPRINT_COLUMNS)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _first(con: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    """The first row of the pending result, consuming all of it.

    DuckDB 2 keeps a connection busy until a result is fetched to the end, so a bare
    ``fetchone()`` would block the next statement.
    """
    rows = con.fetchall()
    return tuple(rows[0]) if rows else None


class StoreConnection:
    """An open DuckDB connection of a store, with the helpers its reads and writes share."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, chunk_size: int) -> None:
        self._con = con
        self._path = path
        self._chunk_size = chunk_size
        self._closed = False

    # ------------------------------------------------------------------ helpers

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed", origin=self._path)

    def _fetchone(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        self._check_open()
        try:
            row = _first(self._con.execute(sql, list(params)))
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc
        if row is None:
            raise StoreError("query returned no row", origin=self._path)
        return tuple(row)

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self._check_open()
        try:
            return [tuple(r) for r in self._con.execute(sql, list(params)).fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def _with_view(self, name: str, table: pa.Table, sql: str) -> tuple[Any, ...] | None:
        """Run ``sql`` with ``table`` visible as ``name``; returns the first result row."""
        self._con.register(name, table)
        try:
            return _first(self._con.execute(sql))
        finally:
            self._con.unregister(name)

    def _count(self, name: str, table: pa.Table, sql: str) -> int:
        row = self._with_view(name, table, sql)
        return int(row[0]) if row is not None and row[0] is not None else 0

    def _in_transaction(self, body: Callable[[], WriteStats]) -> WriteStats:
        con = self._con
        try:
            con.begin()
        except duckdb.Error as exc:
            raise StoreError(f"cannot start a transaction: {exc}", origin=self._path) from exc
        try:
            stats = body()
            con.commit()
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"write failed and was rolled back: {exc}", origin=self._path) from exc
        except BaseException:
            self._rollback()
            raise
        return stats

    def _rollback(self) -> None:
        # The original error matters more than a failure to roll back (the transaction is
        # discarded either way when the connection closes).
        with contextlib.suppress(duckdb.Error):
            self._con.rollback()

    def _stream_rows(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, fetched a batch at a time; any DuckDB error is a StoreError."""
        try:
            cur = self._con.cursor()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc
        try:
            try:
                cur.execute(sql, params)
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {exc}", origin=self._path) from exc
            while True:
                try:
                    rows = cur.fetchmany(_FETCH)
                except duckdb.Error as exc:
                    raise StoreError(f"query failed: {exc}", origin=self._path) from exc
                if not rows:
                    return
                yield from (tuple(r) for r in rows)
        finally:
            cur.close()
