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
        picks = [m.entry for m in ordered if m.entry.kind == kind]
        if picks:
            e = picks[-1]
            return Combined(e.code, e.country, e.role, e.name, kind)
    countries = [m.entry for m in ordered if m.entry.kind in ("country", "capital")]
    roles = [m.entry.role for m in ordered if m.entry.kind == "agent" and m.entry.role]
    if countries:
        distinct = {c.country for c in countries}
        if len(distinct) > 1:
            return None
        c = countries[-1]
        role = roles[-1] if roles else c.role
        code = (c.country or c.code[:3]) + (role or "")
        return Combined(code, c.country, role, c.name, "country")
    if roles:
        return Combined("---" + roles[-1], None, roles[-1], None, "agent")
    return None
