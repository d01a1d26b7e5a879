"""Knowledge-base mentions (accord.coding.mentions): acronyms a text defines for itself."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from accord.coding.actor_records import Mention
from accord.coding.mentions import (
    credible,
    foreign_acronyms,
    regional_namesakes,
    stance_only,
    undefined_here,
)
from tests.unit.parsing import parsed


def _tokens(text: str) -> Any:
    return parsed([(w, w.lower(), "X", "dep", 0) for w in text.split()]).tokens


def _mention(start: int, end: int, code: str) -> Mention:
    return Mention(start, end, SimpleNamespace(code=code))  # type: ignore[arg-type]


def test_an_acronym_spelled_out_for_a_name_the_kb_lacks_is_that_name() -> None:
    tokens = _tokens("the Electronic Frontier Foundation ( EFF ) joined the fight")
    kb_eff = _mention(5, 6, "ZAFPTY")  # South Africa's Economic Freedom Fighters
    assert foreign_acronyms(tokens, [kb_eff]) == {"EFF"}
    later = _tokens("The EFF asked the court")
    assert undefined_here(later, [_mention(0, 2, "ZAFPTY")], {"EFF"}) == []


def test_the_kbs_own_name_keeps_its_acronym_and_unspelled_brackets_define_nothing() -> None:
    tokens = _tokens("the African National Congress ( ANC ) said")
    anc = _mention(0, 4, "ZAFPTY")
    assert foreign_acronyms(tokens, [anc, _mention(5, 6, "ZAFPTY")]) == set()
    assert foreign_acronyms(_tokens("talks with the US ( AP ) today"), []) == set()


def test_a_country_after_pro_or_anti_is_a_stance_not_the_actors_country() -> None:
    country = SimpleNamespace(code="CHN", kind="country")
    tokens = _tokens("the pro - Beijing camp")
    assert stance_only(Mention(3, 4, country), tokens)  # type: ignore[arg-type]
    assert not stance_only(Mention(1, 2, country), _tokens("the Beijing government"))  # type: ignore[arg-type]
    person = SimpleNamespace(code="CHNGOV", kind="person")
    assert not stance_only(Mention(3, 4, person), tokens)  # type: ignore[arg-type]


def test_a_clock_time_is_no_prime_minister() -> None:
    """'at 5 p.m. local time': the Phoenix agent 'the PM' matched on 'p.m.' no longer counts;
    'the PM' written so still does."""
    from accord.coding.mentions import credible
    from tests.unit.parsing import Entry

    pm = Entry("---GOV", None, "GOV", "the pm", "agent")
    clock = parsed(
        [
            ("at", "at", "ADP", "prep", 0),
            ("5", "5", "NUM", "nummod", 2),
            ("p.m.", "p.m.", "NOUN", "pobj", 0),
        ]
    )
    assert credible(clock.tokens, [Mention(2, 3, pm)], {}) == []
    office = parsed(
        [
            ("the", "the", "DET", "det", 1),
            ("PM", "PM", "PROPN", "nsubj", 2),
            ("said", "say", "VERB", "ROOT", 2),
        ]
    )
    assert credible(office.tokens, [Mention(0, 2, pm)], {}) == [Mention(0, 2, pm)]


def test_a_surname_inside_another_persons_name_is_not_that_person() -> None:
    """'the resignation of Luis Rivera Marín', the name read as an organisation: 'Marín'
    is not Sanna Marin, whatever entity type the parser gave the name."""
    from accord.coding.mentions import credible
    from tests.unit.parsing import Entry

    marin = Entry("FINELI", "FIN", "ELI", "Sanna Marin", "person")
    ps = parsed(
        [
            ("of", "of", "ADP", "prep", 0),
            ("Luis", "Luis", "PROPN", "compound", 3),
            ("Rivera", "Rivera", "PROPN", "compound", 3),
            ("Marín", "Marín", "PROPN", "pobj", 0),
        ]
    )
    import dataclasses

    tokens = tuple(dataclasses.replace(t, ent_type="ORG") if t.i else t for t in ps.tokens)
    assert credible(tokens, [Mention(3, 4, marin)], {}) == []


def _place(start: int, code: str) -> Mention:
    entry = SimpleNamespace(code=code, country=code, role=None, name="x", kind="country")
    return Mention(start, start + 1, entry)  # type: ignore[arg-type]


def _listed(*names: str) -> Any:
    # "stops in A , B , C": B and C conjuncts of A
    words = [("stops", "stop", "NOUN", "ROOT", 0), ("in", "in", "ADP", "prep", 0)]
    first = len(words)
    for n, name in enumerate(names):
        if n:
            words.append((",", ",", "PUNCT", "punct", first))
        words.append((name, name, "PROPN", "pobj" if not n else "conj", 1 if not n else first))
    return parsed(words).tokens


def test_a_countrys_name_listed_with_another_countrys_regions_is_that_region() -> None:
    tokens = _listed("Pennsylvania", "Georgia", "Florida")
    found = regional_namesakes(tokens, [_place(2, "USA"), _place(4, "GEO"), _place(6, "USA")])
    assert [m.entry.country for m in found] == ["USA", "USA", "USA"]
    assert found[1].entry.name == "Georgia"


def test_a_countrys_name_listed_with_countries_stays_a_country() -> None:
    tokens = _listed("Russia", "Georgia", "Ukraine")
    found = regional_namesakes(tokens, [_place(2, "RUS"), _place(4, "GEO"), _place(6, "UKR")])
    assert [m.entry.country for m in found] == ["RUS", "GEO", "UKR"]
    alone = _listed("Georgia")
    assert regional_namesakes(alone, [_place(2, "GEO")])[0].entry.country == "GEO"


def test_opposition_as_a_stance_is_no_actor() -> None:
    # "Carroll expressed opposition to the bill" / "The opposition boycotted the vote"
    stance = parsed(
        [
            ("Carroll", "Carroll", "PROPN", "nsubj", 1),
            ("expressed", "express", "VERB", "ROOT", 1),
            ("opposition", "opposition", "NOUN", "dobj", 1),
            ("to", "to", "ADP", "prep", 2),
            ("the", "the", "DET", "det", 5),
            ("bill", "bill", "NOUN", "pobj", 3),
        ]
    ).tokens
    opp = SimpleNamespace(code="---OPP", country=None, role="OPP", name="opposition", kind="agent")
    assert credible(stance, [Mention(2, 3, opp)], {}) == []  # type: ignore[arg-type]
    actor = parsed(
        [
            ("The", "the", "DET", "det", 1),
            ("opposition", "opposition", "NOUN", "nsubj", 2),
            ("boycotted", "boycott", "VERB", "ROOT", 2),
            ("the", "the", "DET", "det", 4),
            ("vote", "vote", "NOUN", "dobj", 2),
        ]
    ).tokens
    kept = [Mention(0, 2, opp)]  # type: ignore[arg-type]
    assert credible(actor, kept, {}) == kept


def test_a_seat_of_powers_name_before_a_part_of_town_is_a_place() -> None:
    """'Seattle's Capitol Hill neighborhood' is a part of Seattle, not Congress; 'Capitol
    Hill' alone is Congress."""
    from tests.unit.parsing import Entry

    seat = Entry("USALEG", "USA", "LEG", "United States (Capitol Hill)", "capital")
    words = ["Seattle", "'s", "Capitol", "Hill", "neighborhood"]
    town = parsed([(w, w.lower(), "PROPN", "compound", 4) for w in words])
    assert credible(town.tokens, [Mention(2, 4, seat)], {}) == []
    congress = parsed(
        [(w, w.lower(), "PROPN", "compound", 2) for w in ["Capitol", "Hill", "voted"]]
    )
    assert credible(congress.tokens, [Mention(0, 2, seat)], {}) == [Mention(0, 2, seat)]


