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

__all__ = [
    "REPAIRS",
    "finite_conjunct_of_infinitive",
    "gerund_subject_of_a_noun",
    "participle_subject_of_preposition",
    "repair",
    "visiting_names_the_visitor",
]

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


_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
_REDUCED_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "conj"})


def participle_subject_of_preposition(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A preposition inside a sentence has an object: the noun right after an objectless
    one is that object, not the subject of a participle after it.

    "Peru has granted asylum to five Panamanian army officers holed up in a residence":
    the parser leaves *to* with no object and makes *officers* the subject of *holed*, a
    participle with no auxiliary (the tagger then often calls it a past tense, VBD),
    which cannot take a subject of its own there. The noun becomes the preposition's
    object (pobj) and the participle a reduced relative clause on it (acl), as in
    "officers (who were) holed up". Only where every word between the preposition and
    the noun belongs to the noun's own phrase.
    """
    out = list(tokens)
    kids = _dependents(tokens)
    for p in tokens:
        if p.pos != "ADP" or p.dep not in ("prep", "dative") or p.i + 1 >= len(tokens):
            continue
        if any(k.dep in _OBJECT_DEPS for k in kids.get(p.i, ())):
            continue
        noun = next(
            (
                t
                for t in tokens[p.i + 1 :]
                if all(_hangs_on(tokens, k, t.i) for k in range(p.i + 1, t.i)) and t.dep == "nsubj"
            ),
            None,
        )
        if noun is None or noun.pos not in ("NOUN", "PROPN"):
            continue
        verb = tokens[noun.head]
        if verb.tag not in ("VBN", "VBD") or verb.dep not in _REDUCED_DEPS or verb.i < noun.i:
            continue
        if not _has_auxiliary(kids, verb.i):
            _reduced_relative(out, noun, p.i, "pobj", verb)
    return tuple(out)


def _dependents(tokens: Sequence[Token]) -> dict[int, list[Token]]:
    """Each token's dependents, by the head's index."""
    kids: dict[int, list[Token]] = {}
    for t in tokens:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t)
    return kids


def _has_auxiliary(kids: dict[int, list[Token]], verb: int) -> bool:
    return any(k.dep in ("aux", "auxpass") for k in kids.get(verb, ()))


def _reduced_relative(out: list[Token], noun: Token, head: int, dep: str, verb: Token) -> None:
    """Hang ``noun`` on ``head`` as ``dep`` and the participle ``verb`` on the noun as a
    reduced relative clause (acl), in ``out``."""
    out[noun.i] = dataclasses.replace(noun, head=head, dep=dep)
    out[verb.i] = dataclasses.replace(verb, head=noun.i, dep="acl")


def _hangs_on(tokens: Sequence[Token], i: int, top: int) -> bool:
    """Whether token ``i`` hangs, through its heads, on token ``top``."""
    t = tokens[i]
    for _ in range(len(tokens)):
        if t.head == top:
            return True
        if t.head == t.i:
            return False
        t = tokens[t.head]
    return False


def gerund_subject_of_a_noun(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """A determined noun followed by an -ing participle is the subject, the participle
    a reduced relative clause on it.

    "The Red Cross operating in Iraq said US forces must ensure security": the parser
    makes *operating* a gerund clause that is the subject of *said*, with *Cross* its
    own subject; a noun with a determiner before a participle is the noun modified
    ("the Red Cross (that is) operating in Iraq"). The noun takes the participle's place
    under the verb; the participle hangs on it (acl).
    """
    out = list(tokens)
    kids = _dependents(tokens)
    for v in tokens:
        if v.tag != "VBG" or v.dep not in ("nsubj", "csubj") or v.head == v.i:
            continue
        noun = next((k for k in kids.get(v.i, ()) if k.dep == "nsubj" and k.i < v.i), None)
        if noun is None or noun.pos not in ("NOUN", "PROPN"):
            continue
        if not any(k.dep == "det" for k in kids.get(noun.i, ())):
            continue
        if not _has_auxiliary(kids, v.i):
            _reduced_relative(out, noun, v.head, "nsubj", v)
    return tuple(out)


_VISITING_DEPS = {"pcomp": "pobj", "xcomp": "dobj"}


def visiting_names_the_visitor(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """*visiting* right before a person's name says who visits; it does not take the name
    as its object.

    "Xi held talks with visiting French President Emmanuel Macron", "Putin met visiting
    Chinese Premier Li Keqiang": the parser makes *visiting* a gerund (the object of
    *with*, or a clause under *met*) with the person as what is visited, so the talks
    and the meeting lose their counterpart. Nobody holds talks with, or meets, the act
    of visiting someone; the person named is the visitor. The name takes the gerund's
    place (object of the preposition or of the verb) and *visiting* hangs on it as a
    modifier (amod), as in "the visiting Chinese premier". Only where the name follows
    *visiting* directly and *visiting* has no subject or auxiliary of its own.
    """
    out = list(tokens)
    kids = _dependents(tokens)
    for v in tokens:
        if v.text.lower() != "visiting" or v.tag != "VBG" or v.dep not in _VISITING_DEPS:
            continue
        own = kids.get(v.i, [])
        if any(k.dep in ("nsubj", "aux", "mark") for k in own):
            continue
        name = next((k for k in own if k.dep == "dobj" and k.ent_type == "PERSON"), None)
        if name is None or not all(_hangs_on(tokens, k, name.i) for k in range(v.i + 1, name.i)):
            continue
        out[name.i] = dataclasses.replace(name, dep=_VISITING_DEPS[v.dep], head=v.head)
        out[v.i] = dataclasses.replace(v, dep="amod", head=name.i)
    return tuple(out)


REPAIRS: tuple[Callable[[Sequence[Token]], tuple[Token, ...]], ...] = (
    finite_conjunct_of_infinitive,
    participle_subject_of_preposition,
    gerund_subject_of_a_noun,
    visiting_names_the_visitor,
)
"""The repairs, in the order they run."""


def repair(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """``tokens`` with every repair of :data:`REPAIRS` applied in order."""
    out = tuple(tokens)
    for step in REPAIRS:
        out = step(out)
    return out
