"""The multiprocessing runner: input order, pass-through failures, crashes, laziness."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from accord.engine.parallel import run_parallel
from accord.errors import ResourceError, UsageError
from accord.model import DocResult, Document, Failure
from tests.unit.parallel_fakes import FakeFactory, fake_process


def _doc(i: int, text: str = "") -> Document:
    return Document(
        id=f"d{i}",
        text=text or f"document number {i} " * (i % 5 + 1),
        origin=f"in.jsonl:{i}",
        metadata=MappingProxyType({"n": i, "tags": ["a", "b"]}),
    )


def _expected(doc: Document) -> DocResult:
    return DocResult(doc=doc, sentence_count=len(doc.text.split()), content_hash=doc.id)


def _run(items: list[Document | Failure], **kw: object) -> list[DocResult | Failure]:
    return list(
        run_parallel(items, FakeFactory(), process=fake_process, **kw)  # type: ignore[arg-type]
    )


def test_results_come_back_in_input_order_with_failures_in_place() -> None:
    items: list[Document | Failure] = []
    for i in range(30):
        # Slow documents early on make later chunks finish first.
        items.append(_doc(i, "SLOW start" if i in (0, 1, 7) else ""))
        if i % 7 == 3:
            items.append(Failure(f"bad{i}", f"bad{i}.txt", "ingest", "empty", "input is empty"))
    out = _run(items, workers=2, chunk_docs=3, window=3)
    want = [x if isinstance(x, Failure) else _expected(x) for x in items]
    assert out == want
    first = out[0]
    assert isinstance(first, DocResult)
    assert isinstance(first.doc.metadata, MappingProxyType)  # as the reader made it


def test_a_crashing_document_costs_only_itself() -> None:
    items: list[Document | Failure] = [_doc(i) for i in range(12)]
    items[5] = _doc(5, "this one CRASHes the worker")
    items[9] = _doc(9, "this one RAISEs an exception")
    out = _run(items, workers=2, chunk_docs=4)
    assert [r.doc.id for r in out if isinstance(r, DocResult)] == [f"d{i}" for i in range(12)]
    for i, r in enumerate(out):
        assert isinstance(r, DocResult)
        if i == 5:
            (f,) = r.failures
            assert (f.doc_id, f.origin, f.stage, f.code) == (
                "d5",
                "in.jsonl:5",
                "engine",
                "worker_crashed",
            )
            assert "exit code 3" in f.message
            assert "retried alone" in f.message
        elif i == 9:
            (f,) = r.failures
            assert f.code == "ValueError"
            assert "cannot code d9" in f.message
        else:
            assert r == _expected(items[i])  # type: ignore[arg-type]
    assert not mp.active_children()


def test_a_document_that_cannot_be_pickled_becomes_a_failure() -> None:
    odd = Document(id="odd", text="fine text", metadata=MappingProxyType({"f": lambda: 0}))
    items: list[Document | Failure] = [_doc(0), odd, _doc(2)]
    out = _run(items, workers=1, chunk_docs=3)
    assert out[0] == _expected(_doc(0))
    assert out[2] == _expected(_doc(2))
    bad = out[1]
    assert isinstance(bad, DocResult)
    assert bad.failures[0].code == "unpicklable"


def test_a_worker_that_cannot_load_its_resources_stops_the_run() -> None:
    with pytest.raises(ResourceError, match="no model here"):
        list(run_parallel([_doc(0)], FakeFactory(fail=True), workers=2, process=fake_process))
    assert not mp.active_children()


def test_input_is_read_lazily_and_closing_stops_the_workers() -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        i = 0
        while True:
            pulled += 1
            yield _doc(i)
            i += 1

    it = run_parallel(
        endless(), FakeFactory(), workers=2, chunk_docs=4, window=3, process=fake_process
    )
    first = [next(it) for _ in range(10)]
    assert [r.doc.id for r in first if isinstance(r, DocResult)] == [f"d{i}" for i in range(10)]
    assert pulled <= 4 * (3 + 3)  # the window, plus chunks read since the last yield
    it.close()  # type: ignore[attr-defined]
    assert not mp.active_children()


def test_bad_arguments_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        run_parallel([], FakeFactory(), workers=0)
    with pytest.raises(UsageError):
        run_parallel([], FakeFactory(), start_method="teleport")
