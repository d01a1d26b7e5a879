"""The commands that read the event store: ``accord events`` (query, fold, export) and
``accord dedup`` (duplicate clusters). :mod:`accord.cli.main` adds them to the ``accord``
group; like every command they parse arguments and call the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from accord.cli.options import parse_date
from accord.cli.table import print_table
from accord.errors import UsageError
from accord.model import Mode

DEFAULT_DB = "accord.duckdb"


def echo_clusters(db: str, c: Any) -> None:
    """Print the duplicate clusters of a store after dedup or ingest --dedup."""
    how = f"near, Jaccard >= {c.threshold:g}" if c.threshold is not None else c.method
    click.echo(
        f"{db}: {c.clustered_documents} of {c.fingerprinted} documents in {c.clusters} "
        f"duplicate clusters ({how})"
    )


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--method", type=click.Choice(["exact", "near"]), default="near", show_default=True)
@click.option(
    "--threshold", type=click.FloatRange(0.0, 1.0, min_open=True), default=0.8, show_default=True
)
def dedup(db: str, method: str, threshold: float) -> None:
    """Regroup the stored documents into duplicate clusters (as 'ingest --dedup' does)."""
    from accord.api import rebuild_clusters

    if not Path(db).exists():
        raise UsageError(f"{db}: no such event store (run 'accord ingest' first)")
    echo_clusters(db, rebuild_clusters(db, method, threshold))


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option("--actor", help="Actor code prefix or name (source or target).")
@click.option("--country", help="ISO3 country of source or target.")
@click.option("--dyad", metavar="A,B", help="Two actors or countries, either direction.")
@click.option("--since", metavar="YYYY-MM-DD")
@click.option("--until", metavar="YYYY-MM-DD")
@click.option("--root", metavar="NN", help="CAMEO root code, e.g. 04.")
@click.option("--quad", type=click.IntRange(1, 4), help="Quad class 1-4.")
@click.option("--doc", "doc_id", help="Only events of this document id.")
@click.option("--all-modes", is_flag=True, help="Include non-asserted events.")
@click.option("--limit", type=click.IntRange(min=1), default=None)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "gdelt"]),
    default="table",
    show_default=True,
)
@click.option(
    "--fold",
    type=click.Choice(["none", "daily", "clustered"]),
    default=None,
    help="Fold events GDELT-style and show num_mentions, num_articles, num_sources: "
    "'daily' folds the same source, target, CAMEO code and date across all documents, "
    "'clustered' only within a duplicate cluster (see 'ingest --dedup'), 'none' keeps "
    "every event.",
)
def events(
    db: str,
    actor: str | None,
    country: str | None,
    dyad: str | None,
    since: str | None,
    until: str | None,
    root: str | None,
    quad: int | None,
    doc_id: str | None,
    all_modes: bool,
    limit: int | None,
    fmt: str,
    fold: str | None,
) -> None:
    """Query stored events."""
    from accord.analysis.query import EventQuery
    from accord.api import query_events
    from accord.formats import write_events

    if not Path(db).exists():
        raise UsageError(f"{db}: no such event store (run 'accord ingest' first)")
    pair: tuple[str, str] | None = None
    if dyad:
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise UsageError(f"--dyad expects two actors separated by a comma, got {dyad!r}")
        pair = (parts[0], parts[1])
    query = EventQuery(
        actor=actor,
        country=country.upper() if country else None,
        dyad=pair,
        since=parse_date(since),
        until=parse_date(until),
        root=root,
        quad=quad,
        doc_id=doc_id,
        modes=tuple(Mode) if all_modes else (Mode.ASSERTED,),
        limit=limit,
    )
    if fold is not None:
        _print_folded(db, query, fold, fmt, show_mode=all_modes)
        return
    found = query_events(db, query)
    out = sys.stdout
    if fmt == "table":
        print_table(found, out, show_mode=all_modes)
    else:
        write_events(found, out, fmt)


def _print_folded(db: str, query: Any, fold: str, fmt: str, *, show_mode: bool) -> None:
    from accord.api import fold_events
    from accord.formats import write_folded
    from accord.store.access import READ_WAIT, open_waiting

    if fold == "clustered":
        with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
            stats = store.cluster_stats()
        if stats is None:
            click.echo(
                "accord: no duplicate clusters recorded yet ('accord dedup' or "
                "'accord ingest --dedup near'); every document stands alone",
                err=True,
            )
        elif stats.stale:
            click.echo(
                "accord: documents were added after the duplicate clusters were built; "
                "run 'accord dedup' to include them",
                err=True,
            )
    folded = fold_events(db, query, fold)
    if fmt == "table":
        print_table(
            [f.event for f in folded],
            sys.stdout,
            show_mode=show_mode,
            counts=[(f.num_mentions, f.num_articles, f.num_sources) for f in folded],
        )
    else:
        write_folded(folded, sys.stdout, fmt)
