"""End-to-end throughput of accord against spaCy's parser + NER alone, in one run; then
scaling over worker processes and the Spark engine.

1. Throughput, per corpus (Wikinews, BBC News from ../shared/corpus): the same documents
   are timed in three ways, chunk by chunk (``--chunk`` documents), the modes taking
   turns on each chunk and the order rotating, ``--repeat`` rounds; a mode's time is the
   sum over chunks of its best time on that chunk (a burst of load on this shared machine
   then spoils one chunk's round, not the comparison):

   * ``accord``: the whole pipeline (cleaning, sentence pre-filter, parse, coding);
   * ``accord_no_prefilter``: the same with every sentence parsed (``--no-prefilter``);
   * ``spacy_parser_ner``: ``nlp.pipe`` over the cleaned sentences with the same model and
     batch size, tagger, attribute ruler and lemmatizer excluded: the practical limit;
   * ``spacy_parser_ner_numpy_blas``: the same with its matrix products through numpy's
     BLAS, as accord's parser runs them (``accord.nlp.parser.use_numpy_blas``): shows how
     much of accord's lead is the BLAS and how much the rest (pre-filter, entity
     decoder).

   Words are the whitespace-separated words of the cleaned sentences (the same count for
   every mode), so ``accord words/s / spaCy words/s`` is a like-for-like ratio.
2. Scaling (``--scale-docs`` documents, Wikinews then BBC News): one worker (the
   in-process engine, model load included) against ``--workers`` worker processes
   (start-up included), whole run and steady state, and each worker's peak RSS
   (bench/scaling.py).
3. Spark: ``accord code --engine spark --master local[N]`` against ``accord code
   --workers N`` on the same documents, as separate processes (JVM start, model loads and
   all), outputs compared (bench/spark_engine.py). Skipped without pyspark or Java.

First, before the corpora are read (it needs none): the scaling figure of every regex
accord applies to input text, time at ten times the input over time at ``--regex-size``
characters on the worst adversarial input (bench/regex_scaling.py; about 10 is linear,
about 100 quadratic), printed one line a pattern and kept in the JSON (``--no-regex``
skips it).

Results go to ``bench/results/latest.json`` and a markdown table to ``docs/benchmarks.md``;
the last lines printed compare the figures with the targets of issue 4.

    python bench/bench.py [--limit N] [--repeat 3] [--workers 2] [--corpus wikinews]
                          [--scale-docs N] [--no-scaling] [--no-spark] [--no-regex]

Without ../shared the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
CORPORA = {
    "wikinews": Path("corpus/wikinews/wikinews_2019_2020.jsonl"),
    "bbc": Path("corpus/bbc_news/bbc_news.jsonl"),
}
SPACY_EXCLUDE = ["tagger", "attribute_ruler", "lemmatizer"]


@dataclass(frozen=True)
class Corpus:
    name: str
    docs: list[Any]
    """accord Documents."""
    sentences: list[str]
    """Cleaned sentence texts, as accord would parse them without the pre-filter."""
    words: int


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def load_corpus(name: str, path: Path, limit: int | None, settings: Any) -> Corpus:
    from accord.ingest import iter_documents
    from accord.model import Document
    from accord.text import clean_document

    docs: list[Any] = []
    for item in iter_documents([str(path)], settings):
        if isinstance(item, Document):
            docs.append(item)
            if limit is not None and len(docs) >= limit:
                break
    sentences = [
        s.text
        for d in docs
        for s in clean_document(d).sentences
        if len(s.text) <= settings.max_sentence_chars
    ]
    return Corpus(name, docs, sentences, sum(len(s.split()) for s in sentences))


def accord_run(docs: Sequence[Any], resources: Any) -> int:
    """Code documents with the local (in-process) engine; the number of events."""
    from accord.engine.local import run_local
    from accord.model import DocResult

    results = run_local(docs, resources)
    return sum(len(r.events) for r in results if isinstance(r, DocResult))


def measure(
    corpus: Corpus,
    runs: dict[str, Callable[[int], object]],
    chunks: int,
    repeat: int,
) -> dict[str, dict[str, Any]]:
    """Time every run on every chunk ``repeat`` times, the runs taking turns on each chunk
    and their order rotating; a run's time is the sum of its best time per chunk."""
    names = list(runs)
    times: dict[str, list[list[float]]] = {k: [[] for _ in range(chunks)] for k in names}
    for round_ in range(repeat):
        for chunk in range(chunks):
            turn = (round_ + chunk) % len(names)
            for name in names[turn:] + names[:turn]:
                start = time.perf_counter()
                runs[name](chunk)
                times[name][chunk].append(time.perf_counter() - start)
    out: dict[str, dict[str, Any]] = {}
    for name, per_chunk in times.items():
        best = sum(min(ts) for ts in per_chunk)
        rounds = [sum(ts[r] for ts in per_chunk) for r in range(repeat)]
        out[name] = {
            "seconds_best": round(best, 3),
            "seconds_per_round": [round(t, 3) for t in rounds],
            "words_per_s": round(corpus.words / best, 1),
            "articles_per_s": round(len(corpus.docs) / best, 2),
        }
    return out


