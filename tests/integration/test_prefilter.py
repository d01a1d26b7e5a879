"""The sentence pre-filter changes what is parsed, never what is coded.

Coding with the pre-filter must give exactly the events (every field) of coding every
sentence: on the gold sets and a sample of the Wikinews corpus (both read from
../shared; skipped without it). The whole corpus is checked the same way by hand
(see docs/benchmarks.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.ingest import iter_documents
from accord.model import Document
from accord.pipeline import build_resources, iter_results
from tests.shared_data import shared_path

GOLD_SETS = (
    "plover_examples_dev",
    "cameo_codebook_examples",
    "ngec_actor_resolution_tests",
    "petrarch2_unittest_realnames",
)
WIKINEWS_SAMPLE = 40


@pytest.fixture(scope="module")
def unfiltered(coder: Any) -> Any:
    settings = coder.settings.replace(prefilter=False)
    return build_resources(settings, parser=coder.resources.parser)


def _documents(path: Path, settings: Any, limit: int | None = None) -> list[Document]:
    docs = [d for d in iter_documents([str(path)], settings) if isinstance(d, Document)]
    return docs[:limit] if limit is not None else docs


def _same_events(docs: list[Document], coder: Any, unfiltered: Any) -> int:
    assert coder.settings.prefilter and not unfiltered.settings.prefilter
    filtered = list(iter_results(docs, coder.resources))
    full = list(iter_results(docs, unfiltered))
    assert [r.doc.id for r in filtered] == [r.doc.id for r in full]
    for a, b in zip(filtered, full, strict=True):
        assert a.events == b.events, a.doc.id
        assert a.failures == b.failures
    return sum(len(r.events) for r in full)


@pytest.mark.shared
@pytest.mark.parametrize("name", GOLD_SETS)
def test_prefilter_keeps_every_gold_set_event(name: str, coder: Any, unfiltered: Any) -> None:
    path = shared_path("gold", f"{name}.jsonl")
    docs = _documents(path, coder.settings)
    events = _same_events(docs, coder, unfiltered)
    # the NGEC set is actor phrases ('Great Britain'): documents, but no events
    assert events > 0 if name != "ngec_actor_resolution_tests" else len(docs) > 400


@pytest.mark.shared
def test_prefilter_keeps_every_wikinews_event(coder: Any, unfiltered: Any) -> None:
    path = shared_path("corpus", "wikinews", "wikinews_2019_2020.jsonl")
    docs = _documents(path, coder.settings, WIKINEWS_SAMPLE)
    assert _same_events(docs, coder, unfiltered) > 0


def test_prefilter_skips_sentences(coder: Any) -> None:
    from accord.pipeline import _prepare

    doc = Document(
        id="d",
        text="Russian police arrested two students in Moscow. The weather was mild and "
        "sunny all week. Prices of bread rose slightly. Putin met Xi in Beijing.",
    )
    _, kept = _prepare(doc, coder.resources)
    _, every = _prepare(doc, coder.resources, prefilter=False)
    assert [s.index for s in every] == [0, 1, 2, 3]
    assert [s.index for s in kept] == [0, 3]
