"""The ``gdelt`` output format: the 61 tab-separated columns of the GDELT 2.0 event table
(:data:`GDELT_COLUMNS`), geography in FIPS 10-4 codes as GDELT's own."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import TextIO

from accord.formats.records import GROUP_PREFIXES, Docs, cell, doc_ref
from accord.model import Actor, Event, Place, PlaceType
from accord.safe_output import CellKind, safe_cells

__all__ = ["GDELT_COLUMNS", "events_to_gdelt", "gdelt_event_id", "gdelt_line", "gdelt_row"]

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
    if code[:3] in GROUP_PREFIXES and blocks:
        group = blocks.pop(0)
    types = [b for b in blocks if len(b) == 3]
    if not types and a.role:
        types = [a.role]
    types = [*types, "", "", ""][:3]
    name = (a.name or a.text).upper()
    return [code, name, a.country or "", group, "", "", "", *types]


def _gdelt_geo(p: Place | None) -> list[str]:
    """GDELT's eight geo fields of a place: Geo_Type (1 country, 2 US state, 3 US city, 4
    world city, 5 world state; a site counts as its city, a county as its state),
    FullName, CountryCode (FIPS
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
    elif p.type in (PlaceType.ADMIN1, PlaceType.ADMIN2):
        kind, feature = ("2" if us else "5"), adm1
    elif p.type in (PlaceType.CITY, PlaceType.SITE):
        kind, feature = ("3" if us else "4"), str(p.geonames_id or "")
    else:
        kind, feature = "", ""
    return [kind, p.name, fips, adm1, "", cell(p.lat), cell(p.lon), feature]


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
        cell(e.goldstein),
        *(str(c) for c in counts),
        "",  # AvgTone: not computed
        *_gdelt_geo(None),
        *_gdelt_geo(None),
        *_gdelt_geo(e.location),
        date_added.strftime("%Y%m%d%H%M%S") if date_added else "",
        url or "",
    ]
    return safe_cells([_gdelt_clean(v) for v in row], _GDELT_KINDS)


def gdelt_line(
    e: Event,
    docs: Docs | None,
    urls: Mapping[str, str] | None,
    date_added: dt.datetime | None,
    counts: tuple[int, int, int] = (1, 1, 1),
) -> str:
    ref = doc_ref(docs, e.doc_id)
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
        out.write(gdelt_line(e, docs, urls, date_added))
        n += 1
    return n
