"""Lenient decoding with a record (issue 13, item 3).

A few undecodable bytes in otherwise good text are replaced, the document is read (and
coded), and it carries a warning with the count of replaced bytes; input that is binary
through and through is still rejected, once per file and not once per line.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from accord.config import Settings
from accord.errors import DecodeError
from accord.ingest import document_from_bytes, iter_documents
from accord.model import DocResult, Document, Failure

SETTINGS = Settings()

PARAGRAPHS = (
    "BEIJING: Chinese President Xi Jinping held talks with Russian President Vladimir Putin "
    "on Wednesday, the foreign ministry said.",
    "Russian police arrested Pakistani students in Moscow on Tuesday.",
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.",
    "The “working visit” was described by officials in Paris as a success, and both leaders "
    "promised to meet again in the café district of Montréal before the end of the year.",
    "Opposition leaders in Caracas accused the government of fraud after the vote, and "
    "protesters gathered outside the electoral council’s headquarters for a second night.",
)


def article(size: int = 6000) -> str:
    """An English news text of about ``size`` bytes in UTF-8, with curly quotes and accents."""
    parts: list[str] = []
    while len("\n\n".join(parts).encode()) < size:
        parts.append(PARAGRAPHS[len(parts) % len(PARAGRAPHS)])
    return "\n\n".join(parts)


def with_stray_byte(text: str, stray: bytes = b"\x92", after: bytes = b"\n\n") -> tuple[bytes, int]:
    """``text`` in UTF-8 with ``It<stray>s quiet now.`` put in its middle (at the start of a
    paragraph: after ``after``); (the bytes, the offset of ``stray``)."""
    data = text.encode()
    middle = data.index(after, len(data) // 2) + len(after)
    data = data[:middle] + b"It" + stray + b"s quiet now. " + data[middle:]
    return data, middle + 2


def run(paths: list[Path]) -> list[Document | Failure]:
    return list(iter_documents([str(p) for p in paths], SETTINGS))


def only_doc(items: list[Document | Failure]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_one_stray_cp1252_byte_in_a_utf8_article_is_replaced_and_noted(tmp_path: Path) -> None:
    data, offset = with_stray_byte(article())
    assert 5500 < len(data) < 7000
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    d = only_doc(run([path]))
    # A lone byte that windows-1252 reads as punctuation is read so: the apostrophe.
    assert "It’s quiet now." in d.text
    assert "“working visit”" in d.text and "Montréal" in d.text
    assert d.metadata["replaced_bytes"] == 1
    assert len(d.warnings) == 1
    w = d.warnings[0]
    assert (w.doc_id, w.origin, w.stage, w.code) == ("story.txt", str(path), "ingest", "replaced")
    assert "1 undecodable byte replaced" in w.message
    assert f"at byte {offset}" in w.message


@pytest.mark.parametrize("stray", [b"\xff", b"\xc3(", b"\xe2\x80"])
def test_bytes_with_no_reading_become_the_replacement_character(stray: bytes) -> None:
    data, _ = with_stray_byte(article(), stray)
    d = document_from_bytes(data, doc_id="d", origin=None, kind="text", settings=SETTINGS)
    assert "It\ufffd" in d.text
    bad = 1 if stray == b"\xc3(" else len(stray)
    assert d.metadata["replaced_bytes"] == bad
    assert [w.code for w in d.warnings] == ["replaced"]
    assert f"{bad} undecodable byte" in d.warnings[0].message


def test_a_stray_byte_in_an_html_page_is_replaced(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in article().split("\n\n"))
    page = f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"
    data, _ = with_stray_byte(page, after=b"<p>")
    path = tmp_path / "page.html"
    path.write_bytes(data)
    d = only_doc(run([path]))
    assert "It’s quiet now." in d.text
    assert [w.code for w in d.warnings] == ["replaced"]


def test_a_stray_byte_in_a_jsonl_record_is_replaced(tmp_path: Path) -> None:
    text = article()
    data, _ = with_stray_byte(text)
    record = json.dumps({"id": "r1", "text": "x"}, ensure_ascii=False).encode()
    line = record.replace(b'"x"', json.dumps(text, ensure_ascii=False).encode())
    stray_line = record.replace(
        b'"x"', b'"' + data.replace(b"\n", b"\\n").replace(b'"', b'\\"') + b'"'
    ).replace(b'"r1"', b'"r2"')
    path = tmp_path / "batch.jsonl"
    path.write_bytes(line + b"\n" + stray_line + b"\n")
    items = run([path])
    assert [type(i).__name__ for i in items] == ["Document", "Document"]
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.warnings == ()
    assert "It’s quiet now." in second.text
    assert second.metadata["replaced_bytes"] == 1
    assert [(w.doc_id, w.origin, w.code) for w in second.warnings] == [
        ("r2", f"{path}:2", "replaced")
    ]


def test_text_with_many_bad_bytes_is_still_undecodable() -> None:
    text = article()
    data = text.encode()
    step = len(data) // 80  # 80 bad bytes: well over 1% of the input
    damaged = b"".join(data[i : i + step] + b"\xff" for i in range(0, len(data), step))
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte"):
        document_from_bytes(damaged, doc_id="d", origin=None, kind="text", settings=SETTINGS)


def _noise(size: int, seed: int = 13) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.randrange(256) for _ in range(size))


def test_a_binary_file_named_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "noise.jsonl"
    path.write_bytes(_noise(1 << 20))
    items = run([path])
    assert len(items) == 1, (len(items), items[:3])
    f = items[0]
    assert isinstance(f, Failure)
    assert (f.doc_id, f.origin, f.stage, f.code) == ("noise.jsonl", str(path), "ingest", "binary")
    assert "binary content" in f.message and "not read" in f.message


def test_a_pdf_named_jsonl_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    lines = [b"%PDF-1.7", b"%\xe2\xe3\xcf\xd3", b"1 0 obj << /Type /Catalog >>", b"endobj"] * 50
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = run([path])
    assert len(items) == 1, items[:3]
    assert isinstance(items[0], Failure)
    assert (items[0].doc_id, items[0].code) == ("report.jsonl", "binary")
    assert "PDF" in items[0].message


def test_a_binary_stretch_inside_jsonl_is_one_failure_and_reading_goes_on(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"ok{i}", "text": PARAGRAPHS[i]}).encode() for i in range(3)]
    noise = _noise(64 * 1024, seed=5)
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good[0] + b"\n" + noise + b"\n" + good[1] + b"\n" + good[2] + b"\n")
    items = run([path])
    docs = [i.id for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert docs == ["ok0", "ok1", "ok2"]
    assert len(fails) == 1, [(f.doc_id, f.message) for f in fails[:5]]
    f = fails[0]
    last = 2 + noise.count(b"\n")
    assert (f.doc_id, f.origin, f.code) == ("mixed.jsonl:2", f"{path}:2", "binary")
    assert f.message.startswith(f"lines 2-{last}: binary content")


@pytest.mark.model
def test_the_article_with_a_stray_byte_is_coded(tmp_path: Path, coder: Any) -> None:
    data, _ = with_stray_byte(article())
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    results = list(coder.code_inputs([str(path)]))
    assert len(results) == 1
    r = results[0]
    assert isinstance(r, DocResult) and not r.failures
    assert r.events, "the article's events are coded"
    assert [w.code for w in r.doc.warnings] == ["replaced"]
