"""The byte streams under the readers (:mod:`accord.ingest.readers`).

A sniffed head put back before the rest of a stream (:class:`_Chain`); gzip files
decompressed so that a truncated or corrupt one keeps every byte before the break and raises
:class:`~accord.errors.DecodeError` where its end would be (:class:`_Gunzip`,
:func:`_check_end`); lines and whole documents read within ``max_document_bytes``
(:func:`_read_lines`, :func:`_read_bounded`); and an error raised while reading, as the
accord error it is recorded as (:func:`_read_error`).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from accord.config import Settings
from accord.errors import AccordError, DecodeError, InputError, OversizedInput

_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_CHUNK = 1 << 16


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


class _Gunzip(io.BufferedIOBase):
    """The decompressed bytes of a gzip file, every member in turn (zero padding after the
    last one is allowed, as :mod:`gzip` allows it).

    Truncated or corrupt data does not raise in the middle of a read, where the bytes that
    read had gathered would be lost: the read returns them, and the next read raises
    :class:`DecodeError` naming the problem (as does every read after it). So a reader sees
    every byte decompressed before the problem, then the error where the end would be.
    ``gzip.GzipFile`` raises at once, and a buffered reader over it drops what it had
    gathered: the last whole records of a truncated ``.jsonl.gz``. Memory stays bounded by
    the chunk size, whatever the compression ratio."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self._z = zlib.decompressobj(31)
        self._out = b""
        self._pos = 0
        self._ended = False
        self._problem: str | None = None

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def read(self, size: int | None = -1) -> bytes:
        limit = size if size is not None and size >= 0 else None
        parts: list[bytes] = []
        got = 0
        while limit is None or got < limit:
            if self._pos >= len(self._out):
                if self._ended:
                    break
                self._out, self._pos = self._decompress(), 0
                continue
            take = len(self._out) - self._pos if limit is None else limit - got
            part = self._out[self._pos : self._pos + take]
            self._pos += len(part)
            got += len(part)
            parts.append(part)
        if not parts and self._problem is not None and (limit is None or limit > 0):
            raise DecodeError(f"corrupt gzip data ({self._problem})")
        return b"".join(parts)

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)

    def _stop(self, problem: str | None = None) -> bytes:
        self._ended = True
        self._problem = problem
        return b""

    def _decompress(self) -> bytes:
        z = self._z
        if z.eof:
            rest = z.unused_data.lstrip(b"\x00")
            while len(rest) < len(_GZIP_MAGIC):
                more = self._raw.read(_GZIP_CHUNK)
                if not more:
                    break
                rest = (rest + more).lstrip(b"\x00")
            if not rest:
                return self._stop()
            if not rest.startswith(_GZIP_MAGIC):
                return self._stop("data after the last gzip member is not gzip")
            self._z = z = zlib.decompressobj(31)
            data = rest
        elif z.unconsumed_tail:
            data = z.unconsumed_tail
        else:
            data = self._raw.read(_GZIP_CHUNK)
            if not data:
                return self._stop(
                    "truncated: compressed file ended before the end-of-stream marker was reached"
                )
        try:
            return z.decompress(data, _GZIP_CHUNK)
        except zlib.error as exc:
            return self._stop(str(exc))


def _check_end(stream: BinaryIO) -> None:
    """Read once more at the end of a compressed file: a gzip stream (:class:`_Gunzip`) that
    ended early raises its DecodeError here; a whole one reads nothing more."""
    stream.read(1)


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


def _read_bounded(stream: BinaryIO, settings: Settings, head: bytes = b"") -> bytes:
    limit = settings.max_document_bytes
    data = head + stream.read(max(limit + 1 - len(head), 0))
    if len(data) > limit:
        raise OversizedInput(
            f"document is over {limit:,} bytes (max_document_bytes); reading stopped there"
        )
    return data


def _read_error(exc: BaseException) -> AccordError:
    if isinstance(exc, gzip.BadGzipFile | EOFError | zlib.error):
        return DecodeError(f"corrupt gzip data ({exc})")
    if isinstance(exc, OSError):
        return InputError(f"cannot read file ({exc.strerror or exc})")
    return InputError(f"cannot read file ({exc})")
