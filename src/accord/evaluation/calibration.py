"""Is ``confidence`` a probability? Reliability bins and the expected calibration error.

Each output event of a sentence set is right or wrong by the whole-dyad match
(:func:`accord.evaluation.reference.whole_dyad_right`). Events are put in equal-width
confidence bins; a bin is reliable when the share of right events in it is close to its
mean confidence. The expected calibration error (ECE) is the mean of those gaps, each
weighted by the bin's share of events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["BINS", "Bin", "Reliability", "reliability"]

BINS = 5


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    events: int
    mean_confidence: float | None
    share_right: float | None


@dataclass(frozen=True, slots=True)
class Reliability:
    bins: tuple[Bin, ...]
    events: int
    ece: float | None
    """Expected calibration error; None without events."""


def reliability(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> Reliability:
    """Reliability of (confidence, right) pairs in ``bins`` equal-width bins over [0, 1]."""
    rows: list[Bin] = []
    gap = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [(c, r) for c, r in pairs if low <= c < high or (k == bins - 1 and c == 1.0)]
        if not inside:
            rows.append(Bin(low, high, 0, None, None))
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        share = sum(1 for _, r in inside if r) / len(inside)
        gap += abs(mean - share) * len(inside)
        rows.append(Bin(low, high, len(inside), mean, share))
    total = len(pairs)
    return Reliability(tuple(rows), total, gap / total if total else None)
