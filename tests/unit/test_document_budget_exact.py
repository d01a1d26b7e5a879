"""With ``--workers``, a document gets exactly one time budget (issue 13, item 1).

A chunk of N documents used to get N budgets together, and when it ran over, every
document was coded again alone with one budget each: a stalled document held its worker
for N + 1 budgets, and the documents beside it were coded twice. Each document is now
timed on its own: the stalled one is stopped after one budget, the documents coded before
it keep their results and those after it are coded once, by the next worker."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from pathlib import Path

import pytest

from accord.engine.parallel import run_parallel
from accord.model import DocResult, Document
from tests.unit.parallel_fakes import FakeFactory, logged_process

BUDGET = 2.0
CHUNK = 6


def _docs(log: Path) -> list[Document]:
    meta = {"log": str(log)}
    docs = [Document(id=f"d{i}", text=f"document {i}", metadata=meta) for i in range(CHUNK)]
    docs[2] = Document(id="stuck", text="this one STALLs", metadata=meta)
    return docs


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stalled_document_gets_one_budget_and_its_neighbours_are_coded_once(
    tmp_path: Path, workers: int
) -> None:
    log = tmp_path / "begun.txt"
    docs = _docs(log)
    started = time.monotonic()
    out = list(
        run_parallel(
            docs,
            FakeFactory(),
            workers=workers,
            chunk_docs=CHUNK,
            process=logged_process,
            timeout=BUDGET,
        )
    )
    took = time.monotonic() - started
    assert [r.doc.id for r in out if isinstance(r, DocResult)] == [d.id for d in docs]
    codes = {r.doc.id: [f.code for f in r.failures] for r in out if isinstance(r, DocResult)}
    assert codes == {d.id: (["timeout"] if d.id == "stuck" else []) for d in docs}
    begun = Counter(line.split()[0] for line in log.read_text().splitlines())
    assert begun == Counter(d.id for d in docs)  # each document begun once: none re-coded
    # One budget for the stalled document, then a fresh worker: well under the N + 1
    # budgets a chunk of N used to take.
    assert took < (CHUNK - 1) * BUDGET, took
    assert not mp.active_children()


def test_a_document_that_kills_its_worker_is_retried_alone_once_and_only_it(
    tmp_path: Path,
) -> None:
    log = tmp_path / "begun.txt"
    meta = {"log": str(log)}
    docs = [Document(id=f"d{i}", text=f"document {i}", metadata=meta) for i in range(CHUNK)]
    docs[3] = Document(id="crash", text="this one CRASHes its worker", metadata=meta)
    out = list(
        run_parallel(
            docs, FakeFactory(), workers=1, chunk_docs=CHUNK, process=logged_process, timeout=60
        )
    )
    results = {r.doc.id: r for r in out if isinstance(r, DocResult)}
    assert list(results) == [d.id for d in docs]
    (failure,) = results["crash"].failures
    assert failure.code == "worker_crashed"
    assert "exit code 3" in failure.message and "died again" in failure.message
    assert all(not r.failures for doc_id, r in results.items() if doc_id != "crash")
    begun = Counter(line.split()[0] for line in log.read_text().splitlines())
    assert begun == Counter({**{d.id: 1 for d in docs}, "crash": 2})
    assert not mp.active_children()
