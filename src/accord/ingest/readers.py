"""Paths, folders, gzip and stdin -> a stream of Documents and Failures.

Doc ids are derived only from names and record ids, never from time or order of discovery, so
re-ingesting the same inputs maps every document to the same id:

* a JSONL record's own ``id`` (as a string) when present, else ``<name>:<line number>``;
* a file found inside a folder argument: its path relative to that folder (posix separators);
* a single file argument: its file name;
* stdin: ``stdin`` (``stdin:<line>`` for JSONL);
* a WARC/ARC response record: its target URL (:mod:`accord.ingest.warc`);
* a feed entry: its id/guid, else its link, else ``<name>:<entry number>``
  (:mod:`accord.ingest.feeds`).

Ids are unique in a run (:mod:`accord.ingest.identity`): files that would share an id get
longer ones (more of their full path), a file reached through two inputs is read once, and
a repeated id given by the input keeps the first document and reports the others as
``duplicate_id`` failures. So every folder argument is listed before anything is read.

Nothing is lost without a record: an input that yields nothing (a 0-byte or blank file of
any format, an archive with no pages) is an ``empty`` failure; a gzip file that ends early
or breaks keeps every whole record before that point, and its failure says how many were
read; a stretch of binary lines in a JSON-lines file is one ``binary`` failure (the file's,
when it holds nothing else), not one a line; a document confidently in another language
is a ``language`` failure, ``skipped: language=fr``, when the coder reads it
(:func:`accord.ingest.language.skip_other_languages`).

The byte streams under these readers (gzip that keeps what it read before a break, reads
bounded by ``max_document_bytes``) are in :mod:`accord.ingest.streams`.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Literal

from accord.config import Settings
from accord.errors import (
    AccordError,
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    MalformedRecord,
    OversizedInput,
)
from accord.ingest.decode import binary_reason, check_not_empty, replace_undecodable
from accord.ingest.documents import (
    Kind,
    check_size,
    document_from_bytes,
    document_from_record,
    parse_record,
    record_id,
)
from accord.ingest.feeds import iter_feed, looks_like_feed
from accord.ingest.identity import InputFile, first_wins, unique_ids
from accord.ingest.streams import (
    _Chain,
    _check_end,
    _Gunzip,
    _read_bounded,
    _read_error,
    _read_lines,
)
from accord.ingest.warc import iter_warc, looks_like_warc, open_warc
from accord.model import Document, Failure

SourceKind = Literal["text", "html", "jsonl", "warc", "feed", "xml"]

_EXTENSIONS: Mapping[str, SourceKind] = MappingProxyType(
    {
        ".txt": "text",
        ".text": "text",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".warc": "warc",
        ".arc": "warc",
        ".rss": "feed",
        ".atom": "feed",
        ".xml": "xml",  # a feed when its root is <rss>, <feed> or <rdf:RDF>
    }
)
_SNIFF_BYTES = 65536
_STAGE = "ingest"
_UNDECODABLE_SHARE = 0.10
"""A JSON-lines line with more of its bytes undecodable than this is binary content."""


def _failure(doc_id: str, origin: str | None, err: AccordError, prefix: str = "") -> Failure:
    message = " ".join(err.message.split())
    return Failure(
        doc_id=doc_id, origin=origin, stage=_STAGE, code=err.code, message=f"{prefix}{message}"
    )


def source_kind(name: str) -> tuple[SourceKind | None, bool]:
    """(kind by extension or None when unknown, gzip-compressed?) for a file name."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    return _EXTENSIONS.get(os.path.splitext(lower)[1]), compressed


def _binary_line(line: bytes, first: bool) -> str | None:
    """Why a JSON-lines line is binary content (file signatures count on the first line
    only), or None."""
    reason = binary_reason(line, signatures=first)
    if reason is not None or line.isascii():
        return reason
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    _, bad = replace_undecodable(line)
    if bad > len(line) * _UNDECODABLE_SHARE:
        return f"binary content ({bad:,} of {len(line):,} bytes are not UTF-8)"
    return None


