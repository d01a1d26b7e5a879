"""Document fingerprints for duplicate detection: an exact hash and a MinHash signature.

* **exact**: SHA-1 of the normalised text (NFKC, case-folded, punctuation dropped,
  whitespace collapsed): copies that differ only in spacing, case or punctuation match;
* **near**: a MinHash signature over word shingles (:data:`SHINGLE` words). The share of
  equal positions in two signatures estimates the Jaccard similarity of their shingle sets;
  LSH banding (:func:`lsh_params`, :func:`band_keys`) finds candidate pairs without
  comparing every pair.

Everything here is pure and deterministic: the permutations come from a fixed seed, so a
signature computed today matches one computed by another process or machine tomorrow.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from accord.model import Fingerprint

__all__ = [
    "NUM_PERM",
    "SHINGLE",
    "NearDuplicateIndex",
    "band_keys",
    "estimated_jaccard",
    "fingerprint",
    "group_duplicates",
    "lsh_params",
    "minhash",
    "normalise",
    "shingles",
]

NUM_PERM = 128
"""Signature length (permutations)."""
SHINGLE = 5
"""Words per shingle."""
_SEED = 20261129
_PRIME = (1 << 61) - 1
_MASK32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")


def _permutations(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 1 << 32, size=n, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=n, dtype=np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM)


def normalise(text: str) -> str:
    """NFKC, case-folded words joined by single spaces (punctuation dropped)."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word ``size``-grams of the normalised text (the whole text when it is shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash32(items: Iterable[str]) -> np.ndarray:
    values = [
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
        for s in items
    ]
    return np.asarray(values, dtype=np.uint64)


def minhash(items: set[str], num_perm: int = NUM_PERM) -> tuple[int, ...]:
    """The MinHash signature of a set of strings (all ``0xFFFFFFFF`` for the empty set).

    Each permutation is ``(a*x + b) mod p mod 2**32`` over a 32-bit hash ``x`` of the item,
    with ``p`` the Mersenne prime 2**61 - 1; ``a*x + b`` stays below 2**64, so the numpy
    arithmetic is exact.
    """
    if num_perm == NUM_PERM:
        a, b = _A, _B
    else:
        a, b = _permutations(num_perm)
    if not items:
        return tuple([0xFFFFFFFF] * num_perm)
    x = _hash32(sorted(items))
    values = (np.outer(a, x) + b[:, None]) % np.uint64(_PRIME) & _MASK32
    return tuple(int(v) for v in values.min(axis=1))


def fingerprint(text: str) -> Fingerprint:
    """The exact hash and the MinHash signature of ``text``."""
    digest = hashlib.sha1(normalise(text).encode("utf-8"), usedforsecurity=False).hexdigest()
    return Fingerprint(text_hash=digest, minhash=minhash(shingles(text)))


def estimated_jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal positions: an unbiased estimate of the Jaccard similarity."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures must be non-empty and of equal length")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def _candidate_probability(s: float, bands: int, rows: int) -> float:
    return 1.0 - (1.0 - s**rows) ** bands


def lsh_params(
    threshold: float, num_perm: int = NUM_PERM, miss_weight: float = 10.0
) -> tuple[int, int]:
    """(bands, rows) with ``bands * rows <= num_perm`` that best separate pairs above and
    below ``threshold``: the least area of false candidates (similarity below the threshold
    yet banded together) plus ``miss_weight`` times the area of missed pairs (above it yet
    never banded together). Misses weigh more because every candidate is verified against
    the threshold afterwards, while a missed pair is lost."""
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    steps = 200
    width = 1.0 / steps
    grid = [(k + 0.5) * width for k in range(steps)]
    below = [s * threshold for s in grid]
    above = [threshold + s * (1.0 - threshold) for s in grid]
    best: tuple[float, int, int] | None = None
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        false_pos = sum(_candidate_probability(s, bands, rows) for s in below) * threshold
        missed = sum(1.0 - _candidate_probability(s, bands, rows) for s in above) * (
            1.0 - threshold
        )
        cost = (false_pos + miss_weight * missed) * width
        if best is None or cost < best[0]:
            best = (cost, bands, rows)
    assert best is not None
    return best[1], best[2]


def band_keys(signature: Sequence[int], bands: int, rows: int) -> list[tuple[int, bytes]]:
    """(band number, bytes of that band's values): equal keys make a candidate pair."""
    return [
        (i, b"".join(v.to_bytes(4, "little") for v in signature[i * rows : (i + 1) * rows]))
        for i in range(bands)
    ]


@dataclass(frozen=True, slots=True)
class _Item:
    key: str
    fp: Fingerprint


class NearDuplicateIndex:
    """In-memory LSH index: add fingerprints under keys, then read duplicate groups.

    Exact duplicates (same text hash) always group; near duplicates group when a band
    matches and their estimated Jaccard similarity is at least ``threshold``. Groups are the
    connected components of those links (so similarity is transitive through chains).
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.bands, self.rows = lsh_params(threshold, num_perm)
        self._items: list[_Item] = []
        self._parent: dict[str, str] = {}
        self._buckets: dict[tuple[int, bytes], list[int]] = {}
        self._exact: dict[str, int] = {}

    def _find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo

    def add(self, key: str, fp: Fingerprint) -> None:
        if key in self._parent:
            raise ValueError(f"duplicate key {key!r}")
        index = len(self._items)
        self._items.append(_Item(key, fp))
        self._parent[key] = key
        first = self._exact.setdefault(fp.text_hash, index)
        if first != index:
            self._union(self._items[first].key, key)
        for band in band_keys(fp.minhash, self.bands, self.rows):
            bucket = self._buckets.setdefault(band, [])
            for other in bucket:
                item = self._items[other]
                if self._find(item.key) == self._find(key):
                    continue
                if estimated_jaccard(item.fp.minhash, fp.minhash) >= self.threshold:
                    self._union(item.key, key)
            bucket.append(index)

    def groups(self) -> list[list[str]]:
        """Groups of two or more keys, each sorted, ordered by their first key."""
        members: dict[str, list[str]] = {}
        for item in self._items:
            members.setdefault(self._find(item.key), []).append(item.key)
        return sorted((sorted(g) for g in members.values() if len(g) > 1), key=lambda g: g[0])


def group_duplicates(texts: Iterable[tuple[str, str]], threshold: float = 0.8) -> list[list[str]]:
    """Duplicate groups among ``(key, text)`` pairs (exact or near at ``threshold``)."""
    index = NearDuplicateIndex(threshold)
    for key, text in texts:
        index.add(key, fingerprint(text))
    return index.groups()
