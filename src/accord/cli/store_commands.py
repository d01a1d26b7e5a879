"""The commands that read the event store: ``accord events`` (query, fold, export) and
``accord dedup`` (duplicate clusters). :mod:`accord.cli.main` adds them to the ``accord``
group; like every command they parse arguments and call the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from accord.cli.options import event_filters, event_query
from accord.cli.table import print_table
from accord.errors import UsageError
from accord.formats import STREAM_FORMATS

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
@event_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("table", *STREAM_FORMATS)),
    default="table",
    show_default=True,
    help="A table, or a format of the writer registry (as 'accord export'; docs/codebook.md).",
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
def events(db: str, fmt: str, fold: str | None, **filters: Any) -> None:
    """Query stored events (filters: docs/codebook.md, "Queries")."""
    from accord.cli.export_command import write_query

    if not Path(db).exists():
        raise UsageError(f"{db}: no such event store (run 'accord ingest' first)")
    query = event_query(filters)
    show_mode = bool(filters.get("all_modes"))
    if fold is not None:
        _print_folded(db, query, fold, fmt, show_mode=show_mode)
        return
    if fmt == "table":
        from accord.api import query_events

        print_table(query_events(db, query), sys.stdout, show_mode=show_mode)
    else:
        write_query(db, query, fmt, sys.stdout)


def _print_folded(db: str, query: Any, fold: str, fmt: str, *, show_mode: bool) -> None:
    from accord.api import fold_events
    from accord.cli.export_command import write_query
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
    if fmt != "table":
        write_query(db, query, fmt, sys.stdout, fold)
        return
    folded = fold_events(db, query, fold)
    print_table(
        [f.event for f in folded],
        sys.stdout,
        show_mode=show_mode,
        counts=[(f.num_mentions, f.num_articles, f.num_sources) for f in folded],
    )
