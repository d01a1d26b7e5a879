"""Attribution of violence with no named perpetrator to unidentified armed forces (UAF)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from accord.coding.actor_records import ActorRef, Mention
from accord.coding.lexicon import words
from accord.model import Token

_LOCATIVE = words("locative_prepositions.txt")
_ANONYMOUS_ATTACKERS = words("anonymous_attackers.txt")
_VIOLENCE_CONTEXT = words("violence_context.txt")
_ACCIDENT_VERBS = words("accident_verbs.txt")
_DELIBERATE_HARM = words("deliberate_harm_verbs.txt")


def speaks_of_violence(tokens: Sequence[Token]) -> bool:
    """Whether the sentence names political violence (``violence_context.txt``)."""
    texts = [t.text.lower() for t in tokens]
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(texts)}
    return bool(_VIOLENCE_CONTEXT.intersection(texts) or _VIOLENCE_CONTEXT & pairs)


def located_country(
    tokens: Sequence[Token], mentions: Sequence[Mention], targets: Sequence[ActorRef]
) -> str | None:
    """The one country named in a locative phrase ("in eastern Beirut", "outside the Iraqi
    city of Basra"), apart from the targets' own."""
    skip = {t.country for t in targets}
    found: set[str] = set()
    for m in mentions:
        country = m.entry.country
        if m.entry.kind not in ("country", "capital") or not country or country in skip:
            continue
        i = m.end - 1
        for _ in range(4):
            head = tokens[i].head
            if head == i:
                break
            i = head
            if tokens[i].dep == "prep" and tokens[i].text.lower() in _LOCATIVE:
                found.add(country)
                break
    return found.pop() if len(found) == 1 else None


def unattributed(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    country: str | None,
    mentions: Sequence[Mention],
) -> list[ActorRef]:
    """'A roadside bomb near Samarra killed two soldiers', 'gunmen opened fire', 'were
    killed': violence with no named perpetrator is coded to unidentified armed forces
    (UAF) of the country where it happened, when the sentence speaks of violence (a fire,
    a crash or a storm kills without anyone using force), and tells no accident."""
    if not speaks_of_violence(tokens):
        return []
    if any(t.pos == "VERB" and t.lemma.lower() in _ACCIDENT_VERBS for t in tokens):
        return []  # "killed when a bomber crashed": an accident (accident_verbs.txt)
    kids = children.get(verb, ())
    subject = next((c for c in kids if tokens[c].dep == "nsubj"), None)
    if subject is None:
        subject = _raised_subject(tokens, verb, children)
    if subject is not None:
        if tokens[subject].lemma.lower() not in _ANONYMOUS_ATTACKERS:
            return []
        left = [c for c in children.get(subject, ()) if c < subject]
        lo = min([subject, *left])
        # "Palestinian suicide bombers": the attackers' own country, when the phrase says it
        own = {
            m.entry.country
            for m in mentions
            if m.entry.kind == "country" and m.entry.country and lo <= m.start < subject
        }
        if len(own) == 1:
            country = own.pop()
        if country is None:
            return []
        return [ActorRef(subject, lo, subject + 1, country + "UAF", country, "UAF", None, "group")]
    passive = any(tokens[c].dep == "nsubjpass" for c in kids)
    agents = [
        g
        for c in kids
        if tokens[c].dep == "agent"
        for g in children.get(c, ())
        if tokens[g].dep == "pobj"
    ]
    if (
        country is not None
        and passive
        and all(tokens[g].lemma.lower() in _ANONYMOUS_ATTACKERS for g in agents)
    ):
        at = agents[0] if agents else verb
        return [ActorRef(at, at, at + 1, country + "UAF", country, "UAF", None, "group")]
    return []


def harmed_by_someone(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """'The mayor was stabbed on stage', 'the minister was shot': a passive of a verb of
    deliberate harm (``deliberate_harm_verbs.txt``) with no agent phrase, in a sentence
    that tells no accident. Someone did it, though the text does not say who. Not in a
    relative clause ('the night Kennedy was shot'): that dates something else by it."""
    tok = tokens[verb]
    if tok.lemma.lower() not in _DELIBERATE_HARM or tok.tag != "VBN" or tok.dep == "relcl":
        return False
    kids = children.get(verb, ())
    if not any(tokens[c].dep == "nsubjpass" for c in kids):
        return False
    if any(tokens[c].dep == "agent" for c in kids):
        return False
    return not any(t.pos == "VERB" and t.lemma.lower() in _ACCIDENT_VERBS for t in tokens)


def _raised_subject(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> int | None:
    """The subject a passive verb of saying raises from the verb's clause: 'a bombing was
    reported to have killed a photojournalist', 'a bomb is believed to have killed ...'
    (the bombing is the subject of the killing)."""
    tok = tokens[verb]
    if tok.dep != "xcomp" or not 0 <= tok.head < len(tokens) or tok.head == verb:
        return None
    return next((c for c in children.get(tok.head, ()) if tokens[c].dep == "nsubjpass"), None)
