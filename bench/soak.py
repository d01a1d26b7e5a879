"""Soak run (issue 13, item 8): many documents through ``accord ingest --workers 2``,
memory sampled all along, then the checks.

The Wikinews and BBC News corpora of ../shared are repeated, every copy perturbed (its
paragraphs after the first shuffled, its date moved or set, a few words substituted) and
given an id of its own (``soak-<copy>-<id>``: the ingest keeps the first of a repeated id
and reports the others as ``duplicate_id``), to ``--docs`` records of JSON lines in a
temporary folder outside the repository (BBC text is research-only: it never goes into the
repository, nor does the store, which holds sentences of it). Planted among them, one set
every 10,000 records (at least one): a record with an empty text (``empty``), a binary junk
line (``binary``), a record over ``max_document_bytes`` (``oversized``) and a record with an
invalid date (a warning, ``invalid_date``: the document is still stored, without a date);
and one 0-byte ``.jsonl`` file (``empty``).

``accord ingest FOLDER --db STORE --workers 2 --progress`` runs as a subprocess; every
``--interval`` seconds the resident set of its process tree (the CLI and its workers, from
/proc, or psutil when installed) is sampled beside the documents done so far (its progress
lines). Checks, each printed and kept in the JSON:

* final RSS <= 1.1 x the RSS at 10% of the documents (final: the last sample with as many
  processes as at 10%, before the workers are shut down);
* failures in the store only the planted ones, by reason, and the warnings likewise;
* documents stored = records - planted failures; events > 0.

The store is left at ``--db`` (default: accord-soak/soak.duckdb in the temporary folder) for
bench/serve_latency.py. The numbers go to ``--out`` (JSON) and, with ``--markdown``, into
docs/benchmarks.md as the section "## Soak run", below the line bench/bench.py keeps.

    python bench/soak.py [--docs 50000] [--workers 2] [--db STORE] [--markdown docs/benchmarks.md]

Exits 1 when a check fails; without ../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
ACCORD = str(Path(sys.executable).with_name("accord"))
CORPORA = (
    Path("corpus/wikinews/wikinews_2019_2020.jsonl"),
    Path("corpus/bbc_news/bbc_news.jsonl"),
)
KEPT = "<!-- Measured by other scripts: make bench keeps everything below this line. -->"
SECTION = "## Soak run"
RECORDS_PER_FILE = 1000
PLANT_EVERY = 10_000
OVERSIZE_BYTES = 5_100_000  # over the default max_document_bytes (5,000,000)
RSS_RATIO = 1.1
SUBSTITUTIONS = (
    ("said", "stated"),
    ("also", "further"),
    ("very", "highly"),
    ("big", "large"),
    ("new", "fresh"),
    ("week", "few days"),
    ("people", "persons"),
    ("about", "around"),
    ("however", "but"),
    ("many", "numerous"),
)
_PROGRESS = re.compile(r": (\d+)(?:/\d+)? docs, ")
_WARNING = re.compile(r"ingest warning \((\w+)\)")
_SUMMARY = re.compile(r"(\d+) documents read; .*?(\d+) events added.*?(\d+) failures, (\d+) warn")


# --- the corpus -------------------------------------------------------------------------


@dataclass
class Planted:
    sets: int
    failures: Counter[str] = field(default_factory=Counter)
    """Expected failures by reason."""
    warnings: Counter[str] = field(default_factory=Counter)
    """Expected warnings by reason."""
    failed_records: int = 0
    """Records (lines) that become failures; the 0-byte file is not one."""


def read_corpora(shared: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for rel in CORPORA:
        with (shared / rel).open(encoding="utf-8") as src:
            records += [json.loads(line) for line in src if line.strip()]
    return records


def perturb(record: dict[str, Any], copy: int, rng: random.Random) -> dict[str, Any]:
    """A copy of ``record`` with an id of its own; from the second copy on, perturbed."""
    out = dict(record)
    out["id"] = f"soak-{copy:04d}-{record['id']}"
    if copy == 0:
        return out
    text = str(record.get("text") or "")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) > 2:
        rest = paragraphs[1:]
        rng.shuffle(rest)
        paragraphs = paragraphs[:1] + rest
    text = "\n\n".join(paragraphs)
    for old, new in rng.sample(SUBSTITUTIONS, 3):
        text = re.sub(rf"\b{old}\b", new, text, count=2)
    out["text"] = text
    date = record.get("date")
    if date:
        moved = dt.date.fromisoformat(str(date)[:10]) + dt.timedelta(days=rng.randint(-400, 400))
        out["date"] = moved.isoformat()
    elif rng.random() < 0.5:
        out["date"] = (dt.date(2004, 1, 1) + dt.timedelta(days=rng.randint(0, 1095))).isoformat()
    return out


def planted_lines(n: int, filler: dict[str, Any]) -> list[bytes]:
    """The bad inputs of planted set ``n``, in the order written."""
    empty = {"id": f"soak-planted-{n}-empty", "title": "empty", "text": ""}
    bad_date = dict(filler, id=f"soak-planted-{n}-bad-date", date="2026-13-45")
    oversize = {"id": f"soak-planted-{n}-oversize", "text": "word " * (OVERSIZE_BYTES // 5)}
    return [
        json.dumps(empty).encode(),
        json.dumps(bad_date).encode(),
        b"\x00\x01\x02\xff\xfe binary junk \x00\x9c\x88\x00",
        json.dumps(oversize).encode(),
    ]


def write_corpus(folder: Path, corpora: list[dict[str, Any]], docs: int, seed: int) -> Planted:
    """``docs`` records in files of RECORDS_PER_FILE lines, planted sets included."""
    rng = random.Random(seed)
    sets = max(1, docs // PLANT_EVERY)
    planted = Planted(sets)
    planted.failures.update({"empty": sets + 1, "binary": sets, "oversized": sets})
    planted.warnings.update({"invalid_date": sets})
    planted.failed_records = 3 * sets
    # a bad line every 7 records from the middle of each stretch of docs/sets records,
    # a good record always between two of them (a binary line swallows the unreadable
    # lines right after it)
    at: dict[int, bytes] = {}
    for n in range(sets):
        start = int((n + 0.5) * docs / sets)
        for i, line in enumerate(planted_lines(n, corpora[n % len(corpora)])):
            at[start + 7 * i] = line
    order = list(range(len(corpora)))

    def good() -> Iterator[bytes]:
        copy = 0
        while True:
            rng.shuffle(order)
            for i in order:
                yield json.dumps(perturb(corpora[i], copy, rng)).encode()
            copy += 1

    goods = good()
    out = None
    for index in range(docs):
        if index % RECORDS_PER_FILE == 0:
            if out is not None:
                out.close()
            out = (folder / f"part-{index // RECORDS_PER_FILE:05d}.jsonl").open("wb")
        assert out is not None
        out.write(at.get(index) or next(goods))
        out.write(b"\n")
    if out is not None:
        out.close()
    (folder / "zz-empty.jsonl").write_bytes(b"")
    return planted


# --- memory ---------------------------------------------------------------------------


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (psutil when installed, else /proc)."""
    try:
        import psutil  # type: ignore[import-untyped]

        try:
            proc = psutil.Process(root)
            return [root] + [c.pid for c in proc.children(recursive=True)]
        except psutil.Error:
            return []
    except ImportError:
        pass
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += parents.get(pid, [])
    return out


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Sample:
    t: float
    docs: int
    rss_mb: float
    processes: list[float]


