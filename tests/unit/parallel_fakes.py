"""Picklable fakes for the multiprocessing runner's unit tests (imported by worker processes)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from accord.errors import ResourceError
from accord.model import DocResult, Document
from accord.pipeline import DocProgress, Resources


@dataclass(frozen=True)
class FakeResources:
    version: str


@dataclass(frozen=True)
class FakeFactory:
    """Builds stand-in resources; ``fail`` makes every worker fail to start."""

    fail: bool = False

    def build(self) -> Resources:
        if self.fail:
            raise ResourceError("no model here")
        return cast(Resources, FakeResources(version=f"fake {os.getpid()}"))


def fake_process(docs: Sequence[Document], resources: Resources) -> list[DocResult]:
    """Counts words; 'CRASH' kills the worker process; 'RAISE' raises; 'SLOW' sleeps;
    'STALL' sleeps far past any test's time budget (a document that never finishes)."""
    out: list[DocResult] = []
    for doc in docs:
        if "CRASH" in doc.text:
            os._exit(3)
        if "RAISE" in doc.text:
            raise ValueError(f"cannot code {doc.id}")
        if "STALL" in doc.text:
            time.sleep(60)
        if "SLOW" in doc.text:
            time.sleep(0.5)
        out.append(DocResult(doc=doc, sentence_count=len(doc.text.split()), content_hash=doc.id))
    return out


def logged_process(docs: Sequence[Document], resources: Resources) -> list[DocResult]:
    """:func:`fake_process`, first noting each document it begins coding as a line
    ``<doc id> <pid>`` in the file named by the document's ``metadata["log"]``."""
    out: list[DocResult] = []
    for doc in docs:
        log = doc.metadata.get("log")
        if isinstance(log, str):
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{doc.id} {os.getpid()}\n")
        out.extend(fake_process([doc], resources))
    return out


def logged_progress_process(
    docs: Sequence[Document], resources: Resources, *, on_doc: DocProgress | None = None
) -> list[DocResult]:
    """:func:`logged_process` that says which document it is on, as process_batch does:
    each document alone (``on_doc(i)``), then the work they share (``on_doc(None)``), where
    'PARSEHANG' in any of them stalls."""
    out: list[DocResult] = []
    for i, doc in enumerate(docs):
        if on_doc is not None:
            on_doc(i)
        out.extend(logged_process([doc], resources))
    if on_doc is not None:
        on_doc(None)
    if any("PARSEHANG" in doc.text for doc in docs):
        time.sleep(60)
    return out
