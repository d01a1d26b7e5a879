"""The coder's rules about force and its words: the means of an attack, verbal attack and
defence, violence whose perpetrator the text does not name, and the state organ an act
implies. Their order among the other rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import ActorRef, identified, named_group
from accord.coding.attribution import (
    harmed_by_someone,
    located_country,
    speaks_of_violence,
    unattributed,
)
from accord.coding.lexicon import table, words
from accord.coding.ontology import VIOLENT_ROOTS
from accord.coding.patterns import subtree
from accord.coding.places import PLACE_LABELS
from accord.coding.political import is_political, names_nation
from accord.coding.roles import roles_with
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule
from accord.coding.target_rules import definite_attack
from accord.model import DateSource

_INSTRUMENT_VERBS = words("instrument_verbs.txt")


@rule("instrument", ["verb"])
def instrument(c: Candidate, cl: Clause) -> Verdict:
    """'Carried out the attack using ten drones', 'aircraft using guided missiles killed
    four': a participle of using names the means of an act of violence the rest of the
    sentence tells, which is coded by its own verb (data/lexicon/instrument_verbs.txt).
    Where the rest tells no violence, the use is the act ('cleared protesters from the
    square using tear gas': repression, 175)."""
    tok = cl.tokens[c.trigger]
    if tok.lemma.lower() not in _INSTRUMENT_VERBS or tok.tag != "VBG":
        return c
    if tok.dep not in ("advcl", "acl"):
        return c
    means = subtree(cl.children, c.trigger)
    if not speaks_of_violence([t for t in cl.tokens if t.i not in means]):
        return c
    return Drop("the means of another act ('using ten drones'), not an act of its own")


_HARM_SUPERLATIVES = words("harm_superlatives.txt")


@rule("ranked_harm", ["verb"], reads=["code"])
def ranked_harm(c: Candidate, cl: Clause) -> Verdict:
    """A verb of force ranked by a superlative and with no object, 'with Sri Lanka,
    Thailand, India and Indonesia worst hit', 'the sectors hardest hit', tells who
    suffered most (a passive sense with its auxiliary left out), not who used force: its
    subjects are the harmed, and the sentence names no attacker
    (data/lexicon/harm_superlatives.txt)."""
    if c.code[:2] not in VIOLENT_ROOTS:
        return c
    kids = cl.children.get(c.trigger, ())
    if any(cl.tokens[k].dep in ("dobj", "agent") for k in kids):
        return c
    if not any(
        cl.tokens[k].dep == "advmod" and cl.tokens[k].text.lower() in _HARM_SUPERLATIVES
        for k in kids
    ):
        return c
    return Drop("ranked harm ('worst hit'): who suffered, not who used force")


PROTECTION = "074"
DEFEND_VERBALLY = "052"
MILITARY_RETREAT = "087"
YIELD = "080"
_STATE_HANDS = frozenset({"GOV", "SPY", "PRE"})
"""Roles that may withdraw forces though they bear no arms themselves (and a bare
country, role None): 'the United States withdrew from Syria' stays a military retreat."""


@rule("unarmed_retreat", ["verb"], reads=["code", "sources"], writes=["code", "rule"])
def unarmed_retreat(c: Candidate, cl: Clause) -> Verdict:
    """A withdrawal by actors with no forces to withdraw (a party, a candidate, a
    legislator, a court, a company) is no military retreat (087x, CAMEO 1.1b3 'de-escalate
    military engagement') but giving way, 080 Yield: 'the Thai Raksa Chart Party withdrew
    from using Princess Ubolratana as their candidate', 'Senator Klobuchar withdrew her
    name'."""
    if not c.code.startswith(MILITARY_RETREAT) or not c.sources:
        return c
    if not all(
        s.role is not None and s.role not in _ARMED_ROLES and s.role not in _STATE_HANDS
        for s in c.sources
    ):
        return c
    return dataclasses.replace(c, code=YIELD, rule=f"{c.rule}+unarmed")


@rule("verbal_defense", ["verb"], reads=["code", "sources", "targets"], writes=["code", "rule"])
def verbal_defense(c: Candidate, cl: Clause) -> Verdict:
    """A verb of protection whose object is something said or decided, whose source
    bears no arms, or whose every target is a person defends in words: 'Pompeo defended
    Trump's foreign policy', 'the minister defended the decision', 'Blair defended
    President Bush', 'America defended President Bush for guaranteeing resources' are 052
    Defend verbally ("justify policy, action or actor", CAMEO 1.1b3), not military
    protection (074), which stays for armed forces and what they hold ('troops defended
    the city') (data/lexicon/verbal_objects.txt)."""
    if c.code != PROTECTION:
        return c
    said = _object_said(c, cl)
    unarmed = bool(c.sources) and all(  # a state itself may send forces: not unarmed
        s.role is not None and s.role not in _ARMED_ROLES for s in c.sources
    )
    if not (said or unarmed or _personal(c)):
        return c
    return dataclasses.replace(c, code=DEFEND_VERBALLY, rule=f"{c.rule}+verbal")


def _object_said(c: Candidate, cl: Clause) -> bool:
    """Whether the trigger's direct object is something said or decided (verbal_objects.txt)."""
    return any(
        cl.tokens[k].dep == "dobj" and cl.tokens[k].lemma.lower() in VERBAL_OBJECTS
        for k in cl.children.get(c.trigger, ())
    )


def _personal(c: Candidate) -> bool:
    """Whether every target of the act is a person."""
    return bool(c.targets) and all(t.kind == "person" for t in c.targets)


COOPERATE_DIPLOMATICALLY = "050"
ENDORSE = "051"
_BACKING_VERBS = frozenset({"back", "support"})


@rule("verbal_support", ["verb"], reads=["code", "targets"], writes=["code", "rule"])
def verbal_support(c: Candidate, cl: Clause) -> Verdict:
    """Backing or supporting something said or decided, or a person, is endorsement in
    words: 'the Cardinal backed Mr Howard's stance', 'supported the plan', 'backed Mr
    Blair' are 051 Praise or endorse ("express support for, commend, approve policy,
    action or actor", CAMEO 1.1b3), not the support block's bare 050 Engage in diplomatic
    cooperation, which stays for backing an effort or initiative between states
    (data/lexicon/verbal_objects.txt)."""
    if (
        c.code != COOPERATE_DIPLOMATICALLY
        or cl.tokens[c.trigger].lemma.lower() not in _BACKING_VERBS
    ):
        return c
    if not (_object_said(c, cl) or _personal(c)):
        return c
    return dataclasses.replace(c, code=ENDORSE, rule=f"{c.rule}+verbal")


_ATTACK_MEANS_PREPS = frozenset({"in", "during"})


@rule(
    "attack_noun_agent",
    ["verb"],
    reads=["code", "sources"],
    writes=["sources", "rule"],
)
def attack_noun_agent(c: Candidate, cl: Clause) -> Verdict:
    """Harm done 'in' or 'by' an attack, or by an attack as subject, names its
    perpetrator on the attack noun ('five civilians were killed in a Russian airstrike',
    'two soldiers were killed in an ambush by Boko Haram fighters', 'killed by a US drone
    strike', 'Israeli strikes on Gaza killed three Hamas commanders'): the owner or
    by-agent of the attack (attack_nouns.txt) is the source.
    A definite attack with no owner ('who was also killed in the airstrike') is the one
    the story reported last, by its source."""
    if c.sources or c.code[:2] not in VIOLENT_ROOTS:
        return c
    nouns: list[int] = []
    for k in cl.children.get(c.trigger, ()):
        tok = cl.tokens[k]
        if tok.dep == "nsubj":
            nouns.append(k)  # 'Israeli strikes on Gaza killed three Hamas commanders'
        elif tok.dep == "agent" or (tok.dep == "prep" and tok.text.lower() in _ATTACK_MEANS_PREPS):
            nouns.extend(g for g in cl.children.get(k, ()) if cl.tokens[g].dep == "pobj")
    for noun in nouns:
        if cl.tokens[noun].lemma.lower() not in _FORCE_NOUNS:
            continue
        found = _attack_owners(noun, cl)
        if found:
            return dataclasses.replace(c, sources=tuple(found), rule=f"{c.rule}+attack-agent")
    return c


_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _attack_owners(noun: int, cl: Clause) -> list[ActorRef]:
    """Who carried out the attack named at ``noun``: its by-agent ('an ambush by Boko Haram
    fighters'), else the group, state organ or country that modifies it ('a Taliban
    attack', 'Israel's strikes'; a country or nationality, 'a Russian airstrike', names
    its armed forces); else, for a definite attack ('the airstrike'), the source of the
    latest use of force the story reported."""
    kids = cl.children.get(noun, ())
    by_agent = [
        r
        for p in kids
        if cl.tokens[p].dep == "prep" and cl.tokens[p].text.lower() == "by"
        for g in cl.children.get(p, ())
        if cl.tokens[g].dep == "pobj"
        for r in _named_in(g, cl)
    ]
    if by_agent:
        return by_agent
    owners = [
        r for m in kids if cl.tokens[m].dep in _OWNER_DEPS and m < noun for r in _named_in(m, cl)
    ]
    named = [  # not 'military' placed by the story alone, nor a place ('a Kabul bombing')
        r for r in owners if not r.basis and (r.kind != "country" or _names_nation(r, cl))
    ]
    if named:
        return [_armed_forces(r) if r.kind == "country" else r for r in named]
    a = cl.attacker
    if a is None or a.country is None or not definite_attack(noun, cl) or len(kids) > 1:
        return []
    return [ActorRef(noun, 0, 0, a.code, a.country, a.role, a.name, "implied")]


def _named_in(k: int, cl: Clause) -> list[ActorRef]:
    """The identified actors or named groups of the phrase at ``k``: its head's, else the
    names inside it ('Boko Haram fighters', whose head is a bare role word)."""
    found = [r for r in cl.actors.actors_at(k) if identified(r) or named_group(r)]
    if found:
        return found
    inside = sorted(subtree(cl.children, k))
    return [r for r in cl.actors.mention_refs(inside) if identified(r) or named_group(r)]


def _names_nation(ref: ActorRef, cl: Clause) -> bool:
    """A country's own name or nationality ('Russian', 'US'), not its capital or a city."""
    m = cl.actors.mention_at(ref.head)
    if m is None or m.entry.kind != "country":
        return False
    return names_nation(" ".join(t.text for t in cl.tokens[m.start : m.end]))


def _armed_forces(country: ActorRef) -> ActorRef:
    """A country named on an attack ('a Russian airstrike', 'US drone strikes'): its
    armed forces carried it out."""
    assert country.country is not None
    return dataclasses.replace(
        country, code=country.country + "MIL", role="MIL", kind="agent", listed=False
    )


@rule(
    "unattributed_violence",
    ["verb"],
    reads=["code", "sources", "targets"],
    writes=["sources", "rule"],
)
def unattributed_violence(c: Candidate, cl: Clause) -> Verdict:
    """Violence with no named perpetrator ('a car bomb killed five soldiers in Kabul'), or
    by an unnamed person in a sentence of political violence ('a man wearing a fake
    suicide vest began to stab people'), is coded to unidentified armed forces (UAF) of the
    country where it happened. An agentless passive that names no one harmed gets no
    invented attacker ('the Crew Dragon was launched via a Falcon 9 rocket')."""
    if c.code[:2] not in VIOLENT_ROOTS:
        return c
    country = (cl.place.country if cl.place else None) or cl.home
    if c.sources:
        return _unnamed_attacker(c, cl, country)
    patients = [k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep == "nsubjpass"]
    if patients and not c.targets and not any(_names_someone(k, cl) for k in patients):
        return c  # "the Crew Dragon was launched via a Falcon 9 rocket": no one harmed
    if country is None:
        country = located_country(cl.tokens, cl.mentions, c.targets)
    found = unattributed(cl.tokens, c.trigger, cl.children, country, cl.mentions)
    if found:
        return dataclasses.replace(c, sources=tuple(found))
    return _harmed_official(c, cl, country)


def _names_someone(k: int, cl: Clause) -> bool:
    """Whether the phrase at ``k`` holds a knowledge-base name or role word ('two
    soldiers', 'a police station'), or a person's name."""
    inside = subtree(cl.children, k)
    return any(m.start in inside for m in cl.mentions) or any(
        cl.tokens[i].ent_type == "PERSON" for i in inside
    )


def _harmed_official(c: Candidate, cl: Clause, country: str | None) -> Candidate:
    """'Mayor Adamowicz was stabbed on stage', 'the security minister was stabbed': a
    political actor (a state organ, a party, a listed public figure) harmed on purpose by
    someone the text does not name (:func:`harmed_by_someone`) is assaulted by
    unidentified armed forces (UAF) of the country where it happened, or else of the
    victim's own country. A private person shot or stabbed is a crime story and stays
    uncoded."""
    if not c.targets or not harmed_by_someone(cl.tokens, c.trigger, cl.children):
        return c
    if not all(t.kind != "country" and is_political(t, cl.actors) for t in c.targets):
        return c
    where = country or next((t.country for t in c.targets if t.country), None)
    if where is None:
        return c
    at = c.trigger
    attacker = ActorRef(at, at, at + 1, where + "UAF", where, "UAF", None, "group")
    return dataclasses.replace(c, sources=(attacker,), rule=f"{c.rule}+unnamed-attacker")


_UNNAMED = words("unnamed_individuals.txt")


def _unnamed_attacker(c: Candidate, cl: Clause, country: str | None) -> Candidate:
    """'a man wearing a fake suicide vest began to stab people': an unnamed person using
    force in a sentence that speaks of political violence (besides the act itself) is an
    unidentified armed attacker (UAF), not a private person (unnamed_individuals.txt)."""
    if not all(
        s.role == "CVL" and s.kind == "agent" and cl.tokens[s.head].lemma.lower() in _UNNAMED
        for s in c.sources
    ):
        return c
    if not speaks_of_violence([t for t in cl.tokens if t.i != c.trigger]):
        return c
    where = c.sources[0].country or country
    if where is None:
        return c
    attackers = tuple(
        dataclasses.replace(s, code=where + "UAF", country=where, role="UAF", kind="group")
        for s in c.sources
    )
    return dataclasses.replace(c, sources=attackers, rule=f"{c.rule}+unnamed-attacker")


_AUTHORITIES = table("implied_authorities.tsv")


@rule("implied_authority", ["verb"], reads=["code", "sources", "date"], writes=["sources", "rule"])
def implied_authority(c: Candidate, cl: Clause) -> Verdict:
    """An act only the state performs, told in the passive with no agent, as news ('an
    individual has been arrested', 'he was sentenced on Monday to life in prison': the
    perfect or a date of its own), was done by the state organ of
    ``data/lexicon/implied_authorities.tsv``, of the country the story places it in; the
    evidence says the source is implied. A passive with an agent is left alone, and so is
    an undated simple past ('was jailed for corruption'), too often the actor's history."""
    if c.sources or c.match is None:
        return c
    kids = cl.children.get(c.trigger, ())
    if not any(cl.tokens[k].dep == "nsubjpass" for k in kids):
        return c
    if any(cl.tokens[k].dep == "agent" for k in kids):
        return c
    perfect = any(cl.tokens[k].lemma.lower() == "have" for k in kids if cl.tokens[k].dep == "aux")
    dated = c.date is not None and c.date.source is DateSource.TEXT
    if not (perfect or dated):
        return c  # 'Blagojevich was jailed for corruption': a past the story does not date
    role = next((r[0] for n in (4, 3) if (r := _AUTHORITIES.get(c.code[:n])) is not None), None)
    if role is None:
        return c
    actor = cl.actors.implied(role, c.trigger)
    if actor is None:
        return c
    return dataclasses.replace(c, sources=(actor,), rule=f"{c.rule}+implied-source")


VERBAL_OBJECTS = words("verbal_objects.txt")
VERBAL_ATTACKS = words("verbal_attack_verbs.txt")
_ARMED_ROLES = roles_with("armed")
_RECIPROCAL = words("reciprocal_conflict_verbs.txt")
_GLOSSES = words("verbal_gloss_verbs.txt") | words("speech_verbs.txt")
_SPEAKING_ROLES = roles_with("speaks")
"""Roles whose 'attack' on a thing (a bill, an inquiry) is words, not force; protesters
attacking a police station are not among them."""
CRITICIZE = "111"


@rule("verbal_attack", ["verb"], reads=["code", "sources", "targets"], writes=["code", "rule"])
def verbal_attack(c: Candidate, cl: Clause) -> Verdict:
    """A verb of force whose object is something said or decided is a verbal attack,
    criticism (111): 'Erdogan attacked the proclamation of Golan Heights as Israeli
    territory'; so is a verb that news uses for words ('attack', 'slam', 'hit') aimed by
    unarmed actors, in a sentence that speaks of no violence, at people or at a thing that
    is no place: 'Democrats continued to attack Trump on his taxes', 'Republicans
    attacked the impeachment inquiry', 'Hawkins attacked war as a tool of the ruling
    class', 'attacked the way the Iraq war was sold' (the thing attacked, with all its
    words, is not the violence told) ('Russia attacked Ukraine',
    'rebels attacked the base' stay force); so is an attack that describes its object
    ('attacked Labour's pledges as "vacuous"') or glosses it with a participle of speech
    ('attacked British imperialists, saying they ...') by actors who bear no arms; so is a clash
    between actors who speak and bear no arms ('the two political leaders clashed')
    (data/lexicon: verbal_objects, verbal_attack_verbs, reciprocal_conflict_verbs,
    verbal_gloss_verbs, speech_verbs, violence_context)."""
    if c.code[:2] not in VIOLENT_ROOTS:
        return c
    dobjs = [k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep == "dobj"]
    objects = [k for k in dobjs if cl.tokens[k].lemma.lower() in VERBAL_OBJECTS]
    told = {k for d in dobjs for k in subtree(cl.children, d)}  # 'the way the Iraq war was sold'
    lemma = cl.tokens[c.trigger].lemma.lower()
    mutual = lemma in _RECIPROCAL  # 'the two political leaders clashed'
    words_at = (
        all(
            t.kind in ("person", "pronoun") or (mutual and t.role in _SPEAKING_ROLES)
            for t in c.targets
        )
        if c.targets
        else (bool(dobjs) or mutual)
        and all(s.role in _SPEAKING_ROLES for s in c.sources)
        and not any(_names_a_place(k, cl) for k in dobjs)
    )
    figurative = (
        (lemma in VERBAL_ATTACKS or mutual)
        and words_at
        and not any(s.role in _ARMED_ROLES for s in c.sources)
        and not speaks_of_violence([t for t in cl.tokens if t.i != c.trigger and t.i not in told])
    )
    described = not any(s.role in _ARMED_ROLES for s in c.sources) and any(
        cl.tokens[k].dep == "prep" and cl.tokens[k].text.lower() == "as"
        for k in cl.children.get(c.trigger, ())
    )  # 'attacked Labour's pledges as "vacuous"': a description is words
    glossed = not any(s.role in _ARMED_ROLES for s in c.sources) and any(
        cl.tokens[k].dep == "advcl"
        and cl.tokens[k].tag == "VBG"
        and cl.tokens[k].lemma.lower() in _GLOSSES
        for k in cl.children.get(c.trigger, ())
    )  # 'attacked British imperialists, saying they ...': what the attack said
    if not objects and not figurative and not described and not glossed:
        return c
    return dataclasses.replace(c, code=CRITICIZE, rule=f"{c.rule}+verbal")


_PROTESTING_CROWDS = words("protesting_crowds.txt")
RIOT = "145"
_CROWD_FORCE_ROOTS = frozenset({"18", "19"})
_PROPERTY_FORCE = "171"
"""171 Seize or damage property, 1712 Destroy property: a crowd's rioting too."""


@rule("crowd_violence", ["verb", "noun"], reads=["code", "sources"], writes=["code", "rule"])
def crowd_violence(c: Candidate, cl: Clause) -> Verdict:
    """Force used by a crowd of protesters is a violent protest, 145 Protest violently,
    riot (CAMEO 1.1b3: 'all civilian demonstrations and protests that turn violent'), not
    an armed assault (18) or military force (19): 'the protesters clashed with the police
    and threw rocks, bottles and flares', 'rioters set fire to the church', 'rioters started
    to tear down and vandalize public statues' (171x damage to property too)
    (data/lexicon/protesting_crowds.txt). Only where every source is such a crowd, and not
    in a fight both sides wage ('the protesters clashed with the police': each uses force
    on the other, as :func:`crowd_repression` leaves it too)."""
    forceful = c.code[:2] in _CROWD_FORCE_ROOTS or c.code.startswith(_PROPERTY_FORCE)
    if not forceful or not c.sources or _both_ways(c):
        return c
    if not all(_crowd(s.head, cl) for s in c.sources):
        return c
    return dataclasses.replace(c, code=RIOT, rule=f"{c.rule}+crowd")


REPRESSION = "175"
_FORCES = frozenset({"COP", "MIL", "GOV", "SPY"})


@rule(
    "crowd_repression",
    ["verb", "noun"],
    reads=["code", "sources", "targets"],
    writes=["code", "rule"],
)
def crowd_repression(c: Candidate, cl: Clause) -> Verdict:
    """Force that police, troops or the government use on a crowd of protesters is 175
    Use tactics of violent repression (CAMEO 1.1b3: 'actively repress collective actions
    of dissent by forcing subjugation through crowd control tactics'; its example 'riot
    police used tear gas to disperse demonstrators'), not military force (19): 'police
    attacked protesters in Belgrade', 'troops fired on demonstrators'. Only where every
    target is such a crowd (data/lexicon/protesting_crowds.txt), and not in a clash
    both sides wage."""
    if c.code[:2] not in _CROWD_FORCE_ROOTS or not c.sources or not c.targets or _both_ways(c):
        return c
    if not all(s.role in _FORCES for s in c.sources):
        return c
    if not all(t.kind != "implied" and _crowd(t.head, cl) for t in c.targets):
        return c
    return dataclasses.replace(c, code=REPRESSION, rule=f"{c.rule}+repression")


@rule(
    "crowd_clash",
    ["verb"],
    reads=["code", "sources", "targets"],
    writes=["code", "reverse", "rule"],
)
def crowd_clash(c: Candidate, cl: Clause) -> Verdict:
    """A fight both sides wage between a crowd of protesters and the police, troops or
    the government is a riot on the crowd's side and repression on the other's: 'the
    protesters clashed in front of parliament with the police' is 145 Protest violently,
    riot from the protesters and 175 Use tactics of violent repression back from the
    police (PETRARCH2's own pattern for protests clashing with police codes [145:175]; CAMEO
    1.1b3 keeps 19 for military force), not military force both ways. Only a paired
    dictionary code (a clash 'with' someone, [190:190]) with every source on one side and
    every named target on the other."""
    if c.code[:2] not in _CROWD_FORCE_ROOTS or c.match is None or c.match.code2 is None:
        return c
    if c.mutual or not c.sources or not c.targets or c.code != c.match.code:
        return c
    if any(t.kind == "implied" for t in c.targets):
        return c
    if all(_crowd(s.head, cl) for s in c.sources) and all(t.role in _FORCES for t in c.targets):
        code, back = RIOT, REPRESSION
    elif all(s.role in _FORCES for s in c.sources) and all(_crowd(t.head, cl) for t in c.targets):
        code, back = REPRESSION, RIOT
    else:
        return c
    return dataclasses.replace(c, code=code, reverse=back, rule=f"{c.rule}+crowd-clash")


def _both_ways(c: Candidate) -> bool:
    """A fight both sides wage: joint parties, or a pattern that codes the act back from
    the target ('clashed with the police': code2)."""
    return c.mutual or (c.match is not None and c.match.code2 is not None)


def _crowd(head: int, cl: Clause) -> bool:
    return cl.tokens[head].lemma.lower() in _PROTESTING_CROWDS


def _names_a_place(k: int, cl: Clause) -> bool:
    """The object is a named place ('Kabul', 'the White House') or an actor."""
    tok = cl.tokens[k]
    return tok.ent_type in PLACE_LABELS or bool(cl.actors.actors_at(k))


_ALLOWING_BLOCK = "ALLOW"
_FORCE_NOUNS = words("attack_nouns.txt")


@rule("authorized_force", ["verb"], reads=["code"])
def authorized_force(c: Candidate, cl: Clause) -> Verdict:
    """Approving or authorising a use of force ('the strike, which was approved by
    President Trump', 'Soleimani also approved the attacks on the U.S. Embassy') is the
    command behind the force, which is the event to code, not yielding (080, the verb's
    block in the dictionary: CAMEO 1.1b3 has 08 for giving in to others). Approving
    what others asked ('approved the request', 'authorized the deal') stays 080."""
    m = c.match
    if m is None or m.form.block != _ALLOWING_BLOCK:
        return c
    tok = cl.tokens[c.trigger]
    acted_on = [
        k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep in ("dobj", "nsubjpass")
    ]
    if tok.dep == "relcl" and tok.head != c.trigger:
        acted_on.append(tok.head)  # 'the strike, which was approved by Trump'
    if any(cl.tokens[k].lemma.lower() in _FORCE_NOUNS for k in acted_on):
        return Drop("approving a use of force is no yielding: the force is the event")
    return c