class Watch:
    """Reads the ingest's stderr (progress, warnings) and samples its memory."""

    def __init__(self, proc: subprocess.Popen[str], interval: float, start: float) -> None:
        self.proc = proc
        self.interval = interval
        self.start = start
        self.docs = 0
        self.samples: list[Sample] = []
        self.warnings: Counter[str] = Counter()
        self.stderr_tail: list[str] = []
        self._readers = [
            threading.Thread(target=self._read_err, args=(proc.stderr,), daemon=True),
        ]
        for t in self._readers:
            t.start()

    def _read_err(self, stream: TextIO | None) -> None:
        assert stream is not None
        for line in stream:
            progress = _PROGRESS.search(line)
            if progress:
                self.docs = int(progress.group(1))
                continue
            warning = _WARNING.search(line)
            if warning:
                self.warnings[warning.group(1)] += 1
            self.stderr_tail = [*self.stderr_tail, line.rstrip()][-40:]

    def sample(self) -> None:
        sizes = [r for r in (_rss_mb(p) for p in _tree(self.proc.pid)) if r is not None]
        if sizes:
            t = time.monotonic() - self.start
            self.samples.append(Sample(round(t, 1), self.docs, round(sum(sizes), 1), sizes))

    def run(self) -> None:
        while self.proc.poll() is None:
            self.sample()
            deadline = time.monotonic() + self.interval
            while time.monotonic() < deadline and self.proc.poll() is None:
                time.sleep(0.1)
        for t in self._readers:
            t.join(timeout=10)


