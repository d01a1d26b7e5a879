"""What the eval gate measures, shared by tests/eval/test_eval_gate.py and
scripts/raise_floors.py so that the two can never measure different things.

``floors.json`` names each set with its path under ../shared and the sha256 it was measured
on, the half every set is scored on (``check``), the floors (scores that may only go up), the
ceilings (false-event rates that may only go down), the PETRARCH sets scored again with their
own test dictionaries, and any other input whose digest must not change (the corpus a
document-level gold is coded from).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

FLOORS_PATH = Path(__file__).with_name("floors.json")
SUFFIX = "_testdicts"


def load_gate() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS_PATH.read_text(encoding="utf-8"))
    return data


def dictionary_sets(gate: dict[str, Any]) -> dict[str, str]:
    return {k: v for k, v in gate.get("dictionaries", {}).items() if k != "note"}


def set_paths(shared: Path, gate: dict[str, Any]) -> dict[str, Path]:
    return {name: shared / spec["path"] for name, spec in gate["sets"].items()}


def missing_inputs(shared: Path, gate: dict[str, Any]) -> list[Path]:
    paths = list(set_paths(shared, gate).values())
    paths += [shared / spec["path"] for spec in gate.get("inputs", {}).values()]
    paths += [shared / "resources" / folder for folder in dictionary_sets(gate).values()]
    return [p for p in paths if not p.exists()]


def input_digests(shared: Path, gate: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """name -> (sha256 measured now, sha256 in floors.json) for the extra inputs."""
    out: dict[str, tuple[str, str]] = {}
    for name, spec in gate.get("inputs", {}).items():
        digest = hashlib.sha256((shared / spec["path"]).read_bytes()).hexdigest()
        out[name] = (digest, spec["sha256"])
    return out


def measure(shared: Path, gate: dict[str, Any], coder: Any) -> dict[str, Any]:
    """Every set of the gate scored by ``accord eval``'s library call, on the gate's half;
    the PETRARCH sets again with their test dictionaries (results named ``<set>_testdicts``)."""
    from accord.api import Coder, evaluate_files
    from accord.pipeline import build_resources

    half = gate["half"]
    paths = set_paths(shared, gate)
    results, _ = evaluate_files(list(paths.values()), coder=coder, half=half)
    by_folder: dict[str, list[str]] = {}
    for name, folder in dictionary_sets(gate).items():
        by_folder.setdefault(folder, []).append(name)
    for folder, names in by_folder.items():
        resources = build_resources(
            coder.settings,
            dictionaries=shared / "resources" / folder,
            parser=coder.resources.parser,
        )
        with_dicts, _ = evaluate_files([paths[n] for n in names], coder=Coder(resources), half=half)
        results.update(
            {f"{n}{SUFFIX}": {**r, "set": f"{n}{SUFFIX}"} for n, r in with_dicts.items()}
        )
    return results
