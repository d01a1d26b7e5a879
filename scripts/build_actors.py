"""Convert the Phoenix/PETRARCH2 actor and agent dictionaries (MIT) into accord's
actor knowledge-base files, and write the knowledge-base manifest.

Usage: python scripts/build_actors.py [SHARED_DIR]

SHARED_DIR defaults to ``../shared`` relative to the repository root. Reads
``resources/petrarch2_dictionaries/Phoenix.{Countries,International,MilNonState}.actors.txt``
and ``Phoenix.agents.txt``, plus the hand-curated files already in
``src/accord/data/actors`` (``countries.csv`` for the set of country codes,
``people.csv`` so that a person defined there replaces the Phoenix entry for the same
person). Writes, in ``src/accord/data/actors``:

* ``phoenix_actors.csv`` and ``phoenix_agents.csv`` (accord's CSV schema, see
  :mod:`accord.coding.kb.files`), re-generated from scratch on every run;
* ``manifest.json``: the file list in load order, with each file's SHA-256, and the data
  ``version`` (``DATA_VERSION`` below, plus a digest of all files);
* ``NOTICE`` (the Phoenix/PETRARCH2 MIT license and the provenance of every file).

Conversion notes. Phoenix dates are YYMMDD with 00-29 read as 20xx and 30-99 as 19xx
(or YYYYMMDD). Open-ended person roles (``[CODE >YYMMDD]``) are closed at
``PHOENIX_CUTOFF``, since the dictionaries stop about 2014 and their holders have
mostly left office since. Codes with sub-roles keep the country and the first role
("AFGGOVAGR" -> AFGGOV), except that an intelligence sub-role wins (MILSPY -> SPY) and,
for institutions, a legislative or judicial one (GOVLEG -> LEG). Country-file names
made only of generic words ("SENATE", "DEFENSE_DEPARTMENT") are dropped, because they
would code every country's senate as the United States'; role words cover them.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accord.coding.petrarch_format import (
    RELIGION,
    ROLES,
    Entry,
    parse_actor_file,
    parse_agents,
    role_from_chunks,
    title,
)
from accord.coding.petrarch_format import clean_name as _clean_name

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "actors"
SRC = "resources/petrarch2_dictionaries"
DATA_VERSION = "2026.02.1"
PHOENIX_CUTOFF = dt.date(2015, 1, 1)

ACTOR_COLUMNS = ("pattern", "code", "country", "role", "name", "kind", "start", "end")


def _wordset(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


COUNTRY_RENAMES = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "SRP": "SRB"}
HISTORIC = frozenset({"USR", "SUN", "YUG", "DDR", "CSK", "SCG", "FRY"})

# Phoenix "synonyms" that are jokes, nicknames or fillers rather than names.
JUNK = _wordset(
    "THE_GRAVEYARD_OF_EMPIRES YANKEE_LAND YANKEELAND AMERICALAND LEADER_OF_THE_FREE_WORLD "
    "UNITEDSTATIAN US_OF_A HEART_OF_DIXIE ATHENS_ON_THE_KAW STATE_COLLEGE LAWRENCE "
    "SOVIET_OCCUPIED_AFGHANISTAN"
)
# Words that name an institution in any country; a country-file name made only of these
# (and of role words) is not specific to that country.
GENERIC_WORDS = _wordset(
    "the of and for on in a an to de national federal central state states republic "
    "department ministry minister office council committee commission agency service "
    "services house court supreme high assembly parliament senate congress chamber bureau "
    "board authority administration command forces force army navy air guard security "
    "defense defence foreign affairs interior justice finance trade economic economy "
    "intelligence community reserve bank police military government cabinet joint chiefs "
    "staff special operations general people's peoples party union front movement "
    "president prime presidential palace official officials spokesman spokeswoman "
    "spokesperson press secretary white"
)
ORG_WORDS = _wordset(
    "ASSEMBLY PARTY COUNCIL ARMY FORCE FORCES FRONT MINISTRY COURT PARLIAMENT COMMITTEE "
    "COMMISSION AGENCY MOVEMENT UNION ORGANIZATION ORGANISATION BRIGADE BRIGADES GROUP "
    "DEPARTMENT OFFICE GOVERNMENT SENATE CONGRESS COMMAND POLICE GUARD BANK CORPS "
    "ALLIANCE LEAGUE SOCIETY FOUNDATION INSTITUTE UNIVERSITY COALITION NETWORK CENTER "
    "CENTRE BUREAU BOARD AUTHORITY ADMINISTRATION REGIME JUNTA MILITIA MILITIAS CABINET "
    "FEDERATION CONFERENCE ASSOCIATION COMPANY CORPORATION TRIBUNAL NAVY"
)

# -- small helpers ---------------------------------------------------------------------------


def clean_name(raw: str) -> list[str]:
    """A Phoenix name -> accord patterns, joke names dropped."""
    return _clean_name(raw, JUNK)


# Single words that the dictionaries use as names but that are given names, common
# words or numbers in running text ("MALE" for the Maldives' capital, "NATION").
SINGLE_WORD_JUNK = _wordset(
    "EYAL MUHANNAD YAHWEH HOTARU ORDER FAIR FOREST LINKS RESISTANCE MASADA ANARCHISTS AL- "
    "AQSA AN CAR CHAMPAGNE COUNTRY DAWN LET LT MALE NATION OCCUPIED POLE SAGA YOUTH ZERO "
    "NORTH MORON NASSER DORIS MURRAY CHABLIS"
)


# Agent names that, standing alone, name no actor far more often than they name one:
# a place ("sentenced to prison", "the prison sentence of X" coded the prison as police),
# a firm ("mobile carriers", "the carrier said": an airline or phone company, not an
# aircraft carrier, which keeps its full name).
AGENT_PLACE_WORDS = frozenset({"prison", "carrier"})


def single_word_junk(name: str) -> bool:
    words = name.split()
    return len(words) == 1 and (words[0].isdigit() or words[0].upper() in SINGLE_WORD_JUNK)


# -- conversion ------------------------------------------------------------------------------


@dataclass
class Converter:
    countries: frozenset[str]
    curated_people: frozenset[tuple[str, ...]]
    norm: object  # callable: pattern -> tuple[str, ...]
    agent_words: frozenset[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    def bump(self, key: str) -> None:
        self.stats[key] = self.stats.get(key, 0) + 1

    def split_code(self, code: str, *, institution: bool) -> tuple[str, str | None, str | None]:
        """-> (accord code, country, role)."""
        head = COUNTRY_RENAMES.get(code[:3], code[:3])
        code = head + code[3:]
        if code in ("IGO", "NGO", "MNC", "IMG"):
            return code, None, ("NGO" if code == "NGO" else None)
        if code in ROLES or (len(code) == 3 and code[:3] in RELIGION):
            role = role_from_chunks([code], institution=institution)
            return ("---" + role if role else "---"), None, role
        if code.startswith(("IGO", "NGO", "MNC", "IMG")):
            chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
            role = role_from_chunks(chunks, institution=True)
            if code.startswith("NGO") and role is None:
                role = "NGO"
            return code, None, role
        chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
        role = role_from_chunks(chunks, institution=institution) if chunks else None
        if head in self.countries or head in HISTORIC:
            return head + (role or ""), head, role
        return (head + (role or "")) if head != "---" else "---" + (role or ""), None, role

    def kind_of(self, entry: Entry, first: str, header: bool) -> str:
        if header:
            return "country"
        codes = entry.codes
        if all(c.code.startswith("IGO") for c in codes):
            return "igo"
        dated = any(c.start or c.end for c in codes)
        words = set(first.upper().replace("-", "_").split("_"))
        if dated and not (words & ORG_WORDS):
            return "person"
        if entry.source != "countries" and not (words & ORG_WORDS) and dated:
            return "person"
        return "group"

    def generic(self, pattern: str) -> bool:
        toks = self.norm(pattern)  # type: ignore[operator]
        return bool(toks) and all(t in GENERIC_WORDS or t in self.agent_words for t in toks)

    def convert(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            if all(c.code.startswith("MNC") for c in entry.codes):
                self.bump("company dropped")
                continue
            names = [n for raw in entry.names for n in clean_name(raw)]
            names = [n for n in names if not single_word_junk(n)]
            header = entry.source == "countries" and all(
                (len(c.code) == 3 and c.code not in ROLES)
                or (len(c.code) == 6 and c.code[3:] not in ROLES and c.code[:3] in self.countries)
                for c in entry.codes
            )
            kind = self.kind_of(entry, entry.names[0].strip().lstrip("+"), header) if names else ""
            if kind in ("group", "igo"):
                # organisations: a single long word is usually a common word ("FALCON",
                # "ORGANIZATION", "AVENGERS"); acronyms are short
                names = [
                    n
                    for n in names
                    if len(self.norm(n)) > 1  # type: ignore[operator]
                    or len(n) <= 5
                ]
            if not names:
                continue
            if kind == "person":
                keys = {self.norm(n) for n in names}  # type: ignore[operator]
                if any(len(k) >= 2 and k in self.curated_people for k in keys):
                    self.bump("person replaced by curated")
                    continue
            if entry.source == "countries" and kind == "group":
                names = [n for n in names if not self.generic(n)]
                if not names:
                    self.bump("generic name dropped")
                    continue
            self.emit(entry, names, kind, header)

    def emit(self, entry: Entry, names: list[str], kind: str, header: bool) -> None:
        name = title(names[0])
        institution = kind != "person"
        first = True
        seen_default = False
        for c in entry.codes:
            code, _country, role = self.split_code(c.code, institution=institution)
            if header and len(c.code) == 6 and c.code[3:] not in ROLES:
                code, role = code[:3], None
            start, end = c.start, c.end
            if kind == "person" and c.open_end and start is not None and end is None:
                end = max(PHOENIX_CUTOFF, start + dt.timedelta(days=1))
            dated = start is not None or end is not None
            if not dated:
                if seen_default:
                    continue
                seen_default = True
            self.rows.append(
                {
                    "pattern": "|".join(names) if first else "",
                    "code": code,
                    "country": "",
                    "role": role or "",
                    "name": name,
                    "kind": kind,
                    "start": start.isoformat() if start else "",
                    "end": end.isoformat() if end else "",
                }
            )
            first = False
        self.bump(kind)


def prune_person_aliases(rows: list[dict[str, str]], norm: object) -> list[dict[str, str]]:
    """Keep a one-word alias of a person ("KARZAI") only if it is the last word of the
    person's name and no other person uses it: first names ("ALBERT") and shared
    surnames ("KHAN", "KIM") would match the wrong people."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        if row["kind"] == "person":
            for p in row["pattern"].split("|"):
                toks = norm(p)  # type: ignore[operator]
                if len(toks) == 1:
                    owners.setdefault(toks[0], set()).add(row["name"])
    out = []
    for row in rows:
        if row["kind"] == "person" and row["pattern"]:
            last = norm(row["name"])[-1:]  # type: ignore[operator]
            kept = []
            for p in row["pattern"].split("|"):
                toks = norm(p)  # type: ignore[operator]
                if len(toks) == 1 and (tuple(toks) != tuple(last) or len(owners[toks[0]]) > 1):
                    continue
                kept.append(p)
            if not kept:
                kept = [row["name"]]
            row = {**row, "pattern": "|".join(kept)}
        out.append(row)
    return out


