"""Document-level gold and the non-political corpus measure on hand-made articles and events
(no model); the same event file through ../shared/tools/score_gold.py where it exists."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from accord.errors import MalformedRecord, UsageError
from accord.evaluation import (
    Article,
    CodedDocuments,
    Corpus,
    EvalReport,
    Exclusion,
    RecordedEvents,
    Scope,
    count_words,
    evaluate,
    evaluate_nonpolitical,
    exclusions_for,
    format_report,
    load_gold,
    recorded_coder,
    report_to_dict,
)
from accord.formats import events_to_jsonl
from accord.model import Document, Event
from tests.shared_data import shared_path
from tests.unit.test_eval_reference import event

# 'a' and 'b' fall in the check half, 'c' and 'd' in the tune half.
DOCGOLD: list[dict[str, Any]] = [
    {
        "doc": {"id": "a", "date": "2019-01-04"},
        "required": [
            {"what": "US and Iran talk", "source": "USA", "target": "IRN", "symmetric": True,
             "roots": ["04"],
             "location": {"place": "Geneva", "country": "CHE", "basis": "sentence"}},
            {"what": "the UN says", "source": "IGO", "target": None, "symmetric": False,
             "roots": ["01"], "location": {"place": None, "country": None, "basis": "none"}},
            {"what": "Iran threatens Israel", "source": "IRN", "target": "ISR", "symmetric": False,
             "roots": ["13"], "location": {"place": None, "country": "IRN", "basis": "context"}},
        ],
        "forbidden": [
            {"what": "fighting between US and Iran", "countries": ["USA", "IRN"], "roots": ["19"]},
            {"what": "the caption", "sentence_contains": ["Image:"]},
        ],
        "actors": {}, "notes": "",
    },
    {
        "doc": {"id": "c", "date": "2019-01-05"},
        "required": [
            {"what": "police arrest", "source": "FRA", "target": "FRA", "symmetric": False,
             "roots": ["17"],
             "location": {"place": "Paris", "country": "FRA", "basis": "sentence"}},
        ],
        "forbidden": [{"what": "domestic violence", "countries": ["FRA", "FRA"], "roots": ["18"]}],
        "actors": {}, "notes": "",
    },
    {"skipped": ["b", "d"], "why": {"b": "sport", "d": "obituary"}},
]  # fmt: skip


def ev(doc: str, source: str, target: str | None, cameo: str, **kw: Any) -> Event:
    return dataclasses.replace(event(source, target, cameo, **kw), doc_id=doc)


EVENTS = [
    ev(
        "a", "IRNGOV", "USAGOV", "042", place=("Geneva, Switzerland", "CHE")
    ),  # found (symmetric), placed
    ev("a", "IGOUNO", None, "010"),  # found, not placed (gold: none)
    ev("a", "USAMIL", "IRNMIL", "190"),  # forbidden
    ev("a", "USAGOV", "CHN", "010", sentence="Image: the talks"),  # forbidden (caption)
    ev("b", "GBR", "ESP", "010"),  # printed for a non-political article
    ev("b", "GBR", "ESP", "190"),
    ev("c", "FRACOP", "FRACVL", "173", place=("Lyon", "FRA")),  # found, country right
    ev("c", "FRACOP", None, "180"),  # forbidden (domestic, no target)
    ev("d", "USA", None, "010"),
]


@pytest.fixture
def docgold_path(tmp_path: Path) -> Path:
    path = tmp_path / "mini_docgold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in DOCGOLD), encoding="utf-8")
    return path


def metrics(report: EvalReport) -> dict[str, Any]:
    return dict(report_to_dict(report)["metrics"])


def test_document_gold_loads(docgold_path: Path) -> None:
    gold = load_gold(docgold_path)
    assert (gold.kind, gold.family, len(gold)) == ("documents", "docgold", 2)
    assert [d.id for d in gold.documents] == ["a", "c"]
    assert [(s.id, s.reason) for s in gold.skipped] == [("b", "sport"), ("d", "obituary")]
    first = gold.documents[0]
    assert first.required[0].rule.symmetric and first.required[1].rule.target is None
    assert first.required[0].location is not None
    assert first.required[0].location.place == "Geneva"
    assert first.forbidden[1].rule.sentence_contains == ("Image:",)


def test_document_gold_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad_docgold.jsonl"
    bad.write_text(json.dumps({"doc": {"id": "a"}, "required": [{"what": "x"}]}) + "\n")
    with pytest.raises(MalformedRecord, match="source"):
        load_gold(bad)
    twice = tmp_path / "twice_docgold.jsonl"
    twice.write_text(json.dumps({"doc": {"id": "a"}}) + "\n" + json.dumps({"skipped": ["a"]}))
    with pytest.raises(MalformedRecord, match="twice"):
        load_gold(twice)
    once = tmp_path / "once_docgold.jsonl"
    once.write_text(json.dumps({"doc": {"id": "a"}}) + "\n" + json.dumps({"skipped": ["b"]}))
    with pytest.raises(UsageError, match="corpus"):
        evaluate(load_gold(once))  # nothing to code it with


def test_document_scores(docgold_path: Path) -> None:
    gold = load_gold(docgold_path)
    report = evaluate(gold, RecordedEvents.of(EVENTS))
    m = metrics(report)
    assert m["required_recall"] == pytest.approx(3 / 4)
    assert (m["documents"], m["events_out"], m["forbidden_hits"]) == (2, 6, 3)
    assert m["forbidden_per_100_docs"] == pytest.approx(150.0)
    assert (m["nonpolitical_docs"], m["nonpolitical_events"]) == (2, 3)
    assert m["nonpolitical_events_per_doc"] == pytest.approx(1.5)
    # docgeo: 3 found; 2 with a gold country (CHE right, FRA right); places: Geneva
    # right, Paris/Lyon wrong
    assert m["geo_country_right"] == 1.0 and m["geo_place_right"] == pytest.approx(0.5)
    assert [h.key for h in report.headlines] == [
        "required_recall",
        "forbidden_per_100_docs",
        "nonpolitical_events_per_doc",
    ]
    text = format_report(report, verbose=True)
    assert "HEADLINE required interactions found (recall): 0.750  [3/4 items]" in text
    assert "MISS a: Iran threatens Israel" in text
    assert "FORBIDDEN a: fighting between US and Iran <- 190 USA->IRN:" in text
    assert "FORBIDDEN c: domestic violence <- 180 FRA->None:" in text
    assert "NONPOLITICAL b: 190 GBR->ESP:" in text


def test_document_halves_and_exclusions(docgold_path: Path) -> None:
    gold = load_gold(docgold_path)
    asked: list[Sequence[str]] = []

    def coder(ids: Sequence[str]) -> CodedDocuments:
        asked.append(ids)
        return recorded_coder(RecordedEvents.of(EVENTS))(ids)

    check = evaluate(gold, documents=coder, scope=Scope(half="check"))
    assert asked[-1] == ["a", "b"]
    m = metrics(check)
    assert (m["documents"], m["nonpolitical_docs"], m["nonpolitical_events"]) == (1, 1, 2)
    assert check.n_other_half == 2
    excluded = exclusions_for([Exclusion("mini_docgold", "d", "why not")], "mini_docgold")
    tune = evaluate(gold, documents=coder, scope=Scope(half="tune", excluded=excluded))
    assert asked[-1] == ["c"]
    assert metrics(tune)["nonpolitical_events_per_doc"] is None  # no article left
    assert tune.n_not_evaluated == 1


@pytest.mark.shared
def test_document_scores_agree_with_the_reference_script(
    docgold_path: Path, tmp_path: Path
) -> None:
    scorer()
    events_path = tmp_path / "events.jsonl"
    with events_path.open("w", encoding="utf-8") as f:
        events_to_jsonl(EVENTS, f)
    gold = load_gold(docgold_path)
    recorded = RecordedEvents.of(EVENTS)
    for half in (None, "check", "tune"):
        args = ["--half", half] if half else []
        report = evaluate(gold, recorded, scope=Scope(half=half))  # type: ignore[arg-type]
        assert reference_numbers(docgold_path, events_path, args) == accord_numbers(report)


def scorer() -> Path:
    """The reference scorer, ../shared/tools/score_gold.py."""
    return shared_path("tools", "score_gold.py")


def reference_numbers(gold: Path, events: Path, args: list[str]) -> dict[str, float]:
    """The numbers score_gold.py docgold and docgeo print, by accord's metric names."""
    out: dict[str, float] = {}
    for command in ("docgold", "docgeo"):
        run = subprocess.run(
            [sys.executable, str(scorer()), command, str(gold), str(events), *args],
            capture_output=True,
            text=True,
            check=True,
        )
        last = run.stdout.strip().splitlines()[-1]
        out.update({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)})
        found = re.search(r"required_found=(\d+)/(\d+)", last)
        if found:
            out["required_found"], out["required_total"] = map(float, found.groups())
    return {
        "documents": out["docs"],
        "events_out": out["events_out"],
        "required_found": out["required_found"],
        "required_items": out["required_total"],
        "forbidden_hits": out["forbidden_hits"],
        "forbidden_per_100_docs": out["forbidden_per_100_docs"],
        "nonpolitical_docs": out["nonpolitical_docs"],
        "nonpolitical_events": out["events_in_nonpolitical"],
        "geo_found_items": out["found_items"],
        "geo_located": out["located_gold"],
        "geo_country_right": out["country_right"],
        "geo_unplaced": out["unplaced"],
        "geo_place_gold": out["place_gold"],
        "geo_place_right": out["place_right"],
        "geo_overplaced": out["placed_though_gold_has_none"],
    }