class _Stretch:
    """Consecutive unreadable lines of a JSON-lines file that began with a binary line."""

    def __init__(self, first: int, reason: str) -> None:
        self.first = first
        self.last = first
        self.reason = reason

    def failure(self, id_base: str, origin_base: str, whole: bool) -> Failure:
        lines = self.last - self.first + 1
        if whole:
            what = f"{self.reason}: not JSON lines; {lines:,} line{'s' * (lines != 1)} not read"
            return _failure(id_base, origin_base, BinaryInput(what))
        span = f"lines {self.first}-{self.last}" if lines > 1 else f"line {self.first}"
        err = BinaryInput(f"{span}: {self.reason}; {lines:,} line{'s' * (lines != 1)} not read")
        return _failure(f"{id_base}:{self.first}", f"{origin_base}:{self.first}", err)


def _iter_jsonl(
    stream: BinaryIO, *, id_base: str, origin_base: str, settings: Settings
) -> Iterator[Document | Failure]:
    """Documents and failures, one a line, from a JSON-lines stream.

    A binary line, with the unreadable lines right after it, is one ``binary`` failure (the
    file's, when nothing else is in it). A stream that holds no record is an ``empty``
    failure. A stream that ends early (a truncated or corrupt gzip file) ends with one
    failure saying how many records were read before that point; an incomplete last record
    is part of it, not a failure of its own.
    """
    records = 0  # lines that held records (or record failures), binary stretches aside
    seen = 0  # bytes
    last = 0  # last line number read
    stretch: _Stretch | None = None
    ended: AccordError | None = None
    lines = _read_lines(stream, settings.max_document_bytes)
    while True:
        try:
            step = next(lines, None)
        except AccordError as stop:
            ended = stop
            break
        except (OSError, EOFError, zlib.error) as exc:
            ended = _read_error(exc)
            break
        if step is None:
            break
        lineno, line, size = step
        seen += size
        last = lineno
        fallback = f"{id_base}:{lineno}"
        origin = f"{origin_base}:{lineno}"
        prefix = f"line {lineno}: "
        if line is None:
            if stretch is not None:
                stretch.last = lineno
                continue
            oversized = OversizedInput(
                f"record is {size:,} bytes, over the limit of "
                f"{settings.max_document_bytes:,} (max_document_bytes)"
            )
            records += 1
            yield _failure(fallback, origin, oversized, prefix)
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        binary = _binary_line(line, first=records == 0 and stretch is None)
        if binary is not None:
            if stretch is None:
                stretch = _Stretch(lineno, binary)
            stretch.last = lineno
            continue
        doc_id = fallback
        try:
            record, decoded = parse_record(line)
        except MalformedRecord as err:
            if stretch is not None:
                stretch.last = lineno
                continue
            records += 1
            yield _failure(doc_id, origin, err, prefix)
            continue
        if stretch is not None:
            yield stretch.failure(id_base, origin_base, whole=False)
            stretch = None
        records += 1
        try:
            doc_id = record_id(record) or fallback
            yield document_from_record(
                record, doc_id=doc_id, origin=origin, settings=settings, decoded=decoded
            )
        except AccordError as err:
            yield _failure(doc_id, origin, err, prefix)
    if stretch is not None:
        yield stretch.failure(id_base, origin_base, whole=records == 0 and ended is None)
    elif records == 0 and ended is None:
        empty = EmptyInput(
            "input is empty" if seen == 0 else "input holds no records (only blank lines)"
        )
        yield _failure(id_base, origin_base, empty)
    if ended is not None:
        what = (
            f"{ended.message}: {records:,} records read before it; anything from line "
            f"{last + 1} on (an incomplete record, if the data stopped inside one) is lost"
        )
        yield _failure(id_base, origin_base, DecodeError(what))


def _first_char(head: bytes) -> bytes:
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]


def _open(path: Path, compressed: bool) -> BinaryIO:
    if compressed:
        return _Gunzip(path.open("rb"))  # type: ignore[return-value]
    return path.open("rb")


