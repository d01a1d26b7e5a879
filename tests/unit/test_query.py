"""Event queries over the store: each filter, validation, parameterised SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.analysis import count, events
from accord.analysis.query import EventQuery
from accord.errors import UsageError
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Mode,
    Place,
)
from accord.store import EventStore
from accord.store.filters import where_sql

RUS = Actor("Russia", "RUS", "RUS", None, "Russia", (0, 6))
UKR_GOV = Actor("Kyiv", "UKRGOV", "UKR", "GOV", "Government of Ukraine", (0, 4))
USA_GOV = Actor("Washington", "USAGOV", "USA", "GOV", None, (0, 10))
PUTIN = Actor("Putin", "RUSGOV", "RUS", "GOV", "Vladimir Putin", (0, 5))
UN = Actor("the UN", "IGOUNO", None, None, "United Nations", (0, 6))
REBELS = Actor("rebels", "SYRREB", "SYR", "REB", None, (0, 6))
JERUSALEM = Actor("Jerusalem", "ISR", "ISR", None, "Jerusalem", (0, 9))


def ev(
    n: int,
    source: Actor,
    target: Actor | None,
    *,
    date: dt.date | None = dt.date(2024, 1, 1),
    cameo: str = "042",
    quad: int = 1,
    mode: Mode = Mode.ASSERTED,
    doc_id: str = "doc-a",
) -> Event:
    return Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:{n}",
        sentence_index=n,
        sentence=f"sentence {n}",
        sentence_span=(0, 10),
        date=date,
        date_precision=DatePrecision.DAY if date else None,
        date_source=DateSource.TEXT if date else DateSource.NONE,
        source=source,
        target=target,
        cameo=cameo,
        cameo_name="name",
        plover=None,
        plover_mode=None,
        plover_context=None,
        quad_class=quad,
        goldstein=1.0,
        mode=mode,
        location=Place("Kyiv", "UKR", None, None),
        confidence=0.5,
        evidence=Evidence("x", (0, 1), "rule"),
    )


EVENTS_A = (
    ev(0, RUS, UKR_GOV, date=dt.date(2024, 1, 10), cameo="112", quad=3),
    ev(1, UKR_GOV, RUS, date=dt.date(2024, 2, 10), cameo="0421", quad=1),
    ev(2, USA_GOV, UKR_GOV, date=dt.date(2024, 3, 10), cameo="051", quad=1),
    ev(3, PUTIN, None, date=dt.date(2024, 4, 10), cameo="010", quad=1),
    ev(4, UN, REBELS, date=None, cameo="190", quad=4),
    ev(5, RUS, USA_GOV, date=dt.date(2024, 5, 10), cameo="112", quad=3, mode=Mode.NEGATED),
    ev(6, USA_GOV, RUS, date=dt.date(2024, 6, 10), cameo="036", quad=1, mode=Mode.FUTURE),
)
EVENTS_B = (ev(0, JERUSALEM, USA_GOV, date=dt.date(2023, 12, 1), doc_id="doc-b"),)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore.open(tmp_path / "q.duckdb") as s:
        s.write(
            [
                DocResult(Document(id="doc-a", text="a"), events=EVENTS_A, content_hash="a"),
                DocResult(Document(id="doc-b", text="b"), events=EVENTS_B, content_hash="b"),
            ]
        )
        yield s


def ids(store: EventStore, **kw: Any) -> set[str]:
    return {e.event_id for e in events(store, EventQuery(**kw))}


def test_default_is_asserted_only(store: EventStore) -> None:
    assert ids(store) == {f"doc-a:{i}" for i in range(5)} | {"doc-b:0"}
    assert count(store) == 6


def test_modes(store: EventStore) -> None:
    assert ids(store, modes=(Mode.NEGATED,)) == {"doc-a:5"}
    assert ids(store, modes=(Mode.NEGATED, Mode.FUTURE)) == {"doc-a:5", "doc-a:6"}
    assert len(ids(store, modes=())) == 8
    assert ids(store, modes=("future",)) == {"doc-a:6"}


def test_actor_by_code_prefix(store: EventStore) -> None:
    # RUS matches RUS and RUSGOV, as source or target
    assert ids(store, actor="RUS") == {"doc-a:0", "doc-a:1", "doc-a:3"}
    assert ids(store, actor="USAGOV") == {"doc-a:2", "doc-b:0"}
    # a code-like value never matches inside names: ISR's name 'Jerusalem' has 'usa' in it
    assert ids(store, actor="USA") == {"doc-a:2", "doc-b:0"}


def test_actor_by_name_word(store: EventStore) -> None:
    assert ids(store, actor="putin") == {"doc-a:3"}
    # names match by whole words (issue 12): a word's start is no longer enough
    assert ids(store, actor="united nat") == set()
    assert ids(store, actor="united nations") == {"doc-a:4"}
    assert ids(store, actor="Government of") == {"doc-a:0", "doc-a:1", "doc-a:2"}
    assert ids(store, actor="Washington") == {"doc-a:2", "doc-b:0"}  # mention text
    assert ids(store, actor="igoUNO") == {"doc-a:4"}  # code prefix, case-insensitive


def test_country(store: EventStore) -> None:
    assert ids(store, country="ukr") == {"doc-a:0", "doc-a:1", "doc-a:2"}
    assert ids(store, country="SYR") == {"doc-a:4"}


def test_dyad_either_direction(store: EventStore) -> None:
    both = {"doc-a:0", "doc-a:1"}
    assert ids(store, dyad=("RUS", "UKR")) == both
    assert ids(store, dyad=("UKR", "RUS")) == both
    assert ids(store, dyad=("USA", "UKRGOV")) == {"doc-a:2"}
    assert ids(store, dyad=("RUS", "USA"), modes=()) == {"doc-a:5", "doc-a:6"}
    assert ids(store, dyad=("RUS", "SYR")) == set()  # Putin has no target


def test_since_until(store: EventStore) -> None:
    assert ids(store, since=dt.date(2024, 2, 10)) == {"doc-a:1", "doc-a:2", "doc-a:3"}
    assert ids(store, until=dt.date(2024, 1, 10)) == {"doc-a:0", "doc-b:0"}
    assert ids(store, since=dt.date(2024, 2, 1), until=dt.date(2024, 3, 31)) == {
        "doc-a:1",
        "doc-a:2",
    }


def test_root_and_quad(store: EventStore) -> None:
    assert ids(store, root="04") == {"doc-a:1", "doc-b:0"}
    assert ids(store, root="4") == {"doc-a:1", "doc-b:0"}
    assert ids(store, root="11", modes=()) == {"doc-a:0", "doc-a:5"}
    assert ids(store, quad=4) == {"doc-a:4"}
    assert ids(store, quad=3) == {"doc-a:0"}


def test_doc_id_limit_and_order(store: EventStore) -> None:
    assert ids(store, doc_id="doc-b") == {"doc-b:0"}
    got = events(store, EventQuery(limit=3))
    assert [e.event_id for e in got] == ["doc-b:0", "doc-a:0", "doc-a:1"]  # by date
    assert count(store, EventQuery(limit=3)) == 3
    assert events(store, EventQuery(limit=0)) == []
    # undated events come last
    assert events(store)[-1].event_id == "doc-a:4"


def test_filters_combine(store: EventStore) -> None:
    q = EventQuery(actor="RUS", quad=3, since=dt.date(2024, 1, 1), modes=())
    assert {e.event_id for e in events(store, q)} == {"doc-a:0", "doc-a:5"}
    assert count(store, q) == 2


def test_results_are_full_events(store: EventStore) -> None:
    (e,) = events(store, EventQuery(doc_id="doc-a", root="01"))
    assert e == EVENTS_A[3]


def test_hostile_values_stay_parameters(store: EventStore) -> None:
    nasty = "x'); DROP TABLE events; --"
    assert ids(store, actor=nasty) == set()
    assert ids(store, doc_id=nasty, text=nasty) == set()
    assert ids(store, actor="50%_") == set()
    assert count(store, EventQuery(modes=())) == 8
    sql, params = where_sql(EventQuery(actor=nasty, text="x'y", doc_id=nasty, source=nasty))
    assert nasty not in sql and "x'y" not in sql
    assert nasty in params and "x'y" in params
    # a country or a dyad side that is no code is refused before any SQL (issue 12: an
    # unknown code is an error, never an empty answer)
    for bad in ({"country": nasty}, {"dyad": (nasty, nasty)}):
        with pytest.raises(UsageError):
            EventQuery(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"quad": 5}, "quad must be"),
        ({"quad": True}, "quad must be"),
        ({"root": "21"}, "root must be"),
        ({"root": "ab"}, "root must be"),
        ({"limit": -1}, "limit must be"),
        ({"modes": ("sure",)}, "modes must be among"),
        ({"since": dt.date(2024, 2, 1), "until": dt.date(2024, 1, 1)}, "is after"),
        ({"dyad": ("RUS", " ")}, "dyad needs"),
        ({"actor": "  "}, "actor filter is empty"),
        ({"country": ""}, "country filter is empty"),
    ],
)
def test_query_validation(kw: dict[str, Any], fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        EventQuery(**kw)


def test_query_normalises() -> None:
    modes: Any = ("asserted", Mode.ASSERTED)  # strings are accepted too (CLI convenience)
    q = EventQuery(country=" ukr ", dyad=("rus", "ukr"), root="4", modes=modes)
    assert q.country == "UKR"
    assert q.dyad == ("RUS", "UKR")
    assert q.root == "04"
    assert q.modes == (Mode.ASSERTED,)
    assert dataclasses.replace(q, quad=2).quad == 2
    assert where_sql(EventQuery(modes=())) == ("", [])
