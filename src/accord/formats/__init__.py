"""Event record serialisation: the output contract, and the one registry of writers.

:data:`WRITERS` names every output format; the CLI's ``--format`` choices come from it
(``accord code`` and ``accord events``: the stream formats; ``accord export``: all of them).

``json``
    One JSON object per line (JSON Lines). :func:`event_to_dict` defines the event object
    and :func:`event_from_dict` is its exact inverse; each line adds the document's
    ``url``, ``title`` and ``outlet`` (null where unknown), which the reader ignores, so a
    file written here reads back into equal :class:`~accord.model.Event` records.
``csv``
    One flat row per event with a header (:data:`CSV_COLUMNS`); spans are left out.
``gdelt``
    The 61 tab-separated columns of the GDELT 2.0 event table (:data:`GDELT_COLUMNS`), no
    header by default, unknown fields empty. Actor country codes are CAMEO's (ISO3-like),
    geography is FIPS 10-4 as GDELT's; SOURCEURL and DATEADDED come from the document.
``plover``
    One JSON object per line with the field names of the PLOVER specification's "JSON Data
    Fields" chapter (:data:`PLOVER_FIELDS`; docs/codebook.md cites it), accord's own
    values under their own names (:data:`PLOVER_EXTRAS`).
``parquet``
    A folder: events partitioned by event date, and their documents
    (:func:`accord.store.parquet.export_parquet`); from the store only.

CSV and GDELT cells are made safe by column (:mod:`accord.safe_output`): no escape sequence
or control character (a CSV cell keeps its newlines), and a text cell that a spreadsheet
would evaluate (``=``, ``+``, ``-``, ``@`` first) starts with a single quote; numbers
(Goldstein, coordinates, confidence, counts) are never touched, codes (``---REB``) only
when they hold more than capitals, digits and dashes.
"""

from accord.formats.gdelt import GDELT_COLUMNS, events_to_gdelt, gdelt_event_id, gdelt_row
from accord.formats.plover import PLOVER_EXTRAS, PLOVER_FIELDS, event_to_plover, events_to_plover
from accord.formats.records import (
    DOCUMENT_KEYS,
    document_ref,
    event_from_dict,
    event_to_dict,
    events_from_jsonl,
    events_to_jsonl,
)
from accord.formats.registry import (
    FOLD_COUNT_COLUMNS,
    FORMATS,
    STREAM_FORMATS,
    WRITERS,
    WriteOptions,
    Writer,
    write_events,
    write_folded,
    writer,
)
from accord.formats.tables import CSV_COLUMNS, events_to_csv

__all__ = [
    "CSV_COLUMNS",
    "DOCUMENT_KEYS",
    "FOLD_COUNT_COLUMNS",
    "FORMATS",
    "GDELT_COLUMNS",
    "PLOVER_EXTRAS",
    "PLOVER_FIELDS",
    "STREAM_FORMATS",
    "WRITERS",
    "WriteOptions",
    "Writer",
    "document_ref",
    "event_from_dict",
    "event_to_dict",
    "event_to_plover",
    "events_from_jsonl",
    "events_to_csv",
    "events_to_gdelt",
    "events_to_jsonl",
    "events_to_plover",
    "gdelt_event_id",
    "gdelt_row",
    "write_events",
    "write_folded",
    "writer",
]
