"""The README's shell examples run as written (issue 12, item 7), so they stay true; so do
those of the analysis tutorial, docs/analysis.md.

Every line of their ``sh`` blocks is run with bash, in their order, in one folder
that holds what the examples name: ``article.txt``, ``pages/``, ``news/``, ``dump.jsonl``,
``dump.jsonl.gz`` (from the bundled Wikinews examples) and ``accord.duckdb`` (the analysis
fixture store, ``scripts/fixture_store.py``), with ``.venv`` linked to the running one. A
line must exit 0. Lines that cannot run here say why in their comment ("needs ../shared",
"needs Spark", "runs until stopped") and are only listed; ``make`` and ``pip install`` lines
are the set-up, not examples.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scripts.fixture_store import build_fixture_store

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = (README, ROOT / "docs" / "analysis.md")
SETUP = ("make ", "pip install ")
CANNOT_RUN = ("needs ", "runs until stopped")


def _split(line: str) -> tuple[str, str]:
    """(command, trailing comment) of one shell line (no '#' in the commands used)."""
    m = re.match(r"^(.*?)\s+#\s*(.*)$", line)
    return (m.group(1).strip(), m.group(2)) if m else (line.strip(), "")


def shell_lines(path: Path) -> list[tuple[str, str]]:
    """(command, comment) of every line of the ``sh`` blocks of ``path``."""
    lines: list[tuple[str, str]] = []
    inside = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("```"):
            inside = raw.strip() == "```sh"
            continue
        if inside and raw.strip() and not raw.strip().startswith("#"):
            lines.append(_split(raw))
    return lines


LINES = [line for doc in DOCS for line in shell_lines(doc)]
RUN = [cmd for cmd, note in LINES if not cmd.startswith(SETUP) and not any(
    m in note for m in CANNOT_RUN)]  # fmt: skip


def test_the_readme_has_examples_and_marks_the_ones_not_run() -> None:
    assert len(RUN) >= 35
    marked = [cmd for cmd, note in LINES if any(m in note for m in CANNOT_RUN)]
    assert any("../shared" in cmd for cmd in marked)
    # every line that is not run is set-up or says why
    for cmd, note in LINES:
        assert cmd in RUN or cmd.startswith(SETUP) or any(m in note for m in CANNOT_RUN), cmd


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("readme")
    (ws / ".venv").symlink_to(Path(sys.executable).parent.parent)  # the running venv
    (ws / "scripts").symlink_to(ROOT / "scripts")
    articles = [
        json.loads(line)
        for line in (ROOT / "examples" / "wikinews" / "articles.jsonl").read_text().splitlines()
        if line.strip()
    ][:4]
    (ws / "article.txt").write_text(articles[0]["text"], encoding="utf-8")
    (ws / "news").mkdir()
    for i, a in enumerate(articles[:2]):
        (ws / "news" / f"{i}.txt").write_text(a["text"], encoding="utf-8")
    (ws / "pages").mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "ingest" / "article.html", ws / "pages")
    dump = "".join(json.dumps(a) + "\n" for a in articles[1:3])
    (ws / "dump.jsonl").write_text(dump, encoding="utf-8")
    with gzip.open(ws / "dump.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(dump)
    build_fixture_store(ws / "accord.duckdb")
    return ws


@pytest.mark.parametrize("command", RUN)
def test_readme_example_runs(command: str, workspace: Path) -> None:
    env = dict(os.environ, PATH=f"{workspace / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}")
    env.pop("ACCORD_PROGRESS_INTERVAL", None)
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{command}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr
