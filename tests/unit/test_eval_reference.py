"""The reference scorer's rules (accord.evaluation.reference) on hand-made events, and, where
../shared is present, the same events through ../shared/tools/score_gold.py itself."""

from __future__ import annotations

import importlib.util
import itertools
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from accord.evaluation import Counts
from accord.evaluation.reference import (
    ForbiddenRule,
    GoldTriple,
    RequiredRule,
    event_root,
    forbidden_hit,
    gold_country,
    half_of,
    in_half,
    output_country,
    place_key,
    required_matches,
    whole_dyad_counts,
)
from accord.formats import event_to_dict
from accord.model import Event
from tests.shared_data import shared_path
from tests.unit.events import actor, event


def test_halves_are_fixed_by_the_id() -> None:
    # Pinned: the split must never move (the reference's sha256 parity rule).
    assert [half_of(i) for i in ("DEMO-00", "bbc-sport-001", "a", "b")] == ["check"] * 4
    assert [half_of(i) for i in ("wikinews-3dde3d3730ed", "P1", "c", "d")] == ["tune"] * 4
    assert in_half("a", None) and in_half("a", "check") and not in_half("a", "tune")
    ids = [f"id-{n}" for n in range(400)]
    assert 150 < sum(half_of(i) == "check" for i in ids) < 250


def test_countries_and_roots() -> None:
    assert output_country(actor("USAGOV")) == "USA"
    assert output_country(actor("IGOUNO")) == "IGO"
    assert output_country(actor("XYZ", country="IGO")) == "IGO"
    assert output_country(actor("---COP")) is None
    assert output_country(actor("NGOAMN", country=None)) == "NGO"  # the code's first three
    assert output_country(None) is None
    assert gold_country("---GOV") is None and gold_country(None) is None
    assert gold_country("IGOEEU") == "IGO" and gold_country("ARNREL") == "ARN"
    assert event_root(event("USA", None, "0431")) == "04"
    assert event_root(event("USA", None, "1")) is None


def triple(
    source: str | None, target: str | None, code: str | None = None, plover: str | None = None
) -> GoldTriple:
    return GoldTriple(source, target, code, plover)


def test_whole_dyad_counts_every_event_and_wildcards() -> None:
    gold = [triple("USAGOV", "RUSGOV", "040")]
    assert whole_dyad_counts(gold, [event("USAGOV", "RUSGOV", "042")]) == Counts(1, 0, 0)
    # duplicates count: the second copy is a false event
    twice = [event("USAGOV", "RUSGOV", "042")] * 2
    assert whole_dyad_counts(gold, twice) == Counts(1, 1, 0)
    # the target matters (unlike the PLOVER (source, type) metric)
    assert whole_dyad_counts(gold, [event("USAGOV", "CHN", "042")]) == Counts(0, 1, 1)
    # a null or '---' gold actor is a wildcard; an output '---' actor is no country
    open_target = [triple("USAGOV", "---COP", "040")]
    assert whole_dyad_counts(open_target, [event("USA", "CHN", "040")]) == Counts(1, 0, 0)
    assert whole_dyad_counts(gold, [event("---COP", "RUS", "040")]) == Counts(0, 1, 1)
    # no gold events: every output event is false
    assert whole_dyad_counts([], [event("A", "B")]) == Counts(0, 1, 0)


def test_whole_dyad_matches_specific_gold_first() -> None:
    # Greedy: a wildcard gold taken first would use up the only USA->RUS event.
    gold = [triple(None, None, "190"), triple("USA", "RUS", "190")]
    out = [event("USA", "RUS", "190"), event("CHN", "JPN", "190")]
    assert whole_dyad_counts(gold, out) == Counts(2, 0, 0)


def test_whole_dyad_uses_plover_types_when_the_gold_has_them() -> None:
    gold = [triple("ISRMIL", "PSE", None, "ASSAULT")]
    assert whole_dyad_counts(gold, [event("ISR", "PSE", "190", plover="assault")]) == Counts(1)
    # the 010 statement has no PLOVER type: a false event
    out = [event("ISR", "PSE", "190", plover="ASSAULT"), event("ISR", "PSE", "010")]
    assert whole_dyad_counts(gold, out) == Counts(1, 1, 0)


def test_required_items() -> None:
    rule = RequiredRule("USA", "IRN", symmetric=False, roots=("04", "05"))
    assert required_matches(rule, [event("USAGOV", "IRNGOV", "042")])
    assert not required_matches(rule, [event("IRNGOV", "USAGOV", "042")])
    assert not required_matches(rule, [event("USAGOV", "IRNGOV", "190")])
    symmetric = RequiredRule("USA", "IRN", symmetric=True, roots=("04",))
    assert required_matches(symmetric, [event("IRNGOV", "USAGOV", "042")])
    any_target = RequiredRule("IGO", None, symmetric=False, roots=("01",))
    assert required_matches(any_target, [event("IGOUNO", None, "010")])


