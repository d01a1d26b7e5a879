"""A feed whose XML declaration names an encoding that is not text (found by the fuzz tier,
tests/fuzz).

feedparser decodes the declared encoding's name as UTF-8 and then decodes the file with it:
a byte such as ``\\x80`` in the name raises UnicodeDecodeError, a NUL raises "ValueError:
embedded null character", and ``accord.ingest.feeds.iter_feed`` let both out: one such
file stopped ``accord code`` and ``accord ingest`` with "internal error", every other input
lost. The file is one failure of its own (or its entries are read), and the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.config import Settings
from accord.ingest import iter_documents
from accord.ingest.feeds import iter_feed
from accord.model import Document, Failure

BODY = (
    b'<rss version="2.0"><channel><item><title>Police arrested protesters in Berlin.</title>'
    b"<guid>g1</guid></item></channel></rss>"
)
DECLARATIONS = [
    b'<?xml version="1.0" encoding="\x80"?>',
    b'<?xml version="1.0" encoding="utf\x008"?>',
]


@pytest.mark.parametrize("declaration", DECLARATIONS)
def test_a_bad_encoding_declaration_is_the_feeds_failure(declaration: bytes) -> None:
    out = list(iter_feed(declaration + BODY, name="f.rss", origin="f.rss", settings=Settings()))
    assert out
    for item in out:
        if isinstance(item, Failure):
            assert (item.doc_id, item.stage) == ("f.rss", "ingest")
            assert item.code in ("malformed", "undecodable")
        else:
            assert isinstance(item, Document) and "Berlin" in item.text


@pytest.mark.parametrize("declaration", DECLARATIONS)
def test_the_inputs_beside_it_are_read(tmp_path: Path, declaration: bytes) -> None:
    (tmp_path / "a.txt").write_text("Russian police arrested Pakistani students in Moscow.\n")
    (tmp_path / "b.rss").write_bytes(declaration + BODY)
    (tmp_path / "c.txt").write_text("The president of France met the German chancellor.\n")
    out = list(iter_documents([str(tmp_path)], Settings()))
    documents = [d.id for d in out if isinstance(d, Document)]
    assert documents[0] == "a.txt" and documents[-1] == "c.txt"
    assert all(f.code in ("malformed", "undecodable") for f in out if isinstance(f, Failure))
