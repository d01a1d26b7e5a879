"""The commands that answer questions of the event store: ``accord series``, ``dyads``,
``actors``, ``alerts``, ``changes`` and ``summary``. :mod:`accord.cli.main` adds them to
the ``accord`` group; each parses its options, calls :mod:`accord.analysis` through a
read-only :func:`accord.open` handle and writes a table, CSV or JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from accord.cli.rows import _excerpt, _json_value, write_rows
from accord.errors import UsageError
from accord.safe_output import terminal_text

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "accord.duckdb"
FORMATS = ("table", "csv", "json")


# ---------------------------------------------------------------- shared options


def _scope_options(func: F) -> F:
    func = click.option(
        "--fold",
        type=click.Choice(["none", "daily", "clustered"]),
        default="none",
        show_default=True,
        help="Count folded events as 'accord events --fold' folds them: 'daily' counts "
        "the same source, target, CAMEO code and date once across documents, 'clustered' "
        "once per duplicate cluster.",
    )(func)
    func = click.option("--all-modes", is_flag=True, help="Count non-asserted events too.")(func)
    func = click.option(
        "--until", metavar="DATE", help="Last event date: YYYY-MM-DD, YYYY-MM or YYYY."
    )(func)
    func = click.option(
        "--since", metavar="DATE", help="First event date: YYYY-MM-DD, YYYY-MM or YYYY."
    )(func)
    return func


def _common(func: F) -> F:
    func = click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="A readable table, CSV with a header, or one JSON object per line.",
    )(func)
    func = click.option(
        "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False)
    )(func)
    return func


_level_option = click.option(
    "--level",
    type=click.Choice(["country", "actor"]),
    default="country",
    show_default=True,
    help="Group by country (an actor without one by its code) or by full actor code.",
)
_directed_option = click.option(
    "--directed", is_flag=True, help="Keep A->B apart from B->A (default: either way)."
)
_domestic_option = click.option(
    "--domestic/--no-domestic",
    default=True,
    show_default=True,
    help="Include pairs of a country with itself (government and opposition, ...).",
)
_by_option = click.option(
    "--by",
    type=click.Choice(["events", "conflict", "cooperation", "conflict_share", "goldstein"]),
    default="events",
    show_default=True,
    help="Order: event count, conflict or cooperation events (quad classes 3-4, 1-2), "
    "conflict share, or lowest Goldstein mean first.",
)

_limit_option = click.option(
    "--limit", "n", type=click.IntRange(min=1), default=10, show_default=True
)
_min_events_option = click.option(
    "--min-events", type=click.IntRange(min=1), default=1, show_default=True
)


def _reader(db: str) -> Any:
    from accord.analysis import open_store

    return open_store(db)


def _scope_kwargs(
    since: str | None, until: str | None, all_modes: bool, fold: str
) -> dict[str, Any]:
    from accord.analysis.reader import to_date

    return {
        "since": to_date(since),
        "until": to_date(until, end=True),
        "modes": "all" if all_modes else "asserted",
        "fold": fold,
    }


def _pair(value: str, option: str) -> tuple[str, str]:
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise UsageError(f"{option} expects two sides separated by a comma, got {value!r}")
    return parts[0], parts[1]


# ---------------------------------------------------------------- commands

_SERIES_TABLE = (
    "period", "events", "volume", "share", "verbal_coop", "material_coop", "verbal_conflict",
    "material_conflict", "conflict_share", "goldstein_sum", "goldstein_mean",
)  # fmt: skip
_EVENT_COLUMNS = (
    "date", "source_code", "cameo", "cameo_name", "target_code", "quad_class", "goldstein",
    "sentence", "title", "url", "outlet", "doc_id", "event_id",
)  # fmt: skip
_EVENT_TABLE = ("date", "source_code", "cameo", "target_code", "goldstein", "excerpt", "outlet")


@click.command()
@_common
@click.option(
    "--dyad",
    metavar="A,B",
    help="Two sides (actor code prefixes, or countries: ISO 3166 alpha-2 or alpha-3), "
    "e.g. CHN,USA.",
)
@click.option(
    "--top", is_flag=True, help="The series of the most active dyad in the scope (see 'dyads')."
)
@click.option(
    "--period",
    type=click.Choice(["day", "week", "month", "quarter"]),
    default="month",
    show_default=True,
)
@_directed_option
@_domestic_option
@click.option(
    "--at",
    metavar="DATE",
    help="List the events (with their sentences) behind the series point holding DATE.",
)
@_scope_options
def series(
    db: str,
    fmt: str,
    dyad: str | None,
    top: bool,
    period: str,
    directed: bool,
    domestic: bool,
    at: str | None,
    since: str | None,
    until: str | None,
    all_modes: bool,
    fold: str,
) -> None:
    """Event counts per period for a dyad (or for every event), zero-filled, with quad
    classes, CAMEO roots, PLOVER types, Goldstein sum and mean, and the share of the
    period's event volume."""
    from accord.analysis.reader import to_date

    if dyad and top:
        raise UsageError("give --dyad or --top, not both")
    scope = _scope_kwargs(since, until, all_modes, fold)
    pair = _pair(dyad, "--dyad") if dyad else None
    day = to_date(at) if at is not None else None
    reader = _reader(db)
    if top:
        best = reader.dyads(1, by="events", directed=directed, domestic=domestic, **scope)
        if not len(best):
            raise UsageError("no dyad has events in this scope")
        row = next(iter(best))
        pair = (row["side_a"], row["side_b"])
        if fmt == "table":
            click.echo(f"most active dyad: {pair[0]}–{pair[1]} ({row['events']} events)", err=True)
    result = reader.series(pair, period=period, directed=directed, **scope)
    out = sys.stdout
    if day is not None:
        frame = reader.point_events(result, day)
        rows = [dict(r, excerpt=_excerpt(r["sentence"])) for r in frame]
        write_rows(rows, _EVENT_COLUMNS, fmt, out, table_columns=_EVENT_TABLE,
                   title=f"{result.spec.label}, {period} of {day}")  # fmt: skip
        return
    write_rows(result, result.columns, fmt, out, table_columns=_SERIES_TABLE,
               title=f"{result.spec.label} by {period}")  # fmt: skip


