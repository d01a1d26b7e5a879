"""The coder's target rules: run on each (candidate, source) left without a target once the
sentence's events are known. Their order is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from accord.coding.actor_records import ActorRef, Mention
from accord.coding.arguments import TOPIC_VERBS
from accord.coding.lexicon import table, words
from accord.coding.noun_rules import PROTEST_ROOT
from accord.coding.patterns import subtree
from accord.coding.rules import Candidate, Clause, Verdict, rule

COUNTERPART_CODES = frozenset({"030", "032", "036", "039", "050", "051"})
COUNTERPART_WINDOW = 8
"""Sentences after a bilateral meeting or call in which a party's untargeted appeal (02x),
general intent to cooperate or diplomatic cooperation (COUNTERPART_CODES) is taken to
address the other party."""
COUNTERPART_ROOT = "04"
"""CAMEO 04 Consult: 'consultations and meetings', 'negotiate or bargain with others' (CAMEO
1.1b3): always with someone else, so never the source's own country by default."""
INTENT_TO_MEET = "036"
"""CAMEO 036 Express intent to meet or negotiate: the intent to consult, with someone else
as much as the consultation itself."""


MEDIATE = "045"
"""CAMEO 045 Mediate: a third party between two others, no meeting of its own with either."""


def opens_pair(code: str) -> bool:
    """Whether an event of ``code`` between two countries is a bilateral meeting or call
    that later untargeted acts of its parties may answer (:func:`counterpart`): a
    consultation (04), not a mediation ('the administration brokered deals between Israel
    and the UAE, Bahrain and Kosovo' pairs the US with none of them)."""
    return code.startswith(COUNTERPART_ROOT) and not code.startswith(MEDIATE)


def needs_counterpart(code: str) -> bool:
    """Whether an act is with someone by definition: a consultation (04) or the intent to
    hold one (036)."""
    return code.startswith(COUNTERPART_ROOT) or code == INTENT_TO_MEET


@rule(
    "counterpart",
    ["verb", "noun"],
    reads=["code", "sources", "targets"],
    writes=["targets", "rule"],
)
def counterpart(c: Candidate, cl: Clause) -> Verdict:
    """An untargeted appeal (02x), intent to cooperate or diplomatic cooperation by one
    party of a bilateral meeting or call reported in this sentence or shortly before
    addresses the other party: "Trump said Washington is willing to strengthen
    cooperation", in the report of the Xi-Trump call, is cooperation with China."""
    if c.targets or not c.sources or cl.pair is None or cl.pair_age is None:
        return c
    if not (c.code[:2] == "02" or c.code in COUNTERPART_CODES):
        return c
    if not 0 <= cl.pair_age <= COUNTERPART_WINDOW:
        return c
    src = c.sources[0]
    a, b = cl.pair
    for me, other in ((a, b), (b, a)):
        if src.code == me.code or (src.country is not None and src.country == me.country):
            if other.country == src.country:
                return c
            implied = ActorRef(
                src.head, 0, 0, other.code, other.country, other.role, other.name, "implied"
            )
            return dataclasses.replace(c, targets=(implied,), rule=f"{c.rule}+counterpart")
    return c


_MESSAGE_VERBS = words("message_verbs.txt")
_MESSAGE_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj"})


