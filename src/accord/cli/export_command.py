"""``accord export``: the store's events, filtered as ``accord events`` filters them, in any
format of the writer registry (:data:`accord.formats.WRITERS`) to a file or a folder; and
the streaming writer that ``accord events`` uses for its non-table formats. Like every
command it parses arguments and calls the library."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import click

from accord.cli.options import event_filters, event_query
from accord.errors import UsageError
from accord.formats import WRITERS, writer

DEFAULT_DB = "accord.duckdb"
_BATCH = 2000


def write_query(db: str, query: Any, fmt: str, out: TextIO, fold: str | None = None) -> int:
    """Write the events of ``query`` in the store at ``db`` (folded by ``fold``, if given)
    to ``out`` in the stream format ``fmt``, each with its document's URL, title, outlet
    and store time; returns the number written. Streams a batch at a time."""
    from accord.formats import write_events, write_folded
    from accord.store.access import READ_WAIT, open_waiting

    w = writer(fmt)
    n = 0
    with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
        items: Iterator[Any] = (
            store.iter_folded(query, fold) if fold is not None else store.iter_events(query)
        )
        while batch := list(islice(items, _BATCH)):
            events = [b.event for b in batch] if fold is not None else batch
            docs = store.document_refs(e.doc_id for e in events)
            if fold is not None:
                n += write_folded(batch, out, w.name, docs=docs, header=n == 0)
            else:
                n += write_events(batch, out, w.name, docs=docs, header=n == 0)
        if n == 0 and fmt == "csv":
            (write_folded if fold is not None else write_events)([], out, fmt, header=True)
    return n


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def _check_store(db: str) -> None:
    if not Path(db).exists():
        raise UsageError(f"{db}: no such event store (run 'accord ingest' first)")


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(tuple(WRITERS)),
    default="json",
    show_default=True,
    help="; ".join(f"{w.name}: {w.help}" for w in WRITERS.values()) + " (docs/codebook.md).",
)
@click.option(
    "--output",
    "-o",
    default="-",
    show_default=True,
    metavar="PATH",
    help="File to write ('-': standard output); for parquet a new or empty folder.",
)
@click.option(
    "--fold",
    type=click.Choice(["none", "daily", "clustered"]),
    default=None,
    help="Fold events GDELT-style with their mention, article and source counts "
    "(see 'accord events --fold'); not with parquet.",
)
@event_filters
def export(db: str, fmt: str, output: str, fold: str | None, **filters: Any) -> None:
    """Export stored events: GDELT 2.0 rows, PLOVER records, JSON, CSV, or Parquet
    partitioned by event date. Without --all-modes only asserted events."""
    _check_store(db)
    query = event_query(filters)
    w = writer(fmt)
    if w.kind == "folder":
        from accord.store.parquet import export_parquet

        if output == "-":
            raise UsageError("--format parquet writes a folder: give it with --output DIR")
        if fold is not None:
            raise UsageError("--fold does not apply to --format parquet")
        from accord.store.access import READ_WAIT, open_waiting

        with open_waiting(db, read_only=True, wait=READ_WAIT) as store:
            done = export_parquet(store, output, query)
        click.echo(
            f"accord: {done.events} events, {done.documents} documents and {done.failures} "
            f"failures written as Parquet under {output}",
            err=True,
        )
        return
    with _output(output) as out:
        n = write_query(db, query, fmt, out, fold)
    if output != "-":
        click.echo(f"accord: {n} events written to {output} ({fmt})", err=True)
