"""Document ids that are unique in one run (issue 13, item 2).

Two rules, applied by :func:`accord.ingest.iter_documents`:

* **Ids from paths.** A file's id is its path relative to the input that named it (a
  folder argument), or its name (a file argument). When two different files of one run
  would get the same id, each of them gets the shortest end of its full path that tells
  them apart (``ingest a b`` with ``x.txt`` in both: ``a/x.txt`` and ``b/x.txt``;
  ``2020/news`` and ``2021/news``: ``2020/news/x.txt`` and ``2021/news/x.txt``); the rest
  keep their short ids. The ids depend on the set of inputs, never on their order. A file
  reached through two inputs (``ingest d d/sub``) is read once, named from the input
  nearest to it (``d/sub``). Ids made from a file's id (``<file id>:<line>`` for a JSON-lines
  record without an ``id``) follow it.
* **Ids given by the input** (a JSON-lines ``id``, a feed guid or link, a WARC target URL)
  are kept as given. When one repeats in a run, within one input or across inputs, **the
  first document read with it is kept** and every later one is a ``duplicate_id`` record
  (``skipped: repeated id ...``) naming the id, where it was first read and whether its text
  differs. The first is the same on every re-run of the same inputs, so a re-run never
  changes the stored version; across inputs, the first input given wins.

A store written before these rules (schema 2 and earlier) may hold a document under the
short id that a colliding file now no longer gets: :meth:`accord.store.EventStore.old_ids`
finds such documents by their origin, and writing the document under its new id replaces
them (:mod:`accord.store.renames`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from accord.errors import RepeatedId
from accord.model import Document, Failure

__all__ = ["InputFile", "first_wins", "unique_ids"]

_STAGE = "ingest"


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file one run reads: the id its documents are named by, their origin (the path as
    given) and the parts of its full path (links resolved, without the root), of which the
    id is the last few."""

    doc_id: str
    origin: str
    parts: tuple[str, ...]


def unique_ids(paths: Sequence[tuple[str, ...]], widths: Sequence[int]) -> list[str]:
    """Ids for distinct files: the last ``widths[i]`` parts of ``paths[i]`` (its full path,
    without the root), made longer, a part at a time, for every file whose id another file
    also has, until no two share one. Distinct paths always end distinct; the result does
    not depend on the order of the files."""
    if len(paths) != len(widths):
        raise ValueError("one width per path")
    width = [max(1, min(w, len(p))) for p, w in zip(paths, widths, strict=True)]
    while True:
        ids = ["/".join(p[-w:]) for p, w in zip(paths, width, strict=True)]
        holders: defaultdict[str, list[int]] = defaultdict(list)
        for i, doc_id in enumerate(ids):
            holders[doc_id].append(i)
        grow = [
            i
            for group in holders.values()
            if len(group) > 1
            for i in group
            if width[i] < len(paths[i])
        ]
        if not grow:
            return ids
        for i in grow:
            width[i] += 1


_NUMBER_SEPARATORS = ":@#"
"""An origin may be a file's and a record's number in it: ``path:line``, ``path@offset``,
``path#entry``."""
_DIGITS = "0123456789"
_SHORT_ID = 32
_NO_NUMBER = (1 << 40) - 1


def _digest(doc: Document) -> int:
    """64 bits of a hash of what the coder reads of a document: its text, title and date."""
    h = hashlib.blake2b(digest_size=8)
    for part in (doc.text, doc.title or "", str(doc.date or "")):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return int.from_bytes(h.digest(), "big")


def _key(doc_id: str) -> str | bytes:
    """The id, or a 128-bit hash of it when it is long (a URL)."""
    if len(doc_id) <= _SHORT_ID:
        return doc_id
    return hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def first_wins(items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
    """``items`` with every document whose id an earlier document of the stream had turned
    into a ``duplicate_id`` failure (the first is kept). Failures pass through.

    Memory: one small entry per document id (the id, or a hash of a long one, with where it
    was read and a 64-bit hash of its text), so a run of millions of documents keeps tens
    of megabytes here, not the documents.
    """
    seen: dict[str | bytes, int] = {}
    bases: list[str] = []
    base_index: dict[str, int] = {}

    def where(origin: str | None) -> int:
        """The origin packed in an int: an index into ``bases`` and a number."""
        text = origin or ""
        base, number = text, _NO_NUMBER
        stem = text.rstrip(_DIGITS)
        if stem.endswith(tuple(_NUMBER_SEPARATORS)) and 0 < len(text) - len(stem) <= 12:
            base, number = stem, int(text[len(stem) :])
        index = base_index.setdefault(base, len(bases))
        if index == len(bases):
            bases.append(base)
        return index << 40 | number

    def origin_of(code: int) -> str:
        number = code & _NO_NUMBER
        base = bases[code >> 40]
        return base if number == _NO_NUMBER else f"{base}{number}"

    for item in items:
        if not isinstance(item, Document):
            yield item
            continue
        digest = _digest(item)
        key = _key(item.id)
        first = seen.get(key)
        if first is None:
            seen[key] = where(item.origin) << 64 | digest
            yield item
            continue
        first_digest = first & ((1 << 64) - 1)
        first_origin = origin_of(first >> 64) or "an earlier input"
        same = "the same text as the first" if digest == first_digest else "a different text"
        err = RepeatedId(
            f"skipped: repeated id {item.id!r} (first read from {first_origin}; "
            f"this one has {same}): the first document read with an id is kept"
        )
        yield Failure(
            doc_id=item.id, origin=item.origin, stage=_STAGE, code=err.code, message=err.message
        )
