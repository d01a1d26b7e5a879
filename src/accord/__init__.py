"""accord: who did what to whom, when and where, coded from news text.

The public Python API. Everything else is internal and may change.
"""

from accord._version import __version__
from accord.analysis.query import EventQuery
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
    "__version__",
    "code_text",
    "evaluate_files",
    "fold_events",
    "parse_date",
    "query_events",
    "rebuild_clusters",
]
