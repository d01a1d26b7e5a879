"""The DuckDB event store: one file, idempotent bulk writes, typed reads.

Writes go through Arrow tables registered with the connection (``INSERT ... SELECT``), a
chunk of documents per transaction; DuckDB's ``executemany`` is orders of magnitude slower
and is never used here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.ingest.identity import InputFile
from accord.model import DocResult, DocumentRef, Event, Failure, FoldedEvent
from accord.store.codec import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    FAILURE_COLUMNS,
    FINGERPRINT_COLUMNS,
    document_table,
    effective_hash,
    event_from_row,
    event_table,
    failure_from_row,
    failure_table,
    fingerprint_table,
    id_table,
)
from accord.store.filters import EventQuery, check_codes, where_sql
from accord.store.folding import (
    OUTLET_SQL,
    ClusterStats,
    DedupMethod,
    cluster_stats,
    folded_sql,
    rebuild_clusters,
)
from accord.store.records import DocumentSummary, StoreCounts, WriteStats
from accord.store.renames import Renames, find_renames
from accord.store.schema import CREATE_SCHEMA_VERSION, MIGRATIONS, SCHEMA_VERSION

__all__ = ["EventStore"]

DEFAULT_CHUNK_SIZE = 500
_FAILURE_CHUNK = 5000
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
_ORDER = " ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _first(con: duckdb.DuckDBPyConnection) -> tuple[Any, ...] | None:
    """The first row of the pending result, consuming all of it.

    DuckDB 2 keeps a connection busy until a result is fetched to the end, so a bare
    ``fetchone()`` would block the next statement.
    """
    rows = con.fetchall()
    return tuple(rows[0]) if rows else None


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


class EventStore:
    """A DuckDB file holding documents, events and failures.

    Open with :meth:`open` (a context manager). One process may write a store at a time.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, chunk_size: int) -> None:
        self._con = con
        self._path = path
        self._chunk_size = chunk_size
        self._closed = False

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

    # ------------------------------------------------------------------ writing

    def write(
        self,
        results: Iterable[DocResult],
        failures: Iterable[Failure] = (),
        *,
        renames: Renames | None = None,
    ) -> WriteStats:
        """Store ``results`` and record ``failures``; safe to repeat.

        Per document: unknown -> added; same content hash -> left alone (unchanged); other
        hash -> its events replaced. A result without failures clears the document's earlier
        failure rows; a result with failures records them and stores nothing else.
        Each chunk of :attr:`chunk_size` documents is one transaction.

        ``renames`` (:meth:`old_ids`): a document written under its new id replaces the rows
        its file has under old ids (counted as replaced and renamed); a failure recorded
        under it replaces the file's failure rows under old ids.
        """
        moved = renames if renames is not None else Renames()
        self._check_open()
        stats = WriteStats()
        chunk: list[DocResult] = []
        seen: set[str] = set()
        for r in results:
            if len(chunk) >= self._chunk_size or r.doc.id in seen:
                stats += self._write_chunk(chunk, moved)
                chunk, seen = [], set()
            chunk.append(r)
            seen.add(r.doc.id)
        if chunk:
            stats += self._write_chunk(chunk, moved)
        batch: list[Failure] = []
        for f in failures:
            batch.append(f)
            if len(batch) >= _FAILURE_CHUNK:
                stats += self._in_transaction(
                    functools.partial(self._record_failures, batch, moved)
                )
                batch = []
        if batch:
            stats += self._in_transaction(functools.partial(self._record_failures, batch, moved))
        return stats

    def old_ids(self, files: Iterable[InputFile]) -> Renames:
        """The stored documents and failure rows that the ``files`` of a run
        (:func:`accord.ingest.readers.input_files`) have under ids they no longer get: pass
        the result to :meth:`write` (:mod:`accord.store.renames`). Reads only."""
        self._check_open()
        try:
            return find_renames(self._con, files)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def renamed_ids(self) -> list[tuple[str, str, str | None]]:
        """(old id, new id, origin) of every document replaced under a new id, oldest first."""
        rows = self._fetchall(
            "SELECT old_id, new_id, origin FROM doc_id_renames ORDER BY renamed_at, old_id, new_id"
        )
        return [(str(o), str(n), None if g is None else str(g)) for o, n, g in rows]

    def import_parquet(self, folder: str | Path) -> WriteStats:
        """Store a Parquet export (``accord code --engine spark --parquet DIR``) through
        :meth:`write`, so importing it again changes nothing (layout:
        :mod:`accord.store.parquet`)."""
        from accord.store.parquet import read_parquet_export

        results, failures = read_parquet_export(folder)
        return self.write(results, failures)

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

    def _drop_old(self, ok: Sequence[DocResult], renames: Renames) -> tuple[set[str], int]:
        """Remove the rows stored under old ids of the documents ``ok`` (in a transaction):
        their documents with events, fingerprints and clusters, and the failure rows of the
        same files (by origin), and log the renames. Returns (ids of ``ok`` that replaced a
        stored document, events removed)."""
        if not renames:
            return set(), 0
        writing = {r.doc.id for r in ok}
        pairs = [
            (r.doc.id, old, r.doc.origin)
            for r in ok
            for old in renames.documents.get(r.doc.id, ())
            if old not in writing
        ]
        present: set[str] = set()
        if pairs:
            present = set(self._known_hashes_tx([old for _, old, _ in pairs]))
        pairs = [p for p in pairs if p[1] in present]
        removed = 0
        if pairs:
            ids = id_table(old for _, old, _ in pairs)
            removed = self._count(
                _V_OLD, ids, f"DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM {_V_OLD})"
            )
            for table in ("documents", "fingerprints", "doc_clusters"):
                self._count(
                    _V_OLD,
                    ids,
                    f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM {_V_OLD})",
                )
            self._log_renames(pairs)
        self._drop_old_failures([r.doc.id for r in ok], renames)
        return {new for new, _, _ in pairs}, removed

    def _log_renames(self, pairs: Sequence[tuple[str, str, str | None]]) -> None:
        now = _utcnow()
        log = pa.table(
            {
                "old_id": pa.array([old for _, old, _ in pairs], type=pa.string()),
                "new_id": pa.array([new for new, _, _ in pairs], type=pa.string()),
                "origin": pa.array([origin for _, _, origin in pairs], type=pa.string()),
                "renamed_at": pa.array([now] * len(pairs), type=pa.timestamp("us")),
            }
        )
        self._with_view(
            _V_OLD,
            log,
            f"INSERT INTO doc_id_renames (old_id, new_id, origin, renamed_at) "
            f"SELECT old_id, new_id, origin, renamed_at FROM {_V_OLD}",
        )

    def _drop_old_failures(self, new_ids: Iterable[str], renames: Renames) -> None:
        """Remove the failure rows that the files of ``new_ids`` have under old ids."""
        rows = [pair for new in dict.fromkeys(new_ids) for pair in renames.failures.get(new, ())]
        if not rows:
            return
        table = pa.table(
            {
                "doc_id": pa.array([old for old, _ in rows], type=pa.string()),
                "origin": pa.array([origin for _, origin in rows], type=pa.string()),
            }
        )
        self._with_view(
            _V_OLD,
            table,
            f"DELETE FROM failures USING {_V_OLD} AS o WHERE failures.doc_id = o.doc_id "
            "AND failures.origin IS NOT DISTINCT FROM o.origin",
        )

    def _write_chunk(self, chunk: list[DocResult], renames: Renames) -> WriteStats:
        ok = [r for r in chunk if not r.failures]
        failed = [r for r in chunk if r.failures]
        event_ids: set[str] = set()
        for r in ok:
            for e in r.events:
                if e.doc_id != r.doc.id:
                    raise StoreError(
                        f"event {e.event_id!r} names document {e.doc_id!r} "
                        f"but was given with document {r.doc.id!r}",
                        origin=self._path,
                    )
                if e.event_id in event_ids:
                    raise StoreError(f"duplicate event id {e.event_id!r}", origin=self._path)
                event_ids.add(e.event_id)

        def body() -> WriteStats:
            known = self._known_hashes_tx([r.doc.id for r in ok])
            new = [r for r in ok if r.doc.id not in known]
            changed = [r for r in ok if r.doc.id in known and known[r.doc.id] != effective_hash(r)]
            unchanged = len(ok) - len(new) - len(changed)
            renamed, removed = self._drop_old(new + changed, renames)
            if changed:
                ids = id_table(r.doc.id for r in changed)
                removed += self._count(
                    _V_IDS,
                    ids,
                    f"DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM {_V_IDS})",
                )
                self._count(
                    _V_IDS,
                    ids,
                    f"DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM {_V_IDS})",
                )
                self._count(
                    _V_IDS,
                    ids,
                    f"DELETE FROM fingerprints WHERE doc_id IN (SELECT doc_id FROM {_V_IDS})",
                )
            write = new + changed
            added = 0
            undated = sum(1 for r in write for e in r.events if e.date is None)
            if write:
                now = _utcnow()
                self._count(
                    _V_DOCS,
                    document_table(write, now),
                    f"INSERT INTO documents ({_DOC_COLS}) SELECT {_DOC_COLS} FROM {_V_DOCS}",
                )
                prints = fingerprint_table(write)
                if prints.num_rows:
                    self._count(
                        _V_DOCS,
                        prints,
                        f"INSERT INTO fingerprints ({_FP_COLS}) SELECT {_FP_COLS} FROM {_V_DOCS}",
                    )
                events = event_table(e for r in write for e in r.events)
                if events.num_rows:
                    added = self._count(
                        _V_EVENTS,
                        events,
                        f"INSERT INTO events ({_EVENT_COLS}) SELECT {_EVENT_COLS} FROM {_V_EVENTS}",
                    )
            if ok:
                self._count(
                    _V_IDS,
                    id_table(r.doc.id for r in ok),
                    f"DELETE FROM failures WHERE doc_id IN (SELECT doc_id FROM {_V_IDS})",
                )
            fstats = self._record_failures([f for r in failed for f in r.failures], renames)
            moved = sum(1 for r in new if r.doc.id in renamed)
            return WriteStats(
                docs_added=len(new) - moved,
                docs_replaced=len(changed) + moved,
                docs_unchanged=unchanged,
                events_added=added,
                events_removed=removed,
                failures_recorded=fstats.failures_recorded,
                docs_failed=len(failed),
                events_undated=undated,
                docs_renamed=len(renamed),
            )

        return self._in_transaction(body)

    def _record_failures(
        self, failures: Sequence[Failure], renames: Renames | None = None
    ) -> WriteStats:
        """Upsert failures keyed by (doc_id, origin, stage), replacing the failure rows their
        files have under old ids (``renames``); call inside a transaction."""
        if not failures:
            return WriteStats()
        if renames:
            self._drop_old_failures((f.doc_id for f in failures), renames)
        latest = {(f.doc_id, f.origin, f.stage): f for f in failures}
        table = failure_table(latest.values(), _utcnow())
        self._con.register(_V_FAILURES, table)
        try:
            self._con.execute(
                f"DELETE FROM failures USING {_V_FAILURES} AS i "
                "WHERE failures.doc_id = i.doc_id AND failures.stage = i.stage "
                "AND failures.origin IS NOT DISTINCT FROM i.origin"
            )
            self._con.execute(
                f"INSERT INTO failures ({_FAILURE_COLS}) SELECT {_FAILURE_COLS} FROM {_V_FAILURES}"
            )
        finally:
            self._con.unregister(_V_FAILURES)
        return WriteStats(failures_recorded=len(latest))

    # ------------------------------------------------------------------ resume support

    def _known_hashes_tx(self, doc_ids: Sequence[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        self._con.register(_V_IDS, id_table(doc_ids))
        try:
            rows = self._con.execute(
                "SELECT d.doc_id, d.content_hash FROM documents AS d "
                f"JOIN {_V_IDS} AS i ON d.doc_id = i.doc_id"
            ).fetchall()
        finally:
            self._con.unregister(_V_IDS)
        return {str(k): str(v) for k, v in rows}

    def known_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> stored content hash, for those of ``doc_ids`` that are stored."""
        self._check_open()
        ids = list(dict.fromkeys(doc_ids))
        try:
            return self._known_hashes_tx(ids)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", origin=self._path) from exc

    def has_document(self, doc_id: str, content_hash: str) -> bool:
        """True when ``doc_id`` is stored with exactly ``content_hash`` (skip it on resume)."""
        row = self._fetchone(
            "SELECT count(*) FROM documents WHERE doc_id = ? AND content_hash = ?",
            [doc_id, content_hash],
        )
        return bool(row[0])

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
