"""Actor files: where the knowledge base's data comes from and how it is written.

The packaged data (``accord/data/actors``) is listed in ``manifest.json``, which also
carries the data ``version``. Files are read in the manifest's order, then any user
files given to :meth:`ActorKB.load`; a later file overrides an earlier one.

User extension files (and the packaged ``people.csv``, ``organizations.csv`` and
``agents.csv``) are UTF-8 CSV files with this header::

    pattern,code,country,role,name,kind,start,end

``pattern``
    One or more names, separated by ``|`` ("Vladimir Putin|Putin|President Putin").
    Matching is case-insensitive after normalisation (accents and dots dropped,
    hyphens and possessive "'s" split off, curly quotes folded, a leading "the"
    optional), except that short all-capital acronyms ("US", "UN", "WHO") only match
    upper-case text. A name of an organisation, place or person must be written with a
    capital letter in the text; role words ("police") match in any case, and their
    regular plural is added automatically.
``code``
    CAMEO-style actor code: ISO3 country + role ("RUSGOV", "USAMIL"), an ``IGO...`` /
    ``NGO...`` code, or ``---`` + role for a role word. May be blank for a row that only
    adds names (or a home country) to an actor defined on another row, and for agents.
``country`` / ``role``
    ISO3 country code and CAMEO role (GOV, MIL, COP, JUD, LEG, OPP, REB, CVL, ...). When
    blank they are derived from ``code``.
``name``
    Canonical name. Rows of one file with the same ``kind`` and ``name`` describe one
    actor: their patterns are pooled and their dated rows form the actor's history.
    Blank: the first pattern.
``kind``
    ``country`` (names, adjectives and demonyms of a country), ``capital`` (capitals and
    seats of power, coded as the government), ``igo``, ``group`` (any other named
    organisation), ``person`` or ``agent`` (role words such as "police").
``start`` / ``end``
    Dates (YYYY-MM-DD, YYYY-MM or YYYY) bounding the row's code: start inclusive, end
    exclusive, either may be blank (open). Rows without dates give the actor's default.

The packaged ``countries.csv`` uses its own compact header
``iso3,name,aliases,adjectives,demonyms,capitals,seats`` (``|``-separated lists; a seat
may carry a role, "Pentagon=MIL").
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from accord.errors import ResourceError, UsageError

__all__ = ["ACTOR_COLUMNS", "COUNTRY_COLUMNS", "Source", "read_csv", "read_sources"]

Source = tuple[str, str, str, bool]
"""(origin, schema, text, upper-case source): one file to load, in order."""

ACTOR_COLUMNS = ("pattern", "code", "country", "role", "name", "kind", "start", "end")
COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "seats")


def read_csv(
    text: str, columns: Sequence[str], origin: str
) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    missing = [c for c in columns if c not in header]
    if missing:
        raise UsageError(
            f"missing column(s) {', '.join(missing)}; want {','.join(columns)}", origin=origin
        )
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue
        first = (row.get(columns[0]) or "").lstrip()
        if first.startswith("#"):
            continue
        yield reader.line_num, {k: (v or "") for k, v in row.items() if k is not None}


def read_sources(extra_files: Sequence[Path] = ()) -> tuple[list[Source], str]:
    """The packaged files in manifest order, then ``extra_files``; and the data version
    (the packaged version, plus a digest of the user files when there are any)."""
    base = resources.files("accord").joinpath("data", "actors")
    try:
        manifest = json.loads(base.joinpath("manifest.json").read_text(encoding="utf-8"))
        files = [
            (entry, base.joinpath(entry["path"]).read_text(encoding="utf-8"))
            for entry in manifest["files"]
        ]
        version = str(manifest["version"])
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise ResourceError(f"cannot read the packaged actor data: {exc}") from exc
    sources: list[Source] = [
        (str(e["path"]), str(e.get("schema", "actors")), text, bool(e.get("upper_case")))
        for e, text in files
    ]
    digest = hashlib.sha256()
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read actor file: {exc}", origin=str(path)) from exc
        digest.update(text.encode("utf-8"))
        sources.append((str(path), "actors", text, False))
    if extra_files:
        version = f"{version}+user.{digest.hexdigest()[:8]}"
    return sources, version
