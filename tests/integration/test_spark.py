"""The Spark engine gives what the local engine gives: one shared local[2] session.

Skipped (with the reason) when pyspark or a Java runtime is missing. The JVM costs tens
of seconds to start, so every Spark test lives in this module and shares one session.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.api import Coder
from accord.cli.main import main
from accord.config import Settings
from accord.engine.local import run_local
from accord.engine.spark import SparkJob, run_spark, spark_available, spark_job, write_parquet
from accord.formats import write_events
from accord.ingest import iter_documents
from accord.model import DocResult, Document, Event, Failure
from accord.store import EventStore
from accord.store.parquet import EVENTS_DIR, PARTITION_COLUMN
from tests.integration import stalls
from tests.integration.long_token import SIZE, single_token

_REASON = spark_available()
if _REASON is not None:
    pytest.skip(f"Spark engine unavailable: {_REASON}", allow_module_level=True)

pytestmark = pytest.mark.spark

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "wikinews" / "articles.jsonl"
FORMATS = ("json", "csv", "gdelt")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    from accord.engine.spark import spark_session

    with spark_session("local[2]") as session:
        yield session


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The example articles, an undated text (null-date events), a record with metadata
    and two bad inputs."""
    tmp_path = tmp_path_factory.mktemp("inputs")
    undated = tmp_path / "undated.txt"
    undated.write_text("Russian police arrested Pakistani students in Moscow.\n", encoding="utf-8")
    extra = tmp_path / "extra.jsonl"
    record = (
        '{"id": "meta-1", "date": "2022-05-09", "feed": "test", "tags": ["a", "b"], "text": '
        '"German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris."}\n'
    )
    extra.write_text(record, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return [
        str(p) for p in (EXAMPLES, undated, extra, tmp_path / "empty.txt", tmp_path / "missing")
    ]


@pytest.fixture(scope="module")
def local_results(coder: Coder, inputs: list[str]) -> list[DocResult | Failure]:
    return list(run_local(iter_documents(inputs, coder.settings), coder.resources))


@pytest.fixture(scope="module")
def few_inputs(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Three example articles and the bad inputs: the CLI tests code them many times."""
    few = tmp_path_factory.mktemp("few") / "few.jsonl"
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines(keepends=True)
    few.write_text("".join(lines[:3]), encoding="utf-8")
    return [str(few), *inputs[-2:]]


def _render(items: list[DocResult | Failure], fmt: str) -> str:
    out = io.StringIO()
    urls = {r.doc.id: r.doc.url for r in items if isinstance(r, DocResult) and r.doc.url}
    events = [e for r in items if isinstance(r, DocResult) and not r.failures for e in r.events]
    write_events(events, out, fmt, urls=urls)
    return out.getvalue()


def _all_events(store: EventStore) -> list[Event]:
    return sorted(store.iter_events(), key=lambda e: e.event_id)


def test_run_spark_equals_run_local(
    spark: Any, coder: Coder, inputs: list[str], local_results: list[DocResult | Failure]
) -> None:
    settings = coder.settings
    local = local_results
    # Small chunks: several Spark jobs, results still in input order.
    remote = list(
        run_spark(iter_documents(inputs, settings), SparkJob(settings), spark, chunk_docs=3)
    )
    assert remote == local
    assert sum(len(r.events) for r in local if isinstance(r, DocResult)) > 20
    assert [r.doc_id for r in local if isinstance(r, Failure)] == ["empty.txt", "missing"]
    meta = [r for r in remote if isinstance(r, DocResult) and r.doc.id == "meta-1"]
    assert dict(meta[0].doc.metadata) == {"feed": "test", "tags": ["a", "b"]}
    for fmt in FORMATS:
        assert _render(remote, fmt) == _render(local, fmt)


def test_cli_code_prints_the_same_events(
    spark: Any, few_inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in FORMATS:
        main(["code", *few_inputs, "--format", fmt])
        local = capsys.readouterr()
        main(["code", *few_inputs, "--format", fmt, "--engine", "spark"])
        remote = capsys.readouterr()
        assert remote.out == local.out, fmt
        assert local.out.count("\n") > 10
        assert "missing" in remote.err and "empty" in remote.err


def test_a_verb_file_reaches_the_executors(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "zorble.txt"
    text.write_text("Russia zorbled China on Monday.\n", encoding="utf-8")
    verbs = tmp_path / "my_verbs.tsv"
    verbs.write_text("ZORBLE\tzorble\t042\ta made-up visit\n", encoding="utf-8")
    args = ["code", str(text), "--date", "2026-02-05", "--verbs", str(verbs)]
    main(args)
    local = capsys.readouterr().out
    main([*args, "--engine", "spark"])
    assert capsys.readouterr().out == local
    assert '"cameo": "042"' in local and "verb:ZORBLE:zorble" in local


def test_parquet_export_imports_like_a_local_ingest(
    spark: Any,
    coder: Coder,
    inputs: list[str],
    local_results: list[DocResult | Failure],
    tmp_path: Path,
) -> None:
    out = tmp_path / "export"
    report = write_parquet(
        iter_documents(inputs, coder.settings), spark_job(coder.settings), spark, out, chunk_docs=6
    )
    assert report.documents == 10
    assert {f.doc_id for f in report.failures} == {"empty.txt", "missing"}
    parts = {p.name for p in (out / EVENTS_DIR).iterdir() if p.is_dir()}
    assert f"{PARTITION_COLUMN}=__HIVE_DEFAULT_PARTITION__" in parts  # the undated article
    assert f"{PARTITION_COLUMN}=2019-01-21" in parts

    with EventStore.open(tmp_path / "local.duckdb") as store:
        store.write(r for r in local_results if isinstance(r, DocResult))
        expected = _all_events(store)
        expected_docs = [(d.doc_id, d.content_hash, d.event_count) for d in store.documents()]
    assert len(expected) == report.events

    with EventStore.open(tmp_path / "spark.duckdb") as store:
        first = store.import_parquet(out)
        assert first.docs_added == 10 and first.events_added == report.events
        assert _all_events(store) == expected
        assert [(d.doc_id, d.content_hash, d.event_count) for d in store.documents()] == (
            expected_docs
        )
        assert {f.doc_id for f in store.failures()} == {"empty.txt", "missing"}
        again = store.import_parquet(out)
        assert (again.docs_added, again.docs_unchanged, again.events_added) == (0, 10, 0)
        assert store.counts().events == len(expected)
        undated = [e for e in store.iter_events() if e.doc_id == "undated.txt"]
        assert undated and all(e.date is None for e in undated)


def test_cli_ingest_with_spark_then_from_parquet(
    spark: Any, few_inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "events.duckdb"
    main(["ingest", *few_inputs, "--db", str(db), "--engine", "spark"])
    assert "3 added" in capsys.readouterr().out
    main(["ingest", *few_inputs, "--db", str(db), "--engine", "spark"])
    assert "3 unchanged; 0 events added" in capsys.readouterr().out

    export = tmp_path / "export"
    main(["code", *few_inputs, "--engine", "spark", "--parquet", str(export)])
    assert "3 documents" in capsys.readouterr().err
    main(["ingest", "--from-parquet", str(export), "--db", str(db)])
    assert "0 added, 0 replaced, 3 unchanged; 0 events added" in capsys.readouterr().out
    with EventStore.open(db, read_only=True) as store:
        assert store.counts().documents == 3
        dated = [e for e in store.iter_events() if e.date is not None]
        assert dated and all(isinstance(e.date, dt.date) for e in dated)


def test_spark_only_options_need_the_spark_engine(
    inputs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["code", *inputs, "--parquet", "out"])
    assert exit_info.value.code == 2
    assert "--parquet needs --engine spark" in capsys.readouterr().err


def test_an_executor_error_is_the_local_engines_error(
    spark: Any, inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "no-such-actors.csv")
    errors = []
    for engine in ("local", "spark"):
        with pytest.raises(SystemExit) as exit_info:
            main(["code", *inputs, "--actors", missing, "--engine", engine])
        errors.append((exit_info.value.code, capsys.readouterr().err.strip().splitlines()[-1]))
    assert errors[0] == errors[1]
    assert errors[0][0] == 2 and missing in errors[0][1]


def test_a_4mb_single_token_document_finishes_within_its_budget_on_spark(
    spark: Any, few_inputs: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13, item 1 (done-when; --workers: tests/integration/test_document_budget_cli.py):
    the one-token document is coded (its token dropped: no events) or is a timeout, and the
    articles around it are coded as without it."""
    token = tmp_path / "token.txt"
    token.write_text(single_token() + "\n", encoding="utf-8")
    assert token.stat().st_size == SIZE + 1
    budget = 20
    articles = few_inputs[0]
    started = time.monotonic()
    main(["code", articles, "--engine", "spark", "--document-timeout", str(budget)])
    alone, alone_s = capsys.readouterr(), time.monotonic() - started
    started = time.monotonic()
    main(["code", articles, str(token), "--engine", "spark", "--document-timeout", str(budget)])
    both, both_s = capsys.readouterr(), time.monotonic() - started
    assert both.out == alone.out and alone.out.count("\n") > 10
    assert "token.txt" not in both.out
    lines = both.err.splitlines()
    failures = [line for line in lines if "token.txt" in line]
    if failures:
        assert len(failures) == 1 and "timeout" in failures[0], both.err
    else:
        assert "4 documents coded" in lines[-1] and "0 failures" in lines[-1], both.err
    assert both_s - alone_s < budget, (both_s, alone_s)


def test_a_stalled_document_is_a_timeout_on_spark_and_its_batch_is_coded(spark: Any) -> None:
    """Issue 13, item 1: on Spark a document gets one time budget, kept by a watchdog.

    One document sleeps (Python code, which a SIGALRM could stop), one spends its time in a
    single C call (a SIGALRM handler would run only when it returns, minutes later). Each
    becomes a ``timeout`` failure after about one budget, every other document of the
    batch is coded, and the ingest failure stays in place: input order kept."""
    from pyspark import cloudpickle

    budget = 3.0
    job = SparkJob(Settings().replace(document_timeout=budget), process=stalls.stalling_process)
    docs = [Document(id=f"d{i}", text=f"document number {i}", origin=f"in:{i}") for i in range(40)]
    plain: list[Document | Failure] = list(docs)
    items: list[Document | Failure] = list(docs)
    items[5] = Document(id="asleep", text="this one SLEEPs", origin="in:5")
    items[22] = Document(id="in-c", text="this one spends it in a CCALL", origin="in:22")
    items.insert(30, Failure("bad", "bad.txt", "ingest", "empty", "input is empty"))

    # Spark's Python workers get the batch function by value: they need not import tests/.
    cloudpickle.register_pickle_by_value(stalls)
    try:
        assert len(list(run_spark(plain, job, spark))) == 40  # executors load their resources
        started = time.monotonic()
        assert len(list(run_spark(plain, job, spark))) == 40
        base_s = time.monotonic() - started
        started = time.monotonic()
        out = list(run_spark(items, job, spark))
        run_s = time.monotonic() - started
    finally:
        cloudpickle.unregister_pickle_by_value(stalls)

    assert len(out) == len(items)
    for got, want in zip(out, items, strict=True):
        if isinstance(want, Failure):
            assert got == want
            continue
        assert isinstance(got, DocResult) and got.doc.id == want.id
        if want.id in ("asleep", "in-c"):
            (failure,) = got.failures
            assert (failure.doc_id, failure.origin) == (want.id, want.origin)
            assert failure.code == "timeout"
            assert "time budget of 3 s" in failure.message
        else:
            assert not got.failures and got.sentence_count == len(want.text.split())
    # About one budget each (the two may run one after the other on one core), with slack
    # for a busy machine: not the minutes the C call takes.
    assert run_s - base_s < 2 * budget + 4, (run_s, base_s)
