"""Measure the eval gate's sets (check half) and move tests/eval/floors.json the allowed way.

Floors only go up: a floor is set to the measured value rounded down to two decimals, and
only when that is higher than the current floor. Ceilings (false events) only go down: a
ceiling is set to the measured value rounded up to two decimals, and only when that is lower.
Run after improving the coder:

    .venv/bin/python scripts/raise_floors.py [--shared ../shared]

Re-baselining (the measure itself changed: new halves, new metrics, new gold) sets every
floor and ceiling to its measured value, records the digests measured on, and appends the
reason to the file's note; it needs the reason:

    .venv/bin/python scripts/raise_floors.py --rebaseline "why the floors move down"
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.eval.gate import FLOORS_PATH, load_gate, measure  # noqa: E402


def floor_of(value: float) -> float:
    return math.floor(value * 100 + 1e-9) / 100


def ceiling_of(value: float) -> float:
    return math.ceil(value * 100 - 1e-9) / 100


def value_of(results: dict[str, Any], key: str) -> float:
    from accord.evaluation import metric_value

    value, why = metric_value(results, key)
    if value is None:
        raise SystemExit(f"{key}: {why}")
    return value


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rebaseline", metavar="REASON")
    args = parser.parse_args(argv[1:])
    from accord.api import Coder

    gate = load_gate()
    results = measure(args.shared, gate, Coder.load())
    rebase = args.rebaseline is not None
    moved = 0
    for key, floor in sorted(gate["floors"].items()):
        value = value_of(results, key)
        new = floor_of(value)
        mark = ""
        if new > floor or (rebase and new != floor):
            gate["floors"][key] = new
            moved += 1
            mark = f"  -> {new:.2f}"
        sys.stdout.write(f"floor   {key:66} {floor:8.2f}  measured {value:9.3f}{mark}\n")
    for key, ceiling in sorted(gate.get("ceilings", {}).items()):
        value = value_of(results, key)
        new = ceiling_of(value)
        mark = ""
        if new < ceiling or (rebase and new != ceiling):
            gate["ceilings"][key] = new
            moved += 1
            mark = f"  -> {new:.2f}"
        sys.stdout.write(f"ceiling {key:66} {ceiling:8.2f}  measured {value:9.3f}{mark}\n")
    if rebase:
        for name, spec in gate["sets"].items():
            spec["sha256"] = results[name]["digest"]
        for spec in gate.get("inputs", {}).values():
            spec["sha256"] = hashlib.sha256((args.shared / spec["path"]).read_bytes()).hexdigest()
        gate["note"] = f"{gate['note']} Re-baselined ({dt.date.today()}): {args.rebaseline}"
    FLOORS_PATH.write_text(json.dumps(gate, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(f"{moved} floor(s)/ceiling(s) moved\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
