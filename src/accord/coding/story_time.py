"""When a story with no date was written, as far as the people it names tell.

A story without a publication date would otherwise have its actors resolved as of today:
a 2004 report's "Chancellor Gordon Brown" and "Mr Blair" as former officials (``ELI``),
a 2019 report's Taliban as Afghanistan's government. The knowledge base dates the offices
of the people it knows; news is mostly about people in office. So the story's actors are
resolved as of the time when the most of the people it names held office, less those it
calls former ("former Cabinet minister Clare Short" was out of office then), when that is
at least :data:`MIN_IN_OFFICE` of them and more than hold office today (a story of today
that recalls Tony Blair beside two of today's ministers stays today's).

This time serves the knowledge base only: the story's events stay undated (no date is
invented for them), and each says in its evidence that its actors' roles were read as
of that year ('+roles:2004').
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence

from accord.coding.actor_records import KnowledgeBase
from accord.coding.bodies import former_office
from accord.model import Event, ParsedSentence

__all__ = [
    "MIN_IN_OFFICE",
    "Office",
    "named_offices",
    "noted_roles",
    "office_time",
    "roles_note",
    "story_office_time",
]

_TITLE_WORDS = 4
"""How many words before a name its title may take ("former Cabinet minister")."""

Office = tuple[dt.date, dt.date | None]
"""A dated office: held from its first day to the day before its end (None: still held)."""

MIN_IN_OFFICE = 2
"""People in office needed at once: one person's term is no witness of the story's time
(a story may name one former leader for what he says today)."""


def story_office_time(
    parsed: Sequence[ParsedSentence], kb: KnowledgeBase, today: dt.date
) -> dt.date | None:
    """:func:`office_time` of the people a story's parsed sentences name (the knowledge
    base's :meth:`~accord.coding.kb.resolver.ActorKB.offices`)."""
    texts = [[t.text for t in ps.tokens] for ps in parsed]
    return office_time((p for w in texts for p in named_offices(w, kb.offices(w))), today)


def noted_roles(events: Sequence[Event], when: dt.date) -> list[Event]:
    """``events`` with :func:`roles_note` added to the rule of their evidence."""
    note = roles_note(when)
    return [
        dataclasses.replace(
            e, evidence=dataclasses.replace(e.evidence, rule=e.evidence.rule + note)
        )
        for e in events
    ]


def named_offices(
    words: Sequence[str], found: Iterable[tuple[int, str, Sequence[Office]]]
) -> list[tuple[str, Sequence[Office], bool]]:
    """The people a sentence names (``found``: where each name starts in ``words``, the
    person, their dated offices), each with whether the words just before the name call
    them former ("Former Cabinet minister Clare Short")."""
    return [
        (name, offices, former_office(words[max(0, start - _TITLE_WORDS) : start]))
        for start, name, offices in found
    ]


def office_time(
    people: Iterable[tuple[str, Sequence[Office], bool]], today: dt.date
) -> dt.date | None:
    """The middle of the latest stretch of time in which the most of ``people`` (canonical
    name, dated offices other than ``ELI``, whether the text calls them former) held
    office, each one called former counting against a time they held it; None where that
    is fewer than :data:`MIN_IN_OFFICE` or no more than on ``today``."""
    held: dict[str, set[Office]] = {}
    former: set[str] = set()
    for name, offices, was in people:
        held.setdefault(name, set()).update(offices)
        if was:
            former.add(name)
    day = dt.timedelta(days=1)
    points = sorted(
        {
            p
            for offices in held.values()
            for start, end in offices
            for p in (start, end - day if end is not None else today)
            if p <= today
        }
    )

    def in_office(d: dt.date) -> int:
        return sum(
            -1 if name in former else 1
            for name, offices in held.items()
            if any(start <= d and (end is None or d < end) for start, end in offices)
        )

    scores = [in_office(p) for p in points]
    if not scores:
        return None
    best = max(scores)
    if best < MIN_IN_OFFICE or best <= in_office(today):
        return None
    hi = max(i for i, s in enumerate(scores) if s == best)
    lo = hi
    while lo > 0 and scores[lo - 1] == best:
        lo -= 1
    middle = points[lo] + (points[hi] - points[lo]) / 2
    return middle if in_office(middle) == best else points[hi]


def roles_note(when: dt.date) -> str:
    """The evidence suffix of an event whose actors' roles were read as of ``when``."""
    return f"+roles:{when.year}"
