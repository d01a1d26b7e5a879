"""Change alerts, and what changed this week.

**Alerts** (:func:`alerts`). Time is cut into windows of ``window_days`` ending on
``as_of`` (default: the last event date in the scope): window 0 is the latest, windows 1
to ``baseline`` before it are the dyad's own baseline. For every dyad with at least
``min_events`` events in the latest window and events in at least ``min_baseline``
baseline windows, two figures are compared with the baseline windows that had events:
the **conflict share** (quad classes 3-4 over all events) and the **Goldstein mean**.
A figure whose distance from the baseline mean is at least ``k`` baseline standard
deviations (the sample standard deviation, never taken below ``min_sd`` for that
figure, so a dyad that never varied does not alert on a single event) is an alert, in
either direction. Each alert carries the events behind it: the latest window's events on
the side of the change (conflict events for a rise in conflict or a fall in Goldstein,
cooperation events for the other way), most extreme Goldstein first.

**Changes** (:func:`changes`): every dyad's events, conflict and Goldstein mean in the
last ``days`` against the ``days`` before, largest change first.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from accord.analysis.frame import Frame
from accord.analysis.scope import Level, Scope, base_sql, check_level, pair_keys
from accord.analysis.series import event_frame
from accord.errors import UsageError
from accord.store import EventQuery, EventStore

__all__ = ["METRICS", "Alert", "AlertEvent", "Metric", "alerts", "changes", "latest_date"]

Metric = Literal["conflict_share", "goldstein_mean"]
METRICS: tuple[Metric, ...] = ("conflict_share", "goldstein_mean")

MIN_SD: Mapping[str, float] = {"conflict_share": 0.1, "goldstein_mean": 1.0}
"""The smallest baseline standard deviation used, per figure."""


@dataclass(frozen=True, slots=True)
class AlertEvent:
    """One event behind an alert, with its sentence and document."""

    event_id: str
    doc_id: str
    date: dt.date | None
    source_code: str
    target_code: str | None
    cameo: str
    cameo_name: str
    quad_class: int
    goldstein: float
    sentence: str
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Alert:
    """A dyad whose ``metric`` in the latest window departs from its own baseline."""

    side_a: str
    side_b: str
    metric: Metric
    direction: Literal["up", "down"]
    value: float
    """The figure in the latest window."""
    baseline_mean: float
    baseline_sd: float
    """The baseline's sample standard deviation (before the ``min_sd`` floor)."""
    z: float
    """(value - baseline_mean) / max(baseline_sd, min_sd)."""
    window_start: dt.date
    window_end: dt.date
    events: int
    """The dyad's events in the latest window."""
    baseline_windows: int
    """Baseline windows in which the dyad had events."""
    evidence_total: int
    """Events on the side of the change in the latest window (``evidence`` holds the
    first of them)."""
    evidence: tuple[AlertEvent, ...]

    @property
    def toward_conflict(self) -> bool:
        return (self.metric == "conflict_share") == (self.direction == "up")


def latest_date(store: EventStore, scope: Scope) -> dt.date | None:
    """The last event date in ``scope``."""
    base, params = base_sql(scope)
    table = store.read_arrow(f"SELECT max(date) AS d FROM ({base})", params)
    value = table.column("d")[0].as_py()
    return value if isinstance(value, dt.date) else None