@rule("written_to", ["verb"], reads=["code", "sources", "targets"], writes=["targets", "rule"])
def written_to(c: Candidate, cl: Clause) -> Verdict:
    """An appeal, demand, criticism or rejection with no target of its own, told in a
    participle on a verb of sending a message, is made to the message's addressee:
    'Nick Adderley wrote to the US Embassy in London asking to waive her diplomatic
    immunity', 'sent a letter to Iran urging it to release the sailors'
    (message_verbs.txt; the addressee is the 'to' phrase of the verb or of its object)."""
    if c.targets or not c.sources or c.code[:2] not in _MESSAGE_ROOTS:
        return c
    tok = cl.tokens[c.trigger]
    if tok.dep not in _PARTICIPLE_DEPS or tok.tag != "VBG":
        return c
    verb = tok.head
    if not 0 <= verb < len(cl.tokens) or cl.tokens[verb].lemma.lower() not in _MESSAGE_VERBS:
        return c
    holders = [verb, *(k for k in cl.children.get(verb, ()) if cl.tokens[k].dep == "dobj")]
    src = c.sources[0]
    for h in holders:
        for p in cl.children.get(h, ()):
            if cl.tokens[p].dep != "prep" or cl.tokens[p].text.lower() != "to":
                continue
            for g in cl.children.get(p, ()):
                if cl.tokens[g].dep != "pobj":
                    continue
                refs = [r for r in cl.actors.actors_at(g) if r.code != src.code]
                if refs:
                    return dataclasses.replace(c, targets=tuple(refs), rule=f"{c.rule}+written-to")
    return c


@rule("domestic_target", ["verb", "noun"], reads=["sources", "targets"], writes=["targets", "rule"])
def domestic_target(c: Candidate, cl: Clause) -> Verdict:
    """An act that names no target, in a sentence that names no other country nor an
    international organisation (and not in the report of the source's bilateral meeting
    or call just before), is directed at the source's own country: "Ricardo
    Rosselló announced his resignation" (USA -> USA), "police arrested a 36-year-old
    man" (GBR -> GBR); a crowd's protest so even where the sentence names another country
    as its cause or follows the report of a meeting abroad. The target is the bare
    country, with no text, and the rule says so ('+domestic'). A consultation or
    negotiation (CAMEO root 04), and the intent to hold one (036), is with a counterpart
    by definition: without one named it keeps no target rather than its own country."""
    if c.targets or not c.sources or needs_counterpart(c.code):
        return c
    if _state_force(c):
        return c  # 'Turkey began a military offensive': aimed abroad as often as at home
    src = c.sources[0]
    home = src.country
    if home is None:
        return c
    crowd = _crowd_protest(c)
    if (
        not crowd
        and cl.pair is not None
        and cl.pair_age is not None
        and 0 <= cl.pair_age <= COUNTERPART_WINDOW
        and home in (cl.pair[0].country, cl.pair[1].country)
    ):
        return c  # in the report of a bilateral meeting or call: not a domestic matter
    if not crowd and names_another_state(c, cl, home):
        return c
    if c.code[:2] in _CENSURE_ROOTS and _censures_an_attack(c, cl):
        return c  # 'characterized the attack as a violation of Iraqi sovereignty'
    implied = ActorRef(src.head, 0, 0, home, home, None, None, "implied")
    return dataclasses.replace(c, targets=(implied,), rule=f"{c.rule}{DOMESTIC}")


DOMESTIC = "+domestic"
"""What :func:`domestic_target` adds to the rule of the acts it aims at their own country."""


def names_another_state(c: Candidate, cl: Clause, home: str) -> bool:
    """Whether the sentence names a country other than ``home``, or an international
    organisation, outside the phrases that name the act's sources ('Kurt Volker, the US
    special envoy for Ukraine negotiations, resigned' names no other)."""
    return any(
        m.entry.kind == "igo" or (m.entry.country is not None and m.entry.country != home)
        for m in cl.mentions
        if not _within_a_source(m, c)
    )


_CENSURE_ROOTS = frozenset({"11", "12", "13"})
_CROWD_ROLES = frozenset({"CVL", "OPP"})
_FORCE_ROOTS = frozenset({"19", "20"})
_STATE_FORCE_ROLES = frozenset({None, "GOV", "MIL"})


def _within_a_source(m: Mention, c: Candidate) -> bool:
    """Whether a mention lies inside the phrase that names a source: the source's own
    description ('the special envoy for Ukraine negotiations', 'the Yemen-based Houthi
    movement') names no counterpart of the act."""
    return any(s.start <= m.start and m.end <= s.end and s.end > s.start for s in c.sources)


