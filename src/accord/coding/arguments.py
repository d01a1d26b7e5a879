"""Who does what to whom in one clause: the source and target actors of a verb.

The subject gives the sources (inherited through xcomp/conj/advcl/acl chains when the
verb has none, or the possessor of a noun that governs the verb's to-infinitive:
"Russia's readiness to support China"); direct, dative and prepositional objects give
the targets; passives swap them, except for verbs of feeling ("was disappointed by").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.actor_records import ActorRef, identified
from accord.coding.actors import SentenceActors
from accord.coding.lexicon import lines, words
from accord.coding.ontology import VERBAL_ROOTS, VIOLENT_ROOTS
from accord.coding.owners import owner_targets, owners_of
from accord.coding.patterns import SUBJECT_DEPS, subtree
from accord.coding.roles import roles_with
from accord.coding.targets import nested_targets
from accord.coding.verbs import VerbMatch
from accord.model import Token

__all__ = ["TARGET_PREPS", "arguments", "distinct", "naming_description"]

_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"})
_ADDRESSEE_VERBS = words("addressee_verbs.txt")
TOPIC_VERBS = words("topic_object_verbs.txt")
"""Verbs whose direct object is the subject matter, never the counterpart."""
TARGET_PREPS = lines("target_prepositions.txt")


_PSYCH_VERBS = words("psych_verbs.txt")
_DOCUMENT_NOUNS = words("document_nouns.txt")
_CONTENT_NOUNS = words("content_nouns.txt")
_NAMING_VERBS = words("naming_verbs.txt")
_HUNG_DESCRIPTIONS = frozenset({"dobj", "appos", "attr"})
"""How the parser hangs a naming verb's second noun phrase on its first ('called the
killing a cowardly act', with 'act' an object of 'killing')."""
_ARMED = roles_with("armed")
"""Verbs of feeling: in the passive ("was disappointed by") the subject is the reacting
actor, not the one acted on."""


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Whether two actors are one: the same code, unless both are people, or both named
    organisations, that the text names differently ('Blair backed Chancellor Gordon
    Brown's report': two members of one government, GBRGOV both; 'the Tories accuse
    Labour': two parties, GBRPTY both)."""
    if a.code != b.code:
        return False
    return not (
        a.kind == b.kind and a.kind in _NAMED_KINDS and a.name and b.name and a.name != b.name
    )


_NAMED_KINDS = frozenset({"person", "group"})
"""Kinds of actor the knowledge base names one by one: two of a code named differently
are two actors."""


def distinct(src: ActorRef, tgt: ActorRef) -> bool:
    """A target that is not the source itself (nor the source's own country, bare)."""
    if same_actor(src, tgt):
        return False
    return not (tgt.country == src.country and tgt.code == tgt.country)


def arguments(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    match: VerbMatch,
) -> tuple[list[ActorRef], list[ActorRef]]:
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    passive = False
    current = verb
    for _ in range(5):
        kids = children.get(current, ())
        subj = [c for c in kids if tokens[c].dep in SUBJECT_DEPS]
        psubj = [c for c in kids if tokens[c].dep in _PASSIVE_SUBJECT_DEPS]
        if current == verb and psubj:
            passive = True
            for c in psubj:
                targets.extend(actors.actors_at(c))
            if not targets and match.code[:2] in VIOLENT_ROOTS:
                # "oil facilities belonging to Saudi Aramco were hit", "the Iranian
                # embassy was stormed": force against a thing is aimed at its owner
                for c in psubj:
                    targets.extend(owners_of(tokens, c, children, actors, violent=True))
            for c in kids:
                if tokens[c].dep == "agent":
                    for g in children.get(c, ()):
                        sources.extend(actors.actors_at(g))
            if tokens[verb].lemma.lower() in _PSYCH_VERBS:
                # "the US was disappointed by the vote": the one disappointed reacts
                sources, targets = targets, sources
            break
        if subj and current != verb and _bare_passive(tokens, verb, children):
            # "he underwent surgery and was then airlifted to hospital": the subject a
            # passive conjunct shares is the one acted upon, not who acts
            passive = True
            for c in subj:
                targets.extend(actors.actors_at(c))
            break
        if subj:
            for c in subj:
                sources.extend(actors.actors_at(c))
            break
        if current == verb and _passive_participle(tokens, verb, children):
            # "Tarrant appeared in court, charged with murder", "when asked to clarify,
            # he said": the one the participle is about undergoes the act. Its by-agent
            # is no source: such clauses mostly describe ('a study funded by the EU',
            # 'competition encouraged by Ofcom') rather than report the act
            passive = True
            targets.extend(_participle_patients(tokens, verb, children, actors))
            break
        tok = tokens[current]
        if (
            current != verb
            and tok.pos in ("NOUN", "PROPN")
            and _infinitive_below(tokens, current, children)
        ):
            # "Russia's readiness to support China": the possessor acts (not in "its
            # nationals suspected by the West")
            poss = [c for c in kids if tokens[c].dep == "poss"]
            found = [r for c in poss for r in actors.actors_at(c)]
            if found:
                sources.extend(found)
                break
        if tok.dep == "acl" and tok.tag != "VBN" and tok.head != current:
            # "Members of the House of Commons protested ..." parsed as a reduced relative
            # (acl) of "Members": the noun it modifies acts (not in "the man arrested by")
            noun = tokens[tok.head]
            if noun.pos in ("NOUN", "PROPN") and noun.dep in ("ROOT", "nsubj", "nsubjpass"):
                found = actors.actors_at(tok.head)
                if found:
                    sources.extend(found)
                    break
        if (
            tok.dep == "acl"
            and tok.tag == "VBG"
            and current == verb
            and tokens[tok.head].dep == "dobj"
            and tokens[tok.head].head != tok.head
            and not actors.actors_at(tok.head)
            and tokens[tok.head].lemma.lower() not in _CONTENT_NOUNS
        ):
            # "Iran launched missiles targeting US troops": a thing that is no actor does
            # nothing by itself; who launched, fired or sent it acts through it (not a
            # theory 'suggesting' something: content_nouns.txt)
            current = tokens[tok.head].head
            continue
        if tok.dep == "acl" and current == verb:
            document = _document_of_venue(tokens, tok.head)
            if document is not None:
                # "posted a message on Twitter blaming Iran" (the participle hung on
                # 'Twitter'): it is the message that blames, and its poster who speaks
                current = document
                continue
        if tok.dep in _INHERIT_DEPS and tok.head != current:
            current = tok.head
            continue
        if (
            current != verb
            and tok.dep == "dobj"
            and tok.lemma.lower() in _DOCUMENT_NOUNS
            and tok.head != current
        ):
            # "posted a message blaming Iran", "issued a statement condemning the raid":
            # whoever issues the document speaks through it
            current = tok.head
            continue
        break
    if not passive and match.code[:2] in _REACTION_ROOTS:
        # "condemned the Israeli strikes on Gaza", "welcomed the US decision on Iran": a
        # reaction to a thing someone did is aimed at whoever did it, its owner, not at
        # whom the thing concerns
        targets.extend(
            t
            for t in owner_targets(tokens, verb, children, actors, verbal=True)
            if all(not same_actor(t, s) for s in sources)
        )
    if not passive and not targets:
        targets.extend(_objects(tokens, verb, children, actors, match))
    if not targets and match.inner_verb is not None and match.frame in _ADDRESSED_FRAMES:
        # "demanded that the US cancel plans", "urged Iran to release": the one asked
        inner_subjects = [
            r
            for c in children.get(match.inner_verb, ())
            if tokens[c].dep in ("nsubj", "nsubjpass")
            for r in actors.actors_at(c)
        ]
        targets.extend(r for r in inner_subjects if all(not same_actor(r, s) for s in sources))
    if not targets and match.inner_verb is None and match.code[:2] in _ADDRESSED_ROOTS:
        # "recommended the US troops withdraw", "demanded that Russia leave": the one
        # asked is the subject of the clause that says what is asked
        targets.extend(
            r
            for k in children.get(verb, ())
            if tokens[k].dep == "ccomp"
            and tokens[k].tag in ("VB", "VBP")
            and not _question_or_fact(tokens, k, children)
            for g in children.get(k, ())
            if tokens[g].dep == "nsubj"
            for r in actors.actors_at(g)
            if all(not same_actor(r, s) for s in sources)
        )
    if not targets and match.inner_verb is not None:
        # "threatened to attack Israel": the target sits under the framed inner verb
        targets.extend(_objects(tokens, match.inner_verb, children, actors, match.inner or match))
    if not targets and not passive:
        armed = any(s.role in _ARMED for s in sources)  # not Erdogan 'attacking' a decree
        owners = owner_targets(
            tokens,
            verb,
            children,
            actors,
            violent=armed and match.code[:2] in VIOLENT_ROOTS,
            verbal=match.code[:2] in VERBAL_ROOTS,
        )
        targets.extend(t for t in owners if all(not same_actor(t, s) for s in sources))
    if not targets and match.code == _MEDIATE:
        # "a deal it brokered to normalize relations between Sudan and Israel": the
        # mediator's targets are the parties between whom it mediates
        targets.extend(
            t
            for t in _mediated_parties(tokens, verb, children, actors)
            if all(not same_actor(t, s) for s in sources)
        )
    if not targets and match.code[:2] == _THREAT_ROOT:
        # "threatened to ban voting if Hamas ran": a threat is aimed at whoever must meet
        # its condition
        targets.extend(
            t
            for t in _conditioned(tokens, (verb, match.inner_verb), children, actors)
            if all(not same_actor(t, s) for s in sources)
        )
    if not targets and not passive:
        nested = nested_targets(tokens, verb, children, actors, TARGET_PREPS)
        targets.extend(t for t in nested if all(not same_actor(t, s) for s in sources))
    used = set(match.tokens)
    # a pattern word after the verb is what is done, not who does it; one before it
    # qualifies the subject ('&MILITARY * ': 'US troops withdrew'), which still acts
    sources = [s for s in sources if s.head not in used or s.head < verb]
    own = [t for t in targets if _own_means(tokens, t, sources, children)]
    if own and len(own) < len(targets):
        # "withdraw its troops from Syria": the troops are what it moves; Syria is the target
        targets = [t for t in targets if t not in own]
    return _unique(sources), _unique(targets)


def _bare_passive(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A passive verb with no subject of its own ('and was then airlifted')."""
    kids = children.get(verb, ())
    return any(tokens[k].dep == "auxpass" for k in kids) and not any(
        tokens[k].dep in SUBJECT_DEPS or tokens[k].dep in _PASSIVE_SUBJECT_DEPS for k in kids
    )


def _passive_participle(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A past participle heading a clause of its own with no subject or auxiliary
    ('..., charged with murder', 'when asked about it', 'the man arrested by police'): a
    passive whose patient is the noun or subject it hangs on."""
    tok = tokens[verb]
    if tok.tag != "VBN" or tok.dep not in ("advcl", "acl") or tok.head == verb:
        return False
    return not any(
        tokens[c].dep in ("aux", "auxpass", "nsubj", "nsubjpass", "csubj")
        for c in children.get(verb, ())
    )


def _participle_patients(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> list[ActorRef]:
    head = tokens[verb].head
    if tokens[verb].dep == "acl":
        return actors.actors_at(head)
    return [
        r
        for c in children.get(head, ())
        if tokens[c].dep in SUBJECT_DEPS or tokens[c].dep in _PASSIVE_SUBJECT_DEPS
        for r in actors.actors_at(c)
    ]


def _own_means(
    tokens: Sequence[Token],
    ref: ActorRef,
    sources: Sequence[ActorRef],
    children: Mapping[int, Sequence[int]],
) -> bool:
    """An actor the source owns ('its troops', 'their diplomats'): of the source's country
    and possessed by 'its' or 'their' ('his party' may be someone else's)."""
    return (
        ref.country is not None
        and any(ref.country == s.country for s in sources)
        and any(
            tokens[c].dep == "poss" and tokens[c].text.lower() in ("its", "their")
            for c in children.get(ref.head, ())
        )
    )


"""Prepositions whose object owns the noun acted on: its agent ("the proposal by Germany")
or its parties ("the memoranda between Turkey and Libya")."""
_ADDRESSED_FRAMES = frozenset({"demand", "appeal"})
_ADDRESSED_ROOTS = frozenset({"02", "10"})
"""Appeals and demands: the actor asked is their target."""
_RECIPIENT_ROOTS = frozenset({"03", "06", "07"})
"""Intent, material cooperation and aid: with a recipient ("to Macedonia", a dative) the
direct object is the thing given, not a target."""


_MEDIATE = "045"
_THREAT_ROOT = "13"


def _mediated_parties(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> list[ActorRef]:
    """The actors after 'between' in what the verb mediates: its object, or the noun a
    relative clause hangs on ('a deal it brokered'), down its complements."""
    heads = [c for c in children.get(verb, ()) if tokens[c].dep == "dobj"]
    if tokens[verb].dep == "relcl":
        heads.append(tokens[verb].head)
    found: list[ActorRef] = []
    for head in heads:
        for k in sorted(subtree(children, head)):
            if tokens[k].dep == "prep" and tokens[k].text.lower() == "between":
                found.extend(
                    r
                    for g in children.get(k, ())
                    if tokens[g].dep == "pobj"
                    for r in actors.actors_at(g)
                    if identified(r)
                )
    return found


_CONDITION_MARKS = frozenset({"if", "unless"})


def _conditioned(
    tokens: Sequence[Token],
    heads: Sequence[int | None],
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> list[ActorRef]:
    """The subjects of 'if' and 'unless' clauses on the verb or its complement: 'if
    Turkey does anything off limits'."""
    found: list[ActorRef] = []
    for head in heads:
        if head is None:
            continue
        for c in children.get(head, ()):
            kids = children.get(c, ())
            if tokens[c].dep != "advcl" or not any(
                tokens[k].dep == "mark" and tokens[k].text.lower() in _CONDITION_MARKS for k in kids
            ):
                continue
            found.extend(
                r
                for k in kids
                if tokens[k].dep in ("nsubj", "nsubjpass")
                for r in actors.actors_at(k)
                if identified(r)
            )
    return found


_QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "what", "when", "where", "who"})


def _question_or_fact(
    tokens: Sequence[Token], clause: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """'asked why Biden did not implement ...': a question, or a clause of fact with
    do-support, is no request put to its subject."""
    return any(
        (tokens[c].dep in ("aux", "auxpass") and tokens[c].lemma.lower() == "do")
        or (tokens[c].dep in ("mark", "advmod") and tokens[c].text.lower() in _QUESTION_WORDS)
        for c in children.get(clause, ())
    )


def _document_of_venue(tokens: Sequence[Token], noun: int) -> int | None:
    """The document noun (a direct object) whose prepositional phrase holds ``noun``
    ("a message on Twitter", "a statement on its website"), or None."""
    prep = tokens[noun].head
    if tokens[noun].dep != "pobj" or tokens[prep].dep != "prep" or prep == noun:
        return None
    document = tokens[prep].head
    if tokens[document].dep == "dobj" and tokens[document].lemma.lower() in _DOCUMENT_NOUNS:
        return document
    return None


def _infinitive_below(
    tokens: Sequence[Token], noun: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """Whether the noun governs a to-infinitive clause ("readiness to support")."""
    return any(
        tokens[c].dep == "acl"
        and any(
            tokens[g].dep == "aux" and tokens[g].text.lower() == "to" for g in children.get(c, ())
        )
        for c in children.get(noun, ())
    )


def _objects(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
    match: VerbMatch,
) -> list[ActorRef]:
    marked = match.pattern.marker_prep("+") if match.pattern else None
    kids = children.get(verb, ())
    found: list[ActorRef] = []
    speech = match.code.startswith("01")
    object_deps: tuple[str, ...] = ("dobj", "dative", "iobj", "attr", "oprd")
    if speech:
        addressee = tokens[verb].lemma.lower() in _ADDRESSEE_VERBS
        object_deps = ("dobj", "dative", "iobj") if addressee else ("dative", "iobj")
    elif naming_description(tokens, verb, children) is not None:
        object_deps = ("dobj", "dative", "iobj")  # "called Biden [a decent man]": named, not met
        if not any(tokens[c].dep == "dobj" for c in kids):
            # "called Trump a clown", parsed as a compound of the description: the one named
            for c in kids:
                if tokens[c].dep == "oprd":
                    found.extend(
                        r
                        for g in children.get(c, ())
                        if tokens[g].dep == "compound" and g < c
                        for r in actors.actors_at(g)
                        if r.kind in ("person", "country", "group", "igo")
                    )
    if tokens[verb].lemma.lower() in TOPIC_VERBS:
        object_deps = tuple(d for d in object_deps if d != "dobj")  # 'discussed the cabinet'
    recipients = _RECIPIENT_ROOTS.intersection({match.code[:2]}) and any(
        tokens[c].dep in ("dative", "iobj")
        or (tokens[c].dep == "prep" and tokens[c].text.lower() == "to")
        for c in kids
    )
    for c in kids:
        if recipients and tokens[c].dep == "dobj":
            continue  # "offered its troops to Lebanon's president": the troops are given
        if tokens[c].dep in object_deps:
            found.extend(actors.actors_at(c))
            if tokens[c].dep == "dative" and tokens[c].pos == "ADP":
                # "granted asylum to the Panamanian president": the parser marks the
                # preposition itself as the dative; its object is the recipient
                for g in children.get(c, ()):
                    if tokens[g].dep == "pobj":
                        found.extend(actors.actors_at(g))
        elif speech and tokens[c].dep == "dobj" and c in match.tokens:
            # "understood China's concerns", "expressed condolences to ...": the owner of
            # the pattern's noun is the one addressed
            for g in children.get(c, ()):
                if tokens[g].dep == "poss":
                    found.extend(actors.actors_at(g))
    preps = [c for c in kids if tokens[c].dep == "prep"]
    if speech:
        preps = [c for c in preps if tokens[c].text.lower() in ("to", "with")]
    objects = [c for c in kids if tokens[c].dep == "dobj"]
    for o in objects:
        preps.extend(c for c in children.get(o, ()) if tokens[c].dep == "prep")
    by_prep: str | None = None
    verbal = (
        match.code[:2] in VERBAL_ROOTS or tokens[verb].lemma.lower() in _WORDS_AS_FORCE
    )  # 'blasted Pelosi on Twitter': news uses the verb of force for words said there
    named = bool(found)
    for prep in sorted(preps, key=lambda p: _prep_rank(tokens[p].text.lower(), marked)):
        word = tokens[prep].text.lower()
        if word not in TARGET_PREPS and word != marked:
            continue
        if named and word in _REASON_PREPS and word != marked:
            continue  # "slammed Trump for a New York Times story": the reason, not a target
        if by_prep is not None and word != by_prep:
            break  # the best-ranked preposition names the target ("apologized to Brazil
            # for one of its gunboats": Brazil; "met with the IMF, then with Trump": both)
        for g in children.get(prep, ()):
            if verbal and word in _VENUE_PREPS and _venue(tokens, g, children):
                continue  # "hailed the report on Twitter": where it was said
            if tokens[g].dep in ("pobj", "pcomp"):
                refs = actors.actors_at(g)
                if refs and by_prep is None:
                    by_prep = word
                found.extend(refs)
    return found


_REACTION_ROOTS = frozenset({"05", "11", "12"})
"""Approval, disapproval and rejection: reactions to what another actor did."""
_VENUE_PREPS = frozenset({"on", "via", "through"})
_REASON_PREPS = frozenset({"for", "over"})
"""After an object that names the one acted upon, these give the reason ('blamed Iran for
the attacks', 'criticized Japan over its whaling'), not a second target."""
_SPEECH_VENUES = words("speech_venues.txt")
_WORDS_AS_FORCE = words("verbal_attack_verbs.txt")
"""Verbs of force news uses for words ('slammed', 'blasted'): their venue is no target either."""


def _venue(tokens: Sequence[Token], noun: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Whether a noun names a medium something is said on ("Twitter", "state television")."""
    modifiers = [k for k in children.get(noun, ()) if tokens[k].dep in ("compound", "amod")]
    name = " ".join(tokens[k].text.lower() for k in sorted((*modifiers, noun)))
    return name in _SPEECH_VENUES or tokens[noun].text.lower() in _SPEECH_VENUES


def _prep_rank(word: str, marked: str | None) -> int:
    if marked and word == marked:
        return -1
    return TARGET_PREPS.index(word) if word in TARGET_PREPS else len(TARGET_PREPS)


def _unique(refs: Sequence[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[str, int]] = set()
    out: list[ActorRef] = []
    for r in refs:
        if (r.code, r.start) not in seen:
            seen.add((r.code, r.start))
            out.append(r)
    return out


def naming_description(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> set[int] | None:
    """The description a verb of naming gives ('calling it [the most important issue]',
    'called Trump's order [swift, forceful and decisive]', 'described the raid as [a
    violation]'); None when it names nothing."""
    if tokens[verb].lemma.lower() not in _NAMING_VERBS:
        return None
    kids = children.get(verb, ())
    if any(
        tokens[k].dep in ("prt", "prep") and tokens[k].text.lower() in ("on", "upon", "for")
        for k in kids
    ):
        return None
    objects = [k for k in kids if tokens[k].dep == "dobj"]
    told = [k for k in kids if tokens[k].dep == "oprd"]
    if len(objects) > 1 and not told:
        # 'calling it "an aggression on Iraq"', parsed as two objects: the second names
        told = objects[1:]
    if objects and not told:
        told = [k for k in kids if tokens[k].dep in ("acomp", "ccomp", "xcomp", "attr")]
    if objects and not told:
        # "characterized the attack as a serious violation"
        told = [
            g
            for k in kids
            if tokens[k].dep == "prep" and tokens[k].text.lower() == "as"
            for g in children.get(k, ())
            if tokens[g].dep == "pobj"
        ]
    if objects and not told:
        # an adjective after its noun is predicated of it: 'called the order swift'; so is a
        # noun phrase the parser hangs on the object ('called the killing [a cowardly act]')
        told = [
            k
            for o in objects
            for k in children.get(o, ())
            if k > o and (tokens[k].dep == "amod" or tokens[k].dep in _HUNG_DESCRIPTIONS)
        ]
    if not told:
        return None
    return {i for k in told for i in subtree(children, k)}