def _iter_file(
    path: Path, *, doc_id: str, explicit: bool, settings: Settings
) -> Iterator[Document | Failure]:
    kind, compressed = source_kind(path.name)
    origin = str(path)
    if kind is None and not explicit:
        return
    try:
        # --- WARC/ARC and RSS/Atom inputs (accord.ingest.warc, accord.ingest.feeds)
        if kind in (None, "warc", "feed", "xml"):
            container = _container(path, kind, compressed)
            if container is not None:
                yield from _iter_container(path, container, doc_id, compressed, settings)
                return
            if kind == "xml" and not explicit:
                return
            kind = None
        # ---
        if kind is None or kind == "jsonl":
            with _open(path, compressed) as stream:
                head = stream.read(_SNIFF_BYTES)
                if kind == "jsonl" or _first_char(head) == b"{":
                    chained = io.BufferedReader(_Chain(head, stream))
                    yield from _iter_jsonl(
                        chained, id_base=doc_id, origin_base=origin, settings=settings
                    )
                    return
                data = _read_bounded(stream, settings, head)
                if compressed:
                    _check_end(stream)
            yield document_from_bytes(
                data, doc_id=doc_id, origin=origin, kind=None, settings=settings
            )
            return
        if not compressed:
            check_size(path.stat().st_size, settings)
        with _open(path, compressed) as stream:
            data = _read_bounded(stream, settings)
            if compressed:
                _check_end(stream)
        doc_kind: Kind = "html" if kind == "html" else "text"
        yield document_from_bytes(
            data, doc_id=doc_id, origin=origin, kind=doc_kind, settings=settings
        )
    except AccordError as err:
        yield _failure(doc_id, origin, err)
    except (OSError, EOFError, zlib.error) as exc:
        yield _failure(doc_id, origin, _read_error(exc))


def _container(
    path: Path, kind: SourceKind | None, compressed: bool
) -> Literal["warc", "feed"] | None:
    """``warc`` or ``feed`` by extension or by the (decompressed) head; else None."""
    if kind == "warc" or kind == "feed":
        return kind
    with _open(path, compressed) as stream:
        head = stream.read(_SNIFF_BYTES)
    if kind is None and looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    return None


def _iter_container(
    path: Path,
    container: Literal["warc", "feed"],
    doc_id: str,
    compressed: bool,
    settings: Settings,
) -> Iterator[Document | Failure]:
    if container == "warc":
        found = False
        with open_warc(path) as stream:
            for item in iter_warc(
                stream, name=path.name, path=str(path), settings=settings, compressed=compressed
            ):
                found = True
                yield item
        if not found:
            raise EmptyInput(
                "input is empty"
                if path.stat().st_size == 0
                else "archive holds no HTML pages (2xx text/html response records)"
            )
        return
    limit = settings.max_feed_bytes
    with _open(path, compressed) as stream:
        data = stream.read(limit + 1)
        if compressed and len(data) <= limit:
            _check_end(stream)
    if len(data) > limit:
        raise OversizedInput(f"feed is over {limit:,} bytes (max_feed_bytes)")
    check_not_empty(data)
    yield from iter_feed(data, name=doc_id, origin=str(path), settings=settings)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, name) for name in filenames if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _absolute(path: Path) -> tuple[str, ...]:
    """The parts of ``path`` made absolute (links resolved), without the root."""
    try:
        full = path.resolve()
    except (OSError, RuntimeError):
        full = Path(os.path.abspath(path))
    return full.parts[1:] if full.anchor else full.parts


@dataclass(frozen=True, slots=True)
class _Reach:
    """One way an input reaches a file: the file's full path (``key``), how many of its
    last parts make the short id, and how deep the input naming it is."""

    path: Path
    key: tuple[str, ...]
    width: int
    depth: int
    explicit: bool


@dataclass(frozen=True, slots=True)
class _Step:
    """One thing to read, in order: a file (with its id), stdin, or an input that fails."""

    item: str
    path: Path | None = None
    doc_id: str = ""
    explicit: bool = False
    failure: Failure | None = None
    key: tuple[str, ...] = ()


