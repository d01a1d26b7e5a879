"""Phrase-level heuristics for :meth:`ActorKB.resolve_text`: which words are the head of
an actor phrase, which role words are generic titles, and how an entry is re-coded with
the role the phrase gives it."""

from __future__ import annotations

from collections.abc import Sequence

from accord.coding.kb.records import ActorEntry, Mention
from accord.coding.kb.text import singular, wordset

__all__ = [
    "FORMER",
    "GENERIC_TITLES",
    "OFFICE_ROLES",
    "generic_agent",
    "head_flags",
    "head_role",
    "inside_name",
    "only_generic",
    "recode",
    "singular_word",
]


_PREPOSITIONS = wordset(
    "of at in from for to with across on near inside outside by within among over under"
)
FORMER = frozenset({"former", "ex", "erstwhile", "retired", "onetime", "one-time"})
_NOT_NAMES = wordset(
    "the a an of in at to from for and or with by on near sen rep gen lt col maj capt adm "
    "dr mr mrs ms prof president minister "
    # numbers and determiners that start a phrase ("Two Russians", "Many Afghans")
    "two three four five six seven eight nine ten eleven twelve twenty dozens hundreds "
    "thousands millions several some many most all both few other others these those "
    "young old ordinary local fellow top senior"
)
OFFICE_ROLES = frozenset({"LEG", "GOV", "JUD", "MIL", "COP"})
GENERIC_TITLES = wordset(
    "president vice chairman chairwoman chair chairperson head leader leadership member "
    "director chief secretary spokesman spokeswoman spokesperson representative official "
    "officer deputy boss executive general manager founder coordinator"
)


def head_flags(lowered: Sequence[str]) -> list[bool]:
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


def inside_name(m: Mention, words: Sequence[str], covered: frozenset[int]) -> bool:
    """A one-word place right after an unknown capitalised word is part of a name
    ("Sen. Eliseo Valencia"), not the place. A word that is itself a
    knowledge-base name ("Russia FSB") or a number ("Two Russians") is no such name."""
    if m.entry.kind not in ("country", "capital") or m.end - m.start != 1 or m.start == 0:
        return False
    if m.start - 1 in covered:
        return False
    prev = words[m.start - 1]
    return prev.isalpha() and prev[:1].isupper() and prev.lower() not in _NOT_NAMES


def singular_word(word: str) -> str:
    return singular(word) or word


def generic_agent(m: Mention, lowered: Sequence[str]) -> bool:
    words = [singular_word(w) for w in lowered[m.start : m.end]]
    return bool(words) and all(w in GENERIC_TITLES or w in ("the", "a", "an") for w in words)


def only_generic(agents: Sequence[Mention], lowered: Sequence[str]) -> bool:
    return bool(agents) and all(generic_agent(m, lowered) for m in agents)


def head_role(
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
    specific_head = [m for m in in_head if not generic_agent(m, lowered)]
    if specific_head:
        return specific_head[-1].entry.role
    specific_tail = [m for m in tail if not generic_agent(m, lowered)]
    if in_head and specific_tail:
        return specific_tail[0].entry.role
    if in_head:
        return in_head[-1].entry.role
    return tail[0].entry.role


def recode(
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
