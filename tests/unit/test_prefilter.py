"""The word-level sentence pre-filter, with a tiny knowledge base (no model)."""

from __future__ import annotations

import datetime as dt

from accord.coding.kb import ActorKB, tokenize
from accord.coding.prefilter import select_sentences

CSV = """pattern,code,country,role,name,kind,start,end
Freedonia|Freedonian,FRE,FRE,,Freedonia,country,,
Rufus T. Firefly|Firefly,FREGOV,FRE,GOV,Rufus T. Firefly,person,,
rebels,---REB,,REB,rebels,agent,,
people,---CVL,,CVL,people,agent,,
"""


def _kb() -> ActorKB:
    return ActorKB.from_sources([("test.csv", "actors", CSV, False)], "test")


def _select(sentences: list[str], *, dateline: bool = False) -> list[bool]:
    return select_sentences(
        [tokenize(s) for s in sentences],
        sentences,
        _kb(),
        publication=dt.date(2026, 2, 5),
        has_dateline_place=dateline,
    )


def test_sentences_without_actors_are_skipped() -> None:
    assert _select(["The weather was mild.", "Freedonia closed its border."]) == [False, True]


def test_pronouns_named_groups_and_dates_are_kept() -> None:
    got = _select(
        [
            "He complained loudly.",
            "The rebels attacked a convoy.",
            "Nothing happened on Wednesday.",
            "Nothing happened at all.",
        ]
    )
    assert got == [True, True, True, False]


def test_a_name_met_earlier_is_kept() -> None:
    got = _select(
        ["Freedonia welcomed Groucho Marx today .", "Marx left early .", "Harpo left early ."]
    )
    assert got == [True, True, False]


def test_a_dateline_or_a_place_may_lend_a_country() -> None:
    assert _select(["Many people were killed."]) == [False]
    assert _select(["Many people were killed."], dateline=True) == [True]
    assert _select(["Many people were killed in Sylvania."]) == [True]
