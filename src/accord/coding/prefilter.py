"""Sentence pre-filtering: which sentences of a document are worth parsing at all.

Parsing is most of the cost of coding, and most sentences of a news article hold no
event. A sentence is skipped only when, from its words alone (no parse), it can neither
yield an event nor change what later sentences of the document depend on (the people
named so far, the last person, the countries named, the carried date, the parties of the
latest meeting: ``coder._DocState``). What can make a sentence matter, and so keeps it:

* a date expression of day precision (it may become the date carried forward);
* a knowledge-base name that is not a mere role word (a country, capital, organisation,
  group or person), or a role word whose code names a country or an organisation;
* a role word the coder accepts without a country ('police', 'rebels': named groups), or
  one a country can be lent to: by the dateline (any home role), by a place in the
  sentence ('people in Kabul'), or by a person met earlier ('the minister');
* a personal pronoun ('he', 'his'): it may carry an earlier person over;
* 'both' or 'two' with 'sides', 'countries', ...: the parties of an earlier meeting;
* a word already met as (part of) a name in an earlier kept sentence ('Pelosi');
* a place phrase ('in Kandahar') or a dateline: violence with no named perpetrator is
  coded to the unidentified forces of the country where it happened.

Everything here is a superset test: a kept sentence may still hold nothing. The one
assumption about the model is that a person's name word is capitalised or a name particle
('van', 'bin'); a test holds prefiltered coding equal to unfiltered coding on the gold
sets and the Wikinews corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from accord.coding.kb import Candidate
from accord.coding.lexicon import table, words
from accord.coding.roles import roles_with
from accord.model import DatePrecision
from accord.text.dates import find_date_mentions

_GROUP_ROLES = roles_with("group")
"""Roles a source may have without a country (the list accord.coding.actors reads too)."""
_LOCAL_ROLES = roles_with("local")
_IDENTIFIED_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
_PERSON_PRONOUNS = words("third_person_pronouns.txt")
_PAIR_WORDS = words("pair_words.txt")
_PAIR_HEADS = frozenset(plural for plural, *_ in table("pair_heads.tsv").values())
_LOCATIVE = words("locative_prepositions.txt")
_PLACE_REACH = 6
"""Words after a locative preposition in which a place name may start."""
_DEFINITE_REACH = 3
"""Words before a role word in which 'the' may stand ('the minister')."""
_NAME_PARTICLES = words("name_particles.txt")
_FUNCTION_WORDS = words("function_words.txt")
"""Words that never head a person's name, even capitalised at the start of a sentence."""


class CandidateSource(Protocol):
    """What the filter needs from the knowledge base (:meth:`ActorKB.candidates`)."""

    def candidates(self, words: Sequence[str]) -> list[Candidate]: ...


def select_sentences(
    words: Sequence[Sequence[str]],
    texts: Sequence[str],
    kb: CandidateSource,
    *,
    publication: dt.date | None,
    has_dateline_place: bool,
) -> list[bool]:
    """For each sentence of one document, in order, whether it must be parsed.

    ``words`` are the sentences' tokens exactly as the parser will split them, ``texts``
    the sentence texts (for date expressions)."""
    names: set[str] = set()
    keep: list[bool] = []
    for sent_words, text in zip(words, texts, strict=True):
        lowered = [w.lower() for w in sent_words]
        pairs = list(zip(sent_words, lowered, strict=True))
        found = kb.candidates(sent_words)
        place = _place_phrase(sent_words, lowered)
        lends = _lends_country(found, lowered, has_dateline_place, place)
        matters = (
            lends
            or place
            or has_dateline_place
            or _named_group(found)
            or _definite_role(found, lowered)
            or not _PERSON_PRONOUNS.isdisjoint(lowered)
            or (not _PAIR_WORDS.isdisjoint(lowered) and not _PAIR_HEADS.isdisjoint(lowered))
            or any(lw in names and _name_word(w, lw) for w, lw in pairs)
            or _day_date(text, publication)
        )
        keep.append(matters)
        if matters and lends:
            # people the coder may remember from this sentence: known names, and any
            # capitalised word the model may tag as (part of) a person's name
            for c in found:
                for name in c.names:
                    names.update(name.lower().split())
            names.update(lw for w, lw in pairs if _name_word(w, lw))
    return keep


def _lends_country(
    found: Sequence[Candidate], lowered: Sequence[str], dateline: bool, place: bool
) -> bool:
    """Whether a name of the sentence can give an actor a country or make it an
    organisation (what events and remembered people need)."""
    for c in found:
        if c.kinds != {"agent"} or c.countries:
            return True
        if any(code.startswith(_IDENTIFIED_PREFIXES) for code in c.codes):
            return True
        if c.roles and (dateline or (place and not _LOCAL_ROLES.isdisjoint(c.roles))):
            return True
    return False


def _named_group(found: Sequence[Candidate]) -> bool:
    return any(not _GROUP_ROLES.isdisjoint(c.roles) for c in found)


def _definite_role(found: Sequence[Candidate], lowered: Sequence[str]) -> bool:
    """'the minister': a role word that may refer back to a person named earlier."""
    return any(
        c.roles and "the" in lowered[max(0, c.start - _DEFINITE_REACH) : c.end] for c in found
    )


def _place_phrase(words: Sequence[str], lowered: Sequence[str]) -> bool:
    """'in Kandahar', 'near the Syrian border': a locative word before a capitalised one."""
    return any(
        lw in _LOCATIVE and any(w[:1].isupper() for w in words[k + 1 : k + 1 + _PLACE_REACH])
        for k, lw in enumerate(lowered)
    )


def _name_word(word: str, lowered: str) -> bool:
    if lowered in _FUNCTION_WORDS:
        return False
    return lowered in _NAME_PARTICLES or any(ch.isupper() for ch in word)


def _day_date(text: str, publication: dt.date | None) -> bool:
    return any(m.precision is DatePrecision.DAY for m in find_date_mentions(text, publication))
