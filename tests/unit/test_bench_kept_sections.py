"""make bench rewrites docs/benchmarks.md and keeps, as they are, the sections below the
marker line that other scripts measured (bench/minhash_compare.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accord_bench_kept", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_sections_below_the_marker_are_kept(tmp_path: Path) -> None:
    bench = _bench()
    md = tmp_path / "benchmarks.md"
    assert bench.kept_sections(md) == ""  # no file yet
    md.write_text("# Benchmarks\n\n| old table |\n", encoding="utf-8")
    assert bench.kept_sections(md) == ""  # no marker: nothing to keep
    kept = f"{bench.KEPT}\n\n## MinHash\n\n| measured by hand |\n"
    md.write_text("# Benchmarks\n\n| old table |\n\n" + kept, encoding="utf-8")
    assert bench.kept_sections(md) == "\n\n" + kept
    assert "old table" not in bench.kept_sections(md)


def test_the_marker_is_in_the_committed_benchmarks() -> None:
    bench = _bench()
    docs = BENCH.parents[1] / "docs" / "benchmarks.md"
    assert bench.KEPT in docs.read_text(encoding="utf-8")
