"""Where an actor shows in its sentence: the token range an event's actor text spans.

An actor is resolved from the noun phrase around a head token (coding.actors), whose
tokens need not be adjacent: in "Trump, also on Twitter, defended his decision" the two
commas hang on "Trump" but "also on Twitter" is not his. The text shown for the actor is
the unbroken run of the phrase's tokens around the head, filled out with what a reader
takes as part of the name (of/from complements, the head's modifiers, an apposition
between commas, what a name ending in its preposition governs: "US Ambassador to
Germany Richard Grenell"), and no comma, colon or dash at either end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from accord.coding.patterns import subtree
from accord.model import Token

MODIFIER_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "det", "case", "nummod", "punct", "quantmod", "flat"}
)
"""Dependencies that attach a modifier to a noun phrase's head."""
_EDGE_PUNCT = frozenset({",", ";", ":", "-", "--", "\u2013", "\u2014"})
"""Punctuation an actor's shown text never starts or ends with (brackets and quotes may)."""


def surface(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    head: int,
    phrase: Iterable[int],
    complements: Sequence[int],
) -> tuple[int, int]:
    """The token range [lo, hi) that shows the actor headed by ``head``, given the
    tokens of its phrase (with its names) and the heads of its of/from complements."""
    members = set(phrase)
    for comp in complements:
        members.add(tokens[comp].head)
        members |= subtree(children, comp)
    for c in children.get(head, ()):
        dep = tokens[c].dep
        if dep in MODIFIER_DEPS:  # "the mission's fifth rotation"
            members |= subtree(children, c)
        elif dep == "appos":
            # "The Senate Minority Leader, Chuck Schumer, said" (all of it, between
            # commas); "the city's mayor Muriel Bowser on Twitter" (the name alone)
            words = subtree(children, c)
            if min(words) > 0 and tokens[min(words) - 1].text == ",":
                members |= words
            else:
                members |= modified(tokens, children, c)
    for k in list(members):
        # a name that ends in its preposition ("Ambassador to"): show what it governs
        if tokens[k].dep == "prep" and tokens[k].head in members:
            members |= subtree(children, k)
    lo, hi = head, head + 1
    while lo - 1 in members:
        lo -= 1
    while hi in members:
        hi += 1
    while lo < head and tokens[lo].text in _EDGE_PUNCT:
        lo += 1
    while hi - 1 > head and tokens[hi - 1].text in _EDGE_PUNCT:
        hi -= 1
    return lo, hi


def modified(tokens: Sequence[Token], children: Mapping[int, Sequence[int]], head: int) -> set[int]:
    """The head and its modifiers (compounds, adjectives, determiners...), all the way down."""
    out, stack = {head}, [head]
    while stack:
        for c in children.get(stack.pop(), ()):
            if tokens[c].dep in MODIFIER_DEPS:
                out.add(c)
                stack.append(c)
    return out
