"""Screenshots of every dashboard page, for docs/img/ and the README.

    .venv/bin/python -m scripts.dashboard_screenshots docs/img    # needs Debian's chromium

Builds the analysis fixture store (Wikinews 2019-2020, CC BY 2.5, plus the synthetic
Arcadia-Borduria dyad; no BBC text) in a temporary folder, serves it with ``accord serve``'s
app on a free loopback port and has headless Chromium (Playwright, ``executable_path`` of
the system's chromium, ``--no-sandbox``) take one screenshot per page:
``dashboard-<page>.png``.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from scripts.fixture_store import build_fixture_store

from accord.web import ServeConfig, create_app

SHOTS = {
    "overview": ("/", None),
    "dyad": ("/dyad?a=XAR&b=XBO&at=2020-12-01", "#point-events tbody tr"),
    "country": ("/country?c=USA", None),
    "network": ("/network", None),
    "map": ("/map", None),
    "document": ("/document?id=synthetic-2020-12-17#e-synthetic-2020-12-17-0", ".event.target"),
    "events": ("/events?country=USA&kind=conflict&since=2020", None),
}
"""Page name -> (path, a selector to wait for)."""

VIEWPORT = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def served(app: object, port: int | None = None) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    port = port or free_port()
    config = uvicorn.Config(
        app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def take(base: str, out: Path, chromium: str) -> list[Path]:
    """One PNG per page of :data:`SHOTS` into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport=VIEWPORT)
        for name, (path, ready) in SHOTS.items():
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if ready:
                page.wait_for_selector(ready)
            page.wait_for_timeout(300)
            target = out / f"dashboard-{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = build_fixture_store(Path(tmp) / "fixture.duckdb")
        with served(create_app(ServeConfig(db=str(db)))) as base:
            for path in take(base, Path(argv[0]), chromium):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