_DYAD_TABLE = (
    "side_a", "side_b", "events", "cooperation", "conflict", "conflict_share",
    "goldstein_mean", "first_date", "last_date",
)  # fmt: skip


@click.command()
@_common
@_limit_option
@_by_option
@_level_option
@_directed_option
@_domestic_option
@_min_events_option
@_scope_options
def dyads(
    db: str,
    fmt: str,
    n: int,
    by: str,
    level: str,
    directed: bool,
    domestic: bool,
    min_events: int,
    since: str | None,
    until: str | None,
    all_modes: bool,
    fold: str,
) -> None:
    """The top dyads: who acts on whom most, most conflictually, most cooperatively."""
    frame = _reader(db).dyads(
        n, by=by, level=level, directed=directed, domestic=domestic, min_events=min_events,
        **_scope_kwargs(since, until, all_modes, fold),
    )  # fmt: skip
    write_rows(frame, frame.columns, fmt, sys.stdout, table_columns=_DYAD_TABLE,
               title=f"top dyads by {by}")  # fmt: skip


_ACTOR_TABLE = (
    "actor", "name", "events", "as_source", "as_target", "cooperation", "conflict",
    "goldstein_mean", "counterparts",
)  # fmt: skip


@click.command()
@_common
@_limit_option
@_by_option
@click.option(
    "--level",
    type=click.Choice(["actor", "country"]),
    default="actor",
    show_default=True,
    help="Full actor codes (USAGOV, IGOUNO) or countries.",
)
@_min_events_option
@_scope_options
def actors(
    db: str,
    fmt: str,
    n: int,
    by: str,
    level: str,
    min_events: int,
    since: str | None,
    until: str | None,
    all_modes: bool,
    fold: str,
) -> None:
    """The top actors (or countries) in events as source or target."""
    frame = _reader(db).actors(
        n, by=by, level=level, min_events=min_events,
        **_scope_kwargs(since, until, all_modes, fold),
    )  # fmt: skip
    write_rows(frame, frame.columns, fmt, sys.stdout, table_columns=_ACTOR_TABLE,
               title=f"top actors by {by}")  # fmt: skip


