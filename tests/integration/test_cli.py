"""The accord command end to end: real model, real DuckDB file, real files on disk."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.analysis.query import EventQuery
from accord.store import EventStore

ARTICLE_A = (
    "BEIJING: Chinese President Xi Jinping held talks with Russian President Vladimir Putin "
    "on Wednesday.\n\nRussian police arrested Pakistani students in Moscow on Tuesday.\n"
)
ARTICLE_B = (
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord.cli.main", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "news"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x02")
    (d / "broken.txt").write_bytes("Caf\u00e9 talks ".encode() + b"\xff\xfe\xc3(" * 3)
    return d


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert "accord" in out.stdout


def test_code_prints_contract_json_lines(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE_A, encoding="utf-8")
    out = run("code", str(f), "--date", "2026-02-05")
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events
    talks = [e for e in events if e["cameo"].startswith("04")]
    assert any(e["source"]["code"] == "CHNGOV" and e["target"]["code"] == "RUSGOV" for e in talks)
    assert all(e["date"] == "2026-02-04" for e in talks)
    arrest = [e for e in events if e["cameo"] == "173"]
    assert arrest and arrest[0]["source"]["code"] == "RUSCOP"
    assert arrest[0]["date"] == "2026-02-03"
    assert all(e["doc_id"] == "a.txt" for e in events)


def test_code_formats_csv_and_gdelt(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE_A, encoding="utf-8")
    as_json = [
        json.loads(x) for x in run("code", str(f), "--date", "2026-02-05").stdout.splitlines()
    ]
    out = run("code", str(f), "--date", "2026-02-05", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == len(as_json)
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in as_json]
    out = run("code", str(f), "--date", "2026-02-05", "--format", "gdelt")
    lines = out.stdout.splitlines()
    assert len(lines) == len(as_json)
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_code_reads_jsonl_gz_and_stdin(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "doc-1", "text": ARTICLE_B, "date": "2024-03-05"}) + "\n")
    out = run("code", str(f))
    events = [json.loads(x) for x in out.stdout.splitlines()]
    assert events and {e["doc_id"] for e in events} == {"doc-1"}
    out = run("code", "-", "--date", "2024-03-05", stdin=ARTICLE_B.encode())
    assert out.returncode == 0 and out.stdout.strip()


def test_missing_input_is_one_clear_line(tmp_path: Path) -> None:
    out = run("code", str(tmp_path / "nope.txt"))
    assert out.returncode == 3
    assert "nope.txt" in out.stderr and "Traceback" not in out.stderr


def test_ingest_is_idempotent_and_lists_bad_inputs(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    first = run("ingest", str(folder), "--db", str(db), "--date", "2026-02-05")
    assert first.returncode == 0, first.stderr
    for name, reason in (
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("broken.txt", "undecodable"),
    ):
        assert any(name in line and reason in line for line in first.stderr.splitlines()), (
            name,
            first.stderr,
        )
    with EventStore.open(db) as store:
        n1 = store.count_events(EventQuery())
        docs = {d.doc_id for d in store.documents()}
        assert {f.doc_id for f in store.failures()} >= {"empty.txt", "binary.txt", "broken.txt"}
    assert docs == {"a.txt", "sub/b.txt"}
    assert n1 > 0
    second = run("ingest", str(folder), "--db", str(db), "--date", "2026-02-05")
    assert second.returncode == 0
    assert "0 added" in second.stdout
    with EventStore.open(db) as store:
        assert store.count_events(EventQuery()) == n1
        assert len(store.failures()) == 3

    # a changed document replaces its events, nothing stale is left behind
    (folder / "a.txt").write_text(
        "Russian police arrested Pakistani students in Moscow.\n", encoding="utf-8"
    )
    third = run("ingest", str(folder), "--db", str(db), "--date", "2026-02-05")
    assert "1 replaced" in third.stdout
    with EventStore.open(db) as store:
        a_events = list(store.iter_events(EventQuery(doc_id="a.txt")))
        assert a_events and all(e.cameo == "173" for e in a_events)


def test_events_query_by_dyad(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    run("ingest", str(folder), "--db", str(db), "--date", "2026-02-05")
    out = run("events", "--db", str(db), "--dyad", "RUS,CHN", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert rows
    for r in rows:
        pair = {r["source"]["country"], r["target"]["country"] if r["target"] else None}
        assert pair == {"RUS", "CHN"}
    table = run("events", "--db", str(db), "--root", "17")
    assert "RUSCOP" in table.stdout
    missing = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "no such event store" in missing.stderr


ACTORS_YAML = """\
- name: Zara Quillfeather
  names: [Zara Quillfeather, Quillfeather]
  kind: person
  country: FRA
  roles:
    - {code: FRAGOV, start: 2030-01-01, end: 2031-01-01}
