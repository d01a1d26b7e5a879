"""``accord export`` and ``accord events`` from the command line (issue 12, items 5 and 6):
the --format choices are the writer registry's, the new filters reach the query, an
unknown code is a usage error (exit 2), and --since takes YYYY and YYYY-MM."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from accord.cli.main import cli
from accord.formats import STREAM_FORMATS, WRITERS
from accord.store import EventStore
from tests.unit.test_exports import BARE, DOC, EVENTS, ev
from tests.unit.test_query_filters import EVENTS as ACTOR_EVENTS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from accord.model import DocResult, Document

    path = tmp_path_factory.mktemp("cli") / "e.duckdb"
    with EventStore.open(path) as s:
        s.write(
            [
                DocResult(DOC, events=EVENTS, content_hash="h1"),
                DocResult(BARE, events=(ev(0, None, doc_id="doc-2"),), content_hash="h2"),
                DocResult(Document(id="doc", text="t"), events=ACTOR_EVENTS, content_hash="h3"),
            ]
        )
    yield str(path)


def _choices(command: str) -> tuple[str, ...]:
    cmd = cli.commands[command]
    (fmt,) = [p for p in cmd.params if p.name == "fmt"]
    assert isinstance(fmt.type, click.Choice)
    return tuple(str(c) for c in fmt.type.choices)


def test_format_choices_come_from_the_registry() -> None:
    assert _choices("export") == tuple(WRITERS)
    assert _choices("code") == STREAM_FORMATS
    assert _choices("events") == ("table", *STREAM_FORMATS)


def test_export_gdelt_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    done = run("export", "--db", db, "--format", "gdelt", "--doc", "doc-1", "-o", str(out))
    assert done.returncode == 0, done.stderr
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert len(rows) == len(EVENTS) and all(len(r) == 61 for r in rows)
    assert {r[-1] for r in rows} == {DOC.url}
    assert all(len(r[-2]) == 14 for r in rows)  # DATEADDED
    assert f"{len(EVENTS)} events written" in done.stderr


def test_export_plover_and_parquet(db: str, tmp_path: Path) -> None:
    done = run("export", "--db", db, "--format", "plover", "--plover", "accuse", "--doc", "doc-1")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == len(EVENTS) and {r["event"][0] for r in records} == {"ACCUSE"}
    done = run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "pq" / "events" / "event_date=2024-03-05").is_dir()
    assert run("export", "--db", db, "--format", "parquet").returncode == 2  # no folder


@pytest.mark.parametrize("cmd", ["events", "export"])
def test_new_filters(cmd: str, db: str) -> None:
    def ids(*args: str) -> set[str]:
        done = run(cmd, "--db", db, "--format", "json", *args)
        assert done.returncode == 0, done.stderr
        return {json.loads(line)["event_id"] for line in done.stdout.splitlines()}

    assert ids("--actor", "xi") == {"doc:0", "doc:1"}
    assert ids("--source", "xi") == {"doc:0"}
    assert ids("--target", "CN") == {"doc:1"}
    assert ids("--country", "mx") == {"doc:2"}
    assert ids("--cameo", "112", "--doc", "doc") == {"doc:2"}
    assert ids("--plover", "coerce") == {"doc:5"}
    assert ids("--no-target", "--doc", "doc") == {"doc:3"}
    assert len(ids("--has-target", "--doc", "doc")) == 5
    assert ids("--min-confidence", "0.9") == {"doc:1"}
    assert ids("--text", "xi visited") == {"doc:0"}
    assert len(ids("--since", "2024-03", "--until", "2024-03", "--doc", "doc-1")) == 6
    assert ids("--since", "2024", "--doc", "doc") == {f"doc:{i}" for i in range(6)}
    assert ids("--until", "2023") == set()


@pytest.mark.parametrize("cmd", ["events", "export"])
def test_unknown_codes_are_usage_errors(cmd: str, db: str) -> None:
    for args in (("--country", "QQ"), ("--country", "ZZZ"), ("--dyad", "ZZZ,USA")):
        done = run(cmd, "--db", db, *args)
        assert done.returncode == 2, (args, done.stderr)
        assert "unknown" in done.stderr and not done.stdout


def test_events_csv_carries_the_document(db: str) -> None:
    done = run("events", "--db", db, "--format", "csv", "--doc", "doc-1")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and {(r["url"], r["title"], r["outlet"]) for r in rows} == {
        (DOC.url, DOC.title, "example.org")
    }
    done = run("events", "--db", db, "--format", "json", "--doc", "doc-1", "--fold", "daily")
    assert all(json.loads(line)["url"] == DOC.url for line in done.stdout.splitlines())
