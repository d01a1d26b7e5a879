"""Convert the PETRARCH2 CAMEO.2.0 verb-pattern dictionary (MIT) into accord's JSON format.

Usage: python scripts/build_verbs.py [SHARED_DIR]

Writes src/accord/data/verbs/cameo_verbs.json and the license NOTICE beside it.
The output keeps every verb form, synonym set and pattern of the source file in a
structured shape that accord.coding.verbs compiles at load time.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "data" / "verbs"
VERSION = "cameo-2.0+accord.1"

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


def _code_pair(raw: str) -> tuple[str | None, str | None]:
    raw = raw.strip()
    if raw in ("", "---"):
        return None, None
    if ":" in raw:
        a, b = raw.split(":", 1)
        return (a.strip() or None), (b.strip() or None)
    return raw, None


def _words(form: str) -> list[str]:
    return [w.lower() for w in form.strip("+").strip("_").split("_") if w]


def convert(text: str) -> dict[str, object]:
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS"))
    synsets: dict[str, list[list[str]]] = {}
    current: str | None = None
    for ln in lines[:start]:
        s = ln.split("#", 1)[0].rstrip()
        if s.startswith("&"):
            current = s[1:].strip()
            synsets[current] = []
        elif s.startswith("+") and current:
            synsets[current].append(_words(s))
    blocks: list[dict[str, object]] = []
    block: dict[str, object] | None = None
    for number, ln in enumerate(lines[start:end], start=start + 1):
        if not ln.strip() or ln.startswith("#"):
            continue
        header = _HEADER.match(ln)
        if header:
            code, code2 = _code_pair(header.group(2))
            block = {
                "name": header.group(1),
                "code": code,
                "code2": code2,
                "verbs": [],
                "patterns": [],
            }
            blocks.append(block)
            continue
        if block is None:
            continue
        body, _, comment = ln.partition("#")
        if ln.startswith("-"):
            m = _CODE.search(body)
            if not m:
                continue
            code, code2 = _code_pair(m.group(1))
            tokens = body[1 : m.start()].replace("(", " ( ").replace(")", " ) ")
            tokens = tokens.replace("{", " { ").replace("}", " } ").split()
            if "*" not in tokens:
                continue
            star = tokens.index("*")
            verbs = [v.strip().lower() for v in comment.split(",") if v.strip()]
            patterns = block["patterns"]
            assert isinstance(patterns, list)
            patterns.append(
                {
                    "pre": tokens[:star],
                    "post": tokens[star + 1 :],
                    "code": code,
                    "code2": code2,
                    "verbs": [v.replace("_", " ") for v in verbs],
                    "line": number,
                }
            )
            continue
        form = body.split("{", 1)[0]
        m = _CODE.search(body)
        if m:
            form = body[: m.start()].split("{", 1)[0]
        words = _words(form.strip())
        if not words:
            continue
        code, code2 = _code_pair(m.group(1)) if m else (None, None)
        explicit_none = bool(m and m.group(1).strip() == "---")
        verbs = block["verbs"]
        assert isinstance(verbs, list)
        verbs.append({"words": words, "code": code, "code2": code2, "no_code": explicit_none})
    return {
        "version": VERSION,
        "source": "PETRARCH2 CAMEO.2.0.txt (30 April 2015), MIT",
        "synsets": synsets,
        "blocks": blocks,
    }


# Verb forms the CAMEO.2.0 dictionary lacks, added by accord: (block, words, code or None).
ADDITIONS: tuple[tuple[str, list[str], str | None], ...] = (
    ("APPEAL", ["urge"], None),
    ("APPEAL", ["call", "on"], None),
    ("APPEAL", ["call", "upon"], None),
    ("BLACKLIST", ["sanction"], "163"),
)


def add_accord_forms(data: dict[str, object]) -> None:
    blocks = data["blocks"]
    assert isinstance(blocks, list)
    by_name = {b["name"]: b for b in blocks}
    for block, words, code in ADDITIONS:
        target = by_name[block]
        target["verbs"].append(
            {"words": words, "code": code, "code2": None, "no_code": False, "added": True}
        )


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared"
    src = shared / "resources" / "petrarch2_dictionaries"
    data = convert((src / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace"))
    add_accord_forms(data)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo_verbs.json").write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    notice = (
        "cameo_verbs.json is converted by scripts/build_verbs.py from the PETRARCH2 CAMEO\n"
        "verb pattern dictionary (CAMEO.2.0.txt, Open Event Data Alliance), used under\n"
        "the MIT License:\n\n" + (src / "LICENSE.petrarch2.MIT.txt").read_text(encoding="utf-8")
    )
    (OUT / "NOTICE").write_text(notice, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
