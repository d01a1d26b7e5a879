"""The evaluation gate: scores on the dev gold sets in ../shared/gold must not fall.

Floors live in ``floors.json`` beside this file, with the sha256 of each gold file they
were measured on. Floors only go up: after an improvement, raise them (``accord eval
--json`` prints the new values). Skipped when ../shared is absent.

The PETRARCH mechanics sets are scored twice: with the packaged dictionaries (under their
own names) and with the test dictionaries they were coded with (``floors.json``
``dictionaries``; results named ``<set>_testdicts``, as ``accord eval --dictionaries``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.api import Coder, evaluate_files
from accord.evaluation import check_floors
from accord.pipeline import build_resources

FLOORS = json.loads(Path(__file__).with_name("floors.json").read_text(encoding="utf-8"))
TEST_DICTS = {k: v for k, v in FLOORS["dictionaries"].items() if k != "note"}
SUFFIX = "_testdicts"


@pytest.fixture(scope="module")
def scores(shared_dir: Path, coder: Any) -> dict[str, Any]:
    paths = [shared_dir / "gold" / f"{name}.jsonl" for name in FLOORS["sets"]]
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"gold sets missing: {missing}")
    results, _ = evaluate_files(paths, coder=coder)
    by_folder: dict[str, list[str]] = {}
    for name, folder in TEST_DICTS.items():
        by_folder.setdefault(folder, []).append(name)
    for folder, names in by_folder.items():
        resources = build_resources(
            coder.settings,
            dictionaries=shared_dir / "resources" / folder,
            parser=coder.resources.parser,
        )
        with_dicts, _ = evaluate_files(
            [shared_dir / "gold" / f"{n}.jsonl" for n in names], coder=Coder(resources)
        )
        results.update(
            {f"{n}{SUFFIX}": {**r, "set": f"{n}{SUFFIX}"} for n, r in with_dicts.items()}
        )
    return results


def test_gold_files_are_the_ones_the_floors_were_measured_on(scores: dict[str, Any]) -> None:
    for name, digest in FLOORS["sets"].items():
        assert scores[name]["digest"] == digest, f"{name} changed: re-measure its floors"
        if name in TEST_DICTS:
            assert scores[name + SUFFIX]["digest"] == digest


def test_scores_are_at_or_above_their_floors(scores: dict[str, Any]) -> None:
    problems = check_floors(scores, FLOORS["floors"])
    assert not problems, "\n".join(problems)
