"""With ``--workers``, a document gets one time budget of its own (issue 13, item 1).

A chunk of N documents used to get N budgets together, and when it ran over, every
document was coded again alone with one budget each: a stalled document held its worker
for N + 1 budgets. Now the parent knows which document a worker is on:

* a batch function that says so (``on_doc``, as ``process_batch`` does) keeps its batch:
  the document it is on alone is stopped after one budget of its own work and is a
  timeout, never coded again; the others of its chunk go to the next worker. Work the
  documents share (the parse) gets what is left of all their budgets, and when it runs
  over, each document is coded alone with one budget;
* one that does not is given a document at a time: one budget each, none coded twice.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from pathlib import Path

import pytest

from accord.engine.parallel import BatchFunction, reports_progress, run_parallel
from accord.model import DocResult, Document
from accord.pipeline import process_batch
from tests.unit.parallel_fakes import FakeFactory, logged_process, logged_progress_process

BUDGET = 2.0
CHUNK = 6
PROCESSES = {"one by one": logged_process, "progress": logged_progress_process}


def _docs(log: Path, marked: str, word: str) -> list[Document]:
    meta = {"log": str(log)}
    docs = [Document(id=f"d{i}", text=f"document {i}", metadata=meta) for i in range(CHUNK)]
    docs[2] = Document(id=marked, text=f"this one {word}s", metadata=meta)
    return docs


def _run(docs: list[Document], process: BatchFunction, workers: int) -> list[DocResult]:
    out = list(
        run_parallel(
            docs, FakeFactory(), workers=workers, chunk_docs=CHUNK, process=process, timeout=BUDGET
        )
    )
    results = [r for r in out if isinstance(r, DocResult)]
    assert [r.doc.id for r in results] == [d.id for d in docs]
    return results


def _begun(log: Path) -> Counter[str]:
    return Counter(line.split()[0] for line in log.read_text().splitlines())


def test_process_batch_says_which_document_it_is_on() -> None:
    assert reports_progress(process_batch)
    assert reports_progress(logged_progress_process)
    assert not reports_progress(logged_process)


@pytest.mark.parametrize("mode", list(PROCESSES))
@pytest.mark.parametrize("workers", [1, 2])
def test_a_stalled_document_gets_one_budget_and_is_not_coded_again(
    tmp_path: Path, workers: int, mode: str
) -> None:
    log = tmp_path / "begun.txt"
    docs = _docs(log, "stuck", "STALL")
    started = time.monotonic()
    results = _run(docs, PROCESSES[mode], workers)
    took = time.monotonic() - started
    codes = {r.doc.id: [f.code for f in r.failures] for r in results}
    assert codes == {d.id: (["timeout"] if d.id == "stuck" else []) for d in docs}
    begun = _begun(log)
    assert begun["stuck"] == 1  # stopped once, after one budget: never coded again
    if mode == "one by one":
        assert begun == Counter(d.id for d in docs)  # and nothing else coded twice
    else:  # the documents of its batch begun before it are coded again by the next worker
        assert begun == Counter({"d0": 2, "d1": 2, "stuck": 1, "d3": 1, "d4": 1, "d5": 1})
    # One budget for the stalled document, then a fresh worker: well under the N + 1
    # budgets a chunk of N used to take.
    assert took < (CHUNK - 1) * BUDGET, took
    assert not mp.active_children()


def test_a_stall_in_the_shared_work_costs_its_budgets_then_one_each(tmp_path: Path) -> None:
    log = tmp_path / "begun.txt"
    docs = _docs(log, "stuck", "PARSEHANG")
    started = time.monotonic()
    results = _run(docs, logged_progress_process, 1)
    took = time.monotonic() - started
    codes = {r.doc.id: [f.code for f in r.failures] for r in results}
    assert codes == {d.id: (["timeout"] if d.id == "stuck" else []) for d in docs}
    assert "stopped and replaced" in results[2].failures[0].message
    # The chunk's budgets for the shared work, then every document alone (the stalled one
    # with its one budget): each begun twice.
    assert _begun(log) == Counter({d.id: 2 for d in docs})
    assert took < (CHUNK + 1) * BUDGET + 10, took  # 10 s for the workers started
    assert not mp.active_children()


@pytest.mark.parametrize("mode", list(PROCESSES))
def test_a_document_that_kills_its_worker_is_retried_alone_once_and_only_it(
    tmp_path: Path, mode: str
) -> None:
    log = tmp_path / "begun.txt"
    docs = _docs(log, "crash", "CRASH")
    out = list(
        run_parallel(
            docs, FakeFactory(), workers=1, chunk_docs=CHUNK, process=PROCESSES[mode], timeout=60
        )
    )
    results = {r.doc.id: r for r in out if isinstance(r, DocResult)}
    assert list(results) == [d.id for d in docs]
    (failure,) = results["crash"].failures
    assert failure.code == "worker_crashed"
    assert "exit code 3" in failure.message and "died again" in failure.message
    assert all(not r.failures for doc_id, r in results.items() if doc_id != "crash")
    expected = Counter({**{d.id: 1 for d in docs}, "crash": 2})
    if mode == "progress":  # those begun before it in its batch are coded again
        expected.update({"d0": 1, "d1": 1})
    assert _begun(log) == expected
    assert not mp.active_children()
