"""The ``csv`` output format: one flat row per event (:data:`CSV_COLUMNS`), its cells
made safe by column (:mod:`accord.safe_output`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from accord.formats.records import DOCUMENT_KEYS, NO_DOC, Docs, cell, doc_ref, doc_values
from accord.model import DocumentRef, Event
from accord.safe_output import CellKind, safe_cells

__all__ = ["CSV_COLUMNS", "csv_row", "events_to_csv"]

CSV_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "date",
    "date_precision",
    "date_source",
    "source_code",
    "source_country",
    "source_role",
    "source_name",
    "source_text",
    "target_code",
    "target_country",
    "target_role",
    "target_name",
    "target_text",
    "cameo",
    "cameo_name",
    "root_code",
    "plover",
    "plover_mode",
    "plover_context",
    "quad_class",
    "goldstein",
    "mode",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "confidence",
    "trigger",
    "rule",
    *DOCUMENT_KEYS,
    "sentence_index",
    "sentence",
)
_CSV_NUMBERS = frozenset({"quad_class", "goldstein", "lat", "lon", "confidence", "sentence_index"})
_CSV_CODES = frozenset({"date", "date_precision", "date_source", "cameo", "root_code", "mode"})
_CSV_KINDS: tuple[CellKind, ...] = tuple(
    "number"
    if c in _CSV_NUMBERS
    else "code"
    if c in _CSV_CODES or c.startswith("plover") or c.endswith(("_code", "_country", "_role"))
    else "text"
    for c in CSV_COLUMNS
)


def csv_row(e: Event, ref: DocumentRef = NO_DOC) -> list[str]:
    s, t, loc = e.source, e.target, e.location
    values: tuple[object, ...] = (
        e.doc_id,
        e.event_id,
        e.date.isoformat() if e.date is not None else None,
        e.date_precision.value if e.date_precision is not None else None,
        e.date_source.value,
        s.code,
        s.country,
        s.role,
        s.name,
        s.text,
        t.code if t else None,
        t.country if t else None,
        t.role if t else None,
        t.name if t else None,
        t.text if t else None,
        e.cameo,
        e.cameo_name,
        e.cameo[:2],
        e.plover,
        e.plover_mode,
        e.plover_context,
        e.quad_class,
        e.goldstein,
        e.mode.value,
        loc.name if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        e.confidence,
        e.evidence.trigger,
        e.evidence.rule,
        *doc_values(ref),
        e.sentence_index,
        e.sentence,
    )
    return safe_cells([cell(v) for v in values], _CSV_KINDS, newlines=True)


def events_to_csv(
    events: Iterable[Event], out: TextIO, *, header: bool = True, docs: Docs | None = None
) -> int:
    """Write flat CSV rows (:data:`CSV_COLUMNS`); returns the number of events written.

    Open ``out`` with ``newline=""`` as the :mod:`csv` module requires.
    """
    w = csv.writer(out, lineterminator="\n")
    if header:
        w.writerow(CSV_COLUMNS)
    n = 0
    for e in events:
        w.writerow(csv_row(e, doc_ref(docs, e.doc_id)))
        n += 1
    return n