def _plan(items: Sequence[str]) -> list[_Step]:
    """What a run reads, in input order, with unique ids (:mod:`accord.ingest.identity`):
    every folder is listed first, so each file's id can depend on the other files."""
    order: list[tuple[str, ...] | _Step] = []
    chosen: dict[tuple[str, ...], _Reach] = {}

    def reach(found: _Reach) -> None:
        held = chosen.get(found.key)
        if held is None:
            chosen[found.key] = found
            order.append(found.key)
        elif (found.depth, found.explicit) > (held.depth, held.explicit):
            chosen[found.key] = found  # the input nearest to the file names it

    for item in items:
        if item == "-":
            order.append(_Step(item))
            continue
        path = Path(item)
        if path.is_dir():
            root = _absolute(path)
            for file in _walk(path):
                if source_kind(file.name)[0] is None:
                    continue
                rel = file.relative_to(path).parts
                reach(_Reach(file, root + rel, len(rel), len(root), explicit=False))
        elif path.is_file():
            parent = _absolute(path.parent)
            reach(_Reach(path, (*parent, path.name), 1, len(parent), explicit=True))
        elif path.exists():
            err = InputError("not a regular file or folder")
            order.append(_Step(item, failure=_failure(path.name or item, item, err)))
        else:
            missing = Failure(
                doc_id=path.name or item,
                origin=item,
                stage=_STAGE,
                code="missing",
                message=f"no such file or folder: {item}",
            )
            order.append(_Step(item, failure=missing))
    keys = list(chosen)
    ids = dict(zip(keys, unique_ids(keys, [chosen[k].width for k in keys]), strict=True))
    steps: list[_Step] = []
    for entry in order:
        if isinstance(entry, _Step):
            steps.append(entry)
            continue
        picked = chosen[entry]
        steps.append(
            _Step(str(picked.path), picked.path, ids[entry], picked.explicit, key=picked.key)
        )
    return steps


def input_files(inputs: Sequence[str]) -> tuple[InputFile, ...]:
    """The files a run over ``inputs`` reads, each with the id its documents are named by
    (``<id>:<line>`` for a JSON-lines record without an ``id``) and their origin: what
    :func:`iter_documents` would read, without reading it."""
    items = [inputs] if isinstance(inputs, str) else list(inputs)
    return tuple(
        InputFile(step.doc_id, str(step.path), step.key)
        for step in _plan(items)
        if step.path is not None
    )


def _iter_inputs(
    items: Sequence[str], settings: Settings, stdin: BinaryIO | None
) -> Iterator[Document | Failure]:
    for step in _plan(items):
        if step.failure is not None:
            yield step.failure
        elif step.path is None:
            yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        else:
            yield from _iter_file(
                step.path, doc_id=step.doc_id, explicit=step.explicit, settings=settings
            )


def _iter_stdin(stream: BinaryIO, settings: Settings) -> Iterator[Document | Failure]:
    try:
        head = stream.read(_SNIFF_BYTES)
        if _first_char(head) == b"{":
            chained = io.BufferedReader(_Chain(head, stream))
            yield from _iter_jsonl(chained, id_base="stdin", origin_base="-", settings=settings)
            return
        data = _read_bounded(stream, settings, head)
        yield document_from_bytes(data, doc_id="stdin", origin="-", kind=None, settings=settings)
    except AccordError as err:
        yield _failure("stdin", "-", err)
    except OSError as exc:
        yield _failure("stdin", "-", _read_error(exc))


def iter_documents(
    inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[Document | Failure]:
    """Stream Documents (or Failures, one per input that could not be read) from ``inputs``.

    Each input is a ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc``/``.arc`` or
    ``.rss``/``.atom`` file (optionally ``.gz``; ``.xml`` when it holds a feed), a
    folder (searched recursively in sorted order; hidden entries and unknown extensions are
    skipped), or ``-`` for ``stdin`` (default ``sys.stdin.buffer``). A named file with an
    unknown extension is sniffed: WARC, feed, JSONL when it starts with ``{``, else HTML
    or text.

    Documents in other languages are read like any other: the coder drops them
    (:func:`accord.ingest.language.skip_other_languages`, applied by ``Coder.read``), as
    its model takes about 100 MB.
    """
    items = [inputs] if isinstance(inputs, str) else list(inputs)
    yield from first_wins(_iter_inputs(items, settings, stdin))
