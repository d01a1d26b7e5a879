"""Fuzz tier: the readers (accord.ingest) turn any bytes into documents or clean failures.

Whatever a file holds (text, HTML, JSON lines, a feed, a WARC, gzip, arbitrary or damaged
bytes) and whatever its name says it is, reading it never raises: every item is a
:class:`Document` with text, or a :class:`Failure` of the ingest stage with a known reason
code. The pieces the readers call (decoding, HTML extraction, feeds, WARC records) raise
nothing but accord's own input errors."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.config import Settings
from accord.errors import InputError
from accord.ingest import iter_documents
from accord.ingest.decode import decode_bytes
from accord.ingest.feeds import iter_feed
from accord.ingest.html import extract_html
from accord.ingest.warc import iter_warc
from accord.model import Document, Failure
from tests.fuzz.inputs import (
    encoded,
    feed_bytes,
    file_inputs,
    fuzz,
    html_page,
    jsonl_text,
    mutated,
    payloads,
    warc_bytes,
)

pytestmark = pytest.mark.fuzz


CODES = frozenset(
    {
        "input", "empty", "binary", "undecodable", "oversized", "malformed", "too_deep",
        "missing", "duplicate_id",
    }
)  # fmt: skip
"""The reason codes of ingest failures (accord.errors); anything else, such as the name of
an exception type, is an exception the readers did not expect."""

_limits = st.one_of(
    st.just(Settings()),
    st.builds(
        lambda doc, feed: Settings().replace(max_document_bytes=doc, max_feed_bytes=feed),
        st.integers(min_value=16, max_value=4096),
        st.integers(min_value=16, max_value=8192),
    ),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz-inputs")


def _check(items: Iterable[Document | Failure]) -> list[Document | Failure]:
    out = list(items)
    for item in out:
        if isinstance(item, Document):
            assert isinstance(item.id, str) and item.id
            assert isinstance(item.text, str) and item.text.strip()
        else:
            assert isinstance(item, Failure), item
            assert item.stage == "ingest", item
            assert item.code in CODES, item
            assert item.message and item.doc_id, item
    return out


@fuzz(600, first_failure_only=True)
@given(file_inputs(), _limits)
def test_any_file_reads_as_documents_or_clean_failures(
    folder: Path, given_file: tuple[str, bytes], settings: Settings
) -> None:
    suffix, data = given_file
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        out = _check(iter_documents([str(path)], settings))
    finally:
        path.unlink()
    assert out  # every input gives something: documents, or a failure saying why not


@fuzz(400)
@given(mutated(payloads), _limits)
def test_any_stdin_reads_as_documents_or_clean_failures(data: bytes, settings: Settings) -> None:
    assert _check(iter_documents(["-"], settings, stdin=io.BytesIO(data)))


@fuzz(400)
@given(st.one_of(st.binary(max_size=400), encoded(html_page), encoded(jsonl_text)), st.booleans())
def test_decoding_raises_only_input_errors(data: bytes, html: bool) -> None:
    try:
        decoded = decode_bytes(data, html=html)
    except InputError:
        return
    assert isinstance(decoded.text, str)


@fuzz(300)
@given(html_page)
def test_html_extraction_raises_only_input_errors(page: str) -> None:
    try:
        article = extract_html(page)
    except InputError:
        return
    assert article.text.strip()


@fuzz(300, first_failure_only=True)
@given(mutated(feed_bytes))
def test_a_feed_gives_documents_or_clean_failures(data: bytes) -> None:
    assert _check(iter_feed(data, name="feed.rss", origin="feed.rss", settings=Settings()))


class _OneWay(io.BufferedReader):
    """A stream that cannot seek (a pipe): the WARC reader cannot resynchronise in it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))  # type: ignore[arg-type]

    def seekable(self) -> bool:
        return False


@fuzz(300)
@given(mutated(warc_bytes), st.booleans())
def test_a_warc_stream_gives_documents_or_clean_failures(data: bytes, seekable: bool) -> None:
    stream: BinaryIO = io.BytesIO(data) if seekable else _OneWay(data)
    with contextlib.suppress(InputError):  # what the readers turn into the file's failure
        _check(
            iter_warc(stream, name="a.warc", path="a.warc", settings=Settings(), compressed=False)
        )
