"""coding.nominal: protests told without their crowd, on hand-written parses (no model)."""

from __future__ import annotations

import pytest

from accord.coding.actors import SentenceActors
from accord.coding.nominal import crowd_events
from accord.coding.verbs import children_of
from tests.unit.parsing import parsed

Spec = list[tuple[str, str, str, str, int]]

# "Protests filled the streets ."
FILLED: Spec = [
    ("Protests", "protest", "NOUN", "nsubj", 1),
    ("filled", "fill", "VERB", "ROOT", 1),
    ("the", "the", "DET", "det", 3),
    ("streets", "street", "NOUN", "dobj", 1),
    (".", ".", "PUNCT", "punct", 1),
]


def _at_the(prep: str, noun: str, lemma: str) -> Spec:
    # "<prep> the <noun> , Trump spoke ."
    return [
        (prep, prep.lower(), "ADP", "prep", 5),
        ("the", "the", "DET", "det", 2),
        (noun, lemma, "NOUN", "pobj", 0),
        (",", ",", "PUNCT", "punct", 5),
        ("Trump", "Trump", "PROPN", "nsubj", 5),
        ("spoke", "speak", "VERB", "ROOT", 5),
    ]


def _crowds(spec: Spec) -> list[str]:
    ps = parsed(spec)
    children = children_of(ps.tokens)
    actors = SentenceActors(ps.tokens, [], children, document_country="USA")
    return [ps.tokens[n.noun].text for n in crowd_events(ps.tokens, children, actors, set())]


def test_a_protest_told_as_the_subject_is_an_event_of_its_crowd() -> None:
    assert _crowds(FILLED) == ["Protests"]


@pytest.mark.parametrize(
    ("prep", "noun", "lemma"),
    [
        ("For", "protests", "protest"),  # a stance or an appeal: 'support for the protests'
        ("Despite", "protests", "protest"),
    ],
)
def test_a_protest_named_as_a_stance_is_none(prep: str, noun: str, lemma: str) -> None:
    assert _crowds(_at_the(prep, noun, lemma)) == []


def test_a_rally_named_as_a_venue_took_place() -> None:
    # "speakers at the rally": the rally happened (a campaign rally is not told apart)
    assert _crowds(_at_the("At", "rally", "rally")) == ["rally"]
