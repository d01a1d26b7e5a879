"""Event counts of one dyad (or of the whole store) per period, and the events behind
one point.

A series has one row per period from the first to the last period of the scope, periods
without events included (zero-filled). Each row holds the dyad's events, their quad
classes, CAMEO roots and PLOVER types, the Goldstein sum and mean, and the period's
``volume``: every event of the scope in that period, whoever the actors. ``share`` is
events / volume, the normalisation GDELT's own series use, so a rise in the news volume
alone does not read as a rise in the dyad's activity.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.analysis.frame import Frame
from accord.analysis.scope import (
    DOC_COLUMNS,
    EVENT_ORDER,
    PLOVER_TYPES,
    QUADS,
    ROOTS,
    Period,
    Scope,
    check_period,
    count_columns,
    periods_sql,
    zero_filled,
)
from accord.errors import UsageError
from accord.store import EventQuery, EventStore
from accord.store.filters import dyad_side, dyad_sql, where_sql
from accord.store.folding import FoldPolicy, check_fold, folded_sql

__all__ = ["Series", "SeriesSpec", "event_frame", "point_events", "series"]


@dataclass(frozen=True, slots=True)
class SeriesSpec:
    """Which series: ``dyad`` (two sides, each an actor code prefix or a country, ISO 3166
    alpha-2 or alpha-3, held as :func:`accord.store.filters.dyad_side` makes it; ``None``:
    every event), ``period``, ``directed`` (A to B only, else both ways) and the scope
    (dates, modes, fold)."""

    dyad: tuple[str, str] | None = None
    period: Period = "month"
    directed: bool = False
    scope: Scope = field(default_factory=Scope)

    def __post_init__(self) -> None:
        object.__setattr__(self, "period", check_period(self.period))
        if self.dyad is not None:
            if len(self.dyad) != 2 or not all(str(s).strip() for s in self.dyad):
                raise UsageError(f"a dyad has two non-empty sides, got {self.dyad!r}")
            object.__setattr__(self, "dyad", tuple(dyad_side(s) for s in self.dyad))

    @property
    def label(self) -> str:
        if self.dyad is None:
            return "all events"
        return ("→" if self.directed else "–").join(self.dyad)


@dataclass(frozen=True, slots=True)
class Series(Frame):
    """A zero-filled series (one row per period, oldest first) and what it counts."""

    spec: SeriesSpec


def _condition(spec: SeriesSpec, params: list[Any]) -> str:
    if spec.dyad is None:
        return "TRUE"
    return dyad_sql(spec.dyad, spec.directed, params)


def series_sql(spec: SeriesSpec) -> tuple[str, list[Any]]:
    periods, params = periods_sql(spec.scope, spec.period)
    aggs = count_columns()
    aggs += [f"count(*) FILTER (WHERE root_code = '{r}') AS root_{r}" for r in ROOTS]
    aggs += [f"count(*) FILTER (WHERE plover = '{p}') AS plover_{p.lower()}" for p in PLOVER_TYPES]
    cond = _condition(spec, params)
    counts = [name for name, _ in QUADS] + ["cooperation", "conflict"]
    counts += [f"root_{r}" for r in ROOTS] + [f"plover_{p.lower()}" for p in PLOVER_TYPES]
    sql = (
        f"{periods}"
        "volume AS (SELECT period, count(*) AS volume FROM dated GROUP BY period), "
        f"d AS (SELECT period, count(*) AS events, {', '.join(aggs)} FROM dated "
        f"WHERE {cond} GROUP BY period) "
        "SELECT p.period, coalesce(d.events, 0) AS events, coalesce(v.volume, 0) AS volume, "
        "CASE WHEN coalesce(v.volume, 0) = 0 THEN NULL "
        "ELSE coalesce(d.events, 0) / v.volume END AS share, "
        "CASE WHEN coalesce(d.events, 0) = 0 THEN NULL "
        "ELSE d.conflict / d.events END AS conflict_share, "
        "coalesce(d.goldstein_sum, 0.0) AS goldstein_sum, d.goldstein_mean, "
        f"{zero_filled(counts)} "
        "FROM periods AS p LEFT JOIN volume AS v ON v.period = p.period "
        "LEFT JOIN d ON d.period = p.period ORDER BY p.period"
    )
    return sql, params


def _check_sides(store: EventStore, spec: SeriesSpec) -> None:
    """A dyad side that neither the country tables nor the store know is an error, never
    a series of zeros."""
    if spec.dyad is not None:
        store.check_query(EventQuery(dyad=spec.dyad))


def series(store: EventStore, spec: SeriesSpec | None = None) -> Series:
    """The zero-filled series of ``spec`` (default: every event, by month). A dyad side
    that no country table knows and no stored event carries is a :class:`UsageError`."""
    spec = spec if spec is not None else SeriesSpec()
    _check_sides(store, spec)
    sql, params = series_sql(spec)
    return Series(store.read_arrow(sql, params), spec)


def event_frame(
    store: EventStore,
    query: EventQuery | None = None,
    fold: FoldPolicy | str = "none",
    *,
    condition: str = "TRUE",
    condition_params: list[Any] | None = None,
) -> Frame:
    """Events matching ``query`` (folded by ``fold``) with flat columns: every event
    column (``source_code``, ``target_country``, ``cameo``, ``goldstein``, ...) and the
    document's ``title``, ``url``, ``doc_date`` and ``outlet``; folded events also carry
    ``num_mentions``, ``num_articles`` and ``num_sources``. ``condition`` is SQL of this
    package over the event columns, with its own parameters."""
    q = query if query is not None else EventQuery()
    store.check_query(q)  # a code neither the tables nor the store know is an error
    policy = check_fold(fold)
    limit = q.limit
    inner_query = dataclasses.replace(q, limit=None)  # every filter; pages and frames limit
    if policy == "none":
        where, params = where_sql(inner_query)
        inner = f"SELECT * FROM events{where}"
    else:
        inner, params = folded_sql(inner_query, policy)
    params += condition_params or []
    sql = (
        f"SELECT e.*, {DOC_COLUMNS} FROM ({inner}) AS e "
        f"LEFT JOIN documents AS d ON d.doc_id = e.doc_id WHERE {condition} "
        f"ORDER BY e.{EVENT_ORDER.replace(', ', ', e.')}"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return Frame(store.read_arrow(sql, params))


def period_bounds(period: Period, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the ``period`` holding ``day``."""
    if period == "day":
        return day, day
    if period == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if period == "month":
        start = day.replace(day=1)
        nxt = (start + dt.timedelta(days=32)).replace(day=1)
        return start, nxt - dt.timedelta(days=1)
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    nxt = (start + dt.timedelta(days=95)).replace(day=1)
    return start, nxt - dt.timedelta(days=1)


def point_events(store: EventStore, spec: SeriesSpec, at: dt.date) -> Frame:
    """The events behind one point of the series ``spec``: the events of its dyad in the
    period holding ``at``, with their sentences and documents (the rows its counts
    count, folded the same way)."""
    _check_sides(store, spec)
    start, end = period_bounds(spec.period, at)
    scope = spec.scope
    since = max(start, scope.since) if scope.since else start
    until = min(end, scope.until) if scope.until else end
    if since > until:
        return event_frame(store, EventQuery(since=start, until=start, modes=scope.modes,
                                             limit=0), scope.fold)  # fmt: skip
    query = EventQuery(since=since, until=until, modes=scope.modes)
    params: list[Any] = []
    cond = _condition(spec, params)
    return event_frame(store, query, scope.fold, condition=cond, condition_params=params)
