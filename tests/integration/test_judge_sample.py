"""scripts/judge_sample.py end to end on a two-article corpus: draw a sheet, tally it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "judge_sample.py"


def test_draw_then_tally(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    rows = [
        {"id": "n1", "title": "Talks", "date": "2019-03-01", "url": "https://example.org/n1",
         "text": "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow "
                 "on Thursday. Russian police arrested Pakistani students on Friday."},
        {"id": "n2", "title": "Arrests", "date": "2019-03-02", "url": "https://example.org/n2",
         "text": "French police detained German protesters in Paris on Monday."},
    ]  # fmt: skip
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    sheet = tmp_path / "sheet.md"
    drawn = subprocess.run(
        [sys.executable, str(SCRIPT), "draw", "--n", "2", "--seed", "5", "--half", "all",
         "--corpus", str(corpus), "--out", str(sheet)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
    text = sheet.read_text(encoding="utf-8")
    assert "### 1. " in text and "### 2. " in text
    # text from a corpus other than Wikinews is not labelled with Wikinews's licence
    assert "CC BY 2.5" not in text and "from news.jsonl, under that corpus's own" in text
    assert "--half all --corpus news.jsonl`" in text
    assert "https://example.org/n" in text
    answers = {"real": "yes", "source_ok": "yes", "target_ok": "yes", "code_ok": "exact",
               "date_ok": "yes"}  # fmt: skip
    for field, value in answers.items():
        text = text.replace(f"- {field}: \n", f"- {field}: {value}\n", 1)
    sheet.write_text(text, encoding="utf-8")
    counted = subprocess.run(
        [sys.executable, str(SCRIPT), "tally", str(sheet)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert counted.returncode == 0, counted.stderr
    assert "items 2, judged in full 1" in counted.stdout
    assert "fully correct: 1/1 = 1.000" in counted.stdout
