"""Duplicate clusters and folded event counts (GDELT's NumMentions / NumArticles / NumSources).

Two pieces, both over what the store already holds:

* **clusters** (:func:`rebuild_clusters`): documents are grouped by their stored
  fingerprints (written with each document, see :mod:`accord.text.fingerprint`): ``exact``
  links documents with the same normalised-text hash; ``near`` also links documents whose
  MinHash signatures share an LSH band with a bucket's first document and agree on at least
  ``threshold`` of their positions. Groups are the connected components of those links; a
  group's id is its smallest doc_id. The ``doc_clusters`` table is replaced whole, in one
  transaction, from the fingerprints alone, so re-running gives the same table and an
  interrupted run leaves the previous one.
* **folding** (:func:`folded_sql`): a query-time aggregation, never stored, so it can never
  go stale against the events: ``none`` keeps every event; ``daily`` folds events with the
  same (source code, target code, CAMEO code, date, mode) across all documents;
  ``clustered`` folds them only within one duplicate cluster (a document outside every
  cluster is its own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import duckdb
import pyarrow as pa

from accord.errors import UsageError
from accord.store.codec import EVENT_COLUMNS
from accord.store.filters import EventQuery, where_sql
from accord.text.fingerprint import lsh_params

__all__ = [
    "DEDUP_METHODS",
    "FOLD_POLICIES",
    "OUTLET_SQL",
    "ClusterStats",
    "DedupMethod",
    "FoldPolicy",
    "check_fold",
    "cluster_stats",
    "folded_sql",
    "rebuild_clusters",
]

FoldPolicy = Literal["none", "daily", "clustered"]
DedupMethod = Literal["exact", "near"]
FOLD_POLICIES: tuple[FoldPolicy, ...] = ("none", "daily", "clustered")
DEDUP_METHODS: tuple[DedupMethod, ...] = ("exact", "near")

_KEYS: dict[str, str] = {
    "none": "event_id",
    "daily": "source_code, target_code, cameo, date, mode",
    "clustered": "_cluster, source_code, target_code, cameo, date, mode",
}
_ORDER = "date NULLS LAST, doc_id, sentence_index, event_id"
# The outlet of a document: its URL's host without "www.", else its source field.
_OUTLET = (
    "nullif(lower(coalesce(nullif(regexp_extract(d.url, "
    "'^[A-Za-z][A-Za-z0-9+.-]*://(?:www\\.)?([^/:?#]+)', 1), ''), d.source)), '')"
)
OUTLET_SQL = _OUTLET
"""SQL of a document's outlet (its URL's host without ``www.``, else its source field) over
the documents table aliased ``d``."""


@dataclass(frozen=True, slots=True)
class ClusterStats:
    """The clusters table as last rebuilt."""

    method: str
    threshold: float | None
    fingerprinted: int
    """Documents with a fingerprint when the clusters were built."""
    clusters: int
    """Groups of two or more documents."""
    clustered_documents: int
    """Documents in those groups."""
    built_at: dt.datetime
    stale: bool = False
    """Documents were written after the clusters were built."""


def check_fold(fold: str) -> FoldPolicy:
    for policy in FOLD_POLICIES:
        if fold == policy:
            return policy
    raise UsageError(f"unknown fold policy {fold!r} (choose from {', '.join(FOLD_POLICIES)})")


def folded_sql(query: EventQuery, fold: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) giving the EVENT_COLUMNS of each fold's first event followed by
    num_mentions, num_articles and num_sources, in date, doc_id, sentence, event_id order.
    ``query`` filters the events before they fold; its limit applies to the folded rows."""
    key = _KEYS[check_fold(fold)]
    where, params = where_sql(query)
    cols = ", ".join(EVENT_COLUMNS)
    sql = (
        f"WITH f AS (SELECT e.*, coalesce(c.cluster_id, e.doc_id) AS _cluster, "
        f"{_OUTLET} AS _outlet FROM (SELECT * FROM events{where}) AS e "
        "LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        "LEFT JOIN doc_clusters AS c ON c.doc_id = e.doc_id), "
        "g AS (SELECT f.*, count(*) OVER w AS num_mentions, "
        "count(DISTINCT doc_id) OVER w AS num_articles, "
        "count(DISTINCT _outlet) OVER w AS num_sources, "
        f"row_number() OVER (PARTITION BY {key} ORDER BY {_ORDER}) AS _rn "
        f"FROM f WINDOW w AS (PARTITION BY {key})) "
        f"SELECT {cols}, num_mentions, num_articles, num_sources FROM g WHERE _rn = 1 "
        f"ORDER BY {_ORDER}"
    )
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    return sql, params


class _Components:
    """Union-find over doc ids; the smallest id of a component is its root."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent == key:
            return key
        root = self.find(parent)
        self.parent[key] = root
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def table(self) -> pa.Table:
        ids = sorted(self.parent)
        return pa.table(
            {
                "doc_id": pa.array(ids, type=pa.string()),
                "cluster_id": pa.array([self.find(k) for k in ids], type=pa.string()),
            }
        )


def _edges(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]
) -> Iterable[tuple[str, str]]:
    cur = con.execute(sql, params)
    while True:
        rows = cur.fetchmany(10_000)
        if not rows:
            return
        for a, b in rows:
            yield str(a), str(b)


_EXACT_EDGES = (
    "SELECT rep, doc_id FROM (SELECT doc_id, min(doc_id) OVER (PARTITION BY text_hash) AS rep "
    "FROM fingerprints) WHERE rep <> doc_id"
)

# Each LSH bucket links its documents to the bucket's first document when their signatures
# agree on at least the threshold share of positions (one comparison per member, so a huge
# bucket costs linear time, not quadratic).
_NEAR_EDGES = (
    "WITH bands AS (SELECT doc_id, b, hash(list_slice(minhash, b * ? + 1, (b + 1) * ?)) AS k "
    "FROM fingerprints, range(0, ?) AS t(b) WHERE len(minhash) > 0), "
    "reps AS (SELECT doc_id, min(doc_id) OVER (PARTITION BY b, k) AS rep FROM bands), "
    "pairs AS (SELECT DISTINCT rep, doc_id FROM reps WHERE rep <> doc_id) "
    "SELECT p.rep, p.doc_id FROM pairs AS p "
    "JOIN fingerprints AS x ON x.doc_id = p.rep JOIN fingerprints AS y ON y.doc_id = p.doc_id "
    "WHERE len(x.minhash) = len(y.minhash) AND list_sum(list_transform(range(1, "
    "len(x.minhash) + 1), lambda i: CASE WHEN x.minhash[i] = y.minhash[i] THEN 1 ELSE 0 END))"
    " / len(x.minhash) >= ?"
)


def rebuild_clusters(
    con: duckdb.DuckDBPyConnection, method: DedupMethod, threshold: float, now: dt.datetime
) -> ClusterStats:
    """Recompute ``doc_clusters`` and ``dedup_state``; call inside a transaction."""
    if method not in DEDUP_METHODS:
        raise UsageError(f"unknown dedup method {method!r} (choose from exact, near)")
    if not 0.0 < threshold <= 1.0:
        raise UsageError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
    parts = _Components()
    for a, b in _edges(con, _EXACT_EDGES, []):
        parts.union(a, b)
    if method == "near":
        num_perm = con.execute("SELECT coalesce(max(len(minhash)), 0) FROM fingerprints").fetchall()
        width = int(num_perm[0][0]) if num_perm else 0
        if width:
            bands, rows = lsh_params(threshold, width)
            for a, b in _edges(con, _NEAR_EDGES, [rows, rows, bands, threshold]):
                parts.union(a, b)
    table = parts.table()
    con.execute("DELETE FROM doc_clusters")
    con.register("_accord_clusters", table)
    try:
        con.execute(
            "INSERT INTO doc_clusters (doc_id, cluster_id) "
            "SELECT doc_id, cluster_id FROM _accord_clusters"
        )
    finally:
        con.unregister("_accord_clusters")
    fingerprinted = int(con.execute("SELECT count(*) FROM fingerprints").fetchall()[0][0])
    clusters = len({r for r in table.column("cluster_id").to_pylist()})
    con.execute("DELETE FROM dedup_state")
    con.execute(
        "INSERT INTO dedup_state VALUES (?, ?, ?, ?, ?, ?)",
        [method, threshold if method == "near" else None, fingerprinted, clusters,
         table.num_rows, now],
    )  # fmt: skip
    return ClusterStats(method, threshold if method == "near" else None, fingerprinted,
                        clusters, table.num_rows, now)  # fmt: skip


def cluster_stats(con: duckdb.DuckDBPyConnection) -> ClusterStats | None:
    """The last rebuild's figures (None if clusters were never built), with staleness."""
    rows = con.execute(
        "SELECT method, threshold, fingerprinted, clusters, clustered_documents, built_at, "
        "(SELECT count(*) FROM documents WHERE ingested_at > s.built_at) "
        "FROM dedup_state AS s"
    ).fetchall()
    if not rows:
        return None
    m, t, f, c, n, built, newer = rows[0]
    return ClusterStats(str(m), None if t is None else float(t), int(f), int(c), int(n),
                        built, stale=bool(newer))  # fmt: skip
