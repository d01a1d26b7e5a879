"""Repairs of parser attachments that English grammar rules out, applied to every parse.

The small statistical parser sometimes attaches a word where the grammar of English
cannot put it. Each repair here is one such impossibility, named and documented, and
fixes the attachment without guessing anything else; they run in the order of
:data:`REPAIRS` on the converted :class:`~accord.model.Token` records, before the coder
sees them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from accord.model import Token

__all__ = ["REPAIRS", "finite_conjunct_of_infinitive", "repair"]

_FINITE_TAGS = frozenset({"VBD", "VBZ"})


def finite_conjunct_of_infinitive(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A finite verb is not coordinated with a to-infinitive: it joins the verb above it.

    "Raab urged the embassy to reconsider and spoke with Pompeo": the parser makes
    *spoke* (past tense) a conjunct of *reconsider* (bare form after "to"), which would
    put Raab's call inside what he urged. A verb with a tense (VBD, VBZ) cannot
    share the infinitive's "to", so it is re-attached as a conjunct of the infinitive's
    own head (*urged*), with the same dependency label. VBP is left out: the tagger
    confuses it with the bare form ("wants to cancel the vote and argue").
    """
    out = list(tokens)
    for tok in tokens:
        if tok.dep != "conj" or tok.tag not in _FINITE_TAGS or tok.head == tok.i:
            continue
        head = tokens[tok.head]
        if head.tag != "VB" or head.head == head.i or head.dep not in {"xcomp", "advcl", "ccomp"}:
            continue
        if not any(t.head == head.i and t.dep == "aux" and t.text.lower() == "to" for t in tokens):
            continue
        out[tok.i] = dataclasses.replace(tok, head=head.head)
    return tuple(out)


REPAIRS: tuple[Callable[[Sequence[Token]], tuple[Token, ...]], ...] = (
    finite_conjunct_of_infinitive,
)
"""The repairs, in the order they run."""


def repair(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """``tokens`` with every repair of :data:`REPAIRS` applied in order."""
    out = tuple(tokens)
    for step in REPAIRS:
        out = step(out)
    return out
