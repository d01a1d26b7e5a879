"""The event store: the only layer that speaks SQL.

``EventStore.open(path)`` gives a DuckDB-backed store with idempotent bulk writes
(:meth:`EventStore.write`) and typed reads (:meth:`EventStore.iter_events`).
"""

from accord.store.duck import EventStore
from accord.store.filters import EventQuery
from accord.store.records import DocumentSummary, StoreCounts, StoredEvent, WriteStats
from accord.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "DocumentSummary",
    "EventQuery",
    "EventStore",
    "StoreCounts",
    "StoredEvent",
    "WriteStats",
]
