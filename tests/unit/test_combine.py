"""One actor from the knowledge-base mentions of one noun phrase."""

from __future__ import annotations

import csv
import io
from importlib import resources

from accord.coding.actor_records import Mention
from accord.coding.combine import RANK, combine
from tests.unit.parsing import Entry

_SERGEANT = Entry("---MIL", None, "MIL", RANK, "agent")


def _code(*entries: Entry) -> str | None:
    found = combine([Mention(i, i + 1, e) for i, e in enumerate(entries)])
    return None if found is None else found.code


def test_a_rank_is_the_role_of_the_body_the_phrase_names() -> None:
    police = Entry("---COP", None, "COP", "police", "agent")
    army = Entry("---MIL", None, "MIL", "military", "agent")
    met = Entry("GBRCOP", "GBR", "COP", "Metropolitan Police", "capital")
    britain = Entry("GBR", "GBR", None, "United Kingdom", "country")
    assert _code(police, _SERGEANT) == "---COP"  # 'a police sergeant'
    assert _code(army, _SERGEANT) == "---MIL"  # 'an army sergeant'
    assert _code(_SERGEANT) == "---MIL"  # 'a sergeant'
    assert _code(met, _SERGEANT) == "GBRCOP"  # 'a Metropolitan Police sergeant'
    assert _code(britain, _SERGEANT) == "GBRMIL"  # 'a British sergeant'


def test_the_rank_row_is_in_the_agents_table() -> None:
    # combine.RANK names a row of data/actors/agents.csv by its name column: a rename there
    # must fail here, not silently make every police sergeant military again
    text = resources.files("accord").joinpath("data", "actors", "agents.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    ranks = [r for r in rows if r["name"] == RANK]
    assert len(ranks) == 1
    assert "sergeant" in ranks[0]["pattern"].split("|") and ranks[0]["role"] == "MIL"


def test_a_nationality_before_a_listed_body_of_another_country_names_that_nations_body() -> None:
    cdc = Entry("USAGOV", "USA", "GOV", "US federal agencies", "group")
    china = Entry("CHN", "CHN", None, "China", "country")
    usa = Entry("USA", "USA", None, "United States", "country")
    assert _code(china, cdc) == "CHNGOV"  # 'the Chinese CDC': China's, not the US agency
    assert _code(usa, cdc) == "USAGOV"  # 'the US CDC'
    assert _code(cdc) == "USAGOV"
    # not adjacent ('China ... the CDC' in one phrase): the listed body stays
    found = combine([Mention(0, 1, china), Mention(3, 4, cdc)])
    assert found is not None and found.code == "USAGOV"