def accord_numbers(report: EvalReport | Mapping[str, Any]) -> dict[str, float]:
    """The same numbers from accord's report, or its JSON form (the per-100 rate rounded as
    the script prints)."""
    data = report if isinstance(report, Mapping) else report_to_dict(report)
    m = data["metrics"]
    acc = data["groups"][0]["accuracies"]
    return {
        "documents": m["documents"],
        "events_out": m["events_out"],
        "required_found": acc["required_recall"]["correct"],
        "required_items": m["required_items"],
        "forbidden_hits": m["forbidden_hits"],
        "forbidden_per_100_docs": round(m["forbidden_per_100_docs"] or 0.0, 1),
        "nonpolitical_docs": m["nonpolitical_docs"],
        "nonpolitical_events": m["nonpolitical_events"],
        "geo_found_items": m["geo_found_items"],
        "geo_located": acc["geo_country_right"]["total"],
        "geo_country_right": acc["geo_country_right"]["correct"],
        "geo_unplaced": m["geo_unplaced"],
        "geo_place_gold": acc["geo_place_right"]["total"],
        "geo_place_right": acc["geo_place_right"]["correct"],
        "geo_overplaced": m["geo_overplaced"],
    }


# -- the non-political corpus measure ------------------------------------------------------------


def test_words_are_counted_as_the_corpus_readme_counts_them() -> None:
    assert count_words("Title here", "One two\n\nthree.") == 5
    assert count_words(None, "  one  ") == 1
    doc = Document(id="x", text="a b c", title="T", metadata={"category": "sport"})
    assert Article.of(doc) == Article("x", 4, "sport")