def _state_force(c: Candidate) -> bool:
    """Military force (19, 20) by a state, its government or its armed forces: whom it is
    aimed at the text must say ('Turkey began a military offensive with airstrikes' was
    aimed at Syria); the police's force and a crowd's stay at home."""
    return c.code[:2] in _FORCE_ROOTS and all(s.role in _STATE_FORCE_ROLES for s in c.sources)


def _crowd_protest(c: Candidate) -> bool:
    """A protest by a crowd (private people or the opposition): one that names whom it is
    against has its target from the arguments; one that does not is against its own
    country's authorities, whatever other country or organisation the sentence names as
    its cause ('one million people marched in London ..., protesting the pending exit of
    the United Kingdom from the European Union')."""
    return c.code[:2] == PROTEST_ROOT and all(s.role in _CROWD_ROLES for s in c.sources)


def _censures_an_attack(c: Candidate, cl: Clause) -> bool:
    """Whether the act's object is a definite attack noun ('condemned the attack'): it is
    aimed at whoever attacked, whom the sentence does not name, not at the source's own
    country (attack_nouns.txt)."""
    return any(
        cl.tokens[k].dep == "dobj" and definite_attack(k, cl)
        for k in cl.children.get(c.trigger, ())
    )


_OWN_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "relcl", "csubj"})
"""Clauses with a time and a subject of their own: what they name is not acted upon by
the verb they hang from ('said that ...', 'after Iran attacked ...', 'which China signed')."""
_ACTING_DEPS = frozenset({"nsubj", "csubj", "agent", "expl"})
"""Who acts: left out of the predicate. A passive subject is what is acted upon ('a camp
for Congolese refugees was attacked by Burundian militiamen') and stays in it."""


@rule(
    "predicate_actor",
    ["verb"],
    reads=["sources", "targets"],
    writes=["targets", "rule"],
)
def predicate_actor(c: Candidate, cl: Clause) -> Verdict:
    """An act the argument rules found no target for, whose predicate (the verb and what
    hangs on it, not its subject nor a clause of its own) names one other country or
    international organisation, is aimed at it: 'promised to continue military aid to
    war-torn Mozambique', 'refused to meet Jordan's visiting King Abdullah', 'opened an
    embassy in Tehran', 'threatened to cut off electricity to the Azerbaijan republic'.
    The object of a verb of discussing is its subject matter ('discussed Iran',
    topic_object_verbs.txt). A predicate naming two other countries says too little to
    choose, and what a phrase of time or concession names is not aimed at ('agreed to
    extend the mandate despite Israel's wish for a shorter period'). An organisation acts
    so too ('the UN coordinator demanded parties to the conflict in Iraq to ...')."""
    if c.targets or not c.sources:
        return c
    src = c.sources[0]
    if src.country is None and src.kind != "igo":
        return c
    skip = set(range(src.start, src.end))
    topic = cl.tokens[c.trigger].lemma.lower() in TOPIC_VERBS  # 'discussed Iran'
    for k in cl.children.get(c.trigger, ()):
        if cl.tokens[k].dep in _ACTING_DEPS or (topic and cl.tokens[k].dep == "dobj"):
            skip |= subtree(cl.children, k)
    span = subtree(cl.children, c.trigger) - skip
    for k in list(span):
        if k != c.trigger and (_own_clause(cl, k) or _setting(cl, k)):
            span -= subtree(cl.children, k)
    named = {m.start: m for m in cl.mentions}
    others = [
        r
        for r in cl.actors.mention_refs(sorted(span))
        if (r.country is not None or r.kind == "igo")
        and r.country != src.country
        and r.code != src.code
        and r.start in named
        and _acted_upon(named[r.start], cl)
    ]
    if len({r.country or r.code for r in others}) > 1 or _meeting(c.code):
        # 'celebrated Iftar in Osgiliath with the leaders of Gondor': the one named as a
        # party beats the ones named as places; a meeting's venue is no party to it ('EU
        # leaders are holding talks in Brussels', 'the G8 will meet at Gleneagles in
        # Scotland')
        others = [r for r in others if not _placed_by(named[r.start], cl)]
    if len({r.country or r.code for r in others}) != 1:
        return c
    return dataclasses.replace(c, targets=(others[0],), rule=f"{c.rule}+predicate")


