"""Time phrases that set a scene before the news or tell no event at all, for the
modality of a trigger (:func:`accord.coding.modality.classify`): 'in the past', a span of
years up to the story ('in the last few years'), a subordinate act dated by a bare year
('signed in 2001'), one told as what a later act came years after ('18 years after
Washington invaded'), a perfect infinitive that describes ('the first country to have
recognised it'), and a 'when' clause in the simple present ('When the United States slaps
tariffs on goods'). Each reads one parsed sentence; the cue words are package data
(``accord/data/lexicon``), named where each is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.coding.lexicon import words
from accord.model import Token

__all__ = [
    "BACKGROUND_ADVS",
    "dated_long_ago",
    "generic_when",
    "in_the_past",
    "perfect_description",
    "span_of_years",
    "years_after",
]

BACKGROUND_ADVS = words("background_adverbs.txt")
_GENERIC_TIME_MARKS = words("generic_time_marks.txt")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_SPAN_UNITS = words("span_units.txt")
_SPAN_MARKERS = words("span_markers.txt")
_SPAN_PREPOSITIONS = words("span_prepositions.txt")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def generic_when(tokens: Sequence[Token], verb: int, kids: Sequence[Token]) -> bool:
    """A clause of time opened by 'when' or 'whenever' with its verb in the simple present
    ('When the United States slaps tariffs on goods, it isn't foreign exporters that
    pay'): what happens whenever it is so, no event (generic_time_marks.txt)."""
    tok = tokens[verb]
    if tok.dep != "advcl" or tok.tag not in _PRESENT_TAGS:
        return False
    if any(k.dep in ("aux", "auxpass") for k in kids):
        return False
    return any(
        k.dep in ("advmod", "mark") and k.i < verb and k.text.lower() in _GENERIC_TIME_MARKS
        for k in kids
    )


def in_the_past(tokens: Sequence[Token], k: int, children: Mapping[int, Sequence[int]]) -> bool:
    """'in the past', with nothing to bound it: a time before the story, not a span that
    reaches the news ('in the past week' is one)."""
    if tokens[k].dep != "prep" or tokens[k].text.lower() != "in":
        return False
    return any(
        tokens[g].dep == "pobj"
        and tokens[g].lemma.lower() == "past"
        and all(tokens[d].dep == "det" for d in children.get(g, ()))
        for g in children.get(k, ())
    )


def years_after(tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]) -> bool:
    """An act told as what a later one came years after: '18 years after Washington
    invaded the country', 'two decades after the war began' (span_units.txt). The story
    dates the later one; this one is background."""
    kids = [tokens[c] for c in children.get(verb, ())]
    if not any(k.dep == "mark" and k.text.lower() == "after" for k in kids):
        return False
    return any(
        k.dep == "npadvmod" and k.lemma.lower() in _SPAN_UNITS and k.text.lower() != k.lemma.lower()
        for k in kids
    )


def perfect_description(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A perfect infinitive that describes a noun: 'the only two Arab states to have
    signed peace treaties with Israel', 'the first country to have recognised it': what
    the actor is known for having done, not an act of the story."""
    tok = tokens[verb]
    if tok.tag != "VBN":
        return False
    kids = [tokens[c] for c in children.get(verb, ())]
    aux = [k.text.lower() for k in kids if k.dep == "aux"]
    if "to" not in aux or "have" not in aux:
        return False
    return tok.dep in ("acl", "relcl") or any(k.dep in _SUBJECT_DEPS for k in kids)


def span_of_years(
    tokens: Sequence[Token], prep: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """'in the last few years', 'over the past two decades', 'in recent years', 'for
    years': a span of years up to the story's time that sums up a trend or a record
    (``data/lexicon``: span_units, span_markers, span_prepositions). Not 'sentenced to
    four years', 'banned for five years' (a length), 'in two years' (ahead)."""
    word = tokens[prep].text.lower()
    if word not in _SPAN_PREPOSITIONS:
        return False
    for g in children.get(prep, ()):
        unit = tokens[g]
        if unit.dep != "pobj" or unit.lemma.lower() not in _SPAN_UNITS:
            continue
        if unit.text.lower() == unit.lemma.lower():
            continue  # 'in a year', 'this year': a date, not a span
        mods = [tokens[k] for k in children.get(g, ())]
        if word == "for":
            if not any(m.dep == "nummod" for m in mods):
                return True
        elif any(m.text.lower() in _SPAN_MARKERS for m in mods):
            return True
    return False


def dated_long_ago(
    tokens: Sequence[Token], verb: int, children: Mapping[int, Sequence[int]]
) -> bool:
    """A subordinate event dated by a bare year or decade: 'signed in 2001', 'in the 1970s'."""
    for c in children.get(verb, ()):
        if tokens[c].dep != "prep" or tokens[c].text.lower() not in ("in", "during", "since"):
            continue
        for g in children.get(c, ()):
            word = tokens[g].text.lower().removesuffix("s").lstrip("'")
            if tokens[g].dep == "pobj" and len(word) == 4 and word.isdigit():
                return True
    return False
