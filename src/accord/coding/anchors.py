"""Where a verb pattern may start after its verb (accord.coding.patterns): the verb's
object nouns with their modifiers, particles, infinitive complements, and its argument
prepositions with their nouns; through 'of' after a quantity and 'in' after money."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.lexicon import words
from accord.model import Token

__all__ = ["anchors"]

_OBJECT_DEPS = frozenset({"dobj", "iobj", "attr", "oprd", "nsubjpass"})
_ADJUNCT_PREPS = words("adjunct_prepositions.txt")
_QUANTITY_NOUNS = words("quantity_nouns.txt")
_MONEY_NOUNS = words("money_nouns.txt")
_NOUN_MODS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det"})


def anchors(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> set[int]:
    """Where a pattern may start after the verb: its object nouns with their modifiers,
    particles, infinitive complements, and its argument prepositions with their nouns."""
    out: set[int] = set()
    for c in children.get(verb, ()):
        dep = tokens[c].dep
        if dep in _OBJECT_DEPS:
            out |= _noun_anchors(tokens, c, children)
        elif dep == "dative" and tokens[c].pos in ("NOUN", "PROPN"):
            # "granted Kerik a full pardon", the thing given parsed as the recipient's
            # apposition: the nominal recipient with what hangs on it
            out |= _noun_anchors(tokens, c, children)
        elif dep in ("prt", "advmod", "acomp", "pcomp", "npadvmod"):
            out.add(c)
            if dep == "acomp":  # 'pleaded not guilty': the negation of the complement
                out.update(k for k in children.get(c, ()) if tokens[k].dep == "neg")
        elif dep == "xcomp":
            out |= {c} | anchors(tokens, c, children)
        elif dep in ("prep", "agent", "dative") and tokens[c].text.lower() not in _ADJUNCT_PREPS:
            if dep == "prep" and _means(tokens, c, children):
                continue  # 'protect personnel by killing X': how, not what, is protected
            out |= _prep_head(tokens, c, children)
    return out


def _means(tokens: Sequence[Token], prep: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'by' with a gerund ('by killing Soleimani'): the means of the act, no argument."""
    return tokens[prep].text.lower() == "by" and any(
        tokens[k].dep == "pcomp" for k in children.get(prep, ())
    )


def _noun_anchors(
    tokens: Sequence[Token], noun: int, children: Mapping[int, Sequence[int]]
) -> set[int]:
    """A noun with its modifiers and conjuncts; through 'of' after a quantity ('10 days of
    war games', 'a shipment of arms') and 'in' after money ('50 million euros in aid'),
    not into other prepositional phrases."""
    out = {noun}
    for k in children.get(noun, ()):
        dep = tokens[k].dep
        if dep in _NOUN_MODS:
            out.add(k)
        elif dep in ("conj", "appos"):
            out |= _noun_anchors(tokens, k, children)
        elif (dep == "prep" and tokens[k].text.lower() == "of" and _is_quantity(tokens[noun])) or (
            dep == "prep" and tokens[k].text.lower() == "in" and _is_money(tokens, noun, children)
        ):
            out.add(k)
            for g in children.get(k, ()):
                if tokens[g].dep == "pobj":
                    out |= _noun_anchors(tokens, g, children)
    return out


def _is_money(tokens: Sequence[Token], noun: int, children: Mapping[int, Sequence[int]]) -> bool:
    """A sum of money: '50 million euros', '$2 billion' (the symbol on the number)."""
    if tokens[noun].lemma.lower() in _MONEY_NOUNS:
        return True
    return tokens[noun].pos == "NUM" and any(
        tokens[c].text in _MONEY_NOUNS for c in children.get(noun, ())
    )


def _is_quantity(tok: Token) -> bool:
    return tok.pos == "NUM" or tok.lemma.lower() in _QUANTITY_NOUNS


def _prep_head(
    tokens: Sequence[Token], prep: int, children: Mapping[int, Sequence[int]]
) -> set[int]:
    """A preposition with the noun (or gerund) it governs ('for a new election law')."""
    out = {prep}
    for g in children.get(prep, ()):
        if tokens[g].dep in ("pobj", "pcomp"):
            out |= _noun_anchors(tokens, g, children)
    return out
