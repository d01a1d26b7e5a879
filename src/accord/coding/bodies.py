"""State bodies and offices that the words of a noun phrase name, read off the parse.

Tests on one parsed sentence (its tokens, the children of each token and the
knowledge-base mention covering each token) that :class:`accord.coding.actors.SentenceActors`
uses when it resolves a phrase: whether a modifier names an owner ("the EU trio") or a
role, group or body ("army bulldozers"); whether the phrase is a named state body, with
its country's name ("the United States Commission on International Religious Freedom")
or without one ("the National Telecommunications Commission"); the office an office
title names ("Prime Minister"); and the office a clause's subject acts in ("resigned as
the governor").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.actor_records import Mention
from accord.coding.combine import Combined, combine
from accord.coding.lexicon import table, words
from accord.coding.roles import POLITICAL_ROLES, STATE_ROLES
from accord.model import Token

__all__ = [
    "agent_compound",
    "former_office",
    "names_owner",
    "national_body",
    "office_held",
    "state_agency",
    "title_role",
]

_AGENCY_HEADS = words("state_agency_heads.txt")
_NEWS_WORDS = frozenset({"news", "press"})
_SPORT_WORDS = words("sport_context.txt")
_NATIONAL_WORDS = frozenset({"National", "Federal", "State"})
_OFFICE_TITLES = table("office_titles.tsv")
_FORMER_OFFICE = words("former_office_words.txt")
_PAST_OFFICE = _FORMER_OFFICE | words("past_office_words.txt")
_OFFICES = STATE_ROLES | POLITICAL_ROLES
"""Roles one holds as an office ("resigned as governor"), not a description ("as the man")."""


def agent_compound(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    by_token: Mapping[int, Mention],
    head: int,
) -> bool:
    """'army bulldozers', 'police officers': a compound naming a role, group or body
    (not a bare country: 'U.S.-China relations' is no actor) makes the phrase one."""
    for c in children.get(head, ()):
        m = by_token.get(c)
        if (
            tokens[c].dep == "compound"
            and m is not None
            and (
                m.entry.kind in ("agent", "group", "igo")
                or (m.entry.kind == "capital" and m.entry.role not in (None, "GOV"))
            )
        ):
            return True
    return False


def names_owner(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    by_token: Mapping[int, Mention],
    head: int,
) -> bool:
    """Whether a modifier of the noun names a country, body or person ('the EU trio')."""
    return any(
        (m := by_token.get(c)) is not None and m.entry.kind != "agent"
        for c in children.get(head, ())
        if tokens[c].dep in ("compound", "amod", "poss", "nmod")
    )


def national_body(
    tokens: Sequence[Token], children: Mapping[int, Sequence[int]], head: int
) -> bool:
    """A named state body that names no country: 'the National Telecommunications
    Commission', 'the Federal Election Commission' (a head of state_agency_heads.txt
    after 'National', 'Federal' or 'State')."""
    tok = tokens[head]
    if tok.ent_type != "ORG" or tok.lemma.lower() not in _AGENCY_HEADS:
        return False
    left = [c for c in children.get(head, ()) if c < head]
    return any(tokens[c].text in _NATIONAL_WORDS for c in left) and not any(
        tokens[c].text.lower() in _NEWS_WORDS | _SPORT_WORDS for c in left
    )


def state_agency(
    tokens: Sequence[Token], children: Mapping[int, Sequence[int]], head: int, own: Combined
) -> bool:
    """A named state body holding its country's name: 'the United States Commission on
    International Religious Freedom' (data/lexicon/state_agency_heads.txt); not a news
    agency, nor a sports body ('the US Anti-Doping Agency': sport_context.txt)."""
    tok = tokens[head]
    return (
        own.kind == "country"
        and own.role is None
        and tok.ent_type == "ORG"
        and tok.lemma.lower() in _AGENCY_HEADS
        and not any(
            tokens[c].text.lower() in _NEWS_WORDS | _SPORT_WORDS
            for c in range(min((*children.get(head, ()), head)), head)
        )
    )


def title_role(tokens: Sequence[Token], lo: int, hi: int) -> str | None:
    """The role of an office title written in tokens [lo, hi) ("President", "Prime
    Minister", "Secretary of State"), unless it is a past one ("former", "ex-", "late", "then")."""
    texts = [tokens[k].text.lower() for k in range(lo, hi)]
    if _PAST_OFFICE.intersection(texts) or any(t.startswith("ex-") for t in texts):
        return None
    for i in range(len(texts)):
        role = _title_at(texts, i)
        if role is not None:
            return role
    return None


def _title_at(texts: Sequence[str], i: int) -> str | None:
    """The role of the title that starts at ``texts[i]``, the longest first ("secretary of
    state", then "defense secretary", then "minister")."""
    for n in (3, 2, 1):
        role = _OFFICE_TITLES.get(" ".join(texts[i : i + n])) if i + n <= len(texts) else None
        if role is not None:
            return role[0]
    return None


def former_office(words: Sequence[str]) -> bool:
    """Whether the words before a name say its holder has left an office: a word of
    former_office_words.txt right before an office title, or one word before it ("former
    President", "the late King", "former Cabinet minister", "ex-President"); not "former
    presidential candidate Senator X" (a former candidacy, a present office)."""
    texts = [w.lower() for w in words]
    for i, t in enumerate(texts):
        if t.startswith("ex-") and _title_at([t[3:], *texts[i + 1 :]], 0) is not None:
            return True
        if t in _FORMER_OFFICE and any(_title_at(texts, j) for j in (i + 1, i + 2)):
            return True
    return False


def office_held(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    by_token: Mapping[int, Mention],
    head: int,
) -> Combined | None:
    """The office a clause's subject acts in ("Rosselló resigned as the governor",
    "was sworn in as prime minister"): the role word its verb takes with "as"."""
    tok = tokens[head]
    if tok.dep not in ("nsubj", "nsubjpass") or tok.head == head:
        return None
    for prep in children.get(tok.head, ()):
        if tokens[prep].dep != "prep" or tokens[prep].text.lower() != "as":
            continue
        for obj in children.get(prep, ()):
            m = by_token.get(obj)
            if tokens[obj].dep == "pobj" and m is not None:
                office = combine([m])
                if office is not None and office.kind == "agent" and office.role in _OFFICES:
                    return office
    return None
