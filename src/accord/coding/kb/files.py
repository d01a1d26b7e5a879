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

User files may also be YAML (a ``.yaml`` or ``.yml`` name): a list of actors, one
entry each, with the fields of the CSV format::

    - name: Jane Doe              # canonical name; default: the first of names
      names: [Jane Doe, Doe]      # the names the text may use; default: [name]
      kind: person                # as in CSV; default: igo for an IGO code, else group
      country: FRA                # home country
      code: FRAELI                # undated (default) code
      role: ...                   # as in CSV
      roles:                      # dated codes: start inclusive, end exclusive, either open
        - {code: FRAGOV, start: 2024-01-09, end: 2024-09}
        - {code: FRALEG, start: 2024-09}

An entry needs ``names`` or ``name``, and a code: ``code``, dated ``roles`` (each with
a ``code``), a ``role`` for an agent, or a ``country`` for a person. Unknown fields
are errors; text that YAML would read as something else (``NO``, ``2024``) must be
quoted except in dates. Each entry becomes rows of the CSV format, read as above.

The packaged ``countries.csv`` uses its own compact header
``iso3,name,aliases,adjectives,demonyms,capitals,seats`` (``|``-separated lists; a seat
may carry a role, "Pentagon=MIL").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

import yaml

from accord.coding.kb.records import default_kind
from accord.coding.user_files import read_user_files
from accord.errors import ResourceError, UsageError

__all__ = [
    "ACTOR_COLUMNS",
    "COUNTRY_COLUMNS",
    "Source",
    "actor_rows",
    "is_yaml",
    "read_csv",
    "read_sources",
    "read_yaml",
]

Source = tuple[str, str, str, bool]
"""(origin, schema, text, upper-case source): one file to load, in order."""

ACTOR_COLUMNS = ("pattern", "code", "country", "role", "name", "kind", "start", "end")
COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "seats")


def read_csv(
    text: str, columns: Sequence[str], origin: str
) -> Iterator[tuple[str, dict[str, str]]]:
    """The rows of a CSV file, each with its location ("line 7"); blank rows and rows
    whose first field starts with '#' are left out."""
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
        yield f"line {reader.line_num}", {k: (v or "") for k, v in row.items() if k is not None}


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
    texts, digest = read_user_files(extra_files, "actor")
    sources.extend((origin, "actors", text, False) for origin, text in texts)
    if extra_files:
        version = f"{version}+user.{digest[:8]}"
    return sources, version


# -- YAML -----------------------------------------------------------------------------

_YAML_FIELDS = ("name", "names", "kind", "code", "country", "role", "roles")
_YAML_ROLE_FIELDS = ("code", "role", "start", "end")


def is_yaml(origin: str) -> bool:
    """Whether an actor file is YAML, by its name (``.yaml`` / ``.yml``)."""
    return origin.lower().endswith((".yaml", ".yml"))


def actor_rows(text: str, origin: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The rows of an actor file, CSV or YAML (by its name), each with its location."""
    if is_yaml(origin):
        return read_yaml(text, origin)
    return read_csv(text, ACTOR_COLUMNS, origin)


def read_yaml(text: str, origin: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The entries of a YAML actor file as rows of the CSV format (see the module
    docstring), each with its location ("entry 2 ('Jane Doe'), role 1")."""
    try:
        data: object = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = exc.problem or exc.context or "cannot parse"
        raise UsageError(f"not valid YAML: {at}{problem}", origin=origin) from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"not valid YAML: {exc}", origin=origin) from exc
    except ValueError as exc:  # a date-like value that is no date ("2024-02-30")
        raise UsageError(_bad_timestamp(text, exc), origin=origin) from exc
    if data is None:
        return iter(())
    if not isinstance(data, list):
        raise UsageError(
            f"want a list of actors at the top level, got {_type_name(data)}", origin=origin
        )
    rows: list[tuple[str, dict[str, str]]] = []
    for number, entry in enumerate(data, start=1):
        try:
            rows.extend(_entry_rows(number, entry))
        except ValueError as exc:
            raise UsageError(str(exc), origin=origin) from exc
    return iter(rows)


