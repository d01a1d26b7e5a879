"""Event filters and the parameterised SQL they become.

:class:`EventQuery` is plain data (re-exported by :mod:`accord.analysis.query`, its public
home); :func:`where_sql` turns it into a WHERE clause with ``?`` placeholders and a parameter
list. User values only ever travel as parameters. :func:`check_codes` says which actor and
country codes of a query the store must vouch for: a code that is neither a known country
or CAMEO actor prefix nor coded in the store is an error, never an empty answer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

from accord.countries import BY_ISO2, ISO3
from accord.errors import UsageError
from accord.model import Mode

__all__ = [
    "CAMEO_PREFIXES",
    "FILTER_HELP",
    "EventQuery",
    "check_codes",
    "country_code",
    "dyad_side",
    "dyad_sql",
    "to_date",
    "where_sql",
    "word_pattern",
]

_CODE = re.compile(r"(?:[A-Z0-9-]{3})+")
"""An actor code as the user may write it: whole 3-character blocks in capitals
(``USA``, ``USAGOV``, ``IGOUNO``, ``---REB``)."""
_ISO2 = re.compile(r"[A-Za-z]{2}")
_ISO3 = re.compile(r"[A-Za-z]{3}")
_CAMEO = re.compile(r"\d{2,4}")

CAMEO_PREFIXES: frozenset[str] = frozenset(
    {"---", "IGO", "NGO", "IMG", "MNC", "INT", "ISM", "DDR", "USR", "YUG", "CSK"}
)
"""First blocks of actor codes that are no ISO 3166 country: CAMEO's international
organisations (IGO), non-governmental organisations (NGO), militarised groups (IMG),
multinationals (MNC), unaffiliated international actors (INT, PLOVER's ISM), actors of no
known country (``---``) and the historical states of the CAMEO country list."""

FILTER_HELP: Mapping[str, str] = MappingProxyType(
    {
        "actor": "Source or target: a code (USA, USAGOV, IGOUNO; US for USA) or a name "
        "matched by whole word (xi: Xi Jinping, not Mexico).",
        "source": "The source only (as actor).",
        "target": "The target only (as actor).",
        "country": "Country of source or target: ISO 3166 alpha-2 or alpha-3 (US, USA).",
        "since": "First event date: YYYY-MM-DD, YYYY-MM or YYYY.",
        "until": "Last event date: YYYY-MM-DD, YYYY-MM or YYYY (2019-06: to 30 June).",
        "root": "CAMEO root code, e.g. 04.",
        "cameo": "CAMEO code prefix: 04, 042, 1121.",
        "plover": "PLOVER event type, e.g. ASSAULT.",
        "quad": "Quad class 1-4.",
        "has_target": "Only events with (true) or without (false) a target.",
        "min_confidence": "Only events with at least this confidence (0 to 1).",
        "text": "The sentence holds this text (case-insensitive).",
        "doc_id": "Only events of this document id.",
    }
)
"""What each filter of :class:`EventQuery` does, in the words ``accord events --help`` and
the REST API's schema both use."""

Side = Literal["source", "target"]
_BOTH: tuple[Side, ...] = ("source", "target")


_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")


def to_date(value: dt.date | str | None, *, end: bool = False) -> dt.date | None:
    """A date from a date or an ISO string; ``YYYY`` and ``YYYY-MM`` stand for their first
    day, or with ``end`` their last (``--until 2019-06`` ends on 30 June)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    text = str(value).strip()
    m = _PARTIAL.fullmatch(text)
    try:
        if m is None:
            return dt.date.fromisoformat(text)
        year, month = int(m.group(1)), int(m.group(2) or 0)
        if month == 0:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        first = dt.date(year, month, 1)
        if not end:
            return first
        return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    except ValueError:
        raise UsageError(f"not a date: {value!r} (YYYY-MM-DD, YYYY-MM or YYYY)") from None


def country_code(value: str) -> str:
    """The ISO3 code of a country given by its ISO 3166 alpha-2 or alpha-3 code (any case).
    An unknown alpha-2 code, or a value that is neither, is a :class:`UsageError`; an
    alpha-3 code is taken as it is (the store may hold codes of its own: :func:`check_codes`)."""
    v = value.strip()
    if _ISO2.fullmatch(v):
        iso3 = BY_ISO2.get(v.upper())
        if iso3 is None:
            raise UsageError(f"unknown country code {v!r}: not an ISO 3166 alpha-2 code")
        return iso3
    if _ISO3.fullmatch(v):
        return v.upper()
    raise UsageError(f"country must be an ISO 3166 alpha-2 or alpha-3 code (US, USA), got {v!r}")


def _is_known(code: str) -> bool:
    """Whether the first block of ``code`` is an ISO 3166 country or a CAMEO prefix."""
    block = code[:3]
    return block in CAMEO_PREFIXES or block in ISO3


def _actor_value(value: str) -> tuple[Literal["code", "name"], str]:
    """How an actor value matches: as a code (capitals in 3-letter blocks, or a country's
    ISO 3166 alpha-2 code in capitals, turned into its alpha-3 code) or as a name."""
    v = " ".join(value.split())
    if not v:
        raise UsageError("actor filter is empty")
    if _ISO2.fullmatch(v) and v.isupper() and v in BY_ISO2:
        return "code", BY_ISO2[v]
    if _CODE.fullmatch(v):
        return "code", v
    return "name", v


def dyad_side(value: object) -> str:
    """One side of a dyad as the queries match it: a country's ISO 3166 alpha-2 code (any
    case) as its alpha-3 code, else an actor code prefix in capitals (``usa``: ``USA``,
    ``cn``: ``CHN``, ``usagov``: ``USAGOV``); anything else is a :class:`UsageError`."""
    v = str(value).strip()
    if not v:
        raise UsageError("a dyad side is empty")
    if _ISO2.fullmatch(v):
        return country_code(v)
    code = v.upper()
    if not _CODE.fullmatch(code):
        raise UsageError(
            f"a dyad side is an actor code or a country (USA, US, USAGOV, IGOUNO), got {v!r}"
        )
    return code


def _ontology_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(every CAMEO code, every PLOVER event type) of the packaged ontology (read when a
    query names a CAMEO code or a PLOVER type: about 10 ms)."""
    from accord.coding.ontology import Ontology

    onto = Ontology.load()
    codes = frozenset(c.code for c in onto)
    plover = frozenset(c.plover for c in onto if c.plover)
    return codes, plover


