"""Browsing the store: pages of events under filters, one document, a country's series,
the places events happened.

These answer the questions a dashboard or an API asks one page at a time
(:mod:`accord.web`): every function takes an open :class:`~accord.store.EventStore`, builds
its SQL from this package's own fragments and passes every user value as a parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from accord.analysis.frame import Frame
from accord.analysis.scope import (
    DOC_COLUMNS,
    EVENT_ORDER,
    Period,
    Scope,
    base_sql,
    check_period,
    count_columns,
    periods_sql,
    zero_filled,
)
from accord.errors import UsageError
from accord.store import EventQuery, EventStore
from accord.store.filters import where_sql
from accord.store.folding import FoldPolicy, check_fold, folded_sql

__all__ = [
    "DocumentInfo",
    "EventFilter",
    "EventPage",
    "Kind",
    "country_series",
    "document",
    "event_page",
    "places",
]

Kind = Literal["cooperation", "conflict"]

_KIND_SQL: dict[str, str] = {
    "cooperation": "e.quad_class IN (1, 2)",
    "conflict": "e.quad_class IN (3, 4)",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a page lists: an :class:`EventQuery` (its ``limit`` is ignored: pages
    have their own; its ``text`` filters sentences) folded by ``fold``, and what the query
    cannot say: ``place`` (the location's name, exactly), ``kind`` (cooperation: quad
    classes 1-2, conflict: 3-4), ``undated`` (only events without a date) and ``event_id``
    (one event)."""

    query: EventQuery = field(default_factory=EventQuery)
    fold: FoldPolicy = "none"
    place: str | None = None
    kind: Kind | None = None
    undated: bool = False
    event_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fold", check_fold(self.fold))
        if self.kind is not None and self.kind not in _KIND_SQL:
            raise UsageError(f"kind must be cooperation or conflict, got {self.kind!r}")
        if self.undated and (self.query.since is not None or self.query.until is not None):
            raise UsageError("undated events have no date: drop since/until")


@dataclass(frozen=True, slots=True)
class EventPage:
    """One page of events (flat columns as :func:`accord.analysis.event_frame` gives them)
    and how many events the filter matches in all."""

    frame: Frame
    total: int
    offset: int
    limit: int


def _inner(f: EventFilter) -> tuple[str, list[Any], str, list[Any]]:
    q = f.query
    query = dataclasses.replace(q, limit=None)  # every filter; pages and frames limit
    if f.fold == "none":
        where, params = where_sql(query)
        inner = f"SELECT * FROM events{where}"
    else:
        inner, params = folded_sql(query, f.fold)
    conds: list[str] = []
    cparams: list[Any] = []
    if f.place is not None:
        conds.append("e.location_name = ?")
        cparams.append(f.place)
    if f.kind is not None:
        conds.append(_KIND_SQL[f.kind])
    if f.undated:
        conds.append("e.date IS NULL")
    if f.event_id is not None:
        conds.append("e.event_id = ?")
        cparams.append(f.event_id)
    return inner, params, " AND ".join(conds) or "TRUE", cparams


