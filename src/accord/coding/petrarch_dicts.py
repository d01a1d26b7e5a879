"""Code with a PETRARCH-format dictionary folder instead of the packaged dictionaries.

PETRARCH's unit tests and UD-PETRARCH's validation records were coded with their own
test dictionaries (``PETR.Validate.verbs.txt``, ``...actors.txt``, ``...agents.txt``),
whose codes are partly WEIS or made up ("1717", "075A") and whose actors are partly
fictional (Arnor, Gondor). A mechanics test means something only when the coder runs
with those dictionaries, so :func:`load_folder` turns such a folder into the three
things the coder needs:

* the verb dictionary, from the folder's ``*verbs*`` file (or ``CAMEO*.txt``); it
  replaces the packaged one, and accord's frames (which produce CAMEO codes) are off;
* the actor knowledge base, from the ``*actors*`` and ``*agents*`` files alone, as
  PETRARCH used them: actors whose only code is a bare 3-letter code become countries
  (so "Kuwait government" is KUW + GOV), every other code is kept as written
  ("IMGMOSALQ"), dated codes become dated roles and open-ended ones stay open;
* an ontology that answers for any code: a code the CAMEO table lacks gets a
  placeholder description instead of an error.

Discard files are not read.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from accord.coding.kb import ActorKB, normalize_phrase
from accord.coding.ontology import CameoCode, Ontology, UnknownCode
from accord.coding.petrarch_format import (
    ROLES,
    Entry,
    clean_name,
    convert_verbs,
    parse_actor_file,
    parse_agents,
    title,
)
from accord.coding.verbs import VerbDictionary
from accord.errors import UsageError

__all__ = [
    "DictionaryFiles",
    "DictionaryFolder",
    "LenientOntology",
    "PlaceholderCode",
    "actor_sources",
    "find_files",
    "load_folder",
]

_ACTOR_COLUMNS = ("pattern", "code", "country", "role", "name", "kind", "start", "end")
_COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "seats")
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG", "---"}) | ROLES


@dataclass(frozen=True, slots=True)
class DictionaryFiles:
    """The dictionary files found in a folder."""

    verbs: Path
    actors: tuple[Path, ...]
    agents: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class DictionaryFolder:
    """What the coder needs from a dictionary folder."""

    verbs: VerbDictionary
    kb: ActorKB
    version: str


@dataclass(frozen=True, slots=True)
class PlaceholderCode:
    """What the ontology says about a code it does not know (a WEIS or test code)."""

    code: str
    name: str = "code not in the CAMEO table"
    goldstein: float = 0.0
    quad_class: int = 0
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None


class LenientOntology:
    """The CAMEO ontology, answering with a :class:`PlaceholderCode` for unknown codes."""

    __slots__ = ("_base",)

    def __init__(self, base: Ontology) -> None:
        self._base = base

    def get(self, code: str) -> CameoCode | PlaceholderCode:
        try:
            return self._base.get(code)
        except UnknownCode:
            return PlaceholderCode(code)


def find_files(folder: Path) -> DictionaryFiles:
    """The verbs, actors and agents files of ``folder``, chosen by file name."""
    if not folder.is_dir():
        raise UsageError(f"dictionary folder not found: {folder}")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")

    def named(word: str) -> list[Path]:
        return [p for p in files if word in p.name.lower()]

    verbs = named("verbs") or [p for p in files if p.name.lower().startswith("cameo")]
    if len(verbs) != 1:
        found = ", ".join(p.name for p in verbs) or "none"
        raise UsageError(f"{folder}: want exactly one verbs file (*verbs*.txt), found {found}")
    actors = tuple(named("actors"))
    if not actors:
        raise UsageError(f"{folder}: no actors file (*actors*.txt)")
    return DictionaryFiles(verbs[0], actors, tuple(named("agents")))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read dictionary file: {exc}", origin=str(path)) from exc


def _csv(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _display(name: str) -> str:
    """Upper-case dictionary names in text case, except acronyms ('UAE', 'U.S.')."""
    letters = "".join(ch for ch in name if ch.isalpha())
    return name if len(letters) <= 3 else title(name)


def _is_country(entry: Entry) -> bool:
    return all(
        len(c.code) == 3 and c.code not in _NOT_COUNTRIES and c.start is None and c.end is None
        for c in entry.codes
    )


def _entry_rows(entry: Entry, names: list[str]) -> list[dict[str, str]]:
    dated = any(c.start or c.end for c in entry.codes)
    if dated:
        kind = "person"
    elif all(c.code.startswith("IGO") for c in entry.codes):
        kind = "igo"
    else:
        kind = "group"
    rows: list[dict[str, str]] = []
    seen_default = False
    for c in entry.codes:
        undated = c.start is None and c.end is None
        if undated:
            if seen_default:
                continue
            seen_default = True
        rows.append(
            {
                "pattern": "|".join(names) if not rows else "",
                "code": c.code,
                "country": "",
                "role": "",
                "name": title(names[0]),
                "kind": kind,
                "start": c.start.isoformat() if c.start else "",
                "end": c.end.isoformat() if c.end else "",
            }
        )
    return rows


def actor_sources(files: DictionaryFiles) -> list[tuple[str, str, str, bool]]:
    """The folder's actors and agents as :meth:`ActorKB.from_sources` sources."""
    countries: list[dict[str, str]] = []
    actors: list[dict[str, str]] = []
    for path in files.actors:
        for entry in parse_actor_file(_read(path), path.name):
            names = [n for raw in entry.names for n in clean_name(raw)]
            names = [n for n in names if normalize_phrase(n)]
            if not names:
                continue
            if _is_country(entry):
                shown = [_display(n) for n in names]
                countries.append(
                    {
                        "iso3": entry.codes[0].code,
                        "name": shown[0],
                        "aliases": "|".join(shown[1:]),
                    }
                )
            else:
                actors.extend(_entry_rows(entry, names))
    agents: list[dict[str, str]] = []
    seen: set[str] = set()
    for path in files.agents:
        for names, role in parse_agents(_read(path)):
            fresh = [n for n in names if n not in seen]
            if not fresh:
                continue
            seen.update(fresh)
            agents.append(
                {"pattern": "|".join(fresh), "role": role, "name": fresh[0], "kind": "agent"}
            )
    origin = str(files.actors[0].parent)
    return [
        (f"{origin} (countries)", "countries", _csv(_COUNTRY_COLUMNS, countries), False),
        (f"{origin} (actors)", "actors", _csv(_ACTOR_COLUMNS, actors), True),
        (f"{origin} (agents)", "actors", _csv(_ACTOR_COLUMNS, agents), False),
    ]


def load_folder(folder: Path, extra_actor_files: Sequence[Path] = ()) -> DictionaryFolder:
    """The verb dictionary and knowledge base of a PETRARCH dictionary folder; user actor
    CSV files (``--actors``) are read after the folder's files."""
    files = find_files(folder)
    digest = hashlib.sha256()
    verbs_text = _read(files.verbs)
    digest.update(verbs_text.encode("utf-8"))
    sources = actor_sources(files)
    for path in extra_actor_files:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read actor file: {exc}", origin=str(path)) from exc
        sources.append((str(path), "actors", text, False))
    for _, _, text, _ in sources:
        digest.update(text.encode("utf-8"))
    version = f"dictionaries {folder.name}.{digest.hexdigest()[:8]}"
    data = convert_verbs(verbs_text, version=version, source=files.verbs.name, split_connected=True)
    verbs = VerbDictionary.from_json(data)
    kb = ActorKB.from_sources(sources, version)
    return DictionaryFolder(verbs, kb, version)
