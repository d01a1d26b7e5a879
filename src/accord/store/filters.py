"""Event filters and the parameterised SQL they become.

:class:`EventQuery` is plain data (re-exported by :mod:`accord.analysis.query`, its public
home); :func:`where_sql` turns it into a WHERE clause with ``?`` placeholders and a parameter
list. User values only ever travel as parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from accord.errors import UsageError
from accord.model import Mode

__all__ = ["EventQuery", "where_sql"]

_CODE_LIKE = re.compile(r"[A-Z0-9-]{3,}")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Every field narrows the result; the defaults read all
    asserted events.

    ``actor``
        Matches the source or the target. A value written like a CAMEO code (upper case,
        e.g. ``USA``, ``USAGOV``, ``IGOUNO``) matches by code prefix only; any other value
        (``putin``, ``Red Cross``) matches by code prefix (upper-cased) or as a
        case-insensitive substring of the actor's canonical name or mention text.
    ``country``
        ISO3 code of the source's or the target's country.
    ``dyad``
        Two sides, in either direction; each side matches an actor by code prefix or by
        ISO3 country. Events without a target never match.
    ``since`` / ``until``
        Inclusive event-date bounds; events without a date are left out when either is set.
    ``root``
        CAMEO root code, ``"04"`` (``"4"`` and ``4`` are accepted).
    ``quad``
        Quad class 1 to 4.
    ``modes``
        Modes to include; ``()`` means every mode. Default: asserted only.
    ``limit``
        At most this many events (in date, doc_id, sentence, event_id order).
    ``doc_id``
        Events of one document.
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

    def __post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

        if self.actor is not None:
            actor = self.actor.strip()
            if not actor:
                raise UsageError("actor filter is empty")
            put("actor", actor)
        if self.country is not None:
            country = self.country.strip().upper()
            if not country:
                raise UsageError("country filter is empty")
            put("country", country)
        if self.dyad is not None:
            sides = tuple(str(s).strip().upper() for s in self.dyad)
            if len(sides) != 2 or not all(sides):
                raise UsageError(f"dyad needs two non-empty sides, got {self.dyad!r}")
            put("dyad", sides)
        if self.since is not None and self.until is not None and self.since > self.until:
            raise UsageError(f"since ({self.since}) is after until ({self.until})")
        if self.root is not None:
            root = str(self.root).strip().zfill(2)
            if not (root.isdigit() and len(root) == 2 and 1 <= int(root) <= 20):
                raise UsageError(f"root must be a CAMEO root code 01-20, got {self.root!r}")
            put("root", root)
        if self.quad is not None and (
            isinstance(self.quad, bool) or not isinstance(self.quad, int) or not 1 <= self.quad <= 4
        ):
            raise UsageError(f"quad must be 1, 2, 3 or 4, got {self.quad!r}")
        try:
            put("modes", tuple(dict.fromkeys(Mode(m) for m in self.modes)))
        except ValueError:
            allowed = ", ".join(m.value for m in Mode)
            raise UsageError(f"modes must be among {allowed}, got {self.modes!r}") from None
        if self.limit is not None and (
            isinstance(self.limit, bool) or not isinstance(self.limit, int) or self.limit < 0
        ):
            raise UsageError(f"limit must be a non-negative integer, got {self.limit!r}")


def _side(prefix: str, value: str, params: list[Any]) -> str:
    params.extend((value, value))
    return f"(starts_with({prefix}_code, ?) OR {prefix}_country = ?)"


def where_sql(q: EventQuery) -> tuple[str, list[Any]]:
    """``(" WHERE ...", params)`` for ``q``; ``("", [])`` when nothing filters.

    Column names come from this module, values only as parameters.
    """
    conds: list[str] = []
    params: list[Any] = []
    if q.doc_id is not None:
        conds.append("doc_id = ?")
        params.append(q.doc_id)
    if q.actor is not None:
        code = q.actor.upper()
        if _CODE_LIKE.fullmatch(q.actor):
            conds.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
            params.extend((code, code))
        else:
            conds.append(
                "(starts_with(source_code, ?) OR starts_with(target_code, ?)"
                " OR contains(lower(source_name), lower(?))"
                " OR contains(lower(target_name), lower(?))"
                " OR contains(lower(source_text), lower(?))"
                " OR contains(lower(target_text), lower(?)))"
            )
            params.extend((code, code, q.actor, q.actor, q.actor, q.actor))
    if q.country is not None:
        conds.append("(source_country = ? OR target_country = ?)")
        params.extend((q.country, q.country))
    if q.dyad is not None:
        a, b = q.dyad
        ab = f"({_side('source', a, params)} AND {_side('target', b, params)})"
        ba = f"({_side('source', b, params)} AND {_side('target', a, params)})"
        conds.append(f"({ab} OR {ba})")
    if q.since is not None:
        conds.append("date >= ?")
        params.append(q.since)
    if q.until is not None:
        conds.append("date <= ?")
        params.append(q.until)
    if q.root is not None:
        conds.append("root_code = ?")
        params.append(q.root)
    if q.quad is not None:
        conds.append("quad_class = ?")
        params.append(q.quad)
    if q.modes:
        conds.append(f"mode IN ({', '.join('?' for _ in q.modes)})")
        params.extend(m.value for m in q.modes)
    if not conds:
        return "", params
    return " WHERE " + " AND ".join(conds), params
