"""The coder's rules for event nouns ('the riot', 'protests', 'talks'): when a noun is
an event of its own and when it is an act the sentence's verb already codes or a thing
named in passing. Their order among the other rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.lexicon import words
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule

__all__ = ["PROTEST_ROOT", "noun_echo", "protest_in_passing", "verb_over_noun"]

PROTEST_ROOT = "14"


@rule("noun_echo", ["noun"], reads=["code", "sources"])
def noun_echo(c: Candidate, cl: Clause) -> Verdict:
    """An event noun whose actor the text does not name, in a sentence whose verb codes an
    act of the same root, is that act named again: 'During a riot near the White House,
    rioters set fire to St. John's Church' (the riot is the fire-setting, coded from its
    verb), 'the fourth night in a row that Serbians protested; the protest started out
    against ...'. A noun with actors of its own stays ('after Xi's phone call with Min
    Aung Hlaing')."""
    if c.code[:2] not in cl.verb_roots or not _unnamed(c):
        return c
    return Drop("the sentence's verb already codes this act")


@rule("protest_in_passing", ["noun"], reads=["code", "sources"])
def protest_in_passing(c: Candidate, cl: Clause) -> Verdict:
    """A protest noun with no protesters named is reported only as what its clause is
    about, its subject ('protests filled the San Juan streets daily', 'the rallies
    happened two days before the vote', 'there were protests'); named in passing, as the
    setting or the matter of another act, it is no report of a protest ('This comes after
    weeks of protests', 'The government strengthened security measures during the rally',
    'Trump referred to the riots as acts of domestic terror', 'the authorities have chosen
    to suppress protests'). One whose protesters the text names stays ('students'
    protests')."""
    if c.code[:2] != PROTEST_ROOT or not _unnamed(c):
        return c
    tok = cl.tokens[c.trigger]
    while tok.dep == "conj" and tok.head != tok.i:
        tok = cl.tokens[tok.head]
    if tok.dep in _REPORTED_AS:
        return c
    if any(
        cl.tokens[k].dep == "acl" and cl.tokens[k].tag == "VBG" for k in cl.children.get(tok.i, ())
    ):
        return c  # 'with protests and riots spreading throughout the nation': told as going on
    if _caused(tok.i, cl):
        return c  # 'the shooting sparked riots', 'led to protests and unrest'
    return Drop("a protest named in passing is no report of one")


_REPORTED_AS = frozenset({"nsubj", "nsubjpass", "ROOT", "attr"})


def _unnamed(c: Candidate) -> bool:
    """Whether the noun's actors are only implied: none is named in the text."""
    return bool(c.sources) and all(s.kind == "implied" or s.end <= s.start for s in c.sources)


@rule("verb_over_noun", ["noun"], writes=["code", "rule"])
def verb_over_noun(c: Candidate, cl: Clause) -> Verdict:
    """An event noun claimed by a verb pattern that found no source of its own ('talks
    collapsed'): the verb's pattern codes it, the noun's participants are the actors."""
    verb = cl.claimed.get(c.trigger)
    if verb is None:
        return c
    return dataclasses.replace(c, code=verb.code, rule=f"{verb.rule}+{c.rule}")


_CAUSING = words("causing_verbs.txt")


def _caused(noun: int, cl: Clause) -> bool:
    """Whether the noun is what a verb of causing brings about: its object ('sparked
    riots') or the object of its 'to' ('led to protests')."""
    tok = cl.tokens[noun]
    if tok.head == noun:
        return False
    head = cl.tokens[tok.head]
    if tok.dep == "dobj":
        return head.lemma.lower() in _CAUSING
    if tok.dep == "pobj" and head.text.lower() == "to" and head.head != head.i:
        return cl.tokens[head.head].lemma.lower() in _CAUSING
    return False
