"""``accord.open(db)``: a read-only handle on an event store for notebooks and scripts.

The handle holds no connection between calls: each query opens the store read-only and
closes it when its answer is read, so a notebook that keeps the handle never stands in
the way of ``accord ingest`` writing to the same store. Opening a path that holds no store
is an error (:class:`accord.errors.StoreError`), never a new empty store.

Queries return :class:`~accord.analysis.frame.Frame` results (an Arrow table with
``.df()`` for pandas and row iteration) or typed frozen records (:class:`Alert`,
:class:`Summary`); :meth:`StoreReader.iter_events` streams :class:`accord.model.Event`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from accord.analysis.alerts import METRICS, Alert, Metric, alerts, changes
from accord.analysis.frame import Frame, Network
from accord.analysis.rankings import Order, network, top_actors, top_dyads
from accord.analysis.scope import Level, Period, Scope, check_period
from accord.analysis.series import Series, SeriesSpec, event_frame, point_events, series
from accord.analysis.summary import Summary, summary
from accord.errors import StoreError, UsageError
from accord.model import Event, Mode
from accord.store import EventQuery, EventStore
from accord.store.access import READ_WAIT, open_waiting
from accord.store.filters import to_date
from accord.store.folding import FoldPolicy

__all__ = ["DateLike", "StoreReader", "open_store", "to_date"]

DateLike = dt.date | str | None
# to_date lives with the filters (accord.store.filters), so the CLI parses dates without
# loading the analyses; it is re-exported here, its public home.


def _modes(modes: Iterable[Mode | str] | str) -> tuple[Mode, ...]:
    if isinstance(modes, str):
        if modes == "all":
            return tuple(Mode)
        modes = (modes,)
    try:
        return tuple(dict.fromkeys(Mode(m) for m in modes))
    except ValueError:
        allowed = ", ".join(m.value for m in Mode)
        raise UsageError(f"modes must be 'all' or among {allowed}, got {modes!r}") from None


def open_store(path: str | Path) -> StoreReader:
    """A read-only handle on the store at ``path`` (see :class:`StoreReader`)."""
    return StoreReader(path)


class StoreReader:
    """A read-only event store. Every method opens the store read-only for its query
    only. Dates are ``datetime.date`` or ISO strings (``2020``, ``2020-06``,
    ``2020-06-30``); ``modes`` is ``"asserted"`` (default), ``"all"`` or a list;
    ``fold`` is ``none`` (default), ``daily`` or ``clustered``."""

    def __init__(self, path: str | Path) -> None:
        p = Path(path)
        if not p.exists():
            raise StoreError("no event store at this path", origin=str(path))
        if p.is_dir():
            raise StoreError("is a directory, not a store file", origin=str(path))
        self._path = str(p)
        with self._open() as store:
            store.schema_version()

    def _open(self) -> EventStore:
        # waits while another process (an ingest) commits: accord.store.access
        return open_waiting(self._path, read_only=True, wait=READ_WAIT)

    @property
    def path(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"StoreReader({self._path!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def close(self) -> None:
        """Nothing to close: no connection is held between calls."""

    @staticmethod
    def scope(
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Scope:
        from accord.store.folding import check_fold

        return Scope(to_date(since), to_date(until, end=True), _modes(modes), check_fold(fold))

    # ------------------------------------------------------------------ events

    def query(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: DateLike = None,
        until: DateLike = None,
        root: str | None = None,
        quad: int | None = None,
        modes: Iterable[Mode | str] | str = "asserted",
        doc_id: str | None = None,
        limit: int | None = None,
        source: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        has_target: bool | None = None,
        min_confidence: float | None = None,
        text: str | None = None,
    ) -> EventQuery:
        """The :class:`EventQuery` these filters make (as ``accord events`` takes them;
        docs/codebook.md, "Queries")."""
        return EventQuery(
            actor=actor, country=country, dyad=dyad, since=to_date(since),
            until=to_date(until, end=True), root=root, quad=quad, modes=_modes(modes),
            doc_id=doc_id, limit=limit, source=source, target=target, cameo=cameo,
            plover=plover, has_target=has_target, min_confidence=min_confidence, text=text,
        )  # fmt: skip

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: DateLike = None,
        until: DateLike = None,
        root: str | None = None,
        quad: int | None = None,
        modes: Iterable[Mode | str] | str = "asserted",
        doc_id: str | None = None,
        limit: int | None = None,
        fold: FoldPolicy | str = "none",
        source: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        has_target: bool | None = None,
        min_confidence: float | None = None,
        text: str | None = None,
    ) -> Frame:
        """Events with flat columns (every event column, ``title``, ``url``, ``doc_date``,
        ``outlet``; folded: ``num_mentions``, ``num_articles``, ``num_sources``), filtered
        as :meth:`query` filters."""
        q = self.query(
            actor=actor, country=country, dyad=dyad, since=since, until=until, root=root,
            quad=quad, modes=modes, doc_id=doc_id, limit=limit, source=source, target=target,
            cameo=cameo, plover=plover, has_target=has_target, min_confidence=min_confidence,
            text=text,
        )  # fmt: skip
        with self._open() as store:
            return event_frame(store, q, fold)

    def iter_events(self, query: EventQuery | None = None) -> Iterator[Event]:
        """Typed events, streamed (the store stays open until the iterator ends)."""
        with self._open() as store:
            yield from store.iter_events(query)

    # ------------------------------------------------------------------ analyses

    def series(
        self,
        dyad: tuple[str, str] | None = None,
        *,
        period: Period | str = "month",
        directed: bool = False,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Series:
        """The zero-filled series of ``dyad`` (``None``: all events) per ``period``."""
        spec = SeriesSpec(
            dyad, check_period(period), directed, self.scope(since, until, modes, fold)
        )
        with self._open() as store:
            return series(store, spec)

    def point_events(self, spec: Series | SeriesSpec, at: DateLike) -> Frame:
        """The events (with their sentences) behind the point of a series at ``at``."""
        day = to_date(at)
        if day is None:
            raise UsageError("point_events needs a date")
        s = spec.spec if isinstance(spec, Series) else spec
        with self._open() as store:
            return point_events(store, s, day)

    def dyads(
        self,
        n: int | None = 10,
        *,
        by: Order | str = "events",
        level: Level | str = "country",
        directed: bool = False,
        domestic: bool = True,
        min_events: int = 1,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Frame:
        """The top ``n`` dyads by ``by`` (events, conflict, cooperation, conflict_share,
        goldstein)."""
        scope = self.scope(since, until, modes, fold)
        with self._open() as store:
            return top_dyads(
                store, n=n, by=by, level=level, directed=directed, domestic=domestic,
                min_events=min_events, scope=scope,
            )  # fmt: skip

    def actors(
        self,
        n: int | None = 10,
        *,
        by: Order | str = "events",
        level: Level | str = "actor",
        min_events: int = 1,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Frame:
        """The top ``n`` actors (or countries, ``level="country"``) by ``by``."""
        scope = self.scope(since, until, modes, fold)
        with self._open() as store:
            return top_actors(store, n=n, by=by, level=level, min_events=min_events,
                              scope=scope)  # fmt: skip

    def network(
        self,
        *,
        level: Level | str = "country",
        directed: bool = False,
        domestic: bool = False,
        min_events: int = 1,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Network:
        """Nodes and cooperation/conflict-weighted edges of the dyads."""
        scope = self.scope(since, until, modes, fold)
        with self._open() as store:
            return network(store, level=level, directed=directed, domestic=domestic,
                           min_events=min_events, scope=scope)  # fmt: skip

    def alerts(
        self,
        *,
        window_days: int = 30,
        baseline: int = 12,
        k: float = 2.0,
        min_events: int = 3,
        min_baseline: int = 3,
        as_of: DateLike = None,
        level: Level | str = "country",
        directed: bool = False,
        domestic: bool = True,
        metrics: tuple[Metric, ...] = METRICS,
        evidence: int = 10,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> tuple[Alert, ...]:
        """Dyads whose latest window departs from their own baseline (see
        :mod:`accord.analysis.alerts`), each with the events behind it."""
        scope = self.scope(since, until, modes, fold)
        with self._open() as store:
            return alerts(
                store, window_days=window_days, baseline=baseline, k=k,
                min_events=min_events, min_baseline=min_baseline, as_of=to_date(as_of),
                level=level, directed=directed, domestic=domestic, metrics=metrics,
                evidence=evidence, scope=scope,
            )  # fmt: skip

    def changes(
        self,
        *,
        days: int = 7,
        as_of: DateLike = None,
        n: int | None = 20,
        level: Level | str = "country",
        directed: bool = False,
        domestic: bool = True,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
    ) -> Frame:
        """What changed in the last ``days`` against the ``days`` before, per dyad."""
        scope = self.scope(None, None, modes, fold)
        with self._open() as store:
            return changes(store, days=days, as_of=to_date(as_of), n=n, level=level,
                           directed=directed, domestic=domestic, scope=scope)  # fmt: skip

    def summary(
        self,
        *,
        since: DateLike = None,
        until: DateLike = None,
        modes: Iterable[Mode | str] | str = "asserted",
        fold: FoldPolicy | str = "none",
        top: int = 10,
    ) -> Summary:
        """Coverage: documents, dated and undated events, modes, top codes."""
        scope = self.scope(since, until, modes, fold)
        with self._open() as store:
            return summary(store, scope, top=top)
