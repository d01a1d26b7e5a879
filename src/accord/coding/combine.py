"""One actor from the knowledge-base mentions of one noun phrase ("U.N. Secretary-General
Kofi Annan", "Russian police"): which mention wins and which role and country it takes
(used by :class:`accord.coding.actors.SentenceActors`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.coding.actor_records import Mention

__all__ = ["Combined", "combine"]


@dataclass(frozen=True, slots=True)
class Combined:
    """The merged actor of a phrase, before it becomes an ActorRef."""

    code: str
    country: str | None
    role: str | None
    name: str | None
    kind: str


def combine(mentions: Sequence[Mention]) -> Combined | None:
    """Merge the knowledge-base mentions of one noun phrase into one actor."""
    if not mentions:
        return None
    ordered = sorted(mentions, key=lambda m: m.start)
    people = [m.entry for m in ordered if m.entry.kind == "person"]
    bodies = [m.entry for m in ordered if m.entry.kind == "igo"]
    if people and bodies and people[-1].role in (None, "ELI"):
        # "U.N. Secretary-General Kofi Annan": out of national office, acting for the body
        e = bodies[-1]
        return Combined(e.code, e.country, e.role, e.name, "igo")
    for kind in ("person", "igo", "group"):
        picks = [m for m in ordered if m.entry.kind == kind]
        if picks:
            e = picks[-1].entry
            foreign = _nationality_before(picks[-1], ordered) if kind == "group" else None
            if foreign is not None and e.country is not None and foreign != e.country:
                # 'the Chinese CDC': a body of that nation with the listed body's role, not
                # the listed namesake of another country (the US CDC)
                return Combined(foreign + (e.role or ""), foreign, e.role, None, kind)
            return Combined(e.code, e.country, e.role, e.name, kind)
    countries = [m.entry for m in ordered if m.entry.kind in ("country", "capital")]
    agents = [m.entry for m in ordered if m.entry.kind == "agent" and m.entry.role]
    roles = [e.role for e in agents if e.name != RANK]
    ranks = [e.role for e in agents if e.name == RANK]
    # a rank is the role of a body only where no other word names one: a 'Metropolitan
    # Police sergeant' and a 'police sergeant' are police, an 'army sergeant' is military
    if countries:
        distinct = {c.country for c in countries}
        if len(distinct) > 1:
            return None
        c = countries[-1]
        role = roles[-1] if roles else c.role or (ranks[-1] if ranks else None)
        code = (c.country or c.code[:3]) + (role or "")
        return Combined(code, c.country, role, c.name, "country")
    role = roles[-1] if roles else ranks[-1] if ranks else None
    if role:
        return Combined("---" + role, None, role, None, "agent")
    return None


RANK = "military rank"
"""The name of the agents' row of military ranks (data/actors/agents.csv: 'Sgt', 'captain',
'colonel'): a rank is held in police forces as in armies."""


def _nationality_before(group: Mention, ordered: Sequence[Mention]) -> str | None:
    """The country of a nationality or country word right before a listed body ('the
    Chinese CDC', 'Pakistani Taliban'), if any."""
    for m in ordered:
        if m.end == group.start and m.entry.kind == "country":
            return m.entry.country
    return None
