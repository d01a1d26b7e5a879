"""The dates a sentence states, each keyed by the verb it dates ("met on Monday", "signed
in 2001"); a date that modifies a noun ("the 2015 deal") or ends a span yet to come
("extended the lockdown to May 1") dates no act. :mod:`accord.coding.time_rules` reads
them through the clause."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.coding.lexicon import words
from accord.coding.rules import SentenceDate
from accord.model import DateSource, ParsedSentence, Token
from accord.text.dates import find_date_mentions

__all__ = ["SPAN_END_PREPOSITIONS", "attached_dates"]


def attached_dates(ps: ParsedSentence, publication: dt.date | None) -> dict[int, SentenceDate]:
    """Date expressions of the sentence keyed by the verb that governs each of them."""
    out: dict[int, SentenceDate] = {}
    tokens = ps.tokens
    for mention in find_date_mentions(ps.sentence.text, publication):
        s, e = mention.span
        inside = [t.i for t in tokens if t.idx >= s and t.idx < e]
        if not inside:
            continue
        head = next((i for i in inside if tokens[i].head not in inside), inside[0])
        verb, span_end = _dated_verb(tokens, head)
        if span_end and (publication is None or mention.date >= publication):
            # "extended the lockdown to May 1": a span's end yet to come dates no act; one
            # long past bounds it ("served until 2018, resigning in protest")
            continue
        if verb is not None and verb not in out:
            out[verb] = SentenceDate(mention.date, mention.precision, DateSource.TEXT)
    return out


_DATE_PHRASE_DEPS = frozenset(
    {"pobj", "prep", "npadvmod", "advmod", "tmod", "nmod", "compound", "nummod", "amod",
     "quantmod", "cc", "conj", "case", "punct", "det", "appos", "pcomp"}
)  # fmt: skip


SPAN_END_PREPOSITIONS = words("span_end_prepositions.txt")


def _dated_verb(tokens: Sequence[Token], head: int) -> tuple[int | None, bool]:
    """The verb a date expression dates: the verb it modifies directly ("met on Monday",
    "signed in 2001"), not through a noun ("priorities for ties in 2026", "the 2015
    deal": those date the noun, not the act); and whether the date ends a span ("to May
    1", "until 2018")."""
    i = head
    span_end = False
    for _ in range(len(tokens)):
        up = tokens[i].head
        if up == i:
            return None, span_end
        if tokens[i].dep == "prep" and tokens[i].text.lower() in SPAN_END_PREPOSITIONS:
            span_end = True
        if tokens[up].pos in ("VERB", "AUX"):
            return up, span_end
        if tokens[i].dep == "prep" and tokens[up].pos in ("NOUN", "PROPN"):
            return None, span_end
        if tokens[i].dep not in _DATE_PHRASE_DEPS:
            return None, span_end
        i = up
    return None, span_end
