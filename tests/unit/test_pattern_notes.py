"""How a dictionary pattern's note names the verbs it was written for (patterns.py)."""

from __future__ import annotations

from accord.coding.patterns import noted_verbs


def test_a_note_names_the_blocks_verb_in_any_form() -> None:
    block = {"throw", "cast", "hurl", "call off"}
    assert list(noted_verbs(["threw"], block)) == ["throw"]  # irregular past
    assert list(noted_verbs(["thrown"], block)) == ["throw"]
    assert list(noted_verbs(["hurled"], block)) == ["hurl"]  # regular past
    assert list(noted_verbs(["called off"], block)) == ["call off"]


def test_a_note_naming_no_verb_of_the_block_is_kept_as_written() -> None:
    # '* SUPPORT [022] # URGE' in DEMAND: the pattern still counts as another verb's
    assert list(noted_verbs(["urge"], {"demand", "press"})) == ["urge"]
