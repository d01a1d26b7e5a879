"""Resolve a parsed actor phrase to one actor, exactly as the coder resolves the actors of a
sentence.

Used to score actor resolution (the NGEC cases) through the code path events are coded with,
not a separate resolver: the phrase's knowledge-base mentions (:func:`find_mentions`) and its
noun phrase (:class:`SentenceActors`, the same lookup :mod:`accord.coding.coder` runs for a
source or target) at the phrase's syntactic head ("Russian President Vladimir Putin" ->
"Putin"; "Chile's Defense Ministry" -> "Ministry"). When the head names no actor (a phrase
parsed as a clause, a head outside every mention), the knowledge-base mention covering the
head is taken, else the longest mention (the first of equals), and resolved as a phrase at
its own head; a mention no phrase rule turns into an actor stands for itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.coding.actor_records import ActorRef, KnowledgeBase, Mention
from accord.coding.actors import SentenceActors
from accord.coding.mentions import find_mentions
from accord.coding.verbs import children_of
from accord.model import Token

__all__ = ["resolve_phrase"]


def _head(tokens: Sequence[Token], start: int, end: int) -> int:
    """The token of [start, end) whose syntactic head lies outside the span (the last one
    when several do, as in a flat name)."""
    outside = [t.i for t in tokens[start:end] if t.head == t.i or not start <= t.head < end]
    return outside[-1] if outside else end - 1


def _mention_ref(m: Mention) -> ActorRef:
    e = m.entry
    return ActorRef(m.end - 1, m.start, m.end, e.code, e.country, e.role, e.name, e.kind)


def resolve_phrase(
    tokens: Sequence[Token], kb: KnowledgeBase, date: dt.date | None
) -> ActorRef | None:
    """The actor a parsed phrase names, or None when it names none."""
    if not tokens:
        return None
    mentions = find_mentions(tokens, kb, date)
    actors = SentenceActors(tokens, mentions, children_of(tokens))
    head = _head(tokens, 0, len(tokens))
    found = actors.actors_at(head)
    if found:
        return found[0]
    if not mentions:
        return None
    covering = [m for m in mentions if m.start <= head < m.end]
    chosen = covering[0] if covering else max(mentions, key=lambda m: (m.end - m.start, -m.start))
    found = actors.actors_at(_head(tokens, chosen.start, chosen.end))
    return found[0] if found else _mention_ref(chosen)
