"""Modality of an event trigger: asserted, negated, hypothetical, future or background.

Rules read the dependency parse around the trigger verb:

* negated: a negation ('did not attack', 'never'), a complement of refusal or failure
  ('refused to meet', 'failed to reach', 'denied attacking', 'without returning', 'its
  refusal to accept');
* hypothetical: modal auxiliaries ('could', 'must'), 'if/unless/whether' clauses and what
  hangs off a hypothetical clause, a 'when' clause in the simple present ('when the US
  slaps tariffs'), questions;
* future: 'will', a reported 'would' of the speaker's own ('said they would meet'), the
  complement of a verb, adjective or noun of intention, threat or request ('threatened
  to strike', 'set to expire', 'is ready to', 'wants Germany to pay', 'demanded that Iraq
  withdraw', 'its demand that Israel ease'), a plan stated with 'be to' ('the Senate was
  to meet Monday'), the purpose of a protest ('staged rallies to demand reforms'), of an
  act on someone ('sued Vance to block the release'; not 'ordered the paper to suspend');
* alleged: what an allegation, accusation, claim or suspicion says someone did ('an
  allegation he assaulted her', 'accused Russia of meddling', 'Bolton claims Trump asked
  Xi ...', 'allegedly'); a speaker's claim about its own act ('said it carried out the
  attack') stays asserted;
* background: the past perfect ('they had met', but not a speaker's report of its own
  act, 'said it had paid'), 'earlier/previously/ago', 'in the past', a subordinate event
  dated by a bare year ('the agreement signed in 2001'), a span of years ('has increased
  cooperation in the last few years', 'for decades').

Only the embedded verb is affected by its frame: in "threatened to strike" the strike is
future while the threat itself stays asserted.

The cue words are package data (``accord/data/lexicon``), one list per file, named where
each is read below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.lexicon import words
from accord.coding.scene_cues import (
    BACKGROUND_ADVS,
    dated_long_ago,
    generic_when,
    in_the_past,
    perfect_description,
    span_of_years,
    years_after,
)
from accord.model import Mode, Token

_HYPOTHETICAL_AUX = words("hypothetical_auxiliaries.txt")
_FUTURE_AUX = words("future_auxiliaries.txt")
_FUTURE_HEADS = words("future_heads.txt")
"""Heads whose infinitival complement is not (yet) done: 'plans to visit'."""
_NEGATING_HEADS = words("negating_heads.txt")
_PENDING_ADVERBS = words("pending_adverbs.txt")
"""Heads whose complement is not done: 'refused to meet', 'denied attacking'."""
_FUTURE_NOUNS = words("future_nouns.txt")
"""Nouns whose clause is not (yet) done: 'its demand that Israel ease restrictions'."""
_EXPRESSIVE = words("protest_purpose_verbs.txt")
"""Verbs of a protest's message: in 'staged rallies to demand reforms' the demand is the
rally's purpose, not a separate event."""
_NEGATING_NOUNS = words("negating_nouns.txt")
_SPEECH_HEADS = words("speech_verbs.txt")
_DECISION_HEADS = words("decision_verbs.txt")
_MOTION_VERBS = words("motion_verbs.txt")
_DIRECTIVE_HEADS = words("directive_heads.txt")
_REQUEST_HEADS = words("request_heads.txt")
_LEGAL_VERBS = words("legal_verbs.txt")
_PURPOSE_HEADS = words("purpose_heads.txt")
"""Reporting verbs: their clause's tenses are shifted back, not past-in-the-past."""
_CONDITIONAL_MARKS = words("conditional_marks.txt")
_ALLEGEDLY = words("allegedly_adverbs.txt")
_ALLEGING_VERBS = words("alleging_verbs.txt")
_ALLEGATION_NOUNS = words("allegation_nouns.txt")
_CLAIM_DOCUMENTS = words("claim_documents.txt")
_RUMOURS = words("rumour_nouns.txt")
_SUSPECTED = words("suspected_participles.txt")
_NEGATORS = words("negators.txt")
_HEDGES = words("hedging_adverbs.txt")
_PERSONAL = words("subject_pronouns.txt")
_POSSESSIVES = words("possessive_determiners.txt")
_EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp"})


