"""ISO 3166 country codes, alpha-2 <-> alpha-3, from the packaged table
``accord/data/countries/iso3166.csv`` (GeoNames' country table; scripts/build_countries.py
writes it). Read once at import into immutable mappings."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from accord.errors import ResourceError

__all__ = ["BY_ISO2", "BY_ISO3", "ISO3", "iso2_of"]


def _read() -> list[tuple[str, str]]:
    try:
        text = (
            resources.files("accord")
            .joinpath("data", "countries", "iso3166.csv")
            .read_text(encoding="utf-8")
        )
        return [(r["iso2"], r["iso3"]) for r in csv.DictReader(io.StringIO(text))]
    except (OSError, KeyError) as exc:
        raise ResourceError(f"cannot read the country table: {exc}") from exc


_PAIRS = _read()
BY_ISO2: Mapping[str, str] = MappingProxyType(dict(_PAIRS))
"""alpha-2 -> alpha-3."""
BY_ISO3: Mapping[str, str] = MappingProxyType({iso3: iso2 for iso2, iso3 in _PAIRS})
"""alpha-3 -> alpha-2."""
ISO3: frozenset[str] = frozenset(BY_ISO3)
"""Every alpha-3 code."""
del _PAIRS


def iso2_of(iso3: str | None) -> str | None:
    """The alpha-2 code of an alpha-3 country code, or None (unknown, or None given)."""
    return BY_ISO3.get(iso3 or "")
