"""accord series, dyads, actors, alerts, changes and summary end to end: on the committed
fixture store, and as a smoke test on a store of the Wikinews and BBC-politics corpora
from ../shared (built here, never committed)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from scripts.fixture_store import SHIFT_CONFLICT_IDS, build_fixture_store

from tests.shared_data import shared_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def ok(*args: str) -> str:
    out = run(*args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_fixture_store(tmp_path_factory.mktemp("cli") / "fixture.duckdb"))


def test_series_of_the_most_active_dyad_and_of_chn_usa(db: str) -> None:
    top = jsonl(ok("series", "--top", "--db", db, "--format", "json"))
    assert len(top) == 24 and top[-1]["period"] == "2020-12-01"
    assert top[-1]["conflict"] == len(SHIFT_CONFLICT_IDS)
    rows = list(csv.DictReader(io.StringIO(ok("series", "--dyad", "CHN,USA", "--db", db,
                                              "--format", "csv"))))  # fmt: skip
    assert len(rows) == 24 and {r["events"] for r in rows} == {"0"}
    assert {"volume", "share", "goldstein_mean", "root_19", "plover_assault"} <= set(rows[0])
    table = ok("series", "--dyad", "XAR,XBO", "--period", "quarter", "--db", db)
    assert "XAR–XBO by quarter" in table and "2020-10-01" in table


def test_the_sentences_behind_one_point(db: str) -> None:
    behind = jsonl(ok("series", "--dyad", "XAR,XBO", "--at", "2020-12", "--db", db,
                      "--format", "json"))  # fmt: skip
    assert {r["event_id"] for r in behind} >= SHIFT_CONFLICT_IDS
    assert all(r["sentence"] and r["date"].startswith("2020-12") for r in behind)


def test_top_conflictual_dyads_and_actors(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(ok("dyads", "--by", "conflict", "--limit", "10",
                                              "--db", db, "--format", "csv"))))  # fmt: skip
    assert len(rows) == 10
    assert [int(r["conflict"]) for r in rows] == sorted(
        (int(r["conflict"]) for r in rows), reverse=True
    )
    assert ("XAR", "XBO") in {(r["side_a"], r["side_b"]) for r in rows}
    actors = jsonl(ok("actors", "--level", "country", "--db", db, "--format", "json"))
    assert {"XAR", "XBO"} <= {a["actor"] for a in actors}
    assert "Arcadia" in ok("actors", "--db", db)


def test_alerts_of_the_last_month_with_their_evidence(db: str) -> None:
    alerts = jsonl(ok("alerts", "--db", db, "--format", "json"))
    first = alerts[0]
    assert (first["side_a"], first["side_b"]) == ("XAR", "XBO")
    assert first["window_end"] == "2020-12-28"
    assert {e["event_id"] for e in first["evidence"]} == SHIFT_CONFLICT_IDS  # type: ignore[union-attr]
    table = ok("alerts", "--db", db)
    assert "XAR–XBO: conflict_share up" in table
    assert "Troops from Arcadia attacked border posts held by Borduria." in table
    rows = list(csv.DictReader(io.StringIO(ok("alerts", "--db", db, "--format", "csv"))))
    assert {r["event_event_id"] for r in rows} >= SHIFT_CONFLICT_IDS
    assert ok("alerts", "--db", db, "--as-of", "2020-11-28", "--format", "json").count('"XBO"') == 0


def test_changes_and_summary(db: str) -> None:
    changes = jsonl(ok("changes", "--db", db, "--format", "json"))
    assert any((c["side_a"], c["side_b"]) == ("XAR", "XBO") for c in changes)
    summary = json.loads(ok("summary", "--db", db, "--format", "json"))
    assert summary["last_date"] == "2020-12-28"
    assert summary["events"] == summary["dated_events"] + summary["undated_events"]
    assert "documents" in ok("summary", "--db", db)
    rows = list(csv.DictReader(io.StringIO(ok("summary", "--db", db, "--format", "csv"))))
    assert {"store", "events", "cameo"} <= {r["section"] for r in rows}


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    for command in ("series", "dyads", "actors", "alerts", "changes", "summary"):
        out = run(command, "--db", str(missing))
        assert out.returncode == 5, (command, out.stderr)
        assert "no event store" in out.stderr
    assert not missing.exists()


def test_bad_options_are_usage_errors(db: str) -> None:
    assert run("series", "--dyad", "CHN", "--db", db).returncode == 2
    unknown = run("series", "--dyad", "QQQ,USA", "--db", db)  # a typo, not zeros
    assert unknown.returncode == 2 and "unknown dyad side code 'QQQ'" in unknown.stderr
    assert run("series", "--dyad", "CN,US", "--db", db).returncode == 0
    assert run("series", "--dyad", "CHN,USA", "--top", "--db", db).returncode == 2
    assert run("series", "--since", "2020-13", "--db", db).returncode == 2
    assert run("dyads", "--by", "loudest", "--db", db).returncode == 2


@pytest.fixture(scope="module")
def corpora_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    wikinews = shared_path("corpus", "wikinews", "wikinews_2019_2020.jsonl")
    bbc = shared_path("corpus", "bbc_news", "bbc_news.jsonl")
    folder = tmp_path_factory.mktemp("corpora")
    politics = folder / "bbc_politics.jsonl"  # research-only text: stays in the temp folder
    with bbc.open(encoding="utf-8") as src, politics.open("w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if json.loads(line).get("category") == "politics")
    db = folder / "corpora.duckdb"
    ok("ingest", str(wikinews), str(politics), "--db", str(db))
    return str(db)


def test_smoke_on_the_corpora_store(corpora_db: str) -> None:
    db = corpora_db
    summary = json.loads(ok("summary", "--db", db, "--format", "json"))
    assert summary["documents"] > 600 and summary["events"] > 1000
    assert len(jsonl(ok("series", "--top", "--db", db, "--format", "json"))) > 12
    assert jsonl(ok("series", "--dyad", "CHN,USA", "--db", db, "--format", "json"))
    assert len(jsonl(ok("dyads", "--by", "conflict", "--db", db, "--format", "json"))) == 10
    assert jsonl(ok("actors", "--db", db, "--format", "json"))
    ok("alerts", "--db", db, "--format", "json")
    ok("changes", "--db", db)
    top = jsonl(ok("dyads", "--limit", "1", "--db", db, "--format", "json"))[0]
    series = jsonl(ok("series", "--dyad", f"{top['side_a']},{top['side_b']}", "--db", db,
                      "--format", "json"))  # fmt: skip
    busiest = max(series, key=lambda r: r["events"])  # type: ignore[arg-type, return-value]
    behind = jsonl(ok("series", "--dyad", f"{top['side_a']},{top['side_b']}", "--at",
                      str(busiest["period"]), "--db", db, "--format", "json"))  # fmt: skip
    assert len(behind) == busiest["events"]


def test_code_frame_codes_the_rows_of_a_dataframe() -> None:
    import pandas  # a dev dependency: installed by make setup

    from accord import Coder

    df = pandas.DataFrame(
        {
            "story": [
                "Russian police arrested Pakistani students in Moscow on Tuesday.",
                "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.",
                None,
            ],
            "published": [pandas.Timestamp("2026-02-05"), "2026-02-06", None],
            "key": ["a", "b", "c"],
        }
    )
    coded = Coder.load().code_frame(df, text="story", date="published", id="key")
    events = coded.df()
    assert set(events["doc_id"]) == {"a", "b"}
    assert {"source_code", "target_country", "cameo", "goldstein", "date"} <= set(events)
    arrest = events[events["doc_id"] == "a"].iloc[0]
    # "on Tuesday" read against the row's date, Thursday 2026-02-05
    assert arrest["source_country"] == "RUS" and str(arrest["date"]) == "2026-02-03"
    assert coded.failures == ()
    with pytest.raises(Exception, match="no column"):
        Coder.load().code_frame(df, text="body")
