"""The words by which a later sentence may name a person the story already named."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_phrases import entity_name, name_words
from tests.unit.parsing import parsed, with_entities


def test_a_hyphenated_name_is_found_by_its_parts() -> None:
    # spaCy splits "al-Muhandis" into "al", "-", "Muhandis": the head token is "Muhandis"
    assert name_words("Abu Mahdi al-Muhandis") == [
        "abu",
        "mahdi",
        "al-muhandis",
        "muhandis",
    ]
    assert name_words("Jean-Yves Le Drian") == ["jean-yves", "jean", "yves", "le", "drian"]
    assert name_words("") == []


def test_the_person_name_ending_at_a_head_is_the_whole_entity() -> None:
    ps = parsed(
        [
            ("Abu", "Abu", "PROPN", "compound", 4),
            ("Mahdi", "Mahdi", "PROPN", "compound", 4),
            ("al", "al", "PROPN", "compound", 4),
            ("-", "-", "PUNCT", "punct", 4),
            ("Muhandis", "Muhandis", "PROPN", "nsubj", 5),
            ("spoke", "speak", "VERB", "ROOT", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    tokens = list(with_entities(ps, [(0, 5, "PERSON")]))
    for i in (2, 3):  # written "al-Muhandis"
        tokens[i] = dataclasses.replace(tokens[i], whitespace="")
    assert entity_name(tokens, 4) == ("Abu Mahdi al-Muhandis", range(0, 5))
    assert entity_name(tokens, 5) == ("", range(0))  # not a person's name
