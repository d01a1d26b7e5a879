"""Conversion between records and the store's columns (Arrow tables in, tuples out)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import pyarrow as pa

from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Event,
    Evidence,
    Failure,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
)

__all__ = [
    "DOCUMENT_COLUMNS",
    "EVENT_COLUMNS",
    "FAILURE_COLUMNS",
    "FINGERPRINT_COLUMNS",
    "document_table",
    "effective_hash",
    "event_from_row",
    "event_table",
    "failure_from_row",
    "failure_table",
    "fingerprint_table",
    "id_table",
]

_S = pa.string()
_I = pa.int32()
_F = pa.float64()
_D = pa.date32()
_T = pa.timestamp("us")

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", _S),
        ("doc_id", _S),
        ("sentence_index", _I),
        ("sentence", _S),
        ("sentence_start", _I),
        ("sentence_end", _I),
        ("date", _D),
        ("date_precision", _S),
        ("date_source", _S),
        ("source_text", _S),
        ("source_code", _S),
        ("source_country", _S),
        ("source_role", _S),
        ("source_name", _S),
        ("source_start", _I),
        ("source_end", _I),
        ("target_text", _S),
        ("target_code", _S),
        ("target_country", _S),
        ("target_role", _S),
        ("target_name", _S),
        ("target_start", _I),
        ("target_end", _I),
        ("cameo", _S),
        ("root_code", _S),
        ("cameo_name", _S),
        ("plover", _S),
        ("plover_mode", _S),
        ("plover_context", _S),
        ("quad_class", _I),
        ("goldstein", _F),
        ("mode", _S),
        ("location_name", _S),
        ("location_country", _S),
        ("location_lat", _F),
        ("location_lon", _F),
        ("confidence", _F),
        ("trigger", _S),
        ("trigger_start", _I),
        ("trigger_end", _I),
        ("rule", _S),
        # schema 3 (issue 11): the rest of the event's place
        ("location_type", _S),
        ("location_fips", _S),
        ("location_admin1", _S),
        ("location_geonames_id", pa.int64()),
        ("location_basis", _S),
    ]
)
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_SCHEMA.names)

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", _S),
        ("content_hash", _S),
        ("title", _S),
        ("date", _D),
        ("url", _S),
        ("source", _S),
        ("author", _S),
        ("origin", _S),
        ("sentence_count", _I),
        ("metadata", _S),
        ("ingested_at", _T),
    ]
)
DOCUMENT_COLUMNS: tuple[str, ...] = tuple(DOCUMENT_SCHEMA.names)

FAILURE_SCHEMA = pa.schema(
    [
        ("doc_id", _S),
        ("origin", _S),
        ("stage", _S),
        ("code", _S),
        ("message", _S),
        ("seen_at", _T),
    ]
)
FAILURE_COLUMNS: tuple[str, ...] = tuple(FAILURE_SCHEMA.names)


def effective_hash(result: DocResult) -> str:
    """The hash a document is stored under: the pipeline's, or one of its text if unset.

    The fallback keeps re-writes idempotent and still notices changed text when a caller
    did not fill ``content_hash``.
    """
    if result.content_hash:
        return result.content_hash
    return "text-sha256:" + hashlib.sha256(result.doc.text.encode("utf-8")).hexdigest()


def _event_values(e: Event) -> tuple[Any, ...]:
    s, t, loc, ev = e.source, e.target, e.location, e.evidence
    return (
        e.event_id,
        e.doc_id,
        e.sentence_index,
        e.sentence,
        e.sentence_span[0],
        e.sentence_span[1],
        e.date,
        e.date_precision.value if e.date_precision is not None else None,
        e.date_source.value,
        s.text,
        s.code,
        s.country,
        s.role,
        s.name,
        s.span[0],
        s.span[1],
        t.text if t else None,
        t.code if t else None,
        t.country if t else None,
        t.role if t else None,
        t.name if t else None,
        t.span[0] if t else None,
        t.span[1] if t else None,
        e.cameo,
        e.cameo[:2],
        e.cameo_name,
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
        ev.trigger,
        ev.trigger_span[0],
        ev.trigger_span[1],
        ev.rule,
        loc.type.value if loc and loc.type else None,
        loc.fips if loc else None,
        loc.admin1 if loc else None,
        loc.geonames_id if loc else None,
        loc.basis.value if loc and loc.basis else None,
    )


def _columnar(rows: Iterable[Sequence[Any]], schema: pa.Schema) -> pa.Table:
    cols: Sequence[Sequence[Any]] = list(zip(*rows, strict=True))
    if not cols:
        cols = [()] * len(schema)
    return pa.Table.from_arrays(
        [_array(col, f.type) for col, f in zip(cols, schema, strict=True)],
        schema=schema,
    )


def _array(values: Sequence[Any], type_: pa.DataType) -> pa.Array:
    try:
        return pa.array(values, type=type_)
    except UnicodeEncodeError:
        # Lone surrogates (e.g. undecodable file names kept by surrogateescape) cannot be
        # UTF-8 encoded; store them as U+FFFD rather than fail the whole chunk.
        return pa.array([_valid_utf8(v) for v in values], type=type_)


def _valid_utf8(v: Any) -> Any:
    if isinstance(v, str):
        return v.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return v


def event_table(events: Iterable[Event]) -> pa.Table:
    return _columnar((_event_values(e) for e in events), EVENT_SCHEMA)


def _metadata_json(result: DocResult) -> str | None:
    md = result.doc.metadata
    if not md:
        return None
    return json.dumps(dict(md), ensure_ascii=False, sort_keys=True, default=str)


def document_table(results: Iterable[DocResult], now: dt.datetime) -> pa.Table:
    rows = (
        (
            r.doc.id,
            effective_hash(r),
            r.doc.title,
            r.doc.date,
            r.doc.url,
            r.doc.source,
            r.doc.author,
            r.doc.origin,
            r.sentence_count,
            _metadata_json(r),
            now,
        )
        for r in results
    )
    return _columnar(rows, DOCUMENT_SCHEMA)


def failure_table(failures: Iterable[Failure], now: dt.datetime) -> pa.Table:
    rows = ((f.doc_id, f.origin, f.stage, f.code, f.message, now) for f in failures)
    return _columnar(rows, FAILURE_SCHEMA)


FINGERPRINT_SCHEMA = pa.schema(
    [("doc_id", _S), ("text_hash", _S), ("minhash", pa.list_(pa.uint32()))]
)
FINGERPRINT_COLUMNS: tuple[str, ...] = tuple(FINGERPRINT_SCHEMA.names)


def fingerprint_table(results: Iterable[DocResult]) -> pa.Table:
    """The fingerprints of those results that carry one."""
    rows = [(r.doc.id, r.fingerprint) for r in results if r.fingerprint is not None]
    return pa.table(
        {
            "doc_id": pa.array([k for k, _ in rows], type=_S),
            "text_hash": pa.array([f.text_hash for _, f in rows], type=_S),
            "minhash": pa.array([list(f.minhash) for _, f in rows], type=pa.list_(pa.uint32())),
        },
        schema=FINGERPRINT_SCHEMA,
    )


def id_table(ids: Iterable[str]) -> pa.Table:
    return pa.table({"doc_id": pa.array(list(ids), type=_S)})


_PRECISIONS: Mapping[str, DatePrecision] = MappingProxyType({m.value: m for m in DatePrecision})
_DATE_SOURCES: Mapping[str, DateSource] = MappingProxyType({m.value: m for m in DateSource})
_MODES: Mapping[str, Mode] = MappingProxyType({m.value: m for m in Mode})


def _actor(row: Sequence[Any], i: int) -> Actor:
    return Actor(
        text=row[i],
        code=row[i + 1],
        country=row[i + 2],
        role=row[i + 3],
        name=row[i + 4],
        span=(row[i + 5], row[i + 6]),
    )


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an :class:`Event` from a row selected in :data:`EVENT_COLUMNS` order."""
    return Event(
        event_id=row[0],
        doc_id=row[1],
        sentence_index=row[2],
        sentence=row[3],
        sentence_span=(row[4], row[5]),
        date=row[6],
        date_precision=_PRECISIONS[row[7]] if row[7] is not None else None,
        date_source=_DATE_SOURCES[row[8]],
        source=_actor(row, 9),
        target=_actor(row, 16) if row[21] is not None else None,
        cameo=row[23],
        # row[24] is root_code, derived from cameo
        cameo_name=row[25],
        plover=row[26],
        plover_mode=row[27],
        plover_context=row[28],
        quad_class=row[29],
        goldstein=row[30],
        mode=_MODES[row[31]],
        location=(
            Place(
                name=row[32],
                country=row[33],
                lat=row[34],
                lon=row[35],
                type=PlaceType(row[41]) if row[41] is not None else None,
                fips=row[42],
                admin1=row[43],
                geonames_id=row[44],
                basis=PlaceBasis(row[45]) if row[45] is not None else None,
            )
            if row[32] is not None
            else None
        ),
        confidence=row[36],
        evidence=Evidence(trigger=row[37], trigger_span=(row[38], row[39]), rule=row[40]),
    )


def failure_from_row(row: Sequence[Any]) -> Failure:
    """Rebuild a :class:`Failure` from a row selected in :data:`FAILURE_COLUMNS` order."""
    return Failure(doc_id=row[0], origin=row[1], stage=row[2], code=row[3], message=row[4])
