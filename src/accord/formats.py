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

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, TextIO, TypeVar

from accord._version import __version__
from accord.countries import iso2_of
from accord.errors import MalformedRecord, UsageError
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    Document,
    DocumentRef,
    Event,
    Evidence,
    FoldedEvent,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
    Span,
)
from accord.safe_output import CellKind, safe_cells

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

Docs = Mapping[str, DocumentRef]
"""doc_id -> what the outputs say of that document."""

DOCUMENT_KEYS: tuple[str, ...] = ("url", "title", "outlet")
"""The document's fields every JSON line and CSV row carries."""

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

_GDELT_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GDELT_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _GDELT_ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _GDELT_ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GDELT_GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GDELT_GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GDELT_GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

_GDELT_NUMBERS = frozenset(
    {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "IsRootEvent"}
    | {"QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}
    | {"DATEADDED"}
)
_GDELT_KINDS: tuple[CellKind, ...] = tuple(
    "number"
    if c in _GDELT_NUMBERS or c.endswith(("_Lat", "_Long"))
    else "text"
    if c.endswith("Name") or c == "SOURCEURL"
    else "code"
    for c in GDELT_COLUMNS
)

# CAMEO actor codes whose second 3-letter block names a known group (IGOUNO -> UNO).
_GROUP_PREFIXES = frozenset({"IGO", "NGO", "IMG"})


# --------------------------------------------------------------------------- JSON


def _span(span: Span) -> list[int]:
    return [span[0], span[1]]


def _actor_to_dict(a: Actor) -> dict[str, Any]:
    return {
        "text": a.text,
        "code": a.code,
        "country": a.country,
        "role": a.role,
        "name": a.name,
        "span": _span(a.span),
    }


def place_to_dict(p: Place) -> dict[str, Any]:
    """The JSON form of a place: name, country (ISO3), lat, lon, then type, FIPS 10-4
    country, GeoNames admin-1 code, GeoNames id and basis (null where unknown)."""
    return {
        "name": p.name,
        "country": p.country,
        "lat": p.lat,
        "lon": p.lon,
        "type": p.type.value if p.type is not None else None,
        "fips": p.fips,
        "admin1": p.admin1,
        "geonames_id": p.geonames_id,
        "basis": p.basis.value if p.basis is not None else None,
    }


def event_to_dict(e: Event) -> dict[str, Any]:
    """The JSON form of an event; keys in contract order, JSON-native values only."""
    loc = e.location
    return {
        "doc_id": e.doc_id,
        "event_id": e.event_id,
        "sentence_index": e.sentence_index,
        "sentence": e.sentence,
        "sentence_span": _span(e.sentence_span),
        "date": e.date.isoformat() if e.date is not None else None,
        "date_precision": e.date_precision.value if e.date_precision is not None else None,
        "date_source": e.date_source.value,
        "source": _actor_to_dict(e.source),
        "target": _actor_to_dict(e.target) if e.target is not None else None,
        "cameo": e.cameo,
        "cameo_name": e.cameo_name,
        "plover": e.plover,
        "plover_mode": e.plover_mode,
        "plover_context": e.plover_context,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "mode": e.mode.value,
        "location": place_to_dict(loc) if loc is not None else None,
        "confidence": e.confidence,
        "evidence": {
            "trigger": e.evidence.trigger,
            "trigger_span": _span(e.evidence.trigger_span),
            "rule": e.evidence.rule,
        },
    }


def _req(d: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return d[key]
    except KeyError:
        raise MalformedRecord(f"event record: missing key {where}{key!r}") from None
    except TypeError:
        raise MalformedRecord(f"event record: {where or 'record'} is not an object") from None


def _str(d: Mapping[str, Any], key: str, where: str = "") -> str:
    v = _req(d, key, where)
    if not isinstance(v, str):
        raise MalformedRecord(f"event record: {where}{key!r} must be a string, got {v!r}")
    return v


def _opt_str(d: Mapping[str, Any], key: str, where: str = "") -> str | None:
    v = _req(d, key, where)
    if v is not None and not isinstance(v, str):
        raise MalformedRecord(f"event record: {where}{key!r} must be a string or null")
    return v


def _int(d: Mapping[str, Any], key: str, where: str = "") -> int:
    v = _req(d, key, where)
    if isinstance(v, bool) or not isinstance(v, int):
        raise MalformedRecord(f"event record: {where}{key!r} must be an integer, got {v!r}")
    return v


def _float(d: Mapping[str, Any], key: str, where: str = "") -> float:
    v = _req(d, key, where)
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise MalformedRecord(f"event record: {where}{key!r} must be a number, got {v!r}")
    return float(v)


def _opt_float(d: Mapping[str, Any], key: str, where: str = "") -> float | None:
    return None if _req(d, key, where) is None else _float(d, key, where)


def _span_of(d: Mapping[str, Any], key: str, where: str = "") -> Span:
    v = _req(d, key, where)
    if (
        not isinstance(v, list | tuple)
        or len(v) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in v)
    ):
        raise MalformedRecord(f"event record: {where}{key!r} must be [start, end], got {v!r}")
    return (v[0], v[1])


def _obj(d: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    v = _req(d, key, "")
    if v is not None and not isinstance(v, Mapping):
        raise MalformedRecord(f"event record: {key!r} must be an object or null")
    return v


def _actor_from_dict(d: Mapping[str, Any], where: str) -> Actor:
    return Actor(
        text=_str(d, "text", where),
        code=_str(d, "code", where),
        country=_opt_str(d, "country", where),
        role=_opt_str(d, "role", where),
        name=_opt_str(d, "name", where),
        span=_span_of(d, "span", where),
    )


_E = TypeVar("_E", DatePrecision, DateSource, Mode, PlaceType, PlaceBasis)


def _enum_value(cls: type[_E], raw: Any, key: str) -> _E:
    try:
        return cls(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise MalformedRecord(
            f"event record: {key!r} must be one of {allowed}, got {raw!r}"
        ) from None


def _place_from_dict(loc: Mapping[str, Any]) -> Place:
    """A place from its JSON form (files written before issue 11 hold only name, country,
    lat and lon)."""
    extra = {k: loc.get(k) for k in ("type", "fips", "admin1", "basis")}
    raw_type = _opt_str(extra, "type", "location.")
    raw_basis = _opt_str(extra, "basis", "location.")
    gid = loc.get("geonames_id")
    if gid is not None and (isinstance(gid, bool) or not isinstance(gid, int)):
        raise MalformedRecord("event record: 'location.geonames_id' must be an integer")
    return Place(
        name=_str(loc, "name", "location."),
        country=_opt_str(loc, "country", "location."),
        lat=_opt_float(loc, "lat", "location."),
        lon=_opt_float(loc, "lon", "location."),
        type=_enum_value(PlaceType, raw_type, "location.type") if raw_type else None,
        fips=_opt_str(extra, "fips", "location."),
        admin1=_opt_str(extra, "admin1", "location."),
        geonames_id=gid,
        basis=_enum_value(PlaceBasis, raw_basis, "location.basis") if raw_basis else None,
    )


def event_from_dict(d: Mapping[str, Any]) -> Event:
    """Inverse of :func:`event_to_dict`. Raises :class:`MalformedRecord` on a bad record."""
    if not isinstance(d, Mapping):
        raise MalformedRecord(f"event record must be an object, got {type(d).__name__}")
    raw_date = _opt_str(d, "date")
    try:
        date = dt.date.fromisoformat(raw_date) if raw_date is not None else None
    except ValueError:
        raise MalformedRecord(f"event record: bad date {raw_date!r}") from None
    raw_prec = _opt_str(d, "date_precision")
    source = _obj(d, "source")
    if source is None:
        raise MalformedRecord("event record: 'source' must be an object")
    target = _obj(d, "target")
    loc = _obj(d, "location")
    ev = _obj(d, "evidence")
    if ev is None:
        raise MalformedRecord("event record: 'evidence' must be an object")
    return Event(
        doc_id=_str(d, "doc_id"),
        event_id=_str(d, "event_id"),
        sentence_index=_int(d, "sentence_index"),
        sentence=_str(d, "sentence"),
        sentence_span=_span_of(d, "sentence_span"),
        date=date,
        date_precision=(
            _enum_value(DatePrecision, raw_prec, "date_precision") if raw_prec is not None else None
        ),
        date_source=_enum_value(DateSource, _req(d, "date_source", ""), "date_source"),
        source=_actor_from_dict(source, "source."),
        target=_actor_from_dict(target, "target.") if target is not None else None,
        cameo=_str(d, "cameo"),
        cameo_name=_str(d, "cameo_name"),
        plover=_opt_str(d, "plover"),
        plover_mode=_opt_str(d, "plover_mode"),
        plover_context=_opt_str(d, "plover_context"),
        quad_class=_int(d, "quad_class"),
        goldstein=_float(d, "goldstein"),
        mode=_enum_value(Mode, _req(d, "mode", ""), "mode"),
        location=_place_from_dict(loc) if loc is not None else None,
        confidence=_float(d, "confidence"),
        evidence=Evidence(
            trigger=_str(ev, "trigger", "evidence."),
            trigger_span=_span_of(ev, "trigger_span", "evidence."),
            rule=_str(ev, "rule", "evidence."),
        ),
    )


_NO_DOC = DocumentRef()
_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)")


def document_ref(doc: Document) -> DocumentRef:
    """What the outputs say of ``doc`` outside a store: its URL, title and outlet (the
    URL's host without ``www.``, else its source field, lower-cased, as the store's
    folded counts and the analyses name outlets)."""
    m = _HOST.match(doc.url or "")
    outlet = (m.group(1) if m else "") or doc.source or ""
    return DocumentRef(url=doc.url, title=doc.title, outlet=outlet.lower() or None)


def _ref(docs: Docs | None, doc_id: str) -> DocumentRef:
    return docs.get(doc_id, _NO_DOC) if docs is not None else _NO_DOC


def _doc_values(ref: DocumentRef) -> tuple[str | None, str | None, str | None]:
    return ref.url, ref.title, ref.outlet


def _json_line(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False) + "\n"


def _event_json(e: Event, docs: Docs | None) -> dict[str, Any]:
    d = event_to_dict(e)
    d.update(zip(DOCUMENT_KEYS, _doc_values(_ref(docs, e.doc_id)), strict=True))
    return d


def events_to_jsonl(events: Iterable[Event], out: TextIO, *, docs: Docs | None = None) -> int:
    """Write one JSON object per line (the event, then the document's ``url``, ``title``
    and ``outlet`` from ``docs``); returns the number of events written."""
    n = 0
    for e in events:
        out.write(_json_line(_event_json(e, docs)))
        n += 1
    return n


def events_from_jsonl(lines: Iterable[str]) -> Iterator[Event]:
    """Read events written by :func:`events_to_jsonl`; blank lines are skipped."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"line {lineno}: invalid JSON: {exc.msg}") from None
        try:
            yield event_from_dict(obj)
        except MalformedRecord as exc:
            raise MalformedRecord(f"line {lineno}: {exc.message}") from None


# --------------------------------------------------------------------------- CSV


def _cell(v: object) -> str:
    return "" if v is None else str(v)


def _csv_row(e: Event, ref: DocumentRef = _NO_DOC) -> list[str]:
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
        *_doc_values(ref),
        e.sentence_index,
        e.sentence,
    )
    return safe_cells([_cell(v) for v in values], _CSV_KINDS, newlines=True)


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
        w.writerow(_csv_row(e, _ref(docs, e.doc_id)))
        n += 1
    return n


# --------------------------------------------------------------------------- GDELT


def gdelt_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for an event id (same input, same number)."""
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") & 0x7FFF_FFFF_FFFF_FFFF


def _gdelt_clean(v: str) -> str:
    # Tabs and newlines would break the row; GDELT files never contain them.
    return " ".join(v.split()) if any(c in v for c in "\t\r\n") else v


def _gdelt_actor(a: Actor | None) -> list[str]:
    if a is None:
        return [""] * len(_GDELT_ACTOR_FIELDS)
    code = a.code
    blocks = [code[i : i + 3] for i in range(3, len(code), 3)]
    group = ""
    if code[:3] in _GROUP_PREFIXES and blocks:
        group = blocks.pop(0)
    types = [b for b in blocks if len(b) == 3]
    if not types and a.role:
        types = [a.role]
    types = [*types, "", "", ""][:3]
    name = (a.name or a.text).upper()
    return [code, name, a.country or "", group, "", "", "", *types]


def _gdelt_geo(p: Place | None) -> list[str]:
    """GDELT's eight geo fields of a place: Geo_Type (1 country, 2 US state, 3 US city, 4
    world city, 5 world state; a site counts as its city), FullName, CountryCode (FIPS
    10-4), ADM1Code (FIPS country + admin-1 code), ADM2Code (not kept), Lat, Long, and
    FeatureID (the GeoNames id; the ADM1 code for a state, the FIPS code for a country)."""
    if p is None:
        return [""] * len(_GDELT_GEO_FIELDS)
    from accord.coding.places import fips_code  # the gazetteer module: loaded when needed

    fips = p.fips or fips_code(p.country) or ""
    us = fips == "US"
    adm1 = fips + p.admin1 if fips and p.admin1 else fips
    if p.type is PlaceType.COUNTRY:
        kind, feature = "1", fips
    elif p.type is PlaceType.ADMIN1:
        kind, feature = ("2" if us else "5"), adm1
    elif p.type in (PlaceType.CITY, PlaceType.SITE):
        kind, feature = ("3" if us else "4"), str(p.geonames_id or "")
    else:
        kind, feature = "", ""
    return [kind, p.name, fips, adm1, "", _cell(p.lat), _cell(p.lon), feature]


def _fraction_date(d: dt.date) -> str:
    days = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
    return f"{d.year + d.timetuple().tm_yday / days:.4f}"


def gdelt_row(
    e: Event,
    *,
    url: str | None = None,
    date_added: dt.datetime | None = None,
    counts: tuple[int, int, int] = (1, 1, 1),
) -> list[str]:
    """The 61 GDELT 2.0 fields of one event, as strings ('' where unknown).

    ``counts``: (NumMentions, NumSources, NumArticles), for a folded event."""
    d = e.date
    row = [
        str(gdelt_event_id(e.event_id)),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        d.strftime("%Y") if d else "",
        _fraction_date(d) if d else "",
        *_gdelt_actor(e.source),
        *_gdelt_actor(e.target),
        "1" if e.sentence_index == 0 else "0",
        e.cameo,
        e.cameo[:3],
        e.cameo[:2],
        str(e.quad_class),
        _cell(e.goldstein),
        *(str(c) for c in counts),
        "",  # AvgTone: not computed
        *_gdelt_geo(None),
        *_gdelt_geo(None),
        *_gdelt_geo(e.location),
        date_added.strftime("%Y%m%d%H%M%S") if date_added else "",
        url or "",
    ]
    return safe_cells([_gdelt_clean(v) for v in row], _GDELT_KINDS)


def _gdelt_line(
    e: Event,
    docs: Docs | None,
    urls: Mapping[str, str] | None,
    date_added: dt.datetime | None,
    counts: tuple[int, int, int] = (1, 1, 1),
) -> str:
    ref = _ref(docs, e.doc_id)
    url = ref.url or (urls.get(e.doc_id) if urls is not None else None)
    added = ref.added or date_added
    return "\t".join(gdelt_row(e, url=url, date_added=added, counts=counts)) + "\n"


def events_to_gdelt(
    events: Iterable[Event],
    out: TextIO,
    *,
    urls: Mapping[str, str] | None = None,
    header: bool = False,
    date_added: dt.datetime | None = None,
    docs: Docs | None = None,
) -> int:
    """Write GDELT 2.0 event rows (tab-separated, 61 fields); returns the number written.

    SOURCEURL is the document's URL (``docs``, else ``urls``: doc_id -> URL); DATEADDED
    when the document entered the store (``docs``), else ``date_added``, else empty (so
    output outside a store stays deterministic).
    """
    if header:
        out.write("\t".join(GDELT_COLUMNS))
        out.write("\n")
    n = 0
    for e in events:
        out.write(_gdelt_line(e, docs, urls, date_added))
        n += 1
    return n


# --------------------------------------------------------------------------- PLOVER

PLOVER_FIELDS: tuple[str, ...] = (
    "id",
    "date",
    "source",
    "recipient",
    "event",
    "mode",
    "context",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "text",
    "text_info",
    "cite_info",
    "coder",
)
"""The fields of the PLOVER specification's event record ("JSON Data Fields", table "PLOVER
JSON") that accord fills, in that table's order."""

PLOVER_EXTRAS: tuple[str, ...] = (
    "doc_id",
    "cameo",
    "cameo_name",
    "quad_class",
    "goldstein",
    "modality",
    "confidence",
    "date_precision",
    "date_source",
    "rule",
)
"""accord's own values in a PLOVER record, under names the specification does not use (it
invites providers to add named fields): PLOVER's ``mode`` is the PLOVER mode, so accord's
asserted/negated/... mode is ``modality``; ``quad_code`` follows PLOVER's quad table, so
CAMEO's quad class is ``quad_class``."""

PLOVER_ACTOR_FIELDS: tuple[str, ...] = ("code", "sector", "actor_text", "identifier_text")
"""The actor object's fields accord fills (the specification's "Information object for
actors"); accord adds ``cameo_code`` (the whole code) and ``country`` (ISO3)."""

PLOVER_LOCATION_FIELDS: tuple[str, ...] = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "country code",
    "cc3",
    "admin1 code",
)
"""The location object's fields accord fills: the GeoNames field names, as the specification
says ("Location object: identical to http://download.geonames.org/export/dump/readme.txt"),
and its ``cc3`` (ISO3); accord adds ``type``, ``fips`` and ``basis``."""

PLOVER_QUAD: Mapping[str, int] = MappingProxyType(
    {
        **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
        **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
        **dict.fromkeys(("DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
        **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
    }
)
"""PLOVER's quad categories of its event types (the specification's table "Quad categories
in PLOVER"). REQUEST, which the table does not list, takes the event's CAMEO quad class."""


def _plover_actor(a: Actor) -> dict[str, Any]:
    top, rest = a.code[:3], a.code[3:]
    sector = rest if rest and top not in _GROUP_PREFIXES else a.role
    return {
        "code": top,
        "sector": sector,
        "actor_text": a.text,
        "identifier_text": a.name,
        "cameo_code": a.code,
        "country": a.country,
    }


def _plover_loc(p: Place) -> dict[str, Any]:
    return {
        "geonameid": p.geonames_id,
        "name": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "country code": iso2_of(p.country),
        "cc3": p.country,
        "admin1 code": p.admin1,
        "type": p.type.value if p.type is not None else None,
        "fips": p.fips,
        "basis": p.basis.value if p.basis is not None else None,
    }


def event_to_plover(e: Event, ref: DocumentRef = _NO_DOC) -> dict[str, Any]:
    """One event as a PLOVER JSON record (:data:`PLOVER_FIELDS`, then
    :data:`PLOVER_EXTRAS`)."""
    contexts = [c for c in (e.plover_context or "").split(";") if c]
    cite = {"url": ref.url, "title": ref.title, "publication": ref.outlet}
    record: dict[str, Any] = {
        "id": e.event_id,
        "date": e.date.isoformat() if e.date is not None else None,
        "source": [_plover_actor(e.source)],
        "recipient": [_plover_actor(e.target)] if e.target is not None else [],
        "event": [e.plover] if e.plover else [],
        "mode": e.plover_mode,
        "context": contexts,
        "event_loc": _plover_loc(e.location) if e.location is not None else None,
        "event_text": [e.evidence.trigger],
        "quad_code": PLOVER_QUAD.get(e.plover or "", e.quad_class),
        "event_scale": e.goldstein,
        "text": e.sentence,
        "text_info": {
            "sequence": e.sentence_index,
            "start": e.sentence_span[0],
            "end": e.sentence_span[1],
        },
        "cite_info": cite,
        "coder": f"accord {__version__}",
    }
    if ref.added is not None:
        record["coded_date"] = ref.added.date().isoformat()
    record.update(
        {
            "doc_id": e.doc_id,
            "cameo": e.cameo,
            "cameo_name": e.cameo_name,
            "quad_class": e.quad_class,
            "goldstein": e.goldstein,
            "modality": e.mode.value,
            "confidence": e.confidence,
            "date_precision": e.date_precision.value if e.date_precision is not None else None,
            "date_source": e.date_source.value,
            "rule": e.evidence.rule,
        }
    )
    return record


def events_to_plover(events: Iterable[Event], out: TextIO, *, docs: Docs | None = None) -> int:
    """Write PLOVER JSON Lines (:func:`event_to_plover`); returns the number written."""
    n = 0
    for e in events:
        out.write(_json_line(event_to_plover(e, _ref(docs, e.doc_id))))
        n += 1
    return n


# --------------------------------------------------------------------------- registry

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
        d = _event_json(f.event, o.docs)
        d.update(zip(FOLD_COUNT_COLUMNS, _fold_counts(f), strict=True))
        out.write(_json_line(d))
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
        row = _csv_row(f.event, _ref(o.docs, f.event.doc_id))
        w.writerow([*row, *(str(c) for c in _fold_counts(f))])
        n += 1
    return n


def _write_gdelt(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_gdelt(events, out, urls=o.urls, docs=o.docs)


def _folded_gdelt(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    n = 0
    for f in folded:
        counts = (f.num_mentions, f.num_sources, f.num_articles)
        out.write(_gdelt_line(f.event, o.docs, o.urls, None, counts))
        n += 1
    return n


def _write_plover(events: Iterable[Event], out: TextIO, o: WriteOptions) -> int:
    return events_to_plover(events, out, docs=o.docs)


def _folded_plover(folded: Iterable[FoldedEvent], out: TextIO, o: WriteOptions) -> int:
    n = 0
    for f in folded:
        d = event_to_plover(f.event, _ref(o.docs, f.event.doc_id))
        d.update(zip(FOLD_COUNT_COLUMNS, _fold_counts(f), strict=True))
        out.write(_json_line(d))
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
