"""MinHash/LSH near-duplicate detection: accord.text.fingerprint against datasketch.

Usage: python bench/minhash_compare.py [--corpus ../shared/corpus/bbc_news/bbc_news.jsonl]
       [--sample 300] [--threshold 0.8] [--repeat 3] [--seeds 13 14 15] [--spread 5]
(datasketch is not a dependency: ``pip install datasketch``, or put it on PYTHONPATH, for
the measurement; issue 13, item 9.)

The documents are the corpus's texts plus synthetic near-copies of ``--sample`` of them:
words deleted, replaced by corpus words or inserted at rates from 1% to 30%, a dateline
added in front and a credit line at the end, so that the true similarity of a copy to its
original spreads across the threshold. Both implementations see the same 5-word shingle
sets (:func:`accord.text.fingerprint.shingles`) and 128 permutations, so what differs is the
hashing, the permutations and the LSH banding:

* accord: :func:`~accord.text.fingerprint.minhash` signatures, LSH bands from
  :func:`~accord.text.fingerprint.lsh_params`, every candidate verified (estimated Jaccard
  at least the threshold), as :class:`~accord.text.fingerprint.NearDuplicateIndex` does;
* datasketch: ``MinHash(num_perm=128)`` fed the shingles (``update_batch``),
  ``MinHashLSH(threshold, num_perm=128)`` queried for every document, each candidate verified
  with ``MinHash.jaccard``.

The truth is the exact Jaccard similarity of the shingle sets of every pair that shares a
shingle (an inverted index). Reported: pairs at or above the threshold found (recall) and
found pairs truly at or above it (precision), the mean absolute error of the estimated
similarity over the pairs with true similarity 0.5 or more, and the time to compute the
signatures and to index and query them (best of ``--repeat``), summed over ``--seeds`` (each
seed draws other copies). Then, with ``--spread N``, the same for N other sets of
permutations on the first seed's documents: how far one fixed draw moves the figures. No
corpus text is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from accord.text.fingerprint import (
    NUM_PERM,
    band_keys,
    estimated_jaccard,
    lsh_params,
    minhash,
    shingles,
)

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc_news" / "bbc_news.jsonl"
RATES = (0.01, 0.02, 0.05, 0.08, 0.12, 0.2, 0.3)
Pair = tuple[int, int]


def load(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [str(json.loads(line)["text"]) for line in f if line.strip()]


def perturb(text: str, rate: float, vocab: Sequence[str], rng: random.Random) -> str:
    out: list[str] = []
    for word in text.split():
        roll = rng.random()
        if roll < rate / 3:
            continue  # deleted
        if roll < 2 * rate / 3:
            out.append(rng.choice(vocab))  # replaced
            continue
        out.append(word)
        if roll < rate:
            out.append(rng.choice(vocab))  # inserted after
    return "LONDON (Reuters) - " + " ".join(out) + "\nReporting by a correspondent."


def documents(texts: list[str], sample: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = sorted({w for t in texts[:500] for w in t.split()})
    picked = rng.sample(range(len(texts)), min(sample, len(texts)))
    copies = [perturb(texts[i], rng.choice(RATES), vocab, rng) for i in picked]
    return texts + copies


def true_pairs(sets: Sequence[set[str]], low: float) -> dict[Pair, float]:
    """Exact Jaccard of every pair sharing a shingle, kept when at least ``low``."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    shared: dict[Pair, int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) > 1:
            for pair in combinations(docs, 2):
                shared[pair] += 1
    out: dict[Pair, float] = {}
    for (a, b), n in shared.items():
        j = n / (len(sets[a]) + len(sets[b]) - n)
        if j >= low:
            out[(a, b)] = j
    return out


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def accord_signatures(sets: Sequence[set[str]]) -> list[tuple[int, ...]]:
    return [minhash(s) for s in sets]


