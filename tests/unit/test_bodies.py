"""Office titles (accord.coding.bodies.title_role)."""

from __future__ import annotations

import pytest

from accord.coding.bodies import title_role
from tests.unit.parsing import parsed


def _role(title: str) -> str | None:
    words = title.split()
    tokens = parsed([(w, w.lower(), "PROPN", "compound", len(words)) for w in words]).tokens
    return title_role(tokens, 0, len(words))


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Attorney General", "JUD"),  # a law officer, not a general (MIL)
        ("Solicitor General", "JUD"),
        ("Inspector General", "GOV"),
        ("General", "MIL"),
        ("Major General", "MIL"),
        ("Prime Minister", "GOV"),
        ("former Prime Minister", None),
        ("Secretary of State", "GOV"),  # three words
        ("U.S. Defense Secretary", "GOV"),
        ("Foreign Secretary", "GOV"),
        ("General Secretary", "MIL"),  # no secretary alone: the general reads first
        ("Secretary", None),
    ],
)
def test_the_two_word_title_is_read_before_its_last_word(title: str, role: str | None) -> None:
    assert _role(title) == role


@pytest.mark.parametrize(
    ("words", "former"),
    [
        ("Former Cabinet minister", True),
        ("the former President", True),
        ("ex-President", True),
        ("the late King", True),
        ("former presidential candidate Senator", False),  # a past candidacy, a present office
        ("Former US presidential candidate", False),
        ("the Prime Minister", False),
    ],
)
def test_a_former_office_is_a_past_word_right_before_a_title(words: str, former: bool) -> None:
    from accord.coding.bodies import former_office

    assert former_office(words.split()) is former
