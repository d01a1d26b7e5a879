"""Commitments: what an actor says it will do is coded as intent (03x) or a threat (13x).

"Hungary will support the resolution" is not a support event yet: it is an asserted
expression of intent to support (CAMEO 032). "Greece plans to impose restrictions" is a
threat (1312). A forecast in someone else's voice ("Russia will attack, analysts said") is
neither, and what an actor is urged or asked to do is not its commitment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from accord.coding.actors import SentenceActors
from accord.coding.lexicon import table, words
from accord.coding.patterns import SUBJECT_DEPS
from accord.model import Event, Token

_WILL = words("commitment_auxiliaries.txt")
_COMMISSIVE_HEADS = words("commissive_heads.txt")
_VOICED_HEADS = words("voiced_commitment_heads.txt")
_SPOKEN_NOUNS = words("commissive_speech_nouns.txt")
_COMMISSIVE_WORDS = words("commissive_words.txt")
_ANNOUNCING = words("announcing_verbs.txt")
_VOICING = words("voicing_verbs.txt") | _ANNOUNCING
_DIRECTIVE_HEADS = words("directive_heads.txt")
_QUESTION_WORDS = words("question_words.txt")
_INTENT = table("intent_codes.tsv", lower=False)
_INTENT_ROOT = MappingProxyType({k: v for k, (v, *_) in _INTENT.items() if len(k) == 2})
_INTENT_EXACT = MappingProxyType({k: v for k, (v, *_) in _INTENT.items() if len(k) > 2})


def drop_bare_commitments(events: list[Event], tokens: Sequence[Token]) -> list[Event]:
    """'Greece plans to impose restrictions': the threat coded from 'impose' says what
    'plans' committed to, so the generic 030 of 'plans' itself is dropped; and one
    commitment coded twice ('threatened that it will attack': the frame and the inner
    verb) is kept once, in its most specific code."""
    committed = {e.source.code for e in events if coded_as_intent(e.evidence.rule)}
    kept = [
        e
        for e in events
        if not (
            e.cameo == "030"
            and not coded_as_intent(e.evidence.rule)
            and e.source.code in committed
            and (
                e.evidence.trigger.lower() in _COMMISSIVE_WORDS
                or e.evidence.rule.startswith("frame:intent")
            )
        )
    ]
    best: dict[tuple[str, str, str], Event] = {}
    for e in kept:
        if e.cameo[:2] not in ("03", "13"):
            continue
        key = (e.source.code, e.target.code if e.target else "", e.cameo[:2])
        if key not in best or len(e.cameo) > len(best[key].cameo):
            best[key] = e
    return [
        e
        for e in kept
        if e.cameo[:2] not in ("03", "13")
        or best[(e.source.code, e.target.code if e.target else "", e.cameo[:2])] is e
    ]


def coded_as_intent(rule: str) -> bool:
    """Whether the commitment rule re-coded an event as the intent it states: its rule
    holds the step '+intent', wherever later steps such as '+place:sentence' follow."""
    return "intent" in rule.split("+")[1:]


def first_conjunct(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> int:
    """For "willing to strengthen X and promote Y", 'promote' shares the frame of
    'strengthen': a conjoined verb without its own subject or auxiliaries takes its mode
    from the first conjunct."""
    current = verb
    while tokens[current].dep == "conj" and tokens[current].head != current:
        own = [tokens[c].dep for c in children.get(current, ())]
        if any(d in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for d in own):
            break
        current = tokens[current].head
    return current


def intent_code(code: str) -> str | None:
    """The CAMEO code for an action the actor commits to: 'express intent' (03x) for
    cooperation, 'threaten' (13x) for coercion and force."""
    if code in _INTENT_EXACT:
        return _INTENT_EXACT[code]
    return _INTENT_ROOT.get(code[:2])


def commits(
    tokens: Sequence[Token],
    verb: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors | None = None,
    *,
    own_voice: bool = False,
) -> bool:
    """Whether a future-mode verb is the actor's own commitment ("will", "agreed to", "plans
    to", "is ready to") rather than what someone else is urged or asked to do.

    A threat needs the actor's own voice: "X plans to / vowed to / said it will strike",
    not a forecast such as "X will strike, analysts said". A wish or a noun of commitment
    commits only when voiced ("said it wants to help", "expressed its willingness to
    help"; not "Mr Brown wanted to provide $10bn", "Labour's plans to give"), an offer
    or a pledge voices itself ("Honcharuk's offer to resign"), and what
    a question asks ("whether the US and China could agree to end the war") commits
    no one. ``actors`` tells whose voice a wish is in; ``own_voice`` asks that a 'will'
    be said by its own actor too (threats and refusals).
    """
    if _asked(tokens, verb, children):
        return False
    will = any(
        tokens[c].dep == "aux" and tokens[c].text.lower() in _WILL for c in children.get(verb, ())
    )
    if will and not own_voice:
        return True
    if will:
        tok = tokens[verb]
        head = tokens[tok.head]
        if tok.dep != "ccomp" or head.lemma.lower() not in _ANNOUNCING or actors is None:
            return False
        return same_actor(tokens, verb, tok.head, children, actors)
    tok = tokens[verb]
    current = verb
    while tok.dep in ("xcomp", "acl") and tok.head != current:
        at, head = tok.head, tokens[tok.head]
        lemma = head.lemma.lower()
        if lemma in _COMMISSIVE_HEADS or lemma in _VOICED_HEADS:
            if _asked(tokens, at, children):
                return False
            if head.pos in ("NOUN", "PROPN") and lemma not in _SPOKEN_NOUNS:
                return head.dep == "dobj" and tokens[head.head].lemma.lower() in _VOICING
            if lemma in _VOICED_HEADS:
                return _voiced(tokens, at, children, actors)
            return True
        if lemma in _DIRECTIVE_HEADS:
            return False
        current, tok = at, head
    return False


def _voiced(
    tokens: Sequence[Token],
    wish: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors | None,
) -> bool:
    """Whether a wish ('wants to help', 'is eager to withdraw') is the complement of its
    own actor's announcing verb: 'his government says it wants to help'."""
    clause = wish
    while tokens[clause].dep == "acomp" and tokens[clause].head != clause:
        clause = tokens[clause].head  # 'said he was eager to': the clause of 'was'
    tok = tokens[clause]
    if tok.dep != "ccomp" or tok.head == clause:
        return False
    if tokens[tok.head].lemma.lower() not in _ANNOUNCING:
        return False
    return actors is None or same_actor(tokens, clause, tok.head, children, actors)


def opens_question(
    tokens: Sequence[Token], clause: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """Whether a clause is an indirect question, opened by a question word before its verb
    ('whom they would support', 'whether it would retaliate', 'why the government was
    agreeing': question_words.txt)."""
    return any(
        tokens[k].text.lower() in _QUESTION_WORDS
        and tokens[k].dep in ("mark", "dobj", "nsubj", "nsubjpass", "advmod", "attr")
        and k < clause
        for k in children.get(clause, ())
    )


def _asked(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """An indirect question ('did not announce whom they would support', 'asked whether
    it would retaliate': :func:`opens_question`) or the clause of a denied report ('did not
    say it would attend'): what someone would do there is asked or unsaid, no commitment."""
    if opens_question(tokens, verb, children):
        return True
    tok = tokens[verb]
    if tok.dep != "ccomp" or tok.head == verb:
        return False
    return any(tokens[k].dep == "neg" for k in children.get(tok.head, ()))


def same_actor(
    tokens: Sequence[Token],
    a: int,
    b: int,
    children: Mapping[int, Sequence[int]],
    actors: SentenceActors,
) -> bool:
    """Whether the subjects of verbs ``a`` and ``b`` name the same actor, or the same
    country ("Iran will not negotiate, its foreign minister said")."""

    def names(verb: int) -> set[str]:
        return {
            r.country or r.code
            for c in children.get(verb, ())
            if tokens[c].dep in SUBJECT_DEPS
            for r in actors.actors_at(c)
        }

    return bool(names(a) & names(b))
