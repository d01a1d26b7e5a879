"""Build accord's packaged CAMEO/PLOVER ontology table.

Usage: python scripts/build_ontology.py [SHARED_DIR]

SHARED_DIR defaults to ``../shared`` relative to the repository root. Reads:

* ``resources/cameo/cameo_codes_with_goldstein_and_examples.icews_R_package.csv`` (MIT):
  code, short name and Goldstein score. Only those three fields are used; the
  descriptions, usage notes and examples are not copied.
* ``resources/cameo/GDELT_CAMEO.goldsteinscale.txt``: GDELT's Goldstein scores, kept
  beside ICEWS's so that the codes where the two tables differ stay visible.
* ``resources/plover/CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0): only the facts code ->
  PLOVER event type, mode and context are taken, re-expressed in accord's own table.
* ``src/accord/data/ontology/supplement.csv`` (hand-curated, in this repository):
  PLOVER types for the CAMEO 02 appeals, which the crosswalk leaves out, and codes that
  are in the crosswalk but in neither CAMEO table.

Writes ``src/accord/data/ontology/cameo.csv``. Re-running it on the same inputs gives
byte-identical output.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from accord.coding.ontology import TABLE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "ontology"
ICEWS = "resources/cameo/cameo_codes_with_goldstein_and_examples.icews_R_package.csv"
GDELT = "resources/cameo/GDELT_CAMEO.goldsteinscale.txt"
CROSSWALK = "resources/plover/CAMEO2PLOVER-2021.txt"

COLUMNS = TABLE_COLUMNS
_CROSS_LINE = re.compile(r"^(\d{2,4}):\s*(.*)$")


def quad_class(code: str) -> int:
    """CAMEO quad class from the root: 01-05 verbal coop., 06-08 material coop., 09-13
    verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _sentence_case(name: str) -> str:
    name = " ".join(name.split())
    if name.isupper():
        return name[:1] + name[1:].lower()
    return name


def _score(raw: str) -> str:
    return f"{float(raw):.1f}"


def read_icews(path: Path) -> dict[str, tuple[str, str]]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    out: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["code"].strip()
        out[code] = (_sentence_case(row["name"]), _score(row["goldstein"]))
    return out


def read_gdelt(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 2 and parts[0].strip().isdigit():
            out[parts[0].strip()] = _score(parts[1])
    return out


def _clean(field: str) -> str:
    return ";".join(p.strip().lower() for p in field.split(";") if p.strip())


def read_crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    """code -> (PLOVER type, mode, context); the first line for a code wins."""
    out: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CROSS_LINE.match(line.strip())
        if not m:
            continue
        code, rest = m.group(1), m.group(2).split("#", 1)[0]
        fields = [f.strip() for f in rest.split(",")]
        fields += [""] * (3 - len(fields))
        ptype, mode, context = fields[0].upper(), _clean(fields[1]), _clean(fields[2])
        if ptype and code not in out:
            out[code] = (ptype, mode, context)
    return out


def read_supplement(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build(shared: Path) -> str:
    icews = read_icews(shared / ICEWS)
    gdelt = read_gdelt(shared / GDELT)
    cross = read_crosswalk(shared / CROSSWALK)
    supplement = read_supplement(OUT / "supplement.csv")

    table: dict[str, dict[str, str]] = {}
    for code, (name, score) in icews.items():
        table[code] = {"code": code, "name": name, "goldstein": score}
    for row in supplement:
        code = row["code"].strip()
        if code not in table:
            if not row["name"] or not row["goldstein"]:
                raise SystemExit(f"supplement: new code {code} needs a name and a goldstein")
            table[code] = {"code": code, "name": row["name"], "goldstein": _score(row["goldstein"])}
    for code, row in table.items():
        row["goldstein_gdelt"] = gdelt.get(code, "")
        row["quad_class"] = str(quad_class(code))
        row["plover"] = row["plover_mode"] = row["plover_context"] = row["plover_source"] = ""
        if code in cross:
            ptype, mode, context = cross[code]
            row.update(
                plover=ptype, plover_mode=mode, plover_context=context, plover_source="crosswalk"
            )
    for srow in supplement:
        code = srow["code"].strip()
        # a supplement row marked "override" replaces the crosswalk (its note says why)
        replace = (srow.get("note") or "").lower().startswith("override")
        if srow["plover"] and (replace or not table[code]["plover"]):
            table[code].update(
                plover=srow["plover"],
                plover_mode=srow["plover_mode"],
                plover_context=srow["plover_context"],
                plover_source="accord",
            )
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for code in sorted(table):
        writer.writerow(table[code])
    return buf.getvalue()


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    if not (shared / ICEWS).is_file():
        sys.stderr.write(f"shared folder not found or incomplete: {shared}\n")
        return 2
    text = build(shared)
    (OUT / "cameo.csv").write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {OUT / 'cameo.csv'} ({text.count(chr(10)) - 1} codes)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
