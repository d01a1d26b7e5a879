"""accord.evalrun without the model: recognising files, finding a document set's corpus,
the packaged exclusion list, scoring recorded events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.config import Settings
from accord.errors import MalformedRecord, UsageError
from accord.evalrun import (
    EvalOptions,
    default_corpus,
    evaluate_paths,
    file_family,
    packaged_exclusions,
    read_corpus,
)
from accord.formats import events_to_jsonl
from tests.unit.test_eval_documents import DOCGOLD, EVENTS


def write(path: Path, *rows: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_files_are_recognised_by_their_shape(tmp_path: Path) -> None:
    assert file_family(write(tmp_path / "d.jsonl", *DOCGOLD)) == "documents"
    actor = {"id": "a", "text": "NATO", "expected": {"country": "IGO"}}
    assert file_family(write(tmp_path / "a.jsonl", actor)) == "actors"
    assert file_family(write(tmp_path / "e.jsonl", {"id": "r", "text": "x", "events": []})) == (
        "events"
    )
    news = {"id": "n", "title": "T", "text": "x", "category": "sport"}
    assert file_family(write(tmp_path / "c.jsonl", news)) == "corpus"
    with pytest.raises(MalformedRecord):
        file_family(write(tmp_path / "x.jsonl", {"id": "?"}))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n{not json\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match="invalid JSON") as err:
        file_family(bad)
    assert err.value.origin == f"{bad}:2"  # the file and the line
    bad.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match="JSON object"):
        file_family(bad)


def test_the_corpus_of_a_document_set_is_found_beside_it(tmp_path: Path) -> None:
    gold = tmp_path / "shared" / "gold" / "documents" / "wikinews_docgold_dev.jsonl"
    expected = tmp_path / "shared" / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"
    assert default_corpus(gold) == expected
    with pytest.raises(UsageError, match="--corpus"):
        default_corpus(tmp_path / "other_docgold.jsonl")
    with pytest.raises(UsageError, match="corpus not found"):
        read_corpus(expected, Settings())


def test_the_packaged_exclusions_load() -> None:
    exclusions = packaged_exclusions()
    assert len(exclusions) == 172  # 170 futures coded as done, 2 denied acts coded as done
    assert all(e.text and "test convention" in e.reason for e in exclusions)
    assert {e.set_name for e in exclusions} == {
        "petrarch2_unittest_realnames",
        "petrarch2_unittest_fictional",
        "udpetrarch_validate_2_02_realnames",
        "udpetrarch_validate_2_02_fictional",
    }


def test_recorded_events_need_no_coder(tmp_path: Path) -> None:
    gold = write(tmp_path / "mini_docgold.jsonl", *DOCGOLD)
    events = tmp_path / "events.jsonl"
    with events.open("w", encoding="utf-8") as f:
        events_to_jsonl(EVENTS, f)

    def no_coder() -> object:
        raise AssertionError("recorded events must not load the coder")

    options = EvalOptions(half="check", events=events)
    scores, text = evaluate_paths([gold], no_coder, options, Settings())  # type: ignore[arg-type]
    assert scores["mini_docgold"]["metrics"]["forbidden_hits"] == 2
    assert "check half" in text
