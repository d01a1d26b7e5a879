"""Violence with no named perpetrator (coding.attribution), on hand-written parses."""

from __future__ import annotations

from accord.coding.attribution import harmed_by_someone, unattributed
from accord.coding.patterns import children_of
from tests.unit.parsing import parsed, tagged


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


def _stabbed_minister(dep: str, agent: bool = False) -> list[tuple[str, str, str, str, int]]:
    # "The minister was stabbed [by a man] ." with the participle under ``dep``
    rows = [
        ("The", "the", "DET", "det", 1),
        ("minister", "minister", "NOUN", "nsubjpass", 3),
        ("was", "be", "AUX", "auxpass", 3),
        ("stabbed", "stab", "VERB", dep, 3),
    ]
    if agent:
        rows += [("by", "by", "ADP", "agent", 3), ("men", "man", "NOUN", "pobj", 4)]
    return [*rows, (".", ".", "PUNCT", "punct", 3)]


def test_a_passive_of_deliberate_harm_without_agent_was_done_by_someone() -> None:
    ps = tagged(parsed(_stabbed_minister("ROOT")), {3: "VBN"})
    assert harmed_by_someone(ps.tokens, 3, children_of(ps.tokens))


def test_harm_with_an_agent_or_in_a_relative_clause_is_not_unattributed() -> None:
    with_agent = tagged(parsed(_stabbed_minister("ROOT", agent=True)), {3: "VBN"})
    assert not harmed_by_someone(with_agent.tokens, 3, children_of(with_agent.tokens))
    relative = tagged(parsed(_stabbed_minister("relcl")), {3: "VBN"})
    assert not harmed_by_someone(relative.tokens, 3, children_of(relative.tokens))


def _reported_to_have_killed(subject: str) -> list[tuple[str, str, str, str, int]]:
    # "A <subject> was reported to have killed a photographer in the war ."
    return [
        ("A", "a", "DET", "det", 1),
        (subject, subject, "NOUN", "nsubjpass", 3),
        ("was", "be", "AUX", "auxpass", 3),
        ("reported", "report", "VERB", "ROOT", 3),
        ("to", "to", "PART", "aux", 6),
        ("have", "have", "AUX", "aux", 6),
        ("killed", "kill", "VERB", "xcomp", 3),
        ("a", "a", "DET", "det", 8),
        ("photographer", "photographer", "NOUN", "dobj", 6),
        ("in", "in", "ADP", "prep", 6),
        ("the", "the", "DET", "det", 11),
        ("war", "war", "NOUN", "pobj", 9),
        (".", ".", "PUNCT", "punct", 3),
    ]


def test_the_subject_a_verb_of_saying_raises_is_the_subject_of_the_killing() -> None:
    # "a bombing was reported to have killed ...": the bombing did it
    ps = parsed(_reported_to_have_killed("bombing"))
    found = unattributed(ps.tokens, 6, children_of(ps.tokens), "YEM", [])
    assert [r.code for r in found] == ["YEMUAF"]
    assert found[0].head == 1
    # "a man was reported to have killed ...": a person, not the means of violence
    man = parsed(_reported_to_have_killed("man"))
    assert unattributed(man.tokens, 6, children_of(man.tokens), "YEM", []) == []
