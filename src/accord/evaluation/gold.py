"""Gold-standard sets: reading the project's gold JSONL files into frozen records.

Three kinds of set exist. *Event* sets hold one sentence (or story) per record with the events
a human (or, for silver sets, a prompt) assigned to it; *actor* sets hold actor-resolution
expectations (a piece of text, maybe a context and a date, and what it should resolve to);
*document* sets (``docgold``) hold, per article of a corpus, the interactions a coder must find
(*required*) and those it must not print (*forbidden*), with a last line listing the articles
skipped as non-political.

The loader never guesses silently: a record that cannot be read raises
:class:`accord.errors.MalformedRecord` naming the file and line, and oddities that do not stop
scoring (an unparseable date, an expectation shape it cannot score) become ``warnings`` on the set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from accord.errors import EmptyInput, InputError, MalformedRecord
from accord.evaluation.reference import ForbiddenRule, RequiredRule

SetKind = Literal["events", "actors", "documents", "corpus"]
Family = Literal[
    "cameo_codebook",
    "cameo",
    "petrarch",
    "plover",
    "plover_silver",
    "ngec_actors",
    "docgold",
    "nonpolitical",
]


_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%B %d %Y")

# Actor-resolution tasks whose expectations a (country, role) resolver cannot answer.
UNSCORED_TASKS = frozenset({"query_wiki"})
# Role placeholders in the NGEC expectations that mean "unspecified": never scored.
_UNSCORABLE_ROLES = frozenset({"????"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event. ``None`` in an actor field means "not coded", never "no actor"."""

    source: str | None
    target: str | None
    code: str | None
    """Full CAMEO code as written in the gold (may be a non-CAMEO test code), or None."""
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    line: int
    text: str
    date: dt.date | None
    date_raw: str | None
    events: tuple[GoldEvent, ...]
    evaluate: bool = True
    """False for PETRARCH records that the original test suite did not evaluate."""
    actors: str | None = None
    """'real' or 'fictional' where the set says so."""
    non_cameo: bool = False
    """True where the record uses test event codes that are not in CAMEO."""
    category: str | None = None
    expects_error: bool = False
    """True for PETRARCH records that expect PETRARCH's own input error (a bad parse, a
    discarded story): not scored, as the reference scorer does not score them."""


@dataclass(frozen=True, slots=True)
class CountryExpectation:
    """What the resolved country must be: equal to, different from, or one of some codes.

    An ``eq`` expectation with an empty value means "no country".
    """

    op: Literal["eq", "not_eq", "in"]
    values: tuple[str, ...]

    def accepts(self, country: str | None) -> bool:
        got = (country or "").strip().upper()
        if self.op == "eq":
            return got == self.values[0]
        if self.op == "not_eq":
            return got != self.values[0]
        return got in self.values

    def describe(self) -> str:
        if self.op == "eq":
            return self.values[0] or "(none)"
        if self.op == "not_eq":
            return f"not {self.values[0]}"
        return "one of " + "/".join(v or "(none)" for v in self.values)


@dataclass(frozen=True, slots=True)
class ActorCase:
    """One actor-resolution expectation. ``None`` in an expectation field means "not scored"."""

    id: str
    line: int
    task: str
    text: str
    context: str | None
    date: dt.date | None
    date_raw: str | None
    country: CountryExpectation | None
    roles: tuple[str, ...] | None
    """Accepted roles; ``()`` means "no role expected"; None means roles are not scored."""
    expects_null: bool
    """True where the text should not resolve to any actor."""
    wiki: str | None
    """Expected Wikipedia title (reported, not scored)."""

    @property
    def scored(self) -> bool:
        return self.task not in UNSCORED_TASKS and (
            self.country is not None or self.roles is not None or self.expects_null
        )


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """Where a required interaction happened, as the article states it."""

    place: str | None
    country: str | None
    basis: str | None
    """'sentence', 'dateline', 'context' or 'none'."""


@dataclass(frozen=True, slots=True)
class RequiredItem:
    what: str
    rule: RequiredRule
    location: GoldLocation | None = None