def test_nonpolitical_rates() -> None:
    corpus = Corpus(
        "news",
        "news.jsonl",
        "0" * 64,
        (
            Article("a", 1000, "sport"),
            Article("b", 500, "tech"),
            Article("c", 2000, "politics"),
            Article("d", 500, "sport"),
        ),
    )
    events = RecordedEvents.of(
        [
            ev("a", "GBR", "ESP", "190"),
            ev("a", "GBR", None, "010"),
            ev("b", "USA", "CHN", "200"),
            ev("c", "GBRGOV", None, "010"),
            ev("d", "FRA", None, "183"),
        ]
    )
    report = evaluate_nonpolitical(corpus, recorded_coder(events), ("sport", "tech"))
    m = metrics(report)
    assert (m["articles"], m["words"], m["events"], m["violent_events"]) == (3, 2000, 4, 3)
    assert m["events_per_1000_words"] == pytest.approx(2.0)
    assert m["sport_events"] == 3 and m["tech_events_per_1000_words"] == pytest.approx(2.0)
    assert [h.key for h in report.headlines] == ["events_per_1000_words", "violent_events"]
    text = format_report(report, verbose=True)
    assert "HEADLINE violent events (roots 18-20, all false): 3  [3 of 4 events]" in text
    assert "NONPOLITICAL a: 190 GBR->ESP:" in text
    check = evaluate_nonpolitical(corpus, recorded_coder(events), ("sport", "tech"), Scope("check"))
    assert metrics(check)["articles"] == 2  # 'a' and 'b'; 'd' is in the tune half
    assert check.n_other_half == 1
