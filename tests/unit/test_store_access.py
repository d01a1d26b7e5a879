"""Sharing a store between processes (issue 12, item 3; accord.store.access): a reader
waits for a writer and a writer for readers instead of failing, a writer that waits says
so and readers give way to it, and an ingest holds the file only while it commits."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from accord.errors import StoreError
from accord.store import EventStore
from accord.store.access import ShortWrites, open_waiting, writer_waiting
from tests.web_support import hostile_result

_HOLD = """
import sys, time
from accord.store import EventStore
with EventStore.open(sys.argv[1], read_only=sys.argv[3] == "read") as store:
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(db: Path, seconds: float, mode: str = "write") -> subprocess.Popen[str]:
    """Another process holding the store (writable as an ingest, or read-only)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_HOLD), str(db), str(seconds), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    with EventStore.open(path):
        pass
    return path


def test_a_reader_waits_for_a_writer(db: Path) -> None:
    proc = _hold(db, 1.0)
    start = time.monotonic()
    with open_waiting(db, read_only=True, wait=30) as store:
        assert store.counts().documents == 0
    assert time.monotonic() - start > 0.3
    proc.wait(timeout=30)


def test_a_reader_gives_up_after_its_wait_with_a_clear_error(db: Path) -> None:
    proc = _hold(db, 3.0)
    try:
        with pytest.raises(StoreError, match=r"locked by another process.*waited 0\.3 s"):
            open_waiting(db, read_only=True, wait=0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_writer_waits_for_a_reader_and_says_it_waits(db: Path) -> None:
    proc = _hold(db, 1.5, "read")
    assert not writer_waiting(db)  # nobody waits yet
    done: list[int] = []

    def write() -> None:
        with open_waiting(db, read_only=False, wait=30) as store:
            done.append(store.counts().documents)

    start = time.monotonic()
    writer = threading.Thread(target=write)
    writer.start()
    flagged = False
    while writer.is_alive():  # what readers see while the writer waits
        flagged = flagged or writer_waiting(db)
        time.sleep(0.02)
    writer.join()
    assert done == [0]
    assert flagged
    assert time.monotonic() - start > 1.0
    assert not writer_waiting(db)  # the flag is gone once the writer is in
    assert not Path(f"{db}.writer-waiting").exists()
    proc.wait(timeout=30)


def test_readers_give_way_to_a_waiting_writer(db: Path) -> None:
    flag = Path(f"{db}.writer-waiting")
    flag.touch()
    start = time.monotonic()
    with open_waiting(db, read_only=True, wait=30) as store:
        store.counts()
    waited = time.monotonic() - start
    assert 1.5 < waited < 10  # up to YIELD_WAIT (2 s), then it reads anyway
    # a flag left by a writer that died long ago is ignored
    old = time.time() - 60
    os.utime(flag, (old, old))
    assert not writer_waiting(db)
    start = time.monotonic()
    with open_waiting(db, read_only=True, wait=30):
        pass
    assert time.monotonic() - start < 1.0


def test_short_writes_hold_the_store_only_while_they_write(db: Path) -> None:
    writes = ShortWrites(db, wait=30)
    stats = writes.write([hostile_result(2)])
    assert stats.docs_added == 1 and stats.events_added == 2
    # between calls another process can open the store writable at once
    _hold(db, 0.0).wait(timeout=30)
    assert writes.known_hashes([hostile_result(2).doc.id])
    # and while another process holds it, a write waits instead of failing
    proc = _hold(db, 1.0)
    start = time.monotonic()
    assert writes.write([hostile_result(3)]).docs_replaced == 1
    assert time.monotonic() - start > 0.3
    proc.wait(timeout=30)
