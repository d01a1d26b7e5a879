"""Events named by nouns: "Xi's phone call with Trump", "talks between Iran and the U.S.",
"the Xi-Trump call", "In a virtual meeting with President Putin, Xi reviewed ...".

A noun from a short list of interaction nouns is a trigger when at least two distinct
participants can be found around it: possessors and hyphenated or compound names before
it ("Xi's", "Xi-Trump"), objects of "with"/"between" after it, and, when it sits in a
prepositional phrase of a clause ("In a meeting with Putin, Xi ..."), that clause's subject.
Nouns already used by a verb pattern ("held talks with") are left to the verb.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from accord.coding.actor_records import ActorRef
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import mapping, table, words
from accord.coding.patterns import governing_verb, verb_stems
from accord.model import Mode, Token

# lemma -> (CAMEO code, needs a phone word or 'with' to count)
_NOUNS = MappingProxyType(
    {k: (code, phone == "phone") for k, (code, phone) in table("interaction_nouns.tsv").items()}
)
_PHONE_WORDS = words("phone_words.txt")
_BACKGROUND_MODS = words("background_modifiers.txt")
_IRREALIS_MODS = words("irrealis_modifiers.txt")
_PARTICIPANT_PREPS = words("participant_prepositions.txt")


@dataclass(frozen=True, slots=True)
class NominalEvent:
    noun: int
    code: str
    participants: tuple[ActorRef, ...]
    """Distinct participants, in text order; the first is coded as the source."""
    mode_hint: Mode | None
    governor: int | None
    """The verb whose clause holds the noun (for mode and date), if any."""
    symmetric: bool = True
    """Consultations go both ways; protests and strikes go from the first participant."""

    @property
    def rule(self) -> str:
        return f"noun:{self.code}"


def nominal_events(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    used: set[int],
) -> list[NominalEvent]:
    out: list[NominalEvent] = []
    for tok in tokens:
        if tok.pos != "NOUN" or tok.i in used:
            continue
        entry = _NOUNS.get(tok.lemma.lower())
        if entry is None:
            continue
        code, needs_phone = entry
        kids = children.get(tok.i, ())
        mods = {tokens[c].text.lower() for c in kids if tokens[c].dep in ("amod", "compound")}
        before = actors.mention_refs(_left_modifiers(tokens, children, tok.i))
        after: list[ActorRef] = []
        for c in kids:
            if tokens[c].dep == "prep" and tokens[c].text.lower() in _PARTICIPANT_PREPS:
                for g in children.get(c, ()):
                    if tokens[g].dep == "pobj":
                        after.extend(actors.actors_at(g))
        if needs_phone and not (mods & _PHONE_WORDS or after or len(before) > 1):
            continue
        governor = governing_verb(tokens, tok.i)
        hint = None
        if mods & _BACKGROUND_MODS:
            hint = Mode.BACKGROUND
        elif mods & _IRREALIS_MODS:
            hint = Mode.HYPOTHETICAL
        if code == VISIT:
            visits = _visits(tokens, children, actors, tok.i, governor, before, after)
            if visits:
                out.extend(NominalEvent(tok.i, code, p, hint, governor, False) for p in visits)
                continue
        found = _distinct([*before, *after])
        if (
            len(found) == 1
            and after
            and governor is not None
            and tokens[tok.i].dep in ("pobj", "dobj")
        ):
            # "in a call with Trump, Xi said", "Xi held a phone call with Trump"
            found = _distinct([*_subject_actors(tokens, children, actors, governor), *found])
        if len(found) < 2:
            continue
        out.append(NominalEvent(tok.i, code, tuple(found), hint, governor))
    return out


VISIT = "042"
_DESTINATION_PREPS = frozenset({"to"})


def _visits(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    noun: int,
    governor: int | None,
    before: Sequence[ActorRef],
    after: Sequence[ActorRef],
) -> list[tuple[ActorRef, ...]]:
    """A visit named by its noun goes one way, from the visitor to whom it is paid: the
    visitor is the possessor or name before the noun ("Musharraf's visit to Britain"), or
    the subject of the clause it sits in ("said during a visit to Britain", "met Blair on
    his first official visit to London"); the hosts are the destination after "to" and
    those met "with" ("a visit to Ireland with Taoiseach Leo Varadkar"). CAMEO 1.1b3 042
    Make a visit is the visitor's act; the host's is 043. One tuple (visitor, *hosts) per
    visitor; none when either side is missing (the two-participant reading applies then)."""
    hosts = [
        r
        for c in children.get(noun, ())
        if tokens[c].dep == "prep" and tokens[c].text.lower() in _DESTINATION_PREPS
        for g in children.get(c, ())
        if tokens[g].dep == "pobj"
        for r in actors.actors_at(g)
    ]
    if not hosts:
        return []
    visitors = list(before)
    if not visitors and governor is not None and tokens[noun].dep in ("pobj", "dobj"):
        visitors = _subject_actors(tokens, children, actors, governor)
    hosts = _distinct([*hosts, *after])
    out: list[tuple[ActorRef, ...]] = []
    for visitor in _distinct(visitors):
        met = [h for h in hosts if h.code != visitor.code]
        if met:
            out.append((visitor, *met))
    return out


def _subject_actors(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    verb: int,
) -> list[ActorRef]:
    """The actors the verb's subject names, if it has one."""
    subject = next((c for c in children.get(verb, ()) if tokens[c].dep == "nsubj"), None)
    return list(actors.actors_at(subject)) if subject is not None else []


# protest and strike nouns, coded when an actor stages, holds, begins... them
_ACTIONS = mapping("protest_nouns.tsv")
_LIGHT_VERBS = words("staging_verbs.txt")
_TARGET_PREPS = words("protest_target_prepositions.txt")


def action_events(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    used: set[int],
) -> list[NominalEvent]:
    """'Students staged mass demonstrations against the government', 'began a hunger strike'."""
    out: list[NominalEvent] = []
    for tok in tokens:
        if tok.pos != "NOUN" or tok.i in used or tok.dep not in ("dobj", "pobj"):
            continue
        lemma = tok.lemma.lower()
        kids = children.get(tok.i, ())
        mods = {tokens[c].text.lower() for c in kids if tokens[c].dep in ("amod", "compound")}
        code = "142" if lemma == "strike" and "hunger" in mods else _ACTIONS.get(lemma)
        if code is None or (lemma == "strike" and mods & {"air", "missile", "drone", "military"}):
            continue
        governor = governing_verb(tokens, tok.i)
        if governor is None or not (
            {tokens[governor].lemma.lower(), *verb_stems(tokens[governor].text.lower())}
            & _LIGHT_VERBS
        ):
            continue
        if any(
            tokens[c].dep == "prt" and tokens[c].text.lower() == "off"
            for c in children.get(governor, ())
        ):
            continue  # "called off the strike" ends it (the verb's pattern codes that)
        subject = next((c for c in children.get(governor, ()) if tokens[c].dep == "nsubj"), None)
        if subject is None:
            continue
        sources = _distinct(actors.actors_at(subject))
        if not sources:
            continue
        targets: list[ActorRef] = []
        for holder in (tok.i, governor):
            for c in children.get(holder, ()):
                if tokens[c].dep == "prep" and tokens[c].text.lower() in _TARGET_PREPS:
                    for g in children.get(c, ()):
                        if tokens[g].dep == "pobj":
                            targets.extend(actors.actors_at(g))
        for src in sources:
            found = [src, *(t for t in _distinct(targets) if t.code != src.code)]
            out.append(NominalEvent(tok.i, code, tuple(found), None, governor, symmetric=False))
    return out


_CROWDS = words("crowd_nouns.txt")
_NOT_CROWD_PREPS = frozenset({"in", "without", "despite", "for"})
"""'resigned in protest', 'without protest', 'despite protests': no protest told;
'tweeted support for the protests', 'called for protests': a stance or an appeal, not the
protest itself. A venue ('speakers at the rally') still tells that the rally took place."""
_PROTESTERS = "OPP"


def crowd_events(
    tokens: Sequence[Token],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    used: set[int],
) -> list[NominalEvent]:
    """Protests, demonstrations and riots told without their crowd, as the subject of a
    verb ("protests filled the San Juan streets"), its object ("the bill has sparked
    protests"), or after "of" ("two weeks of protests"): the protesters of the country the
    story places them in (the place, the dateline, the story's country). "resigned in
    protest" names no crowd and is left out; a protest by a named actor is left to the
    verb and action rules."""
    out: list[NominalEvent] = []
    for tok in tokens:
        if tok.pos != "NOUN" or tok.i in used:
            continue
        lemma = tok.lemma.lower()
        code = _ACTIONS.get(lemma)
        if code is None or lemma not in _CROWDS:
            continue
        if tok.dep == "pobj" and tokens[tok.head].text.lower() in _NOT_CROWD_PREPS:
            continue
        if tok.dep not in ("nsubj", "dobj", "pobj", "conj"):
            continue
        kids = children.get(tok.i, ())
        if any(
            tokens[c].dep in ("poss", "compound", "acl", "relcl")
            or (tokens[c].dep == "prep" and tokens[c].text.lower() == "by")
            or (tokens[c].dep == "amod" and actors.mention_at(c) is not None)
            for c in kids
        ):
            continue  # "the students' protest", "a demonstration staged by students",
            # "protests by Muslims", "Palestinian protests": their crowd is named
        if lemma in _HELD_BY_SPEAKERS and _speaker_at(tokens, tok.i, children, actors):
            continue
        crowd = actors.implied(_PROTESTERS, tok.i)
        if crowd is None:
            continue
        governor = governing_verb(tokens, tok.i)
        out.append(NominalEvent(tok.i, code, (crowd,), None, governor, symmetric=False))
    return out


def _left_modifiers(
    tokens: Sequence[Token], children: Mapping[int, Sequence[int]], noun: int
) -> list[int]:
    """Possessors and compounds before the noun, with their own compounds ("Xi-Trump")."""
    out: list[int] = []
    stack = [
        c
        for c in children.get(noun, ())
        if c < noun and tokens[c].dep in ("poss", "compound", "amod", "nmod")
    ]
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(
            c
            for c in children.get(i, ())
            if tokens[c].dep in ("compound", "punct", "case", "amod", "flat")
        )
    return sorted(out)


def _distinct(refs: Sequence[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for r in refs:
        if r.country is None and not r.code.startswith(("IGO", "NGO")):
            continue
        if all(r.code != o.code for o in out):
            out.append(r)
    return out


_HELD_BY_SPEAKERS = frozenset({"rally"})
"""Crowd nouns that also name a politician's own event: 'Trump declared at the rally',
'he returned to the campaign trail with a rally' is a campaign rally, no protest."""
_AT_EVENT = frozenset({"at", "during", "with"})


def _speaker_at(
    tokens: Sequence[Token],
    noun: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> bool:
    """Whether the crowd noun is where a person the sentence names as the subject of its
    verb is ('At the rally, Trump declared himself immune', 'controversy during the rally'
    is not: no person acts there)."""
    tok = tokens[noun]
    if tok.dep != "pobj" or tokens[tok.head].text.lower() not in _AT_EVENT:
        return False
    verb = governing_verb(tokens, noun)
    if verb is None:
        return False
    return any(
        r.kind in ("person", "pronoun") and r.role is not None
        for c in children.get(verb, ())
        if tokens[c].dep == "nsubj"
        for r in actors.actors_at(c)
    )
