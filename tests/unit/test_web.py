"""accord serve's REST API (issue 12, item 4) on the analysis fixture store plus a document
of hostile text: the answers are the analyses' answers, every list is paginated, every
error is the one envelope, parameters have limits, SQL metacharacters give data or a 4xx,
the server never writes and waits for a store an ingest holds."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from scripts.fixture_store import SHIFT_CONFLICT_IDS

import accord
from accord.errors import StoreError
from accord.web import ServeConfig, create_app, is_loopback
from accord.web.app import static_dir
from tests.web_support import (
    BASE,
    HOSTILE_DOC,
    HOSTILE_PLACE,
    HOSTILE_TITLE,
    JS_URL,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


SQL_METACHARACTERS = (
    "'; DROP TABLE events; --",
    "' OR '1'='1",
    '" OR 1=1 --',
    "USA'--",
    "%' OR 1=1 --",
    "\\'; SELECT * FROM documents; --",
    "); DELETE FROM events WHERE (1=1",
    "x\x00y",
    "%_%",
    "☃' UNION SELECT NULL --",
)


def _ok(client: TestClient, path: str, **params: Any) -> Any:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _error(client: TestClient, path: str, status: int, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    return dict(error)


# ------------------------------------------------------------------ the schema


def test_the_openapi_schema_lists_read_only_endpoints(client: TestClient) -> None:
    schema = _ok(client, "/api/v1/openapi.json")
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    names = ("series", "series/events", "events", "events/{event_id}", "dyads", "actors",
             "network", "alerts", "changes", "places", "summary", "countries/{code}",
             "documents/{doc_id}")  # fmt: skip
    for name in names:
        assert f"/api/v1/{name}" in paths
    assert {m for ops in paths.values() for m in ops} == {"get"}
    limit = next(p for p in paths["/api/v1/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500


def test_no_page_loads_anything_from_another_host(client: TestClient) -> None:
    for path in ("/", "/events", "/dyad", "/country", "/network", "/map", "/document"):
        html = client.get(path).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert refs and all(ref.startswith("/") for ref in refs), refs
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_the_charting_library_is_vendored_with_its_licence() -> None:
    vendor = static_dir() / "vendor"
    for name in ("echarts/echarts.min.js", "echarts/LICENSE", "echarts/NOTICE",
                 "topojson-client/LICENSE", "world-atlas/LICENSE",
                 "world-atlas/countries-110m.json"):  # fmt: skip
        assert (vendor / name).is_file(), name
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([^`]+)` \| [^|]+ \| `([0-9a-f]{64})` \|", readme, re.M)
    assert {name for name, _ in table} == {
        "echarts/echarts.min.js",
        "topojson-client/topojson-client.min.js",
        "world-atlas/countries-110m.json",
    }
    for name, digest in table:
        got = hashlib.sha256((vendor / name).read_bytes()).hexdigest()
        assert got == digest, f"{name} differs from the npm release"


def test_the_dashboard_script_never_writes_html() -> None:
    script = (static_dir() / "dashboard.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink


def test_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/v1/summary"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/v1/summary").headers["cache-control"] == "no-store"


# ------------------------------------------------------------------ answers


def test_summary_counts_the_store(client: TestClient, db: Path) -> None:
    data = _ok(client, "/api/v1/summary")["data"]
    s = accord.open(db).summary()
    assert data["documents"] == s.documents == 343
    assert data["events"] == s.events
    assert data["last_date"] == "2020-12-28"
    assert sum(q["events"] for q in data["quad_classes"]) == s.events


def test_series_is_the_analysis_series(client: TestClient, db: Path) -> None:
    body = _ok(client, "/api/v1/series", a="XAR", b="XBO", period="month")
    expected = accord.open(db).series(("XAR", "XBO"), period="month").rows()
    assert len(body["data"]) == len(expected) == 24
    assert [r["events"] for r in body["data"]] == [r["events"] for r in expected]
    assert body["data"][-1]["period"] == "2020-12-01"
    assert body["data"][-1]["conflict"] == 8
    assert body["meta"]["label"] == "XAR–XBO"
    assert body["page"] == {"offset": 0, "limit": 1000, "returned": 24, "total": 24}


def test_a_side_coded_without_a_country_is_a_valid_side(client: TestClient) -> None:
    # actors of no known country are coded '---ROLE' (as '---HRI' in BBC politics)
    body = _ok(client, "/api/v1/series", a="---HRI", b="GBR")
    assert body["meta"]["label"] == "---HRI–GBR"
    assert _ok(client, "/api/v1/events", a="---HRI", b="GBR")["page"]["total"] == 0


def test_the_events_behind_one_point(client: TestClient) -> None:
    body = _ok(client, "/api/v1/series/events", a="XAR", b="XBO", at="2020-12-17")
    ids = {r["event_id"] for r in body["data"]}
    assert body["page"]["total"] == 9
    assert ids >= SHIFT_CONFLICT_IDS
    assert all(r["sentence"] and r["doc_id"] for r in body["data"])


def test_the_planted_alert_with_its_events(client: TestClient) -> None:
    body = _ok(client, "/api/v1/alerts", evidence=20)
    top = body["data"][0]
    assert (top["side_a"], top["side_b"], top["metric"]) == ("XAR", "XBO", "conflict_share")
    assert top["toward_conflict"] is True
    assert {e["event_id"] for e in top["evidence"]} == SHIFT_CONFLICT_IDS


def test_top_dyads_and_a_country_filter(client: TestClient) -> None:
    body = _ok(client, "/api/v1/dyads", limit=3, by="conflict", domestic="false")
    assert body["page"]["returned"] == 3 and body["page"]["total"] > 3
    conflicts = [r["conflict"] for r in body["data"]]
    assert conflicts == sorted(conflicts, reverse=True)
    usa = _ok(client, "/api/v1/dyads", country="usa", limit=100)["data"]
    assert usa and all("USA" in (r["side_a"], r["side_b"]) for r in usa)


def test_events_are_paginated_without_overlap(client: TestClient) -> None:
    first = _ok(client, "/api/v1/events", country="USA", limit=20)
    second = _ok(client, "/api/v1/events", country="USA", limit=20, offset=20)
    assert first["page"]["total"] == second["page"]["total"] > 40
    a = [r["event_id"] for r in first["data"]]
    b = [r["event_id"] for r in second["data"]]
    assert len(a) == len(b) == 20 and not set(a) & set(b)
    last = _ok(client, "/api/v1/events", country="USA", limit=500, offset=first["page"]["total"])
    assert last["data"] == [] and last["page"]["returned"] == 0


def test_event_filters(client: TestClient) -> None:
    conflict = _ok(client, "/api/v1/events", a="XAR", b="XBO", kind="conflict", limit=500)
    assert conflict["page"]["total"] == 24
    assert {r["quad_class"] for r in conflict["data"]} <= {3, 4}
    text = _ok(client, "/api/v1/events", text="EMBARGO")["data"]
    assert text and all("embargo" in r["sentence"].lower() for r in text)
    placed = _ok(client, "/api/v1/events", place=HOSTILE_PLACE)["data"]
    assert {r["doc_id"] for r in placed} == {HOSTILE_DOC}
    assert placed[0]["url"] == JS_URL  # the API returns data as stored; pages make it inert


def test_one_event_one_document_one_country(client: TestClient) -> None:
    some = _ok(client, "/api/v1/events", limit=1)["data"][0]
    one = _ok(client, f"/api/v1/events/{some['event_id']}")["data"]
    assert one["event_id"] == some["event_id"] and one["sentence"] == some["sentence"]
    doc = _ok(client, f"/api/v1/documents/{HOSTILE_DOC}")["data"]
    assert doc["document"]["title"] == HOSTILE_TITLE
    assert doc["document"]["sentence_count"] == 8
    assert [e["sentence_index"] for e in doc["events"]] == [0, 1, 2, 3, 4]
    usa = _ok(client, "/api/v1/countries/usa")["data"]
    assert usa["country"] == "USA"
    assert usa["events"] == usa["cooperation"] + usa["conflict"]
    assert sum(r["events"] for r in usa["series"]) == usa["events"]


def test_network_and_places(client: TestClient) -> None:
    net = _ok(client, "/api/v1/network", limit=5)["data"]
    assert len(net["edges"]) == 5
    names = {e["side_a"] for e in net["edges"]} | {e["side_b"] for e in net["edges"]}
    assert {n["node"] for n in net["nodes"]} == names
    places = _ok(client, "/api/v1/places")["data"]
    assert places[0]["events"] >= places[-1]["events"]
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)


# ------------------------------------------------------------------ errors and limits


def test_one_error_envelope(client: TestClient) -> None:
    assert _error(client, "/api/v1/nothing", 404)["code"] == "not_found"
    assert _error(client, "/api/v1/events/no-such-event", 404)["code"] == "not_found"
    assert _error(client, "/api/v1/documents/no/such/doc", 404)["code"] == "not_found"
    invalid = _error(client, "/api/v1/events", 422, limit=501)
    assert invalid["code"] == "invalid" and invalid["details"][0]["loc"] == ["query", "limit"]
    assert _error(client, "/api/v1/events", 400, since="2020-13")["code"] == "bad_request"
    assert _error(client, "/api/v1/series", 400, a="USA")["code"] == "bad_request"
    assert _error(client, "/api/v1/events", 400, since="9999")["code"] == "bad_request"
    r = client.post("/api/v1/events")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    r = client.get("/api/v1/summary", headers={"host": "evil.example"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_host"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"actor": "x" * 101}, "actor"),
        ({"text": "x" * 201}, "text"),
        ({"a": "USA;", "b": "CHN"}, "a"),
        ({"country": "U'A"}, "country"),
        ({"root": "1; --"}, "root"),
        ({"quad": 5}, "quad"),
        ({"offset": 10**7}, "offset"),
        ({"since": "2020-01-01' OR 1=1"}, "since"),
        ({"fold": "none; DROP"}, "fold"),
    ],
)
def test_parameters_out_of_their_limits_are_422(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    error = _error(client, "/api/v1/events", 422, **params)
    assert [d["loc"][-1] for d in error["details"]] == [field]


@pytest.mark.parametrize("value", SQL_METACHARACTERS)
def test_sql_metacharacters_give_data_or_a_4xx(client: TestClient, value: str) -> None:
    calls: list[tuple[str, dict[str, Any]]] = [
        ("/api/v1/events", {"actor": value}),
        ("/api/v1/events", {"text": value}),
        ("/api/v1/events", {"place": value}),
        ("/api/v1/events", {"doc_id": value}),
        ("/api/v1/events", {"a": value, "b": "USA"}),
        ("/api/v1/series", {"a": value, "b": "USA"}),
        ("/api/v1/dyads", {"country": value}),
        ("/api/v1/actors", {"prefix": value}),
        ("/api/v1/network", {"country": value}),
        ("/api/v1/places", {"country": value}),
        ("/api/v1/alerts", {"as_of": value}),
        ("/api/v1/summary", {"since": value}),
        (f"/api/v1/events/{quote(value, safe='')}", {}),
        (f"/api/v1/documents/{quote(value, safe='')}", {}),
        (f"/api/v1/countries/{quote(value, safe='')}", {}),
    ]
    for path, params in calls:
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.text)
        if r.status_code == 200:
            assert r.json()["data"] is not None
        else:
            assert r.json()["error"]["status"] == r.status_code
    # nothing was dropped or deleted: the store still answers the same
    assert _ok(client, "/api/v1/summary")["data"]["documents"] == 343


def test_a_free_text_value_is_matched_as_text(client: TestClient) -> None:
    body = _ok(client, "/api/v1/events", actor="' OR '1'='1")
    assert body["page"]["total"] == 0  # not every event


# ------------------------------------------------------------------ the store


def test_the_server_never_writes_the_store(db: Path, client: TestClient) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ("/api/v1/summary", "/api/v1/series", "/api/v1/alerts", "/api/v1/events"):
        _ok(client, path)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not db.with_suffix(".duckdb.wal").exists()


def test_a_missing_store_is_an_error_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(StoreError):
        create_app(ServeConfig(db=str(missing)))
    assert not missing.exists()


_HOLD = """
import sys, time
from accord.store import EventStore
with EventStore.open(sys.argv[1]) as store:
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold_store(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the store writable (as an ingest does)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_HOLD), str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_request_waits_for_an_ingest_then_answers(db: Path) -> None:
    app = create_app(ServeConfig(db=str(db), busy_timeout=20.0))
    with TestClient(app, base_url=BASE) as c:
        proc = _hold_store(db, 1.0)
        try:
            start = time.monotonic()
            r = c.get("/api/v1/summary")
            waited = time.monotonic() - start
        finally:
            proc.wait(timeout=30)
        assert r.status_code == 200, r.text
        assert waited > 0.3, waited  # it did wait for the writer


