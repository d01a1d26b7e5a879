"""Measure documents per second with 1 and N worker processes, and each worker's peak RSS.

Usage: python bench/scaling.py [--docs 100] [--workers 2] [JSONL ...]
(``make bench`` runs :func:`measure_scaling` as its scaling section.)

Default input: the first ``--docs`` articles of ../shared/corpus/wikinews/*.jsonl. Runs, in
one process and one after the other: the in-process runner (``--workers 1``, the model
loaded beforehand) and the multiprocessing runner with 1 and with N workers (worker start-up
included). For each it prints the wall time, documents per second over the whole run and
after the first result (steady state), and the peak RSS (VmHWM) of every worker process,
sampled from /proc. A measurement script, not a test: the numbers depend on the machine
and on whatever else runs on it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from accord.config import Settings
from accord.engine.local import run_local
from accord.engine.parallel import ResourceSpec, run_parallel
from accord.ingest import iter_documents
from accord.model import DocResult, Document, Failure

REPO = Path(__file__).resolve().parents[1]
DEFAULT = sorted((REPO.parent / "shared" / "corpus" / "wikinews").glob("*.jsonl"))


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out.update(int(x) for x in (task / "children").read_text().split())
        except OSError:
            continue
    return out


def _hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _is_worker(pid: int) -> bool:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"resource_tracker" not in cmd


class PeakSampler:
    """Samples the peak RSS of this process's children every ``every`` seconds."""

    def __init__(self, every: float = 0.5) -> None:
        self.peaks: dict[int, float] = {}
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self._every):
            for pid in _children(me):
                if not _is_worker(pid):
                    continue
                mb = _hwm_mb(pid)
                if mb is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), mb)


def _timed(results: Iterable[DocResult | Failure], start: float) -> dict[str, float]:
    """Wall time, documents/s and steady-state documents/s of one run."""
    stamps = [time.perf_counter() - start for _ in results]
    n = len(stamps)
    wall = stamps[-1] if stamps else 0.0
    # Steady state: the documents handed back after the first batch, over the time they took
    # (leaves out model loading and worker start-up).
    later = [s for s in stamps if s > stamps[0]] if stamps else []
    span = stamps[-1] - stamps[0] if stamps else 0.0
    return {
        "docs": n,
        "wall_s": round(wall, 1),
        "docs_per_s": round(n / wall, 2) if wall else 0.0,
        "first_result_s": round(stamps[0], 1) if stamps else 0.0,
        "docs_per_s_after_first_batch": round(len(later) / span, 2) if span else 0.0,
    }


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished (joined) children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def load_docs(paths: list[Path], n: int, settings: Settings) -> list[Document]:
    items: Iterator[Document | Failure] = iter_documents([str(p) for p in paths], settings)
    return [d for d in itertools.islice(items, n) if isinstance(d, Document)]


def measure_scaling(
    docs: list[Document],
    settings: Settings,
    workers: int = 2,
    start_method: str = "spawn",
    *,
    single_process: bool = True,
) -> dict[str, object]:
    """One worker (the in-process engine, as ``accord code`` runs it) against ``workers``
    worker processes and against one worker process, on the same documents.

    Whole-run figures include loading the model (in-process) or starting the workers
    (parallel); steady-state ones count the documents after the first result."""
    spec = ResourceSpec(settings)
    report: dict[str, object] = {"documents": len(docs), "cpus": os.cpu_count()}

    start = time.perf_counter()
    resources = spec.build()
    load = time.perf_counter() - start
    report["in_process_model_load_s"] = round(load, 1)
    cpu = _cpu()
    row = _timed(run_local(docs, resources), time.perf_counter())
    row["cpu_s_all_processes"] = round(_cpu() - cpu, 1)
    # the CLI's one-worker run loads the model first: count it in the whole run
    row["wall_s_with_load"] = round(row["wall_s"] + load, 1)
    row["docs_per_s_with_load"] = round(len(docs) / (row["wall_s"] + load), 2)
    report["in_process"] = row
    report["in_process_peak_rss_mb"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    del resources

    for n in sorted({1, workers} if single_process else {workers}):
        with PeakSampler() as sampler:
            cpu = _cpu()
            t = time.perf_counter()
            results = run_parallel(docs, spec, workers=n, start_method=start_method)
            par: dict[str, object] = dict(_timed(results, t))
            par["cpu_s_all_processes"] = round(_cpu() - cpu, 1)
        par["worker_peak_rss_mb"] = sorted(round(v, 1) for v in sampler.peaks.values())
        report[f"parallel_{n}"] = par

    many = report[f"parallel_{workers}"]
    one = report["in_process"]
    assert isinstance(many, dict) and isinstance(one, dict)
    key = "docs_per_s_after_first_batch"
    report["speedup_vs_one_worker"] = {
        "whole_run": round(float(many["docs_per_s"]) / float(one["docs_per_s_with_load"]), 2),
        "after_first_batch": round(float(many[key]) / float(one[key]), 2),
    }
    single = report.get("parallel_1")
    if isinstance(single, dict) and workers != 1:
        report["speedup_vs_parallel_1"] = {
            "whole_run": round(float(many["docs_per_s"]) / float(single["docs_per_s"]), 2),
            "after_first_batch": round(float(many[key]) / float(single[key]), 2),
        }
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--start-method", default="spawn")
    args = ap.parse_args()
    if not args.inputs:
        sys.exit("no input: pass JSONL files or put the corpus in ../shared")
    settings = Settings()
    docs = load_docs(args.inputs, args.docs, settings)
    report = measure_scaling(docs, settings, args.workers, args.start_method)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