# --- the run ----------------------------------------------------------------------------


def store_counts(db: Path) -> dict[str, Any]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        failures = dict(con.execute("SELECT code, count(*) FROM failures GROUP BY code").fetchall())
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "events": one("SELECT count(*) FROM events"),
            "failures_by_reason": {k: failures[k] for k in sorted(failures)},
        }


def soak(args: argparse.Namespace, corpora: list[dict[str, Any]]) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="accord-soak-"))
    folder = tmp / "corpus"
    folder.mkdir()
    try:
        t0 = time.perf_counter()
        planted = write_corpus(folder, corpora, args.docs, args.seed)
        print(f"soak: wrote {args.docs} records in {time.perf_counter() - t0:.0f} s ({folder})")
        for suffix in ("", ".wal"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        args.db.parent.mkdir(parents=True, exist_ok=True)
        command = [ACCORD, "ingest", str(folder), "--db", str(args.db)]
        command += ["--workers", str(args.workers), "--progress"]
        env = dict(os.environ, ACCORD_PROGRESS_INTERVAL=str(args.interval))
        start = time.monotonic()
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        stdout: list[str] = []
        out_reader = threading.Thread(target=lambda: stdout.extend(proc.stdout or []), daemon=True)
        out_reader.start()
        watch = Watch(proc, args.interval, start)
        watch.run()
        out_reader.join(timeout=10)
        wall = time.monotonic() - start
        rc = proc.wait()
    finally:
        if args.keep_corpus:
            print(f"soak: corpus kept in {folder}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return evaluate(args, planted, watch, "".join(stdout), rc, wall)


def evaluate(
    args: argparse.Namespace, planted: Planted, watch: Watch, stdout: str, rc: int, wall: float
) -> dict[str, Any]:
    samples = watch.samples
    counts = store_counts(args.db) if args.db.exists() else {}
    summary = _SUMMARY.search(stdout)
    read = int(summary.group(1)) if summary else None
    tenth = next((s for s in samples if s.docs >= 0.1 * args.docs), None)
    final = None
    if tenth is not None:
        final = next(
            (s for s in reversed(samples) if len(s.processes) >= len(tenth.processes)), None
        )
    peak = max(samples, key=lambda s: s.rss_mb) if samples else None
    # documents/s after the first progress line (model loads done)
    steady = [s for s in samples if s.docs > 0]
    steady_rate = None
    if len(steady) >= 2 and steady[-1].t > steady[0].t:
        steady_rate = (steady[-1].docs - steady[0].docs) / (steady[-1].t - steady[0].t)
    expected_docs = args.docs - planted.failed_records
    failures = counts.get("failures_by_reason", {})
    checks = {
        "ingest exited 0": rc == 0,
        f"final RSS <= {RSS_RATIO} x RSS at 10%": bool(
            tenth and final and final.rss_mb <= RSS_RATIO * tenth.rss_mb
        ),
        "failures by reason = planted": failures == dict(sorted(planted.failures.items())),
        "warnings by reason = planted": dict(watch.warnings) == dict(planted.warnings),
        f"documents stored = {expected_docs}": counts.get("documents") == expected_docs,
        "events > 0": counts.get("events", 0) > 0,
    }
    command = f".venv/bin/python bench/soak.py --docs {args.docs} --workers {args.workers}"
    if args.docs == 50_000 and args.workers == 2:
        command = f"make bench (soak step: {command})"
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}",
        "label": args.label,
        "command": command,
        "ingest_command": f"accord ingest CORPUS_FOLDER --db {args.db} "
        f"--workers {args.workers} --progress",
        "records": args.docs,
        "planted_sets": planted.sets,
        "expected_failures_by_reason": dict(sorted(planted.failures.items())),
        "expected_warnings_by_reason": dict(sorted(planted.warnings.items())),
        "documents_read": read,
        "wall_s": round(wall, 1),
        "docs_per_s": round(args.docs / wall, 2),
        "docs_per_s_steady": round(steady_rate, 2) if steady_rate else None,
        "rss_at_10pct_mb": tenth.rss_mb if tenth else None,
        "rss_at_10pct_docs": tenth.docs if tenth else None,
        "final_rss_mb": final.rss_mb if final else None,
        "final_rss_docs": final.docs if final else None,
        "final_over_10pct": round(final.rss_mb / tenth.rss_mb, 3) if final and tenth else None,
        "peak_rss_mb": peak.rss_mb if peak else None,
        "peak_rss_processes_mb": [round(p) for p in peak.processes] if peak else None,
        "samples": len(samples),
        "interval_s": args.interval,
        "store": {**counts, "path": str(args.db)},
        "warnings_by_reason": dict(sorted(watch.warnings.items())),
        "ingest_rc": rc,
        "ingest_summary": stdout.strip().splitlines()[-1] if stdout.strip() else "",
        "checks": checks,
        "ok": all(checks.values()),
        "memory_samples": [[s.t, s.docs, s.rss_mb, len(s.processes)] for s in samples],
        "stderr_tail": watch.stderr_tail[-10:],
    }


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} MB"


