"""Readers while an ingest runs (issue 12, item 3): three ``accord events`` at a time and
an ``accord serve`` on one store while ``accord ingest`` adds documents to it. No lock
error reaches the user (every command exits 0, every API answer is 200), and the new
documents appear in the server's answers as the ingest commits them
(accord.store.access: every process holds the file only while it needs it, and waits while
another holds it)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from scripts.fixture_store import build_fixture_store

from tests.web_support import free_port

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "examples" / "wikinews" / "articles.jsonl"
ACCORD = [sys.executable, "-c", "import sys; from accord.cli.main import main; main(sys.argv[1:])"]


def _new_documents(path: Path, copies: int = 5) -> list[str]:
    """The example articles under new ids (the fixture store holds them already): 40
    documents, so the in-process engine codes them in two batches (32 and 8) and the
    first batch is committed while the second is coded."""
    ids: list[str] = []
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for line in lines:
                doc = json.loads(line)
                doc["id"] = f"concurrent-{k}-{doc['id']}"
                ids.append(doc["id"])
                out.write(json.dumps(doc) + "\n")
    return ids


def _run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*ACCORD, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """``accord serve`` on a fresh fixture store; (store, base URL)."""
    db = build_fixture_store(tmp_path / "store.duckdb")
    port = free_port()
    proc = _run("serve", "--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/v1/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.1)
        yield db, base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


class Poller(threading.Thread):
    """The server's document count every 50 ms until stopped; any non-200 answer kept."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.seen: list[int] = []
        self.failures: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self.stop.is_set():
                try:
                    r = client.get("/api/v1/summary")
                except httpx.TransportError as exc:
                    self.failures.append(repr(exc))
                    return
                if r.status_code == 200:
                    self.seen.append(int(r.json()["data"]["documents"]))
                else:
                    self.failures.append(r.text)
                time.sleep(0.05)


def _summary(base: str) -> dict[str, Any]:
    r = httpx.get(base + "/api/v1/summary", timeout=60)
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert isinstance(data, dict)
    return data


def test_readers_and_a_server_while_an_ingest_adds_documents(
    server: tuple[Path, str], tmp_path: Path
) -> None:
    db, base = server
    inputs = tmp_path / "new.jsonl"
    new_ids = _new_documents(inputs)
    before = _summary(base)
    poller = Poller(base)
    poller.start()
    ingest = _run("ingest", str(inputs), "--db", str(db), "--commit-every", "1")
    rounds = 0
    problems: list[str] = []
    try:
        while ingest.poll() is None:
            readers = [_run("events", "--db", str(db), "--limit", "5", "--format", "json")
                       for _ in range(3)]  # fmt: skip
            for r in readers:
                out, err = r.communicate(timeout=300)
                if r.returncode != 0 or "locked" in err or len(out.splitlines()) != 5:
                    problems.append(f"accord events exited {r.returncode}: {err[-500:]}")
            rounds += 1
            time.sleep(0.3)
        _, err = ingest.communicate(timeout=300)
    finally:
        poller.stop.set()
        poller.join(timeout=60)
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait(timeout=30)
    assert ingest.returncode == 0, err
    assert "locked" not in err
    assert problems == []
    assert poller.failures == []
    assert rounds >= 3, "the ingest ended before the readers had a chance"
    after = _summary(base)
    assert after["documents"] == before["documents"] + len(new_ids)
    assert after["stored_events"] > before["stored_events"]
    r = httpx.get(base + "/api/v1/events", params={"doc_id": new_ids[0]}, timeout=60)
    assert r.status_code == 200 and r.json()["page"]["total"] > 0
    # the server answered all through the ingest and saw the documents arrive as they
    # were committed, never one going away
    seen = poller.seen
    assert seen[0] == before["documents"]
    assert any(before["documents"] < n < after["documents"] for n in seen), sorted(set(seen))
    assert seen == sorted(seen)
