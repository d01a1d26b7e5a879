"""The coder's rules for statements: what a bare 'X said ...' (010) says, leaving the bare
ones out, and what a quoted 'I' or 'we' does by saying it. Their order among the other
rules is in :mod:`accord.coding.ruleset`."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import ActorRef, identified
from accord.coding.arguments import same_actor
from accord.coding.commitment import coded_as_intent, first_conjunct, opens_question
from accord.coding.lexicon import words
from accord.coding.patterns import reported_words, subtree, time_phrases
from accord.coding.political import is_political
from accord.coding.rules import Candidate, Clause, Drop, Verdict, rule
from accord.coding.target_rules import names_another_state

BARE_STATEMENT = "010"
EXPRESS_ACCORD = "019"
MAX_MUTUAL_PARTIES = 3
"""Joint subjects beyond this many are a crowd, not parties to one another."""
_CONTENT_CODES = (
    ("111", words("criticism_words.txt")),
    ("018", words("sympathy_words.txt")),
    ("051", words("praise_words.txt")),
)
_NEGATORS = words("statement_negators.txt")
_EXCLUDED = tuple(sorted(words("evaluative_exclusions.txt"), key=len, reverse=True))
_ABOUT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos"})


@rule("argued_statement", ["verb"], reads=["code"], writes=["code", "rule"])
def argued_statement(c: Candidate, cl: Clause) -> Verdict:
    """'argued that ...', 'countered that ...', 'X countered: "..."': a statement of what
    is argued (010, read for its content next), not disapproval (110), unless the verb
    names what it argues against ('argued against the bid'; data/lexicon/arguing_verbs)."""
    tok = cl.tokens[c.trigger]
    if c.code[:2] != "11" or tok.lemma.lower() not in _ARGUING:
        return c
    kids = cl.children.get(c.trigger, ())
    if any(
        cl.tokens[k].dep == "prep" and cl.tokens[k].text.lower() in ("against", "with")
        for k in kids
    ):
        return c
    reported = any(cl.tokens[k].dep in ("ccomp", "parataxis") for k in kids) or tok.dep in (
        "parataxis",
        "ccomp",
    )
    if not reported:
        return c
    return dataclasses.replace(c, code=BARE_STATEMENT, rule=f"{c.rule}+argued")


_QUESTIONING = words("question_verbs.txt")
_REQUEST_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


@rule("question_about", ["verb"], reads=["code"])
def question_about(c: Candidate, cl: Clause) -> Verdict:
    """'asked Morrison about concerns within the NSC', 'asked whether ministers had looked
    at other measures', '"How can they fight crime when they are fighting each other?"
    Mr Howard asked': a question on a topic, or the question itself, not an appeal or
    demand (02x/10x need what is asked for: 'asked for help', 'asked Iran to stop',
    'asked that ...'; data/lexicon/question_verbs.txt, question_words.txt)."""
    tok = cl.tokens[c.trigger]
    if c.code[:2] not in ("02", "10") or tok.lemma.lower() not in _QUESTIONING:
        return c
    kids = [cl.tokens[k] for k in cl.children.get(c.trigger, ())]
    preps = {k.text.lower() for k in kids if k.dep == "prep"}
    if "for" in preps or any(k.dep == "xcomp" for k in kids):
        return c
    told = [k.i for k in kids if k.dep == "ccomp"]
    if told and all(_a_question(k, cl) for k in told):
        return Drop(
            "a question asked ('asked whether ...', '\"How ...?\" he asked'), not a request"
        )
    if "about" not in preps or any(k.dep in _REQUEST_DEPS for k in kids):
        return c
    return Drop("a question about a topic ('asked X about Y'), not a request")


def _a_question(clause: int, cl: Clause) -> bool:
    """Whether a reported clause is a question: opened by a question word ('whether the
    Treasury had leaned on ONS', 'why the government was agreeing') or, quoted, ending in
    a question mark."""
    if opens_question(cl.tokens, clause, cl.children):
        return True
    return any(cl.tokens[k].text == "?" for k in subtree(cl.children, clause))


_ARGUING = words("arguing_verbs.txt")
_SUGGESTING = words("suggesting_verbs.txt")
_INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})
"""A finite verb of the past or the third person present: 'lost', 'relies', 'is', 'has'
(a suggestion of what is to be done takes the base form: 'that NASA rely')."""
_PREDICTING = frozenset({"would", "will", "might", "may", "could", "'d", "'ll"})
"""Modals of prediction: what a suggestion with them says is a view, not an appeal."""


@rule("suggested_fact", ["verb"], reads=["code"], writes=["code", "rule"])
def suggested_fact(c: Candidate, cl: Clause) -> Verdict:
    """A suggestion of what happened is a view, a statement (010, read for its content
    next), not an appeal (02): 'the ministry suggested the driver lost control and left
    the road', 'Sharpe suggested he would not run'. What it puts forward as still to be
    done stays an appeal: 'suggested the US withdraw', 'suggested that talks should
    resume' (data/lexicon/suggesting_verbs.txt)."""
    tok = cl.tokens[c.trigger]
    if c.code[:2] != "02" or tok.lemma.lower() not in _SUGGESTING:
        return c
    told = [k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep == "ccomp"]
    if not told or not all(_told_as_done(k, cl) for k in told):
        return c
    return dataclasses.replace(c, code=BARE_STATEMENT, rule=f"{c.rule}+view")


def _told_as_done(verb: int, cl: Clause) -> bool:
    """A finite clause with no modal, past or third person present ('the driver lost
    control', 'the MPC is waiting for a clearer picture', 'the government was hiding the
    figures'), or a prediction ('suggested he would not run', 'suggested Iran might
    retaliate'): a view of what is or will be, not what someone is asked to do ('should
    resume', 'that the President change his diet' are)."""
    kids = cl.children.get(verb, ())
    modals = [
        cl.tokens[k].text.lower()
        for k in kids
        if cl.tokens[k].dep in ("aux", "auxpass") and cl.tokens[k].tag == "MD"
    ]
    if modals:
        return all(m in _PREDICTING for m in modals)
    if cl.tokens[verb].tag in _INDICATIVE_TAGS:
        return True
    return cl.tokens[verb].tag in ("VBN", "VBG") and any(
        cl.tokens[k].dep in ("aux", "auxpass") and cl.tokens[k].tag in _INDICATIVE_TAGS
        for k in kids
    )  # 'suggested Iran had attacked', 'suggested that NASA isn't using SLS enough'


_WARNING = words("warning_verbs.txt")
PESSIMISM = "012"
_THREAT = "130"
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


@rule("warned_danger", ["verb"], reads=["code", "sources"], writes=["code", "rule"])
def warned_danger(c: Candidate, cl: Clause) -> Verdict:
    """A warning that something is or may be so, whose clause is no act of the warner's
    and codes nothing of its own, is a pessimistic comment (012), not a threat (130):
    'Greenspan warned that budget concerns were clouding the economic outlook', 'warned
    the committee that binding judges might look like political interference'. A threat
    is a coercive warning of what the warner will do ('warned that it would retaliate',
    'warned Ukraine it would cut gas supplies', coded by what is threatened), or one the
    dictionary's patterns name ('warned of severe reprisals') (data/lexicon/
    warning_verbs.txt)."""
    tok = cl.tokens[c.trigger]
    if c.code != _THREAT or tok.lemma.lower() not in _WARNING:
        return c
    told = [k for k in cl.children.get(c.trigger, ()) if cl.tokens[k].dep == "ccomp"]
    if not told:
        return c
    for k in told:
        subjects = [g for g in cl.children.get(k, ()) if cl.tokens[g].dep in _CLAUSE_SUBJECTS]
        if not subjects:
            return c
        for g in subjects:
            owned = any(
                cl.tokens[d].dep == "poss" and cl.tokens[d].pos == "PRON"
                for d in cl.children.get(g, ())
            )
            if cl.tokens[g].pos == "PRON" or owned:
                # 'warned that it would ...', 'warn the Saudis that our targets will keep
                # expanding': the warner's own act
                return c
            if any(same_actor(r, s) for r in cl.actors.actors_at(g) for s in c.sources):
                return c
    return dataclasses.replace(c, code=PESSIMISM, rule=f"{c.rule}+danger")


_AGREEING = words("agreeing_verbs.txt")
_ACTING_DEPS = frozenset({"xcomp", "dobj"})
_ACT_PREPS = frozenset({"to", "on", "upon"})


@rule("agreed_view", ["verb"], reads=["code"], writes=["code", "rule"])
def agreed_view(c: Candidate, cl: Clause) -> Verdict:
    """Agreeing that something is so ('all agreed that vaccines have done more good than
    harm') or with an idea ('agreed with the nationalization of the Federal Reserve')
    shares a view: a statement (010, read for its content next), not cooperation (03,
    05); two or three parties agreeing on one express accord with each other (019:
    'Reagan and Mubarak agreed today there was an urgent need ...'). An agreement to act
    stays: 'agreed to add two members', 'agreed on a line as their border', 'agreed with
    Russia', 'agreed that the talks should resume' or 'that they would meet'; a time
    phrase ('agreed on Wednesday that ...') is no preposition of an agreed act
    (data/lexicon/agreeing_verbs.txt)."""
    tok = cl.tokens[c.trigger]
    if c.code[:2] not in ("03", "05") or tok.lemma.lower() not in _AGREEING:
        return c
    kids = cl.children.get(c.trigger, ())
    timed = time_phrases(cl.tokens, c.trigger, cl.children)  # 'agreed on Wednesday that'
    if any(
        cl.tokens[k].dep in _ACTING_DEPS
        or (
            cl.tokens[k].dep == "prep"
            and cl.tokens[k].text.lower() in _ACT_PREPS
            and k not in timed
        )
        for k in kids
    ):
        return c
    views = [k for k in kids if cl.tokens[k].dep == "ccomp"]
    ideas = [
        g
        for k in kids
        if cl.tokens[k].dep == "prep" and cl.tokens[k].text.lower() == "with"
        for g in cl.children.get(k, ())
        if cl.tokens[g].dep == "pobj"
    ]
    if views and all(_told_as_so(k, cl) for k in views) and not ideas:
        # parties agreeing with one another on a view express accord (019); the joint
        # parties rule makes each the other's target
        shared = 1 < len(c.sources) <= MAX_MUTUAL_PARTIES
        code = EXPRESS_ACCORD if shared else BARE_STATEMENT
        return dataclasses.replace(c, code=code, rule=f"{c.rule}+view")
    if ideas and not views and not any(cl.actors.actors_at(g) for g in ideas):
        return dataclasses.replace(c, code=BARE_STATEMENT, rule=f"{c.rule}+view")
    return c


def _told_as_so(verb: int, cl: Clause) -> bool:
    """A clause told as fact, not as something to do: no modal ('should resume', 'would
    meet') and no bare subjunctive ('that Iran withdraw')."""
    kids = cl.children.get(verb, ())
    if any(cl.tokens[k].dep in ("aux", "auxpass") and cl.tokens[k].tag == "MD" for k in kids):
        return False
    return cl.tokens[verb].tag != "VB"


@rule(
    "statement_content",
    ["verb"],
    reads=["code", "sources", "targets"],
    writes=["code", "targets", "rule"],
)
def statement_content(c: Candidate, cl: Clause) -> Verdict:
    """A bare statement (010) says what its reported words say: censure ('He was a
    dictator. He was ruthless.') is criticism (111), condolences an empathetic comment
    (018), praise ('a great contribution to the battle for your independence') praise
    (051), each aimed at the political actor (or the known person) the words are about
    (data/lexicon: criticism_words, sympathy_words, praise_words); words about no one the
    coder knows judge no actor and leave the bare statement. Words under a negation are
    not read. Words that hold someone responsible for a harm ('said Iran was responsible
    for the attack', 'said the crash was likely Iran's doing') accuse them (112)."""
    if c.code != BARE_STATEMENT:
        return c
    content = reported_words(cl.tokens, cl.children, c.trigger)
    blamed = _blamed(content, cl, c.sources)
    if blamed:
        return dataclasses.replace(c, code=ACCUSE, targets=blamed, rule=f"{c.rule}+blame")
    code = evaluation([cl.tokens[k].text.lower() for k in sorted(content)])
    if code is None:
        return c
    mine = {s.code for s in c.sources} | {s.country for s in c.sources}
    about = tuple(
        r
        for k in sorted(content)
        if cl.tokens[k].dep in _ABOUT_DEPS
        for r in cl.actors.actors_at(k)
        if identified(r)
        and r.code not in mine
        and (is_political(r, cl.actors) or r.kind == "person")
    )
    targets = about[:1] or c.targets  # whom the words judge, not whom they were told to
    if targets:
        return dataclasses.replace(c, code=code, targets=targets, rule=f"{c.rule}+content")
    judged = _act_judged(content, cl)
    if judged is not None and _at_home(c, cl):
        # 'said the measure was "nowhere near enough"': its author, unnamed, is at home
        return dataclasses.replace(c, code=judged, rule=f"{c.rule}+content-act")
    return c  # 'said Walter was the most brilliant scientist': no actor judged


SYMPATHY = "018"
_ACT_NOUNS = words("act_nouns.txt")
_ACT_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


def _act_judged(content: set[int], cl: Clause) -> str | None:
    """The code of what reported words predicate of an act or decision (act_nouns.txt)
    or of a deed told as a gerund, the subject of their clause: censure (111: 'the
    measure was nowhere near enough', 'Demanding its removal is a disappointing and
    counterproductive move') or praise (051). Only the predicate is read: 'such laws
    were aimed at putting an end to illegal conduct' judges no act."""
    for k in sorted(content):
        tok = cl.tokens[k]
        if tok.dep not in _ACT_SUBJECTS:
            continue
        if tok.lemma.lower() not in _ACT_NOUNS and tok.tag != "VBG":
            continue
        predicate = sorted(
            g
            for p in cl.children.get(tok.head, ())
            if cl.tokens[p].dep in _PREDICATE_DEPS
            for g in subtree(cl.children, p)
        )
        code = evaluation([cl.tokens[g].text.lower() for g in predicate], sympathy=False)
        if code is not None:
            return code
    return None


def _at_home(c: Candidate, cl: Clause) -> bool:
    """Whether a judgment of an unnamed author's act stays in the speaker's country: a
    named source of a known country, in a sentence that names no other country nor an
    international organisation."""
    if len(c.sources) != 1 or c.sources[0].country is None:
        return False
    return not names_another_state(c, cl, c.sources[0].country)


ACCUSE = "112"
_HARMS = words("blamed_harms.txt") | words("attack_nouns.txt") | words("mishap_nouns.txt")
_CULPABLE = words("culpability_words.txt")
"""Words that lay blame: on the subject of their clause ('was responsible for', 'behind',
'to blame for' a harm), or, as a noun, on its possessor ('was Iran's doing')."""


def _blamed(content: set[int], cl: Clause, sources: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """The political actors reported words hold responsible for a harm: the subject of
    'was responsible for / behind / guilty of' a harm (blamed_harms.txt, attack and
    mishap nouns), or the possessor of such a word said of a harm ('the crash was Iran's
    doing'; culpability_words.txt, shared with the allegation rule); none under a
    negation."""
    words_said = [cl.tokens[k].text.lower() for k in sorted(content)]
    if _NEGATORS.intersection(words_said):
        return ()
    mine = {s.code for s in sources} | {s.country for s in sources}
    found: list[ActorRef] = []
    for k in sorted(content):
        tok = cl.tokens[k]
        lemma = tok.lemma.lower()
        if lemma not in _CULPABLE:
            continue
        deed = any(cl.tokens[g].dep == "poss" for g in cl.children.get(k, ()))
        if not deed:
            inside = subtree(cl.children, k)
            if not any(cl.tokens[i].lemma.lower() in _HARMS for i in inside if i != k):
                continue
            holders = [g for g in cl.children.get(tok.head, ()) if cl.tokens[g].dep == "nsubj"]
        else:
            if not any(cl.tokens[g].lemma.lower() in _HARMS for g in _clause_subjects(k, cl)):
                continue
            holders = [g for g in cl.children.get(k, ()) if cl.tokens[g].dep == "poss"]
        found.extend(
            r
            for g in holders
            for r in cl.actors.actors_at(g)
            if identified(r)
            and r.kind != "pronoun"  # 'learned they were responsible for the jackal's death'
            and r.code not in mine
            and is_political(r, cl.actors)
        )
    return tuple(found)


def _clause_subjects(k: int, cl: Clause) -> list[int]:
    """The subject of the nearest clause above ``k`` ('the crash was "likely" Iran's
    doing', the parser hanging 'doing' on 'likely': 'the crash')."""
    for _ in range(4):
        head = cl.tokens[k].head
        if head == k:
            return []
        k = head
        subjects = [g for g in cl.children.get(k, ()) if cl.tokens[g].dep == "nsubj"]
        if subjects:
            return subjects
    return []


def evaluation(said: list[str], *, sympathy: bool = True) -> str | None:
    """The code of what reported or descriptive words (lower-cased, in text order) say:
    censure 111, condolence 018 (unless ``sympathy`` is False), praise 051; None when they
    say none of these or hold a negation ('not a disgrace'); idioms that evaluate no one
    ('thanks to': data/lexicon/evaluative_exclusions.txt) are left out."""
    if not said or _NEGATORS.intersection(said):
        return None
    # the parser splits a hyphenated word ('anti', '-', 'democratic'): joined again, it
    # meets the lexicon's 'anti-democratic'
    joined = f" {' '.join(said)} ".replace(" - ", "-")
    for phrase in _EXCLUDED:
        joined = joined.replace(f" {phrase} ", " ")
    said = joined.split()
    for code, lexicon in _CONTENT_CODES:
        if code == SYMPATHY and not sympathy:
            continue
        if lexicon.intersection(said) or any(f" {w} " in joined for w in lexicon if " " in w):
            return code
    return None


@rule(
    "bare_statement",
    ["verb", "noun"],
    reads=["code", "sources"],
    writes=["targets", "rule"],
)
def bare_statement(c: Candidate, cl: Clause) -> Verdict:
    """A bare statement ('X said ...' coded 010, CAMEO's 'make statement, not specified
    below') is no interaction: it names no act and no one acted upon, and PLOVER does not
    code it. It is left out unless asked for (``--statements``); the more specific
    comments (011-019: denials, acknowledgements, empathy, accord) stay events."""
    if c.code != BARE_STATEMENT or cl.include_statements:
        return c
    abroad = _foreign_subject(c, cl)
    if abroad:
        return dataclasses.replace(c, targets=abroad[:1], rule=f"{c.rule}{ABOUT}")
    return Drop("a bare statement (010): left out (--statements shows it)")


ABOUT = "+about"
"""What :func:`bare_statement` adds to the rule of a statement it keeps as one state's
words about another."""
_STATE_SPEAKERS = frozenset({"GOV", "LEG", "MIL"})


def _foreign_subject(c: Candidate, cl: Clause) -> tuple[ActorRef, ...]:
    """A statement by a state's leaders ('US Secretary of State Mike Pompeo said the crash
    was "likely" Iran's doing', 'Putin said in a statement: "Many important dates in
    Zimbabwe's history ..."') whose reported words are about another country is one
    state speaking about another: CAMEO codes it 010 with that country as target. Only
    a named head of a state organ speaks so (a listed person of government, legislature
    or armed forces, or an international organisation), and only of a country or its
    state, never in a story about sport."""
    if cl.sport or len(c.sources) != 1:
        return ()
    src = c.sources[0]
    if src.country is None or not (src.listed and src.role in _STATE_SPEAKERS):
        return ()
    content = reported_words(cl.tokens, cl.children, c.trigger)
    return tuple(
        r
        for k in sorted(content)
        if cl.tokens[k].dep in _ABOUT_DEPS and not _named_as_place(k, cl)
        for r in cl.actors.actors_at(k)
        if r.country is not None
        and r.country != src.country
        and (r.kind == "country" or r.role in _STATE_SPEAKERS)
    )


_PLACE_PREPS = words("place_prepositions.txt") - {"to"}
"""Where something is or comes from; not 'to', which names whom one speaks to as often
('indicated to the Ukrainians that ...')."""
_BOUNDARY_NOUNS = words("boundary_nouns.txt")


def _named_as_place(k: int, cl: Clause) -> bool:
    """A country named as where something is or comes from ('no evidence the attacks came
    from Yemen', 'troops in Syria') or where a border runs ('a wall along the country's
    border with Mexico'): not what the statement is about (place_prepositions.txt,
    boundary_nouns.txt)."""
    tok = cl.tokens[k]
    if tok.dep != "pobj" or tok.head == k:
        return False
    prep = cl.tokens[tok.head]
    if prep.text.lower() in _PLACE_PREPS:
        return True
    return (
        prep.text.lower() == "with"
        and prep.head != prep.i
        and cl.tokens[prep.head].lemma.lower() in _BOUNDARY_NOUNS
    )


_SPEAKER_PRONOUNS = words("speaker_pronouns.txt")
_WISH_VERBS = words("wish_verbs.txt")
PERFORMATIVE_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
"""Roots of acts a speaker performs by saying them ('we condemn', 'I urge', 'we warn')."""


@rule("quoted_speaker", ["verb", "noun"], reads=["sources", "code"])
def quoted_speaker(c: Candidate, cl: Clause) -> Verdict:
    """A quoted 'I' or 'we' is the one quoted ('"We condemn this attack," said Lavrov');
    what such a speaker says it does is an event only where saying it does it: a
    statement, appeal, pledge, praise, demand, censure, rejection or threat in the simple
    present, not negated ('we warn the Saudis', 'I urge both sides'), or what it says it
    will do ('I will destroy the economy of Turkey': an intent or threat). Talk of one's
    own wishes or doings ('I want ...', 'we are in dialogue', 'I decided ...') is not
    (data/lexicon: speaker_pronouns, wish_verbs)."""
    quoted = [s for s in c.sources if s.kind == "pronoun" and _speaker_word(s, cl)]
    if not quoted:
        return c
    tok = cl.tokens[c.trigger]
    performative = (
        c.code[:2] in PERFORMATIVE_ROOTS
        and tok.tag in ("VBP", "VBZ")
        and tok.lemma.lower() not in _WISH_VERBS
        and not any(cl.tokens[k].dep in ("neg", "aux") for k in cl.children.get(c.trigger, ()))
    )
    if performative or _says_it_will(c, cl):
        return c
    return Drop("a quoted speaker's talk of its own doings, not an act done by saying it")


_WILL = words("commitment_auxiliaries.txt")


def _says_it_will(c: Candidate, cl: Clause) -> bool:
    """'"I will totally destroy the economy of Turkey," Trump wrote', '"we are ready to
    negotiate with Israel," Abbas said': what the speaker says it will do, or is now ready
    to do, in its own words, commits it (the commitment rule coded it as the intent or
    threat); not a past offer or a readiness denied or past ('I offered to resign', 'we
    are not prepared to risk ...', 'we were willing to talk')."""
    if not coded_as_intent(c.rule):
        return False
    anchor = first_conjunct(cl.tokens, c.trigger, cl.children)
    if any(
        cl.tokens[k].dep == "aux" and cl.tokens[k].text.lower() in _WILL
        for k in cl.children.get(anchor, ())
    ):
        return True
    return _ready_now(anchor, cl)


_READINESS = words("commissive_heads.txt")


def _ready_now(anchor: int, cl: Clause) -> bool:
    """Is ``anchor`` the complement of a readiness adjective after a present-tense copula,
    neither negated ('we are ready to negotiate', 'I am willing to meet him')?"""
    tokens = cl.tokens
    adjective = tokens[anchor].head
    if tokens[anchor].dep != "xcomp" or not 0 <= adjective < len(tokens):
        return False
    adj = tokens[adjective]
    if adj.pos != "ADJ" or adj.lemma.lower() not in _READINESS or adj.dep != "acomp":
        return False
    copula = tokens[adj.head]
    if copula.tag not in ("VBP", "VBZ"):
        return False
    return not any(
        tokens[k].dep == "neg" for head in (adjective, adj.head) for k in cl.children.get(head, ())
    )


def _speaker_word(ref: ActorRef, cl: Clause) -> bool:
    return cl.tokens[ref.head].text.lower() in _SPEAKER_PRONOUNS
