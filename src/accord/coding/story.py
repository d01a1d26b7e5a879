"""What a whole document says about where and what it is about, found before or beside
its sentences are coded: its dateline's place, the place its lead sets it in, the country
it is mostly about, and where its paragraphs begin."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from accord.coding.actor_records import KnowledgeBase, Mention
from accord.coding.attribution import located_country
from accord.coding.kb.text import tokenize
from accord.coding.places import Gazetteer
from accord.model import CleanDocument, ParsedSentence, Place

__all__ = ["dateline_place", "main_country", "paragraph_starts", "story_place"]


def story_place(
    lead: Sequence[ParsedSentence],
    named: Mapping[int, Sequence[Mention]],
    places: Gazetteer | None,
) -> str | None:
    """The country of the first place the story's lead names, found before any sentence is
    coded: where the story is set ('Thames Valley Police said they had arrested a second
    man. The toilet was stolen from Blenheim Palace in Oxfordshire, England.' sets the
    police of the first sentence in England). A place of the gazetteer counts, or else a
    country named in a locative phrase ('in Oxfordshire, England')."""
    countries = {
        m.entry.country for ps in lead for m in named[ps.sentence.index] if m.entry.country
    }
    for ps in lead:
        if places is not None:
            found = places.find_in_sentence(ps.tokens, countries)
            if found and found[0].country is not None:
                return found[0].country
        located = located_country(ps.tokens, named[ps.sentence.index], ())
        if located is not None:
            return located
    return None


def main_country(named: Iterable[Sequence[Mention]]) -> str | None:
    """The country the document is mostly about: the country whose actors (its name,
    people, capital, bodies) the whole text names most, at least twice and in at least
    half of all the mentions of countries' actors; None when no country dominates."""
    counts: Counter[str] = Counter()
    for mentions in named:
        counts.update(m.entry.country for m in mentions if m.entry.country)
    if not counts:
        return None
    (top, n), *_ = counts.most_common(1)
    return top if n >= 2 and 2 * n >= sum(counts.values()) else None


def paragraph_starts(clean: CleanDocument) -> frozenset[int]:
    """The sentences that open a paragraph: a line break lies between them and the
    sentence before."""
    return frozenset(
        cur.index
        for prev, cur in pairwise(clean.sentences)
        if "\n" in clean.text[prev.span[1] : cur.span[0]]
    )


def dateline_place(
    clean: CleanDocument, places: Gazetteer | None, kb: KnowledgeBase, date: dt.date | None
) -> Place | None:
    """The dateline's place, resolved by the gazetteer (or the knowledge base without one)."""
    if clean.dateline is None or not clean.dateline.place:
        return None
    name = clean.dateline.place
    if places is not None:
        resolved = places.resolve(name)
        if resolved is not None:
            return resolved
    words = tokenize(name)
    m = kb.match(words, 0, date)
    country = m.entry.country if m is not None and m.length == len(words) else None
    return Place(name=name, country=country, lat=None, lon=None)
