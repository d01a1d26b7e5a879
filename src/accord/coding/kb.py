"""The actor knowledge base: names of countries, capitals, organisations, armed groups,
people (with dated roles) and role words ("agents"), resolved to CAMEO-style codes.

The packaged data (``accord/data/actors``) is listed in ``manifest.json``, which also
carries the data ``version``. Files are read in the manifest's order, then any user
files given to :meth:`ActorKB.load`; a later file overrides an earlier one (see below).

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

How a person resolves on a date: the dated role valid on that date (a non-ELI role is
preferred, then the latest appointment); otherwise the person's undated code; otherwise
their country with role ELI (former official / elite); for people without a country,
their last known code. ``date=None`` means today.

Overriding: an actor in a later file replaces an earlier actor with the same kind and
name, and a pattern in a later file hides the same pattern in earlier files. Within one
file a pattern may name several actors (e.g. "Bush"); the one holding a role on the
date wins.

The packaged ``countries.csv`` uses its own compact header
``iso3,name,aliases,adjectives,demonyms,capitals,seats`` (``|``-separated lists; a seat
may carry a role, "Pentagon=MIL").
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from accord.errors import ResourceError, UsageError

__all__ = [
    "ROLES",
    "ActorEntry",
    "ActorKB",
    "KBMatch",
    "Mention",
    "RoleSpan",
    "code_role",
    "normalize_phrase",
    "tokenize",
]


def _wordset(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


ROLES: frozenset[str] = _wordset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG MED EDU BUS CRM CVL ELI LAB HLH REF AGR DEV HRI "
    "ENV NGO IGO MNC UAF INS SEP RAD MOD REL IMG PRM PRE"
)
"""CAMEO role codes the knowledge base knows about, plus PRM (pro-government militia)
and PRE (partially recognised or breakaway state: Abkhazia, Somaliland, ...)."""

KINDS: frozenset[str] = frozenset({"country", "capital", "igo", "group", "person", "agent"})
ACTOR_COLUMNS = ("pattern", "code", "country", "role", "name", "kind", "start", "end")
COUNTRY_COLUMNS = ("iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "seats")


# Short words that are also acronyms of actors ("US", "WHO", "IS"): when a pattern has
# them, the text must be in capitals too.
_ACRONYM_WORDS = _wordset(
    "us who is it an as at be by do go he if in me my no of on or so to up we am are all "
    "and can may aid arm art war one top sun man men car bar ban net pan pop pro sec act "
    "fed end far few key law new now old our out own red say see she the too two use was "
    "way why yes yet you his her him its not but for had has how any day did get got let "
    "put set run sat ran per via"
)
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u00df": "ss",
        "\u0111": "d",
        "\u0110": "D",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u0131": "i",
        "\u00fe": "th",
        "\u00f0": "d",
    }
)
_TOKEN_RE = re.compile(r"\w+(?:[.'\u2019]\w+)*\.?|[^\w\s]")
_POSSESSIVE = "'s"
_IRREGULAR_SINGULAR = MappingProxyType(
    {
        "men": "man",
        "women": "woman",
        "people": "person",
        "children": "child",
        "police": "police",
        "staff": "staff",
        "personnel": "personnel",
        "media": "media",
        "clergy": "clergy",
        "militia": "militia",
        "news": "news",
        "series": "series",
        "chiefs": "chief",
        "thieves": "thief",
        "wives": "wife",
        "lives": "life",
    }
)


def code_role(code: str) -> str | None:
    """The CAMEO role in an actor code: 'RUSGOV' -> 'GOV', '---COP' -> 'COP',
    'IGOUNOJUDICJ' -> 'JUD' (the first role among its 3-letter parts), 'NGO...' -> 'NGO'."""
    if code.startswith("NGO"):
        return "NGO"
    if code.startswith("IGO"):
        for i in range(3, len(code) - 2, 3):
            if code[i : i + 3] in ROLES:
                return code[i : i + 3]
        return None
    role = code[3:6]
    return role if role in ROLES else None


# -- public records -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A knowledge-base actor as of one date."""

    pattern: str
    code: str
    country: str | None
    role: str | None
    name: str
    kind: str
    """country | capital | igo | group | person | agent"""


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A code held from ``start`` (inclusive) to ``end`` (exclusive); None is open."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def contains(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True, slots=True)
class KBMatch:
    length: int
    """Number of ``words`` consumed, from ``start``."""
    entry: ActorEntry


