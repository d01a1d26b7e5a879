"""What a sentence is about (accord.coding.domain): sport words and scores."""

from __future__ import annotations

from accord.coding.domain import sport_sentence
from tests.unit.parsing import parsed


def _sentence(text: str) -> bool:
    words = text.split()
    return sport_sentence(parsed([(w, w.lower(), "X", "dep", 0) for w in words]).tokens)


def test_a_sport_word_or_two_scores_make_a_sentence_about_sport() -> None:
    assert _sentence("Nadal forces a break point")
    assert _sentence("Roddick rallied to beat Enqvist 3-6 7-6 7-5")
    assert _sentence("Roddick won 3 - 6 , 7 - 5")  # scores split into tokens


def test_one_score_or_none_does_not() -> None:
    assert not _sentence("The court upheld the law in a 5-4 ruling")
    assert not _sentence("Thousands rallied in the capital")
