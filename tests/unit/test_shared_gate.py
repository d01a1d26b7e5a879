"""CI runs the whole gate (issue 13, item 7): a test that needs ../shared reaches it through
one mechanism (tests/conftest.py); without ../shared it skips and the run says which gates
did not run; with ``ACCORD_REQUIRE_SHARED=1``, which .ci/run sets when ../shared is present,
such a skip is a failure.

The mechanism is tried on a copy of tests/conftest.py in a scratch checkout, with and
without a ``shared`` folder beside it, in a pytest of its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"
MECHANISM = ("conftest.py", "shared_data.py")
"""The files under tests/ that decide whether a test that needs ../shared runs."""
REQUIRE = "ACCORD_REQUIRE_SHARED"

# -- every skip goes through the mechanism ------------------------------------------------------

OTHER_SKIPS = {
    # file -> what its skips are about: anything but ../shared
    "tests/integration/test_spark.py": "pyspark or Java is absent",
    "tests/unit/test_places.py": "a fact of the packaged gazetteer",
    "tests/web_support.py": "Debian's chromium is absent (a failure instead in CI)",
}
SKIP = re.compile(r"\bpytest\.skip\(|\bskipif\(|\bmark\.skip\b|\bimportorskip\(")
SHARED_PATH = re.compile(r"""parents?\b.*["']shared["']""")


def _test_sources() -> dict[str, str]:
    return {
        str(p.relative_to(REPO)): p.read_text(encoding="utf-8")
        for p in sorted(TESTS.rglob("*.py"))
        if p.name not in MECHANISM and p != Path(__file__).resolve()
    }


def test_every_skip_for_shared_data_goes_through_the_mechanism() -> None:
    """A skip of its own would stay a skip under ACCORD_REQUIRE_SHARED=1: only the
    mechanism may skip for ../shared, and only it may say where ../shared is."""
    problems = []
    for name, text in _test_sources().items():
        for number, line in enumerate(text.splitlines(), start=1):
            if SKIP.search(line) and name not in OTHER_SKIPS:
                problems.append(f"{name}:{number}: a skip of its own: {line.strip()}")
            if SHARED_PATH.search(line):
                problems.append(f"{name}:{number}: finds ../shared itself: {line.strip()}")
    assert not problems, "\n".join(problems)


def test_the_other_skips_are_not_about_shared_data() -> None:
    sources = _test_sources()
    for name in OTHER_SKIPS:
        skips = [line for line in sources[name].splitlines() if SKIP.search(line)]
        assert skips, f"{name} skips no more: take it off OTHER_SKIPS"
        assert not any("shared" in line.lower() for line in skips), name


# -- the mechanism, in a pytest of its own -------------------------------------------------------

INI = """\
[pytest]
addopts = -ra --strict-markers -p no:cacheprovider
markers =
    model: needs the spaCy English model
    shared: reads ../shared data
"""

NEEDS_SHARED = """\
from pathlib import Path


def test_reads_the_folder(shared_dir: Path) -> None:
    assert shared_dir.is_dir()


def test_needs_nothing() -> None:
    pass
"""

NEEDS_A_FILE = """\
from tests.shared_data import shared_path


def test_reads_a_file() -> None:
    assert shared_path("gold", "set.jsonl").read_text(encoding="utf-8") == "{}"
"""


def checkout(
    tmp_path: Path, *, shared: bool, with_file: bool = True, file_test: bool = True
) -> Path:
    """A scratch checkout (tests/ with the real mechanism and a test file or two), with or
    without ../shared beside it (and a file in it)."""
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "pytest.ini").write_text(INI, encoding="utf-8")
    (repo / "tests" / "__init__.py").write_text("", encoding="utf-8")
    for name in MECHANISM:
        if (TESTS / name).is_file():
            shutil.copy(TESTS / name, repo / "tests" / name)
    (repo / "tests" / "test_needs_shared.py").write_text(NEEDS_SHARED, encoding="utf-8")
    if file_test:
        (repo / "tests" / "test_needs_a_file.py").write_text(NEEDS_A_FILE, encoding="utf-8")
    if shared:
        gold = tmp_path / "shared" / "gold"
        gold.mkdir(parents=True)
        if with_file:
            (gold / "set.jsonl").write_text("{}", encoding="utf-8")
    return repo


def run_pytest(repo: Path, *, require: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (REQUIRE, "PYTEST_ADDOPTS")}
    if require is not None:
        env[REQUIRE] = require
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "tests"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _outcomes(out: subprocess.CompletedProcess[str]) -> str:
    return out.stdout.strip().splitlines()[-1]


