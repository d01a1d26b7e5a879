"""``accord eval`` and the reference scorer (../shared/tools/score_gold.py) give the same numbers
on the same events: the events accord eval coded through the public entry points, written in
the ``accord code`` format and scored by the script as a subprocess. Check half, as the gate.
Skipped when ../shared is absent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.api import Coder, evaluate_files
from accord.evalrun import packaged_exclusions
from accord.evaluation import half_of
from accord.formats import events_to_jsonl
from accord.model import DocResult, Document, Event, Failure
from tests.shared_data import shared_path
from tests.unit.test_eval_documents import accord_numbers, reference_numbers

pytestmark = pytest.mark.shared


class RecordingCoder(Coder):
    """The coder, keeping every event it returns (documents by id, texts by text and date)."""

    def __init__(self, inner: Any) -> None:
        super().__init__(inner.resources)
        self.documents: dict[str, tuple[Event, ...]] = {}
        self.texts: dict[tuple[str, dt.date | None], list[Event]] = {}

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
        for result in super().code_documents(items):
            if isinstance(result, DocResult):
                self.documents[result.doc.id] = result.events
            yield result

    def code_text(
        self, text: str, *, date: str | dt.date | None = None, doc_id: str = "text"
    ) -> list[Event]:
        events = super().code_text(text, date=date, doc_id=doc_id)
        assert date is None or isinstance(date, dt.date)
        self.texts[(text, date)] = events
        return events


def scorer() -> Path:
    return shared_path("tools", "score_gold.py")


def write_events(path: Path, events: Iterable[Event]) -> None:
    with path.open("w", encoding="utf-8") as f:
        events_to_jsonl(events, f)


def test_document_gold_agrees_with_the_reference(
    shared_dir: Path, coder: Any, tmp_path: Path
) -> None:
    script = scorer()
    gold = shared_dir / "gold" / "documents" / "wikinews_docgold_dev.jsonl"
    recording = RecordingCoder(coder)
    scores, text = evaluate_files([gold], coder=recording, half="check", verbose=True)
    report = scores["wikinews_docgold_dev"]
    # every article of the check half was coded, through Coder.code_documents
    assert set(recording.documents) == {d for d in _corpus_ids(shared_dir) if half_of(d) == "check"}
    events_path = tmp_path / "events.jsonl"
    write_events(events_path, (e for evs in recording.documents.values() for e in evs))
    theirs = reference_numbers(gold, events_path, ["--half", "check"])
    assert theirs == accord_numbers(report)
    # the same file scored by the command (no model loaded: --events)
    out = tmp_path / "scores.json"
    cli = subprocess.run(
        [sys.executable, "-m", "accord.cli.main", "eval", str(gold), "--events",
         str(events_path), "--half", "check", "--json", str(out), "-v"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert accord_numbers(json.loads(out.read_text())["wikinews_docgold_dev"]) == theirs
    # -v lists the misses and forbidden hits as the reference script does
    listed = subprocess.run(
        [sys.executable, str(script), "docgold", str(gold), str(events_path), "--half", "check"],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    for line in listed[:-1]:
        assert line.split(" <- ")[0] in text, line


def _corpus_ids(shared: Path) -> list[str]:
    path = shared / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "name",
    ["plover_examples_dev", "cameo_codebook_examples", "petrarch2_unittest_realnames"],
)
def test_sentence_gold_agrees_with_the_reference(
    name: str, shared_dir: Path, coder: Any, tmp_path: Path
) -> None:
    script = scorer()
    gold = shared_dir / "gold" / f"{name}.jsonl"
    recording = RecordingCoder(coder)
    scores, _ = evaluate_files([gold], coder=recording, half="check")
    whole = scores[name]["groups"][0]["metrics"]["dyad_type"]
    # The reference scores every record of the file: give it the file less the records the
    # project does not evaluate, and the events accord coded for each record, under its id.
    excluded = {(e.id, e.text) for e in packaged_exclusions() if e.set_name == name}
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    kept = [
        r for r in rows if (r["id"], r["text"]) not in excluded and (r["id"], None) not in excluded
    ]
    assert name != "petrarch2_unittest_realnames" or len(kept) < len(rows)
    reduced = tmp_path / f"{name}.jsonl"
    reduced.write_text("".join(json.dumps(r) + "\n" for r in kept), encoding="utf-8")
    events: list[Event] = []
    for r in kept:
        scored = (
            r.get("evaluate", True) and not r.get("expects_error") and half_of(r["id"]) == "check"
        )
        if scored:
            date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
            coded = recording.texts[(r["text"], date)]
            events += [dataclasses.replace(e, doc_id=r["id"]) for e in coded]
    events_path = tmp_path / "events.jsonl"
    write_events(events_path, events)
    command = ["sentgold", str(reduced), str(events_path), "--half", "check"]
    printed = subprocess.run(
        [sys.executable, str(script), *command], capture_output=True, text=True, check=True
    ).stdout
    found = dict(re.findall(r"(\w+)=([\d.]+)", printed))
    assert (int(found["tp"]), int(found["fp"]), int(found["fn"])) == (
        whole["tp"], whole["fp"], whole["fn"],
    ), printed  # fmt: skip
    assert float(found["f1"]) == pytest.approx(whole["f1"], abs=5e-4)
