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

A stretch of binary lines in a JSON-lines file is one ``binary`` failure (the file's, when it
holds nothing else), not one a line.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Literal

from accord.config import Settings
from accord.errors import (
    AccordError,
    BinaryInput,
    DecodeError,
    InputError,
    MalformedRecord,
    OversizedInput,
)
from accord.ingest.decode import binary_reason, replace_undecodable
from accord.ingest.documents import (
    Kind,
    check_size,
    document_from_bytes,
    document_from_record,
    parse_record,
    record_id,
)
from accord.ingest.feeds import iter_feed, looks_like_feed
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


class _Chain(io.RawIOBase):
    """A read-only raw stream that serves ``prefix`` and then the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield (line number, line bytes or None when longer than ``limit``, size in bytes).

    Memory stays bounded by ``limit`` even for a huge line.
    """
    lineno = 0
    while True:
        line = stream.readline(limit + 2)
        if not line:
            return
        lineno += 1
        if len(line) >= limit + 2 and not line.endswith(b"\n"):
            size = len(line)
            while True:
                chunk = stream.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None, size
            continue
        yield lineno, line, len(line)


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
    file's, when nothing else is in it).
    """
    records = 0  # lines that held records (or record failures), binary stretches aside
    stretch: _Stretch | None = None
    for lineno, line, size in _read_lines(stream, settings.max_document_bytes):
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
        yield stretch.failure(id_base, origin_base, whole=records == 0)


def _first_char(head: bytes) -> bytes:
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]


def _read_bounded(stream: BinaryIO, settings: Settings, head: bytes = b"") -> bytes:
    limit = settings.max_document_bytes
    data = head + stream.read(max(limit + 1 - len(head), 0))
    if len(data) > limit:
        raise OversizedInput(
            f"document is over {limit:,} bytes (max_document_bytes); reading stopped there"
        )
    return data


def _open(path: Path, compressed: bool) -> BinaryIO:
    if compressed:
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _read_error(exc: BaseException) -> AccordError:
    if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return DecodeError(f"corrupt gzip data ({exc})")
    if isinstance(exc, OSError):
        return InputError(f"cannot read file ({exc.strerror or exc})")
    return InputError(f"cannot read file ({exc})")


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
            yield document_from_bytes(
                data, doc_id=doc_id, origin=origin, kind=None, settings=settings
            )
            return
        if not compressed:
            check_size(path.stat().st_size, settings)
        with _open(path, compressed) as stream:
            data = _read_bounded(stream, settings)
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
        with open_warc(path) as stream:
            yield from iter_warc(
                stream, name=path.name, path=str(path), settings=settings, compressed=compressed
            )
        return
    limit = settings.max_feed_bytes
    with _open(path, compressed) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise OversizedInput(f"feed is over {limit:,} bytes (max_feed_bytes)")
    yield from iter_feed(data, name=doc_id, origin=str(path), settings=settings)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath, name) for name in filenames if not name.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _iter_folder(root: Path, settings: Settings) -> Iterator[Document | Failure]:
    for path in _walk(root):
        if source_kind(path.name)[0] is None:
            continue
        rel = path.relative_to(root).as_posix()
        yield from _iter_file(path, doc_id=rel, explicit=False, settings=settings)


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
    """
    items = [inputs] if isinstance(inputs, str) else list(inputs)
    for item in items:
        if item == "-":
            yield from _iter_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _iter_folder(path, settings)
        elif path.is_file():
            yield from _iter_file(path, doc_id=path.name, explicit=True, settings=settings)
        elif path.exists():
            err = InputError("not a regular file or folder")
            yield _failure(path.name or item, item, err)
        else:
            yield Failure(
                doc_id=path.name or item,
                origin=item,
                stage=_STAGE,
                code="missing",
                message=f"no such file or folder: {item}",
            )
