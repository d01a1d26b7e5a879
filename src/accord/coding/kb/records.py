"""Records of the actor knowledge base: the public entries it answers with, and the frozen
tables (actors and patterns) that the builder produces and the resolver reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.coding.kb.text import wordset

__all__ = [
    "KINDS",
    "ROLES",
    "ActorEntry",
    "ActorRecord",
    "Candidate",
    "KBMatch",
    "PatternRecord",
    "RoleSpan",
    "code_role",
    "default_kind",
    "name_key",
    "span_order",
]


ROLES: frozenset[str] = wordset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG MED EDU BUS CRM CVL ELI LAB HLH REF AGR DEV HRI "
    "ENV NGO IGO MNC UAF INS SEP RAD MOD REL IMG PRM PRE"
)
"""CAMEO role codes the knowledge base knows about, plus PRM (pro-government militia)
and PRE (partially recognised or breakaway state: Abkhazia, Somaliland, ...)."""

KINDS: frozenset[str] = frozenset({"country", "capital", "igo", "group", "person", "agent"})


def default_kind(code: str) -> str:
    """The kind of an actor file row that names none: ``igo`` for an ``IGO...`` code,
    else ``group``."""
    return "igo" if code.upper().startswith("IGO") else "group"


NATIONAL_NGO_PREFIX = "NGO"
"""A non-governmental organisation's code: 'NGO' then, for a national one, its country's
ISO3 code ('NGOUSAHRI', the American Civil Liberties Union: the Phoenix actors
dictionary's own coding), else a region or a sector ('NGOAFR', 'NGOHLHIRC')."""


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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name that may be matched at words [start, end), whatever the date: the kinds,
    roles, countries, codes and canonical names of every actor it may stand for."""

    start: int
    end: int
    kinds: frozenset[str]
    roles: frozenset[str]
    countries: frozenset[str]
    codes: frozenset[str]
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor of the frozen tables: its default code and dated history."""

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
class PatternRecord:
    """One normalised name of the frozen tables and the actors (by index) it names."""

    tokens: tuple[str, ...]
    strict: tuple[str, ...]
    """Per token, a case constraint on the text (see ``builder._case_flag``)."""
    display: str
    actors: tuple[int, ...]
    agent: bool


def name_key(name: str) -> str:
    """The key that identifies an actor by canonical name (case and spacing folded)."""
    return " ".join(name.casefold().split())


def span_order(span: RoleSpan) -> tuple[dt.date, dt.date]:
    """Sort key for role spans: by start, then end (open ends sort outermost)."""
    return (span.start or dt.date.min, span.end or dt.date.max)
