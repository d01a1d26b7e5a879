"""Which words show an actor (coding.surface), on hand-written parses: no model needed."""

from __future__ import annotations

from accord.coding.patterns import children_of, subtree
from accord.coding.surface import surface
from accord.model import ParsedSentence
from tests.unit.parsing import parsed


def _shown(ps: ParsedSentence, head: int, phrase: set[int], complements: list[int]) -> str:
    tokens = ps.tokens
    lo, hi = surface(tokens, children_of(tokens), head, phrase, complements)
    return ps.sentence.text[tokens[lo].idx : tokens[hi - 1].idx + len(tokens[hi - 1].text)]


def test_commas_on_the_name_do_not_pull_in_what_lies_between_them() -> None:
    ps = parsed(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 6),
            (",", ",", "PUNCT", "punct", 0),
            ("also", "also", "ADV", "advmod", 3),
            ("on", "on", "ADP", "prep", 0),
            ("Twitter", "Twitter", "PROPN", "pobj", 3),
            (",", ",", "PUNCT", "punct", 0),
            ("defended", "defend", "VERB", "ROOT", 6),
        ]
    )
    assert _shown(ps, 0, {0, 1, 5}, []) == "Trump"


def test_an_apposition_between_commas_is_shown_without_the_closing_comma() -> None:
    ps = parsed(
        [
            ("Wang", "Wang", "PROPN", "compound", 1),
            ("Yi", "Yi", "PROPN", "nsubj", 7),
            (",", ",", "PUNCT", "punct", 1),
            ("China", "China", "PROPN", "poss", 5),
            ("'s", "'s", "PART", "case", 3),
            ("minister", "minister", "NOUN", "appos", 1),
            (",", ",", "PUNCT", "punct", 1),
            ("met", "meet", "VERB", "ROOT", 7),
        ]
    )
    assert _shown(ps, 1, {0, 1, 2, 6}, []) == "Wang Yi, China 's minister"  # the helper spaces 's


def test_an_apposition_without_commas_shows_the_name_alone() -> None:
    ps = parsed(
        [
            ("the", "the", "DET", "det", 1),
            ("mayor", "mayor", "NOUN", "nsubj", 6),
            ("Muriel", "Muriel", "PROPN", "compound", 3),
            ("Bowser", "Bowser", "PROPN", "appos", 1),
            ("on", "on", "ADP", "prep", 3),
            ("Twitter", "Twitter", "PROPN", "pobj", 4),
            ("said", "say", "VERB", "ROOT", 6),
        ]
    )
    assert _shown(ps, 1, {0, 1}, []) == "the mayor Muriel Bowser"


def test_complements_and_a_name_ending_in_its_preposition_show_what_they_govern() -> None:
    ps = parsed(
        [
            ("the", "the", "DET", "det", 1),
            ("government", "government", "NOUN", "nsubj", 4),
            ("of", "of", "ADP", "prep", 1),
            ("Burundi", "Burundi", "PROPN", "pobj", 2),
            ("said", "say", "VERB", "ROOT", 4),
        ]
    )
    assert _shown(ps, 1, {0, 1}, [3]) == "the government of Burundi"
    envoy = parsed(
        [
            ("US", "US", "PROPN", "compound", 1),
            ("Ambassador", "Ambassador", "PROPN", "nsubj", 5),
            ("to", "to", "ADP", "prep", 1),
            ("Germany", "Germany", "PROPN", "compound", 4),
            ("Grenell", "Grenell", "PROPN", "pobj", 2),
            ("alleged", "allege", "VERB", "ROOT", 5),
        ]
    )
    # the knowledge-base name "US Ambassador to" brings the preposition into the phrase
    assert _shown(envoy, 1, {0, 1, 2}, []) == "US Ambassador to Germany Grenell"
    assert subtree(children_of(envoy.tokens), 2) == {2, 3, 4}


def test_dashes_and_commas_never_start_or_end_the_text() -> None:
    ps = parsed(
        [
            ("-", "-", "PUNCT", "punct", 2),
            ("German", "german", "ADJ", "amod", 2),
            ("carmaker", "carmaker", "NOUN", "nsubj", 4),
            (",", ",", "PUNCT", "punct", 2),
            ("said", "say", "VERB", "ROOT", 4),
        ]
    )
    assert _shown(ps, 2, {0, 1, 2, 3}, []) == "German carmaker"
