"""The coder's rules about protest: who protests, and what a rally is. Their order among
the other rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.lexicon import words
from accord.coding.roles import STATE_ROLES, roles_with
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule

DEMONSTRATION = "141"
PROTESTING_ROLES = roles_with("protests")
"""Roles whose protests are protests: society roles whose protests are political acts
whatever the sentence names (people, students, refugees, farmers, doctors; not firms or
media), and legislators."""


@rule("civilian_protest", ["verb", "noun"], reads=["code", "sources"], writes=["sources"])
def civilian_protest(c: Candidate, cl: Clause) -> Verdict:
    """A demonstration or rally (141) is a civilian act (CAMEO 1.1b3, 14: 'all civilian
    demonstrations and other collective actions carried out as protests'): a government,
    its forces, police, intelligence or courts holding a rally ('Trump held rallies', a
    state-organised march) protest nothing. Legislators protesting in parliament still do,
    and the rest of 14 stays whoever acts: soldiers who cordon off roads obstruct passage
    (144), an official may go on hunger strike (142)."""
    if not c.code.startswith(DEMONSTRATION):
        return c
    kept = tuple(s for s in c.sources if s.role not in STATE_ROLES or s.role in PROTESTING_ROLES)
    if not kept:
        return Drop(
            "a government or its forces holding a rally is no protest (CAMEO 141)", consumes=True
        )
    return c if len(kept) == len(c.sources) else dataclasses.replace(c, sources=kept)


_ELECTORAL = words("electoral_modifiers.txt")


@rule("campaign_rally", ["verb", "noun"], reads=["code"])
def campaign_rally(c: Candidate, cl: Clause) -> Verdict:
    """A campaign or election rally is electioneering, not a protest (141 covers 'civilian
    demonstrations and other collective actions carried out as protests', CAMEO 1.1b3):
    'Kanye West held his first campaign rally in Charleston', 'an election rally in
    Lahore', whoever holds it (data/lexicon/electoral_modifiers.txt)."""
    if not c.code.startswith(DEMONSTRATION):
        return c
    nouns = [c.trigger] if c.kind == "noun" else list(c.match.tokens if c.match else ())
    for n in nouns:
        mods = [
            cl.tokens[k].text.lower()
            for k in cl.children.get(n, ())
            if cl.tokens[k].dep in ("compound", "amod", "nmod")
        ]
        if any(m in _ELECTORAL for m in mods):
            return Drop("a campaign or election rally is no protest (CAMEO 141)", consumes=True)
    return c
