"""The DuckDB event store: round trips, idempotent writes, failures, errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.errors import StoreError
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Failure,
    Mode,
    Place,
    PlaceBasis,
    PlaceType,
)
from accord.store import SCHEMA_VERSION, EventQuery, EventStore, WriteStats

ALL = EventQuery(modes=())


def make_event(doc_id: str, n: int, **over: Any) -> Event:
    sentence = f"Sentence {n}: Russia accused Ukraine."
    base = Event(
        doc_id=doc_id,
        event_id=f"{doc_id}:{n}",
        sentence_index=n,
        sentence=sentence,
        sentence_span=(n * 100, n * 100 + len(sentence)),
        date=dt.date(2024, 3, 5),
        date_precision=DatePrecision.DAY,
        date_source=DateSource.TEXT,
        source=Actor("Russia", "RUS", "RUS", None, "Russia", (13, 19)),
        target=Actor("Ukraine", "UKRGOV", "UKR", "GOV", None, (28, 35)),
        cameo="112",
        cameo_name="Accuse",
        plover="ACCUSE",
        plover_mode=None,
        plover_context=None,
        quad_class=3,
        goldstein=-2.0,
        mode=Mode.ASSERTED,
        location=Place("Kyiv", "UKR", 50.45, 30.52),
        confidence=0.8,
        evidence=Evidence("accused", (20, 27), "verb:ACCUSE:*"),
    )
    return dataclasses.replace(base, **over)


def make_result(doc_id: str, n_events: int = 2, content_hash: str = "h1", **doc: Any) -> DocResult:
    return DocResult(
        doc=Document(id=doc_id, text=f"text of {doc_id}", **doc),
        events=tuple(make_event(doc_id, i) for i in range(n_events)),
        sentence_count=n_events + 1,
        content_hash=content_hash,
    )


def by_id(events: Any) -> list[Event]:
    return sorted(events, key=lambda e: e.event_id)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with EventStore.open(tmp_path / "events.duckdb") as s:
        yield s


# ----------------------------------------------------------------------------- round trip


def test_round_trip_gives_equal_events(store: EventStore) -> None:
    varied = (
        make_event("d1", 0),
        make_event("d1", 1, target=None, location=None, plover="ACCUSE", plover_mode="x"),
        make_event(
            "d1",
            2,
            date=None,
            date_precision=None,
            date_source=DateSource.NONE,
            mode=Mode.NEGATED,
            plover=None,
            plover_context="ctx",
        ),
        make_event(
            "d1",
            3,
            date=dt.date(1999, 1, 1),
            date_precision=DatePrecision.YEAR,
            date_source=DateSource.PUBLICATION,
            location=Place("Somewhere", None, None, None),
            goldstein=7.4,
            confidence=0.123456789,
            source=Actor("the UN", "IGOUNO", None, None, "United Nations", (0, 6)),
            sentence="Ünïcode — «quotes» 日本",
        ),
    )
    result = DocResult(
        doc=Document(id="d1", text="t", title="T", url="http://x", metadata={"k": [1, 2]}),
        events=varied,
        sentence_count=4,
        content_hash="abc",
    )
    stats = store.write([result])
    assert stats == WriteStats(docs_added=1, events_added=4, events_undated=1)
    assert by_id(store.iter_events(ALL)) == by_id(varied)
    assert store.count_events(ALL) == 4
    assert store.count_events() == 3  # default: asserted only


def test_reopen_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.duckdb"
    with EventStore.open(path) as s:
        s.write([make_result("a", 3), make_result("b", 1)])
    with EventStore.open(path) as s:
        assert s.count_events() == 4
        assert s.schema_version() == SCHEMA_VERSION
        assert s.has_document("a", "h1")
    with EventStore.open(path, read_only=True) as s:
        assert len(list(s.iter_events())) == 4


def test_documents_summary_and_urls(store: EventStore) -> None:
    store.write(
        [
            make_result("a", 3, url="http://a", title="A", date=dt.date(2024, 1, 2)),
            make_result("b", 0),
        ]
    )
    docs = store.documents()
    assert [d.doc_id for d in docs] == ["a", "b"]
    assert docs[0].event_count == 3 and docs[1].event_count == 0
    assert docs[0].title == "A" and docs[0].date == dt.date(2024, 1, 2)
    assert docs[0].sentence_count == 4
    assert store.document_urls() == {"a": "http://a"}
    assert store.document_urls(["b", "a", "zz"]) == {"a": "http://a"}
    counts = store.counts()
    assert (counts.documents, counts.events, counts.failures) == (2, 3, 0)


_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
_opt = st.none() | _text
_int = st.integers(0, 2**31 - 1)
_span = st.tuples(_int, _int)
_num = st.floats(allow_nan=False)
_actor = st.builds(Actor, _text, _text, _opt, _opt, _opt, _span)
_event = st.builds(
    Event,
    doc_id=st.just("d"),
    event_id=st.just(""),
    sentence_index=_int,
    sentence=_text,
    sentence_span=_span,
    date=st.none() | st.dates(),
    date_precision=st.none() | st.sampled_from(DatePrecision),
    date_source=st.sampled_from(DateSource),
    source=_actor,
    target=st.none() | _actor,
    cameo=_text,
    cameo_name=_text,
    plover=_opt,
    plover_mode=_opt,
    plover_context=_opt,
    quad_class=st.integers(-(2**31), 2**31 - 1),
    goldstein=_num,
    mode=st.sampled_from(Mode),
    location=st.none() | st.builds(Place, _text, _opt, st.none() | _num, st.none() | _num),
    confidence=_num,
    evidence=st.builds(Evidence, _text, _span, _text),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(_event, max_size=6))
def test_round_trip_property(events: list[Event]) -> None:
    events = [dataclasses.replace(e, event_id=f"d:{i}") for i, e in enumerate(events)]
    with EventStore.open(":memory:") as s:
        s.write([DocResult(Document(id="d", text="t"), events=tuple(events))])
        assert by_id(s.iter_events(ALL)) == by_id(events)


def test_unencodable_text_is_replaced_not_fatal(store: EventStore) -> None:
    r = make_result("a", 1, origin="in/caf\udce9.txt")
    assert store.write([r]).docs_added == 1
    (doc,) = store.documents()
    assert doc.origin is not None and doc.origin.startswith("in/caf\ufffd")


# ----------------------------------------------------------------------------- idempotence


def test_rewriting_same_results_is_a_no_op(store: EventStore) -> None:
    results = [make_result(f"d{i}", 3) for i in range(5)]
    first = store.write(results)
    assert first == WriteStats(docs_added=5, events_added=15)
    before = store.counts()
    again = store.write(results)
    assert again == WriteStats(docs_unchanged=5)
    assert store.counts() == before


def test_changed_document_replaces_its_events(store: EventStore) -> None:
    store.write([make_result("a", 3, "h1"), make_result("b", 2, "h1")])
    new = DocResult(
        doc=Document(id="a", text="new text"),
        events=(make_event("a", 7), make_event("a", 8)),
        content_hash="h2",
    )
    stats = store.write([new])
    assert stats == WriteStats(docs_replaced=1, events_added=2, events_removed=3)
    ids = [e.event_id for e in by_id(store.iter_events(EventQuery(doc_id="a")))]
    assert ids == ["a:7", "a:8"]
    assert store.count_events(EventQuery(doc_id="b")) == 2
    assert store.known_hashes(["a", "b", "c"]) == {"a": "h2", "b": "h1"}


def test_changed_document_keeps_same_event_ids(store: EventStore) -> None:
    store.write([make_result("a", 2, "h1")])
    changed = dataclasses.replace(
        make_result("a", 2, "h2"),
        events=(make_event("a", 0, cameo="042", cameo_name="Visit"), make_event("a", 1)),
    )
    stats = store.write([changed])
    assert stats.docs_replaced == 1
    (first, _) = by_id(store.iter_events())
    assert first.cameo == "042"


def test_same_document_twice_in_one_write(store: EventStore) -> None:
    stats = store.write([make_result("a", 2, "h1"), make_result("a", 1, "h2")])
    assert stats == WriteStats(docs_added=1, docs_replaced=1, events_added=3, events_removed=2)
    assert store.count_events() == 1


def test_empty_content_hash_falls_back_to_text(store: EventStore) -> None:
    r = make_result("a", 2, content_hash="")
    assert store.write([r]).docs_added == 1
    assert store.write([r]).docs_unchanged == 1
    edited = dataclasses.replace(r, doc=Document(id="a", text="edited"))
    assert store.write([edited]).docs_replaced == 1


def test_resume_helpers(store: EventStore) -> None:
    store.write([make_result("a", 1, "h1")])
    assert store.has_document("a", "h1")
    assert not store.has_document("a", "h2")
    assert not store.has_document("b", "h1")
    assert store.known_hashes([]) == {}
    assert store.known_hashes(["a", "a", "b"]) == {"a": "h1"}


# ----------------------------------------------------------------------------- failures


def test_failures_recorded_once_across_reruns(store: EventStore) -> None:
    fails = [
        Failure("x", "in.jsonl:3", "ingest", "malformed", "bad JSON"),
        Failure("y", None, "nlp", "processing", "boom"),
    ]
    assert store.write([], fails).failures_recorded == 2
    updated = [Failure("y", None, "nlp", "processing", "boom again"), *fails[:1]]
    store.write([], updated)
    got = store.failures()
    assert len(got) == 2
    assert Failure("y", None, "nlp", "processing", "boom again") in got
    assert fails[0] in got


def test_failed_result_is_recorded_not_stored(store: EventStore) -> None:
    failed = DocResult(
        doc=Document(id="a", text="t"),
        failures=(Failure("a", "f.txt", "coding", "processing", "kaput"),),
        content_hash="h1",
    )
    stats = store.write([failed])
    assert stats == WriteStats(failures_recorded=1, docs_failed=1)
    assert not store.has_document("a", "h1")
    assert store.write([failed]).failures_recorded == 1
    assert len(store.failures()) == 1


def test_later_success_clears_failures(store: EventStore) -> None:
    store.write([], [Failure("a", "f.txt", "ingest", "undecodable", "bad bytes")])
    store.write(
        [
            DocResult(
                doc=Document(id="b", text="t"),
                failures=(Failure("b", None, "nlp", "processing", "x"),),
            )
        ]
    )
    assert {f.doc_id for f in store.failures()} == {"a", "b"}
    store.write([make_result("a", 1), make_result("b", 1)])
    assert store.failures() == []
    # and an unchanged success also clears a failure recorded in between
    store.write([], [Failure("a", "f.txt", "ingest", "undecodable", "flaky")])
    assert store.write([make_result("a", 1)]).docs_unchanged == 1
    assert store.failures() == []


# ----------------------------------------------------------------------------- bulk


def test_bulk_write_20k_events_in_chunks(tmp_path: Path) -> None:
    with EventStore.open(tmp_path / "bulk.duckdb", chunk_size=150) as s:
        results = (make_result(f"doc{i:04d}", 50) for i in range(400))
        stats = s.write(results)
        assert stats.docs_added == 400
        assert stats.events_added == 20_000
        assert s.count_events() == 20_000
        assert s.write(make_result(f"doc{i:04d}", 50) for i in range(400)).docs_unchanged == 400
        got = list(s.iter_events(EventQuery(limit=3)))
        assert [e.event_id for e in got] == ["doc0000:0", "doc0000:1", "doc0000:2"]


def test_bad_chunk_rolls_back(store: EventStore) -> None:
    store.write([make_result("ok", 1)])
    dup = DocResult(
        doc=Document(id="dup", text="t"),
        events=(make_event("dup", 0), make_event("dup", 0)),
    )
    with pytest.raises(StoreError, match="duplicate event id 'dup:0'"):
        store.write([make_result("n", 1), dup])
    clash = DocResult(doc=Document(id="c", text="t"), events=(make_event("ok", 0),))
    with pytest.raises(StoreError, match="names document 'ok'"):
        store.write([clash])
    # an id already stored under another document violates the key: nothing is kept
    stolen = DocResult(
        doc=Document(id="c", text="t"),
        events=(dataclasses.replace(make_event("c", 0), event_id="ok:0"),),
    )
    with pytest.raises(StoreError, match="rolled back"):
        store.write([make_result("n", 1), stolen])
    assert [d.doc_id for d in store.documents()] == ["ok"]
    assert store.count_events(ALL) == 1


# ----------------------------------------------------------------------------- errors


def test_non_duckdb_file_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are not the events you are looking for\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database file") as info:
        EventStore.open(path)
    assert str(path) in str(info.value)
    assert info.value.code == "store"


def test_missing_store_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no event store"):
        EventStore.open(tmp_path / "absent.duckdb", read_only=True)


def test_locked_store_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    EventStore.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
            " sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            EventStore.open(path)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    EventStore.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (999, 'future', now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="newer than this accord"):
        EventStore.open(path)


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    s = EventStore.open(tmp_path / "c.duckdb")
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count_events()


def test_in_memory_store() -> None:
    with EventStore.open(":memory:") as s:
        s.write([make_result("a", 2)])
        assert s.count_events() == 2


def test_place_fields_round_trip(store: Any) -> None:
    """Issue 11: the store keeps a place's type, FIPS and admin-1 codes, GeoNames id, basis."""
    kyiv = Place(
        "Kyiv",
        "UKR",
        50.45466,
        30.5238,
        PlaceType.CITY,
        fips="UP",
        admin1="12",
        geonames_id=703448,
        basis=PlaceBasis.DATELINE,
    )
    ukraine = Place("Ukraine", "UKR", 49.0, 32.0, PlaceType.COUNTRY, "UP", None, 690791)
    events = [make_event("a", 0, location=kyiv), make_event("a", 1, location=ukraine)]
    store.write([DocResult(Document("a", "t"), tuple(events), (), 2, "h")])
    assert by_id(store.iter_events(ALL)) == by_id(events)


