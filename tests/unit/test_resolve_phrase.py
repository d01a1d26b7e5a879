"""coding.resolve: an actor phrase resolved as the coder resolves sentence actors, on
hand-written parses and the packaged knowledge base (no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from accord.coding.actors import SentenceActors
from accord.coding.kb import ActorKB
from accord.coding.mentions import find_mentions
from accord.coding.patterns import children_of
from accord.coding.resolve import resolve_phrase
from accord.model import ParsedSentence
from tests.unit.parsing import parsed, with_entities


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_the_head_of_the_phrase_names_the_actor(kb: ActorKB) -> None:
    ps = parsed([("Russian", "Russian", "ADJ", "amod", 1), ("police", "police", "NOUN", "ROOT", 1)])
    ref = resolve_phrase(ps.tokens, kb, dt.date(2026, 2, 5))
    assert ref is not None and (ref.code, ref.country, ref.role) == ("RUSCOP", "RUS", "COP")
    assert (ref.start, ref.end) == (0, 2)


def test_a_phrase_parsed_as_a_clause_falls_back_to_its_longest_mention(kb: ActorKB) -> None:
    ps = parsed(
        [
            ("the", "the", "DET", "det", 2),
            ("United", "United", "PROPN", "compound", 2),
            ("Nations", "Nations", "PROPN", "nsubj", 3),
            ("agreed", "agree", "VERB", "ROOT", 3),
        ]
    )
    ref = resolve_phrase(ps.tokens, kb, None)
    assert ref is not None and ref.code.startswith("IGO")


def test_a_listed_person_with_an_organisations_office_in_apposition_acts_for_it(
    kb: ActorKB,
) -> None:
    # "Kenzo Oshima, the United Nations Emergency Relief Coordinator": listed with no
    # national office on the day, the apposition names the body he speaks for
    ps = parsed(
        [
            ("Kenzo", "Kenzo", "PROPN", "compound", 1),
            ("Oshima", "Oshima", "PROPN", "ROOT", 1),
            (",", ",", "PUNCT", "punct", 1),
            ("the", "the", "DET", "det", 7),
            ("United", "United", "PROPN", "compound", 5),
            ("Nations", "Nations", "PROPN", "compound", 7),
            ("Relief", "Relief", "PROPN", "compound", 7),
            ("Coordinator", "Coordinator", "PROPN", "appos", 1),
        ]
    )
    ref = resolve_phrase(ps.tokens, kb, dt.date(2004, 5, 5))
    assert ref is not None and ref.code == "IGOUNO"


def test_nothing_named_resolves_to_nothing(kb: ActorKB) -> None:
    ps = parsed([("fluffy", "fluffy", "ADJ", "amod", 1), ("kittens", "kitten", "NOUN", "ROOT", 1)])
    assert resolve_phrase(ps.tokens, kb, None) is None
    assert resolve_phrase((), kb, None) is None


def _organisation(words: list[tuple[str, str, str, str, int]]) -> ParsedSentence:
    ps = parsed(words)
    head = next(t.i for t in ps.tokens if t.dep == "ROOT")
    tokens = tuple(dataclasses.replace(t, ent_type="ORG") if t.i <= head else t for t in ps.tokens)
    return dataclasses.replace(ps, tokens=tokens)


@pytest.mark.parametrize(
    ("words", "code"),
    [
        # a state body named with its country: the country's government
        (
            [
                ("The", "the", "DET", "det", 3),
                ("United", "United", "PROPN", "compound", 2),
                ("States", "States", "PROPN", "compound", 3),
                ("Commission", "Commission", "PROPN", "ROOT", 3),
            ],
            "USAGOV",
        ),
        (
            [
                ("the", "the", "DET", "det", 2),
                ("California", "California", "PROPN", "compound", 2),
                ("Department", "Department", "PROPN", "ROOT", 2),
            ],
            "USAGOV",
        ),
        # nor a sports body
        (
            [
                ("the", "the", "DET", "det", 3),
                ("US", "US", "PROPN", "compound", 3),
                ("Anti-Doping", "anti-doping", "PROPN", "compound", 3),
                ("Agency", "Agency", "PROPN", "ROOT", 3),
            ],
            "USA",
        ),
        # a news agency named with its country is no government body
        (
            [
                ("the", "the", "DET", "det", 3),
                ("Chinese", "Chinese", "ADJ", "amod", 3),
                ("news", "news", "NOUN", "compound", 3),
                ("agency", "agency", "NOUN", "ROOT", 3),
            ],
            "CHNMED",
        ),
    ],
)
def test_a_named_state_body_is_its_countrys_government(
    kb: ActorKB, words: list[tuple[str, str, str, str, int]], code: str
) -> None:
    ref = resolve_phrase(_organisation(words).tokens, kb, None)
    assert ref is not None and ref.code == code


@pytest.mark.parametrize(
    ("body", "code"),
    [("opposition", "---OPP"), ("China", "CHNGOV")],
)
def test_a_leader_of_a_body_is_the_body_a_leader_of_a_country_its_government(
    kb: ActorKB, body: str, code: str
) -> None:
    # "leaders of the opposition": the body led; "leaders of China": a head of government
    ps = parsed(
        [
            ("leaders", "leader", "NOUN", "ROOT", 0),
            ("of", "of", "ADP", "prep", 0),
            ("the", "the", "DET", "det", 3),
            (body, body, "NOUN" if body.islower() else "PROPN", "pobj", 1),
        ]
    )
    ref = resolve_phrase(ps.tokens, kb, dt.date(2020, 1, 1))
    assert ref is not None and ref.code == code
    assert (ref.start, ref.end) == (0, 4)


def test_countries_joined_before_one_role_noun_each_take_it(kb: ActorKB) -> None:
    # "US and British forces": USAMIL and GBRMIL, not nothing (two countries in one phrase)
    ps = parsed(
        [
            ("US", "US", "PROPN", "nmod", 3),
            ("and", "and", "CCONJ", "cc", 0),
            ("British", "British", "ADJ", "conj", 0),
            ("forces", "force", "NOUN", "ROOT", 3),
        ]
    )
    mentions = find_mentions(ps.tokens, kb, dt.date(2003, 4, 1))
    actors = SentenceActors(ps.tokens, mentions, children_of(ps.tokens))
    assert [r.code for r in actors.actors_at(3)] == ["USAMIL", "GBRMIL"]


def test_a_national_ngo_code_names_its_country(kb: ActorKB) -> None:
    ps = parsed(
        [
            ("the", "the", "DET", "det", 4),
            ("American", "American", "PROPN", "compound", 4),
            ("Civil", "Civil", "PROPN", "compound", 4),
            ("Liberties", "Liberties", "PROPN", "compound", 4),
            ("Union", "Union", "PROPN", "ROOT", 4),
        ]
    )
    ref = resolve_phrase(ps.tokens, kb, dt.date(2019, 5, 1))
    assert ref is not None and ref.code.startswith("NGOUSA") and ref.country == "USA"
    red_cross = parsed(
        [
            ("the", "the", "DET", "det", 2),
            ("Red", "Red", "PROPN", "compound", 2),
            ("Cross", "Cross", "PROPN", "ROOT", 2),
        ]
    )
    ref = resolve_phrase(red_cross.tokens, kb, dt.date(2019, 5, 1))
    assert ref is not None and ref.code.startswith("NGO") and ref.country is None


@pytest.mark.parametrize(("noun", "country"), [("specialist", None), ("diplomat", "UKR")])
def test_a_country_before_a_noun_of_expertise_is_its_subject(
    kb: ActorKB, noun: str, country: str | None
) -> None:
    # "Alexander Vindman, a Ukraine specialist": a US officer who studies Ukraine
    # (topic_nouns.txt); "Ivan Petrenko, a Ukraine diplomat" is Ukraine's
    ps = parsed(
        [
            ("Alexander", "Alexander", "PROPN", "compound", 1),
            ("Vindman", "Vindman", "PROPN", "ROOT", 1),
            (",", ",", "PUNCT", "punct", 1),
            ("a", "a", "DET", "det", 5),
            ("Ukraine", "Ukraine", "PROPN", "compound", 5),
            (noun, noun, "NOUN", "appos", 1),
        ]
    )
    tokens = with_entities(ps, [(0, 2, "PERSON"), (4, 5, "GPE")])
    day = dt.date(2019, 11, 19)
    actors = SentenceActors(tokens, find_mentions(tokens, kb, day), children_of(tokens))
    assert {r.country for r in actors.actors_at(1)} == ({country} if country else set())
