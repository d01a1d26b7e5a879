"""Quotations in a parsed sentence: whether a word stands inside quotation marks, and who
says the words a verb of saying reports ('"We condemn this attack," said Lavrov').

Pure functions of the tokens and their dependency children; the actors module resolves
the speaker they find (:meth:`accord.coding.actors.SentenceActors`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from accord.coding.lexicon import words
from accord.coding.patterns import reported_words
from accord.model import Token

__all__ = ["inside_quotes", "speakers_of"]

_SAYING_VERBS = words("speech_verbs.txt") | words("announcing_verbs.txt")
_STRAIGHT_QUOTES = frozenset({'"', "''", "``"})
_OPENING, _CLOSING = "\u201c", "\u201d"


def inside_quotes(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` stands inside quotation marks (straight or curly)."""
    inside = False
    for tok in tokens[:i]:
        if tok.text in _STRAIGHT_QUOTES:
            inside = not inside
        elif tok.text == _OPENING:
            inside = True
        elif tok.text == _CLOSING:
            inside = False
    return inside


def speakers_of(
    tokens: Sequence[Token], children: Mapping[int, Sequence[int]], i: int
) -> Iterator[int]:
    """The subjects of the verbs of saying whose reported words hold token ``i``, in text
    order: 'Lavrov' for 'we' in '"We condemn this attack," said Lavrov' and in 'Lavrov
    said: "we will respond"' (data/lexicon: speech_verbs, announcing_verbs)."""
    for v, tok in enumerate(tokens):
        if tok.pos != "VERB" or tok.lemma.lower() not in _SAYING_VERBS:
            continue
        said = reported_words(tokens, children, v)
        if i not in said:
            continue
        subject = next(
            (c for c in children.get(v, ()) if tokens[c].dep == "nsubj" and c not in said), None
        )
        if subject is not None:
            yield subject