def bench_corpus(
    corpus: Corpus,
    resources: Any,
    unfiltered: Any,
    nlps: tuple[Any, Any],
    chunk_docs: int,
    repeat: int,
    one_thread: AbstractContextManager[object],
) -> dict[str, Any]:
    """``one_thread``: held around the spaCy runs, so that they use one BLAS thread as
    accord's parser does (accord's parser holds its own, around each parse)."""
    from accord.pipeline import _prepare
    from accord.text import clean_document

    batch = resources.settings.batch_size
    limit = resources.settings.max_sentence_chars
    kept = sum(len(_prepare(d, resources)[1]) for d in corpus.docs)
    doc_chunks = [corpus.docs[i : i + chunk_docs] for i in range(0, len(corpus.docs), chunk_docs)]
    sentence_chunks = [
        [s.text for d in docs for s in clean_document(d).sentences if len(s.text) <= limit]
        for docs in doc_chunks
    ]
    events: dict[str, list[int]] = {"accord": [0] * len(doc_chunks)}
    events["accord_no_prefilter"] = [0] * len(doc_chunks)

    def accord_on(chunk: int) -> None:
        events["accord"][chunk] = accord_run(doc_chunks[chunk], resources)

    def accord_off(chunk: int) -> None:
        events["accord_no_prefilter"][chunk] = accord_run(doc_chunks[chunk], unfiltered)

    def spacy_only(chunk: int) -> None:
        with one_thread:
            for _ in nlps[0].pipe(sentence_chunks[chunk], batch_size=batch):
                pass

    def spacy_numpy_blas(chunk: int) -> None:
        with one_thread:
            for _ in nlps[1].pipe(sentence_chunks[chunk], batch_size=batch):
                pass

    # warm-up: lazy tables (gazetteer), model caches
    accord_run(corpus.docs[:3], resources)
    for nlp in nlps:
        list(nlp.pipe(corpus.sentences[:64], batch_size=batch))
    runs = {
        "accord": accord_on,
        "accord_no_prefilter": accord_off,
        "spacy_parser_ner": spacy_only,
        "spacy_parser_ner_numpy_blas": spacy_numpy_blas,
    }
    modes = measure(corpus, runs, len(doc_chunks), repeat)
    spacy_words = modes["spacy_parser_ner"]["words_per_s"]
    return {
        "documents": len(corpus.docs),
        "sentences": len(corpus.sentences),
        "sentences_parsed_with_prefilter": kept,
        "words": corpus.words,
        "chunk_documents": chunk_docs,
        "events": {k: sum(v) for k, v in events.items()},
        "modes": modes,
        "ratio_accord_vs_spacy": round(modes["accord"]["words_per_s"] / spacy_words, 3),
        "ratio_no_prefilter_vs_spacy": round(
            modes["accord_no_prefilter"]["words_per_s"] / spacy_words, 3
        ),
        "ratio_accord_vs_spacy_numpy_blas": round(
            modes["accord"]["words_per_s"] / modes["spacy_parser_ner_numpy_blas"]["words_per_s"],
            3,
        ),
    }


