"""Turn `accord eval --json FILE` output into the README's Markdown score table.

Usage: python scripts/eval_table.py scores.json [more.json ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# set name -> (label, [(metric key, column label)])
ROWS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "plover_examples_dev": (
        "PLOVER dev examples (source country + PLOVER type)",
        [("plover_precision", "P"), ("plover_recall", "R"), ("plover_f1", "F1")],
    ),
    "cameo_codebook_examples": (
        "CAMEO codebook examples (root code)",
        [("root_precision", "P"), ("root_recall", "R"), ("root_accuracy", "accuracy")],
    ),
    "petrarch2_unittest_realnames": (
        "PETRARCH2 mechanics, real names (records passed)",
        [("dyad_root_precision", "P"), ("dyad_root_recall", "R"), ("passed", "passed")],
    ),
    "udpetrarch_validate_2_02_realnames": (
        "UD-PETRARCH validation, real names (records passed)",
        [("dyad_root_precision", "P"), ("dyad_root_recall", "R"), ("passed", "passed")],
    ),
    "petrarch2_unittest_fictional": (
        "PETRARCH2 mechanics, fictional countries (records passed)",
        [("dyad_root_precision", "P"), ("dyad_root_recall", "R"), ("passed", "passed")],
    ),
    "udpetrarch_validate_2_02_fictional": (
        "UD-PETRARCH validation, fictional countries (records passed)",
        [("dyad_root_precision", "P"), ("dyad_root_recall", "R"), ("passed", "passed")],
    ),
    "ngec_actor_resolution_tests": (
        "NGEC actor resolution (country / role accuracy)",
        [("country_accuracy", "country"), ("role_accuracy", "role")],
    ),
    "ngec_synthetic_events_silver": (
        "NGEC synthetic stories, SILVER labels (document PLOVER type)",
        [("plover_doc_accuracy", "accuracy")],
    ),
}


def _fmt(v: Any) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def main(argv: list[str]) -> int:
    scores: dict[str, Any] = {}
    for path in argv[1:]:
        scores.update(json.loads(Path(path).read_text(encoding="utf-8")))
    print("| gold set | records | scores |")
    print("|---|---|---|")
    for name, (label, metrics) in ROWS.items():
        if name not in scores:
            continue
        m = scores[name]["metrics"]
        cells = ", ".join(f"{col} {_fmt(m.get(key))}" for key, col in metrics)
        print(f"| {label} | {scores[name].get('records', '')} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
