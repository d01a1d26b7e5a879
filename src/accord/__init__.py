"""accord: who did what to whom, when and where, coded from news text.

The public Python API. Everything else is internal and may change.

``import accord`` is light: the coder, the store and the analyses (spaCy, DuckDB, Arrow)
load when one of their names is first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from accord._version import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from accord.analysis.query import EventQuery
    from accord.analysis.reader import StoreReader
    from accord.api import (
        Coder,
        IngestReport,
        code_text,
        evaluate_files,
        fold_events,
        parse_date,
        query_events,
        rebuild_clusters,
    )
    from accord.config import Settings
    from accord.errors import AccordError
    from accord.model import (
        Actor,
        DocResult,
        Document,
        Event,
        Evidence,
        Failure,
        FoldedEvent,
        Mode,
        Place,
    )

__all__ = [
    "AccordError",
    "Actor",
    "Coder",
    "DocResult",
    "Document",
    "Event",
    "EventQuery",
    "Evidence",
    "Failure",
    "FoldedEvent",
    "IngestReport",
    "Mode",
    "Place",
    "Settings",
    "StoreReader",
    "__version__",
    "code_text",
    "evaluate_files",
    "fold_events",
    "open",
    "parse_date",
    "query_events",
    "rebuild_clusters",
]

# Where each public name lives; imported on first use (PEP 562).
_HOMES: dict[str, str] = {
    "EventQuery": "accord.analysis.query",
    "StoreReader": "accord.analysis.reader",
    "AccordError": "accord.errors",
    "Settings": "accord.config",
    **dict.fromkeys(
        ("Coder", "IngestReport", "code_text", "evaluate_files", "fold_events", "parse_date",
         "query_events", "rebuild_clusters"),
        "accord.api",
    ),
    **dict.fromkeys(
        ("Actor", "DocResult", "Document", "Event", "Evidence", "Failure", "FoldedEvent",
         "Mode", "Place"),
        "accord.model",
    ),
}  # fmt: skip


def open(db: str | Path) -> StoreReader:
    """A read-only handle on the event store at ``db``: series, dyads, actors, network,
    alerts, changes, summary and events as Arrow tables, pandas DataFrames (``.df()``) or
    rows. A path without a store is a :class:`~accord.errors.StoreError`; nothing is
    created. See :class:`accord.analysis.reader.StoreReader`."""
    from accord.analysis.reader import StoreReader

    return StoreReader(db)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'accord' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
