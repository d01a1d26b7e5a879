"""End-to-end throughput of accord against spaCy's parser + NER alone, in one run.

For each corpus (Wikinews, BBC News from ../shared/corpus) the same documents are
timed, interleaved and repeated (best of ``--repeat``) in three ways:

* ``accord``: the whole pipeline (cleaning, sentence pre-filter, parse, coding);
* ``accord_no_prefilter``: the same with every sentence parsed (``--no-prefilter``);
* ``spacy_parser_ner``: ``nlp.pipe`` over the cleaned sentences with the same model and
  batch size, tagger, attribute ruler and lemmatizer excluded: the practical limit.

Words are the whitespace-separated words of the cleaned sentences (the same count for
all three), so ``accord words/s / spaCy words/s`` is a like-for-like ratio. Results go to
``bench/results/latest.json`` and a markdown table to ``docs/benchmarks.md``.

    python bench/bench.py [--limit N] [--repeat 3] [--workers N] [--corpus wikinews]

Without ../shared the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
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


def accord_runner(workers: int) -> Callable[[Sequence[Any], Any], int]:
    """Code documents with the local engine, passing ``workers`` on when it takes them.

    Returns a function (documents, resources) -> number of events."""
    from accord.engine.local import run_local
    from accord.model import DocResult

    takes_workers = "workers" in inspect.signature(run_local).parameters
    if workers > 1 and not takes_workers:
        print(f"bench: the local engine has no workers option; running 1 (not {workers})")

    def run(docs: Sequence[Any], resources: Any) -> int:
        kwargs: dict[str, Any] = {"workers": workers} if takes_workers else {}
        results = run_local(docs, resources, **kwargs)
        return sum(len(r.events) for r in results if isinstance(r, DocResult))

    return run


def measure(
    corpus: Corpus, runs: dict[str, Callable[[], object]], repeat: int
) -> dict[str, dict[str, Any]]:
    """Time every run ``repeat`` times, rotating their order each round; keep the best."""
    times: dict[str, list[float]] = {k: [] for k in runs}
    names = list(runs)
    for round_ in range(repeat):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            start = time.perf_counter()
            runs[name]()
            times[name].append(time.perf_counter() - start)
    out: dict[str, dict[str, Any]] = {}
    for name, ts in times.items():
        best = min(ts)
        out[name] = {
            "seconds_best": round(best, 3),
            "seconds_all": [round(t, 3) for t in ts],
            "words_per_s": round(corpus.words / best, 1),
            "articles_per_s": round(len(corpus.docs) / best, 2),
        }
    return out


def bench_corpus(
    corpus: Corpus, resources: Any, unfiltered: Any, nlp: Any, workers: int, repeat: int
) -> dict[str, Any]:
    from accord.pipeline import _prepare

    run = accord_runner(workers)
    batch = resources.settings.batch_size
    kept = sum(len(_prepare(d, resources)[1]) for d in corpus.docs)
    events: dict[str, int] = {}

    def accord_on() -> None:
        events["accord"] = run(corpus.docs, resources)

    def accord_off() -> None:
        events["accord_no_prefilter"] = run(corpus.docs, unfiltered)

    def spacy_only() -> None:
        for _ in nlp.pipe(corpus.sentences, batch_size=batch):
            pass

    # warm-up: lazy tables (gazetteer), model caches
    warm = corpus.docs[:3]
    run(warm, resources)
    list(nlp.pipe(corpus.sentences[:64], batch_size=batch))
    modes = measure(
        corpus,
        {"accord": accord_on, "accord_no_prefilter": accord_off, "spacy_parser_ner": spacy_only},
        repeat,
    )
    limit = modes["spacy_parser_ner"]["words_per_s"]
    return {
        "documents": len(corpus.docs),
        "sentences": len(corpus.sentences),
        "sentences_parsed_with_prefilter": kept,
        "words": corpus.words,
        "events": events,
        "modes": modes,
        "ratio_accord_vs_spacy": round(modes["accord"]["words_per_s"] / limit, 3),
        "ratio_no_prefilter_vs_spacy": round(
            modes["accord_no_prefilter"]["words_per_s"] / limit, 3
        ),
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`bench/bench.py`); raw numbers in `bench/results/latest.json`.",
        "",
        f"Measured {report['date']} on {report['machine']}, "
        f"{report['workers']} worker(s), model `{report['model']}`, batch size "
        f"{report['batch_size']}, best of {report['repeat']} interleaved runs. "
        "Ratio = words/s ÷ spaCy parser+NER words/s on the same cleaned sentences "
        "(`nlp.pipe`, tagger, attribute ruler and lemmatizer excluded).",
        "",
        "| corpus | docs | words | sentences parsed | accord words/s | accord articles/s "
        "| no pre-filter words/s | spaCy parser+NER words/s | ratio | ratio, no pre-filter |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, c in report["corpora"].items():
        m = c["modes"]
        share = c["sentences_parsed_with_prefilter"] / max(c["sentences"], 1)
        lines.append(
            f"| {name} | {c['documents']} | {c['words']} | {share:.0%} "
            f"| {m['accord']['words_per_s']:.0f} | {m['accord']['articles_per_s']:.2f} "
            f"| {m['accord_no_prefilter']['words_per_s']:.0f} "
            f"| {m['spacy_parser_ner']['words_per_s']:.0f} "
            f"| {c['ratio_accord_vs_spacy']:.2f}x | {c['ratio_no_prefilter_vs_spacy']:.2f}x |"
        )
    lines += [
        "",
        f"Peak RSS of the benchmark process (both pipelines loaded): "
        f"{report['peak_rss_mb']:.0f} MB; after loading, before coding: "
        f"{report['rss_after_load_mb']:.0f} MB.",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="Documents per corpus.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed rounds (best is kept).")
    parser.add_argument("--workers", type=int, default=1, help="Passed on to the engine.")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "latest.json")
    parser.add_argument("--markdown", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)

    paths = {n: args.shared / CORPORA[n] for n in args.corpus or sorted(CORPORA, reverse=True)}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print(f"bench: skipped: corpus not found ({', '.join(missing)}); needs ../shared")
        return 0

    import spacy

    from accord.config import Settings
    from accord.pipeline import build_resources

    settings = Settings()
    resources = build_resources(settings)
    unfiltered = build_resources(settings.replace(prefilter=False), parser=resources.parser)
    nlp = spacy.load(settings.model, exclude=SPACY_EXCLUDE)
    rss_loaded = peak_rss_mb()

    corpora: dict[str, Any] = {}
    for name, path in paths.items():
        corpus = load_corpus(name, path, args.limit, settings)
        print(f"bench: {name}: {len(corpus.docs)} docs, {corpus.words} words ...", flush=True)
        corpora[name] = bench_corpus(corpus, resources, unfiltered, nlp, args.workers, args.repeat)
        c = corpora[name]
        print(
            f"bench: {name}: accord {c['modes']['accord']['words_per_s']:.0f} w/s, "
            f"spaCy parser+NER {c['modes']['spacy_parser_ner']['words_per_s']:.0f} w/s, "
            f"ratio {c['ratio_accord_vs_spacy']:.2f}x "
            f"(no pre-filter {c['ratio_no_prefilter_vs_spacy']:.2f}x)",
            flush=True,
        )
    report = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, spaCy {spacy.__version__}",
        "model": settings.model,
        "batch_size": settings.batch_size,
        "workers": args.workers,
        "repeat": args.repeat,
        "limit": args.limit,
        "rss_after_load_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "corpora": corpora,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    args.markdown.parent.mkdir(parents=True, exist_ok=True)
    args.markdown.write_text(markdown(report), encoding="utf-8")
    print(f"bench: wrote {args.out} and {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
