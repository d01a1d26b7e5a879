"""Building the knowledge base's tables from actor files: rows are validated and pooled
per actor (kind + name), later files override earlier ones, and the result is frozen
into :class:`ActorRecord` and :class:`PatternRecord` tables. The file formats are
described in :mod:`accord.coding.kb.files`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from accord.coding.kb.files import COUNTRY_COLUMNS, Source, actor_rows, read_csv
from accord.coding.kb.records import (
    KINDS,
    NATIONAL_NGO_PREFIX,
    ROLES,
    ActorRecord,
    PatternRecord,
    RoleSpan,
    code_role,
    default_kind,
    name_key,
    span_order,
)
from accord.coding.kb.text import plurals, tokenize, word_parts, wordset
from accord.errors import ResourceError, UsageError

__all__ = ["Tables", "build_tables", "parse_date"]

Tables = tuple[tuple[ActorRecord, ...], dict[tuple[str, ...], PatternRecord], frozenset[str]]
"""(actors, patterns by their tokens, known ISO3 country codes)."""


# Short words that are also acronyms of actors ("US", "WHO", "IS"): when a pattern has
# them, the text must be in capitals too.
_ACRONYM_WORDS = wordset(
    "us who is it an as at be by do go he if in me my no of on or so to up we am are all "
    "and can may aid arm art war one top sun man men car bar ban net pan pop pro sec act "
    "fed end far few key law new now old our out own red say see she the too two use was "
    "way why yes yet you his her him its not but for had has how any day did get got let "
    "put set run sat ran per via"
)


def parse_date(raw: str) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    pieces = raw.split("-")
    try:
        if len(pieces) == 1:
            return dt.date(int(pieces[0]), 1, 1)
        if len(pieces) == 2:
            return dt.date(int(pieces[0]), int(pieces[1]), 1)
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise ValueError(f"bad date {raw!r}") from exc


@dataclass(slots=True)
class _ActorDraft:
    name: str
    kind: str
    patterns: list[tuple[str, bool]] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    spans: list[RoleSpan] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _FileData:
    origin: str
    upper_case_source: bool
    actors: dict[tuple[str, str], _ActorDraft] = field(default_factory=dict)


def _split_list(raw: str) -> list[str]:
    return [p.strip() for p in raw.split("|") if p.strip()]


class _Builder:
    """Accumulates files in order and produces the immutable tables."""

    def __init__(self, countries: frozenset[str]) -> None:
        self.countries = countries
        self.files: list[_FileData] = []

    # codes
    def country_of(self, code: str) -> str | None:
        head = code[:3]
        if head in self.countries:
            return head
        if head == NATIONAL_NGO_PREFIX and code[3:6] in self.countries:
            return code[3:6]  # "NGOUSAHRI" (the ACLU): an NGO of that country
        return None

    def role_of(self, code: str) -> str | None:
        return code_role(code)

    # readers
    def add_actor_rows(
        self, rows: Iterable[tuple[str, Mapping[str, str]]], origin: str, upper: bool
    ) -> None:
        """Rows in the CSV format, each with its location in the file ("line 7")."""
        data = _FileData(origin, upper)
        for where, row in rows:
            try:
                self._add_row(data, row)
            except (ValueError, KeyError) as exc:
                raise UsageError(f"{where}: {exc}", origin=origin) from exc
        self.files.append(data)

    def _add_row(self, data: _FileData, row: Mapping[str, str]) -> None:
        patterns = _split_list(row.get("pattern") or "")
        code = (row.get("code") or "").strip().upper()
        country = (row.get("country") or "").strip().upper() or None
        role = (row.get("role") or "").strip().upper() or None
        kind = (row.get("kind") or "").strip().lower() or default_kind(code)
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        name = (row.get("name") or "").strip() or (patterns[0] if patterns else "")
        if not name:
            raise ValueError("a row needs a pattern or a name")
        start = parse_date(row.get("start") or "")
        end = parse_date(row.get("end") or "")
        if kind == "agent" and not code:
            if role is None:
                raise ValueError(f"agent {name!r} needs a role or a code")
            code = "---" + role
        if role is not None and role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        if (
            code
            and role is not None
            and self.role_of(code) != role
            and len(code) <= 6
            and (code[:3] in self.countries or code[:3] == "---" or len(code) == 3)
        ):
            code = (code[:3] if len(code) >= 3 else "---") + role
        key = (kind, name_key(name))
        draft = data.actors.get(key)
        if draft is None:
            draft = data.actors[key] = _ActorDraft(name=name, kind=kind)
        for p in patterns:
            draft.patterns.append((p, data.upper_case_source))
        if country is not None and not code:
            draft.country = country
        if code:
            if role is not None and self.role_of(code) != role:
                draft.roles[code] = role
            if start is None and end is None:
                draft.code = code
            else:
                draft.spans.append(RoleSpan(code, start, end))
            if country is not None and draft.country is None and kind != "person":
                draft.country = country

    def add_country_rows(self, rows: Iterable[tuple[str, Mapping[str, str]]], origin: str) -> None:
        out: list[tuple[str, dict[str, str]]] = []
        for where, row in rows:
            iso = (row.get("iso3") or "").strip().upper()
            name = (row.get("name") or "").strip()
            if len(iso) != 3 or not name:
                raise UsageError(f"{where}: a country needs iso3 and name", origin=origin)
            names = [name, *_split_list(row.get("aliases") or "")]
            names += _split_list(row.get("adjectives") or "")
            names += _split_list(row.get("demonyms") or "")
            out.append(
                (
                    where,
                    {
                        "pattern": "|".join(names),
                        "code": iso,
                        "country": iso,
                        "name": name,
                        "kind": "country",
                    },
                )
            )
            capitals = _split_list(row.get("capitals") or "")
            if capitals:
                out.append(
                    (
                        where,
                        {
                            "pattern": "|".join(capitals),
                            "code": iso + "GOV",
                            "country": iso,
                            "name": f"{name} (capital)",
                            "kind": "capital",
                        },
                    )
                )
            for seat in _split_list(row.get("seats") or ""):
                pattern, _, seat_role = seat.partition("=")
                seat_role = seat_role.strip().upper() or "GOV"
                out.append(
                    (
                        where,
                        {
                            "pattern": pattern.strip(),
                            "code": iso + seat_role,
                            "country": iso,
                            "role": seat_role,
                            "name": f"{name} ({pattern.strip()})",
                            "kind": "capital",
                        },
                    )
                )
        self.add_actor_rows(out, origin, upper=False)

    # freezing
    def freeze(self) -> tuple[tuple[ActorRecord, ...], dict[tuple[str, ...], PatternRecord]]:
        owner: dict[tuple[str, str], int] = {}
        drafts: list[tuple[int, _ActorDraft]] = []
        for layer, data in enumerate(self.files):
            for key, draft in data.actors.items():
                owner[key] = layer
                drafts.append((layer, draft))
        actors: list[ActorRecord] = []
        # pattern tokens -> (layer, [actor ids]); explicit patterns first
        table: dict[tuple[str, ...], tuple[int, list[int], str, tuple[str, ...], bool]] = {}
        agent_patterns: list[tuple[int, tuple[str, ...]]] = []
        for layer, draft in drafts:
            key = (draft.kind, name_key(draft.name))
            if owner[key] != layer:
                continue  # replaced by a later file
            actor_id = len(actors)
            actors.append(self._actor(key, draft))
            seen: set[tuple[str, ...]] = set()
            for pattern, upper in draft.patterns:
                tokens, strict = self._pattern_tokens(pattern, upper, draft.kind)
                if not tokens or tokens in seen:
                    continue
                seen.add(tokens)
                if draft.kind == "agent":
                    agent_patterns.append((actor_id, tokens))
                current = table.get(tokens)
                if current is None or current[0] < layer:
                    table[tokens] = (layer, [actor_id], pattern, strict, draft.kind == "agent")
                elif current[0] == layer:
                    current[1].append(actor_id)
        # regular plurals of role words, unless the plural is a pattern already
        for actor_id, tokens in reversed(agent_patterns):
            current = table.get(tokens)
            if current is None or actor_id not in current[1]:
                continue  # hidden by a later file
            for plural in plurals(tokens[-1]):
                ptoks = (*tokens[:-1], plural)
                if ptoks not in table:
                    flags = (*current[3][:-1], current[3][-1])
                    table[ptoks] = (-1, [actor_id], " ".join(ptoks), flags, True)
        patterns = {
            toks: PatternRecord(toks, strict, display, tuple(ids), agent)
            for toks, (_, ids, display, strict, agent) in table.items()
        }
        return tuple(actors), patterns

    def _actor(self, key: tuple[str, str], draft: _ActorDraft) -> ActorRecord:
        country = draft.country
        if country is None:
            codes = [draft.code] if draft.code else []
            codes += [s.code for s in sorted(draft.spans, key=span_order, reverse=True)]
            for code in codes:
                if code and self.country_of(code):
                    country = self.country_of(code)
                    break
        spans = tuple(sorted(draft.spans, key=span_order))
        roles = tuple(sorted(draft.roles.items()))
        return ActorRecord(key, draft.name, draft.kind, draft.code, country, spans, roles)

    @staticmethod
    def _pattern_tokens(
        pattern: str, upper_source: bool, kind: str
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Normalised tokens of a pattern and, per token, a case constraint on the text:
        '' none, 'U' all capitals ("US", "WHO"), 'C' capitalised ("General" as a
        title, not "in general"), or '=Form' exactly that form ("PiS", not "PIs")."""
        toks: list[str] = []
        flags: list[str] = []
        for w in tokenize(pattern):
            for norm, raw in word_parts(w):
                toks.append(norm)
                flags.append(_case_flag(norm, raw, upper_source, kind))
        if toks and toks[0] == "the" and len(toks) > 1:
            toks, flags = toks[1:], flags[1:]
        if upper_source and len(toks) > 1:
            # in a longer all-capital name a short word is just a word ("ALL INDIA ..."),
            # except "US" ("US CONGRESS")
            flags = [
                "U" if f == "U" and tok == "us" else "" for f, tok in zip(flags, toks, strict=True)
            ]
        return tuple(toks), tuple(flags)


