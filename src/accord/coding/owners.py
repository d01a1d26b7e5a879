"""Whose thing a verb acts on: the owner, maker or agent of an object that is no actor
itself ("criticized Trump's decision", "condemned the Israeli strikes on Gaza", "rejected
the proposal by Germany"). Read by :func:`accord.coding.arguments.arguments` when the
verb's own arguments name no target, and first for reactions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.actor_records import ActorRef, identified
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import words
from accord.coding.patterns import subtree
from accord.model import Token

__all__ = ["owner_targets", "owners_of"]

_OWNER_PREPS = frozenset({"by", "between"})
_PROPOSAL_NOUNS = words("proposal_nouns.txt")


def owner_targets(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    *,
    violent: bool = False,
    verbal: bool = False,
) -> list[ActorRef]:
    """The actor whose thing the verb acts on, when its object is no actor itself: the
    owner ("criticized Trump's decision", "the Japanese raid"), the agent of a noun of
    action ("rejected the proposal by Germany"), the parties of an agreement
    ("denounced the memoranda between Turkey and Libya"), the agent of a participle on it
    ("the agreement signed by Turkey and Libya") or the sender of a proposal ("an offer
    from Afghanistan"); not an 'of' complement, which is as often what the act is about
    ("the proclamation of Golan Heights") as who did it, except for the violence of armed
    actors (``violent``): what they shell or bomb belongs to whom it names ("shelled
    positions of the Palestinian security forces"). For a verbal reaction (``verbal``:
    "criticized the deployment of missiles by NATO") a 'by' phrase the parser hung on the
    verb itself, or on a noun inside the object, names the agent of the object's action."""
    found: list[ActorRef] = []
    for obj in _objects(tokens, verb, children):
        if actors.actors_at(obj):
            continue
        found.extend(owners_of(tokens, obj, children, actors, violent=violent))
        if not found and verbal:
            found.extend(_deep_agent(tokens, verb, obj, children, actors))
    return found


_BELONGING_VERBS = frozenset({"belong"})


def owners_of(
    tokens: Sequence[Token],
    obj: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    *,
    violent: bool = False,
) -> list[ActorRef]:
    """Whose is the thing at ``obj`` (see :func:`owner_targets`): its possessor, a
    country or nationality on it, the agent of a participle on it ('signed by Turkey',
    'owned by Saudi Aramco'), the owner it belongs to ('facilities belonging to Saudi
    Aramco'), the sender of a proposal, a 'by' or 'between' phrase, or for ``violent``
    acts an 'of' phrase."""
    found: list[ActorRef] = []
    for c in children.get(obj, ()):
        if tokens[c].dep == "poss":
            found.extend(r for r in actors.actors_at(c) if identified(r))
        elif tokens[c].dep in ("amod", "compound"):
            # "condemned the Japanese raid", "rejected the US sanctions": a country
            # or nationality on the thing acted on names its owner; a pair names both
            # ("the Turkish-Libyan maritime agreement")
            if _names_country(actors, c):
                owners = list(actors.actors_at(c))
                owners += [
                    r
                    for r in actors.mention_refs(sorted(subtree(children, c)))
                    if r.kind == "country" and r.code not in {o.code for o in owners}
                ]
                found.extend(owners)
        elif tokens[c].dep == "acl" and tokens[c].tag == "VBN":
            # "condemned the agreement signed by Turkey and Libya", "rejected the plan
            # proposed by Germany": the participle's agent made the thing acted on
            found.extend(
                r
                for a in children.get(c, ())
                if tokens[a].dep == "agent"
                for g in children.get(a, ())
                if tokens[g].dep == "pobj"
                for r in actors.actors_at(g)
                if identified(r)
            )
        elif tokens[c].dep == "acl" and tokens[c].lemma.lower() in _BELONGING_VERBS:
            # "oil facilities belonging to Saudi Aramco"
            found.extend(
                r
                for a in children.get(c, ())
                if tokens[a].dep == "prep" and tokens[a].text.lower() == "to"
                for g in children.get(a, ())
                if tokens[g].dep == "pobj"
                for r in actors.actors_at(g)
                if identified(r)
            )
        elif (
            tokens[c].dep == "prep"
            and tokens[c].text.lower() == "from"
            and tokens[obj].lemma.lower() in _PROPOSAL_NOUNS
        ) or (
            tokens[c].dep == "prep"
            and (
                tokens[c].text.lower() in _OWNER_PREPS
                or (violent and tokens[c].text.lower() == "of")
            )
        ):
            for g in children.get(c, ()):
                if tokens[g].dep == "pobj":
                    found.extend(r for r in actors.actors_at(g) if identified(r))
    return found


_IT = frozenset({"it", "them"})
_TOPIC_PREPS = frozenset({"on", "about", "over"})
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _objects(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> list[int]:
    """The verb's direct objects; for 'it' or 'them' in a participle hung on another verb,
    what that verb acted on or spoke of: "commented on the Turkish-Libyan agreement,
    calling it null and void", "reviewed the plan, calling it reckless" (the pronoun's
    antecedent, within the sentence)."""
    out: list[int] = []
    for obj in children.get(verb, ()):
        if tokens[obj].dep != "dobj":
            continue
        tok = tokens[verb]
        if (
            tokens[obj].text.lower() in _IT
            and tok.tag == "VBG"
            and tok.dep in _PARTICIPLE_DEPS
            and tok.head != verb
        ):
            out.extend(_acted_on(tokens, tok.head, children))
        else:
            out.append(obj)
    return out


def _acted_on(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> list[int]:
    """The nouns a verb acts on or speaks of: its direct object, or the object of 'on',
    'about' or 'over' hung on it ('commented on the agreement')."""
    out: list[int] = []
    for k in children.get(verb, ()):
        if tokens[k].dep == "dobj" and tokens[k].pos in ("NOUN", "PROPN"):
            out.append(k)
        elif tokens[k].dep == "prep" and tokens[k].text.lower() in _TOPIC_PREPS:
            out.extend(
                g
                for g in children.get(k, ())
                if tokens[g].dep == "pobj" and tokens[g].pos in ("NOUN", "PROPN")
            )
    return out


def _deep_agent(
    tokens: Sequence[Token],
    verb: int,
    obj: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> list[ActorRef]:
    """The by-agent of the object's noun of action where the parser put it elsewhere: on
    the active verb ("protested the sale of weapons to Taiwan by the United States": an
    active verb has no agent phrase) or on a noun of the object's complement, two
    prepositions down at most, through nouns that are no actors themselves."""
    frontier = [obj]
    for _ in range(3):
        nouns: list[int] = []
        for noun in frontier:
            for c in children.get(noun, ()):
                if tokens[c].dep != "prep":
                    continue
                for g in children.get(c, ()):
                    if tokens[g].dep != "pobj" or actors.actors_at(g):
                        continue
                    nouns.append(g)
        if frontier == [obj]:
            nouns.append(verb)  # an agent phrase on the active verb itself
        for noun in nouns:
            for c in children.get(noun, ()):
                if tokens[c].dep == "prep" and tokens[c].text.lower() in _OWNER_PREPS:
                    agents = [
                        r
                        for g in children.get(c, ())
                        if tokens[g].dep == "pobj"
                        for r in actors.actors_at(g)
                        if identified(r)
                    ]
                    if agents:
                        return agents
        frontier = nouns
    return []


def _names_country(actors: SentenceActors, token: int) -> bool:
    """Whether a modifier names a country or its people ('Japanese', 'US'), not a capital
    naming a treaty ('the Paris Agreement')."""
    m = actors.mention_at(token)
    return m is not None and m.entry.kind == "country"
