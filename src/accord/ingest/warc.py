"""WARC and ARC files (plain or record-gzipped, as Common Crawl's CC-NEWS) -> Documents.

Each ``response`` record whose HTTP status is 2xx and whose payload is HTML becomes one
document through the ordinary HTML path (:func:`accord.ingest.documents.document_from_text`):

* id and url: the record's ``WARC-Target-URI`` (``<file name>@<offset>`` when it has none);
* date: the page's own publication date (trafilatura, then htmldate) unless it is missing or
  later than the capture, else the record's ``WARC-Date``; the capture date is kept in
  ``metadata["warc_date"]``;
* origin: ``<path>@<byte offset of the record>``.

Other records (requests, metadata, redirects, images, ...) are skipped. A record that cannot
be read becomes a :class:`~accord.model.Failure` naming the file and the record's offset,
and reading goes on from the next record: for a file on disk the reader resynchronises on
the next gzip member (compressed files) or the next ``WARC/`` header line. Memory stays
bounded by ``max_document_bytes`` per record, whatever the size of the file.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from accord.config import Settings
from accord.errors import AccordError, DecodeError, InputError, OversizedInput
from accord.ingest.decode import decode_bytes
from accord.ingest.documents import document_from_text
from accord.ingest.html import looks_like_html
from accord.model import Document, Failure

__all__ = ["iter_warc", "looks_like_warc"]

_STAGE = "ingest"
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = re.compile(rb"\nWARC/\d\.\d+\r?\n")
_SCAN_CHUNK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:\-]{1,40})", re.IGNORECASE)


def looks_like_warc(head: bytes) -> bool:
    """Whether decompressed leading bytes are a WARC (``WARC/1.x``) or ARC file header."""
    return head.startswith(b"WARC/") or head.startswith(b"filedesc://")


def _header(headers: Any, name: str) -> str | None:
    if headers is None:
        return None
    value = headers.get_header(name)
    return str(value).strip() or None if value is not None else None


def _warc_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    raw = value.strip()
    if len(raw) == 14 and raw.isdigit():  # ARC: YYYYMMDDhhmmss
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _is_html(content_type: str | None, head: bytes) -> bool:
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES
    return looks_like_html(head[:4096].decode("latin-1"))


def _decode(payload: bytes, content_type: str | None) -> tuple[str, str]:
    """The HTTP header's charset when it decodes the payload, else the usual detection."""
    match = _CHARSET.search(content_type or "")
    if match is not None:
        try:
            codec = codecs.lookup(match.group(1)).name
            return payload.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_bytes(payload, html=True)
    return decoded.text, decoded.encoding


def _document(
    record: Any, *, name: str, path: str, offset: int, settings: Settings
) -> Document | None:
    """One record -> a Document, or None when it is not an HTML response."""
    if record.rec_type != "response":
        return None
    limit = settings.max_document_bytes
    payload = record.content_stream().read(limit + 1)
    _check_complete(record)
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status is not None and not str(status).startswith("2"):
        return None
    content_type = _header(http, "Content-Type")
    if content_type is None and http is None:
        content_type = record.content_type if record.format == "arc" else None
    if not _is_html(content_type, payload):
        return None
    if len(payload) > limit:
        raise OversizedInput(
            f"payload is over {limit:,} bytes (max_document_bytes); record skipped"
        )
    url = _header(record.rec_headers, "WARC-Target-URI")
    captured = _warc_date(_header(record.rec_headers, "WARC-Date"))
    text, encoding = _decode(payload, content_type)
    meta: dict[str, Any] = {"warc_file": name, "warc_offset": offset}
    if captured is not None:
        meta["warc_date"] = captured.isoformat()
    record_id = _header(record.rec_headers, "WARC-Record-ID")
    if record_id:
        meta["warc_record_id"] = record_id
    if encoding != "utf-8":
        meta["encoding"] = encoding
    doc = document_from_text(
        text,
        doc_id=url or f"{name}@{offset}",
        origin=f"{path}@{offset}",
        kind="html",
        url=url,
        metadata=meta,
    )
    if captured is not None and (doc.date is None or doc.date > captured):
        doc = dataclasses.replace(doc, date=captured)
    return doc


def _check_complete(record: Any) -> None:
    """DecodeError when the record's block ends before its declared Content-Length."""
    raw = record.raw_stream
    missing = getattr(raw, "limit", 0)
    while isinstance(missing, int) and missing > 0:
        if not raw.read(min(missing, 1 << 16)):
            declared = getattr(raw, "_orig_limit", None)
            raise DecodeError(
                f"record is truncated ({missing:,} of {declared:,} declared bytes missing)"
                if isinstance(declared, int)
                else "record is truncated"
            )
        missing = raw.limit


def _failure(name: str, path: str, offset: int, err: AccordError, doc_id: str | None) -> Failure:
    message = " ".join(err.message.split())
    return Failure(
        doc_id=doc_id or f"{name}@{offset}",
        origin=f"{path}@{offset}",
        stage=_STAGE,
        code=err.code,
        message=f"record at offset {offset}: {message}",
    )


