"""The evaluation gate: scores on the dev gold sets in ../shared/gold must not fall.

Floors live in ``floors.json`` beside this file, with the sha256 of each gold file they
were measured on. Floors only go up: after an improvement, raise them (``accord eval
--json`` prints the new values). Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.api import evaluate_files
from accord.evaluation import check_floors

FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(shared_dir: Path, coder: Any) -> dict[str, Any]:
    paths = [shared_dir / "gold" / f"{name}.jsonl" for name in FLOORS["sets"]]
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"gold sets missing: {missing}")
    results, _ = evaluate_files(paths, coder=coder)
    return results


def test_gold_files_are_the_ones_the_floors_were_measured_on(scores: dict[str, Any]) -> None:
    for name, digest in FLOORS["sets"].items():
        assert scores[name]["digest"] == digest, f"{name} changed: re-measure its floors"


def test_scores_are_at_or_above_their_floors(scores: dict[str, Any]) -> None:
    problems = check_floors(scores, FLOORS["floors"])
    assert not problems, "\n".join(problems)
