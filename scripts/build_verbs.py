"""Convert the PETRARCH2 CAMEO.2.0 verb-pattern dictionary (MIT) into accord's JSON format.

Usage: python scripts/build_verbs.py [SHARED_DIR]

Writes src/accord/data/verbs/cameo_verbs.json and the license NOTICE beside it.
The output keeps every verb form, synonym set and pattern of the source file, and nothing
else, in a structured shape that accord.coding.verbs compiles at load time. accord's own
verb forms, patterns and corrections (accord_verbs.tsv), its review of bare defaults
(defaults_review.tsv) and its frame tables (frame_verbs.tsv, frame_codes.tsv,
action_kinds.tsv) are line-oriented package data beside it, applied by
accord.coding.verbs.VerbDictionary.load.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from accord.coding.petrarch_format import convert_verbs

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "verbs"
VERSION = "cameo-2.0"

SOURCE = "PETRARCH2 CAMEO.2.0.txt (30 April 2015), MIT"


def convert(text: str) -> dict[str, object]:
    """The CAMEO.2.0 file in accord's verb JSON, as it is: accord's own additions and
    corrections are package data applied at load time (accord_verbs.tsv)."""
    return convert_verbs(text, version=VERSION, source=SOURCE)


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    src = shared / "resources" / "petrarch2_dictionaries"
    data = convert((src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_verbs.json").write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    notice = (
        "cameo_verbs.json is converted by scripts/build_verbs.py from the PETRARCH2 CAMEO\n"
        "verb pattern dictionary (CAMEO.2.0.txt, Open Event Data Alliance), used under\n"
        "the MIT License (below). It holds that dictionary's verb forms, synonym sets and\n"
        "patterns as they are.\n\n"
        "The other files of this folder are accord's own, under accord's MIT License:\n"
        "accord_verbs.tsv (verb forms, patterns and code corrections accord adds to\n"
        "CAMEO.2.0), defaults_review.tsv (verbs whose bare default code accord does not\n"
        "apply) and frame_verbs.tsv, frame_codes.tsv, action_kinds.tsv (how framing verbs\n"
        "combine with the action they embed). Each names its sources in its header; the\n"
        "CAMEO codes and their names are from the CAMEO 1.1b3 codebook (Schrodt 2012).\n\n"
        + (src / "LICENSE.petrarch2.MIT.txt").read_text(encoding="utf-8")
    )
    (OUT / "NOTICE").write_text(notice, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