def word_pattern(text: str) -> str:
    """An RE2 pattern (for DuckDB's ``regexp_matches`` over lower-cased text) that finds
    the words of ``text`` as whole words, in order: ``xi`` finds 'Xi Jinping' but not
    'Mexico', 'Alexis' or 'Brexit'. Every character of ``text`` is escaped."""
    words = text.lower().split()
    if not words:
        raise UsageError("a name filter is empty")
    body = r"[^\pL\pN]+".join(_escape(w) for w in words)
    return rf"(?:^|[^\pL\pN]){body}(?:[^\pL\pN]|$)"


def _escape(word: str) -> str:
    return "".join(c if c.isalnum() else f"\\x{{{ord(c):x}}}" for c in word)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Every field narrows the result; the defaults read all
    asserted events.

    ``actor``
        Matches the source or the target. A value in capitals in 3-letter blocks
        (``USA``, ``USAGOV``, ``IGOUNO``, ``---REB``) is a code: it matches codes that
        start with it (and, for a 3-letter code, the actor's country); a country's ISO 3166
        alpha-2 code in capitals (``US``) stands for its alpha-3 code. Any other value
        (``xi``, ``Red Cross``) matches by word: the actor's canonical name or its mention
        text holds its words as whole words (``xi`` finds Xi Jinping, not Mexico, Alexis
        or Brexit), or, upper-cased, it is a code as above (``igoUNO``).
    ``source`` / ``target``
        Like ``actor``, for one side only: the event's source (its target).
    ``country``
        The source's or the target's country: an ISO 3166 alpha-2 or alpha-3 code (``US``,
        ``usa``), held as alpha-3.
    ``dyad``
        Two sides, in either direction; each side matches an actor by code prefix or by
        country (alpha-2 or alpha-3). Events without a target never match.
    ``since`` / ``until``
        Inclusive event-date bounds; events without a date are left out when either is set.
    ``root``
        CAMEO root code, ``"04"`` (``"4"`` and ``4`` are accepted).
    ``cameo``
        A CAMEO code the event's code starts with: ``"04"``, ``"042"``, ``"0421"``.
    ``plover``
        PLOVER event type (``ASSAULT``, any case).
    ``quad``
        Quad class 1 to 4.
    ``has_target``
        True: only events with a target; False: only events without one.
    ``min_confidence``
        Only events whose confidence is at least this (0 to 1).
    ``text``
        The sentence holds this text (case-insensitive).
    ``modes``
        Modes to include; ``()`` means every mode. Default: asserted only.
    ``limit``
        At most this many events (in date, doc_id, sentence, event_id order).
    ``doc_id``
        Events of one document.

    A code the country tables do not know (a 3-letter country code, an actor code's first
    block) must be coded in the store that runs the query, else the query is an error
    (:func:`check_codes`), so a typo never reads as "no events".
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    root: str | None = None
    quad: int | None = None
    modes: tuple[Mode, ...] = (Mode.ASSERTED,)
    limit: int | None = None
    doc_id: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    plover: str | None = None
    has_target: bool | None = None
    min_confidence: float | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        for name in ("actor", "source", "target"):
            value = getattr(self, name)
            if value is not None:
                actor = " ".join(str(value).split())
                if not actor:
                    raise UsageError(f"{name} filter is empty")
                _actor_value(actor)  # an unknown alpha-2 code in capitals is a name
                put(name, actor)
        if self.country is not None:
            if not str(self.country).strip():
                raise UsageError("country filter is empty")
            put("country", country_code(str(self.country)))
        if self.dyad is not None:
            if len(self.dyad) != 2 or not all(str(s).strip() for s in self.dyad):
                raise UsageError(f"dyad needs two non-empty sides, got {self.dyad!r}")
            put("dyad", tuple(dyad_side(s) for s in self.dyad))
        if self.since is not None and self.until is not None and self.since > self.until:
            raise UsageError(f"since ({self.since}) is after until ({self.until})")
        if self.root is not None:
            root = str(self.root).strip().zfill(2)
            if not (root.isdigit() and len(root) == 2 and 1 <= int(root) <= 20):
                raise UsageError(f"root must be a CAMEO root code 01-20, got {self.root!r}")
            put("root", root)
        if self.cameo is not None:
            cameo = str(self.cameo).strip()
            cameo = cameo.zfill(2) if len(cameo) == 1 else cameo
            if not _CAMEO.fullmatch(cameo) or cameo not in _ontology_codes()[0]:
                raise UsageError(f"cameo must be a CAMEO code (04, 042, 0421), got {self.cameo!r}")
            put("cameo", cameo)
        if self.plover is not None:
            plover = str(self.plover).strip().upper()
            types = _ontology_codes()[1]
            if plover not in types:
                raise UsageError(
                    f"plover must be a PLOVER event type ({', '.join(sorted(types))}), "
                    f"got {self.plover!r}"
                )
            put("plover", plover)
        if self.quad is not None and (
            isinstance(self.quad, bool) or not isinstance(self.quad, int) or not 1 <= self.quad <= 4
        ):
            raise UsageError(f"quad must be 1, 2, 3 or 4, got {self.quad!r}")
        if self.has_target is not None and not isinstance(self.has_target, bool):
            raise UsageError(f"has_target must be True or False, got {self.has_target!r}")
        if self.min_confidence is not None:
            mc = self.min_confidence
            if (
                isinstance(mc, bool)
                or not isinstance(mc, int | float)
                or math.isnan(mc)
                or not 0.0 <= mc <= 1.0
            ):
                raise UsageError(f"min_confidence must be between 0 and 1, got {mc!r}")
            put("min_confidence", float(mc))
        if self.text is not None:
            if not str(self.text).strip():
                raise UsageError("text filter is empty")
            put("text", str(self.text).strip())
        try:
            put("modes", tuple(dict.fromkeys(Mode(m) for m in self.modes)))
        except ValueError:
            allowed = ", ".join(m.value for m in Mode)
            raise UsageError(f"modes must be among {allowed}, got {self.modes!r}") from None
        if self.limit is not None and (
            isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 0
        ):
            raise UsageError(f"limit must be a non-negative integer, got {self.limit!r}")


def _code_match(role: Side, code: str, params: list[Any]) -> list[str]:
    params.append(code)
    parts = [f"starts_with({role}_code, ?)"]
    if len(code) == 3:
        params.append(code)
        parts.append(f"{role}_country = ?")
    return parts


def _actor_sql(roles: tuple[Side, ...], value: str, params: list[Any]) -> str:
    kind, v = _actor_value(value)
    parts: list[str] = []
    for role in roles:
        if kind == "code":
            parts += _code_match(role, v, params)
            continue
        code = v.upper()
        if _CODE.fullmatch(code):
            parts += _code_match(role, code, params)
        pattern = word_pattern(v)
        parts.append(f"regexp_matches(lower({role}_name), ?)")
        parts.append(f"regexp_matches(lower({role}_text), ?)")
        params.extend((pattern, pattern))
    return "(" + " OR ".join(parts) + ")"


def _side(prefix: Side, value: str, params: list[Any]) -> str:
    params.extend((value, value))
    return f"(starts_with({prefix}_code, ?) OR {prefix}_country = ?)"


def dyad_sql(dyad: tuple[str, str], directed: bool, params: list[Any]) -> str:
    """SQL for the events between the two sides of ``dyad`` (each as :func:`dyad_side`
    makes it: an actor code prefix, or a country): from A to B only when ``directed``, else
    either way. The sides travel as parameters, appended to ``params``."""
    if len(dyad) != 2:
        raise UsageError(f"a dyad has two sides, got {dyad!r}")
    a, b = (dyad_side(s) for s in dyad)
    ab = f"({_side('source', a, params)} AND {_side('target', b, params)})"
    if directed:
        return ab
    ba = f"({_side('source', b, params)} AND {_side('target', a, params)})"
    return f"({ab} OR {ba})"


_ONE_VALUE: tuple[tuple[str, str], ...] = (
    ("doc_id", "doc_id = ?"),
    ("since", "date >= ?"),
    ("until", "date <= ?"),
    ("root", "root_code = ?"),
    ("cameo", "starts_with(cameo, ?)"),
    ("plover", "plover = ?"),
    ("quad", "quad_class = ?"),
    ("min_confidence", "confidence >= ?"),
    ("text", "contains(lower(sentence), lower(?))"),
)
"""Filters of one value each: the EventQuery field and its condition (the value is the
one parameter)."""


def where_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """``(" WHERE ...", params)`` for ``q``; ``("", [])`` when nothing filters.

    Column names come from this module, values only as parameters.
    """
    conds: list[str] = []
    params: list[Any] = []
    if q.actor is not None:
        conds.append(_actor_sql(_BOTH, q.actor, params))
    if q.source is not None:
        conds.append(_actor_sql(("source",), q.source, params))
    if q.target is not None:
        conds.append(_actor_sql(("target",), q.target, params))
    if q.country is not None:
        conds.append("(source_country = ? OR target_country = ?)")
        params.extend((q.country, q.country))
    if q.dyad is not None:
        conds.append(dyad_sql(q.dyad, False, params))
    for field, sql in _ONE_VALUE:
        value = getattr(q, field)
        if value is not None:
            conds.append(sql)
            params.append(value)
    if q.has_target is not None:
        conds.append("target_code IS NOT NULL" if q.has_target else "target_code IS NULL")
    if q.modes and set(q.modes) != set(Mode):  # every mode: no condition
        conds.append(f"mode IN ({', '.join('?' for _ in q.modes)})")
        params.extend(m.value for m in q.modes)
    if not conds:
        return "", params
    return " WHERE " + " AND ".join(conds), params


_CODED_SQL = (
    "SELECT EXISTS (SELECT 1 FROM events WHERE starts_with(source_code, ?) "
    "OR starts_with(target_code, ?) OR source_country = ? OR target_country = ?)"
)


def check_codes(q: EventQuery, exists: Callable[[str, list[Any]], bool]) -> None:
    """Raise :class:`UsageError` for a code of ``q`` (its country, dyad sides, and actor
    values written as codes) that no country table or CAMEO prefix knows and that no event
    of the store carries. ``exists(sql, params)`` runs one ``SELECT EXISTS`` on the store."""
    codes: list[tuple[str, str]] = []
    if q.country is not None:
        codes.append(("country", q.country))
    if q.dyad is not None:
        codes += [("dyad side", side) for side in q.dyad]
    for name in ("actor", "source", "target"):
        value = getattr(q, name)
        if value is not None:
            kind, v = _actor_value(value)
            if kind == "code":
                codes.append((name, v))
    for what, code in dict.fromkeys(codes):
        if _is_known(code):
            continue
        if not exists(_CODED_SQL, [code, code, code, code]):
            raise UsageError(
                f"unknown {what} code {code!r}: not an ISO 3166 country, a CAMEO actor "
                "prefix (IGO, NGO, ...) or a code of any event in this store"
            )
