"""Violence with no named perpetrator (coding.attribution), on hand-written parses."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import ActorRef, Mention
from accord.coding.attribution import located_country, unattributed
from accord.coding.patterns import children_of
from tests.unit.parsing import Entry, parsed


def _killed(noun: str, verb: str, lemma: str) -> list[tuple[str, str, str, str, int]]:
    # "Seven people were killed when a <noun> <verb> ."
    return [
        ("Seven", "seven", "NUM", "nummod", 1),
        ("people", "people", "NOUN", "nsubjpass", 3),
        ("were", "be", "AUX", "auxpass", 3),
        ("killed", "kill", "VERB", "ROOT", 3),
        ("when", "when", "SCONJ", "advmod", 7),
        ("a", "a", "DET", "det", 6),
        (noun, noun, "NOUN", "nsubj", 7),
        (verb, lemma, "VERB", "advcl", 3),
        (".", ".", "PUNCT", "punct", 3),
    ]


def test_a_killing_in_a_sentence_of_violence_goes_to_unidentified_armed_forces() -> None:
    ps = parsed(_killed("bomber", "struck", "strike"))
    found = unattributed(ps.tokens, 3, children_of(ps.tokens), "USA", [])
    assert [r.code for r in found] == ["USAUAF"]


def test_a_killing_in_an_accident_has_no_attacker() -> None:
    ps = parsed(_killed("bomber", "crashed", "crash"))
    assert unattributed(ps.tokens, 3, children_of(ps.tokens), "USA", []) == []


def test_a_killing_in_a_sentence_naming_no_violence_has_no_attacker() -> None:
    ps = parsed(_killed("storm", "struck", "strike"))
    assert unattributed(ps.tokens, 3, children_of(ps.tokens), "USA", []) == []


def test_the_place_of_violence_counts_even_where_it_also_placed_the_victim() -> None:
    # "A journalist was killed in Beirut ."
    ps = parsed(
        [
            ("A", "a", "DET", "det", 1),
            ("journalist", "journalist", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3),
            ("killed", "kill", "VERB", "ROOT", 3),
            ("in", "in", "ADP", "prep", 3),
            ("Beirut", "Beirut", "PROPN", "pobj", 4),
            (".", ".", "PUNCT", "punct", 3),
        ]
    )
    beirut = Mention(5, 6, Entry("LBNGOV", "LBN", "GOV", "Beirut", "capital"))
    victim = ActorRef(1, 0, 2, "LBNMED", "LBN", "MED", None, "agent")
    placed = dataclasses.replace(victim, basis="sentence")
    assert located_country(ps.tokens, [beirut], [placed]) == "LBN"
    assert located_country(ps.tokens, [beirut], [victim]) is None  # the victim's own country
