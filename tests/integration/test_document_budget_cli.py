"""A 4 MB single-token document finishes within its time budget and the batch it is in
completes, with one worker and with two (issue 13, item 1, done-when; Spark:
tests/integration/test_spark.py).

The document is one token of four million letters, dots and plus and minus signs (what the
e-mail pattern used to take hours on). ``accord code`` with ``--document-timeout`` prints
exactly the events of the other documents, and the long one either is coded (its token
dropped as too long: no events) or is a ``timeout`` failure; the run with it takes less
than a budget longer than the run without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.long_token import SIZE, single_token

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "wikinews" / "articles.jsonl"
BUDGET = 20.0
TOKEN_ID = "token.txt"


def _code(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH")) if p)
    command = [sys.executable, "-m", "accord.cli.main", "code", *args]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the example articles, the same folder with the 4 MB token between them)."""
    plain = tmp_path_factory.mktemp("plain")
    lines = ARTICLES.read_text(encoding="utf-8").splitlines(keepends=True)
    (plain / "a.jsonl").write_text("".join(lines[:4]), encoding="utf-8")
    (plain / "z.jsonl").write_text("".join(lines[4:]), encoding="utf-8")
    with_token = tmp_path_factory.mktemp("with-token")
    for name in ("a.jsonl", "z.jsonl"):
        (with_token / name).write_bytes((plain / name).read_bytes())
    (with_token / TOKEN_ID).write_text(single_token() + "\n", encoding="utf-8")
    assert (with_token / TOKEN_ID).stat().st_size == SIZE + 1
    return plain, with_token


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_4mb_single_token_document_finishes_within_its_budget(
    inputs: tuple[Path, Path], workers: str
) -> None:
    plain, with_token = inputs
    options = ("--workers", workers, "--document-timeout", f"{BUDGET:g}")
    base, base_s = _code(str(plain), *options)
    run, run_s = _code(str(with_token), *options)
    assert base.returncode == 0, base.stderr
    assert run.returncode in (0, 3), run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines()]
    assert len({e["doc_id"] for e in events}) >= 6
    assert run.stdout == base.stdout  # every other document coded, exactly as without it
    assert TOKEN_ID not in {e["doc_id"] for e in events}
    summary = run.stderr.splitlines()[-1]
    failures = [line for line in run.stderr.splitlines()[:-1] if TOKEN_ID in line]
    if failures:  # it ran over its budget: a timeout, and nothing else
        assert len(failures) == 1 and "timeout" in failures[0], run.stderr
        assert "1 failures" in summary
    else:  # it was coded: its one token dropped as too long, no events
        assert run.returncode == 0
        assert "9 documents coded" in summary and "0 failures" in summary, summary
    assert run_s - base_s < BUDGET, (run_s, base_s)
