"""Who is most active, and with whom: top dyads, top actors and the network of countries.

A dyad is a pair of sides (countries, or full actor codes at ``level="actor"``); events
without a target belong to no dyad. Undirected by default (A-B and B-A together, the sides
in alphabetical order as ``side_a`` and ``side_b``); ``directed=True`` keeps source
(``side_a``) and target (``side_b``) apart. ``domestic`` keeps pairs of one country with
itself (USA-USA: government and opposition, police and protesters).
"""

from __future__ import annotations

from typing import Any, Literal

import pyarrow as pa

from accord.analysis.frame import Frame, Network
from accord.analysis.scope import (
    Level,
    Scope,
    base_sql,
    check_level,
    count_columns,
    pair_keys,
    side_key,
)
from accord.errors import UsageError
from accord.store import EventStore

__all__ = ["ORDERS", "Order", "network", "top_actors", "top_dyads"]

Order = Literal["events", "conflict", "cooperation", "conflict_share", "goldstein"]
ORDERS: tuple[Order, ...] = ("events", "conflict", "cooperation", "conflict_share", "goldstein")

_NODE_SCHEMA = pa.schema(
    [("node", pa.string()), ("events", pa.int64()), ("degree", pa.int64()),
     ("cooperation", pa.int64()), ("conflict", pa.int64())]
)  # fmt: skip

_ORDER_SQL: dict[str, str] = {
    "events": "events DESC",
    "conflict": "conflict DESC, events DESC",
    "cooperation": "cooperation DESC, events DESC",
    "conflict_share": "conflict_share DESC, events DESC",
    "goldstein": "goldstein_mean ASC, events DESC",
}


def check_order(by: str) -> Order:
    for o in ORDERS:
        if by == o:
            return o
    raise UsageError(f"unknown order {by!r} (choose from {', '.join(ORDERS)})")


def _check_counts(n: int | None, min_events: int) -> None:
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
        raise UsageError(f"n must be a non-negative integer, got {n!r}")
    if isinstance(min_events, bool) or not isinstance(min_events, int) or min_events < 1:
        raise UsageError(f"min_events must be a positive integer, got {min_events!r}")


def _ranked(
    store: EventStore, sql: str, params: list[Any], min_events: int, order: Order,
    ties: str, n: int | None,
) -> Frame:  # fmt: skip
    """The rows of ``sql`` (which ends in ``HAVING count(...) >= ?``) with at least
    ``min_events`` events, ordered by ``order`` then ``ties``, the first ``n``."""
    params = [*params, min_events]
    sql += f" ORDER BY {_ORDER_SQL[order]}, {ties}"
    if n is not None:
        sql += " LIMIT ?"
        params.append(n)
    return Frame(store.read_arrow(sql, params))


def _pairs_sql(scope: Scope, level: Level, directed: bool, domestic: bool) -> tuple[str, list[Any]]:
    base, params = base_sql(scope)
    a, b = pair_keys(level, directed)
    keep = "" if domestic else " WHERE side_a <> side_b"
    sql = (
        f"WITH ev AS ({base}), "
        f"p AS (SELECT * FROM (SELECT {a} AS side_a, {b} AS side_b, * FROM ev "
        f"WHERE target_code IS NOT NULL){keep}), "
        "total AS (SELECT count(*) AS n FROM ev) "
        f"SELECT side_a, side_b, count(*) AS events, {', '.join(count_columns())}, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) / count(*) AS conflict_share, "
        "min(date) AS first_date, max(date) AS last_date, "
        "count(*) / any_value(total.n) AS share "
        "FROM p, total GROUP BY side_a, side_b HAVING count(*) >= ?"
    )
    return sql, params