@dataclass(frozen=True, slots=True)
class ForbiddenItem:
    what: str
    rule: ForbiddenRule


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One article of a document-level set: what must be found, what must not be printed."""

    id: str
    line: int
    date: dt.date | None
    required: tuple[RequiredItem, ...]
    forbidden: tuple[ForbiddenItem, ...]


@dataclass(frozen=True, slots=True)
class SkippedDocument:
    """An article the document-level gold skips as non-political: every event printed for
    it is a false event."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class GoldSet:
    name: str
    """The file's stem, e.g. 'plover_examples_dev'; used as the prefix of floor keys."""
    path: str
    kind: SetKind
    family: Family
    digest: str
    """sha256 of the file's bytes, so that a report names exactly what it scored."""
    records: tuple[GoldRecord, ...] = ()
    cases: tuple[ActorCase, ...] = ()
    warnings: tuple[str, ...] = ()
    documents: tuple[GoldDocument, ...] = ()
    skipped: tuple[SkippedDocument, ...] = ()

    def __len__(self) -> int:
        if self.kind == "documents":
            return len(self.documents)
        return len(self.records) if self.kind == "events" else len(self.cases)


def parse_gold_date(raw: str | None, today: dt.date) -> dt.date | None:
    """Parse a gold date: None, 'Today' (any case), ISO or a written-out day-month-year.

    Raises ValueError for anything else.
    """
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if text.lower() == "today":
        return today
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognised date {raw!r}")