_VISITS = frozenset({"042", "043"})
"""A visit is aimed at the place it is paid to ('arrived in Indonesia' on a visit)."""


def _meeting(code: str) -> bool:
    """A meeting, talks or a call (root 04), or the intent to meet (036), not a visit."""
    return (code[:2] == "04" or code[:3] == "036") and code[:3] not in _VISITS


_SETTING_PREPS = words("adjunct_prepositions.txt") - {"at", "near"}
"""Prepositions of time, cause and concession: what they name sets the act in its time
or against an objection ('despite Israel's wish for a shorter period', 'after the
attack'); it is not aimed at. Not 'at' and 'near' (a place, or a target: 'fired at')."""


_GATHERINGS = words("gathering_nouns.txt")


def _setting(cl: Clause, k: int) -> bool:
    """A prepositional phrase of time, cause or concession, or one naming the occasion
    the act took place at ('at their meeting in London', gathering_nouns.txt)."""
    tok = cl.tokens[k]
    if tok.dep != "prep":
        return False
    if tok.text.lower() in _SETTING_PREPS:
        return True
    return tok.text.lower() == "at" and any(
        cl.tokens[g].dep == "pobj" and cl.tokens[g].lemma.lower() in _GATHERINGS
        for g in cl.children.get(k, ())
    )


def _own_clause(cl: Clause, k: int) -> bool:
    """A clause of its own under the verb: a reported, adverbial or relative clause, or a
    conjoined verb with its own subject ('declared victory, but the U.S. troops have
    remained')."""
    tok = cl.tokens[k]
    if tok.dep in _OWN_CLAUSE_DEPS:
        return True
    if tok.dep == "pcomp" and tok.pos == "VERB":
        return True  # 'after leaving Eriador': an act of its own
    return (
        tok.dep == "conj"
        and tok.pos in ("VERB", "AUX")
        and any(cl.tokens[g].dep in (*_ACTING_DEPS, "nsubjpass") for g in cl.children.get(k, ()))
    )


_COMPARING = frozenset({"like", "unlike"})
_LOCATIVE = words("locative_prepositions.txt")


def _placed_by(m: Mention, cl: Clause) -> bool:
    """Whether a mention names where something happens: the object of a locative
    preposition ('in Osgiliath', 'at the border'), or a conjunct of one."""
    k = m.end - 1
    for _ in range(len(cl.tokens)):
        tok = cl.tokens[k]
        if tok.dep != "conj" or tok.head == k:
            break
        k = tok.head
    tok = cl.tokens[k]
    return tok.dep == "pobj" and cl.tokens[tok.head].text.lower() in _LOCATIVE


def _acted_upon(m: Mention, cl: Clause) -> bool:
    """A mention that can be what an act is aimed at: not a word that only qualifies a
    thing ('Russian disinformation', 'the Paris Agreement', 'a Greek Orthodox church'),
    nor what something is compared to ('drugs like Portugal'). A place abroad stays: an
    act done in another country is aimed at it, as CAMEO codes it ('opened an embassy in
    Tehran', 'refused to deploy peacekeepers in Iraq')."""
    head = cl.tokens[m.end - 1]
    if head.dep in ("amod", "compound", "nmod", "npadvmod") and head.head != head.i:
        # a qualifier counts where it says whose people or which place: 'U.N. weapons
        # inspectors', 'US troops', 'in Montenegro province'
        noun = cl.tokens[head.head]
        return noun.tag == "NNS" or noun.lemma.lower() in _GEOGRAPHIC
    return not (head.dep == "pobj" and cl.tokens[head.head].text.lower() in _COMPARING)


_GEOGRAPHIC = words("geographic_nouns.txt")


_ANSWERED = table("answered_acts.tsv")