def top_dyads(
    store: EventStore,
    *,
    n: int | None = 10,
    by: Order | str = "events",
    level: Level | str = "country",
    directed: bool = False,
    domestic: bool = True,
    min_events: int = 1,
    scope: Scope | None = None,
) -> Frame:
    """The ``n`` dyads first by ``by``: ``events``, ``conflict`` or ``cooperation``
    (counts of quad classes 3-4 or 1-2), ``conflict_share``, or ``goldstein`` (the
    lowest Goldstein mean first: the most hostile). Only dyads with at least
    ``min_events`` events. ``share`` is the dyad's part of all events in the scope."""
    order = check_order(by)
    _check_counts(n, min_events)
    sql, params = _pairs_sql(scope or Scope(), check_level(level), directed, domestic)
    return _ranked(store, sql, params, min_events, order, "side_a, side_b", n)


def top_actors(
    store: EventStore,
    *,
    n: int | None = 10,
    by: Order | str = "events",
    level: Level | str = "actor",
    min_events: int = 1,
    scope: Scope | None = None,
) -> Frame:
    """The ``n`` most active actors (or countries) in events as source or target, first by
    ``by`` as in :func:`top_dyads`. ``name`` is the actor's most frequent canonical name
    (at country level, that of events whose actor is the bare country)."""
    order = check_order(by)
    _check_counts(n, min_events)
    lvl = check_level(level)
    base, params = base_sql(scope or Scope())
    s, t = side_key("source", lvl), side_key("target", lvl)
    sql = (
        f"WITH ev AS ({base}), "
        f"sides AS (SELECT {s} AS actor, source_code AS code, source_name AS name, "
        f"'source' AS role, event_id, quad_class, goldstein, {t} AS other FROM ev "
        f"UNION ALL SELECT {t}, target_code, target_name, 'target', event_id, quad_class, "
        f"goldstein, {s} FROM ev WHERE target_code IS NOT NULL) "
        "SELECT actor, mode(name) FILTER (WHERE code = actor) AS name, "
        "count(DISTINCT event_id) AS events, "
        "count(*) FILTER (WHERE role = 'source') AS as_source, "
        "count(*) FILTER (WHERE role = 'target') AS as_target, "
        "count(DISTINCT event_id) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
        "count(DISTINCT event_id) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        "count(DISTINCT event_id) FILTER (WHERE quad_class IN (3, 4)) "
        "/ count(DISTINCT event_id) AS conflict_share, "
        "avg(goldstein) AS goldstein_mean, count(DISTINCT other) AS counterparts "
        "FROM sides GROUP BY actor HAVING count(DISTINCT event_id) >= ?"
    )
    return _ranked(store, sql, params, min_events, order, "actor", n)


def network(
    store: EventStore,
    *,
    level: Level | str = "country",
    directed: bool = False,
    domestic: bool = False,
    min_events: int = 1,
    scope: Scope | None = None,
) -> Network:
    """The graph of dyads: an edge per dyad with at least ``min_events`` events, weighted
    by its ``cooperation`` and ``conflict`` event counts (and its Goldstein mean); a node
    per side with its events, its number of neighbours (``degree``) and its cooperation
    and conflict totals. Pairs of a country with itself are left out unless ``domestic``."""
    _check_counts(None, min_events)
    edges = top_dyads(
        store, n=None, by="events", level=level, directed=directed, domestic=domestic,
        min_events=min_events, scope=scope,
    )  # fmt: skip
    return Network(nodes=_nodes(edges), edges=edges)


def _nodes(edges: Frame) -> Frame:
    """A node's figures are the sums over its edges (a pair of a side with itself adds
    its events once and no neighbour)."""
    rows: dict[str, dict[str, Any]] = {}
    for edge in edges:
        pair = {edge["side_a"], edge["side_b"]}
        for node in pair:
            r = rows.setdefault(
                node, {"node": node, "events": 0, "degree": 0, "cooperation": 0, "conflict": 0}
            )
            r["events"] += edge["events"]
            r["cooperation"] += edge["cooperation"]
            r["conflict"] += edge["conflict"]
            r["degree"] += 1 if len(pair) == 2 else 0
    ordered = sorted(rows.values(), key=lambda r: (-r["events"], r["node"]))
    return Frame(pa.Table.from_pylist(ordered, schema=_NODE_SCHEMA))