def load_gold(
    path: Path | str,
    *,
    family: Family | None = None,
    today: dt.date | None = None,
) -> GoldSet:
    """Read a gold JSONL file; detect its kind and family unless ``family`` is given.

    ``today`` is the date that 'Today' in actor-resolution records stands for (default: the
    real today).
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror or exc}", origin=str(p)) from exc
    rows = _parse_lines(data, str(p))
    if not rows:
        raise EmptyInput("gold file holds no records", origin=str(p))
    digest = hashlib.sha256(data).hexdigest()
    name = p.name.removesuffix(".jsonl").removesuffix(".json")
    if any("doc" in row or "skipped" in row for _, row in rows):
        if family not in (None, "docgold"):
            raise MalformedRecord(f"family {family!r} does not fit a document set", origin=str(p))
        return _document_set(name, str(p), digest, rows)
    is_actor = ["expected" in row and "events" not in row for _, row in rows]
    if any(is_actor) and not all(is_actor):
        raise MalformedRecord(
            "file mixes actor-resolution records (with 'expected') and event records",
            origin=str(p),
        )
    warnings: list[str] = []
    day = today or dt.date.today()
    if all(is_actor):
        cases = tuple(_actor_case(row, n, str(p), day, warnings) for n, row in rows)
        if family not in (None, "ngec_actors"):
            raise MalformedRecord(f"family {family!r} does not fit an actor set", origin=str(p))
        return GoldSet(name, str(p), "actors", "ngec_actors", digest, (), cases, tuple(warnings))
    records = tuple(_event_record(row, n, str(p), day, warnings) for n, row in rows)
    if family == "ngec_actors":
        raise MalformedRecord("an event set cannot be read as an actor set", origin=str(p))
    fam = family or _detect_family(name, rows, records)
    return GoldSet(name, str(p), "events", fam, digest, records, (), tuple(warnings))


def json_objects(lines: Iterable[str], origin: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The JSON objects of JSON-lines text with their line numbers; blank lines skipped, a
    line that is no JSON object an error naming ``origin`` and the line."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"invalid JSON: {exc.msg}", origin=f"{origin}:{n}") from exc
        if not isinstance(value, dict):
            raise MalformedRecord("a record must be a JSON object", origin=f"{origin}:{n}")
        yield n, cast(dict[str, Any], value)


def _parse_lines(data: bytes, origin: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedRecord(f"not UTF-8: {exc.reason}", origin=origin) from exc
    return list(json_objects(text.splitlines(), origin))


def _opt_str(row: dict[str, Any], key: str, where: str) -> str | None:
    value = row.get(key)
    if value is None or isinstance(value, str):
        return value
    raise MalformedRecord(f"field {key!r} must be a string or null", origin=where)


def _req_str(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key)
    if isinstance(value, str):
        return value
    raise MalformedRecord(f"field {key!r} must be a string", origin=where)


def _record_date(
    row: dict[str, Any], where: str, today: dt.date, warnings: list[str]
) -> tuple[dt.date | None, str | None]:
    raw = _opt_str(row, "date", where)
    try:
        return parse_gold_date(raw, today), raw
    except ValueError as exc:
        warnings.append(f"{where}: {exc}; the record is scored without a date")
        return None, raw


def _event_record(
    row: dict[str, Any], line: int, origin: str, today: dt.date, warnings: list[str]
) -> GoldRecord:
    where = f"{origin}:{line}"
    rid = row.get("id")
    if not isinstance(rid, str | int) or isinstance(rid, bool):
        raise MalformedRecord("record has no string 'id'", origin=where)
    raw_events = row.get("events")
    if not isinstance(raw_events, list):
        raise MalformedRecord("field 'events' must be a list", origin=where)
    events: list[GoldEvent] = []
    for item in raw_events:
        if not isinstance(item, dict):
            raise MalformedRecord("each event must be a JSON object", origin=where)
        ev = cast(dict[str, Any], item)
        events.append(
            GoldEvent(
                source=_opt_str(ev, "source", where),
                target=_opt_str(ev, "target", where),
                code=_opt_str(ev, "code", where),
                plover=_opt_str(ev, "plover", where),
                plover_mode=_opt_str(ev, "mode", where),
                plover_context=_opt_str(ev, "context", where),
            )
        )
    date, raw = _record_date(row, where, today, warnings)
    evaluate = row.get("evaluate", True)
    actors = _opt_str(row, "actors", where)
    return GoldRecord(
        id=str(rid),
        line=line,
        text=_req_str(row, "text", where),
        date=date,
        date_raw=raw,
        events=tuple(events),
        evaluate=evaluate is not False,
        actors=actors.strip().lower() if actors else None,
        non_cameo=row.get("non_cameo_codes") is True,
        category=_opt_str(row, "category", where),
        expects_error=bool(row.get("expects_error")),
    )


def _detect_family(
    name: str, rows: list[tuple[int, dict[str, Any]]], records: tuple[GoldRecord, ...]
) -> Family:
    lowered = name.lower()
    events = [e for r in records for e in r.events]
    if "silver" in lowered or (
        events
        and all(e.plover is not None for e in events)
        and all(e.source is None and e.target is None and e.code is None for e in events)
    ):
        return "plover_silver"
    petrarch_keys = ("evaluate", "actors", "non_cameo_codes")
    if "petrarch" in lowered or any(k in row for _, row in rows for k in petrarch_keys):
        return "petrarch"
    if any(e.plover is not None for e in events):
        return "plover"
    if "codebook" in lowered or (
        events and all(e.code is not None and e.source is None and e.target is None for e in events)
    ):
        return "cameo_codebook"
    return "cameo"


def _role_list(value: Any, where: str, warnings: list[str]) -> tuple[str, ...] | None:
    """Roles a code_1/code_2 value accepts; () = no role; None = not scorable."""
    if isinstance(value, str):
        role = value.strip().upper()
        return None if role in _UNSCORABLE_ROLES else (role,) if role else ()
    if isinstance(value, dict) and isinstance(value.get("In"), list):
        return tuple(str(v).strip().upper() for v in cast(list[Any], value["In"]))
    warnings.append(f"{where}: role expectation {value!r} is not scored")
    return None


def _country(value: Any, where: str, warnings: list[str]) -> CountryExpectation | None:
    if isinstance(value, str):
        return CountryExpectation("eq", (value.strip().upper(),))
    if isinstance(value, dict):
        spec = cast(dict[str, Any], value)
        if isinstance(spec.get("NotEq"), str):
            return CountryExpectation("not_eq", (str(spec["NotEq"]).strip().upper(),))
        if isinstance(spec.get("In"), list):
            items = cast(list[Any], spec["In"])
            return CountryExpectation("in", tuple(str(v).strip().upper() for v in items))
    warnings.append(f"{where}: country expectation {value!r} is not scored")
    return None


def _actor_case(
    row: dict[str, Any], line: int, origin: str, today: dt.date, warnings: list[str]
) -> ActorCase:
    where = f"{origin}:{line}"
    rid = row.get("id")
    if not isinstance(rid, str | int) or isinstance(rid, bool):
        raise MalformedRecord("record has no string 'id'", origin=where)
    expected = row.get("expected")
    if not isinstance(expected, dict):
        raise MalformedRecord("field 'expected' must be a JSON object", origin=where)
    exp = cast(dict[str, Any], expected)
    country = _country(exp["country"], where, warnings) if "country" in exp else None
    roles: tuple[str, ...] | None = None
    if "code_1" in exp:
        roles = _role_list(exp["code_1"], where, warnings)
        if roles and isinstance(exp.get("code_2"), str) and exp["code_2"].strip():
            roles = (*roles, exp["code_2"].strip().upper())
    expects_null = any(k in exp and exp[k] is None for k in ("resolves_to", "ret"))
    wiki = exp.get("wiki", exp.get("title"))
    date, raw = _record_date(row, where, today, warnings)
    context = _opt_str(row, "context", where)
    return ActorCase(
        id=str(rid),
        line=line,
        task=str(row.get("task") or "agent_to_code"),
        text=_req_str(row, "text", where),
        context=context if context and context.strip() else None,
        date=date,
        date_raw=raw,
        country=country,
        roles=roles,
        expects_null=expects_null,
        wiki=wiki if isinstance(wiki, str) else None,
    )


# -- document-level sets ---------------------------------------------------------------------------


def _str_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MalformedRecord(f"field {key!r} must be a list of strings", origin=where)
    return tuple(cast(list[str], value))


def _document_set(
    name: str, path: str, digest: str, rows: list[tuple[int, dict[str, Any]]]
) -> GoldSet:
    documents: list[GoldDocument] = []
    skipped: list[SkippedDocument] = []
    for line, row in rows:
        where = f"{path}:{line}"
        if "skipped" in row:
            reasons = row.get("why")
            why = cast(dict[str, Any], reasons) if isinstance(reasons, dict) else {}
            for doc_id in _str_list(row["skipped"], "skipped", where):
                skipped.append(SkippedDocument(doc_id, str(why.get(doc_id) or "")))
        elif "doc" in row:
            documents.append(_gold_document(row, line, where))
        else:
            raise MalformedRecord(
                "a document set holds 'doc' and 'skipped' lines only", origin=where
            )
    seen: set[str] = set()
    for doc_id in [d.id for d in documents] + [s.id for s in skipped]:
        if doc_id in seen:
            raise MalformedRecord(f"document {doc_id!r} appears twice", origin=path)
        seen.add(doc_id)
    return GoldSet(
        name, path, "documents", "docgold", digest,
        documents=tuple(documents), skipped=tuple(skipped),
    )  # fmt: skip


def _gold_document(row: dict[str, Any], line: int, where: str) -> GoldDocument:
    doc = row["doc"]
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
        raise MalformedRecord("field 'doc' must be an object with a string 'id'", origin=where)
    head = cast(dict[str, Any], doc)
    raw_date = _opt_str(head, "date", where)
    try:
        date = dt.date.fromisoformat(raw_date) if raw_date else None
    except ValueError as exc:
        raise MalformedRecord(f"bad document date {raw_date!r}", origin=where) from exc
    required = [_required(item, where) for item in _objects(row.get("required", []), where)]
    forbidden = [_forbidden(item, where) for item in _objects(row.get("forbidden", []), where)]
    return GoldDocument(str(head["id"]), line, date, tuple(required), tuple(forbidden))


def _objects(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise MalformedRecord("'required' and 'forbidden' must be lists of objects", origin=where)
    return cast(list[dict[str, Any]], value)


def _required(item: dict[str, Any], where: str) -> RequiredItem:
    loc = item.get("location")
    location = None
    if isinstance(loc, dict):
        spec = cast(dict[str, Any], loc)
        location = GoldLocation(
            _opt_str(spec, "place", where),
            _opt_str(spec, "country", where),
            _opt_str(spec, "basis", where),
        )
    rule = RequiredRule(
        source=_req_str(item, "source", where),
        target=_opt_str(item, "target", where),
        symmetric=bool(item.get("symmetric")),
        roots=_str_list(item.get("roots"), "roots", where),
    )
    return RequiredItem(str(item.get("what") or ""), rule, location)


def _forbidden(item: dict[str, Any], where: str) -> ForbiddenItem:
    what = str(item.get("what") or "")
    if "sentence_contains" in item:
        strings = _str_list(item["sentence_contains"], "sentence_contains", where)
        return ForbiddenItem(what, ForbiddenRule((), (), strings))
    countries = _str_list(item.get("countries"), "countries", where)
    if len(countries) not in (1, 2):
        raise MalformedRecord("a forbidden item names one or two countries", origin=where)
    return ForbiddenItem(
        what, ForbiddenRule(countries, _str_list(item.get("roots"), "roots", where))
    )
