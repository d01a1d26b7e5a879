"""Shared fixtures: the ../shared data folder (optional, see tests/shared_data.py) and one
loaded coder per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.shared_data import (
    REQUIRE_ENV,
    SHARED,
    not_run_line,
    shared_path,
    shared_required,
    skipped_for_shared,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = str(item.path)
        if "/tests/integration/" in path or "/tests/golden/" in path:
            item.add_marker(pytest.mark.model)
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the gates that did not run for missing ../shared data; with the data
    required, say how many tests that read it ran."""
    counts = skipped_for_shared(terminalreporter.stats.get("skipped", []))
    if counts:
        terminalreporter.write_sep("=", "gates not run", yellow=True, bold=True)
        terminalreporter.write_line(not_run_line(counts))
        terminalreporter.write_line(
            f"({sum(counts.values())} tests need data from {SHARED}; with {REQUIRE_ENV}=1, "
            "which .ci/run sets when ../shared is there, they fail instead of skipping)"
        )
    elif shared_required():
        ran = sum(
            1
            for key in ("passed", "failed", "error", "xfailed", "xpassed")
            for report in terminalreporter.stats.get(key, [])
            if getattr(report, "when", "") == "call" and "shared" in report.keywords
        )
        terminalreporter.write_line(f"{REQUIRE_ENV}=1: {ran} tests that read ../shared ran")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the checkout (tests/shared_data.py: a skip when it is
    absent, a failure when ACCORD_REQUIRE_SHARED=1)."""
    return shared_path()


@pytest.fixture(scope="session")
def coder() -> Iterator[object]:
    from accord.api import Coder

    yield Coder.load()
