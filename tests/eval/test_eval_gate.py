"""The evaluation gate: scores on ../shared's dev sets must not fall, false events must not rise.

``floors.json`` beside this file names every set (gold files, the document-level gold and
the BBC news corpus) with the sha256 it was measured on; every set is scored on its
**check** half (tune on the other half). Floors only go up, ceilings (false events per
1,000 words of non-political news, violent events there, forbidden hits and events in
non-political Wikinews articles) only go down: after an improvement
``scripts/raise_floors.py`` re-measures and moves them. The PETRARCH mechanics sets are
scored twice: with the packaged dictionaries and with their own test dictionaries
(``<set>_testdicts``, as ``accord eval --dictionaries``).

Skipped when ../shared is absent; when it is present, a set the gate cannot score fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.evaluation import check_ceilings, check_floors
from tests.eval.gate import (
    SUFFIX,
    dictionary_sets,
    input_digests,
    load_gate,
    measure,
    missing_inputs,
)

GATE = load_gate()


@pytest.fixture(scope="module")
def scores(shared_dir: Path, coder: Any) -> dict[str, Any]:
    missing = missing_inputs(shared_dir, GATE)
    if missing:
        pytest.fail(f"../shared is present but the gate cannot run without: {missing}")
    return measure(shared_dir, GATE, coder)


def test_every_set_is_scored_on_the_check_half(scores: dict[str, Any]) -> None:
    assert GATE["half"] == "check"
    for name in GATE["sets"]:
        assert scores[name]["half"] == "check", name
        assert scores[name]["other_half"] > 0, name


def test_inputs_are_the_ones_the_floors_were_measured_on(
    shared_dir: Path, scores: dict[str, Any]
) -> None:
    for name, spec in GATE["sets"].items():
        assert scores[name]["digest"] == spec["sha256"], f"{name} changed: re-measure its floors"
        if name in dictionary_sets(GATE):
            assert scores[name + SUFFIX]["digest"] == spec["sha256"]
    for name, (now, then) in input_digests(shared_dir, GATE).items():
        assert now == then, f"{name} changed: re-measure the floors that depend on it"


def test_every_set_is_held(scores: dict[str, Any]) -> None:
    held = {k.split(".")[0] for k in (*GATE["floors"], *GATE.get("ceilings", {}))}
    assert set(scores) <= held, f"sets without a floor or ceiling: {set(scores) - held}"


def test_scores_are_at_or_above_their_floors(scores: dict[str, Any]) -> None:
    problems = check_floors(scores, GATE["floors"])
    assert not problems, "\n".join(problems)


def test_false_events_are_at_or_below_their_ceilings(scores: dict[str, Any]) -> None:
    assert GATE.get("ceilings"), "the gate holds no false-event ceiling"
    problems = check_ceilings(scores, GATE["ceilings"])
    assert not problems, "\n".join(problems)
