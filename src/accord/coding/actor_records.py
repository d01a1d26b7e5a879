"""The records the actor finder works with: what a knowledge-base entry and match look
like to it (protocols), a mention of the knowledge base in a sentence, an actor found at a
head token (:class:`ActorRef`), and one side of a bilateral exchange (:class:`Party`).
:mod:`accord.coding.actors` finds them; the rules and targets read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from accord.coding.lexicon import words
from accord.coding.roles import roles_with
from accord.model import Actor, Token

__all__ = [
    "ActorRef",
    "Entry",
    "KnowledgeBase",
    "Match",
    "Mention",
    "Party",
    "identified",
    "named_group",
    "names_body",
    "region",
]


class Entry(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...


class Match(Protocol):
    @property
    def length(self) -> int: ...
    @property
    def entry(self) -> Entry: ...


class KnowledgeBase(Protocol):
    def match(self, words: Sequence[str], start: int, date: dt.date | None) -> Match | None: ...

    def matches(self, words: Sequence[str], date: dt.date | None) -> Sequence[tuple[int, Match]]:
        """Left to right, each the longest match at its start; a match's words are
        not searched again."""
        ...

    def offices(
        self, words: Sequence[str]
    ) -> Sequence[tuple[int, str, Sequence[tuple[dt.date, dt.date | None]]]]:
        """The people ``words`` may name: where each name starts, the person, their
        dated offices."""
        ...


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor found at a head token, with the token range that names it."""

    head: int
    start: int
    end: int
    """Token range [start, end) in the sentence."""
    code: str
    country: str | None
    role: str | None
    name: str | None
    kind: str
    """person, country, igo, group, agent, pronoun; "implied" for a counterpart the
    sentence does not name (its span is empty)."""
    titles: frozenset[str] = frozenset()
    """Lower-cased words of a person's phrase ("foreign", "minister"): what "the minister"
    can later refer back to."""
    listed: bool = False
    """The actor is a person, organisation or group the knowledge base lists by name (not
    a country combined with a role word, nor a name the parser alone found)."""
    basis: str = ""
    """Where a role word's country came from when the phrase names none: 'place' (the
    place the sentence names), 'dateline', 'sentence' (the one country the sentence
    names) or 'document' (the country the document is mostly about); '' when named."""
    gender: str = ""
    """'m' or 'f' where a word of the person's phrase says so (gendered_words.tsv: "King",
    "Mrs", "sister"); '' when nothing does. A pronoun referring back keeps it."""

    def at(self, head: int, start: int, end: int, kind: str) -> ActorRef:
        """The same actor named again at tokens [start, end) of a sentence, as ``kind``
        (a pronoun or a surname referring back to it); its titles stay with the first
        mention."""
        return ActorRef(
            head,
            start,
            end,
            self.code,
            self.country,
            self.role,
            self.name,
            kind,
            listed=self.listed,
            basis=self.basis,
            gender=self.gender,
        )

    def inferred(self, side: str) -> str:
        """The evidence suffix for a country inferred for a bare role word ('+source-
        country:dateline'), or nothing."""
        return f"+{side}-country:{self.basis}" if self.basis else ""

    def to_actor(self, tokens: Sequence[Token], sentence: str) -> Actor:
        if self.kind == "implied":
            # not named in the sentence (the other side of a call reported just before)
            return Actor(
                text="",
                code=self.code,
                country=self.country,
                role=self.role,
                name=self.name,
                span=(0, 0),
            )
        s = tokens[self.start].idx
        last = tokens[self.end - 1]
        e = last.idx + len(last.text)
        return Actor(
            text=sentence[s:e],
            code=self.code,
            country=self.country,
            role=self.role,
            name=self.name,
            span=(s, e),
        )


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a bilateral exchange, remembered across sentences ("both sides")."""

    code: str
    country: str | None
    role: str | None
    name: str | None

    @classmethod
    def of(cls, actor: Actor) -> Party:
        return cls(actor.code, actor.country, actor.role, actor.name)


@dataclass(frozen=True, slots=True)
class Told:
    """An act the story reported with a target, remembered for later sentences that
    answer it ('Iran denied the accusation')."""

    root: str
    """Its CAMEO root."""
    source: Party
    target: Party


_GROUP_ROLES = roles_with("group")


def named_group(ref: ActorRef) -> bool:
    """A source of known role but unknown country ("Sunnis", "opposition groups", "a judge"):
    the event is coded with the role alone (country "---"), unless it is a mere comment
    ("analysts said"). Generic words ("people", "officials", "government") stay
    unidentified."""
    return ref.kind == "agent" and ref.role in _GROUP_ROLES


def identified(ref: ActorRef) -> bool:
    """An actor worth an event: a known country, an organisation or a named group."""
    return ref.country is not None or ref.code.startswith(("IGO", "NGO", "IMG", "MNC"))


def region(ref: ActorRef) -> bool:
    """A regional actor ("European court", "African states"); as a target a region is
    more often a place ("an initiative for the Persian Gulf"), so sources only."""
    return ref.kind == "country" and ref.country is None and not ref.code.startswith("---")


_BODY_KINDS = frozenset({"group", "agent", "igo", "country"})
"""Actor kinds that may name a body, not a person (ActorRef.kind)."""
_MEMBER_NOUNS = words("member_nouns.txt")


def names_body(ref: ActorRef, tokens: Sequence[Token]) -> bool:
    """Does the actor name one body ('the House', 'the Supreme Court'), not a person
    ('US Senator Bernie Sanders') nor members of one ('Senators', 'lawmakers')?"""
    if ref.kind not in _BODY_KINDS or not 0 <= ref.head < len(tokens):
        return False
    span = tokens[min(ref.start, ref.head) : max(ref.end, ref.head + 1)]
    return tokens[ref.head].tag not in ("NNS", "NNPS") and not any(
        t.ent_type == "PERSON" or t.text.lower() in _MEMBER_NOUNS for t in span
    )