def _read_error(exc: BaseException) -> AccordError:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return DecodeError(f"unreadable WARC record ({type(exc).__name__}: {text[:300]})")


def _next_start(stream: BinaryIO, after: int, compressed: bool) -> int | None:
    """Offset of the next plausible record start after ``after`` in a seekable file."""
    pattern = None if compressed else _WARC_LINE
    pos = after + 1
    stream.seek(pos)
    carry = b""
    while True:
        chunk = stream.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        base = pos - len(carry)
        if pattern is None:
            found = data.find(_GZIP_MEMBER)
            if found >= 0:
                return base + found
        else:
            match = pattern.search(data)
            if match is not None:
                return base + match.start() + 1
        carry = data[-16:]
        pos += len(chunk)


@dataclasses.dataclass(frozen=True, slots=True)
class _Step:
    offset: int
    doc: Document | None = None
    error: AccordError | None = None
    doc_id: str | None = None
    fatal: bool = False
    """The stream cannot be read on from here (resynchronise or stop)."""


def _quiet_iterator(stream: BinaryIO) -> Any:
    """warcio's record iterator, without its warnings on stderr (library code never prints;
    a record whose length is wrong shows up as a failure of the record after it)."""
    from warcio.archiveiterator import ArchiveIterator

    # warcio logs what it repairs ("Replacing spaces in invalid WARC-Target-URI: <the URI
    # as it is>"); with no handler, logging's last resort writes that to stderr, escape
    # sequences and all. A library's logger gets a NullHandler (idempotent: one at most).
    warcio_log = logging.getLogger("warcio")
    if not any(isinstance(h, logging.NullHandler) for h in warcio_log.handlers):
        warcio_log.addHandler(logging.NullHandler())

    class Quiet(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""

    return Quiet(stream, arc2warc=True)


def _iter_from(stream: BinaryIO, *, name: str, path: str, settings: Settings) -> Iterator[_Step]:
    """Records from the stream's current position, until its end or a fatal error."""
    records = _quiet_iterator(stream)
    while True:
        # ``records.offset`` is the start of the record being read: warcio moves it past the
        # previous record when it is asked for the next one.
        try:
            record = next(records)
        except StopIteration:
            end = _size(stream)
            if end is not None and int(records.offset) < end:
                err = DecodeError("unreadable data where a record should start (truncated file?)")
                yield _Step(int(records.offset), error=err, fatal=True)
            return
        except Exception as exc:  # warcio raises plain exceptions on corrupt records
            yield _Step(int(records.offset), error=_read_error(exc), fatal=True)
            return
        offset = int(records.offset)
        url = _header(record.rec_headers, "WARC-Target-URI")
        try:
            doc = _document(record, name=name, path=path, offset=offset, settings=settings)
        except AccordError as err:
            yield _Step(offset, error=err, doc_id=url)
            continue
        except Exception as exc:  # a broken payload (bad gzip member, chunking, ...)
            yield _Step(offset, error=_read_error(exc), doc_id=url, fatal=True)
            return
        yield _Step(offset, doc=doc)


def _size(stream: BinaryIO) -> int | None:
    if not stream.seekable():
        return None
    try:
        return stream.seek(0, 2)
    except OSError:
        return None


def iter_warc(
    stream: BinaryIO, *, name: str, path: str, settings: Settings, compressed: bool
) -> Iterator[Document | Failure]:
    """Documents (and Failures) from a WARC/ARC stream.

    After a broken record a seekable stream resumes at the next plausible record start
    (a candidate that does not parse either is passed over silently); any other stream
    stops there.
    """
    seekable = stream.seekable()
    resumed = False
    last_ok = -1  # start of the last record read whole
    floor = -1  # where reading last resumed: the next scan starts after it
    reported: set[int] = set()  # offsets already reported broken: each is reported once
    while True:
        fatal_at: int | None = None
        for step in _iter_from(stream, name=name, path=path, settings=settings):
            first_after_resume = resumed
            resumed = False
            if step.error is not None:
                if not (step.fatal and first_after_resume) and step.offset not in reported:
                    # a resume may start at the broken record again, which can then fail
                    # in another way (read afresh rather than after the record before it)
                    reported.add(step.offset)
                    yield _failure(name, path, step.offset, step.error, step.doc_id)
                if step.fatal:
                    fatal_at = step.offset
                else:
                    last_ok = max(last_ok, step.offset)
            elif step.doc is not None:
                last_ok = max(last_ok, step.offset)
                yield step.doc
        if fatal_at is None or not seekable:
            return
        # A damaged record can surface as the failure of the record after it, so scan from
        # just after the last record read whole (each resume moves the scan on), not from
        # where the failure was seen: a good record in between is not skipped.
        try:
            start = _next_start(stream, max(last_ok, floor), compressed)
        except OSError as exc:
            raise InputError(f"cannot read file ({exc})") from exc
        if start is None:
            return
        stream.seek(start)
        floor = start
        resumed = True


def open_warc(path: Path) -> BinaryIO:
    """The raw file: warcio decompresses record-gzipped WARCs itself, member by member."""
    return path.open("rb")
