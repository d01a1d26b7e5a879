"""What every analysis reads: the scope record and the SQL fragments the analyses share.

Every analysis starts from one relation of events, ``ev``: the events of the scope (its
dates and modes), folded by its fold policy exactly as ``accord events --fold`` folds them
(:func:`accord.store.folding.folded_sql`): ``none`` counts every coded event, ``daily``
counts once the events with the same source, target, CAMEO code, date and mode across all
documents, ``clustered`` only within one duplicate cluster. Column names and SQL keywords
come from this package; user values travel only as parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from accord.errors import UsageError
from accord.model import Mode
from accord.store.filters import EventQuery, where_sql
from accord.store.folding import FoldPolicy, check_fold, folded_sql

__all__ = [
    "LEVELS",
    "PERIODS",
    "PLOVER_TYPES",
    "ROOTS",
    "Level",
    "Period",
    "Scope",
    "base_sql",
    "check_level",
    "check_period",
    "side_key",
]

Period = Literal["day", "week", "month", "quarter"]
Level = Literal["country", "actor"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter")
LEVELS: tuple[Level, ...] = ("country", "actor")

# date_trunc unit and the step between two periods (weeks start on Monday, ISO 8601).
PERIOD_SQL: dict[str, tuple[str, str]] = {
    "day": ("day", "INTERVAL 1 DAY"),
    "week": ("week", "INTERVAL 7 DAY"),
    "month": ("month", "INTERVAL 1 MONTH"),
    "quarter": ("quarter", "INTERVAL 3 MONTH"),
}

ROOTS: tuple[str, ...] = tuple(f"{i:02d}" for i in range(1, 21))
"""The 20 CAMEO root codes."""

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
"""The 16 PLOVER event types, cooperative to conflictual (the order of the PLOVER
codebook)."""

QUADS: tuple[tuple[str, int], ...] = (
    ("verbal_coop", 1),
    ("material_coop", 2),
    ("verbal_conflict", 3),
    ("material_conflict", 4),
)
"""Column name of each quad class (GDELT's QuadClass 1-4)."""


def check_period(period: str) -> Period:
    for p in PERIODS:
        if period == p:
            return p
    raise UsageError(f"unknown period {period!r} (choose from {', '.join(PERIODS)})")


def check_level(level: str) -> Level:
    for v in LEVELS:
        if level == v:
            return v
    raise UsageError(f"unknown level {level!r} (choose from {', '.join(LEVELS)})")


@dataclass(frozen=True, slots=True)
class Scope:
    """The events an analysis reads: inclusive event-date bounds (undated events are
    left out of every dated analysis), the modes counted (default: asserted only) and
    the fold policy (``none``, ``daily`` or ``clustered``)."""

    since: dt.date | None = None
    until: dt.date | None = None
    modes: tuple[Mode, ...] = (Mode.ASSERTED,)
    fold: FoldPolicy = "none"

    def __post_init__(self) -> None:
        object.__setattr__(self, "fold", check_fold(self.fold))
        # EventQuery checks the dates and modes the same way accord events does.
        query = self.query()
        object.__setattr__(self, "modes", query.modes)

    def query(self) -> EventQuery:
        return EventQuery(since=self.since, until=self.until, modes=self.modes)


def base_sql(scope: Scope) -> tuple[str, list[Any]]:
    """SELECT of the scope's events (all event columns), folded by its policy."""
    query = scope.query()
    if scope.fold == "none":
        where, params = where_sql(query)
        return f"SELECT * FROM events{where}", params
    return folded_sql(query, scope.fold)


def periods_sql(scope: Scope, period: Period) -> tuple[str, list[Any]]:
    """The opening of a zero-filled series' SQL, to be followed by the caller's own
    CTEs: ``ev`` (the scope's events), ``dated`` (those with a date, each with its
    ``period``) and ``periods`` (every period from the scope's since, else the first
    event date, to its until, else the last), and their parameters."""
    base, params = base_sql(scope)
    unit, step = PERIOD_SQL[period]
    params += [scope.since, scope.until]
    sql = (
        f"WITH ev AS ({base}), "
        f"dated AS (SELECT CAST(date_trunc('{unit}', date) AS DATE) AS period, * FROM ev "
        "WHERE date IS NOT NULL), "
        f"bounds AS (SELECT CAST(date_trunc('{unit}', coalesce(CAST(? AS DATE), min(date))) "
        f"AS DATE) AS lo, CAST(date_trunc('{unit}', coalesce(CAST(? AS DATE), max(date))) "
        "AS DATE) AS hi FROM dated), "
        f"periods AS (SELECT CAST(unnest(generate_series(lo, hi, {step})) AS DATE) AS period "
        "FROM bounds), "
    )
    return sql, params


def zero_filled(columns: Iterable[str]) -> str:
    """SELECT list of the counts ``columns`` of the per-period relation ``d``, 0 where a
    period has no row."""
    return ", ".join(f"coalesce(d.{c}, 0) AS {c}" for c in columns)


def side_key(role: Literal["source", "target"], level: Level) -> str:
    """The SQL expression naming one side of an event at ``level``: its country (an
    actor without one, such as ``IGOUNO``, by its code) or its full actor code."""
    if level == "country":
        return f"coalesce({role}_country, {role}_code)"
    return f"{role}_code"


def pair_keys(level: Level, directed: bool) -> tuple[str, str]:
    """SQL for the two keys of an event's dyad: (source, target) when ``directed``, else
    the two sides in alphabetical order, so A-B and B-A are one dyad."""
    s, t = side_key("source", level), side_key("target", level)
    if directed:
        return s, t
    return f"least({s}, {t})", f"greatest({s}, {t})"


def count_columns(prefix: str = "") -> list[str]:
    """Aggregate SQL: quad-class counts, cooperation and conflict, Goldstein sum and mean."""
    cols = [f"count(*) FILTER (WHERE {prefix}quad_class = {q}) AS {name}" for name, q in QUADS]
    cols += [
        f"count(*) FILTER (WHERE {prefix}quad_class IN (1, 2)) AS cooperation",
        f"count(*) FILTER (WHERE {prefix}quad_class IN (3, 4)) AS conflict",
        f"sum({prefix}goldstein) AS goldstein_sum",
        f"avg({prefix}goldstein) AS goldstein_mean",
    ]
    return cols


DOC_COLUMNS = (
    "d.title AS title, d.url AS url, d.date AS doc_date, "
    "nullif(lower(coalesce(nullif(regexp_extract(d.url, "
    "'^[A-Za-z][A-Za-z0-9+.-]*://(?:www\\.)?([^/:?#]+)', 1), ''), d.source)), '') AS outlet"
)
"""The document columns every event row carries: title, URL, publication date and outlet
(the URL's host without ``www.``, else the document's source field)."""

EVENT_ORDER = "date NULLS LAST, doc_id, sentence_index, event_id"