# -- text normalisation ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tok:
    norm: str
    word: int
    raw: str
    """Surface form (dots and quotes dropped); '' for punctuation."""

    @property
    def upper(self) -> bool:
        return self.raw.isupper()

    @property
    def cap(self) -> bool:
        return self.raw[:1].isupper() or self.raw[:1].isdigit()


def _fold(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'")
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _parts(word: str) -> list[tuple[str, str]]:
    """Normalised pieces of one word: (form, surface form without dots and quotes)."""
    if word.isalnum() and word.isascii():
        return [(word.lower(), word)]
    out: list[tuple[str, str]] = []
    for piece in _fold(word).split("-"):
        if not piece:
            continue
        low = piece.lower()
        if low in ("'s", "'"):
            out.append((_POSSESSIVE, ""))
            continue
        possessive = False
        if len(low) > 2 and low.endswith("'s"):
            piece, possessive = piece[:-2], True
        elif len(low) > 2 and low.endswith("s'"):
            piece, possessive = piece[:-1], True
        core = piece.replace(".", "").replace("'", "")
        if core:
            out.append((core.lower(), core if core.isalnum() else ""))
        if possessive:
            out.append((_POSSESSIVE, ""))
    return out


def tokenize(text: str) -> list[str]:
    """Split a short phrase into words roughly as spaCy would ("U.S." stays whole)."""
    return _TOKEN_RE.findall(text)


def normalize_phrase(text: str) -> tuple[str, ...]:
    """The normalised token sequence used as a knowledge-base key."""
    return tuple(p[0] for w in tokenize(text) for p in _parts(w))


def _stream(words: Sequence[str], start: int, limit: int) -> list[_Tok]:
    out: list[_Tok] = []
    i = start
    while i < len(words) and len(out) < limit:
        word = words[i]
        if word == "." and not _abbreviation(words[i - 1] if i > 0 else ""):
            out.append(_Tok(".", i, ""))  # a full stop ends any match
        else:
            for norm, raw in _parts(word):
                out.append(_Tok(norm, i, raw))
        i += 1
    return out


def _abbreviation(word: str) -> bool:
    """'Lt', 'Gen', 'St', 'U.S': a word that a separate '.' token abbreviates."""
    core = word.replace(".", "")
    return 0 < len(core) <= 4 and core.isalpha() and word[:1].isupper()


def _singular(tok: str) -> str | None:
    if tok in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[tok]
    if tok.endswith("men") and len(tok) > 4:
        return tok[:-3] + "man"
    if tok.endswith("people") and len(tok) > 6:
        return tok[:-6] + "person"
    if tok.endswith("ies") and len(tok) > 4:
        return tok[:-3] + "y"
    if tok.endswith(("ches", "shes", "sses", "xes", "zes")):
        return tok[:-2]
    if tok.endswith("s") and not tok.endswith(("ss", "us", "is")) and len(tok) > 3:
        return tok[:-1]
    return None


def _plurals(tok: str) -> list[str]:
    if tok.endswith("man") and len(tok) > 3:
        return [tok[:-3] + "men"]
    if tok.endswith("person"):
        return [tok[:-6] + "people", tok + "s"]
    if len(tok) < 3 or (tok.endswith(("ss", "us", "is")) and not tok.endswith("ss")):
        return []
    if tok.endswith("y") and tok[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [tok[:-1] + "ies"]
    if tok.endswith(("s", "x", "z", "ch", "sh")):
        return [tok + "es"]
    return [tok + "s"]


def _parse_date(raw: str) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    parts = raw.split("-")
    try:
        if len(parts) == 1:
            return dt.date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 1)
        return dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise ValueError(f"bad date {raw!r}") from exc


# -- loading ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Actor:
    key: tuple[str, str]
    name: str
    kind: str
    code: str | None
    """Undated (default) code."""
    country: str | None
    """Home country: given explicitly or taken from the codes."""
    spans: tuple[RoleSpan, ...]
    roles: tuple[tuple[str, str], ...] = ()
    """Explicit roles for codes whose role cannot be read off the code ("IGOEUREEC")."""


@dataclass(frozen=True, slots=True)
class _Pattern:
    tokens: tuple[str, ...]
    strict: tuple[str, ...]
    display: str
    actors: tuple[int, ...]
    agent: bool


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
        return None

    def role_of(self, code: str) -> str | None:
        return code_role(code)

    # readers
    def add_actor_rows(
        self, rows: Iterable[tuple[int, Mapping[str, str]]], origin: str, upper: bool
    ) -> None:
        data = _FileData(origin, upper)
        for line, row in rows:
            try:
                self._add_row(data, row)
            except (ValueError, KeyError) as exc:
                raise UsageError(f"line {line}: {exc}", origin=origin) from exc
        self.files.append(data)

    def _add_row(self, data: _FileData, row: Mapping[str, str]) -> None:
        patterns = _split_list(row.get("pattern") or "")
        code = (row.get("code") or "").strip().upper()
        country = (row.get("country") or "").strip().upper() or None
        role = (row.get("role") or "").strip().upper() or None
        kind = (row.get("kind") or "").strip().lower() or (
            "igo" if code.startswith("IGO") else "group"
        )
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        name = (row.get("name") or "").strip() or (patterns[0] if patterns else "")
        if not name:
            raise ValueError("a row needs a pattern or a name")
        start = _parse_date(row.get("start") or "")
        end = _parse_date(row.get("end") or "")
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
        key = (kind, _name_key(name))
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

    def add_country_rows(self, rows: Iterable[tuple[int, Mapping[str, str]]], origin: str) -> None:
        out: list[tuple[int, dict[str, str]]] = []
        for line, row in rows:
            iso = (row.get("iso3") or "").strip().upper()
            name = (row.get("name") or "").strip()
            if len(iso) != 3 or not name:
                raise UsageError(f"line {line}: a country needs iso3 and name", origin=origin)
            names = [name, *_split_list(row.get("aliases") or "")]
            names += _split_list(row.get("adjectives") or "")
            names += _split_list(row.get("demonyms") or "")
            out.append(
                (
                    line,
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
                        line,
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
                        line,
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
    def freeze(self) -> tuple[tuple[_Actor, ...], dict[tuple[str, ...], _Pattern]]:
        owner: dict[tuple[str, str], int] = {}
        drafts: list[tuple[int, _ActorDraft]] = []
        for layer, data in enumerate(self.files):
            for key, draft in data.actors.items():
                owner[key] = layer
                drafts.append((layer, draft))
        actors: list[_Actor] = []
        # pattern tokens -> (layer, [actor ids]); explicit patterns first
        table: dict[tuple[str, ...], tuple[int, list[int], str, tuple[str, ...], bool]] = {}
        agent_patterns: list[tuple[int, tuple[str, ...]]] = []
        for layer, draft in drafts:
            key = (draft.kind, _name_key(draft.name))
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
            for plural in _plurals(tokens[-1]):
                ptoks = (*tokens[:-1], plural)
                if ptoks not in table:
                    flags = (*current[3][:-1], current[3][-1])
                    table[ptoks] = (-1, [actor_id], " ".join(ptoks), flags, True)
        patterns = {
            toks: _Pattern(toks, strict, display, tuple(ids), agent)
            for toks, (_, ids, display, strict, agent) in table.items()
        }
        return tuple(actors), patterns

    def _actor(self, key: tuple[str, str], draft: _ActorDraft) -> _Actor:
        country = draft.country
        if country is None:
            codes = [draft.code] if draft.code else []
            codes += [s.code for s in sorted(draft.spans, key=_span_order, reverse=True)]
            for code in codes:
                if code and self.country_of(code):
                    country = self.country_of(code)
                    break
        spans = tuple(sorted(draft.spans, key=_span_order))
        roles = tuple(sorted(draft.roles.items()))
        return _Actor(key, draft.name, draft.kind, draft.code, country, spans, roles)

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
            for norm, raw in _parts(w):
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


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _span_order(span: RoleSpan) -> tuple[dt.date, dt.date]:
    return (span.start or dt.date.min, span.end or dt.date.max)


def _read_csv(
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


# -- the knowledge base ---------------------------------------------------------------

_PREPOSITIONS = _wordset(
    "of at in from for to with across on near inside outside by within among over under"
)
_FORMER = frozenset({"former", "ex", "erstwhile", "retired", "onetime", "one-time"})
_NOT_NAMES = _wordset(
    "the a an of in at to from for and or with by on near sen rep gen lt col maj capt adm "
    "dr mr mrs ms prof president minister "
    # numbers and determiners that start a phrase ("Two Russians", "Many Afghans")
    "two three four five six seven eight nine ten eleven twelve twenty dozens hundreds "
    "thousands millions several some many most all both few other others these those "
    "young old ordinary local fellow top senior"
)
_OFFICE_ROLES = frozenset({"LEG", "GOV", "JUD", "MIL", "COP"})
_GENERIC_TITLES = _wordset(
    "president vice chairman chairwoman chair chairperson head leader leadership member "
    "director chief secretary spokesman spokeswoman spokesperson representative official "
    "officer deputy boss executive general manager founder coordinator"
)


class ActorKB:
    """Immutable actor knowledge base. Build it with :meth:`load`."""

    __slots__ = ("_actors", "_by_first", "_countries", "_exact", "_max_len", "_names", "version")

    version: str
    _actors: tuple[_Actor, ...]
    _by_first: Mapping[str, tuple[_Pattern, ...]]
    _exact: Mapping[tuple[str, ...], _Pattern]
    _countries: frozenset[str]
    _max_len: int
    _names: Mapping[str, tuple[int, ...]]

    def __init__(
        self,
        actors: tuple[_Actor, ...],
        patterns: Mapping[tuple[str, ...], _Pattern],
        countries: frozenset[str],
        version: str,
    ) -> None:
        first: dict[str, list[_Pattern]] = {}
        for pat in patterns.values():
            first.setdefault(pat.tokens[0], []).append(pat)
        by_first = {
            k: tuple(sorted(v, key=lambda p: (-len(p.tokens), p.agent))) for k, v in first.items()
        }
        names: dict[str, list[int]] = {}
        for i, actor in enumerate(actors):
            names.setdefault(_name_key(actor.name), []).append(i)
        setattr_ = object.__setattr__
        setattr_(self, "_actors", actors)
        setattr_(self, "_by_first", MappingProxyType(by_first))
        setattr_(self, "_exact", MappingProxyType(dict(patterns)))
        setattr_(self, "_countries", countries)
        setattr_(self, "_max_len", max((len(p.tokens) for p in patterns.values()), default=1))
        setattr_(self, "_names", MappingProxyType({k: tuple(v) for k, v in names.items()}))
        setattr_(self, "version", version)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("ActorKB is immutable")

    # -- construction -------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorKB:
        """The packaged knowledge base, extended by user CSV files (later files win)."""
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
        sources: list[tuple[str, str, str, bool]] = [
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
        try:
            return cls.from_sources(sources, version)
        except UsageError as exc:
            if exc.origin is not None and not any(exc.origin == str(p) for p in extra_files):
                raise ResourceError(str(exc)) from exc
            raise

    @classmethod
    def from_sources(cls, sources: Sequence[tuple[str, str, str, bool]], version: str) -> ActorKB:
        """Build from (origin, schema, csv text, upper-case source) tuples, in order."""
        countries: set[str] = set()
        for origin, schema, text, _ in sources:
            if schema == "countries":
                for _, row in _read_csv(text, COUNTRY_COLUMNS, origin):
                    countries.add(row["iso3"].strip().upper())
        builder = _Builder(frozenset(countries))
        for origin, schema, text, upper in sources:
            if schema == "countries":
                builder.add_country_rows(_read_csv(text, COUNTRY_COLUMNS, origin), origin)
            elif schema == "actors":
                builder.add_actor_rows(_read_csv(text, ACTOR_COLUMNS, origin), origin, upper)
            else:
                raise ResourceError(f"{origin}: unknown schema {schema!r}")
        actors, patterns = builder.freeze()
        return cls(actors, patterns, frozenset(countries), version)

    # -- basic facts ---------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of distinct patterns."""
        return len(self._exact)

    @property
    def countries(self) -> frozenset[str]:
        return self._countries

    def history(self, name: str) -> tuple[RoleSpan, ...]:
        """The dated roles of the actor(s) called ``name`` (canonical name), oldest first."""
        ids = self._names.get(_name_key(name), ())
        spans = [s for i in ids for s in self._actors[i].spans]
        return tuple(sorted(spans, key=_span_order))

    # -- resolution ------------------------------------------------------------------------

    def _country_of(self, code: str) -> str | None:
        head = code[:3]
        if head in self._countries:
            return head
        return None

    def _role_of(self, code: str) -> str | None:
        return code_role(code)

    def _code_on(self, actor: _Actor, date: dt.date) -> str:
        active = [s for s in actor.spans if s.contains(date)]
        if active:
            preferred = [s for s in active if self._role_of(s.code) != "ELI"] or active
            return max(preferred, key=_span_order).code
        if actor.code:
            return actor.code
        if actor.kind == "person":
            if actor.country is not None:
                return actor.country + "ELI"
            return max(actor.spans, key=lambda s: s.end or dt.date.max).code
        if actor.spans:
            before = [s for s in actor.spans if s.end is not None and s.end <= date]
            if before:
                return max(before, key=lambda s: s.end or dt.date.max).code
            return actor.spans[0].code
        return "---"

    def _entry(self, actor: _Actor, pattern: str, date: dt.date) -> ActorEntry:
        code = self._code_on(actor, date)
        role = self._role_of(code)
        for explicit_code, explicit_role in actor.roles:
            if explicit_code == code:
                role = explicit_role
        return ActorEntry(pattern, code, self._country_of(code), role, actor.name, actor.kind)

    def _pick(self, pat: _Pattern, date: dt.date) -> _Actor:
        if len(pat.actors) == 1:
            return self._actors[pat.actors[0]]
        best: tuple[int, dt.date, int] | None = None
        chosen = self._actors[pat.actors[0]]
        for order, i in enumerate(pat.actors):
            actor = self._actors[i]
            active = [s for s in actor.spans if s.contains(date)]
            if any(self._role_of(s.code) != "ELI" for s in active):
                score = (3, max(s.start or dt.date.min for s in active), -order)
            elif active:
                score = (2, max(s.start or dt.date.min for s in active), -order)
            else:
                past = [s.end for s in actor.spans if s.end is not None and s.end <= date]
                score = (1, max(past), -order) if past else (0, dt.date.min, -order)
            if best is None or score > best:
                best, chosen = score, actor
        return chosen

    # -- matching ------------------------------------------------------------------------

    def _case_ok(self, pat: _Pattern, toks: Sequence[_Tok]) -> bool:
        for flag, tok in zip(pat.strict, toks, strict=False):
            if not flag:
                continue
            if flag == "U":
                if not tok.upper:
                    return False
            elif flag == "C":
                if not tok.cap:
                    return False
            elif tok.raw != flag[1:]:
                return False
        return pat.agent or any(t.cap for t in toks)

    def _longest(
        self, stream: Sequence[_Tok], pos: int, *, agent_only: bool = False
    ) -> tuple[_Pattern, int] | None:
        if pos >= len(stream):
            return None
        for pat in self._by_first.get(stream[pos].norm, ()):
            if agent_only and not pat.agent:
                continue
            n = len(pat.tokens)
            if pos + n > len(stream):
                continue
            window = stream[pos : pos + n]
            if all(t.norm == p for t, p in zip(window, pat.tokens, strict=True)) and (
                self._case_ok(pat, window)
            ):
                return pat, pos + n
        return None

    def _match_stream(
        self, stream: Sequence[_Tok], date: dt.date, *, compose: bool = True
    ) -> tuple[ActorEntry, int] | None:
        """Longest entry at the start of ``stream``; returns (entry, stream end).
        With ``compose``, title words directly before a person are taken with the person."""
        if not stream:
            return None
        starts = [0, 1] if stream[0].norm == "the" else [0]
        for pos in reversed(starts):
            found = self._longest(stream, pos)
            if found is None:
                continue
            pat, end = found
            actor = self._pick(pat, date)
            entry = self._entry(actor, pat.display, date)
            if compose and actor.kind != "person":
                composed = self._compose_person(stream, end, date)
                if composed is not None:
                    return composed
            return entry, end
        return None

    def _compose_person(
        self, stream: Sequence[_Tok], pos: int, date: dt.date
    ) -> tuple[ActorEntry, int] | None:
        """ "Russian President Vladimir Putin": country/role words followed by a person."""
        steps = 0
        while pos < len(stream) and steps < 6:
            if stream[pos].norm == _POSSESSIVE:
                pos += 1
                continue
            found = self._longest(stream, pos)
            if found is None:
                return None
            pat, end = found
            actor = self._pick(pat, date)
            if actor.kind == "person":
                return self._entry(actor, pat.display, date), end
            if actor.kind != "agent":
                return None
            pos, steps = end, steps + 1
        return None

    def match(self, words: Sequence[str], start: int, date: dt.date | None) -> KBMatch | None:
        """Longest knowledge-base name at ``words[start:]``, resolved for ``date``.

        Country or role words directly before a known person are taken together with
        the person ("Russian President Vladimir Putin" -> one match, the person).
        """
        if start < 0 or start >= len(words):
            return None
        parts = _parts(words[start])
        if not parts or (parts[0][0] not in self._by_first and parts[0][0] != "the"):
            return None  # fast path: no pattern starts with this word
        stream = _stream(words, start, self._max_len + 8)
        if not stream or stream[0].word != start:
            return None
        found = self._match_stream(stream, date or dt.date.today())
        if found is None:
            return None
        entry, end = found
        return KBMatch(stream[end - 1].word + 1 - start, entry)

    def lookup(self, phrase: str, date: dt.date | None) -> ActorEntry | None:
        """The entry whose pattern is exactly ``phrase`` (after normalisation)."""
        stream = _stream(tokenize(phrase), 0, 10_000)
        if stream and stream[0].norm == "the" and len(stream) > 1:
            stream = stream[1:]
        pat = self._exact.get(tuple(t.norm for t in stream))
        if pat is None or not self._case_ok(pat, stream):
            return None
        when = date or dt.date.today()
        return self._entry(self._pick(pat, when), pat.display, when)

    def agent_role(self, word_or_phrase: str) -> str | None:
        """CAMEO role of a role word or phrase ("policemen" -> COP), plurals included."""
        toks = normalize_phrase(word_or_phrase)
        if toks and toks[0] == "the":
            toks = toks[1:]
        if not toks:
            return None
        candidates = [toks]
        single = _singular(toks[-1])
        if single is not None:
            candidates.append((*toks[:-1], single))
        for cand in candidates:
            pat = self._exact.get(cand)
            if pat is not None and pat.agent:
                return self._role_of(self._actors[pat.actors[0]].code or "---")
        return None

    # -- phrase resolution ---------------------------------------------------------------------

    def mentions(self, text: str, date: dt.date | None) -> list[Mention]:
        """Every knowledge-base mention in ``text``, left to right, longest first."""
        words = tokenize(text)
        out: list[Mention] = []
        i = 0
        while i < len(words):
            m = self.match(words, i, date)
            if m is None:
                i += 1
                continue
            out.append(Mention(i, i + m.length, m.entry))
            i += m.length
        return out

    def _title_role(
        self, words: Sequence[str], person: Mention, date: dt.date, lowered: Sequence[str]
    ) -> str | None:
        """The role of the title words taken with a person ("French Foreign Minister
        Jean-Yves Le Drian" -> GOV, "Gen." -> MIL, "former President" -> ELI): the last
        specific role word; else the role of an organisation named in the title ("Hamas
        leader"); else a generic title ("President"). None without a title."""
        roles: list[tuple[str, bool]] = []
        org_role: str | None = None
        name = set(normalize_phrase(person.entry.name))
        i = person.start
        while i < person.end:
            stream = _stream(words, i, self._max_len + 8)
            if not stream or stream[0].word != i:
                i += 1
                continue
            # a title word first ("Chancellor Merkel", "General Thierry Burkhard" may be
            # names of their own), unless it is part of the person's name ("Pope Francis")
            title = self._longest(stream, 0, agent_only=True)
            if title is not None and not set(title[0].tokens) <= name:
                pat, end = title
                nxt = stream[end - 1].word + 1
                entry = self._entry(self._pick(pat, date), pat.display, date)
                if entry.role:
                    generic = _generic_agent(Mention(i, nxt, entry), lowered)
                    roles.append((entry.role, generic))
                i = nxt
                continue
            found = self._match_stream(stream, date, compose=False)
            if found is None:
                i += 1
                continue
            entry, end = found
            if entry.kind == "person":
                break
            if entry.kind in ("group", "igo", "capital") and entry.role:
                org_role = entry.role
            i = stream[end - 1].word + 1
        if any(r == "ELI" for r, _ in roles):
            return "ELI"
        specific = [r for r, generic in roles if not generic]
        if specific:
            return specific[-1]
        if org_role is not None:
            return org_role
        return roles[-1][0] if roles else None

    def resolve_text(self, text: str, date: dt.date | None) -> ActorEntry | None:
        """Resolve a short actor phrase to one entry (country + role).

        "Russian President Vladimir Putin" -> the person's role on the date;
        "Peruvian authorities" -> PERGOV; "ordinary Uzbeks" -> UZBCVL;
        "Li Wei, a lecturer at Fudan University" -> CHNEDU.

        Precedence: a known person; then a named organisation in the head of the
        phrase; then a country, capital or seat of power with the head role word; then
        an organisation or place in a complement ("... at Fudan University", "... in
        France"); then a role word alone ("---COP"). "former"/"ex-" make the role ELI.
        The head of a phrase is what comes before its first preposition; a comma starts
        a new (appositive) head.

        A person who holds no role on the date (ELI) takes the role of a title written
        with the name ("Prime Minister Boris Johnson" -> GBRGOV after 2022): the text
        says what the person was when it was written. A party takes the role of an
        office word after it ("Labour MPs" -> GBRLEG) and the country of a country word
        before it ("Dutch Labour Party" -> NLDPTY). A place with a role of its own gives
        that role when no role word does ("Somaliland" -> SOMPRE).
        """
        words = tokenize(text)
        every = self.mentions(text, date)
        covered = frozenset(i for m in every for i in range(m.start, m.end))
        found = [m for m in every if not _inside_name(m, words, covered)]
        if not found:
            return None
        lowered = [w.lower().strip(".") for w in words]
        head = _head_flags(lowered)
        former = any(w in _FORMER or w.startswith("ex-") for w in lowered)

        persons = [m for m in found if m.entry.kind == "person"]
        if persons:
            in_head = [m for m in persons if head[m.start]]
            person = (in_head or persons)[0]
            entry = person.entry
            if entry.role in (None, "ELI") and entry.country is not None and not former:
                # out of office on the date (or an unknown role): a title in the text
                # ("Defence Minister ...", "Gen. ...") says what the person was then
                title = self._title_role(words, person, date or dt.date.today(), lowered)
                if title is not None:
                    return _recode(entry, title, text, country_only=True)
            return entry

        agents = [m for m in found if m.entry.kind == "agent" and m.entry.role]
        orgs = [m for m in found if m.entry.kind in ("group", "igo")]
        places = [m for m in found if m.entry.kind in ("country", "capital")]
        head_orgs = [m for m in orgs if head[m.start]]
        head_places = [m for m in places if head[m.start]]
        tail_orgs = [m for m in orgs if not head[m.start]]
        tail_places = [m for m in places if not head[m.start]]

        role = _head_role(agents, head, lowered)
        generic = role is None or _only_generic(agents, lowered)
        if head_orgs:
            org_m = head_orgs[-1]
            org = org_m.entry
            if former:
                return _recode(org, "ELI", text)
            org_role = org.role or role
            if org.role == "PTY":
                # a party's members in an office: "Labour MPs" -> LEG, "ANC ministers" -> GOV
                offices = [
                    m.entry.role
                    for m in agents
                    if head[m.start]
                    and m.start >= org_m.end
                    and m.entry.role in _OFFICE_ROLES
                    and not _generic_agent(m, lowered)
                ]
                org_role = offices[-1] if offices else org.role
                # a party name that many countries use, after a country word: "Norwegian
                # Labour Party", "Swedish Social Democrats"
                before = [m.entry for m in head_places if m.end <= org_m.start]
                if before and before[-1].country and before[-1].country != org.country:
                    return _recode(before[-1], org_role, text, country_only=True)
            return _recode(org, org_role, text)
        if head_places:
            place = head_places[0].entry
            if role is None:
                # a seat of power ("the Pentagon") or a place with a role of its own
                # ("Abkhazia": a breakaway state) gives the role
                seats = [m.entry.role for m in head_places]
                role = next((r for r in reversed(seats) if r), None)
            if former and role is not None:
                role = "ELI"
            return _recode(place, role, text, country_only=True)
        if former and role is not None:
            role = "ELI"
        if role is None and any(
            _singular_word(w) in _GENERIC_TITLES for w, h in zip(lowered, head, strict=True) if h
        ):
            # "members of SANDF", "head of the Kremlin administration": the complement's role
            seats = [m.entry.role for m in tail_orgs + tail_places if m.entry.role]
            role = seats[0] if seats else None
        if tail_orgs and generic:
            org = tail_orgs[0].entry
            return _recode(org, org.role or role, text, country_only=org.country is not None)
        if tail_places:
            first = tail_places[0]
            if tail_orgs and tail_orgs[0].entry.country and tail_orgs[0].start < first.start:
                return _recode(tail_orgs[0].entry, role, text, country_only=True)
            return _recode(first.entry, role, text, country_only=True)
        if tail_orgs:
            org = tail_orgs[0].entry
            return _recode(org, role, text, country_only=org.country is not None)
        if role is not None:
            return ActorEntry(text, "---" + role, None, role, text, "agent")
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A knowledge-base match inside a phrase: words [start, end)."""

    start: int
    end: int
    entry: ActorEntry


def _head_flags(lowered: Sequence[str]) -> list[bool]:
    """For each word: is it in the head of its comma-separated segment?"""
    flags: list[bool] = []
    in_head = True
    for w in lowered:
        if w in (",", ";", "(", ")", ":", "\u2013", "\u2014"):
            in_head = True
        elif w in _PREPOSITIONS:
            in_head = False
        flags.append(in_head)
    return flags


def _inside_name(m: Mention, words: Sequence[str], covered: frozenset[int]) -> bool:
    """A one-word place right after an unknown capitalised word is part of a name
    ("Sen. Eliseo Valencia"), not the place. A word that is itself a
    knowledge-base name ("Russia FSB") or a number ("Two Russians") is no such name."""
    if m.entry.kind not in ("country", "capital") or m.end - m.start != 1 or m.start == 0:
        return False
    if m.start - 1 in covered:
        return False
    prev = words[m.start - 1]
    return prev.isalpha() and prev[:1].isupper() and prev.lower() not in _NOT_NAMES


def _singular_word(word: str) -> str:
    return _singular(word) or word


def _generic_agent(m: Mention, lowered: Sequence[str]) -> bool:
    words = [_singular_word(w) for w in lowered[m.start : m.end]]
    return bool(words) and all(w in _GENERIC_TITLES or w in ("the", "a", "an") for w in words)


def _only_generic(agents: Sequence[Mention], lowered: Sequence[str]) -> bool:
    return bool(agents) and all(_generic_agent(m, lowered) for m in agents)


def _head_role(
    agents: Sequence[Mention], head: Sequence[bool], lowered: Sequence[str]
) -> str | None:
    """The role of the phrase's head noun: the last specific role word of the head
    ("Ukrainian agricultural workers"); a generic title ("president", "member",
    "leader") defers to a specific role word elsewhere ("president of the
    Riigikogu", "Muslim leaders")."""
    if not agents:
        return None
    in_head = [m for m in agents if head[m.start]]
    tail = [m for m in agents if not head[m.start]]
    specific_head = [m for m in in_head if not _generic_agent(m, lowered)]
    if specific_head:
        return specific_head[-1].entry.role
    specific_tail = [m for m in tail if not _generic_agent(m, lowered)]
    if in_head and specific_tail:
        return specific_tail[0].entry.role
    if in_head:
        return in_head[-1].entry.role
    return tail[0].entry.role


def _recode(
    entry: ActorEntry, role: str | None, text: str, *, country_only: bool = False
) -> ActorEntry:
    if country_only and entry.country is not None:
        code = entry.country + (role or "")
        return ActorEntry(text, code, entry.country, role, entry.name, entry.kind)
    if role is None or role == entry.role:
        return ActorEntry(text, entry.code, entry.country, entry.role, entry.name, entry.kind)
    if entry.country is not None and entry.code.startswith(entry.country):
        code = entry.country + role
    else:
        code = entry.code
    return ActorEntry(text, code, entry.country, role, entry.name, entry.kind)
