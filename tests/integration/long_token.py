"""A document that is one long token: what issue 13 (item 1) measured the time budget on."""

from __future__ import annotations

import random

SIZE = 4_000_000
"""Four million characters, under the 5 MB input limit (max_document_bytes)."""
_ALPHABET = "abcdefghijklmnopqrstuvwxyz.+-"
"""Letters, dots, plus and minus signs: the run the old e-mail pattern was quadratic in."""


def single_token(size: int = SIZE, seed: int = 13) -> str:
    """``size`` characters without a space (fixed seed: the same token on every run)."""
    rng = random.Random(seed)
    return "".join(rng.choices(_ALPHABET, k=size))
