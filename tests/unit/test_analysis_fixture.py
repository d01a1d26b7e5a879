"""The done-when questions of issue 12 as API calls on the committed fixture store
(Wikinews 2019-2020 plus the synthetic Arcadia-Borduria series with a planted shift)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from scripts.fixture_store import (
    LAST_DATE,
    SHIFT_CONFLICT_IDS,
    SYNTHETIC_DYAD,
    build_fixture_store,
    synthetic_results,
)

import accord
from accord.analysis import StoreReader

D = dt.date


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_store(tmp_path_factory.mktemp("fixture") / "fixture.duckdb")


@pytest.fixture(scope="module")
def store(fixture_db: Path) -> StoreReader:
    return accord.open(fixture_db)


def test_the_fixture_is_built_the_same_every_time(fixture_db: Path, tmp_path: Path) -> None:
    again = accord.open(build_fixture_store(tmp_path / "again.duckdb")).events(modes="all")
    first = accord.open(fixture_db).events(modes="all")
    assert again.arrow().equals(first.arrow())
    with pytest.raises(FileExistsError):
        build_fixture_store(fixture_db)


def test_the_fixture_holds_wikinews_and_the_synthetic_dyad_only(store: StoreReader) -> None:
    s = store.summary()
    synthetic = synthetic_results()
    assert s.documents == 239 + len(synthetic)
    assert s.last_date == LAST_DATE
    doc_ids = set(store.events(modes="all").column("doc_id"))
    assert all(d.startswith(("wikinews-", "synthetic-")) for d in doc_ids)
    urls = {u for u in store.events().column("url") if u}
    assert urls and all(u.startswith("https://en.wikinews.org/") for u in urls)


def test_monthly_series_of_the_most_active_dyad(store: StoreReader) -> None:
    top = store.dyads(1).rows()[0]
    assert (top["side_a"], top["side_b"]) == SYNTHETIC_DYAD
    s = store.series((top["side_a"], top["side_b"]), period="month")
    assert len(s) == 24  # 2019-01 .. 2020-12, every month present
    assert sum(s.column("events")) == top["events"]
    december = s.rows()[-1]
    assert december["period"] == D(2020, 12, 1)
    assert december["conflict"] == len(SHIFT_CONFLICT_IDS)
    assert december["conflict_share"] > 0.8
    assert all(r["conflict_share"] < 0.5 for r in s.rows()[:-1])


def test_monthly_series_of_chn_usa_is_zero_filled(store: StoreReader) -> None:
    # Wikinews 2019-2020 as coded holds no event between China and the United States:
    # the series still has every month, each with the period's volume.
    s = store.series(("CHN", "USA"), period="month")
    assert [r["period"] for r in s][:2] == [D(2019, 1, 1), D(2019, 2, 1)]
    assert len(s) == 24
    assert set(s.column("events")) == {0}
    assert all(v > 0 for v in s.column("volume"))


def test_top_ten_conflictual_dyads(store: StoreReader) -> None:
    rows = store.dyads(10, by="conflict").rows()
    assert len(rows) == 10
    conflicts = [r["conflict"] for r in rows]
    assert conflicts == sorted(conflicts, reverse=True)
    assert SYNTHETIC_DYAD in {(r["side_a"], r["side_b"]) for r in rows}
    assert all(r["conflict"] <= rows[0]["conflict"] for r in store.dyads(None))
    international = store.dyads(10, by="conflict", domestic=False).rows()
    assert (international[0]["side_a"], international[0]["side_b"]) == SYNTHETIC_DYAD
    assert all(r["side_a"] != r["side_b"] for r in international)


def test_the_planted_shift_fires_with_its_events(store: StoreReader) -> None:
    found = store.alerts(window_days=30)
    ours = [a for a in found if (a.side_a, a.side_b) == SYNTHETIC_DYAD]
    assert {a.metric for a in ours} == {"conflict_share", "goldstein_mean"}
    share = next(a for a in ours if a.metric == "conflict_share")
    assert share.direction == "up" and share.z >= 2.0 and share.toward_conflict
    assert (share.window_start, share.window_end) == (D(2020, 11, 29), LAST_DATE)
    assert share.evidence_total == len(SHIFT_CONFLICT_IDS)
    assert {e.event_id for e in share.evidence} == SHIFT_CONFLICT_IDS
    assert all(e.quad_class in (3, 4) and e.sentence for e in share.evidence)
    goldstein = next(a for a in ours if a.metric == "goldstein_mean")
    assert goldstein.direction == "down" and goldstein.value < goldstein.baseline_mean
    assert found[0] in ours  # the strongest alert of the month


def test_no_alert_before_the_shift(store: StoreReader) -> None:
    before = store.alerts(as_of="2020-11-28")
    assert not [a for a in before if (a.side_a, a.side_b) == SYNTHETIC_DYAD]


def test_a_dataframe_of_all_events(store: StoreReader) -> None:
    import pandas  # noqa: F401  # a dev dependency: .df() needs it

    df = store.events().df()
    assert len(df) == store.summary().events
    assert {"source_code", "target_country", "cameo", "title", "url", "outlet"} <= set(df)


def test_the_sentences_behind_one_point(store: StoreReader) -> None:
    s = store.series(SYNTHETIC_DYAD, period="month")
    behind = store.point_events(s, "2020-12")
    assert len(behind) == s.rows()[-1]["events"]
    assert set(behind.column("event_id")) >= SHIFT_CONFLICT_IDS
    assert "Troops from Arcadia attacked border posts held by Borduria." in behind.column(
        "sentence"
    )


def test_what_changed_in_the_last_week(store: StoreReader) -> None:
    rows = {(r["side_a"], r["side_b"]): r for r in store.changes(days=7)}
    ours = rows[SYNTHETIC_DYAD]
    assert (ours["window_start"], ours["window_end"]) == (D(2020, 12, 22), LAST_DATE)
    assert ours["events"] == 2 and ours["conflict"] == 2
