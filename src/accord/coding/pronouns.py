"""Who a pronoun or a phrase like 'both sides' stands for, within one sentence.

:class:`~accord.coding.actors.SentenceActors` asks this module when a head token is a
pronoun; the answer is an actor the sentence (or, for a person, the sentences before it)
already named, re-anchored on the pronoun's token with kind ``pronoun``. The rules:

* **he / she / him / her** (``third_person_pronouns.txt``): the latest person named before
  it in the sentence, a subject pronoun preferring the latest subject ("Mitsotakis met
  with the IMF, then with Trump, where he denounced the agreement"); else the last person
  of the sentences before; never across genders where both say one (``gendered_words.tsv``
  gives a title's gender).
* **it / they** (``group_pronouns.txt``): the latest subject in this sentence that names a
  country, a region or an organisation, or a spokesperson of one ("Hungary said it will",
  "Houthi military spokesperson Yahya Sarea said it had carried out the attack"); a
  singular pronoun never stands for a plural noun ("officials confirmed it has infected").
  Across sentences "it" is too often a thing, so nothing.
* **I / we** inside quotation marks (``speaker_pronouns.txt``): the speaker of the quote
  (:mod:`accord.coding.quotes`).
* **both sides / the two countries / both leaders** (``pair_heads.tsv``): the parties of
  the document's latest bilateral meeting or call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

from accord.coding.actor_records import ActorRef, Party
from accord.coding.lexicon import table, words
from accord.coding.quotes import inside_quotes, speakers_of
from accord.model import Token

__all__ = ["VOICE_NOUNS", "ActorLookup", "Pronouns", "collective"]

_PERSON_PRONOUNS = words("third_person_pronouns.txt")
_GROUP_PRONOUNS = words("group_pronouns.txt")
_SINGULAR_PRONOUNS = words("singular_pronouns.txt")
_SPEAKER_PRONOUNS = words("speaker_pronouns.txt")
VOICE_NOUNS = words("voice_nouns.txt")
"""Words for someone who speaks for another ('spokesman', 'spokesperson')."""
_PAIR_HEADS = frozenset(table("pair_heads.tsv"))
_PLURAL_TAGS = frozenset({"NNS"})
"""Plural common nouns: a name plural in form is one body ('the United Nations said it')."""
_SUBJECTS = ("nsubj", "nsubjpass")


_PRONOUN_GENDER = MappingProxyType({"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"})


def _agrees(pronoun: str, ref: ActorRef | None) -> bool:
    """Can a person pronoun refer back to ``ref``? Not across genders where both say one."""
    if ref is None:
        return False
    gender = _PRONOUN_GENDER.get(pronoun, "")
    return not (gender and ref.gender and gender != ref.gender)


def collective(ref: ActorRef) -> bool:
    """What 'it' or 'they' can stand for: a country, a region or an organisation."""
    return (
        ref.country is not None
        or ref.code.startswith(("IGO", "NGO", "IMG"))
        or (ref.kind == "country" and not ref.code.startswith("---"))
    )


class ActorLookup(Protocol):
    """What the pronoun rules ask of the sentence's actor lookup."""

    def resolve_head(self, head: int) -> list[ActorRef]: ...

    def is_person_head(self, i: int) -> bool: ...


@dataclass(frozen=True, slots=True)
class Pronouns:
    """The pronoun rules for one sentence: its tokens and parse, the document's last
    person (the antecedent across sentences) and latest bilateral pair."""

    tokens: Sequence[Token]
    children: Mapping[int, Sequence[int]]
    last_person: ActorRef | None
    pair: tuple[Party, Party] | None

    def both_sides(self, head: int) -> list[ActorRef]:
        """'both sides', 'the two countries', 'both leaders': the parties of the latest
        bilateral meeting or call in the document."""
        tok = self.tokens[head]
        if self.pair is None or tok.lemma.lower() not in _PAIR_HEADS or tok.tag != "NNS":
            return []
        kids = [self.tokens[c] for c in self.children.get(head, ())]
        if not any(k.text.lower() in ("both", "two") for k in kids):
            return []
        lo = min([head, *(k.i for k in kids if k.i < head)])
        return [
            ActorRef(head, lo, head + 1, p.code, p.country, p.role, p.name, "pronoun")
            for p in self.pair
        ]

    def refs(self, lookup: ActorLookup, head: int) -> list[ActorRef]:
        """The actor the pronoun at ``head`` stands for, anchored on it; [] when it is no
        pronoun of an actor or nothing before it agrees."""
        word = self.tokens[head].text.lower()
        if word in _PERSON_PRONOUNS:
            antecedent = self._person(lookup, head, word)
        elif word in _GROUP_PRONOUNS:
            antecedent = self._group(lookup, head, word)
        elif word in _SPEAKER_PRONOUNS:
            antecedent = self._speaker(lookup, head)
        else:
            return []
        if antecedent is None:
            return []
        return [antecedent.at(head, head, head + 1, "pronoun")]

    def _person(self, lookup: ActorLookup, head: int, word: str) -> ActorRef | None:
        antecedent = self.last_person if _agrees(word, self.last_person) else None
        subject: ActorRef | None = None
        for i in range(head):
            if not lookup.is_person_head(i):
                continue
            refs = [
                r
                for r in lookup.resolve_head(i)
                if (
                    (r.country is not None and r.kind in ("person", "pronoun"))
                    or r.kind == "igo"  # 'U.N. Secretary-General Kofi Annan ... he'
                )
                and _agrees(word, r)
            ]
            if refs:
                antecedent = refs[-1]
                if self.tokens[i].dep in _SUBJECTS:
                    subject = refs[-1]
        if self.tokens[head].dep in _SUBJECTS:
            return subject or antecedent
        return antecedent

    def _group(self, lookup: ActorLookup, head: int, word: str) -> ActorRef | None:
        antecedent = None
        for i in range(head):
            if self.tokens[i].dep not in _SUBJECTS:
                continue
            if word in _SINGULAR_PRONOUNS and self.tokens[i].tag in _PLURAL_TAGS:
                continue  # 'officials confirmed it has infected': not them
            refs = [
                r
                for r in lookup.resolve_head(i)
                if (r.kind != "person" and r.kind != "pronoun" and collective(r))
                or self.speaks_for(r)
            ]
            if refs:
                antecedent = refs[-1]
        return antecedent

    def _speaker(self, lookup: ActorLookup, head: int) -> ActorRef | None:
        """Who says the quotation a first-person pronoun stands in (:mod:`quotes`); None
        outside quotation marks, or when no verb of saying in the sentence reports it."""
        if not inside_quotes(self.tokens, head):
            return None
        for subject in speakers_of(self.tokens, self.children, head):
            refs = [r for r in lookup.resolve_head(subject) if r.country is not None]
            if refs:
                return refs[-1]
        return None

    def speaks_for(self, ref: ActorRef) -> bool:
        """A spokesperson of a body ('Houthi military spokesperson Yahya Sarea said it had
        carried out the attack'): 'it' is the body the spokesperson speaks for."""
        return ref.country is not None and any(
            self.tokens[k].text.lower() in VOICE_NOUNS for k in range(ref.start, ref.end)
        )