def _positive(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(f"{name} must be a positive integer, got {value!r}")


def _window_rows(
    store: EventStore,
    scope: Scope,
    level: Level,
    directed: bool,
    domestic: bool,
    as_of: dt.date,
    window_days: int,
    windows: int,
) -> list[dict[str, Any]]:
    """Per dyad and window (0: latest): events, conflict events, Goldstein sum."""
    base, params = base_sql(scope)
    a, b = pair_keys(level, directed)
    first = as_of - dt.timedelta(days=window_days * windows - 1)
    keep = "" if domestic else "WHERE side_a <> side_b "
    sql = (
        f"WITH ev AS ({base}), "
        f"w AS (SELECT {a} AS side_a, {b} AS side_b, "
        "CAST(datediff('day', date, CAST(? AS DATE)) // ? AS INTEGER) AS win, "
        "quad_class, goldstein FROM ev WHERE target_code IS NOT NULL "
        "AND date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)) "
        "SELECT side_a, side_b, win, count(*) AS events, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
        f"sum(goldstein) AS goldstein_sum FROM w {keep}"
        "GROUP BY side_a, side_b, win ORDER BY side_a, side_b, win"
    )
    params += [as_of, window_days, first, as_of]
    return list(Frame(store.read_arrow(sql, params)))


def alerts(
    store: EventStore,
    *,
    window_days: int = 30,
    baseline: int = 12,
    k: float = 2.0,
    min_events: int = 3,
    min_baseline: int = 3,
    as_of: dt.date | None = None,
    level: Level | str = "country",
    directed: bool = False,
    domestic: bool = True,
    metrics: tuple[Metric, ...] = METRICS,
    evidence: int = 10,
    scope: Scope | None = None,
) -> tuple[Alert, ...]:
    """Dyads whose conflict share or Goldstein mean in the latest window departs from
    their own baseline by at least ``k`` standard deviations (see the module's
    docstring), strongest first, each with up to ``evidence`` events behind it."""
    for name, value in (
        ("window_days", window_days),
        ("baseline", baseline),
        ("min_events", min_events),
        ("min_baseline", min_baseline),
    ):
        _positive(name, value)  # fmt: skip
    if isinstance(evidence, bool) or not isinstance(evidence, int) or evidence < 0:
        raise UsageError(f"evidence must be a non-negative integer, got {evidence!r}")
    if not (isinstance(k, int | float) and math.isfinite(k) and k > 0):
        raise UsageError(f"k must be a positive number, got {k!r}")
    for m in metrics:
        if m not in METRICS:
            raise UsageError(f"unknown metric {m!r} (choose from {', '.join(METRICS)})")
    lvl = check_level(level)
    scope = scope or Scope()
    end = as_of if as_of is not None else latest_date(store, scope)
    if end is None:
        return ()
    rows = _window_rows(store, scope, lvl, directed, domestic, end, window_days, baseline + 1)
    by_dyad: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for r in rows:
        by_dyad.setdefault((r["side_a"], r["side_b"]), {})[r["win"]] = r
    window_start = end - dt.timedelta(days=window_days - 1)
    found: list[Alert] = []
    for (a, b), wins in by_dyad.items():
        latest = wins.get(0)
        past = [wins[w] for w in range(1, baseline + 1) if w in wins]
        if latest is None or latest["events"] < min_events or len(past) < min_baseline:
            continue
        for metric in metrics:
            figure = _figure(metric, latest)
            history = [_figure(metric, w) for w in past]
            mean = statistics.fmean(history)
            sd = statistics.stdev(history) if len(history) > 1 else 0.0
            z = (figure - mean) / max(sd, MIN_SD[metric])
            if abs(z) < k:
                continue
            direction: Literal["up", "down"] = "up" if z > 0 else "down"
            toward_conflict = (metric == "conflict_share") == (direction == "up")
            total, events = _evidence(
                store, scope, lvl, directed, (a, b), window_start, end, toward_conflict,
                evidence,
            )  # fmt: skip
            found.append(
                Alert(a, b, metric, direction, figure, mean, sd, z, window_start, end,
                      int(latest["events"]), len(past), total, events)
            )  # fmt: skip
    found.sort(key=lambda x: (-abs(x.z), x.side_a, x.side_b, x.metric))
    return tuple(found)


def _figure(metric: Metric, row: Mapping[str, Any]) -> float:
    n = int(row["events"])
    if metric == "conflict_share":
        return int(row["conflict"]) / n
    return float(row["goldstein_sum"]) / n


def _evidence(
    store: EventStore,
    scope: Scope,
    level: Level,
    directed: bool,
    dyad: tuple[str, str],
    since: dt.date,
    until: dt.date,
    toward_conflict: bool,
    limit: int,
) -> tuple[int, tuple[AlertEvent, ...]]:
    a, b = pair_keys(level, directed)
    quads = "(3, 4)" if toward_conflict else "(1, 2)"
    cond = f"{a} = ? AND {b} = ? AND e.target_code IS NOT NULL AND e.quad_class IN {quads}"
    query = EventQuery(since=since, until=until, modes=scope.modes)
    frame = event_frame(store, query, scope.fold, condition=cond, condition_params=list(dyad))
    rows = sorted(
        frame,
        key=lambda r: (r["goldstein"] if toward_conflict else -r["goldstein"],
                       r["date"], r["doc_id"], r["sentence_index"], r["event_id"]),
    )  # fmt: skip
    refs = tuple(
        AlertEvent(
            r["event_id"],
            r["doc_id"],
            r["date"],
            r["source_code"],
            r["target_code"],
            r["cameo"],
            r["cameo_name"],
            int(r["quad_class"]),
            float(r["goldstein"]),
            r["sentence"],
            r["title"],
            r["url"],
        )
        for r in rows[:limit]
    )
    return len(rows), refs


def changes(
    store: EventStore,
    *,
    days: int = 7,
    as_of: dt.date | None = None,
    n: int | None = 20,
    level: Level | str = "country",
    directed: bool = False,
    domestic: bool = True,
    scope: Scope | None = None,
) -> Frame:
    """What changed: each dyad's events, conflict events and Goldstein mean in the last
    ``days`` up to ``as_of`` (default: the last event date) against the ``days`` before;
    ``status`` is ``new`` (none before), ``gone`` (none now), ``up``, ``down`` or ``same``.
    Largest change in events first, then in conflict events."""
    _positive("days", days)
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
        raise UsageError(f"n must be a non-negative integer, got {n!r}")
    lvl = check_level(level)
    scope = scope or Scope()
    end = as_of if as_of is not None else latest_date(store, scope)
    if end is None:
        end = dt.date.today()
    rows = _window_rows(store, scope, lvl, directed, domestic, end, days, 2)
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        m = merged.setdefault(
            (r["side_a"], r["side_b"]),
            {"side_a": r["side_a"], "side_b": r["side_b"], "events": 0, "events_before": 0,
             "conflict": 0, "conflict_before": 0, "_g": 0.0, "_g_before": 0.0},
        )  # fmt: skip
        suffix = "" if r["win"] == 0 else "_before"
        m["events" + suffix] += int(r["events"])
        m["conflict" + suffix] += int(r["conflict"])
        m["_g" + suffix] += float(r["goldstein_sum"])
    out: list[dict[str, Any]] = []
    start = end - dt.timedelta(days=days - 1)
    for m in merged.values():
        now, before = m["events"], m["events_before"]
        g_now, g_before = m.pop("_g"), m.pop("_g_before")
        m["change"] = now - before
        m["conflict_change"] = m["conflict"] - m["conflict_before"]
        m["goldstein_mean"] = g_now / now if now else None
        m["goldstein_mean_before"] = g_before / before if before else None
        m["status"] = (
            "new" if before == 0 else "gone" if now == 0
            else "up" if now > before else "down" if now < before else "same"
        )  # fmt: skip
        m["window_start"] = start
        m["window_end"] = end
        out.append(m)
    out.sort(key=lambda m: (-abs(m["change"]), -abs(m["conflict_change"]),
                            m["side_a"], m["side_b"]))  # fmt: skip
    if n is not None:
        out = out[:n]
    return Frame(_changes_table(out))


def _changes_table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    schema = pa.schema(
        [("side_a", pa.string()), ("side_b", pa.string()), ("status", pa.string()),
         ("events", pa.int64()), ("events_before", pa.int64()), ("change", pa.int64()),
         ("conflict", pa.int64()), ("conflict_before", pa.int64()),
         ("conflict_change", pa.int64()), ("goldstein_mean", pa.float64()),
         ("goldstein_mean_before", pa.float64()), ("window_start", pa.date32()),
         ("window_end", pa.date32())]
    )  # fmt: skip
    return pa.Table.from_pylist(rows, schema=schema)
