"""Knowledge-base mentions in a parsed sentence, and which of them to believe: a person
matched on part of a longer name, a place inside a person's name or a sea's, a country
named only as someone's nationality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from accord.coding.actor_records import ActorRef, KnowledgeBase, Mention
from accord.coding.kb.records import ActorEntry
from accord.coding.lexicon import words
from accord.coding.patterns import children_of
from accord.coding.places import admin1_countries
from accord.coding.political import names_country_or_capital
from accord.model import Token

__all__ = ["credible", "find_mentions", "nationality_only"]

_GEOGRAPHIC_NOUNS = words("geographic_nouns.txt")
_CLOCK = words("clock_abbreviations.txt")
_ADDRESS_TITLES = words("address_titles.txt")


def find_mentions(
    tokens: Sequence[Token], kb: KnowledgeBase, date: dt.date | None
) -> list[Mention]:
    """The knowledge base's matches in the sentence's words, valid on ``date``."""
    texts = [t.text for t in tokens]
    return [Mention(i, i + m.length, m.entry) for i, m in kb.matches(texts, date)]


def credible(
    tokens: Sequence[Token], mentions: Sequence[Mention], seen: Mapping[str, ActorRef]
) -> list[Mention]:
    """``mentions`` less the people matched on part of their name by mistake.

    A person the knowledge base knows by a longer name ("Ariel Sharon") matched on one of
    its words ("Sharon") is dropped when the name in the text goes on with other name
    words ("Sharon Osbourne", "Mark Morrison"), and kept otherwise only when a title is
    part of the match ("Prime Minister Sharon"), the person holds office on the date
    (a role other than ELI), or the document named the person before (``seen``: lower-cased
    name words of the people named so far); never when the document named another person
    of that name ("Tim Morrison", then "Morrison": not Scott Morrison)."""
    out: list[Mention] = []
    for m in mentions:
        e = m.entry
        if m.end - m.start == 1 and tokens[m.start].text in _CLOCK:
            continue  # "at 5 p.m. local time": a clock time, not 'the PM'
        if e.kind in ("country", "capital", "group") and _place_named_as_person(tokens, m, seen):
            # "Sudesh Amman", then "Amman": a person, not Jordan's capital; "Michael
            # Bloomberg", then "Bloomberg": a person, not the news company
            continue
        if e.kind == "country" and _geographic_name(tokens, m):
            continue  # "the Gulf of Mexico": a place named after the country
        if e.kind == "capital" and _neighbourhood(tokens, m):
            continue  # "Seattle's Capitol Hill neighborhood": a place, not Congress
        if e.kind == "capital" and _named_after(tokens, m):
            continue  # "the London Stock Exchange": a body named after the city
        if e.kind == "agent" and _stance_noun(tokens, m):
            continue  # "expressed opposition to Defund the Police": a stance, no actor
        name = e.name.lower().split()
        words = [t.text.lower() for t in tokens[m.start : m.end]]
        present = [w for w in name if w in words]
        if e.kind != "person" or len(name) < 2 or len(present) == len(name):
            out.append(m)
            continue
        around = [i for i in (m.start - 1, m.end) if 0 <= i < len(tokens)]
        # named anywhere before, by any of its words ('Joe Biden', then 'Hunter Biden's
        # partner', then 'Biden' is Joe)
        introduced = any(ref.name == e.name for ref in seen.values())
        beside = [
            tokens[i].text.lower()
            for i in around
            if tokens[i].pos == "PROPN"
            and tokens[i].text.lower() not in name
            and (tokens[i].ent_type == "PERSON" or _one_name(tokens, i, m))
        ]
        if beside and not (introduced and _ADDRESS_TITLES.issuperset(beside)):
            # "Sharon Osbourne", "Luis Rivera Marín": another person's name; "Mr Blair"
            # is Tony Blair where the story named him, not any Blair
            continue
        if not introduced and any(
            (ref := seen.get(w)) is not None and ref.kind == "person" and ref.name != e.name
            for w in present
        ):
            continue  # "Tim Morrison ... Morrison said": the story's Morrison, not Scott
        titled = any(w not in name for w in words)
        if titled or introduced or (e.role is not None and e.role != "ELI"):
            out.append(m)
    return out


def _one_name(tokens: Sequence[Token], i: int, m: Mention) -> bool:
    """Whether the proper noun next to the mention is part of one name with it, whatever
    entity type the parser gave the name ('Luis Rivera Marín', read as an organisation)."""
    inside = range(m.start, m.end)
    return (tokens[i].dep == "compound" and tokens[i].head in inside) or any(
        tokens[k].dep == "compound" and tokens[k].head == i for k in inside
    )


def _geographic_name(tokens: Sequence[Token], m: Mention) -> bool:
    """Whether the country name follows '<geographic noun> of' ('the Gulf of Mexico')."""
    return (
        m.start >= 2
        and tokens[m.start - 1].text.lower() == "of"
        and tokens[m.start - 2].text.lower() in _GEOGRAPHIC_NOUNS
    )


_NEIGHBOURHOOD_NOUNS = words("neighbourhood_nouns.txt")


def _neighbourhood(tokens: Sequence[Token], m: Mention) -> bool:
    """Whether the name modifies a noun of a part of town ('the Capitol Hill
    neighborhood')."""
    return m.end < len(tokens) and tokens[m.end].lemma.lower() in _NEIGHBOURHOOD_NOUNS


def _named_after(tokens: Sequence[Token], m: Mention) -> bool:
    """Whether the name of a capital or seat of power (the knowledge base's kind
    'capital': 'London', 'the RAF', 'Capitol Hill') opens the proper name of an
    organisation or site, which the entity recogniser reads as one name with it ('the
    London Stock Exchange', 'Paris Saint-Germain', 'RAF Croughton'): a body or a place
    named after it, not the government or force it stands for ('London said ...'). A
    common noun after it keeps that reading ('the Beijing government')."""
    if m.end >= len(tokens):
        return False
    after = tokens[m.end]
    return (
        after.pos == "PROPN"
        and after.ent_type == "ORG"
        and after.ent_iob == "I"
        and all(t.ent_type == "ORG" for t in tokens[m.start : m.end])
    )


def _place_named_as_person(
    tokens: Sequence[Token], m: Mention, seen: Mapping[str, ActorRef]
) -> bool:
    """A country, capital or organisation name the parser reads as part of a person's
    name: next to other name words ("Denzel Washington", "Michael Bloomberg"), or a name
    word of a person the document named before ("Amman" after "Sudesh Amman")."""
    inside = tokens[m.start : m.end]
    around = [tokens[i] for i in (m.start - 1, m.end) if 0 <= i < len(tokens)]
    if all(t.ent_type == "PERSON" for t in inside) and any(
        t.ent_type == "PERSON" and t.pos == "PROPN" for t in around
    ):
        return True
    return len(inside) == 1 and any(
        (ref := seen.get(t.text.lower())) is not None and ref.kind == "person" for t in inside
    )


_STANCE_NOUNS = words("stance_nouns.txt")
_STANCE_VERBS = words("stance_verbs.txt")


def _stance_noun(tokens: Sequence[Token], m: Mention) -> bool:
    """A role word used as the noun of a stance ('expressed opposition to the bill',
    'voiced their opposition'), not the actor (``stance_nouns.txt``)."""
    if m.end - m.start != 1 or tokens[m.start].text.lower() not in _STANCE_NOUNS:
        return False
    tok = tokens[m.start]
    if m.end < len(tokens) and tokens[m.end].text.lower() == "to":
        return True
    return tok.dep == "dobj" and tokens[tok.head].lemma.lower() in _STANCE_VERBS


def nationality_only(m: Mention, tokens: Sequence[Token]) -> bool:
    """A country named only as a named person's nationality ('Australian Brenton
    Tarrant'): it says where the person is from, not where the sentence happens, so it
    gives no country to the sentence's role words ('police charged Australian X')."""
    if m.end - m.start != 1:
        return False
    tok = tokens[m.start]
    return (
        tok.dep in ("amod", "compound")
        and tok.head != tok.i
        and tokens[tok.head].ent_type == "PERSON"
    )


_AIMING_PREPOSITIONS = frozenset({"on", "against", "toward", "towards"})


def aimed_at(m: Mention, tokens: Sequence[Token]) -> bool:
    """A country named as what an act is aimed at ('sanctions on Russia', 'protests
    against China'): whom the sentence's actors act on, not where they are, so it places
    no bare role word ('the Senate approved a bill to impose sanctions on Russia' is no
    Russian senate)."""
    if m.entry.kind not in ("country", "capital"):
        return False
    span = range(m.start, m.end)
    heads = [tokens[k] for k in span if tokens[k].head not in span or tokens[k].head == k]
    return any(
        h.dep == "pobj" and tokens[h.head].text.lower() in _AIMING_PREPOSITIONS for h in heads
    )


_STANCE_PREFIXES = words("stance_prefixes.txt")


def stance_only(m: Mention, tokens: Sequence[Token]) -> bool:
    """A country or capital named after 'pro-' or 'anti-' ('the pro-Beijing camp', 'an
    anti-Syria journalist'): what an actor stands for or against, not the country the
    sentence happens in, so it places no bare role word ('the protesters') there
    (``data/lexicon/stance_prefixes.txt``)."""
    if m.entry.kind not in ("country", "capital") or m.start < 2:
        return False
    dash, prefix = tokens[m.start - 1], tokens[m.start - 2]
    return dash.text == "-" and prefix.text.lower() in _STANCE_PREFIXES


_NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def foreign_acronyms(tokens: Sequence[Token], mentions: Sequence[Mention]) -> set[str]:
    """Acronyms the text defines for a name the knowledge base does not hold: in "the
    Electronic Frontier Foundation (EFF)" EFF is that foundation, not South Africa's
    Economic Freedom Fighters, here and in the rest of the document. An acronym defined for
    a name the knowledge base matched ("the African National Congress (ANC)") is its own."""
    out: set[str] = set()
    for i in range(1, len(tokens) - 2):
        acronym = tokens[i + 1].text
        if tokens[i].text != "(" or tokens[i + 2].text != ")":
            continue
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
            continue
        j = i - 1
        while j >= 0 and (tokens[j].text[:1].isupper() or tokens[j].text.lower() in _NAME_LINKS):
            j -= 1
        capitals = [k for k in range(j + 1, i) if tokens[k].text[:1].isupper()]
        name = capitals[-len(acronym) :]
        if len(name) != len(acronym) or "".join(tokens[k].text[0] for k in name) != acronym:
            continue  # not spelled out just before: "talks with the US (AP)"
        if any(m.start <= name[0] and m.end >= i for m in mentions):
            continue  # the knowledge base's own name for it
        out.add(acronym)
    return out


def undefined_here(
    tokens: Sequence[Token], mentions: Sequence[Mention], acronyms: set[str]
) -> list[Mention]:
    """``mentions`` less those that are only an acronym the document defined for another
    name (:func:`foreign_acronyms`): "EFF", "the EFF"."""
    if not acronyms:
        return list(mentions)
    return [m for m in mentions if _bare(tokens, m) not in acronyms]


def _bare(tokens: Sequence[Token], m: Mention) -> str:
    return " ".join(t.text for t in tokens[m.start : m.end] if t.text.lower() != "the")


_ADMIN1 = MappingProxyType(admin1_countries())


def regional_namesakes(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with a country's name that is also a region of another country, listed
    with that country's regions, read as the region: 'made stops in Pennsylvania,
    Georgia, Florida' is the US state of Georgia, not the country (GeoNames admin-1 names;
    'Russia, Georgia and Ukraine' stay countries)."""
    by_head = {m.end - 1: m for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        e = m.entry
        name = " ".join(t.text for t in tokens[m.start : m.end]).lower()
        others = _ADMIN1.get(name, frozenset()) - {e.country}
        if e.kind != "country" or not others:
            out.append(m)
            continue
        listed = {
            s.entry.country
            for k in _coordinated(tokens, m.end - 1)
            if (s := by_head.get(k)) is not None and s.entry.kind == "country"
            if not names_country_or_capital(" ".join(t.text for t in tokens[s.start : s.end]))
        }
        region = next(iter(others & listed), None) if len(others & listed) == 1 else None
        if region is None:
            out.append(m)
            continue
        out.append(
            Mention(
                m.start,
                m.end,
                ActorEntry(name, region, region, None, tokens[m.start].text, "country"),
            )
        )
    return out


def _coordinated(tokens: Sequence[Token], head: int) -> set[int]:
    """The heads coordinated with ``head`` ('Pennsylvania, Georgia, Florida'), itself left
    out."""
    top = head
    while tokens[top].dep == "conj" and tokens[top].head != top:
        top = tokens[top].head
    children = children_of(tokens)
    group, stack = {top}, [top]
    while stack:
        for c in children.get(stack.pop(), ()):
            if tokens[c].dep == "conj" and c not in group:
                group.add(c)
                stack.append(c)
    return group - {head}
