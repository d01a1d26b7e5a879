"""Peak memory while streaming a large generated input through the readers.

Writes a synthetic ``.jsonl.gz`` or ``.warc.gz`` of ``--size-mb`` megabytes (uncompressed)
into a temporary folder (deleted afterwards unless ``--keep``), then reads it with
``accord.ingest.iter_documents`` and samples the process's resident memory as it goes. A
reader that streams shows a flat line: the RSS after 10% of the input is the RSS at 100%.

    PYTHONPATH=src .venv/bin/python bench/stream_memory.py --kind jsonl --size-mb 1024
    PYTHONPATH=src .venv/bin/python bench/stream_memory.py --kind warc --size-mb 1024

Nothing it writes is meant to be committed.

Measured 2026-11-29 on the 2-core dev VM (shared with other jobs), one run each:

* jsonl, 1,042 MB uncompressed (254 MB gzipped, 270,960 documents): RSS 83.2 MB before
  reading, 83.2 MB at 10% and at 100% (growth +0.0 MB), read in 420 s;
* warc, 270 MB of HTML (97 MB gzipped, 67,654 response records, each through trafilatura):
  RSS 102.9 MB at 10% and at 100% (growth +0.1 MB, peak 103.2 MB), read in 1,035 s.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from accord.config import Settings
from accord.ingest import iter_documents
from accord.model import Document

_WORDS = tuple(
    " ".join(
        (
            "minister government talks border agreed police protest capital rally trade",
            "sanctions army election parliament president summit ceasefire treaty embassy",
            "delegation said officials on Tuesday week after before between the of and to",
            "in a with for",
        )
    ).split(" ")
)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _pool(rng: random.Random, size: int = 4000) -> list[str]:
    """Random paragraphs to draw documents from (generating every word is too slow)."""
    return [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(40, 90))).capitalize() + "."
        for _ in range(size)
    ]


def _records(size: int, seed: int) -> Iterator[tuple[int, list[str]]]:
    rng = random.Random(seed)
    pool = _pool(rng)
    n = 0
    while size > 0:
        paras = rng.sample(pool, rng.randint(4, 14))
        size -= sum(len(p) + 2 for p in paras)
        yield n, paras
        n += 1


def write_jsonl(path: Path, size: int) -> tuple[int, int]:
    count = written = 0
    with gzip.open(path, "wb", compresslevel=1) as fh:
        for n, paras in _records(size, 7):
            line = json.dumps({"id": f"doc-{n}", "date": "2026-01-15", "text": "\n\n".join(paras)})
            data = (line + "\n").encode()
            fh.write(data)
            written += len(data)
            count += 1
    return count, written


def write_warc(path: Path, size: int) -> tuple[int, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    count = written = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, paras in _records(size, 11):
            body = "".join(f"<p>{p}</p>" for p in paras)
            html = (
                f"<!DOCTYPE html><html><head><title>Story {n}</title></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>Story {n}</h1>{body}</article>"
                "<footer>Contact</footer></body></html>"
            ).encode()
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news{n % 50}.example.com/story/{n}",
                "response",
                payload=io.BytesIO(html),
                length=len(html),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2026-01-16T10:00:00Z"},
            )
            writer.write_record(record)
            written += len(html)
            count += 1
    return count, written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=["jsonl", "warc"], default="jsonl")
    ap.add_argument("--size-mb", type=int, default=1024, help="uncompressed size to generate")
    ap.add_argument("--dir", default=None, help="where to write the input (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated file")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="accord-stream-", dir=args.dir))
    path = folder / ("big.jsonl.gz" if args.kind == "jsonl" else "big.warc.gz")
    try:
        t0 = time.perf_counter()
        writer = write_jsonl if args.kind == "jsonl" else write_warc
        count, raw = writer(path, args.size_mb * 1024 * 1024)
        gen_s = time.perf_counter() - t0
        print(
            f"generated {path.name}: {count:,} documents, {raw / 2**20:,.0f} MB uncompressed, "
            f"{path.stat().st_size / 2**20:,.0f} MB on disk, in {gen_s:,.0f} s"
        )
        base = _rss_mb()
        print(f"RSS before reading: {base:,.1f} MB")
        marks = {max(1, count * k // 10) for k in range(1, 11)}
        seen = chars = 0
        samples: list[tuple[int, float]] = []
        t0 = time.perf_counter()
        for item in iter_documents([str(path)], Settings()):
            if not isinstance(item, Document):
                print("failure:", item)
                continue
            seen += 1
            chars += len(item.text)
            if seen in marks:
                samples.append((seen, _rss_mb()))
                share = 100 * seen / count
                print(f"  {seen:>9,} docs ({share:5.1f}%)  RSS {samples[-1][1]:8.1f} MB")
        read_s = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        first = samples[0][1] if samples else base
        last = samples[-1][1] if samples else base
        print(
            f"read {seen:,} documents ({chars / 2**20:,.0f} MB of text) in {read_s:,.0f} s; "
            f"RSS at 10%: {first:,.1f} MB, at 100%: {last:,.1f} MB "
            f"(growth {last - first:+.1f} MB); peak RSS of the process {peak:,.1f} MB"
        )
    finally:
        if args.keep:
            print(f"kept {path}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