def bench_scaling(paths: Sequence[Path], docs: int, workers: int) -> dict[str, Any]:
    """One worker against ``workers`` worker processes (bench/scaling.py)."""
    from accord.config import Settings

    sys.path.insert(0, str(HERE))
    from scaling import load_docs, measure_scaling

    settings = Settings()
    documents = load_docs(list(paths), docs, settings)
    return measure_scaling(documents, settings, workers, single_process=False)


def bench_regex(size: int) -> list[dict[str, Any]]:
    """Scaling figure of each regex over input text (bench/regex_scaling.py), printed."""
    sys.path.insert(0, str(HERE))
    from regex_scaling import measure, report

    rows = measure(size)
    for line in report(rows):
        print(f"bench: {line}", flush=True)
    return [
        {
            "pattern": r.name,
            "input": r.input,
            "ms_x1": round(r.seconds_x1 * 1e3, 3),
            "ms_x10": round(r.seconds_x10 * 1e3, 3),
            "scaling_x10": round(r.factor, 1),
        }
        for r in rows
    ]


def bench_spark(paths: Sequence[Path], docs: int, workers: int) -> dict[str, Any]:
    """``accord code --engine spark`` against ``accord code --workers N`` (same documents,
    separate processes); skipped without pyspark or Java."""
    import importlib.util

    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        return {"skipped": "pyspark or java not available"}
    sys.path.insert(0, str(HERE))
    from spark_engine import compare_engines

    lines: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as src:
            lines += [line for line in src if line.strip()][: docs - len(lines)]
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        sample.write_text("".join(lines), encoding="utf-8")
        return compare_engines(sample, f"local[{workers}]", workers)


TARGETS = (
    ("accord (1 worker) / spaCy parser+NER, Wikinews words/s", 1.0),
    ("2 workers / 1 worker, documents/s", 1.6),
    ("peak RSS per worker, MB", 1536.0),
    ("Spark local[N] time / local engine with N workers", 1.3),
)


