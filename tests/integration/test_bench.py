"""Smoke test: the benchmark script runs end to end on 3 documents (reads ../shared)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench.py"


def test_bench_runs_on_three_documents(shared_dir: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("accord_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    out, md = tmp_path / "latest.json", tmp_path / "benchmarks.md"
    argv = ["--limit", "3", "--repeat", "2", "--chunk", "2", "--corpus", "wikinews"]
    argv += ["--scale-docs", "4", "--no-spark", "--out", str(out)]
    assert module.main([*argv, "--markdown", str(md), "--shared", str(shared_dir)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    wikinews = report["corpora"]["wikinews"]
    assert wikinews["documents"] == 3
    assert wikinews["events"]["accord"] == wikinews["events"]["accord_no_prefilter"]
    assert wikinews["ratio_accord_vs_spacy"] > 0
    assert wikinews["ratio_accord_vs_spacy_numpy_blas"] > 0
    assert wikinews["modes"]["spacy_parser_ner_numpy_blas"]["words_per_s"] > 0
    assert len(wikinews["modes"]["accord"]["seconds_per_round"]) == 2  # one total a round
    scaling = report["scaling"]
    assert scaling["documents"] == 4
    assert scaling["in_process"]["docs"] == scaling["parallel_2"]["docs"] == 4
    assert len(scaling["parallel_2"]["worker_peak_rss_mb"]) >= 1
    text = md.read_text(encoding="utf-8")
    assert "| wikinews | 3 |" in text
    assert "## Workers (4 documents" in text
    assert "| 2 workers / 1 worker, documents/s |" in text


def test_bench_skips_without_shared(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("accord_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    assert module.main(["--shared", str(tmp_path / "nowhere")]) == 0
    assert not (tmp_path / "latest.json").exists()