_ALERT_COLUMNS = (
    "side_a", "side_b", "metric", "direction", "value", "baseline_mean", "baseline_sd", "z",
    "window_start", "window_end", "events", "baseline_windows", "evidence_total",
)  # fmt: skip
_ALERT_EVENT_COLUMNS = (
    "event_id", "doc_id", "date", "source_code", "target_code", "cameo", "cameo_name",
    "quad_class", "goldstein", "sentence", "title", "url",
)  # fmt: skip


def _alert_dict(alert: Any) -> dict[str, Any]:
    return {c: getattr(alert, c) for c in _ALERT_COLUMNS}


def _event_dict(event: Any) -> dict[str, Any]:
    return {c: getattr(event, c) for c in _ALERT_EVENT_COLUMNS}


@click.command()
@_common
@click.option(
    "--window", "window_days", type=click.IntRange(min=1), default=30, show_default=True,
    metavar="DAYS", help="Length of the latest window and of each baseline window.",
)  # fmt: skip
@click.option(
    "--baseline", type=click.IntRange(min=1), default=12, show_default=True, metavar="N",
    help="Baseline windows before the latest one.",
)  # fmt: skip
@click.option(
    "-k", "k", type=click.FloatRange(min=0.0, min_open=True), default=2.0, show_default=True,
    help="Standard deviations from the baseline mean that make an alert.",
)  # fmt: skip
@click.option(
    "--min-events", type=click.IntRange(min=1), default=3, show_default=True,
    help="Events a dyad needs in the latest window.",
)  # fmt: skip
@click.option(
    "--min-baseline", type=click.IntRange(min=1), default=3, show_default=True,
    help="Baseline windows with events a dyad needs.",
)  # fmt: skip
@click.option(
    "--as-of", metavar="DATE", help="Last day of the latest window [default: last event date]."
)
@_level_option
@_directed_option
@_domestic_option
@click.option(
    "--evidence", type=click.IntRange(min=0), default=10, show_default=True,
    help="Events listed per alert.",
)  # fmt: skip
@_scope_options
def alerts(
    db: str,
    fmt: str,
    window_days: int,
    baseline: int,
    k: float,
    min_events: int,
    min_baseline: int,
    as_of: str | None,
    level: str,
    directed: bool,
    domestic: bool,
    evidence: int,
    since: str | None,
    until: str | None,
    all_modes: bool,
    fold: str,
) -> None:
    """Dyads whose conflict share or Goldstein mean in the latest window departs from
    their own baseline by k standard deviations, with the events behind each."""
    from accord.analysis.reader import to_date

    found = _reader(db).alerts(
        window_days=window_days, baseline=baseline, k=k, min_events=min_events,
        min_baseline=min_baseline, as_of=to_date(as_of), level=level, directed=directed,
        domestic=domestic, evidence=evidence, **_scope_kwargs(since, until, all_modes, fold),
    )  # fmt: skip
    out = sys.stdout
    if fmt == "json":
        for a in found:
            d = {c: _json_value(v) for c, v in _alert_dict(a).items()}
            d["evidence"] = [
                {c: _json_value(v) for c, v in _event_dict(e).items()} for e in a.evidence
            ]
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        rows = [
            {**_alert_dict(a), **{f"event_{c}": v for c, v in _event_dict(e).items()}}
            for a in found
            for e in (a.evidence or (None,))
            if e is not None
        ]
        columns = [*_ALERT_COLUMNS, *(f"event_{c}" for c in _ALERT_EVENT_COLUMNS)]
        write_rows(rows, columns, "csv", out)
        return
    if not found:
        click.echo("no alerts")
        return
    for a in found:
        arrow = "→" if directed else "–"
        click.echo(
            terminal_text(
                f"{a.side_a}{arrow}{a.side_b}: {a.metric} {a.direction} "
                f"{a.value:.3g} (baseline {a.baseline_mean:.3g} ± {a.baseline_sd:.3g}, "
                f"z = {a.z:+.2f}) in {a.window_start}..{a.window_end}, {a.events} events; "
                f"{a.evidence_total} behind it:"
            )
        )
        for e in a.evidence:
            click.echo(
                terminal_text(
                    f"  {e.date} {e.source_code} {e.cameo} {e.target_code or ''} "
                    f"({e.goldstein:+g}) {_excerpt(e.sentence, 110)}  [{e.event_id}]"
                )
            )


_CHANGE_TABLE = (
    "side_a", "side_b", "status", "events", "events_before", "change", "conflict",
    "conflict_before", "goldstein_mean", "goldstein_mean_before",
)  # fmt: skip