def test_forbidden_items() -> None:
    pair = ForbiddenRule(("USA", "MEX"), ("13", "15"))
    assert forbidden_hit(pair, event("MEXGOV", "USAGOV", "130"))
    assert not forbidden_hit(pair, event("MEXGOV", "USAGOV", "010"))
    assert not forbidden_hit(pair, event("MEXGOV", "CAN", "130"))
    one = ForbiddenRule(("SYR",), ("19",))
    assert forbidden_hit(one, event("TUR", "SYR", "190"))
    domestic = ForbiddenRule(("USA", "USA"), ("18",))
    assert forbidden_hit(domestic, event("USACOP", "USACVL", "180"))
    assert forbidden_hit(domestic, event("USACOP", None, "180"))
    assert not forbidden_hit(domestic, event("USACOP", "MEX", "180"))
    caption = ForbiddenRule((), (), ("Image:",))
    assert forbidden_hit(caption, event("A", "B", "010", sentence="image: the summit"))
    assert not forbidden_hit(ForbiddenRule((), (), ()), event("A", "B"))


def test_place_names_fold() -> None:
    assert place_key("São Paulo, Brazil") == "sao paulo"
    assert place_key("The City of London") == "london"
    assert place_key("Washington, D.C.") == place_key("washington")
    assert place_key(None) == ""


# -- the same events through the reference script itself ------------------------------------------


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_gold", shared_path("tools", "score_gold.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CODES = ("USAGOV", "RUSMIL", "IGOUNO", "---COP", "CHN", None)
ROOTS = ("010", "042", "190", "1")


def _events() -> list[Event]:
    out = []
    for s, t, c in itertools.product(CODES[:-1], CODES, ROOTS):
        out.append(event(s, t, c, plover="ASSAULT" if c == "190" else None, sentence=f"{s} {t}"))
    return out


@pytest.mark.shared
def test_rules_agree_with_the_reference_script(reference: ModuleType) -> None:
    events = _events()
    as_json = [json.loads(json.dumps(event_to_dict(e))) for e in events]
    for e, d in zip(events, as_json, strict=True):
        assert output_country(e.source) == reference.country(d["source"])
        assert output_country(e.target) == reference.country(d["target"])
        assert event_root(e) == reference.root(d)
    for code in CODES:
        assert gold_country(code) == reference.gold_country(code)
    for ident in (f"x{n}" for n in range(50)):
        assert half_of(ident) == reference.half_of(ident)
    for s, t, sym in itertools.product(("USA", "IGO"), ("RUS", None), (False, True)):
        rule = RequiredRule(s, t, sym, ("01", "04", "19"))
        raw: dict[str, Any] = {
            "source": s,
            "target": t,
            "symmetric": sym,
            "roots": list(rule.roots),
        }
        ours = [events.index(e) for e in required_matches(rule, events)]
        theirs = [as_json.index(d) for d in reference._matches(raw, as_json)]
        assert ours == theirs
    forbidden: list[tuple[ForbiddenRule, dict[str, Any]]] = [
        (ForbiddenRule(("USA", "RUS"), ("19",)), {"countries": ["USA", "RUS"], "roots": ["19"]}),
        (ForbiddenRule(("USA", "USA"), ("01",)), {"countries": ["USA", "USA"], "roots": ["01"]}),
        (ForbiddenRule(("IGO",), ("04",)), {"countries": ["IGO"], "roots": ["04"]}),
        (ForbiddenRule((), (), ("chn",)), {"sentence_contains": ["chn"]}),
    ]
    for rule, raw in forbidden:
        for e, d in zip(events, as_json, strict=True):
            assert forbidden_hit(rule, e) == reference._forbidden_hit(raw, d)
    for name in ("São Paulo, Brazil", "the city of Kyiv", "Washington, D.C.", None):
        assert place_key(name) == reference._place(name)


@pytest.mark.shared
def test_whole_dyad_agrees_with_the_reference_script(
    reference: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = _events()
    golds = [
        [triple("USAGOV", "RUSMIL", "190")],
        [triple(None, None, "010"), triple("USA", None, "042")],
        [triple("IGOUNO", "---", "190", "ASSAULT")],
        [],
    ]
    records = []
    outputs = []
    total = Counts()
    for n, gold in enumerate(golds):
        rid = f"r{n}"
        chunk = [e for k, e in enumerate(events) if k % (n + 2) == 0]
        total = total + whole_dyad_counts(gold, chunk)
        ev = [
            {"source": g.source, "target": g.target, "code": g.code, "plover": g.plover}
            for g in gold
        ]
        records.append({"id": rid, "text": rid, "events": ev})
        outputs += [dict(event_to_dict(e), doc_id=rid) for e in chunk]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ev_path = tmp_path / "events.jsonl"
    ev_path.write_text("".join(json.dumps(o) + "\n" for o in outputs), encoding="utf-8")
    reference.sentgold(str(gold_path), str(ev_path))
    printed = capsys.readouterr().out
    assert f"tp={total.tp} fp={total.fp} fn={total.fn}" in printed, printed
