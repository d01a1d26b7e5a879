"""Modality of an event trigger: asserted, negated, hypothetical, future or background.

Rules read the dependency parse around the trigger verb: negation children, modal and
future auxiliaries, conditional clauses, embedding under verbs of intention or threat,
questions, and past-perfect or explicitly earlier time frames for background events.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.model import Mode, Token

_HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "can"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_HEADS = frozenset(
    {
        "plan",
        "intend",
        "want",
        "hope",
        "seek",
        "aim",
        "expect",
        "prepare",
        "threaten",
        "propose",
        "offer",
        "promise",
        "vow",
        "pledge",
        "wish",
        "try",
        "attempt",
        "set",
        "schedule",
        "consider",
        "mull",
        "weigh",
        "urge",
        "call",
        "ask",
        "demand",
        "appeal",
        "agree",
        "decide",
        "refuse",
        "need",
        "going",
        "likely",
        "ready",
        "willing",
        "due",
        "about",
        "able",
        "eager",
        "poised",
    }
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_BACKGROUND_ADVS = frozenset({"earlier", "previously", "formerly", "once", "ago"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})


def classify(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> Mode:
    """Return the mode of the event whose trigger is ``tokens[verb]``."""
    kids = [tokens[c] for c in children.get(verb, ())]
    if any(k.dep == "neg" or (k.dep == "advmod" and k.text.lower() in _NEGATORS) for k in kids):
        return Mode.NEGATED
    aux = [k.text.lower() for k in kids if k.dep in ("aux", "auxpass")]
    if any(a in _HYPOTHETICAL_AUX for a in aux):
        return Mode.HYPOTHETICAL
    if any(k.dep == "mark" and k.text.lower() in _CONDITIONAL_MARKS for k in kids):
        return Mode.HYPOTHETICAL
    if any(a in _FUTURE_AUX for a in aux):
        return Mode.FUTURE
    if tokens and tokens[-1].text == "?" and _is_main_clause(tokens, verb):
        return Mode.HYPOTHETICAL
    mode = _embedding_mode(tokens, verb, children)
    if mode is not None:
        return mode
    if "had" in aux and tokens[verb].tag == "VBN":
        return Mode.BACKGROUND
    if any(k.dep in ("advmod", "npadvmod") and k.text.lower() in _BACKGROUND_ADVS for k in kids):
        return Mode.BACKGROUND
    return Mode.ASSERTED


def _is_main_clause(tokens: Sequence[Token], verb: int) -> bool:
    return tokens[verb].dep == "ROOT"


def _embedding_mode(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> Mode | None:
    """Walk up the clause chain: an xcomp under 'plan/threaten/...' or an 'if' clause."""
    current = verb
    for _ in range(6):
        tok = tokens[current]
        if tok.dep in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp") and tok.head != current:
            head = tokens[tok.head]
            if tok.dep in ("xcomp", "acl") and head.lemma.lower() in _FUTURE_HEADS:
                return Mode.FUTURE
            if tok.dep == "advcl" and any(
                tokens[c].dep == "mark" and tokens[c].text.lower() in _CONDITIONAL_MARKS
                for c in children.get(current, ())
            ):
                return Mode.HYPOTHETICAL
            head_kids = children.get(tok.head, ())
            if any(tokens[c].dep == "neg" for c in head_kids) and tok.dep == "xcomp":
                return Mode.NEGATED
            current = tok.head
            continue
        break
    return None