def test_without_shared_the_run_passes_and_names_the_gates_that_did_not_run(
    tmp_path: Path,
) -> None:
    out = run_pytest(checkout(tmp_path, shared=False), require=None)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"\b1 passed, 2 skipped\b", _outcomes(out)), out.stdout
    (line,) = [s for s in out.stdout.splitlines() if s.startswith("gates not run")]
    assert "tests/test_needs_shared.py (1)" in line and "tests/test_needs_a_file.py (1)" in line
    assert REQUIRE in out.stdout


def test_a_required_shared_folder_that_is_absent_fails(tmp_path: Path) -> None:
    """Today: '1 passed, 1 skipped', green, with ACCORD_REQUIRE_SHARED=1 or without."""
    out = run_pytest(checkout(tmp_path, shared=False, file_test=False), require="1")
    assert out.returncode == 1, out.stdout + out.stderr
    # a fixture that fails is an error to pytest
    assert re.match(r"1 passed, 1 error\b", _outcomes(out)), out.stdout
    assert f"{REQUIRE}=1" in out.stdout and "../shared is absent" in out.stdout


def test_a_required_file_that_is_absent_from_shared_fails(tmp_path: Path) -> None:
    out = run_pytest(checkout(tmp_path, shared=True, with_file=False), require="1")
    assert out.returncode == 1, out.stdout + out.stderr
    assert _outcomes(out).startswith("1 failed, 2 passed"), out.stdout
    assert f"{REQUIRE}=1" in out.stdout and "../shared/gold/set.jsonl is absent" in out.stdout


def test_a_missing_file_of_a_present_shared_skips_when_not_required(tmp_path: Path) -> None:
    out = run_pytest(checkout(tmp_path, shared=True, with_file=False), require=None)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"\b2 passed, 1 skipped\b", _outcomes(out)), out.stdout
    (line,) = [s for s in out.stdout.splitlines() if s.startswith("gates not run")]
    assert "tests/test_needs_a_file.py (1)" in line and "test_needs_shared" not in line


@pytest.mark.parametrize("require", [None, "1"])
def test_with_shared_every_gate_runs(tmp_path: Path, require: str | None) -> None:
    out = run_pytest(checkout(tmp_path, shared=True), require=require)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"\b3 passed\b", _outcomes(out)) and "skipped" not in _outcomes(out)
    assert not any(s.startswith("gates not run") for s in out.stdout.splitlines())


# -- .ci/run ------------------------------------------------------------------------------------

FAKE_MAKE = f"""#!/bin/sh
echo "make $* {REQUIRE}=${{{REQUIRE}:-unset}}"
"""


def ci_run(
    tmp_path: Path, *, shared: bool, make: str = FAKE_MAKE, drop: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """.ci/run in a scratch checkout, with a ``make`` that prints what it was asked
    (``make``: the fake's script; ``drop``: more variables left out of its environment)."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(REPO / ".ci" / "run", repo / ".ci" / "run")
    if shared:
        (tmp_path / "shared").mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "make").write_text(make, encoding="utf-8")
    (bin_dir / "make").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != REQUIRE and k not in drop}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        ["bash", str(repo / ".ci" / "run")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_ci_requires_shared_data_when_it_is_there(tmp_path: Path) -> None:
    out = ci_run(tmp_path, shared=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"make test {REQUIRE}=1"]


def test_ci_without_shared_runs_make_test_and_says_the_gate_will_not_run(
    tmp_path: Path,
) -> None:
    out = ci_run(tmp_path, shared=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"make test {REQUIRE}=unset"]
    assert "../shared" in out.stderr and "not run" in out.stderr


BROWSER = "ACCORD_REQUIRE_BROWSER"
FAKE_MAKE_BROWSER = f"""#!/bin/sh
echo "make $* {BROWSER}=${{{BROWSER}:-unset}}"
"""


@pytest.mark.parametrize("shared", [True, False])
def test_ci_makes_a_missing_browser_a_failure(tmp_path: Path, shared: bool) -> None:
    """CI runs on a machine whose set-up installs chromium: a browser test that finds none
    must fail there, not skip green, whether or not the machine sets ``CI``."""
    out = ci_run(tmp_path, shared=shared, make=FAKE_MAKE_BROWSER, drop=(BROWSER, "CI"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"make test {BROWSER}=1"]
    from tests.web_support import REQUIRE_BROWSER_ENV, browser_required

    assert BROWSER == REQUIRE_BROWSER_ENV and browser_required({BROWSER: "1"})