def _negated_verb(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """Whether the verb is negated ('did not say', 'never said')."""
    return any(
        tokens[k].dep == "neg"
        or (tokens[k].dep == "advmod" and tokens[k].text.lower() in _NEGATORS)
        for k in children.get(verb, ())
    )


def classify(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> Mode:
    """Return the mode of the event whose trigger is ``tokens[verb]``."""
    kids = [tokens[c] for c in children.get(verb, ())]
    if any(k.dep == "neg" or (k.dep == "advmod" and k.text.lower() in _NEGATORS) for k in kids):
        return Mode.NEGATED
    if any(_negated_subject(tokens, k.i, children) for k in kids if k.dep in _SUBJECT_DEPS):
        return Mode.NEGATED  # "Neither the House nor the Senate have provided the money"
    aux = [k.text.lower() for k in kids if k.dep in ("aux", "auxpass")]
    modals = [a for a in aux if a in _HYPOTHETICAL_AUX]
    if modals:
        if (
            all(a in ("would", "'d") for a in modals)
            and _reported(tokens, verb, children)
            and _pronoun_subject(tokens, verb, children)
        ):
            return Mode.FUTURE  # "said they would meet": 'will', shifted back
        if all(a in ("would", "'d") for a in modals) and _announced(tokens, verb):
            return Mode.FUTURE  # "announced US troops would be leaving Syria"
        return Mode.HYPOTHETICAL
    if any(k.dep == "mark" and k.text.lower() in _CONDITIONAL_MARKS for k in kids):
        return Mode.HYPOTHETICAL
    if generic_when(tokens, verb, kids):
        return Mode.HYPOTHETICAL  # "When the United States slaps tariffs on goods, ..."
    if any(_hedged(tokens, k, children) for k in kids):
        return Mode.HYPOTHETICAL  # "somebody getting shot, perhaps by rioters"
    if any(a in _FUTURE_AUX for a in aux):
        return Mode.FUTURE
    if tokens and tokens[-1].text == "?" and _is_main_clause(tokens, verb):
        return Mode.HYPOTHETICAL
    if _alleged(tokens, verb, children):
        return Mode.ALLEGED
    mode = _embedding_mode(tokens, verb, children)
    if mode is not None:
        return mode
    if "had" in aux and tokens[verb].tag == "VBN" and not _self_report(tokens, verb, children):
        return Mode.BACKGROUND
    if tokens[verb].lemma.lower() != "be" and any(
        k.dep in ("advmod", "npadvmod") and k.text.lower() in BACKGROUND_ADVS for k in kids
    ):
        # not on a copula: "the demonstrations were initially peaceful" dates a state of
        # the protest (which happened), not the protest
        return Mode.BACKGROUND
    if tokens[verb].lemma.lower() != "be" and any(in_the_past(tokens, k.i, children) for k in kids):
        return Mode.BACKGROUND  # "The proposals were opposed in the past by leftist parties"
    if tokens[verb].dep != "ROOT" and dated_long_ago(tokens, verb, children):
        return Mode.BACKGROUND
    if years_after(tokens, verb, children) or perfect_description(tokens, verb, children):
        return Mode.BACKGROUND
    if any(k.dep == "prep" and span_of_years(tokens, k.i, children) for k in kids):
        return Mode.BACKGROUND
    return Mode.ASSERTED


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NEGATED_DETERMINERS = frozenset({"no", "neither"})


def _negated_subject(
    tokens: Sequence[Token], subject: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A subject that denies its predicate: 'Neither the House nor the Senate', 'Not the
    U.S. nor any of the rebels', 'No country', 'None of the parties'."""
    if tokens[subject].text.lower() == "none":
        return True
    return any(
        (tokens[c].dep in ("neg", "preconj") and tokens[c].text.lower() in ("not", "neither"))
        or (tokens[c].dep == "det" and tokens[c].text.lower() in _NEGATED_DETERMINERS)
        for c in children.get(subject, ())
    )


def _hedged(tokens: Sequence[Token], k: Token, children: Mapping[int, Sequence[int]]) -> bool:
    """A hedging adverb on the verb or on its by-agent ('perhaps by rioters')."""
    if k.dep == "advmod" and k.text.lower() in _HEDGES:
        return True
    return k.dep in ("agent", "prep") and any(
        tokens[g].dep == "advmod" and tokens[g].text.lower() in _HEDGES
        for g in children.get(k.i, ())
    )


_CLAIM_DEPTH = 6
"""How many clauses up a claim may hold the verb."""
_WITHIN_CLAIM = frozenset({"conj", "advcl"})


def _alleged(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Whether the verb reports what someone alleges (module docstring)."""
    for c in children.get(verb, ()):
        if tokens[c].dep == "advmod" and tokens[c].text.lower() in _ALLEGEDLY:
            return True
        if tokens[c].dep == "mark" and any(
            tokens[g].lemma.lower() in _ALLEGATION_NOUNS for g in children.get(c, ())
        ):
            # "after an allegation he assaulted her" (parsed as 'after ... assaulted'); not
            # "arrested on suspicion of burglary", where the suspicion is the arrest's ground
            return True
    current = verb
    own_clause = True  # the verb is in the claimed clause itself, not in one hung on it
    for _ in range(_CLAIM_DEPTH):
        tok = tokens[current]
        if tok.head == current:
            return False
        head = tokens[tok.head]
        if tok.dep in _WITHIN_CLAIM:
            own_clause = own_clause and tok.dep == "conj"
            # "Yukos claimed it sought help in the US because other forums were unfriendly
            # or offered less protection": a clause joined to, or hung on, what is claimed
            # is claimed too (not one hung on the claiming verb itself: "claimed
            # responsibility after its forces attacked")
            current = tok.head
            continue
        if tok.dep == "pcomp" and head.dep == "prep" and head.head != head.i:
            # "accused Russia of meddling", "suspected of spying", "convicted of murdering"
            above = tokens[head.head]
            return (
                above.lemma.lower() in _ALLEGING_VERBS
                or above.text.lower() in _SUSPECTED
                or (above.lemma.lower() in _LEGAL_VERBS and head.text.lower() in ("of", "for"))
            )
        if tok.dep not in ("ccomp", "acl", "xcomp", "relcl"):
            return False
        lemma = head.lemma.lower()
        if head.pos == "NOUN" and lemma in _ALLEGATION_NOUNS and tok.dep in ("acl", "ccomp"):
            return True  # "an allegation (that) he assaulted her"
        if head.pos in ("VERB", "AUX") and lemma in _ALLEGING_VERBS and tok.dep == "ccomp":
            # "Bolton claims Trump asked Xi", not "the Houthis claimed they attacked" (but
            # "Yukos claimed it sought help because the courts offered less protection")
            return not own_clause or not _pronoun_subject(tokens, current, children)
        if (
            tok.dep in ("ccomp", "attr")
            and (lemma in _SPEECH_HEADS or lemma == "be")
            and _filed_claim(tokens, tok.head, children)
        ):
            return True  # "the lawsuit says she was assaulted", "the accusation is that"
        if tok.dep == "ccomp" and any(
            tokens[c].dep == "nsubj" and tokens[c].lemma.lower() in _RUMOURS
            for c in children.get(tok.head, ())
        ):
            return True  # "rumors circulated he was preparing his wife ..."
        if tok.dep == "xcomp" and head.text.lower() in _SUSPECTED:
            return True  # "was alleged to have taken", "is suspected to have"
        current = tok.head
    return False


def _filed_claim(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Whether the verb's subject is a filed claim: 'the lawsuit says', 'the indictment
    alleges'."""
    return any(
        tokens[c].dep in ("nsubj", "nsubjpass") and tokens[c].lemma.lower() in _CLAIM_DOCUMENTS
        for c in children.get(verb, ())
    )


def _is_main_clause(tokens: Sequence[Token], verb: int) -> bool:
    return tokens[verb].dep == "ROOT"


def _reported(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """Whether the verb heads the reported clause of a verb of saying ('said it had paid')."""
    tok = tokens[verb]
    while tok.dep == "conj" and tok.head != tok.i:
        tok = tokens[tok.head]
    if tok.dep in ("ccomp", "parataxis") and tok.head != tok.i:
        return tokens[tok.head].lemma.lower() in _SPEECH_HEADS
    # "X had attacked Y, police said": the verb of saying hangs off the reported clause
    return any(
        tokens[c].dep in ("parataxis", "advcl", "conj")
        and tokens[c].lemma.lower() in _SPEECH_HEADS
        and not _has(tokens, c, children, "ccomp")
        for c in children.get(tok.i, ())
        if c > tok.i
    )


def committed(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """A future stated as the actor's own: 'will', 'shall', or a reported 'would'."""
    return any(
        tokens[c].dep == "aux" and tokens[c].text.lower() in (*_FUTURE_AUX, "would", "'d")
        for c in children.get(verb, ())
    )


def _self_report(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'Uganda said it had paid', 'Iran acknowledged that its military had shot down the
    airliner': a speaker's report of its own (or its own side's) action is the news, where
    'said US troops had defeated ISIS' recalls an earlier event."""
    return _reported(tokens, verb, children) and (
        _pronoun_subject(tokens, verb, children) or _own_side_subject(tokens, verb, children)
    )


def _own_side_subject(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A subject owned by a possessive pronoun: 'its military', 'their government'."""
    return any(
        tokens[c].dep in ("nsubj", "nsubjpass")
        and any(
            tokens[g].dep == "poss" and tokens[g].text.lower() in _POSSESSIVES
            for g in children.get(c, ())
        )
        for c in children.get(verb, ())
    )


def _announced(tokens: Sequence[Token], verb: int) -> bool:
    """Whether the verb heads the clause a verb of decision reports ('announced US troops
    would be leaving'; decision_verbs.txt)."""
    tok = tokens[verb]
    return (
        tok.dep == "ccomp"
        and tok.head != tok.i
        and tokens[tok.head].lemma.lower() in _DECISION_HEADS
    )


def _pronoun_subject(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """'said they would meet', 'said it had paid': the speaker reports its own act."""
    return any(
        tokens[c].dep in ("nsubj", "nsubjpass") and tokens[c].text.lower() in _PERSONAL
        for c in children.get(verb, ())
    )


def _pending(tokens: Sequence[Token], head: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'has yet to', 'is still to': the head carries an adverb of an act still pending."""
    return any(
        tokens[c].dep == "advmod" and tokens[c].text.lower() in _PENDING_ADVERBS
        for c in children.get(head, ())
    )


def _until(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    return any(
        tokens[c].dep == "mark" and tokens[c].text.lower() == "until"
        for c in children.get(verb, ())
    )


def _ahead(head: Token, tokens: Sequence[Token], children: Mapping[int, Sequence[int]]) -> bool:
    """Does the clause of ``head`` look ahead: a word of promise, plan or threat
    (future_heads.txt), or a verb with 'will' or 'shall'?"""
    if head.lemma.lower() in _FUTURE_HEADS:
        return True
    return any(
        tokens[c].dep == "aux" and tokens[c].text.lower() in _FUTURE_AUX
        for c in children.get(head.i, ())
    )


def _embedding_mode(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> Mode | None:
    """Walk up the clause chain: an xcomp under 'plan/threaten/...', a complement under
    'refuse/fail/deny', 'without' + gerund, or an 'if' clause."""
    current = verb
    for _ in range(6):
        tok = tokens[current]
        if _nonfinite_conjunct(tokens, current, children):
            # "called on the US to end its involvement and to stop paying": the second
            # infinitive is what is called for too
            current = tok.head
            continue
        sibling = gerund_sibling(tokens, current, children)
        if sibling is not None:
            current = sibling  # "likes dropping bombs on people, and killing them"
            continue
        if tok.dep not in _EMBEDDING_DEPS or tok.head == current:
            break
        head = tokens[tok.head]
        lemma = "going" if head.text.lower() == "going" else head.lemma.lower()
        if tok.dep == "pcomp" and head.text.lower() == "without":
            return Mode.NEGATED
        if tok.dep in ("xcomp", "ccomp", "pcomp") and lemma in _NEGATING_HEADS:
            return Mode.NEGATED
        if tok.dep == "xcomp" and any(tokens[c].dep == "neg" for c in children.get(tok.head, ())):
            return Mode.NEGATED  # "does not want to attack Taiwan": no intent either
        if (
            tok.dep == "ccomp"
            and lemma in _SPEECH_HEADS
            and _negated_verb(tokens, tok.head, children)
        ):
            return Mode.NEGATED  # "did not say he had ordered it", "never said it attacked"
        if tok.dep == "xcomp" and lemma in ("have", "be") and _pending(tokens, tok.head, children):
            return Mode.NEGATED  # "has yet to concede": not done
        if tok.dep == "xcomp" and lemma == "be" and _has_to(tokens, current, children):
            return Mode.FUTURE  # "the Vatican is to decide", "the Senate was to meet": planned
        # 'set to expire' plans, 'set up a commission' does not
        future_head = lemma in _FUTURE_HEADS and not (
            lemma == "set" and _has(tokens, tok.head, children, "prt")
        )
        if tok.dep in ("xcomp", "acl") and future_head:
            return Mode.FUTURE
        ahead = _ahead(head, tokens, children)
        if tok.dep == "advcl" and ahead and _until(tokens, current, children):
            # "promised protests every week until Sweden joined the Paris Agreement": what
            # a promise, a plan or a future act holds out for has not happened
            return Mode.FUTURE
        if tok.dep in ("xcomp", "ccomp") and any(
            tokens[k].dep == "aux" and tokens[k].text.lower() in _HYPOTHETICAL_AUX
            for k in children.get(tok.head, ())
        ):
            # "a bill that would have allowed China to extradite": what the unrealised
            # allowing would have let happen has not happened either
            return Mode.HYPOTHETICAL
        if tok.dep == "xcomp" and any(
            tokens[k].dep == "aux" and tokens[k].text.lower() in _FUTURE_AUX
            for k in children.get(tok.head, ())
        ):
            # "will start monitoring Russia", "will continue shelling", "will try to
            # reach a deal": what a future act goes on to is not done yet either
            return Mode.FUTURE
        if tok.dep == "xcomp" and head.pos == "ADJ" and lemma == "able":
            return _copula_mode(tokens, tok.head, children)
        if (
            tok.dep == "ccomp"
            and _unrealised(tokens, current, children)
            and (future_head or _names_a_plan(tokens, tok.head, children))
        ):
            # "wants Germany to pay", "demanded that Iraq withdraw", "reiterated its
            # demand that Israel ease restrictions"
            return Mode.FUTURE
        if (
            tok.dep in ("acl", "ccomp")
            and head.pos == "NOUN"
            and (tok.dep == "ccomp" or _unrealised(tokens, current, children))
        ):
            # "its demand that Israel ease restrictions", "the refusal to accept"
            if lemma in _NEGATING_NOUNS:
                return Mode.NEGATED
            if lemma in _FUTURE_NOUNS:
                return Mode.FUTURE
        if (
            tok.dep == "xcomp"
            and _has_to(tokens, current, children)
            and head.lemma.lower() in _REQUEST_HEADS
        ):
            # what someone is asked or ordered to do is not done yet: "urged Lam to
            # step down" (the asking is coded with it as one appeal)
            return Mode.FUTURE
        if (
            tok.dep in ("xcomp", "advcl")
            and _has_to(tokens, current, children)
            and head.lemma.lower() in _PURPOSE_HEADS
        ):
            return Mode.FUTURE  # "sued to stop publication": the aim of the suit
        if (
            tok.dep == "xcomp"
            and _has_to(tokens, current, children)
            and _has(tokens, tok.head, children, "dobj")
            and head.lemma.lower() not in _MOTION_VERBS | _DIRECTIVE_HEADS
        ):
            # purpose after an object: "sued Vance to block the release", "hired
            # lawyers to challenge the ruling" (what the act is for, not yet done); not
            # what someone is told or made to do ("ordered the paper to suspend")
            return Mode.FUTURE
        if tok.dep == "advcl":
            if _has_to(tokens, current, children) and (
                tok.lemma.lower() in _EXPRESSIVE
                or future_head
                or head.lemma.lower() not in _MOTION_VERBS
            ):
                # purpose: "staged rallies to demand reforms"; "demanded the parties ...
                # to allow" (an infinitive the parser hung off the verb as a clause)
                return Mode.FUTURE
            above = classify(tokens, tok.head, children)
            if above in (Mode.FUTURE, Mode.HYPOTHETICAL):
                return above  # "must agree to changes before they demobilize"
        if tok.dep == "advcl" and any(
            tokens[c].dep == "mark" and tokens[c].text.lower() in _CONDITIONAL_MARKS
            for c in children.get(current, ())
        ):
            return Mode.HYPOTHETICAL
        current = tok.head
    return None


_NONFINITE_TAGS = frozenset({"VB", "VBG"})


def _nonfinite_conjunct(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """An infinitive or gerund joined to another verb, with no subject of its own: it
    shares that verb's frame ('to end ... and to stop paying')."""
    tok = tokens[verb]
    return (
        tok.dep == "conj"
        and tok.head != verb
        and tok.tag in _NONFINITE_TAGS
        and tokens[tok.head].tag in _NONFINITE_TAGS
        and not any(tokens[c].dep in ("nsubj", "nsubjpass") for c in children.get(verb, ()))
    )


def gerund_sibling(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> int | None:
    """A bare gerund the parser joined to a finite verb whose own complement is a gerund
    before it ('likes dropping bombs on people, and killing them'): the two gerunds are
    the conjuncts, and the second shares the first's frame."""
    tok = tokens[verb]
    if tok.dep != "conj" or tok.tag != "VBG" or tok.head == verb:
        return None
    if tokens[tok.head].tag in _NONFINITE_TAGS:
        return None
    if any(tokens[c].dep in ("nsubj", "nsubjpass", "aux") for c in children.get(verb, ())):
        return None
    return next(
        (
            c
            for c in children.get(tok.head, ())
            if c < verb and tokens[c].dep == "xcomp" and tokens[c].tag == "VBG"
        ),
        None,
    )


def _copula_mode(
    tokens: Sequence[Token], adjective: int, children: Mapping[int, Sequence[int]]
) -> Mode | None:
    """'was able to reach' happened; 'will be able to', 'is not able to' did not."""
    copula = tokens[adjective].head
    if copula == adjective:
        return None
    mode = classify(tokens, copula, children)
    return None if mode is Mode.ASSERTED else mode


def _unrealised(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """An infinitive or a clause not in the past ('Germany to pay', 'that Iraq withdraw',
    'that the US match'): what is asked or planned, not what happened."""
    return tokens[verb].tag not in ("VBD", "VBN") or _has_to(tokens, verb, children)


def _names_a_plan(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    return any(
        tokens[c].dep == "dobj" and tokens[c].lemma.lower() in _FUTURE_NOUNS
        for c in children.get(verb, ())
    )


def _has_to(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    return any(
        tokens[c].dep == "aux" and tokens[c].text.lower() == "to" for c in children.get(verb, ())
    )


def _has(tokens: Sequence[Token], i: int, children: Mapping[int, Sequence[int]], dep: str) -> bool:
    return any(tokens[c].dep == dep for c in children.get(i, ()))
