"""Golden snapshots: the events of the bundled Wikinews sample articles (CC BY 2.5).

A change in coding output shows up here as a readable diff. When a change is intended,
regenerate with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from accord.ingest import iter_documents
from accord.model import Document, Event

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "wikinews" / "articles.jsonl"
SNAPSHOT = Path(__file__).with_name("wikinews_events.json")
ATTRIBUTION = (
    "Sentences from English Wikinews articles (https://en.wikinews.org), Wikinews "
    "contributors, CC BY 2.5; see examples/wikinews/ATTRIBUTION.md"
)


def _project(e: Event) -> dict[str, Any]:
    return {
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "source": e.source.code,
        "target": e.target.code if e.target else None,
        "cameo": e.cameo,
        "plover": e.plover,
        "mode": e.mode.value,
        "date": e.date.isoformat() if e.date else None,
        "trigger": e.evidence.trigger,
        "sentence": e.sentence,
    }


def test_wikinews_sample_events_match_snapshot(coder: Any) -> None:
    docs = [d for d in iter_documents([str(ARTICLES)], coder.settings) if isinstance(d, Document)]
    assert len(docs) >= 4
    got = [_project(e) for r in coder.code_documents(docs) for e in r.events]
    if os.environ.get("UPDATE_GOLDEN"):
        SNAPSHOT.write_text(
            json.dumps({"attribution": ATTRIBUTION, "events": got}, indent=1, ensure_ascii=False)
            + "\n",
            encoding="utf-8",
        )
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["events"]
    assert got == expected
