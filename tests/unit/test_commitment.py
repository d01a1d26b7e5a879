"""coding.commitment: a generic intent (030) is dropped where the commitment it frames is
coded more specifically, whatever steps follow in the rule (model-free)."""

from __future__ import annotations

import pytest

from accord.coding.commitment import drop_bare_commitments
from accord.model import Evidence
from tests.unit.events import event


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
