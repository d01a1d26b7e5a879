"""coding.resolve: an actor phrase resolved as the coder resolves sentence actors, on
hand-written parses and the packaged knowledge base (no model)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.coding.kb import ActorKB
from accord.coding.resolve import resolve_phrase
from tests.unit.parsing import parsed


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_the_head_of_the_phrase_names_the_actor(kb: ActorKB) -> None:
    ps = parsed([("Russian", "Russian", "ADJ", "amod", 1), ("police", "police", "NOUN", "ROOT", 1)])
    ref = resolve_phrase(ps.tokens, kb, dt.date(2026, 2, 5))
    assert ref is not None and (ref.code, ref.country, ref.role) == ("RUSCOP", "RUS", "COP")
    assert (ref.start, ref.end) == (0, 2)


def test_a_phrase_parsed_as_a_clause_falls_back_to_its_longest_mention(kb: ActorKB) -> None:
    ps = parsed(
        [
            ("the", "the", "DET", "det", 2),
            ("United", "United", "PROPN", "compound", 2),
            ("Nations", "Nations", "PROPN", "nsubj", 3),
            ("agreed", "agree", "VERB", "ROOT", 3),
        ]
    )
    ref = resolve_phrase(ps.tokens, kb, None)
    assert ref is not None and ref.code.startswith("IGO")


def test_nothing_named_resolves_to_nothing(kb: ActorKB) -> None:
    ps = parsed([("fluffy", "fluffy", "ADJ", "amod", 1), ("kittens", "kitten", "NOUN", "ROOT", 1)])
    assert resolve_phrase(ps.tokens, kb, None) is None
    assert resolve_phrase((), kb, None) is None
