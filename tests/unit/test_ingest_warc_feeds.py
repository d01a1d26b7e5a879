"""WARC/ARC and RSS/Atom inputs, and streaming in bounded memory (fixtures written here)."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
import tracemalloc
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import accord.ingest.readers as readers
from accord.config import Settings
from accord.ingest import iter_documents
from accord.ingest.feeds import html_to_text, looks_like_feed
from accord.model import Document, Failure

SETTINGS = Settings()

PARAS = (
    "The foreign ministers of the two countries met in Geneva on Tuesday and agreed to "
    "resume formal peace talks next month, officials from both delegations said.",
    "The talks had been suspended since the autumn, when a border incident left three "
    "soldiers dead and both governments recalled their ambassadors.",
)


def page(title: str, *, date: str | None = None, extra: str = "") -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAS)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Contact us</footer></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    url: str,
    payload: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    warc_date: str = "2026-01-16T10:00:00Z",
) -> Any:
    http = StatusAndHeaders(
        status,
        [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        length=len(payload),
        http_headers=http,
        warc_headers_dict={"WARC-Date": warc_date},
    )


def write_warc(
    path: Path, records: list[tuple[str, bytes, dict[str, Any]]], gz: bool, seed: int = 0
) -> list[int]:
    """Write a warcinfo record then one response per entry; return each response's offset.
    Record ids and the warcinfo date come from ``seed``, so the bytes written (compressed
    ones included) are the same on every run."""
    ids = random.Random(seed)
    offsets: list[int] = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer._make_warc_id = lambda: f"<urn:uuid:{uuid.UUID(int=ids.getrandbits(128))}>"
        writer._make_warc_date = lambda **_: "2026-01-16T10:00:00Z"
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for url, payload, options in records:
            offsets.append(fh.tell())
            writer.write_record(response(writer, url, payload, **options))
    return offsets


def run(*inputs: str | Path, settings: Settings = SETTINGS) -> list[Document | Failure]:
    return list(iter_documents([str(i) for i in inputs], settings))


def docs(items: list[Document | Failure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


# ---------------------------------------------------------------------- WARC


@pytest.mark.parametrize("gz", [True, False])
def test_warc_reads_html_responses_and_skips_the_rest(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(
        path,
        [
            ("https://news.example.com/a", page("Talks resume", date="2026-01-15"), {}),
            (
                "https://news.example.com/logo.png",
                b"\x89PNG\r\n\x1a\n....",
                {"content_type": "image/png"},
            ),
            ("https://news.example.com/old", b"", {"status": "301 Moved Permanently"}),
            ("https://other.example.org/b", page("Border talks", extra="More."), {}),
        ],
        gz,
    )
    items = run(path)
    assert failures(items) == []
    got = docs(items)
    assert [d.id for d in got] == ["https://news.example.com/a", "https://other.example.org/b"]
    assert [d.url for d in got] == [d.id for d in got]
    # The page's own date wins; a page without one takes the capture date.
    assert [d.date for d in got] == [dt.date(2026, 1, 15), dt.date(2026, 1, 16)]
    assert "Geneva on Tuesday" in got[0].text and "Home" not in got[0].text
    assert got[0].title == "Talks resume"
    assert got[0].metadata["warc_date"] == "2026-01-16"
    assert got[0].origin is not None and got[0].origin.startswith(f"{path}@")


def test_warc_page_date_after_capture_falls_back_to_capture_date(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    write_warc(path, [("https://e.com/a", page("T", date="2030-05-01"), {})], True)
    (only,) = docs(run(path))
    assert only.date == dt.date(2026, 1, 16)


@pytest.mark.parametrize("gz", [True, False])
def test_broken_warc_record_is_a_failure_with_offset_and_reading_goes_on(
    tmp_path: Path, gz: bool
) -> None:
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    urls = [f"https://e.com/{n}" for n in range(4)]
    offsets = write_warc(path, [(u, page(f"Story {u[-1]}"), {}) for u in urls], gz)
    data = bytearray(path.read_bytes())
    bad = offsets[1]
    if gz:  # damage the compressed body of the second response's gzip member
        data[bad + 30 : bad + 60] = b"\x00" * 30
    else:  # damage its WARC header line
        assert data[bad : bad + 5] == b"WARC/"
        data[bad : bad + 5] = b"XXXX/"
    path.write_bytes(bytes(data))
    items = run(path)
    assert [d.id for d in docs(items)] == [urls[0], urls[2], urls[3]]
    (fail,) = failures(items)
    assert fail.origin == f"{path}@{bad}"
    assert f"offset {bad}" in fail.message
    assert fail.code == "undecodable"


@pytest.mark.parametrize("cut", [40, 300])  # in the record's header / in its payload
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, [(f"https://e.com/{n}", page(f"S{n}"), {}) for n in range(3)], True)
    path.write_bytes(path.read_bytes()[: offsets[2] + cut])
    items = run(path)
    assert [d.id for d in docs(items)] == ["https://e.com/0", "https://e.com/1"]
    (fail,) = failures(items)
    assert fail.origin == f"{path}@{offsets[2]}"


def test_oversized_warc_payload_is_a_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    big = page("Big", extra="word " * 5000)
    offsets = write_warc(
        path, [("https://e.com/big", big, {}), ("https://e.com/ok", page("Ok"), {})], True
    )
    items = run(path, settings=Settings().replace(max_document_bytes=len(big) - 1))
    assert [d.id for d in docs(items)] == ["https://e.com/ok"]
    (fail,) = failures(items)
    assert (fail.doc_id, fail.code, fail.origin) == (
        "https://e.com/big",
        "oversized",
        f"{path}@{offsets[0]}",
    )


def test_warc_found_in_folders_and_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "a.warc.gz", [("https://e.com/a", page("A"), {})], True)
    write_warc(tmp_path / "crawl.dat", [("https://e.com/b", page("B"), {})], False)
    assert [d.id for d in docs(run(tmp_path / "in"))] == ["https://e.com/a"]
    assert [d.id for d in docs(run(tmp_path / "crawl.dat"))] == ["https://e.com/b"]


def test_warc_honours_the_http_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.warc"
    html = page("Caf\u00e9 talks", extra="Caf\u00e9 owners protested.").decode().encode("latin-1")
    write_warc(
        path, [("https://e.com/c", html, {"content_type": "text/html; charset=iso-8859-1"})], False
    )
    (only,) = docs(run(path))
    assert "Café owners protested." in only.text


def test_arc_file(tmp_path: Path) -> None:
    body = page("Arc story")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    header = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    first = b"filedesc://t.arc 0.0.0.0 20050614070144 text/plain %d\n" % len(header) + header
    rec = b"http://e.com/arc 1.2.3.4 20050614070159 text/html %d\n" % len(http) + http
    path = tmp_path / "t.arc"
    path.write_bytes(first + b"\n" + rec + b"\n")
    (only,) = docs(run(path))
    assert (only.id, only.date) == ("http://e.com/arc", dt.date(2005, 6, 14))
    assert "Geneva" in only.text


# ---------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.com/</link>
<item>
  <title>Ministers agree to resume talks</title>
  <link>https://wire.example.com/talks</link>
  <guid>wire-1</guid>
  <pubDate>Thu, 15 Jan 2026 09:30:00 GMT</pubDate>
  <description>&lt;p&gt;The foreign ministers met in &lt;b&gt;Geneva&lt;/b&gt; on Tuesday.&lt;/p&gt;
  &lt;p&gt;Talks resume next month.&lt;/p&gt;</description>
</item>
<item>
  <title>Short note</title>
  <link>https://wire.example.com/note</link>
  <description>A short summary.</description>
  <content:encoded><![CDATA[<p>The full story: police arrested two protesters.</p>
  <script>x()</script>]]></content:encoded>
</item>
<item><guid>empty-1</guid></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><id>urn:uuid:1</id><title>Leaders meet</title>
<link href="https://atom.example.org/meet"/><updated>2026-02-04T12:00:00Z</updated>
<published>2026-02-03T08:00:00Z</published>
<summary type="html">&lt;p&gt;The two leaders met in Beijing.&lt;/p&gt;</summary></entry>
</feed>
"""


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    items = run(path)
    first, second = docs(items)
    assert first.id == "wire-1" and first.url == "https://wire.example.com/talks"
    assert first.date == dt.date(2026, 1, 15)
    assert first.title == "Ministers agree to resume talks"
    assert first.source == "Example Wire"
    assert first.text == (
        "Ministers agree to resume talks\n\n"
        "The foreign ministers met in Geneva on Tuesday.\n\nTalks resume next month."
    )
    assert second.id == "https://wire.example.com/note"  # no guid: the link
    assert "police arrested two protesters" in second.text and "x()" not in second.text
    (fail,) = failures(items)
    assert (fail.doc_id, fail.code) == ("empty-1", "empty")
    assert fail.message.startswith("entry 3:")


