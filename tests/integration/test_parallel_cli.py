"""--workers and resumable ingest, end to end: the real command, model and DuckDB file.

* ``accord code --workers 2`` prints exactly what ``--workers 1`` prints.
* ``accord ingest`` killed with SIGKILL part-way, then run again, leaves exactly the store an
  uninterrupted run leaves: same documents, events (ids and content) and failures, no
  duplicates, and the re-run codes only what the killed run had not committed.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "wikinews" / "articles.jsonl"
COPIES = 3
COMMIT_EVERY = 4
KILL_AFTER = 2 * COMMIT_EVERY + 1
"""Kill once this many documents are done: at least two batches are committed by then."""


def _accord(*args: str) -> list[str]:
    return [sys.executable, "-m", "accord.cli.main", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p
    )
    env["ACCORD_PROGRESS_INTERVAL"] = "0"  # a progress line per document
    return env


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_accord(*args), capture_output=True, text=True, timeout=600, env=_env())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles three times over (distinct ids), plus two unreadable inputs."""
    records = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    d = tmp_path_factory.mktemp("corpus")
    lines: list[str] = []
    for copy in range(COPIES):
        for r in records:
            lines.append(json.dumps({**r, "id": f"c{copy}-{r['id']}"}))
        if copy == 1:
            lines.append(json.dumps({"id": "empty-record", "text": "   "}))
    (d / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (d / "z-empty.txt").write_bytes(b"")
    return d


def _documents(corpus: Path) -> int:
    return sum(1 for _ in (corpus / "news.jsonl").open()) + 1


def test_code_with_two_workers_prints_what_one_worker_prints(corpus: Path) -> None:
    one = run("code", str(corpus), "--workers", "1")
    two = run("code", str(corpus), "--workers", "2")
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    events = [json.loads(line) for line in one.stdout.splitlines()]
    assert len({e["doc_id"] for e in events}) >= COPIES * 6
    assert two.stdout == one.stdout
    # The same failures, reported in the same order, then the run's summary, and nothing
    # else on stderr.
    assert two.stderr.splitlines() == one.stderr.splitlines()
    lines = one.stderr.splitlines()
    assert len(lines) == 3
    assert " documents coded, " in lines[-1] and f" {len(events)} events (" in lines[-1]


def _snapshot(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        events = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        cols = [c[0] for c in con.execute("SELECT * FROM documents LIMIT 0").description]
        keep = ", ".join(c for c in cols if c != "ingested_at")
        docs = con.execute(f"SELECT {keep} FROM documents ORDER BY doc_id").fetchall()
        failures = con.execute(
            "SELECT doc_id, origin, stage, code, message FROM failures ORDER BY doc_id, stage"
        ).fetchall()
        distinct = con.execute("SELECT count(*) = count(DISTINCT event_id) FROM events").fetchone()
    finally:
        con.close()
    assert distinct == (True,)
    return {"events": events, "documents": docs, "failures": failures}


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    out = run("ingest", str(corpus), "--db", str(db), "--commit-every", str(COMMIT_EVERY))
    assert out.returncode == 0, out.stderr
    snap = _snapshot(db)
    assert len(snap["documents"]) == _documents(corpus) - 2
    assert len(snap["failures"]) == 2
    assert snap["events"]
    return snap


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _gone(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return True
    return "\nState:\tZ" in status


_PROGRESS = re.compile(r"^accord: ingesting: (\d+)/(\d+) docs")


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_killed_with_sigkill_resumes_to_the_same_store(
    workers: int, corpus: Path, tmp_path: Path, uninterrupted: dict[str, Any]
) -> None:
    db = tmp_path / "run.duckdb"
    args = [
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--commit-every",
        str(COMMIT_EVERY),
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(
        _accord(*args, "--progress"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stderr is not None
    killed_at = 0
    workers_seen: list[int] = []
    deadline = time.monotonic() + 600
    for line in proc.stderr:
        m = _PROGRESS.match(line)
        if m and int(m.group(1)) >= KILL_AFTER:
            workers_seen = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            killed_at = int(m.group(1))
            break
        assert time.monotonic() < deadline
    proc.wait(timeout=60)
    proc.stderr.close()
    assert killed_at, "the run ended before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    # The killed run kept whole batches only, and not everything.
    partial = _snapshot(db)
    stored = len(partial["documents"])
    assert 2 * COMMIT_EVERY <= stored < len(uninterrupted["documents"])
    stored_ids = {d[0] for d in partial["documents"]}
    assert {e[1] for e in partial["events"]} <= stored_ids  # no event without its document
    ref_events = {e[0]: e for e in uninterrupted["events"]}
    assert all(ref_events[e[0]] == e for e in partial["events"])

    # Worker processes do not outlive their killed parent.
    if workers > 1:
        assert workers_seen
        end = time.monotonic() + 30
        while not all(_gone(pid) for pid in workers_seen) and time.monotonic() < end:
            time.sleep(0.2)
        assert all(_gone(pid) for pid in workers_seen)

    again = run(*args)
    assert again.returncode == 0, again.stderr
    summary = again.stdout.strip().splitlines()[-1]
    expected_new = len(uninterrupted["documents"]) - stored
    assert f"{expected_new} added, 0 replaced, {stored} unchanged" in summary, summary

    assert _snapshot(db) == uninterrupted
