"""Targets one step further from the verb, and patterns that spell out a verb's modality.

"acted on a resolution against Libya", "acted oddly with respect to Libya": the target
sits in a complement of the noun that the verb's preposition governs. "a treaty with
Libya's ..." (parsed as a possessor of the following noun): the name modifying the
noun is the target. Only target prepositions lead there, and only through nouns that
are no actors themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.actor_records import ActorRef
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import words
from accord.coding.verbs import VerbMatch
from accord.model import Token

__all__ = ["nested_targets", "spells_out_mode"]

_NAME_MODIFIERS = frozenset({"poss", "nmod", "compound"})
_DOCUMENT_NOUNS = words("document_nouns.txt")
_CONTENT_NOUNS = words("content_nouns.txt")


def nested_targets(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    target_preps: Sequence[str],
) -> list[ActorRef]:
    """Actors in the complements of the nouns governed by the verb's target prepositions,
    and names modifying those nouns (and the nouns of its direct object's prepositions)."""

    def preps_of(head: int) -> list[int]:
        return [
            c
            for c in children.get(head, ())
            if tokens[c].dep == "prep" and tokens[c].text.lower() in target_preps
        ]

    def objects_of(prep: int) -> list[int]:
        return [g for g in children.get(prep, ()) if tokens[g].dep == "pobj"]

    def named_by_modifier(noun: int) -> list[ActorRef]:
        mods = [k for k in children.get(noun, ()) if tokens[k].dep in _NAME_MODIFIERS]
        signed = tokens[noun].lemma.lower() in _DOCUMENT_NOUNS
        return [
            r
            for r in actors.mention_refs(mods)
            if (r.country or r.kind == "igo") and not (signed and r.kind == "capital")
        ]  # 'withdrew from the Paris Agreement': a city on a text names where it was made

    def told_of(noun: int) -> list[ActorRef]:
        # 'disappointment at reports Trump hid in the basement': a report is about the
        # subject of the clause it holds (content_nouns.txt)
        if tokens[noun].lemma.lower() not in _CONTENT_NOUNS or any(
            tokens[k].dep == "poss" for k in children.get(noun, ())
        ):
            return []  # 'Mr Mallon's claim that ...': the claim's author is acted upon
        return [
            r
            for k in children.get(noun, ())
            if tokens[k].dep in ("acl", "ccomp")
            for g in children.get(k, ())
            if tokens[g].dep == "nsubj"
            for r in actors.actors_at(g)
            if r.country or r.kind == "igo"
        ]

    objects = [c for c in children.get(verb, ()) if tokens[c].dep == "dobj"]
    found: list[ActorRef] = []
    for head in (verb, *objects):
        for prep in preps_of(head):
            for noun in objects_of(prep):
                if actors.actors_at(noun):
                    continue  # an actor of its own: the coder has seen it
                if head == verb:  # not deeper than the object's own complement
                    for inner in preps_of(noun):
                        for g in objects_of(inner):
                            found.extend(actors.actors_at(g) or named_by_modifier(g))
                found.extend(named_by_modifier(noun) or told_of(noun))
    return found


_MODE_WORDS = words("mode_words.txt")


def spells_out_mode(tokens: Sequence[Token], verb: int, match: VerbMatch) -> bool:
    """Whether the verb's matched pattern includes its modal or negation ('SAID WOULD NOT
    *', 'INDICATED SHOULD *'): the dictionary coded that use, modality and all."""
    if match.pattern is None:
        return False
    return any(
        k != verb and tokens[k].text.lower() in _MODE_WORDS and tokens[k].dep in ("aux", "neg")
        for k in match.tokens
    )
