"""coding.commitment: a generic intent (030) is dropped where the commitment it frames is
coded more specifically, whatever steps follow in the rule; wishes and nouns of commitment
commit only when voiced, and what a question asks commits no one (model-free)."""

from __future__ import annotations

import pytest

from accord.coding.commitment import commits, drop_bare_commitments
from accord.coding.patterns import children_of
from accord.model import Evidence
from tests.unit.events import event
from tests.unit.parsing import parsed


@pytest.mark.parametrize("after", ["", "+place:sentence", "+domestic+place:story"])
def test_the_bare_intent_goes_where_the_framed_act_states_it(after: str) -> None:
    # "the Foreign Office decided to ban camera phones": 'ban' coded as the intent (132)
    decided = event(
        "GBRGOV",
        None,
        "030",
        evidence=Evidence("decided", (0, 7), "frame:intent:verb:SELECT:decide" + after),
    )
    ban = event(
        "GBRGOV",
        None,
        "132",
        evidence=Evidence("ban", (11, 14), "verb:PROHIBIT:ban+intent" + after),
    )
    assert drop_bare_commitments([decided, ban], ()) == [ban]


def test_an_intent_with_no_act_coded_from_it_stays() -> None:
    decided = event(
        "GBRGOV", None, "030", evidence=Evidence("decided", (0, 7), "frame:intent:verb:decide")
    )
    assert drop_bare_commitments([decided], ()) == [decided]


def _commits(rows: list[tuple[str, str, str, str, int]], verb: int) -> bool:
    tokens = parsed(rows).tokens
    return commits(tokens, verb, children_of(tokens))


def _wished(lemma: str) -> list[tuple[str, str, str, str, int]]:
    # "Brown wanted to provide aid ." / "Brown planned to provide aid ."
    return [
        ("Brown", "Brown", "PROPN", "nsubj", 1),
        (lemma + "ed", lemma, "VERB", "ROOT", 1),
        ("to", "to", "PART", "aux", 3),
        ("provide", "provide", "VERB", "xcomp", 1),
        ("aid", "aid", "NOUN", "dobj", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]


def test_a_narrated_wish_commits_no_one_but_a_plan_does() -> None:
    # "Mr Brown wanted to provide $10bn" reports a wish nobody voiced; the CAMEO manual's
    # "Greece ... plans to impose restrictions" is coded as the threat it states
    assert not _commits(_wished("want"), 3)
    assert not _commits(_wished("hope"), 3)
    assert _commits(_wished("plan"), 3)


def test_a_wish_the_actor_voices_commits_it() -> None:
    # "Iran said it wants to resume talks ."
    rows = [
        ("Iran", "Iran", "PROPN", "nsubj", 1),
        ("said", "say", "VERB", "ROOT", 1),
        ("it", "it", "PRON", "nsubj", 3),
        ("wants", "want", "VERB", "ccomp", 1),
        ("to", "to", "PART", "aux", 5),
        ("resume", "resume", "VERB", "xcomp", 3),
        ("talks", "talk", "NOUN", "dobj", 5),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert _commits(rows, 5)
    reported = [("Iran", "Iran", "PROPN", "nsubj", 1), ("thought", "think", "VERB", "ROOT", 1)]
    assert not _commits(reported + rows[2:], 5)  # 'Iran thought it wants ...': not voiced


@pytest.mark.parametrize(
    ("verb", "lemma", "voiced"),
    [("expressed", "express", True), ("highlighted", "highlight", False)],
)
def test_a_noun_of_commitment_commits_only_as_what_is_voiced(
    verb: str, lemma: str, voiced: bool
) -> None:
    # "They expressed their willingness to help ." / "Greenspan highlighted the US
    # government's willingness to curb spending": the second voices nobody's intent
    rows = [
        ("They", "they", "PRON", "nsubj", 1),
        (verb, lemma, "VERB", "ROOT", 1),
        ("their", "their", "PRON", "poss", 3),
        ("willingness", "willingness", "NOUN", "dobj", 1),
        ("to", "to", "PART", "aux", 5),
        ("help", "help", "VERB", "acl", 3),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert _commits(rows, 5) is voiced
    # "... highlighted their offer to help": an offer voices itself
    offer = [r if r[0] != "willingness" else ("offer", "offer", "NOUN", "dobj", 1) for r in rows]
    assert _commits(offer, 5)


@pytest.mark.parametrize(("mark", "committed"), [("whether", False), ("that", True)])
def test_what_a_question_asks_commits_no_one(mark: str, committed: bool) -> None:
    # "They doubted whether China would agree to end the war ."
    rows = [
        ("They", "they", "PRON", "nsubj", 1),
        ("doubted", "doubt", "VERB", "ROOT", 1),
        (mark, mark, "SCONJ", "mark", 5),
        ("China", "China", "PROPN", "nsubj", 5),
        ("would", "would", "AUX", "aux", 5),
        ("agree", "agree", "VERB", "ccomp", 1),
        ("to", "to", "PART", "aux", 7),
        ("end", "end", "VERB", "xcomp", 5),
        ("the", "the", "DET", "det", 9),
        ("war", "war", "NOUN", "dobj", 7),
        (".", ".", "PUNCT", "punct", 1),
    ]
    assert _commits(rows, 7) is committed