def accord_signatures_seeded(sets: Sequence[set[str]], seed: int) -> list[tuple[int, ...]]:
    """:func:`~accord.text.fingerprint.minhash` with permutations drawn from ``seed``."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    prime, mask = np.uint64((1 << 61) - 1), np.uint64(0xFFFFFFFF)
    out = []
    for s in sets:
        if not s:
            out.append(tuple([0xFFFFFFFF] * NUM_PERM))
            continue
        x = np.asarray(
            [
                int.from_bytes(hashlib.blake2b(v.encode(), digest_size=4).digest(), "little")
                for v in sorted(s)
            ],
            dtype=np.uint64,
        )
        values = (np.outer(a, x) + b[:, None]) % prime & mask
        out.append(tuple(int(v) for v in values.min(axis=1)))
    return out


def accord_pairs(sigs: Sequence[tuple[int, ...]], threshold: float) -> dict[Pair, float]:
    """What NearDuplicateIndex links: a shared band, then the estimate at the threshold."""
    bands, rows = lsh_params(threshold, NUM_PERM)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    found: dict[Pair, float] = {}
    for i, sig in enumerate(sigs):
        for key in band_keys(sig, bands, rows):
            for other in buckets[key]:
                if (other, i) not in found:
                    est = estimated_jaccard(sigs[other], sig)
                    if est >= threshold:
                        found[(other, i)] = est
            buckets[key].append(i)
    return found


def datasketch_signatures(sets: Sequence[set[str]], seed: int = 1) -> list[Any]:
    from datasketch import MinHash

    out = []
    for s in sets:
        m = MinHash(num_perm=NUM_PERM, seed=seed)
        m.update_batch([sh.encode("utf-8") for sh in sorted(s)])
        out.append(m)
    return out


def datasketch_pairs(
    sigs: Sequence[Any], threshold: float, params: tuple[int, int] | None = None
) -> dict[Pair, float]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=params)
    found: dict[Pair, float] = {}
    for i, m in enumerate(sigs):
        for other in lsh.query(m):
            est = float(m.jaccard(sigs[other]))
            if est >= threshold:
                found[(other, i)] = est
        lsh.insert(i, m)
    return found


def datasketch_bands(threshold: float) -> tuple[int, int]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def score(found: Iterable[Pair], truth: dict[Pair, float], threshold: float) -> int:
    """How many of the pairs truly at or above ``threshold`` were found."""
    return len({p for p, j in truth.items() if j >= threshold} & set(found))


def estimate_error(
    sigs: Sequence[Any], estimate: Callable[[Any, Any], float], truth: dict[Pair, float]
) -> float:
    return statistics.fmean(abs(estimate(sigs[a], sigs[b]) - j) for (a, b), j in truth.items())


def _datasketch_estimate(a: Any, b: Any) -> float:
    return float(a.jaccard(b))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=int, nargs="+", default=[13, 14, 15])
    parser.add_argument("--spread", type=int, default=5, help="permutation seeds to try (0: none)")
    args = parser.parse_args(argv)
    try:
        import datasketch
    except ImportError:
        print("datasketch is not installed (pip install datasketch)", file=sys.stderr)
        return 2
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    t = args.threshold
    ours = lsh_params(t, NUM_PERM)
    print(f"threshold {t}, {NUM_PERM} permutations, datasketch {datasketch.__version__}")
    print(f"bands x rows: accord {ours}, datasketch {datasketch_bands(t)}")
    ways: list[tuple[str, Callable[..., Any], Callable[..., Any], Callable[..., float]]] = [
        ("accord", accord_signatures, accord_pairs, estimated_jaccard),
        ("datasketch", datasketch_signatures, datasketch_pairs, _datasketch_estimate),
        (
            f"datasketch with accord's bands {ours}",
            datasketch_signatures,
            lambda sigs, t: datasketch_pairs(sigs, t, ours),
            _datasketch_estimate,
        ),
    ]
    totals: dict[str, list[float]] = {name: [0, 0, 0, 0.0, 0.0, 0.0] for name, *_ in ways}
    lowest: dict[str, float] = {name: 1.0 for name, *_ in ways}
    positives = 0
    texts = load(args.corpus)
    for seed in args.seeds:
        docs = documents(texts, args.sample, seed)
        sets = [shingles(d) for d in docs]
        truth = true_pairs(sets, 0.5)
        here = sum(1 for j in truth.values() if j >= t)
        near = sum(1 for j in truth.values() if t - 0.1 <= j < t + 0.1)
        positives += here
        print(f"seed {seed}: {len(docs)} documents, {here} true pairs >= {t}, {near} within 0.1")
        for name, make, pairs, estimate in ways:
            sig_s, sigs = best_of(args.repeat, lambda make=make, sets=sets: make(sets))
            lsh_s, found = best_of(args.repeat, lambda pairs=pairs, sigs=sigs: pairs(sigs, t))
            total = totals[name]
            total[0] += score(found, truth, t)
            total[1] += len(found)
            total[2] += len(truth)
            total[3] += estimate_error(sigs, estimate, truth) * len(truth)
            total[4] += sig_s
            total[5] += lsh_s
            false = [truth.get(p, 0.0) for p in found if truth.get(p, 0.0) < t]
            lowest[name] = min([lowest[name], *false])
    print()
    print("| implementation | recall | precision | mean abs error | signatures s | LSH s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, (hit, found_n, pairs_n, error, sig_s, lsh_s) in totals.items():
        recall = hit / positives if positives else 1.0
        precision = hit / found_n if found_n else 1.0
        print(
            f"| {name} | {recall:.4f} ({hit:.0f}/{positives}) | {precision:.4f} "
            f"({hit:.0f}/{found_n:.0f}) | {error / pairs_n:.4f} | {sig_s:.2f} | {lsh_s:.2f} |"
        )
    print()
    for name, low in lowest.items():
        shown = f"{low:.3f}" if low >= 0.5 else "under 0.5"
        print(f"{name}: lowest true similarity of a pair found under the threshold: {shown}")
    if args.spread:
        spread(texts, args, t, ours)
    return 0


def spread(texts: list[str], args: argparse.Namespace, t: float, bands: tuple[int, int]) -> None:
    """Recall and error of both with other permutations, on the first seed's documents:
    how much one fixed set of permutations moves the figures."""
    docs = documents(texts, args.sample, args.seeds[0])
    sets = [shingles(d) for d in docs]
    truth = true_pairs(sets, 0.5)
    positives = sum(1 for j in truth.values() if j >= t)
    print()
    print(f"permutation seeds, seed {args.seeds[0]}'s documents ({positives} true pairs):")
    for seed in range(args.spread):
        ours = accord_signatures_seeded(sets, 1000 + seed)
        theirs = datasketch_signatures(sets, 1000 + seed)
        figures = []
        for sigs, pairs, estimate in (
            (ours, accord_pairs(ours, t), estimated_jaccard),
            (theirs, datasketch_pairs(theirs, t, bands), _datasketch_estimate),
        ):
            error = estimate_error(sigs, estimate, truth)
            figures.append(f"recall {score(pairs, truth, t)}, error {error:.4f}")
        print(f"  {1000 + seed}: accord {figures[0]}; datasketch, same bands, {figures[1]}")


if __name__ == "__main__":
    raise SystemExit(main())