def _entry_rows(number: int, entry: object) -> list[tuple[str, dict[str, str]]]:
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: want a mapping of fields, got {_type_name(entry)}")
    names = _names(where, entry.get("names"))
    name = _text(where, entry, "name") or (names[0] if names else "")
    if name:
        where = f"{where} ({name!r})"
    unknown = [str(k) for k in entry if k not in _YAML_FIELDS]
    if unknown:
        raise ValueError(
            f"{where}: unknown field {unknown[0]!r}; fields are {', '.join(_YAML_FIELDS)}"
        )
    if not name:
        raise ValueError(f"{where}: needs names (or a name)")
    names = names or [name]
    code = _text(where, entry, "code")
    country = _text(where, entry, "country")
    role = _text(where, entry, "role")
    roles = entry.get("roles")
    if roles is None:
        roles = []
    if not isinstance(roles, list):
        raise ValueError(f"{where}: 'roles' must be a list, got {_type_name(roles)}")
    spans = [_role_row(f"{where}, role {i}", span) for i, span in enumerate(roles, start=1)]
    # one entry is one actor: its rows share a kind (CSV rows each default theirs)
    kind = _text(where, entry, "kind").lower() or default_kind(
        code or next((s["code"] for _, s in spans), "")
    )
    if not (code or spans or (kind == "agent" and role) or (kind == "person" and country)):
        raise ValueError(f"{where}: missing code (give a code or dated roles with codes)")
    base = {"name": name, "kind": kind}
    rows: list[tuple[str, dict[str, str]]] = []
    if country and kind == "person":
        # a person's home country on a row of its own: on a row with a code the CSV
        # format reads the country from the code
        rows.append((where, {**base, "country": country}))
        country = ""
    row = {**base, "pattern": "|".join(names), "code": code, "role": role, "country": country}
    rows.append((where, row))
    rows.extend((at, {**base, **span}) for at, span in spans)
    return rows


def _role_row(where: str, span: object) -> tuple[str, dict[str, str]]:
    if not isinstance(span, dict):
        raise ValueError(f"{where}: want a mapping of fields, got {_type_name(span)}")
    unknown = [str(k) for k in span if k not in _YAML_ROLE_FIELDS]
    if unknown:
        raise ValueError(
            f"{where}: unknown field {unknown[0]!r}; fields are {', '.join(_YAML_ROLE_FIELDS)}"
        )
    code = _text(where, span, "code")
    if not code:
        raise ValueError(f"{where}: missing code")
    row = {
        "code": code,
        "role": _text(where, span, "role"),
        "start": _date_text(where, span.get("start")),
        "end": _date_text(where, span.get("end")),
    }
    return where, row


def _names(where: str, value: object) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(n, str) for n in items):
        raise ValueError(f"{where}: 'names' must be a list of text")
    names = [n.strip() for n in items if n.strip()]
    for n in names:
        if "|" in n:
            raise ValueError(f"{where}: a name may not contain '|' ({n!r}); list names apart")
    return names


def _text(where: str, mapping: dict[object, object], key: str) -> str:
    value = mapping.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{where}: {key!r} must be text, got {value!r} (quote it)")
    return value.strip()


def _date_text(where: str, value: object) -> str:
    """A YAML date value as the CSV format writes it: 2024-01-15, 2024-01 or 2024."""
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, bool)):
        raise ValueError(f"{where}: bad date {value!r}; want YYYY-MM-DD, YYYY-MM or YYYY")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    raise ValueError(f"{where}: bad date {value!r}; want YYYY-MM-DD, YYYY-MM or YYYY")


def _type_name(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _bad_timestamp(text: str, exc: ValueError) -> str:
    """Where PyYAML failed to make a date: "entry 2, line 7: bad date '2024-02-30' (day is
    out of range for month)". Found by composing the document again (nodes only)."""
    constructor = yaml.constructor.SafeConstructor()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        root = None
    entries = root.value if isinstance(root, yaml.SequenceNode) else [root]
    for number, node in enumerate(entries, start=1):
        for scalar in _scalars(node):
            if scalar.tag != "tag:yaml.org,2002:timestamp":
                continue
            try:
                constructor.construct_yaml_timestamp(scalar)
            except ValueError as bad:
                name = _node_name(node)
                where = f"entry {number}" + (f" ({name!r})" if name else "")
                line = scalar.start_mark.line + 1
                return f"{where}, line {line}: bad date {scalar.value!r} ({bad})"
    return f"bad date ({exc})"


def _node_name(node: yaml.Node | None) -> str:
    """The name (or first of the names) of an entry's node, '' if it has none."""
    if not isinstance(node, yaml.MappingNode):
        return ""
    fields = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    value = fields.get("name") or fields.get("names")
    if isinstance(value, yaml.SequenceNode) and value.value:
        value = value.value[0]
    return str(value.value) if isinstance(value, yaml.ScalarNode) else ""


def _scalars(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)
