"""The in-process runner: documents and failures in, results out, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, iter_results


def run_local(
    items: Iterable[Document | Failure], resources: Resources, *, batch_docs: int = 32
) -> Iterator[DocResult | Failure]:
    """Code documents in bounded batches; ingest failures pass through unchanged, in order."""
    pending: list[Document] = []
    for item in items:
        if isinstance(item, Failure):
            if pending:
                yield from iter_results(pending, resources, batch_docs=batch_docs)
                pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_docs:
            yield from iter_results(pending, resources, batch_docs=batch_docs)
            pending = []
    if pending:
        yield from iter_results(pending, resources, batch_docs=batch_docs)