def read_countries(path: Path) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(
            row["iso3"].strip().upper()
            for row in csv.DictReader(fh)
            if row.get("iso3") and not row["iso3"].startswith("#")
        )


def write_csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACTOR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


# Load order: later files override earlier ones (see accord.coding.kb.files).
MANIFEST_FILES = (
    ("phoenix_actors.csv", "actors", True),
    ("phoenix_agents.csv", "actors", True),
    ("countries.csv", "countries", False),
    ("organizations.csv", "actors", False),
    ("agents.csv", "actors", False),
    ("people.csv", "actors", False),
)


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    src = shared / SRC
    if not (src / "Phoenix.Countries.actors.txt").is_file():
        sys.stderr.write(f"shared folder not found or incomplete: {shared}\n")
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from accord.coding.kb import normalize_phrase

    countries = read_countries(OUT / "countries.csv")
    curated: set[tuple[str, ...]] = set()
    with (OUT / "people.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("kind") or "").strip() == "person":
                for p in [row.get("name") or "", *(row.get("pattern") or "").split("|")]:
                    toks = normalize_phrase(p)
                    if len(toks) >= 2:
                        curated.add(toks)

    agent_rows: list[dict[str, str]] = []
    agent_words: set[str] = set()
    seen: set[str] = set()
    for names, role in parse_agents((src / "Phoenix.agents.txt").read_text(encoding="utf-8")):
        names = [n for n in names if n not in seen and n not in AGENT_PLACE_WORDS]
        if not names:
            continue
        seen.update(names)
        for n in names:
            agent_words.update(normalize_phrase(n))
        agent_rows.append(
            {
                "pattern": "|".join(names),
                "code": "",
                "country": "",
                "role": role,
                "name": names[0],
                "kind": "agent",
                "start": "",
                "end": "",
            }
        )

    conv = Converter(countries, frozenset(curated), normalize_phrase, frozenset(agent_words))
    for fname, source in (
        ("Phoenix.Countries.actors.txt", "countries"),
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "milnonstate"),
    ):
        text = (src / fname).read_text(encoding="utf-8", errors="replace")
        conv.convert(parse_actor_file(text, source))
    conv.rows = prune_person_aliases(conv.rows, normalize_phrase)

    outputs = {
        "phoenix_actors.csv": write_csv(conv.rows),
        "phoenix_agents.csv": write_csv(agent_rows),
    }
    for fname, text in outputs.items():
        (OUT / fname).write_text(text, encoding="utf-8")

    digest = hashlib.sha256()
    files = []
    for fname, schema, upper in MANIFEST_FILES:
        data = (OUT / fname).read_bytes()
        digest.update(data)
        files.append(
            {
                "path": fname,
                "schema": schema,
                "upper_case": upper,
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    manifest = {
        "version": f"{DATA_VERSION}+{digest.hexdigest()[:8]}",
        "description": "accord actor knowledge base; files load in this order, later wins",
        "files": files,
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    license_text = (src / "LICENSE.petrarch2.MIT.txt").read_text(encoding="utf-8")
    (OUT / "NOTICE").write_text(NOTICE_HEAD + license_text, encoding="utf-8")
    for key, value in sorted(conv.stats.items()):
        sys.stdout.write(f"{key}: {value}\n")
    sys.stdout.write(f"agents: {len(agent_rows)}; version {manifest['version']}\n")
    return 0


NOTICE_HEAD = """accord actor knowledge base (src/accord/data/actors)
=====================================================

phoenix_actors.csv and phoenix_agents.csv are generated by scripts/build_actors.py from
the Phoenix actor and agent dictionaries distributed with PETRARCH2 by the Open Event
Data Alliance (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt, Phoenix.agents.txt), which were built by the
Computational Event Data System project (Parus Analytics; CountryInfo.txt) and the
Pennsylvania State University TOPS non-state actor project. They are used under the MIT
License reproduced below. The conversion changes the format; drops joke and generic
names, one-word names that are common words, ambiguous one-word aliases of people and
the list of companies (accord's organizations.csv lists the companies it needs); closes
open-ended person roles at 2015-01-01; and keeps only the primary role of multi-role
codes.

countries.csv, organizations.csv, agents.csv and people.csv are written for accord and
are released under the project's MIT License. They record facts (country names and codes,
capitals, organisations and their codes, office holders and their dates in office) from
the contributors' general knowledge; dates are as accurate as we could make them and
corrections are welcome. The police forces of England and Wales in organizations.csv are
the territorial forces the Home Office lists (https://www.police.uk), each with its usual
short form ('Kent Police' for Kent Police, 'Norfolk Police' for Norfolk Constabulary).

License of the Phoenix / PETRARCH2 dictionaries:

"""


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
