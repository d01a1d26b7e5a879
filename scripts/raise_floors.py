"""Measure the eval gate's scores and raise tests/eval/floors.json where they went up.

Floors only go up: a floor is set to the measured value rounded down to two decimals,
and only when that is higher than the current floor. Run after improving the coder:

    .venv/bin/python scripts/raise_floors.py [../shared]
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "eval" / "floors.json"
SUFFIX = "_testdicts"


def measure(shared: Path, floors: dict[str, Any]) -> dict[str, Any]:
    from accord.api import Coder, evaluate_files
    from accord.pipeline import build_resources

    coder = Coder.load()
    paths = [shared / "gold" / f"{name}.jsonl" for name in floors["sets"]]
    results, _ = evaluate_files(paths, coder=coder)
    test_dicts = {k: v for k, v in floors["dictionaries"].items() if k != "note"}
    for name, folder in test_dicts.items():
        resources = build_resources(
            coder.settings,
            dictionaries=shared / "resources" / folder,
            parser=coder.resources.parser,
        )
        with_dicts, _ = evaluate_files([shared / "gold" / f"{name}.jsonl"], coder=Coder(resources))
        results.update({f"{n}{SUFFIX}": r for n, r in with_dicts.items()})
    return results


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    results = measure(shared, data)
    changed = 0
    for key, floor in sorted(data["floors"].items()):
        set_name = max((s for s in results if key.startswith(f"{s}.")), key=len)
        value = results[set_name]["metrics"][key[len(set_name) + 1 :]]
        new = math.floor(float(value) * 100) / 100
        mark = ""
        if new > floor:
            data["floors"][key] = new
            changed += 1
            mark = "  raised"
        sys.stdout.write(f"{key:60} floor {floor:.2f}  measured {value:.3f}{mark}\n")
    FLOORS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(f"{changed} floor(s) raised\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