@rule("answered_act", ["verb"], reads=["sources", "targets"], writes=["targets", "rule"])
def answered_act(c: Candidate, cl: Clause) -> Verdict:
    """A reaction to a definite act noun ('For several days Iran denied the accusation',
    'the embassy declined the request', 'rejected the offer'; answered_acts.tsv) answers
    the latest act of that kind the story reported aimed at the reacting side, and is
    aimed at whoever did it: the accuser, the one who asked, the one who offered."""
    if c.targets or not c.sources:
        return c
    src = c.sources[0]
    if src.country is None:
        return c
    roots = {
        r
        for k in cl.children.get(c.trigger, ())
        if cl.tokens[k].dep == "dobj" and _definite(k, cl, _ANSWERED_NOUNS)
        for r in _ANSWERED[cl.tokens[k].lemma.lower()][0].split(",")
    }
    if not roots:
        return c
    for told in reversed(cl.told):
        if told.root not in roots or told.target.country != src.country:
            continue
        if told.source.country == src.country and None in (told.source.role, src.role):
            continue  # a country does not answer its own state ('Iran' and IRNGOV)
        if told.source.code == src.code:
            continue
        s = told.source
        answered = ActorRef(src.head, 0, 0, s.code, s.country, s.role, s.name, "implied")
        return dataclasses.replace(c, targets=(answered,), rule=f"{c.rule}+answered")
    return c


_ANSWERED_NOUNS = frozenset(_ANSWERED)


"""Of root 01, the comments that state a view (pessimistic, optimistic, considering a
policy, accord); a claim or denial of responsibility (015, 016), a symbolic act (017)
and empathy (018) are about an act or a person."""
_ATTACK_NOUNS = words("attack_nouns.txt")
_DEFINITE = frozenset({"the", "this", "these", "those", "that"})
INTERACTION_NOUNS = frozenset(table("interaction_nouns.tsv"))
"""Meetings, talks and summits (interaction_nouns.tsv): what is 'of' one is its parties'."""
REFERRING_WORDS = _DEFINITE | frozenset({"such", "his", "her", "its", "their", "our", "my", "your"})


def definite_attack(k: int, cl: Clause) -> bool:
    """A definite attack noun ('the attack', 'these strikes'): one the story told."""
    return _definite(k, cl, _ATTACK_NOUNS)


def _definite(k: int, cl: Clause, nouns: frozenset[str]) -> bool:
    """A noun of ``nouns`` with a definite determiner ('the accusation'): one the story
    told."""
    return cl.tokens[k].lemma.lower() in nouns and any(
        cl.tokens[d].dep == "det" and cl.tokens[d].text.lower() in _DEFINITE
        for d in cl.children.get(k, ())
    )


_MEANS_VERBS = words("instrument_verbs.txt")


@rule("means_target", ["verb"], reads=["sources", "targets"], writes=["targets", "rule"])
def means_target(c: Candidate, cl: Clause) -> Verdict:
    """A participle of using that is itself the act ('law enforcement cleared peaceful
    protesters from Lafayette Square using tear gas': the use of tear gas is the
    repression, :func:`accord.coding.force_rules.instrument`) acts on the actor its
    clause's verb acts on: the protesters cleared (instrument_verbs.txt)."""
    if c.targets or not c.sources:
        return c
    tok = cl.tokens[c.trigger]
    if tok.lemma.lower() not in _MEANS_VERBS or tok.tag != "VBG" or tok.dep != "advcl":
        return c
    if tok.head == c.trigger:
        return c
    found = [
        r
        for k in cl.children.get(tok.head, ())
        if cl.tokens[k].dep == "dobj"
        for r in cl.actors.actors_at(k)
        if r.code != c.sources[0].code or r.head != c.sources[0].head
    ]
    if not found:
        return c
    return dataclasses.replace(c, targets=tuple(found), rule=f"{c.rule}+means")


