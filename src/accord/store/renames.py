"""Documents stored under an id that their file no longer gets (issue 13, item 2).

Before ids were made unique per run (:mod:`accord.ingest.identity`), ``ingest a b`` with
``x.txt`` in both stored one document ``x.txt``; now the files are ``a/x.txt`` and
``b/x.txt``. And a file's id may change between runs that name it through different
inputs (``ingest a b``, then ``ingest a``: ``a/x.txt``, then ``x.txt``). Either way the
store holds the document under an id the run does not give, and writing it under the new
id would keep both.

Such a stored row is found by its origin: the same path as a file the run reads (or that
path and ``:<line>`` for a JSON-lines record), under an id that is an end of that file's
full path (or that and the same ``:<line>``), other than the file's new id and other than
an id another file of the run gets. :func:`find_renames` lists them; when the document is
written under its new id, the store removes the old row (its events, fingerprint, cluster
and failures go with it) in the same transaction and logs the rename in
``doc_id_renames``. A document that fails keeps its old row, as a failed document keeps
its earlier version. A failure row found the same way is removed when the file is
recorded again under its new id, succeeding or failing.

Origins are paths as they were given: a store fed from two working folders whose relative
paths name different files alike could see one taken for the other, as the short ids of
those files would be taken anyway.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import duckdb
import pyarrow as pa

from accord.ingest.identity import InputFile

__all__ = ["Renames", "find_renames", "path_forms"]

_V_CANDIDATES = "_accord_old_ids"

_EMPTY: Mapping[str, tuple[str, ...]] = MappingProxyType({})
_EMPTY_PAIRS: Mapping[str, tuple[tuple[str, str | None], ...]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Renames:
    """What writing a document under its new id replaces."""

    documents: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY)
    """new id -> old ids of stored documents from the same file."""
    failures: Mapping[str, tuple[tuple[str, str | None], ...]] = field(
        default_factory=lambda: _EMPTY_PAIRS
    )
    """new id -> (old id, origin) of failure rows recorded for the same file."""

    def __bool__(self) -> bool:
        return bool(self.documents or self.failures)


def path_forms(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Every id a file with this full path could have had: each end of the path, shortest
    first (``('u', 'a', 'x.txt')`` -> ``x.txt``, ``a/x.txt``, ``u/a/x.txt``)."""
    return tuple("/".join(parts[-n:]) for n in range(1, len(parts) + 1))


def _candidates(planned: list[InputFile], *, unclaimed: bool) -> pa.Table:
    """(origin, new id, old id) for each file and each other id it could have had; with
    ``unclaimed``, not the ids that a file of the run is given. (A document row under such
    an id is that file's, even if its origin says otherwise: a document stored unchanged
    keeps the origin it was first stored with. A failure row is rewritten every run.)"""
    claimed = {f.doc_id for f in planned} if unclaimed else set()
    origins: list[str] = []
    new: list[str] = []
    old: list[str] = []
    for f in planned:
        for form in path_forms(f.parts):
            if form == f.doc_id or form in claimed:
                continue
            origins.append(f.origin)
            new.append(f.doc_id)
            old.append(form)
    return pa.table(
        {
            "origin": pa.array(origins, type=pa.string()),
            "new_id": pa.array(new, type=pa.string()),
            "old_id": pa.array(old, type=pa.string()),
        }
    )


# A row's origin is a file's origin, or that and ':<line>' (a JSON-lines record); its id
# is then an old id of that file with the same ending.
_MATCH = """
WITH rows AS (
    SELECT doc_id, origin, origin AS base, '' AS ending FROM {table}
    WHERE origin IS NOT NULL
    UNION ALL
    SELECT doc_id, origin, regexp_extract(origin, '^(.*)(:[0-9]+)$', 1),
           regexp_extract(origin, '^(.*)(:[0-9]+)$', 2) FROM {table}
    WHERE origin IS NOT NULL AND regexp_matches(origin, ':[0-9]+$')
)
SELECT DISTINCT c.new_id || r.ending, r.doc_id, r.origin FROM rows AS r
JOIN {candidates} AS c ON r.base = c.origin AND r.doc_id = c.old_id || r.ending
"""


def find_renames(con: duckdb.DuckDBPyConnection, files: Iterable[InputFile]) -> Renames:
    """The stored documents and failure rows that the ``files`` of a run replace when they
    are written under their ids (read only)."""
    planned = list(files)
    found: dict[str, list[tuple[object, ...]]] = {}
    for name, unclaimed in (("documents", True), ("failures", False)):
        table = _candidates(planned, unclaimed=unclaimed)
        if not table.num_rows:
            found[name] = []
            continue
        con.register(_V_CANDIDATES, table)
        try:
            sql = _MATCH.format(table=name, candidates=_V_CANDIDATES)
            found[name] = [tuple(r) for r in con.execute(sql).fetchall()]
        finally:
            con.unregister(_V_CANDIDATES)
    documents: defaultdict[str, list[str]] = defaultdict(list)
    for new_id, old_id, _ in found["documents"]:
        if new_id != old_id:
            documents[str(new_id)].append(str(old_id))
    failures: defaultdict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for new_id, old_id, origin in found["failures"]:
        if new_id != old_id:
            failures[str(new_id)].append((str(old_id), None if origin is None else str(origin)))
    return Renames(
        MappingProxyType({k: tuple(sorted(v)) for k, v in documents.items()}),
        MappingProxyType({k: tuple(sorted(v)) for k, v in failures.items()}),
    )
