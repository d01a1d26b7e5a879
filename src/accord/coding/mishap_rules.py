"""The coder's rules for mishaps and disasters: an inquiry into a crash or a state of
emergency against a storm is no interaction between actors. Their order is in
:mod:`accord.coding.ruleset`."""

from __future__ import annotations

from accord.coding.lexicon import words
from accord.coding.patterns import subtree
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule


@rule("mishap_inquiry", ["verb", "noun"], reads=["code", "targets"])
def mishap_inquiry(c: Candidate, cl: Clause) -> Verdict:
    """An inquiry (root 09) into a crash, a fire or an outbreak that names no actor it
    looks into ('the NTSB began investigations of the crash', 'the crash was being
    investigated by state police') is no interaction: CAMEO 1.1b3 codes 090 for
    investigating an actor's conduct (crime, corruption, abuses, military action), not a
    mishap (data/lexicon/mishap_nouns.txt). With an actor investigated it stays."""
    if c.code[:2] != INVESTIGATE_ROOT or c.targets:
        return c
    sources = {k for s in c.sources for k in range(s.start, s.end)}
    around = subtree(cl.children, c.trigger) - sources  # 'the crash was investigated' too
    if any(cl.tokens[k].lemma.lower() in _MISHAPS for k in around):
        return Drop("an inquiry into a mishap, not into an actor's conduct")
    return c


INVESTIGATE_ROOT = "09"
_MISHAPS = words("mishap_nouns.txt")
EMERGENCY = "1724"
_HAZARDS = words("natural_hazard_nouns.txt")


@rule("hazard_emergency", ["verb", "noun"], reads=["code"])
def hazard_emergency(c: Candidate, cl: Clause) -> Verdict:
    """A state of emergency (1724) declared in a sentence that names a natural hazard
    ('declared a state of emergency for the state on Thursday, with Tropical Storm Barry
    approaching the coast') is disaster management, not a political interaction
    (data/lexicon/natural_hazard_nouns.txt). One against an epidemic or unrest stays."""
    if c.code != EMERGENCY:
        return c
    if any(t.lemma.lower() in _HAZARDS or t.text.lower() in _HAZARDS for t in cl.tokens):
        return Drop("a state of emergency against a natural hazard is no interaction")
    return c
