"""Document ids end to end (issue 13, item 2): ``accord code a b`` and ``accord ingest a b``
with a file name in both folders, and a repeated id in a JSON-lines input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.store import EventStore

ARTICLE_A = "Russian police arrested Pakistani students in Moscow on Tuesday.\n"
ARTICLE_B = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def two(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text(ARTICLE_A, encoding="utf-8")
    (b / "x.txt").write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def test_code_of_two_folders_prints_two_ids(two: tuple[Path, Path]) -> None:
    a, b = two
    out = run("code", str(a), str(b), "--date", "2026-02-05")
    assert out.returncode == 0, out.stderr
    ids = {json.loads(line)["doc_id"] for line in out.stdout.splitlines()}
    assert ids == {"a/x.txt", "b/x.txt"}


def test_ingest_of_two_folders_keeps_two_documents(two: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = two
    db = tmp_path / "events.duckdb"
    first = run("ingest", str(a), str(b), "--db", str(db), "--date", "2026-02-05")
    assert first.returncode == 0, first.stderr
    assert "2 added, 0 replaced, 0 unchanged" in first.stdout
    again = run("ingest", str(a), str(b), "--db", str(db), "--date", "2026-02-05")
    assert "0 added, 0 replaced, 2 unchanged" in again.stdout
    with EventStore.open(db, read_only=True) as store:
        assert sorted(d.doc_id for d in store.documents()) == ["a/x.txt", "b/x.txt"]


def test_a_repeated_id_is_reported_and_never_flips(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    lines = [{"id": "u", "text": ARTICLE_A}, {"id": "u", "text": ARTICLE_B}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    db = tmp_path / "events.duckdb"
    for n in range(3):
        out = run("ingest", str(path), "--db", str(db), "--date", "2026-02-05")
        assert out.returncode == 0, out.stderr
        assert f"accord: {path}:2: skipped: repeated id 'u' (first read from {path}:1" in (
            out.stderr
        )
        assert "1 skipped (repeated id)" in out.stdout
        assert ("1 added, 0 replaced" if n == 0 else "0 added, 0 replaced") in out.stdout
        with EventStore.open(db, read_only=True) as store:
            events = list(store.iter_events())
            assert events and {e.doc_id for e in events} == {"u"}
            assert all("Moscow" in e.sentence or "police" in e.sentence for e in events)
