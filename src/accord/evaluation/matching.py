"""Counting primitives: tp/fp/fn tallies, accuracies and one-to-one matching of event multisets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives, false negatives. Undefined ratios are None."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def system(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        return self.tp / self.system if self.system else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn): the harmonic mean of P and R, defined whenever anything exists."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class Tally:
    """``correct`` out of ``total``."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class Matching:
    """A maximum one-to-one matching between gold and system items (indices)."""

    pairs: tuple[tuple[int, int], ...]
    missed: tuple[int, ...]
    """Gold indices left unmatched (false negatives)."""
    false_alarms: tuple[int, ...]
    """System indices left unmatched (false positives)."""

    @property
    def counts(self) -> Counts:
        return Counts(len(self.pairs), len(self.false_alarms), len(self.missed))


def match(gold: Sequence[G], system: Sequence[S], compatible: Callable[[G, S], bool]) -> Matching:
    """Match each gold item to at most one compatible system item and vice versa, maximally.

    Uses augmenting paths (Kuhn's algorithm); the item lists of one record are small. Gold items
    with wildcards (uncoded actors) can match many system items, so a greedy pass could leave a
    match unfound; augmenting paths cannot.
    """
    options = [[j for j, s in enumerate(system) if compatible(g, s)] for g in gold]
    owner: list[int | None] = [None] * len(system)

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            current = owner[j]
            if current is None or augment(current, seen):
                owner[j] = i
                return True
        return False

    # Most constrained gold items first: fewer augmenting searches in the common case.
    for i in sorted(range(len(gold)), key=lambda k: len(options[k])):
        augment(i, set())
    pairs = tuple(sorted((i, j) for j, i in enumerate(owner) if i is not None))
    matched_gold = {i for i, _ in pairs}
    return Matching(
        pairs=pairs,
        missed=tuple(i for i in range(len(gold)) if i not in matched_gold),
        false_alarms=tuple(j for j, i in enumerate(owner) if i is None),
    )
