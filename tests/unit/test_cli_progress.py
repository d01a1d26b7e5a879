"""The progress display's document count and its plain-line mode (no terminal)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from accord.cli.progress import Reporter, count_documents, reporter


def test_count_documents_counts_files_and_jsonl_records(tmp_path: Path) -> None:
    d = tmp_path / "news"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("a", encoding="utf-8")
    (d / "sub" / "b.html").write_text("<p>b</p>", encoding="utf-8")
    (d / "notes.md").write_text("skipped by the reader", encoding="utf-8")
    (d / ".hidden.txt").write_text("skipped too", encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}', encoding="utf-8")
    assert count_documents([str(d)]) == 2
    assert count_documents([str(d), str(dump)]) == 5
    assert count_documents([str(d), str(dump)], limit=3) == 3
    assert count_documents([str(d)], limit=10) == 2
    assert count_documents([str(tmp_path / "missing.txt")]) == 1


def test_count_documents_is_unknown_for_stdin_and_gzip(tmp_path: Path) -> None:
    packed = tmp_path / "dump.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as f:
        f.write('{"text": "x"}\n')
    assert count_documents(["-"]) is None
    assert count_documents([str(packed)]) is None
    assert count_documents([str(packed)], limit=7) == 7


def test_plain_progress_lines_when_stderr_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with reporter(True, "ingesting", 4) as bar:
        bar.advance(1)
        bar.advance(2, 1)
        bar.echo_err("accord: x: ingest failed (empty): input is empty")
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    assert lines[0] == "accord: x: ingest failed (empty): input is empty"
    assert lines[-1].startswith("accord: ingesting: 3/4 docs, ")
    assert ", 1 failed, " in lines[-1]


def test_no_progress_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with reporter(False, "coding", None) as bar:
        bar.advance(5)
    assert isinstance(bar, Reporter)
    assert capsys.readouterr().err == ""
