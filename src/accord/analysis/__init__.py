"""Read-only questions over the event store."""

from accord.analysis.query import EventQuery, count, events

__all__ = ["EventQuery", "count", "events"]
