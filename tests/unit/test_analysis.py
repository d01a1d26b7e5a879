"""accord.analysis on small hand-made stores: exact series, rankings, network, summary,
the read-only handle and its inputs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import accord
from accord.analysis import Scope, SeriesSpec, point_events, series, top_dyads
from accord.errors import StoreError, UsageError
from accord.model import (
    Actor,
    DatePrecision,
    DateSource,
    DocResult,
    Document,
    Event,
    Evidence,
    Mode,
)
from accord.store import EventStore

D = dt.date


def _actor(code: str) -> Actor:
    country = None if code.startswith("IGO") else code[:3]
    return Actor(code, code, country, code[3:6] or None, None, (0, len(code)))


# (doc, n, date, source, target, cameo, quad, goldstein, mode)
ROWS = [
    ("a", 0, D(2020, 1, 6), "CHNGOV", "USAGOV", "040", 1, 1.0, Mode.ASSERTED),
    ("a", 1, D(2020, 1, 7), "USA", "CHN", "112", 3, -2.0, Mode.ASSERTED),
    ("a", 2, D(2020, 1, 20), "RUS", "UKR", "190", 4, -10.0, Mode.ASSERTED),
    ("b", 0, D(2020, 1, 6), "CHNGOV", "USAGOV", "040", 1, 1.0, Mode.ASSERTED),  # repeat of a:0
    ("b", 1, D(2020, 3, 2), "CHN", "USA", "057", 2, 8.0, Mode.ASSERTED),
    ("b", 2, D(2020, 3, 3), "CHN", "USA", "190", 4, -10.0, Mode.HYPOTHETICAL),
    ("c", 0, None, "CHN", "USA", "111", 3, -2.0, Mode.ASSERTED),  # undated
    ("c", 1, D(2020, 3, 9), "USAGOV", "USAOPP", "111", 3, -2.0, Mode.ASSERTED),
    ("c", 2, D(2020, 3, 10), "IGOUNO", "RUS", "020", 1, 3.0, Mode.ASSERTED),
    ("c", 3, D(2020, 3, 10), "RUS", None, "010", 1, 0.0, Mode.ASSERTED),
]
PLOVER = {"040": "CONSULT", "112": "ACCUSE", "190": "ASSAULT", "057": "AGREE",
          "111": "ACCUSE", "020": "REQUEST"}  # fmt: skip


def _event(doc: str, n: int, date: dt.date | None, s: str, t: str | None, cameo: str,
           quad: int, gold: float, mode: Mode) -> Event:  # fmt: skip
    sentence = f"{s} {cameo} {t or ''} ({doc}:{n})"
    return Event(
        doc_id=doc, event_id=f"{doc}:{n}", sentence_index=n, sentence=sentence,
        sentence_span=(0, len(sentence)), date=date,
        date_precision=DatePrecision.DAY if date else None,
        date_source=DateSource.TEXT if date else DateSource.NONE,
        source=_actor(s), target=_actor(t) if t else None, cameo=cameo,
        cameo_name=f"name {cameo}", plover=PLOVER.get(cameo), plover_mode=None,
        plover_context=None, quad_class=quad, goldstein=gold, mode=mode, location=None,
        confidence=0.9, evidence=Evidence("x", (0, 1), "test"),
    )  # fmt: skip


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    by_doc: dict[str, list[Event]] = {}
    for row in ROWS:
        by_doc.setdefault(row[0], []).append(_event(*row))
    urls = {"a": "https://www.example.org/a", "b": "https://news.example.com/b", "c": None}
    with EventStore.open(path) as store:
        store.write(
            DocResult(Document(id=d, text=d, title=f"title {d}", url=urls[d], source="src"),
                      tuple(evs), sentence_count=len(evs))
            for d, evs in by_doc.items()
        )  # fmt: skip
    return path


def test_monthly_series_is_zero_filled_and_normalised_by_volume(db: Path) -> None:
    s = accord.open(db).series(("CHN", "USA"), period="month")
    rows = s.rows()
    assert [r["period"] for r in rows] == [D(2020, 1, 1), D(2020, 2, 1), D(2020, 3, 1)]
    jan, feb, mar = rows
    # January: a:0, b:0 (CHNGOV-USAGOV consult, twice), a:1 (USA accuses CHN); volume adds RUS-UKR
    assert (jan["events"], jan["volume"], jan["verbal_coop"], jan["verbal_conflict"]) == (
        3,
        4,
        2,
        1,
    )
    assert jan["share"] == pytest.approx(3 / 4)
    assert jan["conflict_share"] == pytest.approx(1 / 3)
    assert jan["goldstein_sum"] == pytest.approx(0.0)
    assert jan["root_04"] == 2 and jan["root_11"] == 1 and jan["plover_consult"] == 2
    # February has no event at all: zero-filled, no share, no mean
    assert (feb["events"], feb["volume"], feb["share"], feb["goldstein_mean"]) == (0, 0, None, None)
    # March: only b:1 (the hypothetical attack and the undated criticism do not count)
    assert (mar["events"], mar["volume"], mar["material_coop"]) == (1, 4, 1)
    assert mar["goldstein_mean"] == pytest.approx(8.0)
    assert mar["plover_agree"] == 1


def test_directed_series_and_all_modes(db: Path) -> None:
    store = accord.open(db)
    usa_to_chn = store.series(("USA", "CHN"), directed=True)
    assert usa_to_chn.column("events") == [1, 0, 0]
    everything = store.series(("CHN", "USA"), modes="all")
    assert everything.column("events") == [3, 0, 2]
    assert everything.column("material_conflict") == [0, 0, 1]


def test_folding_counts_the_same_event_once(db: Path) -> None:
    folded = accord.open(db).series(("CHN", "USA"), fold="daily")
    # a:0 and b:0 are the same source, target, code and date in two documents
    assert folded.column("events") == [2, 0, 1]
    assert folded.column("volume") == [3, 0, 4]


def test_weekly_and_quarterly_periods(db: Path) -> None:
    store = accord.open(db)
    weeks = store.series(("CHN", "USA"), period="week", since="2020-01", until="2020-01")
    assert weeks.column("period")[0] == D(2019, 12, 30)  # weeks start on Monday
    assert sum(weeks.column("events")) == 3
    quarters = store.series(period="quarter")
    assert quarters.column("period") == [D(2020, 1, 1)]
    assert quarters.column("events") == [8]


def test_point_events_are_the_rows_a_point_counts(db: Path) -> None:
    store = accord.open(db)
    s = store.series(("CHN", "USA"))
    behind = store.point_events(s, "2020-01-15")
    assert sorted(behind.column("event_id")) == ["a:0", "a:1", "b:0"]
    assert len(behind) == s.rows()[0]["events"]
    assert behind.column("outlet") == ["example.org", "news.example.com", "example.org"]
    assert behind.column("title")[0] == "title a"
    assert all("CHN" in x or "USA" in x for x in behind.column("sentence"))
    with EventStore.open(db, read_only=True) as raw:
        folded = point_events(raw, SeriesSpec(("CHN", "USA"), scope=Scope(fold="daily")),
                              D(2020, 1, 6))  # fmt: skip
    assert len(folded) == 2 and "num_mentions" in folded.columns


def test_top_dyads_orders_and_filters(db: Path) -> None:
    store = accord.open(db)
    by_events = store.dyads(3).rows()
    assert [(r["side_a"], r["side_b"], r["events"]) for r in by_events] == [
        ("CHN", "USA", 5), ("IGOUNO", "RUS", 1), ("RUS", "UKR", 1),
    ]  # fmt: skip
    conflict = store.dyads(2, by="conflict").rows()
    assert [(r["side_a"], r["side_b"], r["conflict"]) for r in conflict] == [
        ("CHN", "USA", 2), ("RUS", "UKR", 1),
    ]  # fmt: skip
    hostile = store.dyads(1, by="goldstein").rows()[0]
    assert (hostile["side_a"], hostile["goldstein_mean"]) == ("RUS", -10.0)
    foreign = store.dyads(None, domestic=False)
    assert ("USA", "USA") not in {(r["side_a"], r["side_b"]) for r in foreign}
    assert ("USA", "USA") in {(r["side_a"], r["side_b"]) for r in store.dyads(None)}
    actor_level = {
        (r["side_a"], r["side_b"]): r["events"]
        for r in store.dyads(None, level="actor", directed=True)
    }
    assert actor_level[("CHNGOV", "USAGOV")] == 2
    assert (actor_level[("CHN", "USA")], actor_level[("USA", "CHN")]) == (2, 1)
    assert sum(r["share"] for r in store.dyads(None)) == pytest.approx(8 / 9)


def test_top_actors_count_events_on_either_side(db: Path) -> None:
    rows = {r["actor"]: r for r in accord.open(db).actors(None, level="country")}
    assert rows["RUS"]["events"] == 3  # a:2, c:2, c:3
    assert (rows["RUS"]["as_source"], rows["RUS"]["as_target"]) == (2, 1)
    assert rows["USA"]["events"] == 6  # four with CHN (one undated) and USAGOV-USAOPP
    assert rows["USA"]["counterparts"] == 2  # CHN and USA itself


def test_network_edges_and_nodes(db: Path) -> None:
    net = accord.open(db).network()
    edges = {(r["side_a"], r["side_b"]): r for r in net.edges}
    assert ("USA", "USA") not in edges
    # rankings count undated events too (c:0), the dated series do not
    assert (edges[("CHN", "USA")]["cooperation"], edges[("CHN", "USA")]["conflict"]) == (3, 2)
    nodes = {r["node"]: r for r in net.nodes}
    assert nodes["RUS"]["degree"] == 2 and nodes["RUS"]["events"] == 2


def test_summary_counts(db: Path) -> None:
    s = accord.open(db).summary()
    assert (s.documents, s.stored_events, s.events) == (3, 10, 9)
    assert (s.dated_events, s.undated_events) == (8, 1)
    assert dict(s.events_by_mode) == {"asserted": 9, "hypothetical": 1}
    assert (s.first_date, s.last_date) == (D(2020, 1, 6), D(2020, 3, 10))
    assert s.top_codes[0].code in {"040", "111"} and s.top_codes[0].events == 2
    assert dict(s.quad_classes) == {1: 4, 2: 1, 3: 3, 4: 1}


def test_changes_compares_two_windows(db: Path) -> None:
    rows = {(r["side_a"], r["side_b"]): r for r in accord.open(db).changes(days=7)}
    # the last date is 2020-03-10: 03-04..03-10 against 02-26..03-03
    chn_usa = rows[("CHN", "USA")]
    assert (chn_usa["events"], chn_usa["events_before"], chn_usa["status"]) == (0, 1, "gone")
    assert rows[("IGOUNO", "RUS")]["status"] == "new"


def test_a_missing_store_is_an_error_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "nope.duckdb"
    with pytest.raises(StoreError, match="no event store"):
        accord.open(missing)
    assert not missing.exists()
    with pytest.raises(StoreError, match="directory"):
        accord.open(tmp_path)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(StoreError):
        accord.open(junk)


def test_the_handle_never_writes(db: Path) -> None:
    before = (db.stat().st_mtime_ns, db.stat().st_size)
    store = accord.open(db)
    store.series(("CHN", "USA"))
    store.alerts()
    store.summary()
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before
    assert not Path(str(db) + ".wal").exists()
    # no connection is held between calls: a writer can open the store meanwhile
    with EventStore.open(db) as writer:
        assert writer.counts().events == 10


def test_hostile_values_are_parameters_not_sql(db: Path) -> None:
    store = accord.open(db)
    for side in ("USA' OR 1=1 --", "%", "'; DROP TABLE events; --", "CHN\\"):
        # a dyad side that is no code is refused (issue 12: never a silent empty answer),
        # by the series as by the events, before any SQL runs
        with pytest.raises(UsageError, match="dyad side"):
            store.series((side, "USA"))
        with pytest.raises(UsageError):
            store.events(dyad=(side, "USA"))
    assert accord.open(db).summary().stored_events == 10


def test_bad_options_are_usage_errors(db: Path) -> None:
    store = accord.open(db)
    with pytest.raises(UsageError):
        store.series(("CHN", "USA"), period="year")
    with pytest.raises(UsageError):
        store.series(("CHN", "USA"), fold="weekly")
    with pytest.raises(UsageError):
        store.dyads(by="loudest")
    with pytest.raises(UsageError):
        store.dyads(level="region")
    with pytest.raises(UsageError):
        store.series(("CHN", ""))
    with pytest.raises(UsageError):
        store.events(since="2020-13")
    with pytest.raises(UsageError):
        store.alerts(k=0)
    with pytest.raises(UsageError):
        store.series(modes=["certain"])


def test_frames_give_arrow_pandas_and_rows(db: Path) -> None:
    import pandas  # a dev dependency: installed by make setup

    frame = accord.open(db).events()
    assert frame.arrow().num_rows == len(frame) == 9
    df = frame.df()
    assert isinstance(df, pandas.DataFrame)
    for column in ("source_code", "target_country", "cameo", "goldstein", "title", "url"):
        assert column in df.columns
    assert list(df["event_id"]) == [r["event_id"] for r in frame]


def test_iter_events_streams_typed_events(db: Path) -> None:
    events = list(accord.open(db).iter_events(accord.EventQuery(country="RUS")))
    assert all(isinstance(e, Event) for e in events)
    assert {e.event_id for e in events} == {"a:2", "c:2", "c:3"}


def test_import_accord_stays_light() -> None:
    code = (
        "import sys, accord; heavy = {'duckdb', 'pyarrow', 'spacy', 'pandas', 'numpy'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(accord.__file__).parent.parent)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True)  # fmt: skip
    assert out.stdout.strip() == "[]"


def test_pure_functions_take_an_open_store(db: Path) -> None:
    with EventStore.open(db, read_only=True) as store:
        s = series(store, SeriesSpec(("CHN", "USA"), "month"))
        top = top_dyads(store, n=1)
    assert s.column("events") == [3, 0, 1]
    assert top.rows()[0]["side_a"] == "CHN"