"""


def test_code_with_a_yaml_actor_file(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(ACTORS_YAML, encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Zara Quillfeather criticized the Russian government.\n", encoding="utf-8")
    sources: dict[str, set[str]] = {}
    for date in ("2030-06-03", "2032-06-03"):
        out = run("code", str(text), "--date", date, "--actors", str(actors))
        assert out.returncode == 0, out.stderr
        events = [json.loads(line) for line in out.stdout.splitlines()]
        assert events and all(e["target"]["code"] == "RUSGOV" for e in events)
        sources[date] = {e["source"]["code"] for e in events}
    assert sources == {"2030-06-03": {"FRAGOV"}, "2032-06-03": {"FRAELI"}}
    bad = tmp_path / "bad.yaml"
    bad.write_text(ACTORS_YAML.replace("start: 2030-01-01", "start: 2030-13"), encoding="utf-8")
    out = run("code", str(text), "--date", "2030-06-03", "--actors", str(bad))
    assert out.returncode == 2 and not out.stdout
    assert f"{bad}: entry 1 ('Zara Quillfeather'), role 1: bad date '2030-13'" in out.stderr


ZORBLE = "Russia zorbled China on Monday.\n"
"""A made-up verb: no event without a user's verb file."""


def _zorble_files(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "zorble.txt"
    text.write_text(ZORBLE, encoding="utf-8")
    verbs = tmp_path / "my_verbs.tsv"
    verbs.write_text("# my verbs\nZORBLE\tzorble\t042\ta made-up visit\n", encoding="utf-8")
    return text, verbs


def test_code_with_a_verb_file(tmp_path: Path) -> None:
    text, verbs = _zorble_files(tmp_path)
    plain = run("code", str(text), "--date", "2026-02-05")
    assert plain.returncode == 0 and not plain.stdout
    for workers in ("1", "2"):
        out = run(
            "code", str(text), "--date", "2026-02-05", "--verbs", str(verbs), "--workers", workers
        )
        assert out.returncode == 0, out.stderr
        events = [json.loads(line) for line in out.stdout.splitlines()]
        assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [
            ("RUS", "042", "CHN")
        ]
        assert events[0]["evidence"]["rule"] == "verb:ZORBLE:zorble"
    explained = run("explain", ZORBLE, "--verbs", str(verbs))
    assert explained.returncode == 0 and "verb:ZORBLE:zorble" in explained.stdout


def test_a_bad_verb_file_stops_the_run_naming_file_and_line(tmp_path: Path) -> None:
    text, verbs = _zorble_files(tmp_path)
    verbs.write_text("# my verbs\nZORBLE\tzorble\t042\nZORBLE zorbled 042\n", encoding="utf-8")
    db = str(tmp_path / "x.duckdb")
    for args in (("code", str(text)), ("ingest", str(text), "--db", db), ("explain", ZORBLE)):
        out = run(*args, "--verbs", str(verbs))
        assert out.returncode == 2 and not out.stdout
        assert f"{verbs}: line 3: want block<TAB>entry<TAB>code" in out.stderr
    verbs.write_text("ZORBLE\tzorble\t999\n", encoding="utf-8")
    out = run("code", str(text), "--verbs", str(verbs))
    assert out.returncode == 2 and f"{verbs}: line 1: unknown CAMEO code '999'" in out.stderr
    out = run("explain", ZORBLE, "--verbs", str(tmp_path / "missing.tsv"))
    assert out.returncode == 2 and "cannot read verb file" in out.stderr
    out = run("explain", ZORBLE, "--verbs", str(verbs), "--dictionaries", str(tmp_path))
    assert out.returncode == 2 and "cannot be combined with a dictionary folder" in out.stderr


def test_ingest_codes_again_when_a_verb_file_changes(tmp_path: Path) -> None:
    text, verbs = _zorble_files(tmp_path)
    db = tmp_path / "events.duckdb"
    args = ("ingest", str(text), "--db", str(db), "--date", "2026-02-05", "--verbs", str(verbs))
    assert "1 added" in run(*args).stdout
    assert "1 unchanged" in run(*args).stdout
    verbs.write_text("ZORBLE\tzorble\t043\tnow a visit received\n", encoding="utf-8")
    assert "1 replaced" in run(*args).stdout
    with EventStore.open(db) as store:
        assert [e.cameo for e in store.iter_events(EventQuery())] == ["043"]


def test_eval_on_a_small_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "mini_gold.jsonl"
    records = [
        {
            "id": "g1",
            "text": "Russian police arrested Pakistani students in Moscow today.",
            "date": "1995-01-04",
            "events": [{"source": "RUSCOP", "target": "PAKEDU", "code": "173"}],
        },
        {"id": "g2", "text": "The weather was fine in Paris today.", "date": None, "events": []},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    scores = tmp_path / "scores.json"
    out = run("eval", str(gold), "--json", str(scores))
    assert out.returncode == 0, out.stderr
    assert "precision" in out.stdout.lower() and "recall" in out.stdout.lower()
    data = json.loads(scores.read_text())
    assert "mini_gold" in data


def test_explain_says_why() -> None:
    out = run(
        "explain", "Russian police arrested Pakistani students in Moscow.", "--date", "2026-02-05"
    )
    assert out.returncode == 0, out.stderr
    assert "arrested" in out.stdout and "RUSCOP" in out.stdout and "coded" in out.stdout
    out = run("explain", "Russia did not attack Ukraine.", "--date", "2026-02-05")
    assert "negated" in out.stdout


def test_explain_shows_what_a_confidence_floor_leaves_out() -> None:
    sentence = "Russian police arrested Pakistani students in Moscow."
    out = run("explain", sentence, "--date", "2026-02-05", "--min-confidence", "0.99")
    assert out.returncode == 0, out.stderr
    assert "left out" in out.stdout and "below --min-confidence 0.99" in out.stdout
    assert "\n0 events (1 left out)" in out.stdout
    out = run("explain", sentence, "--date", "2026-02-05")
    assert "left out" not in out.stdout


def test_explain_replays_a_stored_event(tmp_path: Path) -> None:
    """Issue 12: 'explain cannot replay a stored event'. --event reads the event's sentence
    and its document's date from the store, explains it, marks the stored event."""
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE_A, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert run("ingest", str(text), "--db", str(db), "--date", "2026-02-05").returncode == 0
    with EventStore.open(db, read_only=True) as store:
        stored = list(store.iter_events())
    arrest = next(e for e in stored if "arrested" in e.sentence)
    out = run("explain", "--db", str(db), "--event", arrest.event_id)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert f"stored event {arrest.event_id}" in lines[0]
    assert "publication date: 2026-02-05" in lines[0]
    assert f"[[{arrest.evidence.trigger}]]" in out.stdout  # the trigger, in its sentence
    assert "replayed: found again" in out.stdout
    assert f">> {arrest.evidence.trigger}" in out.stdout  # its row in the decisions
    assert out.stdout.count(">> the stored event") == 1
    assert arrest.source.code in out.stdout and arrest.cameo in out.stdout
    assert "Xi Jinping" not in out.stdout  # the other sentence's event is not replayed


def test_explain_says_when_a_stored_event_needed_the_rest_of_its_article(
    tmp_path: Path,
) -> None:
    """'He' is Xi from the sentence before: the store keeps the sentence alone, so the
    replay cannot find the event again, and says so (exit 0)."""
    text = tmp_path / "a.txt"
    text.write_text(
        "Chinese President Xi Jinping held talks with Russian President Vladimir Putin "
        "on Wednesday.\n\nHe also criticized Japan.\n",
        encoding="utf-8",
    )
    db = tmp_path / "store.duckdb"
    assert run("ingest", str(text), "--db", str(db), "--date", "2026-02-05").returncode == 0
    with EventStore.open(db, read_only=True) as store:
        (he,) = [e for e in store.iter_events() if e.sentence == "He also criticized Japan."]
    assert he.source.code == "CHNGOV"
    out = run("explain", "--db", str(db), "--event", he.event_id)
    assert out.returncode == 0, out.stderr
    assert "replayed: not found again" in out.stdout
    assert "He also [[criticized]] Japan." in out.stdout
    assert ">> the stored event" not in out.stdout


def test_explain_of_a_missing_event_or_store_is_a_usage_error(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(ARTICLE_B, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert run("ingest", str(text), "--db", str(db)).returncode == 0
    out = run("explain", "--db", str(db), "--event", "no-such-event-42")
    assert out.returncode == 2
    assert "no-such-event-42" in out.stderr and "Traceback" not in out.stderr
    missing = tmp_path / "missing.duckdb"
    out = run("explain", "--db", str(missing), "--event", "no-such-event-42")
    assert out.returncode == 2
    assert str(missing) in out.stderr and "Traceback" not in out.stderr
    assert not missing.exists()  # never a new store
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "store.duckdb"]
    both = run("explain", "Obama met Putin.", "--db", str(db), "--event", "x")
    assert both.returncode == 2 and "SENTENCE" in both.stderr
    neither = run("explain")
    assert neither.returncode == 2 and "--event" in neither.stderr


TEST_VERBS = """&TIETYPES
+MILITARY
+ECONOMIC

--- BREAK [1717] ---
BREAK
- * TREATY  [161]
- * &TIETYPES TIES [902]

--- DEPART [032]  ---
DEPART
"""
TEST_ACTORS = """<!-- test actors -->
ETHIOPIA [ETH]
LIBYA_  [LBY]
GONDOR [GON]
+MINAS_TIRITH
"""
TEST_AGENTS = "GOVERNMENT  [~GOV]\nPOLICE {} [ ~COP]\n"


def test_eval_with_a_petrarch_dictionary_folder(tmp_path: Path) -> None:
    folder = tmp_path / "dicts"
    folder.mkdir()
    (folder / "Test.verbs.txt").write_text(TEST_VERBS, encoding="utf-8")
    (folder / "Test.actors.txt").write_text(TEST_ACTORS, encoding="utf-8")
    (folder / "Test.agents.txt").write_text(TEST_AGENTS, encoding="utf-8")
    gold = tmp_path / "mechanics.jsonl"
    records = [
        # codes of the test dictionary only: 'depart' is 032 there, 1717 is no CAMEO code
        ("v1", "Ethiopia departed from Libya.", [("ETH", "LBY", "032")]),
        ("v2", "Ethiopia broke military ties with Libya.", [("ETH", "LBY", "902")]),
        ("v3", "The Gondor government broke a treaty with Libya.", [("GONGOV", "LBY", "161")]),
        ("v4", "Ethiopia broke relations with Libya.", [("ETH", "LBY", "1717")]),
    ]
    rows = [
        {
            "id": rid,
            "text": text,
            "date": "1995-01-01",
            "events": [{"source": s, "target": t, "code": c} for s, t, c in events],
            "evaluate": True,
            "actors": "fictional",
        }
        for rid, text, events in records
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scores = tmp_path / "scores.json"
    out = run("eval", str(gold), "--dictionaries", str(folder), "--json", str(scores), "-v")
    assert out.returncode == 0, out.stderr
    metrics = json.loads(scores.read_text(encoding="utf-8"))["mechanics"]["metrics"]
    assert metrics["passed"] == 1.0, out.stdout
    explained = run("explain", "Ethiopia departed from Libya.", "--dictionaries", str(folder))
    assert explained.returncode == 0 and "032" in explained.stdout, explained.stderr
    missing = run("eval", str(gold), "--dictionaries", str(tmp_path / "nowhere"))
    assert missing.returncode == 2


def test_eval_scores_a_news_corpus_for_false_events(tmp_path: Path) -> None:
    corpus = tmp_path / "mini_news.jsonl"
    rows = [
        {"id": "s1", "title": "Cup final", "category": "sport",
         "text": "Arsenal beat Chelsea 2-1 in the cup final on Saturday."},
        {"id": "p1", "title": "Talks", "category": "politics",
         "text": "Russian police arrested Pakistani students in Moscow on Tuesday."},
    ]  # fmt: skip
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scores = tmp_path / "scores.json"
    out = run("eval", str(corpus), "--json", str(scores), "--categories", "sport")
    assert out.returncode == 0, out.stderr
    assert "HEADLINE false events per 1,000 words" in out.stdout
    metrics = json.loads(scores.read_text(encoding="utf-8"))["mini_news"]["metrics"]
    assert metrics["articles"] == 1 and metrics["words"] == 12
    gate = tmp_path / "gate.json"
    gate.write_text(json.dumps({"ceilings": {"mini_news.events": -1}}), encoding="utf-8")
    over = run("eval", str(corpus), "--categories", "sport", "--floors", str(gate))
    assert over.returncode == 6 and "above its ceiling" in over.stderr
    none = run("eval", str(corpus), "--categories", "tech")
    assert none.returncode == 2 and "no article of the categories tech" in none.stderr
