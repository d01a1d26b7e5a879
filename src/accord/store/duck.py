"""The DuckDB event store: one file, idempotent bulk writes, typed reads.

:class:`EventStore` opens a store file (creating or migrating its schema) and reads it:
events, folded events, documents, failures, counts and Arrow results of read queries. Its
writes come from :class:`accord.store.writing.StoreWriter` (Arrow tables, a chunk of
documents per transaction), its connection helpers from :mod:`accord.store.connection`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.model import DocumentRef, Event, Failure, FoldedEvent
from accord.store.codec import EVENT_COLUMNS, event_from_row, failure_from_row, id_table
from accord.store.connection import _EVENT_COLS, _FAILURE_COLS, _V_IDS, _first, _utcnow
from accord.store.filters import EventQuery, check_codes, where_sql
from accord.store.folding import (
    OUTLET_SQL,
    ClusterStats,
    DedupMethod,
    cluster_stats,
    folded_sql,
    rebuild_clusters,
)
from accord.store.records import DocumentSummary, StoreCounts, StoredEvent, WriteStats
from accord.store.schema import CREATE_SCHEMA_VERSION, MIGRATIONS, SCHEMA_VERSION
from accord.store.writing import StoreWriter

__all__ = ["EventStore"]

DEFAULT_CHUNK_SIZE = 500
_ORDER = " ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"


def _open_error(path: str, exc: duckdb.Error, read_only: bool) -> StoreError:
    msg = str(exc)
    if "Could not set lock" in msg:
        holder = re.search(r"\(PID (\d+)\)", msg)
        who = f" (process {holder.group(1)})" if holder else ""
        return StoreError(
            f"the store is locked by another process{who}; wait for it to finish, "
            "or use a different store file",
            origin=path,
        )
    if "not a valid DuckDB database file" in msg:
        return StoreError(
            "not a DuckDB database file; give a new path or an existing accord store",
            origin=path,
        )
    if read_only and "does not exist" in msg:
        return StoreError("no event store at this path", origin=path)
    if "Is a directory" in msg:
        return StoreError("is a directory, not a store file", origin=path)
    return StoreError(f"cannot open the store: {msg}", origin=path)


class EventStore(StoreWriter):
    """A DuckDB file holding documents, events and failures.

    Open with :meth:`open` (a context manager). One process may write a store at a time.
    """

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> EventStore:
        """Open (creating or migrating when writable) the store at ``path``.

        ``":memory:"`` gives a throw-away in-memory store. ``chunk_size`` is the number of
        documents written per transaction.
        """
        if chunk_size < 1:
            raise StoreError(f"chunk_size must be at least 1, got {chunk_size}")
        where = str(path)
        if where != ":memory:":
            p = Path(path)
            if not read_only:
                try:
                    p.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the store's folder: {exc}") from exc
            where = str(p)
        try:
            con = duckdb.connect(where, read_only=read_only)
        except duckdb.Error as exc:
            raise _open_error(where, exc, read_only) from exc
        store = cls(con, where, chunk_size)
        try:
            store._migrate(read_only)
        except BaseException:
            con.close()
            raise
        return store

    def _migrate(self, read_only: bool) -> None:
        con = self._con
        try:
            has_table = _first(
                con.execute(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                    ["schema_version"],
                )
            )
            current = 0
            if has_table is not None and has_table[0]:
                row = _first(con.execute("SELECT coalesce(max(version), 0) FROM schema_version"))
                current = int(row[0]) if row is not None else 0
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store's schema: {exc}", origin=self._path) from exc
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"the store has schema version {current}, newer than this accord "
                f"understands ({SCHEMA_VERSION}); upgrade accord",
                origin=self._path,
            )
        if current == SCHEMA_VERSION:
            return
        if read_only:
            raise StoreError(
                f"the store needs migrating (schema {current} -> {SCHEMA_VERSION}); "
                "open it writable once",
                origin=self._path,
            )
        try:
            con.begin()
            con.execute(CREATE_SCHEMA_VERSION)
            for m in MIGRATIONS:
                if m.version <= current:
                    continue
                for stmt in m.statements:
                    con.execute(stmt)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    [m.version, m.description, _utcnow()],
                )
            con.commit()
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(
                f"cannot create or migrate the schema: {exc}", origin=self._path
            ) from exc

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> str:
        return self._path

    @property
    def chunk_size(self) -> int:
        """Documents written per transaction."""
        return self._chunk_size

    def schema_version(self) -> int:
        row = self._fetchone("SELECT coalesce(max(version), 0) FROM schema_version")
        return int(row[0])

    # ------------------------------------------------------------------ reading

    def iter_events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Events matching ``query`` (all asserted events by default), streamed in
        date, doc_id, sentence, event_id order."""
        self._check_open()
        q = query if query is not None else EventQuery()
        self.check_query(q)
        where, params = where_sql(q)
        sql = f"SELECT {_EVENT_COLS} FROM events{where}{_ORDER}"
        if q.limit is not None:
            sql += " LIMIT ?"
            params.append(q.limit)
        return self._stream(sql, params)

    def stored_event(self, event_id: str) -> StoredEvent | None:
        """The event ``event_id`` (of any mode) with its document's date, title and URL;
        None when the store holds no such event."""
        rows = self._fetchall(f"SELECT {_EVENT_COLS} FROM events WHERE event_id = ?", [event_id])
        if not rows:
            return None
        event = event_from_row(rows[0])
        doc = self._fetchall(
            "SELECT date, title, url FROM documents WHERE doc_id = ?", [event.doc_id]
        )
        date, title, url = doc[0] if doc else (None, None, None)
        return StoredEvent(event=event, doc_date=date, title=title, url=url)

    def check_query(self, query: EventQuery) -> None:
        """Raise :class:`UsageError` when ``query`` names a code that no country table
        knows and no stored event carries (:func:`accord.store.filters.check_codes`), so a
        mistyped code is an error, not an empty answer."""
        check_codes(query, lambda sql, params: bool(self._fetchone(sql, params)[0]))

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Event]:
        for row in self._stream_rows(sql, params):
            yield event_from_row(row)

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events :meth:`iter_events` would give for ``query``."""
        q = query if query is not None else EventQuery()
        self.check_query(q)
        where, params = where_sql(q)
        if q.limit is not None:
            sql = f"SELECT count(*) FROM (SELECT 1 FROM events{where} LIMIT ?)"
            params.append(q.limit)
        else:
            sql = f"SELECT count(*) FROM events{where}"
        return int(self._fetchone(sql, params)[0])

    def failures(self) -> list[Failure]:
        rows = self._fetchall(
            f"SELECT {_FAILURE_COLS} FROM failures ORDER BY doc_id, stage, origin NULLS FIRST"
        )
        return [failure_from_row(r) for r in rows]

    def documents(self, *, limit: int | None = None) -> list[DocumentSummary]:
        """Stored documents with their event counts, by doc_id."""
        sql = (
            "SELECT d.doc_id, d.content_hash, d.title, d.date, d.url, d.source, d.origin, "
            "d.sentence_count, coalesce(e.n, 0), d.ingested_at FROM documents AS d "
            "LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) AS e "
            "ON d.doc_id = e.doc_id ORDER BY d.doc_id"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [DocumentSummary(*r) for r in self._fetchall(sql, params)]

    def document_urls(self, doc_ids: Iterable[str] | None = None) -> dict[str, str]:
        """doc_id -> URL for stored documents that have one (for GDELT SOURCEURL)."""
        if doc_ids is None:
            rows = self._fetchall("SELECT doc_id, url FROM documents WHERE url IS NOT NULL")
            return {str(k): str(v) for k, v in rows}
        self._check_open()
        self._con.register(_V_IDS, id_table(dict.fromkeys(doc_ids)))
        try:
            rows = self._con.execute(
                f"SELECT d.doc_id, d.url FROM documents AS d JOIN {_V_IDS} AS i "
                "ON d.doc_id = i.doc_id WHERE d.url IS NOT NULL"
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc
        finally:
            self._con.unregister(_V_IDS)
        return {str(k): str(v) for k, v in rows}

    def document_refs(self, doc_ids: Iterable[str]) -> dict[str, DocumentRef]:
        """doc_id -> the document's URL, title, outlet (the URL's host without ``www.``,
        else its source field) and when it entered the store, for the event outputs."""
        self._check_open()
        self._con.register(_V_IDS, id_table(dict.fromkeys(doc_ids)))
        try:
            rows = self._con.execute(
                f"SELECT d.doc_id, d.url, d.title, {OUTLET_SQL}, d.ingested_at "
                f"FROM documents AS d JOIN {_V_IDS} AS i ON d.doc_id = i.doc_id"
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc
        finally:
            self._con.unregister(_V_IDS)
        return {
            str(k): DocumentRef(url=url, title=title, outlet=outlet, added=added)
            for k, url, title, outlet, added in rows
        }

    def record_batches(
        self, sql: str, params: Sequence[Any] = (), rows: int = 10_000
    ) -> pa.RecordBatchReader:
        """One read query's result as a stream of Arrow record batches (the exports write
        them as they come; user values travel only in ``params``)."""
        self._check_open()
        try:
            return self._con.sql(sql, params=list(params)).to_arrow_reader(rows)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def read_arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """The whole result of one read query as an Arrow table (for :mod:`accord.analysis`,
        which builds the SQL from its own fragments; user values travel only in ``params``)."""
        self._check_open()
        try:
            return self._con.sql(sql, params=list(params)).to_arrow_table()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def counts(self) -> StoreCounts:
        row = self._fetchone(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM failures)"
        )
        return StoreCounts(int(row[0]), int(row[1]), int(row[2]))

    # ------------------------------------------------------------------ duplicates, folding
    # (logic and SQL in accord.store.folding)

    def rebuild_clusters(
        self, method: DedupMethod = "near", threshold: float = 0.8
    ) -> ClusterStats:
        """Regroup stored documents into duplicate clusters (``exact`` or ``near`` at
        ``threshold``); replaces the previous clusters in one transaction."""
        self._check_open()
        box: list[ClusterStats] = []

        def body() -> WriteStats:
            box.append(rebuild_clusters(self._con, method, threshold, _utcnow()))
            return WriteStats()

        self._in_transaction(body)
        return box[0]

    def cluster_stats(self) -> ClusterStats | None:
        """Figures of the last :meth:`rebuild_clusters` (None when never built)."""
        self._check_open()
        try:
            return cluster_stats(self._con)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def iter_folded(
        self, query: EventQuery | None = None, fold: str = "daily"
    ) -> Iterator[FoldedEvent]:
        """Events matching ``query`` folded by ``fold`` (``none``, ``daily``, ``clustered``),
        each with its mention, article and source counts."""
        self._check_open()
        q = query if query is not None else EventQuery()
        self.check_query(q)
        sql, params = folded_sql(q, fold)
        width = len(EVENT_COLUMNS)
        for row in self._stream_rows(sql, params):
            n, a, s = row[width:]
            yield FoldedEvent(event_from_row(row[:width]), int(n), int(a), int(s))