@click.command()
@_common
@click.option("--days", type=click.IntRange(min=1), default=7, show_default=True,
              help="Compare the last DAYS with the DAYS before.")  # fmt: skip
@click.option("--as-of", metavar="DATE", help="Last day compared [default: last event date].")
@click.option("--limit", "n", type=click.IntRange(min=1), default=20, show_default=True)
@_level_option
@_directed_option
@_domestic_option
@click.option("--all-modes", is_flag=True, help="Count non-asserted events too.")
@click.option("--fold", type=click.Choice(["none", "daily", "clustered"]), default="none",
              show_default=True)  # fmt: skip
def changes(
    db: str,
    fmt: str,
    days: int,
    as_of: str | None,
    n: int,
    level: str,
    directed: bool,
    domestic: bool,
    all_modes: bool,
    fold: str,
) -> None:
    """What changed this week: each dyad's events, conflict and Goldstein mean in the
    last days against the days before, largest change first."""
    from accord.analysis.reader import to_date

    frame = _reader(db).changes(
        days=days, as_of=to_date(as_of), n=n, level=level, directed=directed,
        domestic=domestic, modes="all" if all_modes else "asserted", fold=fold,
    )  # fmt: skip
    title = None
    if len(frame):
        first = next(iter(frame))
        title = f"{first['window_start']}..{first['window_end']} against the {days} days before"
    write_rows(frame, frame.columns, fmt, sys.stdout, table_columns=_CHANGE_TABLE, title=title)


@click.command()
@_common
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="CAMEO codes and roots listed.")  # fmt: skip
@_scope_options
def summary(
    db: str,
    fmt: str,
    top: int,
    since: str | None,
    until: str | None,
    all_modes: bool,
    fold: str,
) -> None:
    """What the store holds: documents, failures by reason and documents skipped for their
    language, dated and undated events, modes, date sources, quad classes and the most
    frequent CAMEO codes."""
    s = _reader(db).summary(top=top, **_scope_kwargs(since, until, all_modes, fold))
    items: list[tuple[str, str, Any]] = [
        ("store", "documents", s.documents),
        ("store", "dated_documents", s.dated_documents),
        ("store", "documents_with_events", s.documents_with_events),
        ("store", "failures", s.failures),
        ("store", "stored_events", s.stored_events),
        ("store", "duplicate_clusters", s.clusters),
        *(("failures", code, c) for code, c in s.failures_by_code),
        *(("skipped", f"language={lang}", c) for lang, c in s.skipped_languages),
        *(("mode", m, c) for m, c in s.events_by_mode),
        ("events", "events", s.events),
        ("events", "dated", s.dated_events),
        ("events", "undated", s.undated_events),
        ("events", "first_date", s.first_date),
        ("events", "last_date", s.last_date),
        *(("date_source", k, c) for k, c in s.date_sources),
        *(("quad_class", str(k), c) for k, c in s.quad_classes),
        *(("cameo", f"{c.code} {c.name}", c.events) for c in s.top_codes),
        *(("root", f"{c.code} {c.name}", c.events) for c in s.top_roots),
    ]
    out = sys.stdout
    if fmt == "json":
        d = {
            "documents": s.documents, "dated_documents": s.dated_documents,
            "documents_with_events": s.documents_with_events, "failures": s.failures,
            "stored_events": s.stored_events, "duplicate_clusters": s.clusters,
            "failures_by_code": dict(s.failures_by_code),
            "skipped_languages": dict(s.skipped_languages),
            "events_by_mode": dict(s.events_by_mode), "events": s.events,
            "dated_events": s.dated_events, "undated_events": s.undated_events,
            "first_date": _json_value(s.first_date), "last_date": _json_value(s.last_date),
            "date_sources": dict(s.date_sources),
            "quad_classes": {str(k): v for k, v in s.quad_classes},
            "top_codes": [{"code": c.code, "name": c.name, "events": c.events}
                          for c in s.top_codes],
            "top_roots": [{"code": c.code, "name": c.name, "events": c.events}
                          for c in s.top_roots],
        }  # fmt: skip
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    rows = [{"section": a, "key": b, "value": v} for a, b, v in items]
    write_rows(rows, ("section", "key", "value"), fmt, out, title="store summary")
