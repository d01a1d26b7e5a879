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
    ],
)
def test_the_two_word_title_is_read_before_its_last_word(title: str, role: str | None) -> None:
    assert _role(title) == role