def test_atom_feed_and_xml_sniffing(tmp_path: Path) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "news.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "feeds" / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://e.com/</loc></url></urlset>',
        encoding="utf-8",
    )
    (tmp_path / "feeds" / "wire.atom.gz").write_bytes(gzip.compress(ATOM.encode()))
    items = run(tmp_path / "feeds")
    got = docs(items)
    assert [(d.id, d.origin) for d in got] == [("urn:uuid:1", f"{tmp_path / 'feeds/news.xml'}#1")]
    # wire.atom.gz is read as a feed too; its entry repeats the id (issue 13, item 2): the
    # first is kept, the repeat reported, never a second document under one id
    (repeated,) = failures(items)
    assert (repeated.doc_id, repeated.origin, repeated.code) == (
        "urn:uuid:1",
        f"{tmp_path / 'feeds/wire.atom.gz'}#1",
        "duplicate_id",
    )
    assert "the same text as the first" in repeated.message
    assert got[0].date == dt.date(2026, 2, 3)  # published, not updated
    assert got[0].url == "https://atom.example.org/meet"
    assert got[0].text == "Leaders meet\n\nThe two leaders met in Beijing."


def test_unreadable_feed_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.rss"
    path.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    (fail,) = failures(run(path))
    assert fail.doc_id == "bad.rss" or fail.code in {"malformed", "empty"}


