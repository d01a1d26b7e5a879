"""Latency of accord serve's API: p50 and p95 of the series, dyad and event-page
endpoints (issue 12's target: p95 <= 200 ms), over real HTTP to an ``accord serve``
process on a loopback port.

    python bench/serve_latency.py --db STORE [--requests 60] [--keep-open 0.5] [--json OUT]
    python bench/serve_latency.py            # builds a store of ../shared's Wikinews
                                             # and BBC-politics corpora in a temp folder

Each endpoint is asked ``--requests`` times, one request at a time, with parameters
cycling through the store's top dyads and pages (after 3 warm-up requests each); the
server opens the store read-only per request, as it always does. Without ../shared and
``--db`` it says so and exits 0. BBC text stays in the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ACCORD = str(Path(sys.executable).with_name("accord"))
TARGET_MS = 200.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_corpora_store(folder: Path) -> Path | None:
    wikinews = SHARED / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"
    bbc = SHARED / "corpus" / "bbc_news" / "bbc_news.jsonl"
    if not (wikinews.exists() and bbc.exists()):
        return None
    politics = folder / "bbc_politics.jsonl"
    with bbc.open(encoding="utf-8") as src, politics.open("w", encoding="utf-8") as dst:
        dst.writelines(line for line in src if json.loads(line).get("category") == "politics")
    db = folder / "corpora.duckdb"
    subprocess.run([ACCORD, "ingest", str(wikinews), str(politics), "--db", str(db)], check=True)
    return db


def _serve(db: Path, port: int, keep_open: float) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [ACCORD, "serve", "--db", str(db), "--port", str(port), "--keep-open", str(keep_open)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("accord serve did not start")


def _cycle(items: list[Any], n: int) -> Iterator[Any]:
    for i in range(n):
        yield items[i % len(items)]


def _requests(client: httpx.Client, n: int) -> dict[str, list[dict[str, Any]]]:
    """Parameters per endpoint, from the store's own top dyads and pages."""
    dyads = client.get("/api/v1/dyads", params={"limit": 20, "domestic": "false"}).json()["data"]
    dyads = dyads or [{"side_a": "CHN", "side_b": "USA", "last_date": "2020-12-31"}]
    pairs = [{"a": d["side_a"], "b": d["side_b"]} for d in dyads]
    total = client.get("/api/v1/events", params={"limit": 1}).json()["page"]["total"]
    offsets = [max(0, (total * k) // 10 - 50) for k in range(10)]
    periods = ["month", "week", "quarter"]
    return {
        "series": [{**p, "period": periods[i % 3]} for i, p in enumerate(_cycle(pairs, n))],
        "series_events": [
            {"a": d["side_a"], "b": d["side_b"], "at": d["last_date"] or "2020-12-31"}
            for d in _cycle(dyads, n)
        ],
        "dyads": [{"limit": 20, "by": b} for b in _cycle(["events", "conflict", "goldstein"], n)],
        "events_of_a_dyad": [{**p, "limit": 50} for p in _cycle(pairs, n)],
        "events_page": [{"limit": 50, "offset": o} for o in _cycle(offsets, n)],
    }


PATHS = {
    "series": "/api/v1/series",
    "series_events": "/api/v1/series/events",
    "dyads": "/api/v1/dyads",
    "events_of_a_dyad": "/api/v1/events",
    "events_page": "/api/v1/events",
}


def measure(db: Path, n: int, keep_open: float) -> dict[str, Any]:
    port = _free_port()
    proc = _serve(db, port, keep_open)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            summary = client.get("/api/v1/summary").json()["data"]
            plan = _requests(client, n)
            out: dict[str, Any] = {}
            for name, params_list in plan.items():
                for params in params_list[:3]:
                    client.get(PATHS[name], params=params)
                times = []
                for params in params_list:
                    start = time.perf_counter()
                    r = client.get(PATHS[name], params=params)
                    times.append((time.perf_counter() - start) * 1000)
                    if r.status_code != 200:
                        raise SystemExit(f"{name} {params}: {r.status_code} {r.text[:200]}")
                times.sort()
                out[name] = {
                    "requests": len(times),
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                    "max_ms": round(times[-1], 1),
                }
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {
        "store": {"documents": summary["documents"], "events": summary["stored_events"]},
        "endpoints": out,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path)
    ap.add_argument("--requests", type=int, default=60)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--keep-open",
        type=float,
        default=0.5,
        help="accord serve --keep-open (0: every request opens the store cold)",
    )
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_corpora_store(Path(tmp))
        if db is None:
            print("serve latency: ../shared corpora absent and no --db given; nothing measured")
            return 0
        result = measure(db, args.requests, args.keep_open)
    result["machine"] = f"{os.cpu_count()} cpus"
    result["keep_open"] = args.keep_open
    st = result["store"]
    print(f"accord serve latency on {st['documents']} documents, {st['events']} events "
          f"(--keep-open {args.keep_open:g}):")  # fmt: skip
    worst = 0.0
    for name, r in result["endpoints"].items():
        worst = max(worst, r["p95_ms"])
        print(f"  {name:18} p50 {r['p50_ms']:7.1f} ms   p95 {r['p95_ms']:7.1f} ms   "
              f"max {r['max_ms']:7.1f} ms   ({r['requests']} requests)")  # fmt: skip
    verdict = "meets" if worst <= TARGET_MS else "MISSES"
    print(f"worst p95 {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
