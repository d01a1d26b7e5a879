"""The coder's rules on who may be the source of an event: an identifiable actor, one a
country places, not the press gathering news, not a sports team, and a political actor
(or one addressing the state). Their order among the other rules is in
:mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import Mention
from accord.coding.lexicon import words
from accord.coding.noun_rules import PROTEST_ROOT
from accord.coding.ontology import VIOLENT_ROOTS
from accord.coding.political import ADDRESSING_ROOTS, actor_class, is_political
from accord.coding.protest_rules import PROTESTING_ROLES
from accord.coding.roles import STATE_ROLES, roles_with
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule

__all__ = ["needs_source", "newsgathering", "placed_source", "political_source", "sport_teams"]


@rule("needs_source", ["verb"], reads=["sources"], writes=["claims"])
def needs_source(c: Candidate, cl: Clause) -> Verdict:
    """No event without an identifiable source actor. The verb's pattern words stay
    claimed: an event noun among them takes the pattern's code ('talks collapsed')."""
    if not c.sources:
        return Drop("no identifiable source actor", claims=c.match.tokens if c.match else ())
    return c


@rule("placed_source", ["verb", "noun"], reads=["sources"], writes=["sources"])
def placed_source(c: Candidate, cl: Clause) -> Verdict:
    """A role of people who act at home (police, courts, parties, soldiers, officials:
    the 'home' roles of ``data/lexicon/actor_roles.tsv``) that nothing places in a country
    (``---COP``) is no source: the event would say what was done but not by whom, and
    no analysis can count it. Roles that act across borders (aid agencies, religious
    groups: ``---NGO``, ``---REL``), regions and organisations stay, and so does every
    role in a text that names no country the knowledge base knows ('the Arnorian army'):
    there the role is all the text says, not a role the story left unplaced."""
    if not cl.countries_named:
        return c
    kept = tuple(
        s for s in c.sources if not (s.code.startswith(UNPLACED) and s.role in _HOME_ROLES)
    )
    if not kept:
        return Drop("the source is a role that no country places")
    return c if len(kept) == len(c.sources) else dataclasses.replace(c, sources=kept)


UNPLACED = "---"
_HOME_ROLES = roles_with("home")


NEWSGATHERING_ROOTS = frozenset({"02", "04"})
"""Appeals and consultations (CAMEO 1.1b3 roots 02, 04): what a reporter's work may look
like to the dictionary."""
_PRESS_ROLE = "MED"
_NEWSGATHERING = words("newsgathering_verbs.txt")


@rule("newsgathering", ["verb"], reads=["code", "sources"])
def newsgathering(c: Candidate, cl: Clause) -> Verdict:
    """The press reaching out to, contacting or interviewing someone (an appeal or a
    consultation whose every source is a news organisation or a reporter, role MED, by a
    verb of newsgathering_verbs.txt) gathers news; it is no political interaction ('a
    Wikinews reporter reached out to the Unity Party nominee to discuss his campaign').
    The press appealing to a government ('journalists appealed to the government to let
    them resume publishing'), and what it says of its own, stay."""
    if c.code[:2] not in NEWSGATHERING_ROOTS or not c.sources:
        return c
    if cl.tokens[c.trigger].lemma.lower() not in _NEWSGATHERING:
        return c
    if all(s.role == _PRESS_ROLE for s in c.sources):
        return Drop("newsgathering: the press reaching out is no political interaction")
    return c


@rule("sport_teams", ["verb", "noun"], reads=["sources"], writes=["sources"])
def sport_teams(c: Candidate, cl: Clause) -> Verdict:
    """In a sentence or story about sport (:mod:`accord.coding.domain`), a country named
    as the actor is a national team ('England beat Wales 20-10', 'Wales travel to
    Edinburgh'), a military rank a team captain, and a role word placed only by the
    story's country or a pronoun is no identified political actor; players, coaches and
    clubs (no political role) are none either: none of them is a source. A listed person
    or organisation still is ('FIFA', a named minister), and so is the state organ an act
    implies ('the tennis player was arrested on Friday': the police)."""
    if not cl.sport:
        return c
    kept = tuple(
        s
        for s in c.sources
        if s.listed
        or (s.kind == "implied" and s.role in STATE_ROLES)  # the police behind an arrest
        or (
            is_political(s, cl.actors)
            and not (s.kind in ("country", "pronoun") or s.role == "MIL" or s.basis)
        )
    )
    if not kept:
        return Drop("sport: a team, a captain or an unplaced role word is no political actor")
    return c if len(kept) == len(c.sources) else dataclasses.replace(c, sources=kept)


@rule(
    "political_source", ["verb", "noun"], reads=["code", "sources", "targets"], writes=["sources"]
)
def political_source(c: Candidate, cl: Clause) -> Verdict:
    """An event needs a political actor acting: a state organ, a party, an armed group, an
    NGO, an international organisation, a listed public figure (:mod:`accord.coding.political`).
    Others (business, media, scholars, celebrities, ordinary people) act politically only
    when they address the state: an appeal, demand, criticism, rejection, threat or
    protest aimed at a political actor, or in a sentence that names an organ of the state
    or a country (not just as a place, 'in Lagos', or an origin, 'US supermarket giant
    Wal-Mart'); violence against the state; and a protest by people (a country's people,
    'Palestinians', not firms or media) whatever it names. 'Critics have savaged the
    film', 'a BBC spokesman said' and a celebrity's visit are no events."""
    root = c.code[:2]
    protest = root == PROTEST_ROOT
    addressed = False
    if root in ADDRESSING_ROOTS:
        inside = {k for s in c.sources for k in range(s.start, s.end)}
        addressed = any(is_political(t, cl.actors) for t in c.targets)
        addressed = addressed or any(
            m.start not in inside and _addresses(m, cl) for m in cl.mentions
        )
    elif root in VIOLENT_ROOTS:
        addressed = any(actor_class(t, cl.actors) == "state" for t in c.targets)
    kept = tuple(
        s
        for s in c.sources
        if addressed
        or is_political(s, cl.actors)
        or (protest and (s.role in PROTESTING_ROLES or (s.role is None and s.kind == "country")))
    )
    if not kept:
        return Drop("no political actor acts (business, media, scholars, private people)")
    return c if len(kept) == len(c.sources) else dataclasses.replace(c, sources=kept)


_PLACE_PREPS = words("place_prepositions.txt")


def _addresses(m: Mention, cl: Clause) -> bool:
    """A mention that names the state as someone acted upon: an organ of the state
    ('the prime minister'), or a country that is not just where something happens or
    what something is from ('Sweden's decision', not 'a rally in Lagos' nor 'US
    supermarket giant Wal-Mart')."""
    if m.entry.role in STATE_ROLES:
        return True
    if m.entry.kind not in ("country", "capital"):
        return False
    head = cl.tokens[m.end - 1]
    if head.dep in ("compound", "amod", "nmod") and cl.tokens[head.head].pos in ("NOUN", "PROPN"):
        return False  # "US supermarket giant Wal-Mart", "a British band": not the state
    prep = cl.tokens[head.head] if head.dep == "pobj" else None
    return prep is None or prep.text.lower() not in _PLACE_PREPS
