"""The per-document time budget (Settings.document_timeout): a document that takes longer
becomes a ``timeout`` failure and the rest of its batch is coded, in every engine."""

from __future__ import annotations

import multiprocessing as mp
import time
from typing import cast

import pytest

from accord.config import Settings
from accord.engine.local import run_local
from accord.engine.parallel import run_parallel
from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources
from tests.unit.parallel_fakes import FakeFactory, FakeResources, fake_process

BUDGET = 1.0


def _items() -> list[Document | Failure]:
    items: list[Document | Failure] = [
        Document(id=f"d{i}", text=f"document number {i}", origin=f"in.jsonl:{i}") for i in range(6)
    ]
    items[2] = Document(id="stuck", text="this one STALLs", origin="in.jsonl:2")
    items.insert(4, Failure("bad", "bad.txt", "ingest", "empty", "input is empty"))
    return items


def _check(out: list[DocResult | Failure], items: list[Document | Failure]) -> None:
    assert len(out) == len(items)
    for got, want in zip(out, items, strict=True):
        if isinstance(want, Failure):
            assert got == want
            continue
        assert isinstance(got, DocResult)
        assert got.doc.id == want.id
        if want.id == "stuck":
            (f,) = got.failures
            assert (f.doc_id, f.origin, f.code) == ("stuck", "in.jsonl:2", "timeout")
            assert "stuck" in f.message
            assert "1 s" in f.message
        else:
            assert not got.failures
            assert got.sentence_count == len(want.text.split())


def test_the_setting_exists_and_can_be_turned_off() -> None:
    assert Settings().document_timeout > 0
    assert Settings().replace(document_timeout=0).document_timeout == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stalled_document_times_out_in_workers_and_the_batch_goes_on(workers: int) -> None:
    items = _items()
    started = time.monotonic()
    out = list(
        run_parallel(
            items,
            FakeFactory(),
            workers=workers,
            chunk_docs=2,
            process=fake_process,
            timeout=BUDGET,
        )
    )
    assert time.monotonic() - started < 20  # not the 60 s the document would take
    _check(out, items)
    assert not mp.active_children()


def test_a_stalled_document_times_out_in_the_local_engine() -> None:
    items = _items()
    resources = cast(Resources, FakeResources(version="local"))
    started = time.monotonic()
    out = list(
        run_local(
            items,
            resources,
            batch_docs=2,
            process=fake_process,
            timeout=BUDGET,
        )
    )
    assert time.monotonic() - started < 20
    _check(out, items)