@rule("attack_referred", ["verb"], reads=["code", "sources", "targets"], writes=["targets", "rule"])
def attack_referred(c: Candidate, cl: Clause) -> Verdict:
    """'The Houthi movement claimed responsibility for the attacks', 'said it had carried
    out the attack using ten drones': an untargeted act on a definite attack noun
    (attack_nouns.txt) refers back to the latest use of force the story reported, and is
    aimed at its target (here Saudi Arabia, whose oil facilities 'were hit by drone
    strikes' the sentence before). Censure of the attack ('the Foreign Ministry of Iraq
    characterized the attack as a violation of Iraqi sovereignty', 'condemned the
    attack') is aimed at whoever carried it out, when that is another country."""
    if c.targets or not c.sources or cl.attacked is None:
        return c
    src = c.sources[0]
    censure = c.code[:2] in _CENSURE_ROOTS
    a = cl.attacker if censure else cl.attacked
    if a is None or a.country is None or a.country == src.country:
        return c
    nouns = [
        k
        for k in subtree(cl.children, c.trigger)
        if cl.tokens[k].pos == "NOUN" and definite_attack(k, cl)
    ]
    if not nouns:
        return c
    implied = ActorRef(src.head, 0, 0, a.code, a.country, a.role, a.name, "implied")
    return dataclasses.replace(c, targets=(implied,), rule=f"{c.rule}+attack-referred")


_LEADERSHIP_NOUNS = words("leadership_change_nouns.txt")
_LEADERSHIP_CODES = MappingProxyType({"02": "0241", "10": "1041"})
"""CAMEO 1.1b3: an appeal (02) or demand (10) for a leader's going is 0241 Appeal for, or
1041 Demand, change in leadership."""


@rule(
    "leader_to_go",
    ["verb"],
    reads=["code", "sources", "targets"],
    writes=["code", "targets", "rule"],
)
def leader_to_go(c: Candidate, cl: Clause) -> Verdict:
    """An appeal or demand for a leader's resignation, removal or impeachment ('demanded
    the resignation of Prime Minister Boris Johnson', 'called for Mugabe's resignation',
    'asked for Bolton's resignation') is aimed at that leader, the owner of the noun (its
    possessor or 'of' phrase), and is an appeal for (0241) or a demand for (1041) change
    in leadership (data/lexicon/leadership_change_nouns.txt)."""
    if c.targets or not c.sources or c.code[:2] not in _LEADERSHIP_CODES:
        return c
    for noun in _requested(c.trigger, cl):
        if cl.tokens[noun].lemma.lower() not in _LEADERSHIP_NOUNS:
            continue
        leaders = [
            r
            for k in _owners(noun, cl)
            for r in cl.actors.actors_at(k)
            if r.country is not None and not any(_one_person(r, s) for s in c.sources)
        ]
        if leaders:
            code = c.code if c.code[:3] in ("024", "104") else _LEADERSHIP_CODES[c.code[:2]]
            return dataclasses.replace(
                c, code=code, targets=tuple(leaders), rule=f"{c.rule}+leader"
            )
    return c


def _one_person(a: ActorRef, b: ActorRef) -> bool:
    """Whether two actors of one code are the same one: 'Trump ... asked for Bolton's
    resignation' (USAGOV both, one by a pronoun) names two; a role word has no name."""
    return a.code == b.code and (a.name == b.name or not a.name or not b.name)


def _requested(verb: int, cl: Clause) -> list[int]:
    """What a verb of asking asks for: its object, or the object of its 'for'."""
    return _argument_heads(verb, cl, "dobj", "for")


def _owners(noun: int, cl: Clause) -> list[int]:
    """The owner of a noun: its possessor ('Bolton's resignation') or its 'of' phrase
    ('the resignation of Prime Minister Boris Johnson')."""
    return _argument_heads(noun, cl, "poss", "of")


def _argument_heads(head: int, cl: Clause, dep: str, preposition: str) -> list[int]:
    """The children of ``head`` with dependency ``dep``, and the objects of its
    ``preposition``."""
    out: list[int] = []
    for k in cl.children.get(head, ()):
        tok = cl.tokens[k]
        if tok.dep == dep:
            out.append(k)
        elif tok.dep == "prep" and tok.text.lower() == preposition:
            out.extend(g for g in cl.children.get(k, ()) if cl.tokens[g].dep == "pobj")
    return out