def markdown(r: dict[str, Any]) -> str:
    reasons = ", ".join(f"{k} {v}" for k, v in r["store"].get("failures_by_reason", {}).items())
    expected = ", ".join(f"{k} {v}" for k, v in r["expected_failures_by_reason"].items())
    warnings = ", ".join(f"{k} {v}" for k, v in r["warnings_by_reason"].items()) or "none"
    lines = [
        f"{SECTION} (issue 13, item 8){': ' + r['label'] if r['label'] else ''}",
        "",
        f"Generated by `bench/soak.py`, measured {r['date']} on {r['machine']}: "
        f"{r['records']:,} records (Wikinews and BBC News repeated, each copy with its own id, "
        "paragraphs shuffled, date moved, words substituted; "
        f"{r['planted_sets']} planted set(s) of bad inputs) through "
        f"`{r['ingest_command']}`, the process tree's RSS sampled every {r['interval_s']:g} s "
        f"({r['samples']} samples). Command: `{r['command']}`.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| documents/s, whole run (model loads included) | {r['docs_per_s']} ({r['wall_s']} s) |",
        f"| documents/s, after the first progress line | {r['docs_per_s_steady']} |",
        f"| peak RSS, process tree | {_mb(r['peak_rss_mb'])} "
        f"(per process: {', '.join(str(p) for p in r['peak_rss_processes_mb'] or [])}) |",
        f"| RSS at 10% of the documents ({r['rss_at_10pct_docs']} done) "
        f"| {_mb(r['rss_at_10pct_mb'])} |",
        f"| final RSS ({r['final_rss_docs']} done) | {_mb(r['final_rss_mb'])} "
        f"({r['final_over_10pct']}x the RSS at 10%; limit {RSS_RATIO}x) |",
        f"| failures by reason | {reasons or 'none'} (planted: {expected}) |",
        f"| warnings by reason | {warnings} |",
        f"| stored documents / events | {r['store'].get('documents')} / "
        f"{r['store'].get('events')} |",
        "",
        "Checks: "
        + "; ".join(f"{k}: {'yes' if ok else 'NO'}" for k, ok in r["checks"].items())
        + ".",
        "",
    ]
    return "\n".join(lines)


def put_section(path: Path, section: str) -> None:
    """Replace the soak section of ``path`` below the kept-sections marker, or add it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if KEPT not in text:
        text = text.rstrip("\n") + "\n\n" + KEPT + "\n"
    head, _, below = text.partition(KEPT)
    at = below.find("\n" + SECTION)
    if at >= 0:
        end = below.find("\n## ", at + 1)
        below = below[:at] + ("" if end < 0 else below[end:])
    below = below.rstrip("\n") + "\n\n" + section
    path.write_text(head + KEPT + below.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50_000, help="Records in the corpus.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--interval", type=float, default=2.0, help="Seconds between samples.")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(tempfile.gettempdir()) / "accord-soak" / "soak.duckdb",
        help="Store to write (outside the repository; replaced).",
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "soak.json")
    parser.add_argument("--markdown", type=Path, help="Put the section in this file.")
    parser.add_argument("--label", default="", help="Words after the section's heading.")
    parser.add_argument("--keep-corpus", action="store_true")
    args = parser.parse_args(argv)

    args.db = args.db.resolve()
    if args.db.is_relative_to(REPO):
        parser.error(f"--db {args.db} is inside the repository; BBC text may not go there")
    missing = [str(args.shared / p) for p in CORPORA if not (args.shared / p).is_file()]
    if missing:
        print(f"soak: skipped: corpus not found ({', '.join(missing)}); needs ../shared")
        return 0
    report = soak(args, read_corpora(args.shared))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    section = markdown(report)
    print(section)
    if args.markdown is not None:
        put_section(args.markdown, section)
        print(f"soak: wrote {args.out} and {args.markdown}")
    else:
        print(f"soak: wrote {args.out}")
    print(f"soak: store left at {args.db}")
    print(f"soak: {'ok' if report['ok'] else 'FAILED'}")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
