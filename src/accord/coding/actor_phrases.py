"""Functions of the words of one actor phrase: the person's name it holds and the words a
later mention may name that person by (:mod:`accord.coding.coder` carries them from
sentence to sentence), whether a lone name word stands for a person, and countries joined
before one role noun ('US and British forces') (:mod:`accord.coding.actors`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.coding.actor_records import ActorRef, Mention
from accord.coding.lexicon import words
from accord.model import Token

__all__ = [
    "coordinated_countries",
    "entity_name",
    "name_words",
    "named_as_person",
    "person_name",
]

_ADDRESS_TITLES = words("address_titles.txt")
_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning"})


def coordinated_countries(
    tokens: Sequence[Token], head: int, mentions: list[Mention], lo: int, hi: int
) -> list[ActorRef]:
    """'US and British forces', 'French and German ministers': countries joined by a
    conjunction before one role noun share it, one actor each (CAMEO codes each
    country's forces); none unless the countries' words are conjuncts of each other."""
    countries = [m for m in mentions if m.entry.kind in ("country", "capital")]
    word_of = {k: m for m in countries for k in range(m.start, m.end)}
    joined = any(
        tokens[k].dep == "conj"
        and tokens[k].head in word_of
        and word_of[tokens[k].head].entry.country != word_of[k].entry.country
        for k in word_of
    )
    if not joined:
        return []
    roles = {m.entry.role for m in mentions if m.entry.role}
    if len(roles) > 1 or tokens[head].pos != "NOUN":
        return []
    role = next(iter(roles), None)
    if role is None:
        return []
    out: list[ActorRef] = []
    for m in sorted(countries, key=lambda m: m.start):
        country = m.entry.country
        if country is None or any(r.country == country for r in out):
            continue
        out.append(ActorRef(head, lo, hi, country + role, country, role, None, "country"))
    return out


def named_as_person(tokens: Sequence[Token], phrase: set[int], lo: int, hi: int, head: int) -> bool:
    """Not a lone name word in the place of a topic ('policies on Brexit', 'the vote
    over Obamacare'), where the parser's person is more often an issue: a name of two
    words or more ('Julian Assange'), one after a title of address ('Mr Letwin'), or a
    lone word elsewhere ('visit Wiranto')."""
    if len(person_name(tokens, phrase).split()) > 1:
        return True
    if any(tokens[k].text.lower() in _ADDRESS_TITLES for k in range(lo, hi)):
        return True
    tok = tokens[head]
    if tok.dep != "pobj" or not 0 <= tok.head < len(tokens):
        return True
    prep = tokens[tok.head]
    return not (
        prep.text.lower() in _TOPIC_PREPOSITIONS
        and 0 <= prep.head < len(tokens)
        and tokens[prep.head].pos == "NOUN"
    )


def person_name(tokens: Sequence[Token], phrase: set[int]) -> str:
    """The words of the phrase the parser marks as a person's name, in order."""
    return " ".join(tokens[k].text for k in sorted(phrase) if tokens[k].ent_type == "PERSON")


def entity_name(tokens: Sequence[Token], head: int) -> tuple[str, range]:
    """The person's name the parser marks ending at ``head``, and its tokens ('Abu Mahdi
    al-Muhandis' where the actor is the body an apposition gave him: 'the deputy commander
    of Iraq's Popular Mobilization Forces'), so a later 'al-Muhandis' is the same actor."""
    if tokens[head].ent_type != "PERSON":
        return "", range(0)
    start = head
    while start > 0 and tokens[start].ent_iob == "I":
        start -= 1
    span = range(start, head + 1)
    return "".join(tokens[k].text + tokens[k].whitespace for k in span).strip(), span


_HYPHENS = re.compile(r"[-\u2010-\u2015]")


def name_words(name: str) -> list[str]:
    """The lower-cased words a later mention may name a person by: each word of the name
    and, of a hyphenated one, its parts of three letters or more, as the tokenizer splits
    them ('Abu Mahdi al-Muhandis' is later 'al-Muhandis', whose head token is 'Muhandis')."""
    out: list[str] = []
    for word in name.lower().split():
        out.append(word)
        out.extend(p for p in _HYPHENS.split(word) if len(p) >= 3 and p != word)
    return out