def test_a_schema_2_store_gains_the_place_columns(tmp_path: Path) -> None:
    """Migration 3 adds the place columns to a store written before issue 11; its events
    keep their name, country and coordinates and read back with the new fields empty."""
    from accord.store.schema import CREATE_SCHEMA_VERSION, MIGRATIONS

    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    con.execute(CREATE_SCHEMA_VERSION)
    for m in MIGRATIONS[:2]:
        for stmt in m.statements:
            con.execute(stmt)
        con.execute(
            "INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)", [m.version, m.description]
        )
    old = make_event("old", 0)
    con.execute(
        "INSERT INTO events (event_id, doc_id, sentence_index, sentence, sentence_start, "
        "sentence_end, date, date_precision, date_source, source_text, source_code, "
        "source_country, source_start, source_end, cameo, root_code, cameo_name, quad_class, "
        "goldstein, mode, location_name, location_country, location_lat, location_lon, "
        "confidence, trigger, trigger_start, trigger_end, rule) VALUES "
        "(?, 'old', 0, 's', 0, 1, DATE '2024-03-05', 'day', 'text', 'Russia', 'RUS', 'RUS', "
        "0, 6, '112', '11', 'Accuse', 3, -2.0, 'asserted', 'Kyiv', 'UKR', 50.45, 30.52, 0.8, "
        "'accused', 0, 7, 'r')",
        [old.event_id],
    )
    con.close()
    with EventStore.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 3
        (back,) = list(s.iter_events(ALL))
    assert back.location == Place("Kyiv", "UKR", 50.45, 30.52)
