"""Violence with no named perpetrator (coding.attribution), on hand-written parses."""

from __future__ import annotations

from accord.coding.attribution import unattributed
from accord.coding.patterns import children_of
from tests.unit.parsing import parsed


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
