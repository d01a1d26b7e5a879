"""Read-only questions over the event store.

Pure functions that take an open :class:`accord.store.EventStore` (series, rankings,
network, alerts, summary; DuckDB SQL underneath, user values only as parameters) and the
handle :func:`accord.open` returns (:class:`StoreReader`), which calls them for notebooks
and scripts.
"""

from accord.analysis.alerts import METRICS, Alert, AlertEvent, Metric, alerts, changes
from accord.analysis.frame import Frame, Network
from accord.analysis.query import EventQuery, count, events
from accord.analysis.rankings import ORDERS, Order, network, top_actors, top_dyads
from accord.analysis.reader import StoreReader, open_store
from accord.analysis.scope import LEVELS, PERIODS, Level, Period, Scope
from accord.analysis.series import Series, SeriesSpec, event_frame, point_events, series
from accord.analysis.summary import CodeCount, Summary, summary

__all__ = [
    "LEVELS",
    "METRICS",
    "ORDERS",
    "PERIODS",
    "Alert",
    "AlertEvent",
    "CodeCount",
    "EventQuery",
    "Frame",
    "Level",
    "Metric",
    "Network",
    "Order",
    "Period",
    "Scope",
    "Series",
    "SeriesSpec",
    "StoreReader",
    "Summary",
    "alerts",
    "changes",
    "count",
    "event_frame",
    "events",
    "network",
    "open_store",
    "point_events",
    "series",
    "summary",
    "top_actors",
    "top_dyads",
]
