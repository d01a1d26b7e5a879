"""Resumable ingest: stored documents are skipped before any coding; batches commit whole."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from accord.api import Coder, ingest_into
from accord.config import Settings
from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, content_hash
from accord.store import EventStore


class RecordingCoder(Coder):
    """Codes nothing: records which documents it was asked to code."""

    def __init__(self) -> None:
        fake: Any = object()
        super().__init__(Resources(Settings(), fake, fake, fake, version="test"))
        self.coded: list[str] = []

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
        for item in items:
            if isinstance(item, Document):
                self.coded.append(item.id)
                yield DocResult(doc=item, content_hash=content_hash(item, self.resources))
            else:
                yield item


def _write(path: Path, texts: dict[str, str]) -> None:
    lines = [json.dumps({"id": k, "text": v}) for k, v in texts.items()]
    path.write_text("\n".join(['{"id": "bad", "text": ""}', *lines]) + "\n", encoding="utf-8")


def test_a_rerun_codes_only_new_or_changed_documents(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    texts = {f"d{i}": f"Text number {i}." for i in range(600)}
    _write(src, texts)
    with EventStore.open(tmp_path / "s.duckdb") as store:
        first = RecordingCoder()
        report = ingest_into(first, store, [str(src)], chunk=50)
        assert first.coded == list(texts)
        assert report.stats.docs_added == 600
        assert [f.doc_id for f in report.failures] == ["bad"]

        texts["d7"] = "Changed text."
        texts["d600"] = "A new one."
        _write(src, texts)
        again = RecordingCoder()
        seen: list[tuple[int, int]] = []
        report = ingest_into(
            again, store, [str(src)], chunk=50, on_progress=lambda d, f: seen.append((d, f))
        )
        assert again.coded == ["d7", "d600"]
        assert (report.stats.docs_unchanged, report.stats.docs_replaced) == (599, 1)
        assert report.stats.docs_added == 1
        assert sum(d for d, _ in seen) == 602  # every input counted once, skipped or not
        assert sum(f for _, f in seen) == 1
        assert store.counts().documents == 601
        assert len(store.failures()) == 1


def test_limit_reads_only_the_first_inputs(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, {f"d{i}": f"Text {i}." for i in range(10)})
    with EventStore.open(tmp_path / "s.duckdb") as store:
        coder = RecordingCoder()
        ingest_into(coder, store, [str(src)], limit=4)
        assert coder.coded == ["d0", "d1", "d2"]  # and the unreadable first record
        assert store.counts().documents == 3
