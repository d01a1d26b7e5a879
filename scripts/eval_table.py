"""Turn `accord eval --json FILE` output into the README's Markdown score table, one row per
set, each with the command that reproduces it.

Usage: python scripts/eval_table.py [--dictionaries DIR] scores.json [more.json ...]

``--dictionaries`` says the scores were measured with that PETRARCH dictionary folder (it is
added to each row's command).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# set name -> (label, [(metric key, column label)]); ratio metrics print to three places,
# counts (``#``) as whole numbers
ROWS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "plover_examples_dev": (
        "PLOVER dev examples: whole dyad (source, target country, PLOVER type)",
        [
            ("dyad_type_precision", "P"),
            ("dyad_type_recall", "R"),
            ("dyad_type_f1", "F1"),
            ("plover_f1", "(source country, type) F1"),
        ],
    ),
    "cameo_codebook_examples": (
        "CAMEO codebook examples: root, every false event counted",
        [
            ("dyad_type_precision", "P"),
            ("dyad_type_recall", "R"),
            ("dyad_type_f1", "F1"),
            ("root_exact", "records exactly right"),
        ],
    ),
    "petrarch2_unittest_realnames": (
        "PETRARCH2 mechanics, real names: whole dyad (root)",
        [("dyad_type_precision", "P"), ("dyad_type_recall", "R"), ("passed", "passed")],
    ),
    "udpetrarch_validate_2_02_realnames": (
        "UD-PETRARCH validation, real names: whole dyad (root)",
        [("dyad_type_precision", "P"), ("dyad_type_recall", "R"), ("passed", "passed")],
    ),
    "petrarch2_unittest_fictional": (
        "PETRARCH2 mechanics, fictional countries: whole dyad (root)",
        [("dyad_type_precision", "P"), ("dyad_type_recall", "R"), ("passed", "passed")],
    ),
    "udpetrarch_validate_2_02_fictional": (
        "UD-PETRARCH validation, fictional countries: whole dyad (root)",
        [("dyad_type_precision", "P"), ("dyad_type_recall", "R"), ("passed", "passed")],
    ),
    "ngec_actor_resolution_tests": (
        "NGEC actor resolution, through the coder's own resolution",
        [("country_accuracy", "country"), ("role_accuracy", "role")],
    ),
    "ngec_synthetic_events_silver": (
        "NGEC synthetic stories, SILVER labels (document PLOVER type)",
        [("plover_doc_accuracy", "accuracy")],
    ),
    "wikinews_docgold_dev": (
        "Wikinews articles, document-level gold (whole articles coded)",
        [
            ("required_recall", "required found"),
            ("forbidden_per_100_docs", "forbidden hits per 100 articles"),
            ("nonpolitical_events_per_doc", "events per non-political article"),
            ("geo_country_right", "found and placed in the right country"),
            ("geo_place_right", "in the right place"),
        ],
    ),
    "bbc_news": (
        "BBC sport, entertainment, tech (no politics): false events",
        [("events_per_1000_words", "per 1,000 words"), ("violent_events#", "violent (18-20)")],
    ),
}


def _cell(metrics: dict[str, Any], key: str) -> str:
    count = key.endswith("#")
    value = metrics.get(key.rstrip("#"))
    if value is None:
        return "n/a"
    return str(round(value)) if count else f"{value:.3f}"


def _scored(report: dict[str, Any]) -> int:
    return int(report["records"]) - int(report.get("other_half", 0)) - int(report["not_evaluated"])


def _command(report: dict[str, Any], dictionaries: str | None) -> str:
    parts = ["accord eval", report["path"]]
    if report.get("half"):
        parts.append(f"--half {report['half']}")
    if dictionaries:
        parts.append(f"--dictionaries {dictionaries}")
    return "`" + " ".join(parts) + "`"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dictionaries")
    parser.add_argument("scores", nargs="+")
    args = parser.parse_args(argv[1:])
    scores: dict[str, Any] = {}
    for path in args.scores:
        scores.update(json.loads(Path(path).read_text(encoding="utf-8")))
    print("| set | scored | scores | command |")
    print("|---|---|---|---|")
    for name, (label, metrics) in ROWS.items():
        if name not in scores:
            continue
        report = scores[name]
        m = report["metrics"]
        cells = ", ".join(f"{col} {_cell(m, key)}" for key, col in metrics)
        print(f"| {label} | {_scored(report)} | {cells} | {_command(report, args.dictionaries)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
