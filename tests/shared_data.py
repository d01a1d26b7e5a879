"""The one way a test reaches ../shared, the data folder beside the checkout (gold sets,
corpora, the reference scorer; never committed).

:func:`shared_path` gives a path in it. When the path is absent the test skips, and the
run ends with one line naming the files whose tests did not run (``tests/conftest.py``);
with ``ACCORD_REQUIRE_SHARED=1`` in the environment, which ``.ci/run`` sets when ../shared
is there, it fails instead: CI runs the whole gate or goes red. The ``shared_dir`` fixture
is the folder itself. A test may not skip for ../shared data any other way
(``tests/unit/test_shared_gate.py`` holds every test file to that)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REQUIRE_ENV = "ACCORD_REQUIRE_SHARED"
SKIP_REASON = "missing ../shared data: "
"""How the reason of every skip for ../shared data begins."""
NOT_RUN = "gates not run (missing ../shared data): "
"""How the run's summary line naming those skips begins."""


def shared_required(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a test that needs ../shared must fail instead of skipping without it."""
    value = (os.environ if environ is None else environ).get(REQUIRE_ENV, "")
    return value.strip() not in ("", "0")


def shared_path(*parts: str) -> Path:
    """``../shared/<parts...>``, or the test stops: a skip, or a failure when
    :func:`shared_required`."""
    path = SHARED.joinpath(*parts)
    if path.exists():
        return path
    shown = "/".join(("../shared", *parts)) if SHARED.is_dir() else "../shared"
    message = f"{shown} is absent"
    if shared_required():
        pytest.fail(
            f"{message} ({SHARED}): with {REQUIRE_ENV}=1 a test that needs ../shared may not skip",
            pytrace=False,
        )
    pytest.skip(SKIP_REASON + message)


def skipped_for_shared(reports: Iterable[pytest.TestReport]) -> dict[str, int]:
    """Test file -> how many of its tests skipped for missing ../shared data."""
    counts: dict[str, int] = {}
    for report in reports:
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        if SKIP_REASON in reason:
            path = report.nodeid.split("::")[0]
            counts[path] = counts.get(path, 0) + 1
    return counts


def not_run_line(counts: Mapping[str, int]) -> str:
    """One line naming the files whose tests did not run, with how many."""
    return NOT_RUN + ", ".join(f"{path} ({n})" for path, n in sorted(counts.items()))
