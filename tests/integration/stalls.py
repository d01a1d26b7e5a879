"""A batch function with documents that never finish in time: how the Spark engine's
per-document time budget is tested (issue 13, item 1). Spark's Python workers import it
from the pickled job, so it stays small and needs only accord and the standard library."""

from __future__ import annotations

import time
from collections.abc import Sequence

from accord.model import DocResult, Document
from accord.pipeline import Resources

C_CALL_LENGTH = 5 * 10**9
"""Integers summed in one call of the C builtin ``sum``: a minute or more on any machine,
during which the interpreter runs no Python code, so no Python signal handler either."""


def stalling_process(docs: Sequence[Document], resources: Resources) -> list[DocResult]:
    """Counts words; 'SLEEP' sleeps ten minutes (Python code: a SIGALRM handler can stop
    it), 'CCALL' spends its time in one long C call (a SIGALRM handler runs only after it
    returns)."""
    out: list[DocResult] = []
    for doc in docs:
        if "SLEEP" in doc.text:
            time.sleep(600)
        if "CCALL" in doc.text:
            sum(range(C_CALL_LENGTH))
        out.append(DocResult(doc=doc, sentence_count=len(doc.text.split()), content_hash=doc.id))
    return out