def _case_flag(norm: str, raw: str, upper_source: bool, kind: str) -> str:
    if not raw or not raw.isalpha():
        return ""
    if upper_source:  # all-capital dictionaries: only the acronym-like common words
        return "U" if kind not in ("person", "agent") and norm in _ACRONYM_WORDS else ""
    if kind == "agent":
        return "C" if raw[:1].isupper() and raw[1:].islower() and len(raw) > 1 else ""
    if raw.isupper():
        return "U" if len(norm) <= 3 or norm in _ACRONYM_WORDS else ""
    if len(raw) <= 4 and raw[:1].isupper() and any(c.isupper() for c in raw[1:]):
        return "=" + raw
    return ""


def build_tables(sources: Sequence[Source]) -> Tables:
    """Read (origin, schema, file text, upper-case source) tuples, in order."""
    countries: set[str] = set()
    for origin, schema, text, _ in sources:
        if schema == "countries":
            for _, row in read_csv(text, COUNTRY_COLUMNS, origin):
                countries.add(row["iso3"].strip().upper())
    builder = _Builder(frozenset(countries))
    for origin, schema, text, upper in sources:
        if schema == "countries":
            builder.add_country_rows(read_csv(text, COUNTRY_COLUMNS, origin), origin)
        elif schema == "actors":
            builder.add_actor_rows(actor_rows(text, origin, dictionary=upper), origin, upper)
        else:
            raise ResourceError(f"{origin}: unknown schema {schema!r}")
    actors, patterns = builder.freeze()
    return actors, patterns, frozenset(countries)
