"""Which sources are bodies whose formal acts are placed in their country (names_body)."""

from __future__ import annotations

import dataclasses

from accord.coding.actor_records import ActorRef, names_body
from tests.unit.parsing import parsed


def _tokens(words: list[tuple[str, str, str]]) -> tuple:  # (text, tag, ent)
    ps = parsed([(w, w.lower(), "PROPN", "nsubj", len(words) - 1) for w, _, _ in words])
    return tuple(
        dataclasses.replace(t, tag=tag, ent_type=ent)
        for t, (_, tag, ent) in zip(ps.tokens, words, strict=True)
    )


def test_a_house_is_a_body_its_members_are_not() -> None:
    house = _tokens([("the", "DT", ""), ("House", "NNP", "ORG")])
    ref = ActorRef(1, 0, 2, "USALEG", "USA", "LEG", None, "group")
    assert names_body(ref, house)
    mps = _tokens([("MPs", "NNS", "")])
    assert not names_body(ActorRef(0, 0, 1, "GBRLEG", "GBR", "LEG", None, "agent"), mps)
    one = _tokens([("a", "DT", ""), ("Conservative", "NNP", "NORP"), ("MP", "NNP", "")])
    assert not names_body(ActorRef(2, 0, 3, "GBRLEG", "GBR", "LEG", None, "agent"), one)
    senator = _tokens([("Senator", "NNP", ""), ("Sanders", "NNP", "PERSON")])
    assert not names_body(ActorRef(1, 0, 2, "USALEG", "USA", "LEG", None, "country"), senator)
