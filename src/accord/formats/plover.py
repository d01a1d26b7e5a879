"""The ``plover`` output format: PLOVER/POLECAT JSON records with the specification's
field names (:data:`PLOVER_FIELDS`; docs/codebook.md cites it) and accord's own values
under their own names (:data:`PLOVER_EXTRAS`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TextIO

from accord._version import __version__
from accord.countries import iso2_of
from accord.formats.records import GROUP_PREFIXES, NO_DOC, Docs, doc_ref, json_line
from accord.model import Actor, DocumentRef, Event, Place

__all__ = [
    "PLOVER_ACTOR_FIELDS",
    "PLOVER_EXTRAS",
    "PLOVER_FIELDS",
    "PLOVER_LOCATION_FIELDS",
    "PLOVER_QUAD",
    "event_to_plover",
    "events_to_plover",
]


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
    sector = rest if rest and top not in GROUP_PREFIXES else a.role
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


def event_to_plover(e: Event, ref: DocumentRef = NO_DOC) -> dict[str, Any]:
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
        out.write(json_line(event_to_plover(e, doc_ref(docs, e.doc_id))))
        n += 1
    return n
