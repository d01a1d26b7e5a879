"""Wall time of ``accord code`` with the local engine and with Spark, in one run.

    python bench/spark_engine.py ../shared/corpus/wikinews/wikinews_2019_2020.jsonl \
        --docs 100 --master 'local[2]'

Each engine runs as its own ``accord code`` process on the same first N documents (JVM
start, model loads and all), the outputs are checked to be identical, and the times and
the Spark/local ratio are printed. Use ``--extra-local ARGS`` to time a second local run
with more options (e.g. ``--workers 2`` where that option exists).
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _run(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "accord.cli.main", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, out.stdout


def compare_engines(sample: Path, master: str, workers: int) -> dict[str, Any]:
    """``accord code --workers N`` against ``accord code --engine spark --master M`` on
    the documents of ``sample`` (separate processes); times, ratio, identical output."""
    local_args = ["code", str(sample), "--workers", str(workers)]
    spark_args = ["code", str(sample), "--engine", "spark", "--master", master]
    local, local_out = _run(local_args)
    spark, spark_out = _run(spark_args)
    same = spark_out == local_out
    with sample.open(encoding="utf-8") as fh:
        documents = sum(1 for line in fh if line.strip())
    return {
        "documents": documents,
        "events": local_out.count("\n"),
        "runs": {
            f"accord {' '.join(local_args[2:])}": {"seconds": round(local, 1), "output": "-"},
            f"accord {' '.join(spark_args[2:])}": {
                "seconds": round(spark, 1),
                "output": "identical" if same else "DIFFERENT",
            },
        },
        "ratio_spark_vs_local": round(spark / local, 2),
        "identical": same,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a JSONL file of documents")
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--extra-local", default="", help="options for a second local run")
    opts = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with opts.corpus.open(encoding="utf-8") as src:
            lines = [line for _, line in zip(range(opts.docs), src, strict=False)]
        sample.write_text("".join(lines), encoding="utf-8")
        words = sum(len(line.split()) for line in lines)
        runs: dict[str, tuple[float, str]] = {}
        runs["local"] = _run(["code", str(sample)])
        if opts.extra_local:
            runs[f"local {opts.extra_local}"] = _run(
                ["code", str(sample), *shlex.split(opts.extra_local)]
            )
        runs[f"spark {opts.master}"] = _run(
            ["code", str(sample), "--engine", "spark", "--master", opts.master]
        )
    base_name = "local"
    base, base_out = runs[base_name]
    print(f"{len(lines)} documents, ~{words:,} words; {base_out.count(chr(10))} events")
    for name, (secs, out) in runs.items():
        same = "identical" if out == base_out else "DIFFERENT"
        print(f"{name:24s} {secs:7.1f} s  {secs / base:5.2f}x local  output {same}")


if __name__ == "__main__":
    main()