def test_a_body_named_after_a_capital_is_not_its_government() -> None:
    """'the London Stock Exchange' is a body named after London, not the UK government
    that 'London said ...' stands for; 'the London government' keeps it."""
    from tests.unit.parsing import Entry, with_entities

    london = Entry("GBRGOV", "GBR", "GOV", "United Kingdom (London)", "capital")
    words = ["the", "London", "Stock", "Exchange", "met"]
    exchange = parsed([(w, w.lower(), "PROPN", "compound", 3) for w in words])
    named = with_entities(exchange, [(1, 4, "ORG")])
    assert credible(named, [Mention(1, 2, london)], {}) == []
    rows = [("the", "the", "DET", "det", 2), ("London", "London", "PROPN", "compound", 2)]
    government = parsed([*rows, ("government", "government", "NOUN", "nsubj", 2)])
    tokens = with_entities(government, [(1, 2, "GPE")])
    assert credible(tokens, [Mention(1, 2, london)], {}) == [Mention(1, 2, london)]


def test_a_title_of_address_is_no_other_persons_name_once_the_story_named_the_person() -> None:
    """'Tony Blair ... Mr Blair': 'Mr' is no name word of another person, as 'Sharon' in
    'Sharon Osbourne' is; but a 'Mr McConnell' the story never named in full may be any
    McConnell, not the knowledge base's."""
    from accord.coding.actor_records import ActorRef
    from tests.unit.parsing import Entry

    blair = Entry("GBRGOV", "GBR", "GOV", "Tony Blair", "person")
    ps = parsed(
        [
            ("Mr", "Mr", "PROPN", "compound", 1),
            ("Blair", "Blair", "PROPN", "nsubj", 2),
            ("said", "say", "VERB", "ROOT", 2),
        ]
    )
    named = ActorRef(0, 0, 2, "GBRGOV", "GBR", "GOV", "Tony Blair", "person")
    seen = {"tony": named, "blair": named}
    assert credible(ps.tokens, [Mention(1, 2, blair)], seen) == [Mention(1, 2, blair)]
    assert credible(ps.tokens, [Mention(1, 2, blair)], {}) == []


def test_a_surname_the_story_gave_another_person_is_that_person() -> None:
    """'Tim Morrison ... Morrison said': not the knowledge base's Scott Morrison, even on
    a date he holds office."""
    from accord.coding.actor_records import ActorRef
    from tests.unit.parsing import Entry

    scott = Entry("AUSGOV", "AUS", "GOV", "Scott Morrison", "person")
    ps = parsed([("Morrison", "Morrison", "PROPN", "nsubj", 1), ("said", "say", "VERB", "ROOT", 1)])
    tim = ActorRef(0, 0, 2, "USAGOV", "USA", "GOV", "Tim Morrison", "person")
    assert credible(ps.tokens, [Mention(0, 1, scott)], {"tim": tim, "morrison": tim}) == []
    assert credible(ps.tokens, [Mention(0, 1, scott)], {}) == [Mention(0, 1, scott)]
