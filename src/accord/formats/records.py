"""accord's event record as JSON: :func:`event_to_dict` and its exact inverse
:func:`event_from_dict`, JSON Lines in and out, and what every output says of an event's
document (:func:`document_ref`: URL, title, outlet). The other formats of
:mod:`accord.formats` build on these."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO, TypeVar

from accord.errors import MalformedRecord
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    Document,
    DocumentRef,
    Event,
    Evidence,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
    Span,
)

__all__ = [
    "DOCUMENT_KEYS",
    "GROUP_PREFIXES",
    "NO_DOC",
    "Docs",
    "cell",
    "doc_ref",
    "doc_values",
    "document_ref",
    "event_from_dict",
    "event_json",
    "event_to_dict",
    "events_from_jsonl",
    "events_to_jsonl",
    "json_line",
    "place_to_dict",
]

Docs = Mapping[str, DocumentRef]
"""doc_id -> what the outputs say of that document."""

DOCUMENT_KEYS: tuple[str, ...] = ("url", "title", "outlet")
"""The document's fields every JSON line and CSV row carries."""

GROUP_PREFIXES = frozenset({"IGO", "NGO", "IMG"})
"""CAMEO actor codes whose second 3-letter block names a known group (IGOUNO: UNO)."""


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


NO_DOC = DocumentRef()
_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:www\.)?([^/:?#]+)")


def document_ref(doc: Document) -> DocumentRef:
    """What the outputs say of ``doc`` outside a store: its URL, title and outlet (the
    URL's host without ``www.``, else its source field, lower-cased, as the store's
    folded counts and the analyses name outlets)."""
    m = _HOST.match(doc.url or "")
    outlet = (m.group(1) if m else "") or doc.source or ""
    return DocumentRef(url=doc.url, title=doc.title, outlet=outlet.lower() or None)


def doc_ref(docs: Docs | None, doc_id: str) -> DocumentRef:
    return docs.get(doc_id, NO_DOC) if docs is not None else NO_DOC


def doc_values(ref: DocumentRef) -> tuple[str | None, str | None, str | None]:
    return ref.url, ref.title, ref.outlet


def json_line(d: dict[str, Any]) -> str:
    return json.dumps(d, ensure_ascii=False) + "\n"


def event_json(e: Event, docs: Docs | None) -> dict[str, Any]:
    d = event_to_dict(e)
    d.update(zip(DOCUMENT_KEYS, doc_values(doc_ref(docs, e.doc_id)), strict=True))
    return d


def events_to_jsonl(events: Iterable[Event], out: TextIO, *, docs: Docs | None = None) -> int:
    """Write one JSON object per line (the event, then the document's ``url``, ``title``
    and ``outlet`` from ``docs``); returns the number of events written."""
    n = 0
    for e in events:
        out.write(json_line(event_json(e, docs)))
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


def cell(v: object) -> str:
    """A value as a CSV or GDELT cell: empty for ``None``."""
    return "" if v is None else str(v)
