"""Event queries: the filter record and the calls the CLI's ``accord events`` makes.

:class:`EventQuery` is defined next to its SQL in :mod:`accord.store.filters` (the store
layer may not import this one) and is re-exported here as its public home.
"""

from __future__ import annotations

from accord.model import Event
from accord.store import EventQuery, EventStore

__all__ = ["EventQuery", "count", "events"]


def events(store: EventStore, query: EventQuery | None = None) -> list[Event]:
    """Events matching ``query`` (default: every asserted event), in date order."""
    return list(store.iter_events(query if query is not None else EventQuery()))


def count(store: EventStore, query: EventQuery | None = None) -> int:
    """How many events match ``query``."""
    return store.count_events(query if query is not None else EventQuery())
