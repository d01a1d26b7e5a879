"""Writing the event store: idempotent bulk writes, renamed ids, failures, resume support.

Writes go through Arrow tables registered with the connection (``INSERT ... SELECT``), a
chunk of documents per transaction; DuckDB's ``executemany`` is orders of magnitude slower
and is never used here. :class:`accord.store.duck.EventStore` is a :class:`StoreWriter`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from accord.errors import StoreError
from accord.ingest.identity import InputFile
from accord.model import DocResult, Failure
from accord.store.codec import (
    document_table,
    effective_hash,
    event_table,
    failure_table,
    fingerprint_table,
    id_table,
)
from accord.store.connection import (
    _DOC_COLS,
    _EVENT_COLS,
    _FAILURE_COLS,
    _FP_COLS,
    _V_DOCS,
    _V_EVENTS,
    _V_FAILURES,
    _V_IDS,
    _V_OLD,
    StoreConnection,
    _utcnow,
)
from accord.store.records import WriteStats
from accord.store.renames import Renames, find_renames

__all__ = ["StoreWriter"]

_FAILURE_CHUNK = 5000


class StoreWriter(StoreConnection):
    """The write side of :class:`accord.store.duck.EventStore`."""

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