def targets(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(what, measured, target, met) for the figures issue 4 asks for."""
    out: list[tuple[str, str, str, str]] = []
    wiki = report["corpora"].get("wikinews")
    if wiki is not None:
        r = wiki["ratio_accord_vs_spacy"]
        out.append((TARGETS[0][0], f"{r:.2f}x", ">= 1.0x", _yes(r >= TARGETS[0][1])))
    scaling = report.get("scaling") or {}
    if "speedup_vs_one_worker" in scaling:
        whole = scaling["speedup_vs_one_worker"]["whole_run"]
        steady = scaling["speedup_vs_one_worker"]["after_first_batch"]
        out.append(
            (
                TARGETS[1][0],
                f"{whole:.2f}x whole run, {steady:.2f}x steady state",
                ">= 1.6x",
                _yes(whole >= TARGETS[1][1]) + f" (steady state: {_yes(steady >= 1.6)})",
            )
        )
        peaks = [p for k, v in scaling.items() if k.startswith("parallel_")
                 for p in v.get("worker_peak_rss_mb", [])]  # fmt: skip
        if peaks:
            out.append(
                (TARGETS[2][0], f"{max(peaks):.0f}", "<= 1536", _yes(max(peaks) <= TARGETS[2][1]))
            )
    spark = report.get("spark") or {}
    if "ratio_spark_vs_local" in spark:
        r = spark["ratio_spark_vs_local"]
        same = "identical output" if spark["identical"] else "OUTPUT DIFFERS"
        out.append((TARGETS[3][0], f"{r:.2f}x ({same})", "<= 1.3x", _yes(r <= TARGETS[3][1])))
    return out


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


KEPT = "<!-- Measured by other scripts: make bench keeps everything below this line. -->"
"""Sections of docs/benchmarks.md that other scripts measure (bench/minhash_compare.py, ...)
go below this line, which a new ``make bench`` keeps as they are."""


def kept_sections(path: Path) -> str:
    """The marker line and what follows it in ``path`` ("" when there is none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    at = text.find(KEPT)
    return "\n\n" + text[at:] if at >= 0 else ""


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`bench/bench.py`); raw numbers in `bench/results/latest.json`.",
        "",
        f"Measured {report['date']} on {report['machine']}, model `{report['model']}`, "
        f"batch size {report['batch_size']}. Throughput: documents in chunks of "
        f"{report['chunk']}, the four modes taking turns on each chunk, {report['repeat']} "
        "rounds, a mode's time the sum of its best time per chunk. "
        "Ratio = words/s ÷ spaCy parser+NER words/s on the same cleaned sentences "
        "(`nlp.pipe`, tagger, attribute ruler and lemmatizer excluded, spaCy as installed). "
        "The last column compares with that same spaCy run with its matrix products "
        "through numpy's BLAS, as accord's parser runs them: the part of accord's lead "
        "that is not the BLAS (pre-filter, entity decoder, attribute rules).",
        "",
        "| corpus | docs | words | sentences parsed | accord words/s | accord articles/s "
        "| no pre-filter words/s | spaCy parser+NER words/s | ratio | ratio, no pre-filter "
        "| spaCy parser+NER, numpy BLAS words/s | ratio to it |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, c in report["corpora"].items():
        m = c["modes"]
        share = c["sentences_parsed_with_prefilter"] / max(c["sentences"], 1)
        lines.append(
            f"| {name} | {c['documents']} | {c['words']} | {share:.0%} "
            f"| {m['accord']['words_per_s']:.0f} | {m['accord']['articles_per_s']:.2f} "
            f"| {m['accord_no_prefilter']['words_per_s']:.0f} "
            f"| {m['spacy_parser_ner']['words_per_s']:.0f} "
            f"| {c['ratio_accord_vs_spacy']:.2f}x | {c['ratio_no_prefilter_vs_spacy']:.2f}x "
            f"| {m['spacy_parser_ner_numpy_blas']['words_per_s']:.0f} "
            f"| {c['ratio_accord_vs_spacy_numpy_blas']:.2f}x |"
        )
    lines += [
        "",
        f"Peak RSS of the benchmark process (both pipelines loaded): "
        f"{report['peak_rss_mb']:.0f} MB; after loading, before coding: "
        f"{report['rss_after_load_mb']:.0f} MB.",
        "",
    ]
    scaling = report.get("scaling")
    if scaling:
        one, many = scaling["in_process"], scaling[f"parallel_{report['workers']}"]
        lines += [
            f"## Workers ({scaling['documents']} documents: Wikinews, then BBC News; "
            f"{scaling['cpus']} CPUs)",
            "",
            "| engine | whole run s | docs/s whole run | docs/s steady state "
            "| worker peak RSS MB |",
            "|---|---|---|---|---|",
            f"| 1 worker (in-process, model load {scaling['in_process_model_load_s']} s "
            f"included) | {one['wall_s_with_load']} | {one['docs_per_s_with_load']} "
            f"| {one['docs_per_s_after_first_batch']} | {scaling['in_process_peak_rss_mb']} |",
        ]
        for key in sorted(k for k in scaling if k.startswith("parallel_")):
            row = scaling[key]
            peaks = ", ".join(f"{p:.0f}" for p in row["worker_peak_rss_mb"])
            lines.append(
                f"| {key.split('_')[1]} worker process(es), start-up included | {row['wall_s']} "
                f"| {row['docs_per_s']} | {row['docs_per_s_after_first_batch']} | {peaks} |"
            )
        speed = scaling["speedup_vs_one_worker"]
        lines += [
            "",
            f"{report['workers']} workers / 1 worker: {speed['whole_run']:.2f}x over the whole "
            f"run, {speed['after_first_batch']:.2f}x in steady state (after the first "
            f"result). Last run of {many['docs']} documents.",
            "",
        ]
    spark = report.get("spark")
    if spark and "runs" in spark:
        lines += [
            f"## Spark ({spark['documents']} documents: Wikinews, then BBC News; separate "
            "`accord code` processes, JVM start and model loads included)",
            "",
            "| run | seconds | output |",
            "|---|---|---|",
        ]
        for name, row in spark["runs"].items():
            lines.append(f"| `{name}` | {row['seconds']:.1f} | {row['output']} |")
        lines += ["", f"Spark / local: {spark['ratio_spark_vs_local']:.2f}x.", ""]
    rows = targets(report)
    if rows:
        lines += ["## Targets (issue 4)", "", "| figure | measured | target | met |"]
        lines += ["|---|---|---|---|"] + [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=120, help="Documents per corpus.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed rounds per chunk.")
    parser.add_argument("--chunk", type=int, default=20, help="Documents per timed chunk.")
    parser.add_argument("--workers", type=int, default=2, help="Workers for scaling/Spark.")
    parser.add_argument(
        "--scale-docs", type=int, default=1500, help="Wikinews, then BBC documents to scale on."
    )
    parser.add_argument("--no-scaling", action="store_true", help="Skip the workers section.")
    parser.add_argument("--no-spark", action="store_true", help="Skip the Spark section.")
    parser.add_argument("--no-regex", action="store_true", help="Skip the regex scaling.")
    parser.add_argument(
        "--regex-size", type=int, default=10_000, help="Characters at x1 for the regex scaling."
    )
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "latest.json")
    parser.add_argument("--markdown", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)

    regex: list[dict[str, Any]] | None = None
    if not args.no_regex:
        print(f"bench: regex: {args.regex_size} -> {args.regex_size * 10} characters ...")
        regex = bench_regex(args.regex_size)

    paths = {n: args.shared / CORPORA[n] for n in args.corpus or sorted(CORPORA, reverse=True)}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print(f"bench: skipped: corpus not found ({', '.join(missing)}); needs ../shared")
        return 0

    import spacy

    from accord.config import Settings
    from accord.nlp.parser import use_numpy_blas
    from accord.pipeline import build_resources

    settings = Settings()
    resources = build_resources(settings)
    unfiltered = build_resources(settings.replace(prefilter=False), parser=resources.parser)
    nlp = spacy.load(settings.model, exclude=SPACY_EXCLUDE)
    nlp_numpy_blas = spacy.load(settings.model, exclude=SPACY_EXCLUDE)
    one_thread = use_numpy_blas(nlp_numpy_blas)  # one BLAS thread, as accord's parse
    rss_loaded = peak_rss_mb()

    corpora: dict[str, Any] = {}
    for name, path in paths.items():
        corpus = load_corpus(name, path, args.limit, settings)
        print(f"bench: {name}: {len(corpus.docs)} docs, {corpus.words} words ...", flush=True)
        corpora[name] = bench_corpus(
            corpus,
            resources,
            unfiltered,
            (nlp, nlp_numpy_blas),
            args.chunk,
            args.repeat,
            one_thread,
        )
        c = corpora[name]
        print(
            f"bench: {name}: accord {c['modes']['accord']['words_per_s']:.0f} w/s, "
            f"spaCy parser+NER {c['modes']['spacy_parser_ner']['words_per_s']:.0f} w/s, "
            f"ratio {c['ratio_accord_vs_spacy']:.2f}x "
            f"(no pre-filter {c['ratio_no_prefilter_vs_spacy']:.2f}x; "
            f"{c['ratio_accord_vs_spacy_numpy_blas']:.2f}x spaCy with numpy's BLAS)",
            flush=True,
        )
    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, spaCy {spacy.__version__}",
        "model": settings.model,
        "batch_size": settings.batch_size,
        "workers": args.workers,
        "repeat": args.repeat,
        "chunk": args.chunk,
        "limit": args.limit,
        "rss_after_load_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "corpora": corpora,
    }
    if regex is not None:
        report["regex_scaling"] = regex
    del resources, unfiltered, nlp, nlp_numpy_blas
    # scaling and Spark: Wikinews, then BBC News, up to --scale-docs documents
    scale_paths = [args.shared / CORPORA[n] for n in ("wikinews", "bbc")]
    scale_paths = [p for p in scale_paths if p.is_file()]
    if not args.no_scaling and scale_paths:
        print(f"bench: scaling: 1 vs {args.workers} workers on {args.scale_docs} docs ...")
        report["scaling"] = bench_scaling(scale_paths, args.scale_docs, args.workers)
    if not args.no_spark and scale_paths:
        print(f"bench: spark: local[{args.workers}] vs --workers {args.workers} ...")
        report["spark"] = bench_spark(scale_paths, args.scale_docs, args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    kept = kept_sections(args.markdown)
    args.markdown.write_text(markdown(report) + kept, encoding="utf-8")
    print(f"bench: wrote {args.out} and {args.markdown}")
    for what, measured, target, met in targets(report):
        print(f"bench: target: {what}: {measured} (target {target}): {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
