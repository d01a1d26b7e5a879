"""The converted CAMEO verb dictionary and its matcher, on hand-written parses."""

from __future__ import annotations

import pytest

from accord.coding.verbs import VerbDictionary
from tests.unit.parsing import parsed


@pytest.fixture(scope="module")
def verbs() -> VerbDictionary:
    return VerbDictionary.load()


def test_dictionary_has_blocks_forms_and_version(verbs: VerbDictionary) -> None:
    assert verbs.version.startswith("cameo-2.0")
    assert verbs.has_verb("meet") and verbs.has_verb("visit") and verbs.has_verb("arrest")
    assert not verbs.has_verb("zzzz")


def test_bare_verb_takes_block_code(verbs: VerbDictionary) -> None:
    ps = parsed(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("arrested", "arrest", "VERB", "ROOT", 1),
            ("students", "student", "NOUN", "dobj", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "173" and m.pattern is None
    assert m.rule.startswith("verb:")


def test_pattern_with_object_word_wins(verbs: VerbDictionary) -> None:
    # "Xi held talks with Putin": HOLD * TALKS -> 046 (paired, symmetric)
    ps = parsed(
        [
            ("Xi", "Xi", "PROPN", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("talks", "talk", "NOUN", "dobj", 1),
            ("with", "with", "ADP", "prep", 2),
            ("Putin", "Putin", "PROPN", "pobj", 3),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None
    assert m.code == "046" and m.code2 == "046"
    assert m.pattern is not None and "TALKS" in m.pattern.text
    assert 2 in m.tokens


def test_verb_without_default_code_and_no_pattern_gives_nothing(verbs: VerbDictionary) -> None:
    # HOLD has no code of its own ([---]): "held the ball" is no event
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("held", "hold", "VERB", "ROOT", 1),
            ("the", "the", "DET", "det", 3),
            ("ball", "ball", "NOUN", "dobj", 1),
        ]
    )
    assert verbs.match(ps.tokens, 1) is None


def test_paired_code_for_visits(verbs: VerbDictionary) -> None:
    ps = parsed(
        [
            ("Leaders", "leader", "NOUN", "nsubj", 1),
            ("visited", "visit", "VERB", "ROOT", 1),
            ("China", "China", "PROPN", "dobj", 1),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and (m.code, m.code2) == ("042", "043")


def test_pattern_words_inside_embedded_clause_do_not_count(verbs: VerbDictionary) -> None:
    # "said ... talks" must not match SAY patterns through a ccomp clause's words
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("they", "they", "PRON", "nsubj", 3),
            ("attacked", "attack", "VERB", "ccomp", 1),
            ("rebels", "rebel", "NOUN", "dobj", 3),
        ]
    )
    m = verbs.match(ps.tokens, 1)
    assert m is not None and m.code == "010"
