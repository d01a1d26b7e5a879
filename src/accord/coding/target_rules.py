"""The coder's target rules: run on each (candidate, source) left without a target once the
sentence's events are known. Their order is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import ActorRef
from accord.coding.rules import Candidate, Clause, Verdict, rule

COUNTERPART_CODES = frozenset({"030", "032", "036", "039", "050", "051"})
COUNTERPART_WINDOW = 8
"""Sentences after a bilateral meeting or call in which a party's untargeted appeal (02x),
general intent to cooperate or diplomatic cooperation (COUNTERPART_CODES) is taken to
address the other party."""
COUNTERPART_ROOT = "04"
"""CAMEO 04 Consult: 'consultations and meetings', 'negotiate or bargain with others' (CAMEO
1.1b3): always with someone else, so never the source's own country by default."""


@rule(
    "counterpart",
    ["verb", "noun"],
    reads=["code", "sources", "targets"],
    writes=["targets", "rule"],
)
def counterpart(c: Candidate, cl: Clause) -> Verdict:
    """An untargeted appeal (02x), intent to cooperate or diplomatic cooperation by one
    party of a bilateral meeting or call reported in this sentence or shortly before
    addresses the other party: "Trump said Washington is willing to strengthen
    cooperation", in the report of the Xi-Trump call, is cooperation with China."""
    if c.targets or not c.sources or cl.pair is None or cl.pair_age is None:
        return c
    if not (c.code[:2] == "02" or c.code in COUNTERPART_CODES):
        return c
    if not 0 <= cl.pair_age <= COUNTERPART_WINDOW:
        return c
    src = c.sources[0]
    a, b = cl.pair
    for me, other in ((a, b), (b, a)):
        if src.code == me.code or (src.country is not None and src.country == me.country):
            if other.country == src.country:
                return c
            implied = ActorRef(
                src.head, 0, 0, other.code, other.country, other.role, other.name, "implied"
            )
            return dataclasses.replace(c, targets=(implied,), rule=f"{c.rule}+counterpart")
    return c


@rule("domestic_target", ["verb", "noun"], reads=["sources", "targets"], writes=["targets", "rule"])
def domestic_target(c: Candidate, cl: Clause) -> Verdict:
    """An act that names no target, in a sentence that names no other country nor an
    international organisation (and not in the report of the source's bilateral meeting
    or call just before), is directed at the source's own country: "Ricardo
    Rosselló announced his resignation" (USA -> USA), "police arrested a 36-year-old
    man" (GBR -> GBR). The target is the bare country, with no text, and the rule says so
    ('+domestic'). A consultation or negotiation (CAMEO root 04) is with a counterpart by
    definition: without one named it keeps no target rather than its own country."""
    if c.targets or not c.sources or c.code.startswith(COUNTERPART_ROOT):
        return c
    src = c.sources[0]
    home = src.country
    if home is None:
        return c
    if (
        cl.pair is not None
        and cl.pair_age is not None
        and 0 <= cl.pair_age <= COUNTERPART_WINDOW
        and home in (cl.pair[0].country, cl.pair[1].country)
    ):
        return c  # in the report of a bilateral meeting or call: not a domestic matter
    for m in cl.mentions:
        if m.entry.kind == "igo" or (m.entry.country is not None and m.entry.country != home):
            return c
    implied = ActorRef(src.head, 0, 0, home, home, None, None, "implied")
    return dataclasses.replace(c, targets=(implied,), rule=f"{c.rule}+domestic")
