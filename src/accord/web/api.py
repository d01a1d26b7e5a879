"""The REST API under ``/api/v1``: read-only GET endpoints over :mod:`accord.analysis`.

Every parameter has limits (lengths, patterns, ranges) checked before the store is
opened; a value out of them is a 422, a value the analysis refuses a 400, both in the one
error envelope (:mod:`accord.web.responses`). Lists come in pages (``limit``,
``offset``; ``page.total`` counts them all). User values reach SQL only as parameters of
the analysis functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from accord.analysis import (
    Alert,
    Scope,
    SeriesSpec,
    alerts,
    changes,
    network,
    point_events,
    series,
    summary,
    top_actors,
    top_dyads,
)
from accord.analysis.browse import (
    EventFilter,
    country_series,
    document,
    event_page,
    places,
)
from accord.errors import UsageError
from accord.model import Mode
from accord.store import EventQuery, EventStore
from accord.store.filters import FILTER_HELP, country_code, dyad_side, to_date
from accord.web.responses import (
    ERROR_RESPONSES,
    JSONAnswer,
    ListResponse,
    ObjectResponse,
    list_answer,
    object_answer,
)
from accord.web.store import request_store

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)

# ---------------------------------------------------------------- limits

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
FIRST_YEAR, LAST_YEAR = 1800, 2200
"""Dates outside these years are refused (a day series over ten millennia is no query)."""

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_CODE = r"^[A-Za-z0-9-]{1,32}$"
_COUNTRY = r"^[A-Za-z]{2,3}$"

Fold = Literal["none", "daily", "clustered"]
PeriodName = Literal["day", "week", "month", "quarter"]
LevelName = Literal["country", "actor"]
OrderName = Literal["events", "conflict", "cooperation", "conflict_share", "goldstein"]
KindName = Literal["cooperation", "conflict"]

DateQ = Annotated[
    str | None,
    Query(max_length=10, pattern=_DATE, description="YYYY-MM-DD, YYYY-MM or YYYY"),
]
SideQ = Annotated[
    str | None,
    Query(
        max_length=32,
        pattern=_CODE,
        description="A dyad side: an actor code prefix or a country, ISO 3166 alpha-2 or "
        "alpha-3 (USAGOV, USA, US)",
    ),
]
CountryQ = Annotated[
    str | None, Query(max_length=3, pattern=_COUNTRY, description=FILTER_HELP["country"])
]
ActorQ = Annotated[str | None, Query(min_length=1, max_length=100)]
DomesticQ = Annotated[
    bool, Query(description="Keep pairs of a country with itself (government vs opposition)")
]
DirectedQ = Annotated[bool, Query(description="Keep A->B apart from B->A")]
MinEventsQ = Annotated[int, Query(ge=1, le=1_000_000)]


def _day(value: str | None, *, end: bool = False) -> dt.date | None:
    day = to_date(value, end=end)
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(f"dates must fall in the years {FIRST_YEAR}-{LAST_YEAR}, got {value}")
    return day


def _modes(all_modes: bool) -> tuple[Mode, ...]:
    return tuple(Mode) if all_modes else (Mode.ASSERTED,)


def scope_params(
    since: DateQ = None,
    until: DateQ = None,
    all_modes: Annotated[
        bool, Query(description="Count negated, hypothetical, future... events too")
    ] = False,
    fold: Annotated[
        Fold, Query(description="Count repeated reports once: per day, or per duplicate cluster")
    ] = "none",
) -> Scope:
    return Scope(_day(since), _day(until, end=True), _modes(all_modes), fold)


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> tuple[int, int]:
    return offset, limit


ScopeD = Annotated[Scope, Depends(scope_params)]
PageD = Annotated[tuple[int, int], Depends(page_params)]
StoreD = Annotated[EventStore, Depends(request_store)]


def _dyad(a: str | None, b: str | None) -> tuple[str, str] | None:
    if (a is None) != (b is None):
        raise UsageError("a dyad needs both sides, a and b")
    return None if a is None or b is None else (a, b)


def _known_side(store: EventStore, value: str) -> str:
    """One side (an actor code prefix, or a country ISO 3166 alpha-2 or alpha-3) as the
    store holds it; unknown to the country tables and to the store: a 400."""
    side = dyad_side(value)
    store.check_query(EventQuery(dyad=(side, side)))
    return side


def _known_country(store: EventStore, value: str) -> str:
    """A country (ISO 3166 alpha-2 or alpha-3) as its alpha-3 code; unknown: a 400."""
    code = country_code(value)
    store.check_query(EventQuery(country=code))
    return code


def _scope_meta(scope: Scope) -> dict[str, Any]:
    return {
        "since": scope.since,
        "until": scope.until,
        "modes": [m.value for m in scope.modes],
        "fold": scope.fold,
    }


def _slice(
    rows: list[dict[str, Any]], offset: int, limit: int, meta: Mapping[str, Any]
) -> JSONAnswer:
    return list_answer(
        rows[offset : offset + limit], offset=offset, limit=limit, total=len(rows), meta=meta
    )


def _touches(row: Mapping[str, Any], country: str) -> bool:
    return country in (row.get("side_a"), row.get("side_b"))


# ---------------------------------------------------------------- store


@router.get("/health", response_model=ObjectResponse, summary="The store answers")
def health(store: StoreD) -> JSONAnswer:
    return object_answer({"status": "ok", "schema_version": store.schema_version()})


@router.get("/summary", response_model=ObjectResponse, summary="What the store holds")
def get_summary(
    store: StoreD, scope: ScopeD, top: Annotated[int, Query(ge=1, le=100)] = 10
) -> JSONAnswer:
    s = summary(store, scope, top=top)
    data = {
        "documents": s.documents,
        "dated_documents": s.dated_documents,
        "documents_with_events": s.documents_with_events,
        "failures": s.failures,
        "stored_events": s.stored_events,
        "events": s.events,
        "dated_events": s.dated_events,
        "undated_events": s.undated_events,
        "first_date": s.first_date,
        "last_date": s.last_date,
        "clusters": s.clusters,
        "failures_by_code": [{"code": k, "failures": n} for k, n in s.failures_by_code],
        "skipped_languages": [{"language": k, "documents": n} for k, n in s.skipped_languages],
        "events_by_mode": [{"mode": m, "events": n} for m, n in s.events_by_mode],
        "date_sources": [{"date_source": k, "events": n} for k, n in s.date_sources],
        "quad_classes": [{"quad_class": q, "events": n} for q, n in s.quad_classes],
        "top_codes": s.top_codes,
        "top_roots": s.top_roots,
    }
    return object_answer(data, _scope_meta(scope))


# ---------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class ScopedQuery:
    """The event filters of a request and the scope (dates, modes, fold) they came with."""

    scope: Scope
    query: EventQuery


def event_query(
    scope: ScopeD,
    actor: Annotated[ActorQ, Query(description=FILTER_HELP["actor"])] = None,
    source: Annotated[ActorQ, Query(description=FILTER_HELP["source"])] = None,
    target: Annotated[ActorQ, Query(description=FILTER_HELP["target"])] = None,
    country: CountryQ = None,
    a: SideQ = None,
    b: SideQ = None,
    root: Annotated[
        str | None, Query(pattern=r"^\d{1,2}$", description=FILTER_HELP["root"])
    ] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^\d{1,4}$", description=FILTER_HELP["cameo"])
    ] = None,
    plover: Annotated[
        str | None,
        Query(max_length=32, pattern=r"^[A-Za-z_]+$", description=FILTER_HELP["plover"]),
    ] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description=FILTER_HELP["quad"])] = None,
    has_target: Annotated[bool | None, Query(description=FILTER_HELP["has_target"])] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, description=FILTER_HELP["min_confidence"])
    ] = None,
    text: Annotated[
        str | None, Query(min_length=1, max_length=200, description=FILTER_HELP["text"])
    ] = None,
    doc_id: Annotated[
        str | None, Query(min_length=1, max_length=500, description=FILTER_HELP["doc_id"])
    ] = None,
) -> ScopedQuery:
    """The :class:`EventQuery` of a request, in its scope: the filters of ``accord events``,
    by the same names (``a`` and ``b`` for its ``--dyad A,B``), checked and turned into SQL
    by :mod:`accord.store.filters` alone."""
    return ScopedQuery(scope, EventQuery(
        actor=actor, source=source, target=target, country=country, dyad=_dyad(a, b),
        since=scope.since, until=scope.until, root=root, cameo=cameo, plover=plover,
        quad=quad, has_target=has_target, min_confidence=min_confidence, text=text,
        modes=scope.modes, doc_id=doc_id,
    ))  # fmt: skip


QueryD = Annotated[ScopedQuery, Depends(event_query)]


@router.get("/events", response_model=ListResponse, summary="Events under filters, a page")
def get_events(
    store: StoreD,
    page: PageD,
    scoped: QueryD,
    kind: KindName | None = None,
    place: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    undated: Annotated[bool, Query(description="Only events without a date")] = False,
) -> JSONAnswer:
    offset, limit = page
    scope = scoped.scope
    f = EventFilter(scoped.query, scope.fold, place=place, kind=kind, undated=undated)
    p = event_page(store, f, offset=offset, limit=limit)
    return list_answer(p.frame.rows(), offset=offset, limit=limit, total=p.total,
                       meta=_scope_meta(scope))  # fmt: skip


@router.get("/events/{event_id}", response_model=ObjectResponse, summary="One event")
def get_event(
    store: StoreD, event_id: Annotated[str, Path(min_length=1, max_length=100)]
) -> JSONAnswer:
    p = event_page(store, EventFilter(EventQuery(modes=()), event_id=event_id), limit=1)
    rows = p.frame.rows()
    if not rows:
        raise HTTPException(404, "no event with this id")
    return object_answer(rows[0])


@router.get(
    "/documents/{doc_id:path}",
    response_model=ObjectResponse,
    summary="One document and its events (every mode), with their sentences",
)
def get_document(
    store: StoreD, doc_id: Annotated[str, Path(min_length=1, max_length=500)]
) -> JSONAnswer:
    info = document(store, doc_id)
    if info is None:
        raise HTTPException(404, "no document with this id")
    p = event_page(store, EventFilter(EventQuery(doc_id=doc_id, modes=())), limit=MAX_LIMIT * 4)
    return object_answer({"document": info, "events": p.frame.rows()},
                         {"events_total": p.total})  # fmt: skip


# ---------------------------------------------------------------- series


@router.get("/series", response_model=ListResponse, summary="A dyad's zero-filled series")
def get_series(
    store: StoreD,
    scope: ScopeD,
    a: SideQ = None,
    b: SideQ = None,
    period: PeriodName = "month",
    directed: DirectedQ = False,
    top: Annotated[
        bool, Query(description="The series of the most active dyad in the scope (no a, b)")
    ] = False,
    domestic: Annotated[
        bool, Query(description="With top: a country with itself may be the most active dyad")
    ] = True,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSONAnswer:
    dyad = _dyad(a, b)
    meta: dict[str, Any] = {}
    if top:
        if dyad is not None:
            raise UsageError("give a and b, or top, not both")
        best = top_dyads(store, n=1, by="events", directed=directed, domestic=domestic,
                         scope=scope).rows()  # fmt: skip
        if not best:
            raise UsageError("no dyad has events in this scope")
        dyad = (str(best[0]["side_a"]), str(best[0]["side_b"]))
        meta["top_events"] = best[0]["events"]
    spec = SeriesSpec(dyad, period, directed, scope)
    s = series(store, spec)
    meta.update({**_scope_meta(scope), "label": spec.label, "period": period, "directed": directed})
    return _slice(s.rows(), offset, limit, meta)


@router.get(
    "/series/events",
    response_model=ListResponse,
    summary="The events behind one point of a series",
)
def get_series_events(
    store: StoreD,
    scope: ScopeD,
    page: PageD,
    at: Annotated[str, Query(max_length=10, pattern=_DATE, description="A day of the period")],
    a: SideQ = None,
    b: SideQ = None,
    period: PeriodName = "month",
    directed: DirectedQ = False,
) -> JSONAnswer:
    offset, limit = page
    day = _day(at)
    if day is None:
        raise UsageError("at needs a date")
    spec = SeriesSpec(_dyad(a, b), period, directed, scope)
    rows = point_events(store, spec, day).rows()
    return _slice(rows, offset, limit, {**_scope_meta(scope), "label": spec.label, "at": day})


@router.get(
    "/countries/{code}",
    response_model=ObjectResponse,
    summary="A country: its events and their series",
)
def get_country(
    store: StoreD,
    scope: ScopeD,
    code: Annotated[
        str, Path(min_length=2, max_length=3, pattern=_COUNTRY, description="US or USA")
    ],
    period: PeriodName = "month",
) -> JSONAnswer:
    c = _known_country(store, code)

    def total(kind: KindName | None) -> int:
        q = EventQuery(country=c, since=scope.since, until=scope.until, modes=scope.modes)
        return event_page(store, EventFilter(q, scope.fold, kind=kind), limit=0).total

    rows = country_series(store, c, period, scope).rows()
    data = {
        "country": c,
        "events": total(None),
        "cooperation": total("cooperation"),
        "conflict": total("conflict"),
        "series": rows,
    }
    return object_answer(data, {**_scope_meta(scope), "period": period})


# ---------------------------------------------------------------- rankings


@router.get("/dyads", response_model=ListResponse, summary="The top dyads")
def get_dyads(
    store: StoreD,
    scope: ScopeD,
    page: PageD,
    by: OrderName = "events",
    level: LevelName = "country",
    directed: DirectedQ = False,
    domestic: DomesticQ = True,
    min_events: MinEventsQ = 1,
    country: Annotated[
        str | None,
        Query(max_length=32, pattern=_CODE, description="Only dyads with this side"),
    ] = None,
) -> JSONAnswer:
    offset, limit = page
    rows = top_dyads(
        store, n=None, by=by, level=level, directed=directed, domestic=domestic,
        min_events=min_events, scope=scope,
    ).rows()  # fmt: skip
    meta: dict[str, Any] = {**_scope_meta(scope), "by": by}
    if country is not None:
        meta["country"] = side = _known_side(store, country)
        rows = [r for r in rows if _touches(r, side)]
    return _slice(rows, offset, limit, meta)


@router.get("/actors", response_model=ListResponse, summary="The most active actors")
def get_actors(
    store: StoreD,
    scope: ScopeD,
    page: PageD,
    by: OrderName = "events",
    level: LevelName = "actor",
    min_events: MinEventsQ = 1,
    prefix: Annotated[
        str | None, Query(max_length=32, pattern=_CODE, description="Only codes with this start")
    ] = None,
) -> JSONAnswer:
    offset, limit = page
    rows = top_actors(store, n=None, by=by, level=level, min_events=min_events,
                      scope=scope).rows()  # fmt: skip
    if prefix is not None:
        start = prefix.upper()
        rows = [r for r in rows if str(r["actor"]).startswith(start)]
    return _slice(rows, offset, limit, {**_scope_meta(scope), "by": by, "level": level})


@router.get("/network", response_model=ObjectResponse, summary="Who acts on whom: a graph")
def get_network(
    store: StoreD,
    scope: ScopeD,
    level: LevelName = "country",
    directed: DirectedQ = False,
    domestic: DomesticQ = False,
    min_events: MinEventsQ = 1,
    country: Annotated[
        str | None, Query(max_length=32, pattern=_CODE, description="Only edges of this node")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="At most this many edges")] = 300,
) -> JSONAnswer:
    net = network(store, level=level, directed=directed, domestic=domestic,
                  min_events=min_events, scope=scope)  # fmt: skip
    edges = net.edges.rows()
    if country is not None:
        side = _known_side(store, country)
        edges = [e for e in edges if _touches(e, side)]
    kept = edges[:limit]
    names = {e["side_a"] for e in kept} | {e["side_b"] for e in kept}
    nodes = [n for n in net.nodes.rows() if n["node"] in names]
    meta = {**_scope_meta(scope), "edges_total": len(edges), "level": level}
    return object_answer({"nodes": nodes, "edges": kept}, meta)


@router.get("/places", response_model=ListResponse, summary="Where events happened")
def get_places(
    store: StoreD,
    scope: ScopeD,
    country: CountryQ = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> JSONAnswer:
    code = None if country is None else _known_country(store, country)
    rows = places(store, scope, country=code).rows()
    return _slice(rows, offset, limit, _scope_meta(scope))


# ---------------------------------------------------------------- alerts


@router.get("/alerts", response_model=ListResponse, summary="Dyads departing from baseline")
def get_alerts(
    store: StoreD,
    scope: ScopeD,
    page: PageD,
    window_days: Annotated[int, Query(ge=1, le=366)] = 30,
    baseline: Annotated[int, Query(ge=1, le=60)] = 12,
    k: Annotated[float, Query(gt=0, le=100)] = 2.0,
    min_events: Annotated[int, Query(ge=1, le=100_000)] = 3,
    min_baseline: Annotated[int, Query(ge=1, le=60)] = 3,
    as_of: DateQ = None,
    level: LevelName = "country",
    directed: DirectedQ = False,
    domestic: DomesticQ = True,
    evidence: Annotated[int, Query(ge=0, le=100)] = 10,
) -> JSONAnswer:
    offset, limit = page
    found = alerts(
        store, window_days=window_days, baseline=baseline, k=k, min_events=min_events,
        min_baseline=min_baseline, as_of=_day(as_of), level=level, directed=directed,
        domestic=domestic, evidence=evidence, scope=scope,
    )  # fmt: skip
    rows = [{**_plain_alert(x), "toward_conflict": x.toward_conflict} for x in found]
    return _slice(rows, offset, limit, _scope_meta(scope))


def _plain_alert(alert: Alert) -> dict[str, Any]:
    return asdict(alert)


@router.get("/changes", response_model=ListResponse, summary="What changed lately, per dyad")
def get_changes(
    store: StoreD,
    scope: ScopeD,
    page: PageD,
    days: Annotated[int, Query(ge=1, le=366)] = 7,
    as_of: DateQ = None,
    level: LevelName = "country",
    directed: DirectedQ = False,
    domestic: DomesticQ = True,
) -> JSONAnswer:
    offset, limit = page
    rows = changes(store, days=days, as_of=_day(as_of), n=None, level=level,
                   directed=directed, domestic=domestic, scope=scope).rows()  # fmt: skip
    return _slice(rows, offset, limit, _scope_meta(scope))