def test_a_store_held_too_long_is_503_store_busy(db: Path) -> None:
    app = create_app(ServeConfig(db=str(db), busy_timeout=0.2))
    with TestClient(app, base_url=BASE) as c:
        proc = _hold_store(db, 3.0)
        try:
            r = c.get("/api/v1/events")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "store_busy"
        assert r.headers["retry-after"] == "1"
        assert c.get("/api/v1/events").status_code == 200


def test_the_store_is_kept_open_only_between_close_requests(db: Path) -> None:
    app = create_app(ServeConfig(db=str(db), keep_open=0.3))
    with TestClient(app, base_url=BASE) as c:
        assert not app.state.keeper.holding
        for _ in range(3):
            assert c.get("/api/v1/summary").status_code == 200
        assert app.state.keeper.holding
        time.sleep(0.8)
        assert not app.state.keeper.holding
        _hold_store(db, 0.1).wait(timeout=30)  # a writer can open it again
        assert c.get("/api/v1/summary").status_code == 200
        assert app.state.keeper.holding
        # a writer says it waits (accord.store.access): the next request lets go at once
        flag = Path(f"{db}.writer-waiting")
        flag.touch()
        try:
            assert c.get("/api/v1/health").status_code == 200
            assert not app.state.keeper.holding
        finally:
            flag.unlink()
        assert c.get("/api/v1/summary").status_code == 200
    assert not app.state.keeper.holding  # closed when the app stops


def test_accord_serve_answers_on_the_loopback_by_default(db: Path) -> None:
    import httpx

    from tests.web_support import free_port

    port = free_port()
    entry = "import sys; from accord.cli.main import main; main(sys.argv[1:])"
    proc = subprocess.Popen(
        [sys.executable, "-c", entry, "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert f"at http://127.0.0.1:{port}/" in line, line
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "accord serve did not answer"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["data"]["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_accord_serve_on_a_missing_store_exits_5(tmp_path: Path) -> None:
    from accord.cli.main import main

    missing = tmp_path / "none.duckdb"
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--db", str(missing)])
    assert stop.value.code == 5
    assert not missing.exists()


def test_hosts_and_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")
    config = ServeConfig(db="x")
    assert config.host == "127.0.0.1"
    assert "localhost" in config.hosts() and "evil.example" not in config.hosts()
    assert ServeConfig(db="x", host="0.0.0.0").hosts() == {"*"}
    assert "box.lan" in ServeConfig(db="x", allowed_hosts=("Box.lan",)).hosts()
