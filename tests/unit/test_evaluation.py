"""Unit tests for accord.evaluation, on small synthetic gold sets and a fake coder/resolver."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from accord.errors import EmptyInput, InputError, MalformedRecord, UsageError
from accord.evaluation import (
    Counts,
    EvalReport,
    Exclusion,
    GoldSet,
    RecordedEvents,
    Scope,
    Tally,
    check_ceilings,
    check_floors,
    check_gate,
    evaluate,
    exclusions_for,
    format_report,
    load_exclusions,
    load_gold,
    match,
    normalise_code,
    parse_gold_date,
    report_to_dict,
)
from accord.model import Event, Mode
from tests.shared_data import shared_path
from tests.unit.events import event

# -- builders ------------------------------------------------------------------------------------


def ev(source: str | None, target: str | None, code: str | None, **extra: Any) -> dict[str, Any]:
    return {"source": source, "target": target, "code": code, **extra}


def rec(rid: str, text: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"id": rid, "text": text, "date": extra.pop("date", None), "events": events, **extra}


def write_gold(tmp_path: Path, name: str, rows: Sequence[Mapping[str, Any]]) -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


Outputs = Mapping[str, Sequence[Event] | Exception]


def fake_coder(outputs: Outputs) -> Callable[[str, dt.date | None], Sequence[Event]]:
    def coder(text: str, date: dt.date | None) -> Sequence[Event]:
        out = outputs.get(text, ())
        if isinstance(out, Exception):
            raise out
        return out

    return coder


def metric(report: EvalReport, key: str, group: str = "all") -> Counts:
    g = report.group(group)
    assert g is not None
    return next(m.counts for m in g.metrics if m.key == key)


def accuracy(report: EvalReport, key: str, group: str = "all") -> Tally:
    g = report.group(group)
    assert g is not None
    return next(a.tally for a in g.accuracies if a.key == key)


# -- primitives ----------------------------------------------------------------------------------


def test_counts_ratios() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert Counts(1, 0, 0) + Counts(0, 2, 3) == Counts(1, 2, 3)
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    assert Counts(0, 0, 4).precision is None
    assert Counts(0, 0, 4).f1 == 0.0
    assert Tally(1, 4).value == 0.25
    assert Tally().value is None


def test_match_is_one_to_one_on_multisets() -> None:
    m = match(["A", "A"], ["A", "A", "A"], str.__eq__)
    assert m.counts == Counts(tp=2, fp=1, fn=0)
    assert m.false_alarms == (2,)


def test_match_finds_the_maximum_with_wildcards() -> None:
    def fits(g: tuple[str | None, str], s: tuple[str, str]) -> bool:
        return (g[0] is None or g[0] == s[0]) and g[1] == s[1]

    # The wildcard gold item listed first must not take the only item the other one can use.
    gold: list[tuple[str | None, str]] = [(None, "04"), ("USA", "04")]
    system = [("USA", "04"), ("RUS", "04")]
    assert match(gold, system, fits).counts == Counts(tp=2, fp=0, fn=0)


def test_normalise_code() -> None:
    assert normalise_code(" usagov ") == "USAGOV"
    assert normalise_code("&quot;THE MINISTRY&quot;") == '"THE MINISTRY"'
    assert normalise_code("") is None
    assert normalise_code(None) is None


def test_parse_gold_date() -> None:
    today = dt.date(2026, 2, 5)
    assert parse_gold_date(None, today) is None
    assert parse_gold_date("Today", today) == today
    assert parse_gold_date("today", today) == today
    assert parse_gold_date("2017-04-01", today) == dt.date(2017, 4, 1)
    assert parse_gold_date("10 May 2015", today) == dt.date(2015, 5, 10)
    assert parse_gold_date("October 1, 2021", today) == dt.date(2021, 10, 1)
    assert parse_gold_date("1 july 2021", today) == dt.date(2021, 7, 1)
    with pytest.raises(ValueError):
        parse_gold_date("sometime", today)


# -- loading -------------------------------------------------------------------------------------


def test_load_detects_families(tmp_path: Path) -> None:
    codebook = write_gold(tmp_path, "book.jsonl", [rec("c1", "t", [ev(None, None, "0211")])])
    petrarch = write_gold(
        tmp_path,
        "tests.jsonl",
        [rec("p1", "t", [ev("ARN", "GON", "064")], evaluate=True, actors="fictional")],
    )
    plover = write_gold(
        tmp_path, "pl.jsonl", [rec("v1", "t", [ev("USA", None, None, plover="AGREE")])]
    )
    silver = write_gold(
        tmp_path, "stories.jsonl", [rec("s1", "t", [ev(None, None, None, plover="PROTEST")])]
    )
    plain = write_gold(tmp_path, "plain.jsonl", [rec("e1", "t", [ev("USA", "RUS", "040")])])
    actors = write_gold(
        tmp_path,
        "people.jsonl",
        [{"id": "a1", "task": "agent_to_code", "text": "x", "expected": {"country": "GBR"}}],
    )
    assert load_gold(codebook).family == "cameo_codebook"
    assert load_gold(petrarch).family == "petrarch"
    assert load_gold(plover).family == "plover"
    assert load_gold(silver).family == "plover_silver"
    assert load_gold(plain).family == "cameo"
    assert load_gold(plain, family="petrarch").family == "petrarch"
    people = load_gold(actors)
    assert (people.kind, people.family, len(people)) == ("actors", "ngec_actors", 1)


def test_load_reads_record_fields(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path,
        "petrarch_x.jsonl",
        [
            rec("a", "text a", [ev("RUSCOP", "RUSEDU", "212")], date="1995-01-04",
                evaluate=True, actors="real", non_cameo_codes=True, category="DEMO"),
            rec("b", "text b", [], date="not a date", evaluate=False, actors="fictional"),
        ],
    )  # fmt: skip
    gold = load_gold(path)
    a, b = gold.records
    assert (a.date, a.non_cameo, a.actors, a.evaluate, a.category) == (
        dt.date(1995, 1, 4), True, "real", True, "DEMO"
    )  # fmt: skip
    assert a.events[0].code == "212" and a.line == 1
    assert (b.date, b.date_raw, b.evaluate, b.events) == (None, "not a date", False, ())
    assert any("not a date" in w for w in gold.warnings)
    assert gold.name == "petrarch_x" and len(gold.digest) == 64
    with pytest.raises(AttributeError):
        a.text = "changed"  # type: ignore[misc]


def test_load_actor_expectations(tmp_path: Path) -> None:
    rows: list[dict[str, Any]] = [
        {"id": "n1", "task": "search_nat", "text": "Great Britain", "context": None,
         "date": None, "expected": {"country": "GBR", "remaining_text": ""}},
        {"id": "n2", "task": "agent_to_code", "text": "Hezbollah", "context": "", "date": "Today",
         "expected": {"code_1": {"In": ["PTY", "REB"]}, "country": "LBN", "wiki": "Hezbollah"}},
        {"id": "n3", "task": "agent_to_code", "text": "Diego Molano", "context": "Colombian",
         "date": "2021-01-01", "expected": {"country": "COL", "code_1": "GOV", "code_2": "MIL"}},
        {"id": "n4", "task": "trf_agent_match", "text": "a cat", "context": None, "date": None,
         "expected": {"resolves_to": None}},
        {"id": "n5", "task": "query_wiki", "text": "Abkhazia", "context": None, "date": None,
         "expected": {"title": "Abkhazia"}},
        {"id": "n6", "task": "agent_to_code", "text": "John", "context": None, "date": None,
         "expected": {"country": {"NotEq": "GBR"}}},
        {"id": "n7", "task": "agent_to_code", "text": "the party", "context": None, "date": None,
         "expected": {"code_1": "????", "country": "MNG"}},
    ]  # fmt: skip
    gold = load_gold(write_gold(tmp_path, "ngec.jsonl", rows), today=dt.date(2026, 2, 5))
    n1, n2, n3, n4, n5, n6, n7 = gold.cases
    assert n1.country is not None and n1.country.values == ("GBR",) and n1.roles is None
    assert n2.roles == ("PTY", "REB") and n2.date == dt.date(2026, 2, 5) and n2.context is None
    assert n2.wiki == "Hezbollah"
    assert n3.roles == ("GOV", "MIL") and n3.context == "Colombian"
    assert n4.expects_null and n4.scored
    assert not n5.scored and n5.wiki == "Abkhazia"
    assert n6.country is not None and n6.country.accepts("KEN") and not n6.country.accepts("GBR")
    assert n7.roles is None and n7.scored


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_gold(tmp_path / "missing.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(EmptyInput):
        load_gold(empty)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rec("a", "t", [])) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(MalformedRecord) as info:
        load_gold(bad)
    assert info.value.origin is not None and info.value.origin.endswith("bad.jsonl:2")
    no_events = write_gold(tmp_path, "noev.jsonl", [{"id": "a", "text": "t", "events": "x"}])
    with pytest.raises(MalformedRecord):
        load_gold(no_events)
    mixed = write_gold(
        tmp_path, "mixed.jsonl", [rec("a", "t", []), {"id": "b", "text": "u", "expected": {}}]
    )
    with pytest.raises(MalformedRecord):
        load_gold(mixed)


# -- event sets ----------------------------------------------------------------------------------


@pytest.fixture
def plain_set(tmp_path: Path) -> GoldSet:
    rows = [
        rec("r1", "one", [ev("USAGOV", "RUSGOV", "040"), ev("USA", "CHN", "190")]),
        rec("r2", "two", []),
        rec("r3", "three", [ev("GBR", "IRN", "111")]),
    ]
    return load_gold(write_gold(tmp_path, "plain.jsonl", rows))


PLAIN_OUTPUTS: Outputs = {
    "one": [event("USAMIL", "RUSGOV", "042"), event("CHN", "USA", "190")],
    "two": [event("FRA", "DEU", "010")],
    "three": [],
}


def test_event_metrics_arithmetic(plain_set: GoldSet) -> None:
    report = evaluate(plain_set, fake_coder(PLAIN_OUTPUTS))
    # dyad+root: (USA,RUS,04) matches; (CHN,USA,19) and (FRA,DEU,01) are false alarms;
    # (USA,CHN,19) and (GBR,IRN,11) are missed.
    dyad = metric(report, "dyad_root")
    assert dyad == Counts(tp=1, fp=2, fn=2)
    assert dyad.precision == pytest.approx(1 / 3)
    assert dyad.recall == pytest.approx(1 / 3)
    assert dyad.f1 == pytest.approx(1 / 3)
    assert metric(report, "code") == Counts(tp=0, fp=3, fn=3)
    assert metric(report, "root") == Counts(tp=2, fp=1, fn=1)
    # r1 finds its roots; r2 should have produced nothing; r3 misses its root.
    assert accuracy(report, "root_recall_records") == Tally(1, 3)
    # Exactly the gold's roots: r1 only (r2 printed a false event, r3 none).
    assert accuracy(report, "root_exact") == Tally(1, 3)
    # The whole dyad (as score_gold.py sentgold): the same items as dyad+root here.
    assert metric(report, "dyad_type") == Counts(tp=1, fp=2, fn=2)
    assert report.family == "cameo"
    (headline,) = report.headlines
    assert headline.key == "dyad_type_f1" and headline.value == pytest.approx(1 / 3)


def test_per_root_table(plain_set: GoldSet) -> None:
    report = evaluate(plain_set, fake_coder(PLAIN_OUTPUTS))
    rows = {r.root: r for r in report.per_root}
    assert [r.root for r in report.per_root] == [f"{n:02d}" for n in range(1, 21)]
    assert (rows["04"].gold, rows["04"].system, rows["04"].tp) == (1, 1, 1)
    assert (rows["19"].gold, rows["19"].system, rows["19"].tp) == (1, 1, 1)
    assert (rows["01"].gold, rows["01"].system, rows["01"].tp) == (0, 1, 0)
    assert (rows["11"].gold, rows["11"].system, rows["11"].tp) == (1, 0, 0)
    assert rows["01"].counts.precision == 0.0 and rows["11"].counts.recall == 0.0
    assert rows["20"].counts.f1 is None


def test_multiple_events_match_as_multisets(tmp_path: Path) -> None:
    rows = [rec("m", "twice", [ev("ARN", "GON", "040"), ev("ARN", "GON", "040")])]
    gold = load_gold(write_gold(tmp_path, "multi.jsonl", rows))
    three = [event("ARN", "GON", "040")] * 3
    report = evaluate(gold, fake_coder({"twice": three}))
    assert metric(report, "code") == Counts(tp=2, fp=1, fn=0)
    assert metric(report, "dyad_root") == Counts(tp=2, fp=1, fn=0)
    report = evaluate(gold, fake_coder({"twice": three[:1]}))
    assert metric(report, "code") == Counts(tp=1, fp=0, fn=1)


def test_null_actor_records_are_scored_on_codes(tmp_path: Path) -> None:
    rows = [
        rec("b1", "appeal", [ev(None, None, "0211")]),
        rec("b2", "consult", [ev(None, None, "040")]),
        rec("b3", "threaten", [ev(None, None, "130")]),
    ]
    gold = load_gold(write_gold(tmp_path, "cameo_codebook.jsonl", rows))
    outputs: Outputs = {
        "appeal": [event("USAGOV", "RUSGOV", "0213")],  # right root, wrong full code
        "consult": [event("FRA", "DEU", "040"), event("FRA", "DEU", "190")],
        "threaten": [event("CHN", None, "120")],
    }
    report = evaluate(gold, fake_coder(outputs))
    assert report.family == "cameo_codebook"
    assert accuracy(report, "root_recall_records") == Tally(2, 3)
    assert accuracy(report, "root_exact") == Tally(1, 3)
    assert metric(report, "root") == Counts(tp=2, fp=2, fn=1)
    assert metric(report, "code") == Counts(tp=1, fp=3, fn=2)  # actors are wildcards
    # Null gold actors are wildcards: the whole dyad is the root, false events counted.
    assert metric(report, "dyad_type") == Counts(tp=2, fp=2, fn=1)
    group = report.group("all")
    assert group is not None and "dyad_root" not in {m.key for m in group.metrics}
    assert [h.key for h in report.headlines] == ["dyad_type_f1", "root_exact"]
    headline = report.headlines[0]
    assert headline.value == pytest.approx(4 / 7)
    assert "P 0.500  R 0.667" in headline.detail
    assert any("not coded" in n for n in report.notes)


def test_gold_null_target_is_a_wildcard(tmp_path: Path) -> None:
    rows = [rec("w", "said", [ev("USAGOV", None, "010")])]
    gold = load_gold(write_gold(tmp_path, "w.jsonl", rows))
    report = evaluate(gold, fake_coder({"said": [event("USAGOV", "RUSGOV", "010")]}))
    assert metric(report, "dyad_root") == Counts(tp=1)
    assert metric(report, "code") == Counts(tp=1)


def test_empty_gold_events_make_false_positives(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, "e.jsonl", [rec("n", "nothing", [])]))
    report = evaluate(gold, fake_coder({"nothing": [event("USA", "RUS", "040")]}))
    assert metric(report, "dyad_root") == Counts(tp=0, fp=1, fn=0)
    assert metric(report, "dyad_type") == Counts(tp=0, fp=1, fn=0)
    assert accuracy(report, "root_recall_records") == Tally(0, 1)
    report = evaluate(gold, fake_coder({}))
    assert metric(report, "dyad_root") == Counts()
    assert accuracy(report, "root_recall_records") == Tally(1, 1)


def test_only_asserted_events_count(tmp_path: Path) -> None:
    rows = [rec("a", "maybe", [ev("USA", "RUS", "040")])]
    gold = load_gold(write_gold(tmp_path, "modes.jsonl", rows))
    outputs: Outputs = {
        "maybe": [
            event("USA", "RUS", "040", mode=Mode.HYPOTHETICAL),
            event("USA", "CHN", "190", mode=Mode.NEGATED),
        ]
    }
    report = evaluate(gold, fake_coder(outputs))
    assert metric(report, "dyad_root") == Counts(tp=0, fp=0, fn=1)
    assert report.records[0].ignored_events == 2 and report.records[0].system_events == 0
    report = evaluate(gold, fake_coder(outputs), include_all_modes=True)
    assert metric(report, "dyad_root") == Counts(tp=1, fp=1, fn=0)
    assert "all modes" in format_report(report)


def test_coder_errors_are_misses_and_listed(tmp_path: Path) -> None:
    rows = [
        rec("ok", "fine", [ev("USA", "RUS", "040")]),
        rec("bad", "explodes", [ev("USA", "RUS", "040")]),
        rec("bad-empty", "explodes too", []),
        rec("odd", "returns junk", [ev("USA", "RUS", "040")]),
    ]
    gold = load_gold(write_gold(tmp_path, "err.jsonl", rows))
    outputs: dict[str, Any] = {
        "fine": [event("USA", "RUS", "040")],
        "explodes": RuntimeError("parser fell over"),
        "explodes too": ValueError("no"),
        "returns junk": ["not an event"],
    }
    report = evaluate(gold, fake_coder(outputs))
    assert metric(report, "dyad_root") == Counts(tp=1, fp=0, fn=2)
    assert accuracy(report, "root_recall_records") == Tally(1, 4)  # an errored empty record
    assert [e[0] for e in report.errors] == ["bad", "bad-empty", "odd"]
    assert "RuntimeError: parser fell over" in report.errors[0][2]
    assert "not Event" in report.errors[2][2]
    group = report.group("all")
    assert group is not None and group.n_errors == 3
    text = format_report(report)
    assert "3 record(s) failed" in text and "parser fell over" not in text
    assert "bad (line 2): RuntimeError: parser fell over" in format_report(report, verbose=True)


@pytest.fixture
def petrarch_set(tmp_path: Path) -> GoldSet:
    rows = [
        rec("C-38", "compound", [ev("PHL", "IGOEEU", "030"), ev("IGOEEU", "PHL", "030")],
            evaluate=True, actors="real"),
        rec("V-01", "deplored", [ev("ETH", "LBY", "111")], evaluate=True, actors="real"),
        rec("E-01", "discarded", [], evaluate=True, actors="real"),
        rec("D-00", "arnor", [ev("ARN", "GON", "064")], evaluate=True, actors="fictional"),
        rec("D-04", "typo", [ev("ARN", "GON", "064")], evaluate=False, actors="fictional"),
        rec("D-24", "arrested", [ev("RUSCOP", "RUSEDU", "212")], evaluate=True, actors="real",
            non_cameo_codes=True),
    ]  # fmt: skip
    return load_gold(write_gold(tmp_path, "petrarch2_unittest_mini.jsonl", rows))


PETRARCH_OUTPUTS: dict[str, Any] = {
    # Same set in another order, with a duplicate: passes (set comparison).
    "compound": [
        event("IGOEEU", "PHL", "030"),
        event("PHL", "IGOEEU", "030"),
        event("PHL", "IGOEEU", "030"),
    ],
    "deplored": [event("ETH", "LBY", "112")],
    "discarded": [],
    "arnor": [],
    "typo": AssertionError("evaluate=false records must not be run"),
    "arrested": [event("RUSCOP", "RUSEDU", "212")],
}


def test_petrarch_records_passed(petrarch_set: GoldSet) -> None:
    report = evaluate(petrarch_set, fake_coder(PETRARCH_OUTPUTS))
    assert report.family == "petrarch"
    assert report.n_not_evaluated == 1 and not report.errors
    assert accuracy(report, "passed") == Tally(2, 4)
    assert accuracy(report, "passed", "real") == Tally(2, 3)
    assert accuracy(report, "passed", "fictional") == Tally(0, 1)
    assert accuracy(report, "passed", "non_cameo") == Tally(1, 1)
    assert [h.key for h in report.headlines] == ["dyad_type_f1", "passed", "real_passed"]
    assert report.headlines[1].value == 0.5
    assert report.headlines[2].value == pytest.approx(2 / 3)
    # The whole dyad counts every scored record, the non-CAMEO one too (as score_gold.py):
    # C-38 two found and a duplicate, V-01 found (root 11), D-00 missed, D-24 found.
    assert metric(report, "dyad_type") == Counts(tp=4, fp=1, fn=1)
    assert metric(report, "dyad_type", "non_cameo") == Counts(tp=1)
    failed = {r.id: r for r in report.records if r.correct is False}
    assert set(failed) == {"V-01", "D-00"}
    assert failed["V-01"].missed == ("ETH -> LBY 111",)
    assert failed["V-01"].false_alarms == ("ETH -> LBY 112",)
    # The non-CAMEO record stays out of the main group and the per-root table.
    assert sum(r.gold for r in report.per_root) == 4
    assert "other" not in {r.root for r in report.per_root}


def test_petrarch_report_text(petrarch_set: GoldSet) -> None:
    report = evaluate(petrarch_set, fake_coder(PETRARCH_OUTPUTS))
    text = format_report(report)
    assert "petrarch2_unittest_mini" in text
    assert "HEADLINE records passed: 0.500" in text
    assert "HEADLINE records passed, real-name actors: 0.667" in text
    assert "[fictional]" in text and "[non_cameo]" in text
    assert "evaluate=false" in text
    assert "V-01" not in text
    verbose = format_report(report, verbose=True)
    assert "V-01 (line 2) [all, real]: deplored" in verbose
    assert "missed:      ETH -> LBY 111" in verbose
    assert "false alarm: ETH -> LBY 112" in verbose


@pytest.fixture
def plover_set(tmp_path: Path) -> GoldSet:
    rows = [
        # A compound expanded into one gold event per target: one (source country, type) item.
        rec("P1", "congress agreed", [ev("USALEG", "IRN", None, plover="AGREE"),
                                      ev("USALEG", "LBY", None, plover="AGREE")]),
        rec("P2", "strike", [ev("ISRMIL", "PSE", None, plover="ASSAULT")]),
        rec("P3", "rescued", [ev(None, None, None, plover="AID")]),
    ]  # fmt: skip
    return load_gold(write_gold(tmp_path, "plover_examples_mini.jsonl", rows))


PLOVER_OUTPUTS: Outputs = {
    "congress agreed": [event("USAGOV", "IRN", "057", plover="AGREE")],
    "strike": [event("PSE", "ISR", "190", plover="ASSAULT"), event("PSE", "ISR", "010")],
    "rescued": [event("RUSMIL", None, "073", plover="AID")],
}


def test_plover_metrics(plover_set: GoldSet) -> None:
    report = evaluate(plover_set, fake_coder(PLOVER_OUTPUTS))
    assert report.family == "plover"
    plover = metric(report, "plover")
    assert plover == Counts(tp=2, fp=1, fn=1)  # P2 has the source wrong; P3's source is open
    assert plover.f1 == pytest.approx(2 / 3)
    assert metric(report, "plover_type") == Counts(tp=3, fp=0, fn=0)
    # The whole dyad, PLOVER type: P1 finds IRN but not LBY; P2 has both events false (the
    # direction is wrong, the 010 has no type); P3's open actors accept RUS.
    assert metric(report, "dyad_type") == Counts(tp=2, fp=2, fn=2)
    group = report.group("all")
    assert group is not None
    assert {m.key for m in group.metrics} == {"dyad_type", "plover", "plover_type"}
    assert not report.per_root  # no CAMEO codes in the gold
    assert [h.key for h in report.headlines] == ["dyad_type_f1", "plover_f1"]
    assert report.headlines[0].value == pytest.approx(0.5)
    assert report.headlines[1].value == pytest.approx(2 / 3)
    text = format_report(report)
    assert "HEADLINE whole dyad (source country, target country, PLOVER type) F1: 0.500" in text
    assert "HEADLINE PLOVER (source country, type) F1: 0.667" in text
    failed = [r for r in report.records if r.missed]
    assert [r.id for r in failed] == ["P2"]
    assert failed[0].false_alarms == ("PSE -> ISR 190 [ASSAULT]",)


def test_silver_document_accuracy(tmp_path: Path) -> None:
    rows = [
        rec("s1", "story one", [ev(None, None, None, plover="PROTEST", mode="STRIKE")]),
        rec("s2", "story two", [ev(None, None, None, plover="ASSAULT")]),
        rec("s3", "story three", [ev(None, None, None, plover="AGREE")]),
        rec("s4", "story four", [ev(None, None, None, plover="COERCE")]),
    ]
    gold = load_gold(write_gold(tmp_path, "ngec_synthetic_events_silver.jsonl", rows))
    outputs: Outputs = {
        "story one": [event("HTI", None, "141", plover="PROTEST")],
        # A tie between ASSAULT and AGREE goes to the first in the document: AGREE (wrong).
        "story two": [
            event("A", None, "057", plover="AGREE"),
            event("B", None, "190", plover="ASSAULT"),
        ],
        "story three": [event("A", None, "057", plover="AGREE")] * 2 + [
            event("B", None, "190", plover="ASSAULT")
        ],
        "story four": [event("A", None, "010")],  # no PLOVER type at all
    }  # fmt: skip
    report = evaluate(gold, fake_coder(outputs))
    assert report.family == "plover_silver" and report.silver
    assert accuracy(report, "plover_doc_accuracy") == Tally(2, 4)
    assert accuracy(report, "plover_doc_hit_rate") == Tally(3, 4)
    (headline,) = report.headlines
    assert headline.key == "plover_doc_accuracy" and "SILVER" in headline.label
    text = format_report(report)
    assert "SILVER SET" in text and "HEADLINE SILVER" in text
    assert report_to_dict(report)["silver"] is True


# -- actor sets ----------------------------------------------------------------------------------


@pytest.fixture
def actor_set(tmp_path: Path) -> GoldSet:
    rows: list[dict[str, Any]] = [
        {"id": "a1", "task": "search_nat", "text": "Great Britain", "context": None,
         "date": None, "expected": {"country": "GBR", "remaining_text": ""}},
        {"id": "a2", "task": "short_text_to_agent", "text": "tourists", "context": None,
         "date": None, "expected": {"code_1": "CVL", "country": ""}},
        {"id": "a3", "task": "agent_to_code", "text": "Hezbollah", "context": None, "date": None,
         "expected": {"code_1": {"In": ["PTY", "REB"]}, "country": "LBN"}},
        {"id": "a4", "task": "agent_to_code", "text": "Diego Molano", "context": "Colombian",
         "date": "today", "expected": {"country": "COL", "code_1": "GOV", "code_2": "MIL"}},
        {"id": "a5", "task": "trf_agent_match", "text": "a cat named Frank", "context": None,
         "date": None, "expected": {"resolves_to": None}},
        {"id": "a6", "task": "query_wiki", "text": "Abkhazia", "context": None, "date": None,
         "expected": {"title": "Abkhazia"}},
        {"id": "a7", "task": "agent_to_code", "text": "he", "context": None, "date": None,
         "expected": {"country": "", "code_1": "UNK"}},
        {"id": "a8", "task": "agent_to_code", "text": "NATO", "context": None, "date": None,
         "expected": {"country": "IGO"}},
        {"id": "a9", "task": "agent_to_code", "text": "crash", "context": None, "date": None,
         "expected": {"country": "RUS", "code_1": "MIL"}},
    ]  # fmt: skip
    return load_gold(write_gold(tmp_path, "ngec_actor_mini.jsonl", rows), today=dt.date(2026, 2, 5))


def test_actor_resolution_scores(actor_set: GoldSet) -> None:
    calls: list[tuple[str, str | None, dt.date | None]] = []
    answers: dict[str, tuple[str | None, str | None] | None] = {
        "Great Britain": ("GBR", None),
        "tourists": (None, "CVL"),
        "Hezbollah": ("LBN", "REB"),
        "Diego Molano": ("COL", "MIL"),
        "a cat named Frank": None,
        "he": None,
        "NATO": ("USA", None),
    }

    def resolver(text: str, context: str | None, date: dt.date | None) -> Any:
        calls.append((text, context, date))
        if text == "crash":
            raise KeyError("gazetteer missing")
        return answers[text]

    report = evaluate(actor_set, fake_coder({}), resolver)
    assert report.kind == "actors" and report.n_records == 9 and report.n_not_evaluated == 1
    assert "Abkhazia" not in [c[0] for c in calls]
    assert ("Diego Molano", "Colombian", dt.date(2026, 2, 5)) in calls
    # Countries: a1 a2 a3 a4 a7 right; a8 (IGO) wrong; a9 raised.
    assert accuracy(report, "country_accuracy") == Tally(5, 7)
    # Roles: a2 a3 a4 (code_2 accepted) a7 (UNK accepts no role) right; a9 raised.
    assert accuracy(report, "role_accuracy") == Tally(4, 5)
    assert accuracy(report, "null_accuracy") == Tally(1, 1)
    assert accuracy(report, "country_accuracy", "agent_to_code") == Tally(3, 5)
    assert [h.key for h in report.headlines] == ["country_accuracy", "role_accuracy"]
    assert report.errors == (("a9", 9, "KeyError: 'gazetteer missing'"),)
    text = format_report(report, verbose=True)
    assert "HEADLINE actor country accuracy: 0.714" in text
    assert "HEADLINE actor role accuracy: 0.800" in text
    assert "a8 (line 8) agent_to_code: 'NATO'" in text
    assert "expected country IGO; got country USA, role (none)" in text
    assert "not scored: 1 query_wiki" in text


def test_actor_set_needs_a_resolver(actor_set: GoldSet) -> None:
    with pytest.raises(UsageError):
        evaluate(actor_set, fake_coder({}))


def test_bad_resolver_answers_are_errors(actor_set: GoldSet) -> None:
    report = evaluate(actor_set, fake_coder({}), lambda t, c, d: ("GBR",))  # type: ignore[arg-type,return-value]
    assert len(report.errors) == 8
    assert accuracy(report, "country_accuracy") == Tally(0, 7)


# -- dicts and floors ----------------------------------------------------------------------------


def test_report_to_dict_is_json(plover_set: GoldSet, petrarch_set: GoldSet) -> None:
    report = evaluate(plover_set, fake_coder(PLOVER_OUTPUTS))
    data = json.loads(json.dumps(report_to_dict(report)))
    assert data["set"] == "plover_examples_mini" and data["records"] == 3
    assert data["metrics"]["plover_f1"] == pytest.approx(2 / 3)
    assert data["headline"][0]["key"] == "dyad_type_f1"
    assert data["groups"][0]["metrics"]["plover"] == {
        "tp": 2, "fp": 1, "fn": 1,
        "precision": pytest.approx(2 / 3), "recall": pytest.approx(2 / 3),
        "f1": pytest.approx(2 / 3),
    }  # fmt: skip
    assert [f["id"] for f in data["failures"]] == ["P2"]
    pet = report_to_dict(evaluate(petrarch_set, fake_coder(PETRARCH_OUTPUTS)))
    assert pet["metrics"]["passed"] == 0.5
    assert pet["metrics"]["real_passed"] == pytest.approx(2 / 3)
    assert pet["metrics"]["non_cameo_passed"] == 1.0
    assert len(pet["per_root"]) == 20
    json.dumps(pet)


def test_check_floors(plover_set: GoldSet, petrarch_set: GoldSet) -> None:
    plover = report_to_dict(evaluate(plover_set, fake_coder(PLOVER_OUTPUTS)))
    pet = report_to_dict(evaluate(petrarch_set, fake_coder(PETRARCH_OUTPUTS)))
    assert check_floors(plover, {"plover_examples_mini.plover_f1": 0.6}) == []
    assert check_floors(plover, {"plover_f1": 0.6}) == []  # one report: set name optional
    messages = check_floors([plover, pet], {
        "plover_examples_mini.plover_f1": 0.7,
        "petrarch2_unittest_mini.passed": 0.5,
        "petrarch2_unittest_mini.real_passed": 0.9,
        "petrarch2_unittest_mini.no_such_metric": 0.1,
        "missing_set.plover_f1": 0.1,
    })  # fmt: skip
    assert messages == [
        "plover_examples_mini.plover_f1 = 0.667 is below its floor 0.700",
        "petrarch2_unittest_mini.real_passed = 0.667 is below its floor 0.900",
        "petrarch2_unittest_mini.no_such_metric: the report has no metric 'no_such_metric'"
        " (floor 0.100)",
        "missing_set.plover_f1: no report for this set (floor 0.100)",
    ]
    by_name = {"a": plover, "b": pet}
    assert check_floors(by_name, {"petrarch2_unittest_mini.passed": 0.6}) == [
        "petrarch2_unittest_mini.passed = 0.500 is below its floor 0.600"
    ]
    undefined = dict(plover, metrics={"plover_f1": None})
    assert "undefined" in check_floors(undefined, {"plover_f1": 0.1})[0]


# -- the real gold files (read from ../shared, never committed) ----------------------------------


@pytest.mark.shared
def test_real_gold_files_load() -> None:
    files = sorted(shared_path("gold").glob("*.jsonl"))
    assert files
    for path in files:
        gold = load_gold(path)
        assert len(gold) > 0, path.name
        if "actor" in path.name:
            assert gold.kind == "actors"
        else:
            assert gold.kind == "events" and gold.records
        if "silver" in path.name:
            assert gold.family == "plover_silver"
        elif "petrarch" in path.name:
            assert gold.family == "petrarch"
        elif "plover" in path.name:
            assert gold.family == "plover"
        elif "codebook" in path.name:
            assert gold.family == "cameo_codebook"


# -- halves, records not evaluated, recorded events, ceilings -------------------------------------


def test_half_scores_only_its_records(tmp_path: Path) -> None:
    # 'a' and 'b' fall in the check half, 'c' and 'd' in the tune half (sha256 parity).
    rows = [rec(i, i, [ev("USA", "RUS", "040")]) for i in ("a", "b", "c", "d")]
    gold = load_gold(write_gold(tmp_path, "halves.jsonl", rows))
    found = {"a": [event("USA", "RUS", "040")], "c": [event("USA", "RUS", "040")]}
    check = evaluate(gold, fake_coder(found), scope=Scope(half="check"))
    assert [r.id for r in check.records] == ["a", "b"]
    assert metric(check, "dyad_type") == Counts(tp=1, fp=0, fn=1)
    assert check.half == "check" and check.n_other_half == 2
    assert "2 record(s) of the other half left out" in format_report(check)
    data = report_to_dict(check)
    assert data["half"] == "check" and data["other_half"] == 2
    tune = evaluate(gold, fake_coder(found), scope=Scope(half="tune"))
    assert [r.id for r in tune.records] == ["c", "d"]


def test_excluded_and_error_expecting_records_are_not_run(tmp_path: Path) -> None:
    rows = [
        rec("E-1", "about", [ev("ARN", "GON", "064")], evaluate=True),
        rec("E-2", "error", [], evaluate=True, expects_error=True),
        rec("E-3", "plain", [ev("ARN", "GON", "064")], evaluate=True),
    ]
    gold = load_gold(write_gold(tmp_path, "petrarch_mini.jsonl", rows))
    assert gold.records[1].expects_error
    outputs: dict[str, Any] = {
        "about": AssertionError("an excluded record must not be run"),
        "error": AssertionError("an error-expecting record must not be run"),
        "plain": [event("ARN", "GON", "064")],
    }
    excluded = exclusions_for(
        [
            Exclusion("petrarch_mini", "E-1", "future", "about"),
            Exclusion("petrarch_mini", "E-3", "another record with the same id", "elsewhere"),
        ],
        "petrarch_mini",
    )
    report = evaluate(gold, fake_coder(outputs), scope=Scope(excluded=excluded))
    assert [r.id for r in report.records] == ["E-3"] and not report.errors
    assert report.n_not_evaluated == 2
    assert any("not evaluated by the project: future" in n for n in report.notes)
    assert any("expects_error" in n for n in report.notes)


def test_exclusion_lists(tmp_path: Path) -> None:
    path = tmp_path / "not_evaluated.jsonl"
    path.write_text(
        "# comment\n"
        + json.dumps({"set": "s1", "id": "A", "reason": "about to"})
        + "\n\n"
        + json.dumps({"set": "s2", "id": "B", "reason": "will"})
        + "\n",
        encoding="utf-8",
    )
    found = load_exclusions(path)
    assert [(e.set_name, e.id) for e in found] == [("s1", "A"), ("s2", "B")]
    assert dict(exclusions_for(found, "s1")) == {"A": (Exclusion("s1", "A", "about to"),)}
    assert Scope(excluded=exclusions_for(found, "s1")).exclusion("A") == "about to"
    path.write_text(json.dumps({"set": "s1", "id": "A"}) + "\n", encoding="utf-8")
    with pytest.raises(MalformedRecord, match="reason"):
        load_exclusions(path)


def test_recorded_events_count_as_printed(tmp_path: Path) -> None:
    rows = [rec("x", "text x", [ev("USA", "RUS", "040")]), rec("y", "text y", [])]
    gold = load_gold(write_gold(tmp_path, "recorded.jsonl", rows))
    recorded = RecordedEvents.of(
        [
            dataclasses.replace(event("USA", "RUS", "040", mode=Mode.FUTURE), doc_id="x"),
            dataclasses.replace(event("USA", "RUS", "040"), doc_id="y"),
            dataclasses.replace(event("USA", "RUS", "040"), doc_id="elsewhere"),
        ],
        origin="ev.jsonl",
    )
    report = evaluate(gold, recorded)
    # every event of the file counts, whatever its mode; events of other ids are ignored
    assert metric(report, "dyad_type") == Counts(tp=1, fp=1, fn=0)
    assert any("events read from ev.jsonl" in n for n in report.notes)


def test_ceilings_and_gate_files(plover_set: GoldSet) -> None:
    plover = report_to_dict(evaluate(plover_set, fake_coder(PLOVER_OUTPUTS)))
    assert check_ceilings(plover, {"plover_f1": 0.7}) == []
    assert check_ceilings(plover, {"plover_f1": 0.6}) == [
        "plover_f1 = 0.667 is above its ceiling 0.600"
    ]
    assert "no metric" in check_ceilings(plover, {"nothing": 1.0})[0]
    # floating-point noise is no breach: 0.08000000000000003 meets a ceiling of 0.08
    noisy = dict(plover, metrics={"confidence_ece": 0.08000000000000003, "plover_f1": 0.7 - 3e-17})
    assert check_ceilings(noisy, {"confidence_ece": 0.08}) == []
    assert check_floors(noisy, {"plover_f1": 0.7}) == []
    assert check_ceilings(noisy, {"confidence_ece": 0.079}) != []
    gate = {
        "note": "ignored",
        "floors": {"plover_examples_mini.plover_f1": 0.7},
        "ceilings": {"plover_examples_mini.dyad_type_f1": 0.4},
    }
    assert check_gate(plover, gate) == [
        "plover_examples_mini.plover_f1 = 0.667 is below its floor 0.700",
        "plover_examples_mini.dyad_type_f1 = 0.500 is above its ceiling 0.400",
    ]
    assert check_gate(plover, {"plover_f1": 0.6}) == []  # a flat mapping is floors


@pytest.mark.shared
def test_real_document_gold_loads() -> None:
    gold = load_gold(shared_path("gold", "documents", "wikinews_docgold_dev.jsonl"))
    assert (gold.kind, gold.family) == ("documents", "docgold")
    assert (len(gold.documents), len(gold.skipped)) == (107, 132)
    assert sum(len(d.required) for d in gold.documents) == 341
    assert sum(len(d.forbidden) for d in gold.documents) == 190


@pytest.mark.shared
def test_packaged_exclusions_name_real_future_records() -> None:
    """Every record the project does not evaluate exists, is scored by its set otherwise,
    and is a future coded as done ('is about to X', 'will X') or an act its subject denies
    coded as done ('Neither Galadriel nor Gollum boycotted'), its reason saying which."""
    from accord.evalrun import packaged_exclusions

    exclusions = packaged_exclusions()
    assert exclusions
    sets = {e.set_name for e in exclusions}
    for name in sets:
        records = load_gold(shared_path("gold", f"{name}.jsonl")).records
        for e in (x for x in exclusions if x.set_name == name):
            # an id can be used twice in a set (once with evaluate=false)
            scored = [r for r in records if r.id == e.id and r.text == e.text]
            assert len(scored) == 1 and scored[0].events, e
            assert scored[0].evaluate and not scored[0].expects_error, e
            future = " about to " in scored[0].text or " will " in scored[0].text
            denied = scored[0].text.startswith("Neither ") and " nor " in scored[0].text
            assert future or denied, e
            assert "test convention" in e.reason
            assert ("Neither" in e.reason) == (denied and not future), e