def test_feed_helpers() -> None:
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<html><body><rss>")
    assert html_to_text("<div>One<br>two</div><p>Three &amp; four</p>") == (
        "One\n\ntwo\n\nThree & four"
    )
    assert html_to_text("plain  text") == "plain text"


# ---------------------------------------------------------------------- streaming


class Counting(io.RawIOBase):
    """Counts the bytes read through it."""

    def __init__(self, inner: BinaryIO) -> None:
        super().__init__()
        self.inner = inner
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.inner.seekable()

    def seek(self, pos: int, whence: int = 0) -> int:
        return self.inner.seek(pos, whence)

    def tell(self) -> int:
        return self.inner.tell()

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.read_bytes += len(data)
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def _words(n: int, seed: int) -> str:
    vocab = ["ministers", "talks", "border", "agreed", "police", "capital", "rally", "trade"]
    return " ".join(vocab[(seed * 7 + k * 13 + k * k) % len(vocab)] + str(k % 97) for k in range(n))


def test_gzipped_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for n in range(4000):
            fh.write(json.dumps({"id": f"d{n}", "text": _words(400, n)}) + "\n")
    size = len(gzip.decompress(path.read_bytes()))
    assert size > 12_000_000

    tracemalloc.start()
    try:
        count = 0
        for item in iter_documents([str(path)], SETTINGS):
            assert isinstance(item, Document)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4000
    assert peak < size / 10, (peak, size)  # a few records' worth, not the file


def test_readers_pull_bytes_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first document arrives after reading a small prefix of a large input."""
    opened: list[Counting] = []

    def counting(open_file: Any) -> Any:
        def wrapped(*args: Any) -> Any:
            stream = Counting(open_file(*args))
            opened.append(stream)
            return io.BufferedReader(stream)

        return wrapped

    monkeypatch.setattr(readers, "_open", counting(readers._open))
    monkeypatch.setattr(readers, "open_warc", counting(readers.open_warc))

    jsonl = tmp_path / "many.jsonl.gz"
    with gzip.open(jsonl, "wt", encoding="utf-8", compresslevel=1) as fh:
        for n in range(3000):
            fh.write(json.dumps({"id": f"d{n}", "text": _words(300, n)}) + "\n")
    warc = tmp_path / "many.warc.gz"
    write_warc(
        warc,
        [(f"https://e.com/{n}", page(f"S{n}", extra=_words(500, n)), {}) for n in range(800)],
        True,
    )

    for path in (jsonl, warc):
        opened.clear()
        stream: Iterator[Document | Failure] = iter_documents([str(path)], SETTINGS)
        first = next(stream)
        assert isinstance(first, Document)
        raw = path.read_bytes()
        total = len(raw) if path is warc else len(gzip.decompress(raw))
        read = opened[-1].read_bytes
        assert read < total / 20, (path.name, read, total)
        stream.close()


def test_a_broken_compressed_record_is_reported_once_whatever_its_bytes(tmp_path: Path) -> None:
    """Record ids change the compressed bytes, and with them how the damaged member fails:
    read after the record before it, or afresh where reading resumes. About one write in
    30 used to report the same record twice."""
    urls = [f"https://e.com/{n}" for n in range(4)]
    # seeds 89, 110 and 119 are among those that reported the record twice; the rest vary
    for seed in [*range(20), 89, 110, 119]:
        path = tmp_path / f"broken{seed}.warc.gz"
        offsets = write_warc(path, [(u, page(f"Story {u[-1]}"), {}) for u in urls], True, seed)
        data = bytearray(path.read_bytes())
        data[offsets[1] + 30 : offsets[1] + 60] = b"\x00" * 30
        path.write_bytes(bytes(data))
        items = run(path)
        assert [d.id for d in docs(items)] == [urls[0], urls[2], urls[3]], seed
        (fail,) = failures(items)  # once, however the damaged member fails
        # at the damaged record, or where warcio, having read it without complaint, meets
        # the unreadable data after it (the docstring of iter_warc)
        assert fail.origin is not None
        assert int(fail.origin.rsplit("@", 1)[1]) >= offsets[1], seed
