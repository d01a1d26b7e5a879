"""The coder's rules on how a candidate trigger reads before anything else is asked of it:
a word tagged as a verb that is a noun ('its fisheries dispute'), a caption ('This graphic
shows ...'), a pattern word that heads a clause of its own, a naming use ('calling it
X'). Their order among the other rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.arguments import naming_description
from accord.coding.lexicon import words
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule
from accord.coding.statement_rules import evaluation

__all__ = [
    "caption",
    "naming_use",
    "noun_tagged_as_verb",
    "pattern_word_is_a_clause",
    "refused_dismissal",
]

_ASPECTUAL = words("aspectual_verbs.txt")


@rule("noun_tagged_as_verb", ["verb"])
def noun_tagged_as_verb(c: Candidate, cl: Clause) -> Verdict:
    """A word tagged as a verb but with a determiner or possessor is a noun: 'its
    fisheries dispute'; so is a bare or present form with no subject right after a noun
    that has its own determiner or possessor, where the parser hung those on the first
    noun of the compound ('ending its fisheries dispute with its partners')."""
    kids = cl.children.get(c.trigger, ())
    if any(cl.tokens[k].dep in ("det", "poss") for k in kids):
        return Drop("a noun tagged as a verb ('its fisheries dispute')")
    tok = cl.tokens[c.trigger]
    prev = c.trigger - 1
    if (
        prev >= 0
        and tok.tag in _BARE_OR_PRESENT
        and cl.tokens[prev].pos == "NOUN"
        and not any(cl.tokens[k].dep in _SUBJECT_OR_AUX for k in kids)
        and any(cl.tokens[k].dep in ("det", "poss") for k in cl.children.get(prev, ()))
    ):
        return Drop("a noun tagged as a verb ('its fisheries dispute')")
    return c


_BARE_OR_PRESENT = frozenset({"VB", "VBP", "VBZ"})
_SUBJECT_OR_AUX = frozenset({"nsubj", "nsubjpass", "csubj", "aux", "auxpass", "expl"})


_CAPTION_NOUNS = words("caption_nouns.txt")
_SHOWING = words("showing_verbs.txt")


@rule("caption", ["verb", "noun"])
def caption(c: Candidate, cl: Clause) -> Verdict:
    """'This graphic, provided by Statista, shows the U.S. states where recreational
    marijuana has been legalized': a caption (a picture or chart as the subject of a verb
    of showing, data/lexicon: caption_nouns, showing_verbs) describes what it shows; it
    reports no event of the story."""
    for tok in cl.tokens:
        if tok.dep != "ROOT" or tok.lemma.lower() not in _SHOWING:
            continue
        if any(
            cl.tokens[k].dep == "nsubj" and cl.tokens[k].lemma.lower() in _CAPTION_NOUNS
            for k in cl.children.get(tok.i, ())
        ):
            return Drop("a caption: what a picture or chart shows")
    return c


@rule("pattern_word_is_a_clause", ["verb"])
def pattern_word_is_a_clause(c: Candidate, cl: Clause) -> Verdict:
    """A pattern of an aspectual verb written for a noun ('* ATTACKS': 'continued
    attacks') that matched a verb heading a clause of its own ('continued to attack
    Trump') is no match: that verb is coded on its own, and the pattern would code the
    same act twice (data/lexicon/aspectual_verbs.txt)."""
    m = c.match
    if m is None or m.pattern is None:
        return c
    if cl.tokens[c.trigger].lemma.lower() not in _ASPECTUAL:
        return c  # framing verbs' patterns over their infinitive: 'declined to comment'
    for k in m.tokens:
        tok = cl.tokens[k]
        if k != c.trigger and tok.pos == "VERB" and tok.dep in ("xcomp", "ccomp", "advcl"):
            return Drop(f"the pattern's word '{tok.text}' is a verb coded on its own")
    return c


DISAPPROVE_ROOT = "11"
"""CAMEO 11 Disapprove: a verb coded so censures by its own sense ('brand')."""


@rule("naming_use", ["verb"], reads=["code"], writes=["code", "rule"])
def naming_use(c: Candidate, cl: Clause) -> Verdict:
    """'calling it the most important issue', 'named him envoy', 'called the order swift':
    a description, not an act ('called on Iran to ...' and 'called for' stay appeals). A
    description that censures or praises is criticism (111) or praise (051) of what it
    names: 'called the vote a disgrace' (data/lexicon: criticism_words, praise_words). A
    verb that censures by its own sense keeps its code whatever the description ('branded
    the ID scheme a waste of money', 111)."""
    description = naming_description(cl.tokens, c.trigger, cl.children)
    if description is None:
        return c
    code = evaluation([cl.tokens[k].text.lower() for k in sorted(description)], sympathy=False)
    if code is not None:
        return dataclasses.replace(c, code=code, rule=f"{c.rule}+naming")
    if c.code[:2] == DISAPPROVE_ROOT:
        return c
    return Drop("naming use ('calling it X'): a description, not an act")


_REFUSING = frozenset({"refuse", "decline"})
_DISMISSING = words("dismissing_verbs.txt")


@rule("refused_dismissal", ["verb"])
def refused_dismissal(c: Candidate, cl: Clause) -> Verdict:
    """Refusing or declining to deny, reject or rule something out keeps it open: 'Brown
    refused to rule out tax rises', 'Blair refused to deny claims he had reneged on a
    deal' tell no rejection (12) and no denial (016), whichever pattern of the refusing
    verb's block matched the noun after them (data/lexicon/dismissing_verbs.txt)."""
    if cl.tokens[c.trigger].lemma.lower() not in _REFUSING:
        return c
    for k in cl.children.get(c.trigger, ()):
        tok = cl.tokens[k]
        if tok.dep != "xcomp":
            continue
        particles = [
            cl.tokens[p].text.lower() for p in cl.children.get(k, ()) if cl.tokens[p].dep == "prt"
        ]
        forms = {tok.lemma.lower(), *(f"{tok.lemma.lower()} {p}" for p in particles)}
        if forms & _DISMISSING:
            return Drop("refusing to deny or rule out keeps the matter open: no rejection")
    return c
