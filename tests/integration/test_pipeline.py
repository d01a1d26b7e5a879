"""The pure per-document function: batching never changes results; bad docs stay contained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest import iter_documents
from accord.model import Document
from accord.pipeline import process_batch, process_document

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "wikinews" / "articles.jsonl"


def _docs(coder: Any) -> list[Document]:
    return [d for d in iter_documents([str(ARTICLES)], coder.settings) if isinstance(d, Document)]


def test_batch_equals_one_at_a_time(coder: Any) -> None:
    docs = _docs(coder)[:4]
    single = [process_document(d, coder.resources) for d in docs]
    assert process_batch(docs, coder.resources) == single


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_batch_size_invariance(coder: Any, data: st.DataObject) -> None:
    docs = _docs(coder)[:5]
    size = data.draw(st.integers(min_value=1, max_value=5))
    order = data.draw(st.permutations(docs))
    results = [
        r
        for i in range(0, len(order), size)
        for r in process_batch(order[i : i + size], coder.resources)
    ]
    whole = {r.doc.id: r for r in process_batch(list(order), coder.resources)}
    assert {r.doc.id: r for r in results} == whole


def test_a_bad_document_does_not_sink_the_batch(coder: Any) -> None:
    docs = _docs(coder)[:2]
    bad = Document(id="bad", text="\x00" * 10)
    results = process_batch([docs[0], bad, docs[1]], coder.resources)
    assert [r.doc.id for r in results] == [docs[0].id, "bad", docs[1].id]
    assert results[0] == process_document(docs[0], coder.resources)
    assert results[2] == process_document(docs[1], coder.resources)


def test_a_repeated_sentence_is_parsed_once(coder: Any) -> None:
    import dataclasses

    from accord.model import ParsedSentence

    seen: list[str] = []

    class Counting:
        def parse(self, sentences: Any) -> list[ParsedSentence]:
            seen.extend(s.text for s in sentences)
            out: list[ParsedSentence] = coder.resources.parser.parse(sentences)
            return out

    resources = dataclasses.replace(coder.resources, parser=Counting(), tokenizer=None)
    text = "Iran's foreign minister met his Russian counterpart in Moscow on Monday."
    docs = [
        Document(id="a", text=text + " Both sides pledged to expand trade."),
        Document(id="b", text=text),
    ]
    results = process_batch(docs, resources)
    assert seen.count(text) == 1
    alone = [process_document(d, resources) for d in docs]
    assert results == alone
    assert results[1].events, "the copy keeps its events"
    copy = results[1].events[0]
    assert isinstance(copy.sentence_index, int) and copy.sentence == text


def test_a_coder_loads_user_verb_files_into_its_version(coder: Any, tmp_path: Path) -> None:
    from accord.api import Coder
    from accord.engine.parallel import LazyParser

    verbs = tmp_path / "my_verbs.tsv"
    verbs.write_text("ZORBLE\tzorble\t042\ta made-up visit\n", encoding="utf-8")
    text = "Russia zorbled China on Monday."
    assert coder.code_text(text, date="2026-02-05") == []
    mine = Coder.load(verb_files=[verbs])
    assert [(e.source.code, e.cameo) for e in mine.code_text(text, date="2026-02-05")] == [
        ("RUS", "042")
    ]
    assert mine.spec is not None and mine.spec.verb_files == (verbs,)
    assert mine.resources.version != coder.resources.version
    parallel = Coder.load(verb_files=[verbs], workers=2)
    assert isinstance(parallel.resources.parser, LazyParser)
    assert parallel.resources.version == mine.resources.version
