"""The one registry of writers (:data:`WRITERS`) that every ``--format`` choice comes
from, and :func:`write_events` / :func:`write_folded`, which write a stream format."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TextIO

from accord.errors import UsageError
from accord.formats.gdelt import events_to_gdelt, gdelt_line
from accord.formats.plover import event_to_plover, events_to_plover
from accord.formats.records import Docs, doc_ref, event_json, events_to_jsonl, json_line
from accord.formats.tables import CSV_COLUMNS, csv_row, events_to_csv
from accord.model import Event, FoldedEvent

__all__ = [
    "FOLD_COUNT_COLUMNS",
    "FORMATS",
    "STREAM_FORMATS",
    "WRITERS",
    "WriteOptions",
    "Writer",
    "write_events",
    "write_folded",
    "writer",
]


FOLD_COUNT_COLUMNS: tuple[str, ...] = ("num_mentions", "num_articles", "num_sources")


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """What a stream writer needs besides the events."""

    docs: Docs | None = None
    header: bool = True
    """CSV only: write the header row (streaming callers write it with the first batch)."""
    urls: Mapping[str, str] | None = None
    """doc_id -> URL where no ``docs`` are at hand (``accord code``)."""


def _fold_counts(f: FoldedEvent) -> tuple[int, int, int]:
    return f.num_mentions, f.num_articles, f.num_sources


def _write_json(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_jsonl(events, out, docs=o.docs)


def _folded_json(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    n = 0
    for f in folded:
        d = event_json(f.event, o.docs)
        d.update(zip(FOLD_COUNT_COLUMNS, _fold_counts(f), strict=True))
        out.write(json_line(d))
        n += 1
    return n


def _write_csv(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_csv(events, out, header=o.header, docs=o.docs)


def _folded_csv(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    w = csv.writer(out, lineterminator="\n")
    if o.header:
        w.writerow((*CSV_COLUMNS, *FOLD_COUNT_COLUMNS))
    n = 0
    for f in folded:
        row = csv_row(f.event, doc_ref(o.docs, f.event.doc_id))
        w.writerow([*row, *(str(c) for c in _fold_counts(f))])
        n += 1
    return n


def _write_gdelt(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_gdelt(events, out, urls=o.urls, docs=o.docs)


def _folded_gdelt(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    n = 0
    for f in folded:
        counts = (f.num_mentions, f.num_sources, f.num_articles)
        out.write(gdelt_line(f.event, o.docs, o.urls, None, counts))
        n += 1
    return n


def _write_plover(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_plover(events, out, docs=o.docs)


def _folded_plover(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    n = 0
    for f in folded:
        d = event_to_plover(f.event, doc_ref(o.docs, f.event.doc_id))
        d.update(zip(FOLD_COUNT_COLUMNS, _fold_counts(f), strict=True))
        out.write(json_line(d))
        n += 1
    return n


StreamWrite = Callable[[Iterable[Event], TextIO, WriteOptions], int]
FoldedWrite = Callable[[Iterable[FoldedEvent], TextIO, WriteOptions], int]


@dataclass(frozen=True, slots=True)
class Writer:
    """One output format. A ``stream`` writer writes text to a stream (``write``, and
    ``write_folded`` for folded events); a ``folder`` writer writes files under a folder
    and needs the store (``parquet``: :func:`accord.store.parquet.export_parquet`)."""

    name: str
    help: str
    kind: Literal["stream", "folder"]
    write: StreamWrite | None = None
    write_folded: FoldedWrite | None = None
    suffix: str = ""
    """The usual file name ending of its output."""


WRITERS: Mapping[str, Writer] = MappingProxyType(
    {
        w.name: w
        for w in (
            Writer("json", "accord's event JSON, one per line", "stream",
                   _write_json, _folded_json, ".jsonl"),
            Writer("csv", "one flat row per event, with a header", "stream",
                   _write_csv, _folded_csv, ".csv"),
            Writer("gdelt", "GDELT 2.0 event table rows: 61 tab-separated columns", "stream",
                   _write_gdelt, _folded_gdelt, ".tsv"),
            Writer("plover", "PLOVER JSON records, one per line", "stream",
                   _write_plover, _folded_plover, ".jsonl"),
            Writer("parquet", "Parquet: events partitioned by event date, and documents",
                   "folder"),
        )
    }
)  # fmt: skip
"""Every output format by name: the one list the CLI's ``--format`` choices come from."""

STREAM_FORMATS: tuple[str, ...] = tuple(n for n, w in WRITERS.items() if w.kind == "stream")
"""The formats written to a stream (``accord code``, ``accord events``)."""

FORMATS: tuple[str, ...] = STREAM_FORMATS
"""Kept for callers of the first release: the stream formats."""


def writer(fmt: str) -> Writer:
    """The writer named ``fmt``; an unknown name is a :class:`UsageError`."""
    found = WRITERS.get(fmt)
    if found is None:
        raise UsageError(f"unknown output format {fmt!r} (choose from {', '.join(WRITERS)})")
    return found


def _stream(fmt: str) -> tuple[StreamWrite, FoldedWrite]:
    w = writer(fmt)
    if w.write is None or w.write_folded is None:
        raise UsageError(f"format {fmt!r} writes a folder, not a stream: use 'accord export'")
    return w.write, w.write_folded


def write_events(
    events: Iterable[Event],
    out: TextIO,
    fmt: str,
    *,
    urls: Mapping[str, str] | None = None,
    header: bool = True,
    docs: Docs | None = None,
) -> int:
    """Write ``events`` to ``out`` in a stream format of :data:`WRITERS`; returns the number
    written. ``docs`` gives each document's URL, title, outlet and store time; ``urls`` the
    URL alone where no ``docs`` are at hand. ``header`` applies to CSV only (streaming
    callers write it with the first batch)."""
    write, _ = _stream(fmt)
    return write(events, out, WriteOptions(docs=docs, header=header, urls=urls))


def write_folded(
    folded: Iterable[FoldedEvent],
    out: TextIO,
    fmt: str,
    *,
    urls: Mapping[str, str] | None = None,
    header: bool = True,
    docs: Docs | None = None,
) -> int:
    """Like :func:`write_events` for folded events: each event with its counts (JSON and
    PLOVER fields, trailing CSV columns, GDELT's NumMentions/NumSources/NumArticles)."""
    _, write = _stream(fmt)
    return write(folded, out, WriteOptions(docs=docs, header=header, urls=urls))
