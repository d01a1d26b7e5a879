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
    exclusive (so after the start), either may be blank (open). Rows without dates give
    the actor's default; a dated row needs a code.

Every actor (the rows of one file with the same ``kind`` and ``name``) needs a code: on
one of its rows, dated or not, or a ``role`` for an agent, or a home ``country`` for a
person. A header with a column not listed above (or one listed twice), a row with more
values than the header, and a row or actor that breaks a rule of this section are usage
errors naming the file, the line and the field (:func:`check_actor_rows`).

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
quoted except in dates, which are read as written. Each entry becomes rows of the CSV
format, checked by the same schema as a CSV file's (an error names the entry, and the
role, instead of the line) and read as above.

The packaged ``countries.csv`` uses its own compact header
``iso3,name,aliases,adjectives,demonyms,capitals,seats`` (``|``-separated lists; a seat
may carry a role, "Pentagon=MIL").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import yaml

from accord.coding.kb.records import KINDS, ROLES, default_kind, name_key
from accord.coding.user_files import read_user_files
from accord.errors import ResourceError, UsageError

__all__ = [
    "ACTOR_COLUMNS",
    "COUNTRY_COLUMNS",
    "DATE_FORMS",
    "Source",
    "actor_rows",
    "check_actor_rows",
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
    whose first field starts with '#' are left out. The header must hold each of
    ``columns`` once and nothing else, and a row no more values than the header."""
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(reader.fieldnames or ())
    want = ", ".join(columns)
    missing = [c for c in columns if c not in header]
    if missing:
        raise UsageError(
            f"missing column(s) {', '.join(missing)}; want {','.join(columns)}", origin=origin
        )
    for number, column in enumerate(header, start=1):
        if column not in columns:
            named = (
                f"unknown column {column!r}" if column.strip() else f"column {number} has no name"
            )
            raise UsageError(f"line 1: {named}; columns are {want}", origin=origin)
        if header.index(column) != number - 1:
            raise UsageError(f"line 1: column {column!r} twice", origin=origin)
    for row in reader:
        rest = row.pop(None, None)  # the values past the header's columns
        extra = [str(v) for v in rest] if isinstance(rest, list) else []
        values = {k: (v or "") for k, v in row.items()}
        if values[columns[0]].lstrip().startswith("#"):
            continue
        if any(v.strip() for v in extra):
            raise UsageError(
                f"line {reader.line_num}: {len(header) + len(extra)} fields where the header "
                f"has {len(header)}: a value after {header[-1]!r} has no column",
                origin=origin,
            )
        if any(v.strip() for v in values.values()):
            yield f"line {reader.line_num}", values


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


# -- the one schema of an actor file, CSV and YAML alike ---------------------------------------

DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"
_DATE_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def check_actor_rows(
    rows: Iterable[tuple[str, dict[str, str]]], origin: str, *, dictionary: bool = False
) -> list[tuple[str, dict[str, str]]]:
    """The rows of one actor file (CSV rows, or YAML entries made into them), checked by
    the format of the module docstring; a usage error names the file (``origin``), the
    row's location ("line 7", "entry 2 ('Jane Doe'), role 1") and the field.

    A row: only the format's fields; a known ``kind`` and ``role``; a pattern or a name;
    ``start`` and ``end`` blank or dates (:data:`DATE_FORMS`), the end after the start
    (it is exclusive), and dates only with a code (an agent's role makes its code). An
    actor, the rows of the file with one kind and name: a code on one of them, dated or
    not, a role for an agent or a home country for a person.

    ``dictionary``: the rows come from an all-capital PETRARCH or Phoenix dictionary (the
    packaged ``phoenix_actors.csv``, a ``--dictionaries`` folder), whose dated codes are
    kept as the dictionary has them, an end before its start included (six in Phoenix:
    codes never in force)."""
    checked: list[tuple[str, dict[str, str]]] = []
    first: dict[tuple[str, str], tuple[str, str]] = {}  # actor: its first row, its name
    coded: set[tuple[str, str]] = set()
    for where, row in rows:
        try:
            name, kind, has_code = _check_row(row, dictionary)
        except ValueError as exc:
            raise UsageError(f"{where}: {exc}", origin=origin) from exc
        key = (kind, name_key(name))
        first.setdefault(key, (where, name))
        if has_code:
            coded.add(key)
        checked.append((where, row))
    for key, (where, name) in first.items():
        if key not in coded:
            raise UsageError(
                f"{where}: missing code: field 'code' is blank and {name!r} has no code "
                "elsewhere in the file; an actor needs a code, dated codes, a role if it is "
                "an agent or a home country if it is a person",
                origin=origin,
            )
    return checked


def _check_row(row: dict[str, str], dictionary: bool) -> tuple[str, str, bool]:
    """A row's actor name and kind, and whether it gives the actor a code (a role word's
    role and a person's home country count); ValueError naming the field if it is bad."""
    unknown = [k for k in row if k not in ACTOR_COLUMNS]
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}; fields are {', '.join(ACTOR_COLUMNS)}")
    code = row.get("code", "").strip().upper()
    role = row.get("role", "").strip().upper()
    kind = row.get("kind", "").strip().lower() or default_kind(code)
    if kind not in KINDS:
        raise ValueError(
            f"unknown kind {kind!r} in field 'kind'; kinds are {', '.join(sorted(KINDS))}"
        )
    if role and role not in ROLES:
        raise ValueError(f"unknown role {role!r} in field 'role'")
    patterns = [p.strip() for p in row.get("pattern", "").split("|") if p.strip()]
    name = row.get("name", "").strip() or (patterns[0] if patterns else "")
    if not name:
        raise ValueError("no name: fields 'pattern' and 'name' are blank")
    start, end = _row_date(row, "start"), _row_date(row, "end")
    if start is not None and end is not None and end <= start and not dictionary:
        raise ValueError(
            f"end {row['end'].strip()!r} is not after start {row['start'].strip()!r} in field "
            "'end' (the end is exclusive: the first day out of the role)"
        )
    if not code and kind == "agent" and role:
        code = "---" + role
    if not code and (start is not None or end is not None):
        field = "start" if start is not None else "end"
        raise ValueError(f"field {field!r} is given but 'code' is blank: dates bound a code")
    has_country = bool(row.get("country", "").strip())
    return name, kind, bool(code) or (kind == "person" and has_country)


def _row_date(row: dict[str, str], field: str) -> dt.date | None:
    raw = row.get(field, "").strip()
    if not raw:
        return None
    match = _DATE_FORM.fullmatch(raw)
    if match is not None:
        year, month, day = match.groups()
        try:
            return dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass  # 2024-02-30, 2024-13
    raise ValueError(f"bad date {raw!r} in field {field!r}; want {DATE_FORMS}")


# -- YAML -----------------------------------------------------------------------------

_YAML_FIELDS = ("name", "names", "kind", "code", "country", "role", "roles")
_YAML_ROLE_FIELDS = ("code", "role", "start", "end")


def is_yaml(origin: str) -> bool:
    """Whether an actor file is YAML, by its name (``.yaml`` / ``.yml``)."""
    return origin.lower().endswith((".yaml", ".yml"))


def actor_rows(
    text: str, origin: str, *, dictionary: bool = False
) -> Iterator[tuple[str, dict[str, str]]]:
    """The rows of an actor file, CSV or YAML (by its name), each with its location,
    checked by the one schema (:func:`check_actor_rows`; ``dictionary``: an all-capital
    PETRARCH or Phoenix dictionary, read as it is)."""
    rows = read_yaml(text, origin) if is_yaml(origin) else read_csv(text, ACTOR_COLUMNS, origin)
    return iter(check_actor_rows(rows, origin, dictionary=dictionary))


def read_yaml(text: str, origin: str) -> Iterator[tuple[str, dict[str, str]]]:
    """The entries of a YAML actor file as rows of the CSV format (see the module
    docstring), each with its location ("entry 2 ('Jane Doe'), role 1")."""
    try:
        data: object = yaml.load(text, Loader=_ActorLoader)
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
        raise ValueError(f"{where}: missing code: a role needs its field 'code'")
    row = {
        "code": code,
        "role": _text(where, span, "role"),
        "start": _date_text(where, span, "start"),
        "end": _date_text(where, span, "end"),
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


def _date_text(where: str, mapping: dict[object, object], key: str) -> str:
    """A YAML date value as written (2024-01-15, 2024-01 or 2024), for the schema to
    check like a CSV field; a value of another type is a bad date."""
    value = mapping.get(key)
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value
    raise ValueError(f"{where}: bad date {value!r} in field {key!r}; want {DATE_FORMS}")


class _ActorLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a date stays the text it was written as, for the
    one schema to check its form as in a CSV file ('2024-1-5' is a YAML date, not one of
    the format's); a date that is no day of the calendar still fails (``_bad_timestamp``)."""


def _timestamp_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise yaml.constructor.ConstructorError(None, None, "a date must be a scalar")
    loader.construct_yaml_timestamp(node)  # ValueError for 2024-02-30
    return str(loader.construct_scalar(node))


_ActorLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_text)


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
        for key, scalar in _scalars(node):
            if scalar.tag != "tag:yaml.org,2002:timestamp":
                continue
            try:
                constructor.construct_yaml_timestamp(scalar)
            except ValueError as bad:
                name = _node_name(node)
                where = f"entry {number}" + (f" ({name!r})" if name else "")
                line = scalar.start_mark.line + 1
                field = f" in field {key!r}" if key else ""
                return (
                    f"{where}, line {line}: bad date {scalar.value!r}{field} ({bad}); "
                    f"want {DATE_FORMS}"
                )
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


def _scalars(node: yaml.Node | None, key: str = "") -> Iterator[tuple[str, yaml.ScalarNode]]:
    """The scalars under a node, each with the key of the mapping that holds it ('' for
    none)."""
    if isinstance(node, yaml.ScalarNode):
        yield key, node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, key)
    elif isinstance(node, yaml.MappingNode):
        for k, value in node.value:
            yield from _scalars(k)
            yield from _scalars(value, str(k.value) if isinstance(k, yaml.ScalarNode) else "")