def _check_page(offset: int, limit: int) -> None:
    for name, value in (("offset", offset), ("limit", limit)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise UsageError(f"{name} must be a non-negative integer, got {value!r}")


def event_page(store: EventStore, f: EventFilter, *, offset: int = 0, limit: int = 50) -> EventPage:
    """The events of ``f`` from ``offset``, at most ``limit`` of them, in date, document,
    sentence order, and the total count."""
    _check_page(offset, limit)
    store.check_query(f.query)  # a code neither the tables nor the store know is an error
    inner, params, cond, cparams = _inner(f)
    total = store.read_arrow(
        f"SELECT count(*) AS n FROM ({inner}) AS e WHERE {cond}", [*params, *cparams]
    )
    n = int(total.column("n")[0].as_py())
    order = ", ".join(f"e.{c.strip()}" for c in EVENT_ORDER.split(","))
    sql = (
        f"SELECT e.*, {DOC_COLUMNS} FROM ({inner}) AS e "
        f"LEFT JOIN documents AS d ON d.doc_id = e.doc_id WHERE {cond} "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    table = store.read_arrow(sql, [*params, *cparams, limit, offset])
    return EventPage(Frame(table), n, offset, limit)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A stored document as a page shows it (the store keeps no article text: only the
    sentences that events were coded from, on the events)."""

    doc_id: str
    title: str | None
    date: dt.date | None
    url: str | None
    source: str | None
    outlet: str | None
    sentence_count: int
    event_count: int


def document(store: EventStore, doc_id: str) -> DocumentInfo | None:
    """The document ``doc_id``, or ``None`` when the store has none by that id."""
    table = store.read_arrow(
        f"SELECT d.doc_id, d.source, d.sentence_count, {DOC_COLUMNS}, "
        "(SELECT count(*) FROM events WHERE doc_id = ?) AS event_count "
        "FROM documents AS d WHERE d.doc_id = ?",
        [doc_id, doc_id],
    )
    rows = table.to_pylist()
    if not rows:
        return None
    r = rows[0]
    return DocumentInfo(
        doc_id=str(r["doc_id"]),
        title=r["title"],
        date=r["doc_date"],
        url=r["url"],
        source=r["source"],
        outlet=r["outlet"],
        sentence_count=int(r["sentence_count"]),
        event_count=int(r["event_count"]),
    )


def country_series(
    store: EventStore, country: str, period: Period | str = "month", scope: Scope | None = None
) -> Frame:
    """The zero-filled series of the events whose source or target is of ``country``
    (ISO3), per ``period``, over the periods of the scope (as
    :func:`accord.analysis.series`): events, quad classes, cooperation, conflict,
    conflict share and the Goldstein sum and mean."""
    code = str(country).strip().upper()
    if not code:
        raise UsageError("country is empty")
    periods, params = periods_sql(scope or Scope(), check_period(str(period)))
    params += [code, code]
    counts = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
              "cooperation", "conflict")  # fmt: skip
    sql = (
        f"{periods}"
        f"d AS (SELECT period, count(*) AS events, {', '.join(count_columns())} FROM dated "
        "WHERE source_country = ? OR target_country = ? GROUP BY period) "
        "SELECT p.period, coalesce(d.events, 0) AS events, "
        "CASE WHEN coalesce(d.events, 0) = 0 THEN NULL "
        "ELSE d.conflict / d.events END AS conflict_share, "
        "coalesce(d.goldstein_sum, 0.0) AS goldstein_sum, d.goldstein_mean, "
        f"{zero_filled(counts)} "
        "FROM periods AS p LEFT JOIN d ON d.period = p.period ORDER BY p.period"
    )
    return Frame(store.read_arrow(sql, params))


def places(
    store: EventStore,
    scope: Scope | None = None,
    *,
    country: str | None = None,
    limit: int | None = None,
) -> Frame:
    """Where events happened: one row per placed location (name and country) with its
    coordinates, events, cooperation and conflict counts and date range, the most events
    first. ``country`` keeps the places of one location country (ISO3)."""
    if limit is not None:
        _check_page(0, limit)
    base, params = base_sql(scope or Scope())
    cond = "location_lat IS NOT NULL AND location_lon IS NOT NULL"
    if country is not None:
        cond += " AND location_country = ?"
        params.append(str(country).strip().upper())
    sql = (
        f"WITH ev AS ({base}) "
        "SELECT location_name AS name, location_country AS country, "
        "avg(location_lat) AS lat, avg(location_lon) AS lon, count(*) AS events, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        "min(date) AS first_date, max(date) AS last_date "
        f"FROM ev WHERE {cond} GROUP BY location_name, location_country "
        "ORDER BY events DESC, name NULLS LAST, country NULLS LAST"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return Frame(store.read_arrow(sql, params))
