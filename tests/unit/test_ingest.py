"""Ingest: every reader path, every failure code, encodings, ids, JSONL metadata."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from accord.config import Settings
from accord.errors import BinaryInput, DecodeError, EmptyInput, InputError, OversizedInput
from accord.ingest import document_from_bytes, iter_documents, parse_date
from accord.model import Document, Failure

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
SETTINGS = Settings()
BODY = "The ministers met in Geneva on Tuesday and agreed to resume talks next month."

HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Talks resume | Daily Example</title>"
    '<meta property="og:site_name" content="Daily Example">'
    '<meta property="article:published_time" content="2026-01-15">'
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>"
    "<p>The foreign ministers of the two countries met in Geneva on Tuesday and agreed to "
    "resume formal peace talks next month, officials from both delegations said.</p>"
    "<p>The talks had been suspended since the autumn, when a border incident left three "
    "soldiers dead and both governments recalled their ambassadors.</p>"
    "</article><footer>Contact us</footer></body></html>"
)


def run(
    inputs: Sequence[str], stdin: bytes | None = None, settings: Settings = SETTINGS
) -> list[Document | Failure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_documents(inputs, settings, stdin=stream))


def only(items: list[Document | Failure]) -> Document | Failure:
    assert len(items) == 1, items
    return items[0]


def doc(item: Document | Failure) -> Document:
    assert isinstance(item, Document), item
    return item


def failure(item: Document | Failure) -> Failure:
    assert isinstance(item, Failure), item
    return item


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


# --- reader paths -------------------------------------------------------------------------


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(BODY, encoding="utf-8")
    d = doc(only(run([str(path)])))
    assert d.id == "note.txt"
    assert d.origin == str(path)
    assert d.text == BODY
    assert d.date is None and d.title is None
    assert "encoding" not in d.metadata


@pytest.mark.parametrize("name", ["page.html", "page.htm"])
def test_html_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HTML_PAGE, encoding="utf-8")
    d = doc(only(run([str(path)])))
    assert d.id == name
    assert "agreed to resume formal peace talks" in d.text
    assert "<" not in d.text and "Home" not in d.text
    assert d.title == "Talks resume"
    assert d.source == "Daily Example"
    assert d.date == dt.date(2026, 1, 15)
    assert "\n\n" in d.text  # paragraphs separated by blank lines


def test_html_fixture_metadata_and_boilerplate() -> None:
    d = doc(only(run([str(FIXTURES / "article.html")])))
    assert d.title == "Ministers agree on river water accord"
    assert d.author == "Ana Ruiz"
    assert d.source == "The Valley Gazette"
    assert d.date == dt.date(2026, 2, 4)
    assert d.url == "https://gazette.example/2026/02/04/river-accord"
    assert "signed an agreement on Wednesday" in d.text
    assert "protect the harvest" in d.text
    for junk in ("LEAVE A REPLY", "Please enter", "Related Articles", "Drought hits", "©"):
        assert junk not in d.text


def test_html_without_article_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><nav></nav></body></html>")
    f = failure(only(run([str(path)])))
    assert f.code == "empty"
    assert "no article text found in HTML" in f.message


def test_jsonl_records_ids_dates_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        jsonl(
            {
                "id": 42,
                "text": BODY,
                "title": "T",
                "date": "2026-02-04",
                "url": "http://x/1",
                "source": "Wire",
                "author": "A. Writer",
                "lang": "en",
                "tags": ["a", "b"],
            },
            {"text": BODY, "date": "2026-02-04T10:20:00Z"},
            {"id": "c", "text": BODY, "date": "next Tuesday"},
        )
    )
    items = [doc(i) for i in run([str(path)])]
    assert [d.id for d in items] == ["42", "batch.jsonl:2", "c"]
    assert [d.origin for d in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first = items[0]
    assert (first.title, first.url, first.source, first.author) == (
        "T",
        "http://x/1",
        "Wire",
        "A. Writer",
    )
    assert first.date == dt.date(2026, 2, 4)
    assert dict(first.metadata) == {"lang": "en", "tags": ["a", "b"]}
    assert items[1].date == dt.date(2026, 2, 4)
    assert items[2].date is None
    assert items[2].metadata["date_raw"] == "next Tuesday"


def test_jsonl_html_record_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_bytes(jsonl({"id": "p1", "html": HTML_PAGE, "title": "Own title"}))
    d = doc(only(run([str(path)])))
    assert d.title == "Own title"  # the record's fields win over HTML metadata
    assert d.source == "Daily Example"
    assert "resume formal peace talks" in d.text and "<p>" not in d.text


def test_jsonl_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        jsonl({"id": "ok1", "text": BODY})
        + b"{not json\n"
        + b"\n"
        + jsonl(
            [1, 2],
            {"id": "no-text", "title": "x"},
            {"id": "bad", "text": 5},
            {"id": "empty", "text": "   "},
            {"id": 1.5, "text": BODY},
            {"id": "ok2", "text": BODY},
        )
    )
    items = run([str(path)])
    assert [i.id for i in items if isinstance(i, Document)] == ["ok1", "ok2"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [(f.doc_id, f.code) for f in failures] == [
        ("mixed.jsonl:2", "malformed"),
        ("mixed.jsonl:4", "malformed"),
        ("no-text", "malformed"),
        ("bad", "malformed"),
        ("empty", "empty"),
        ("mixed.jsonl:8", "malformed"),
    ]
    assert failures[0].message.startswith("line 2: invalid JSON")
    assert failures[0].origin == f"{path}:2"
    assert all(f.stage == "ingest" and "\n" not in f.message for f in failures)


def test_jsonl_oversized_line_is_skipped_without_stopping(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(jsonl({"id": "a", "text": "x" * 5000}, {"id": "b", "text": BODY}))
    items = run([str(path)], settings=SETTINGS.replace(max_document_bytes=1000))
    assert failure(items[0]).code == "oversized"
    assert failure(items[0]).doc_id == "big.jsonl:1"
    assert doc(items[1]).id == "b"


@pytest.mark.parametrize("inner", ["a.txt", "a.html", "a.jsonl"])
def test_gzip_by_inner_name(tmp_path: Path, inner: str) -> None:
    path = tmp_path / f"{inner}.gz"
    payload = {
        "a.txt": BODY.encode(),
        "a.html": HTML_PAGE.encode(),
        "a.jsonl": jsonl({"id": "z", "text": BODY}),
    }[inner]
    path.write_bytes(gzip.compress(payload))
    d = doc(only(run([str(path)])))
    assert d.id == ("z" if inner.endswith("jsonl") else f"{inner}.gz")
    assert "Geneva" in d.text


def test_corrupt_gzip_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt.gz"
    path.write_bytes(gzip.compress(BODY.encode())[:20])
    f = failure(only(run([str(path)])))
    assert f.code == "undecodable"


def test_folder_recursion_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.txt").write_text(BODY)
    (tmp_path / "b" / "one.htm").write_text(HTML_PAGE)
    (tmp_path / "a" / "deep" / "two.txt").write_text(BODY)
    (tmp_path / "a" / "recs.jsonl").write_bytes(jsonl({"text": BODY}, {"id": "k", "text": BODY}))
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git" / "config.txt").write_text(BODY)
    items = [doc(i) for i in run([str(tmp_path)])]
    assert [d.id for d in items] == ["a/deep/two.txt", "a/recs.jsonl:1", "k", "b/one.htm", "z.txt"]
    assert items[0].origin == str(tmp_path / "a" / "deep" / "two.txt")


def test_stdin_text_html_and_jsonl() -> None:
    d = doc(only(run(["-"], stdin=BODY.encode())))
    assert (d.id, d.origin, d.text) == ("stdin", "-", BODY)
    d = doc(only(run(["-"], stdin=HTML_PAGE.encode())))
    assert "resume formal peace talks" in d.text
    items = [doc(i) for i in run(["-"], stdin=b"  \n" + jsonl({"text": BODY}, {"text": "B."}))]
    assert [(i.id, i.origin) for i in items] == [("stdin:2", "-:2"), ("stdin:3", "-:3")]


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "feed.dat").write_bytes(jsonl({"id": "s1", "text": BODY}))
    (tmp_path / "page.dump").write_text(HTML_PAGE)
    (tmp_path / "notes").write_text(BODY)
    ids = [doc(i).id for i in run([str(tmp_path / n) for n in ("feed.dat", "page.dump", "notes")])]
    assert ids == ["s1", "page.dump", "notes"]
    folder = [doc(i).id for i in run([str(tmp_path)])]
    assert folder == []  # unknown extensions are skipped inside folders


def test_missing_path_is_a_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text(BODY)
    items = run([str(tmp_path / "nope.txt"), str(ok)])
    f = failure(items[0])
    assert (f.code, f.stage, f.doc_id) == ("missing", "ingest", "nope.txt")
    assert doc(items[1]).id == "ok.txt"


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text(BODY)
    (tmp_path / "b.jsonl").write_bytes(jsonl({"text": BODY}, {"id": 9, "text": BODY}))
    first = [(doc(i).id, doc(i).origin) for i in run([str(tmp_path)])]
    second = [(doc(i).id, doc(i).origin) for i in run([str(tmp_path)])]
    assert (
        first
        == second
        == [
            ("b.jsonl:1", f"{tmp_path / 'b.jsonl'}:1"),
            ("9", f"{tmp_path / 'b.jsonl'}:2"),
            ("x/a.txt", str(tmp_path / "x" / "a.txt")),
        ]
    )


def test_a_single_string_is_one_input(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(BODY)
    assert doc(only(list(iter_documents(str(path), SETTINGS)))).id == "one.txt"


# --- failures from bytes ------------------------------------------------------------------


def make(data: bytes, kind: str | None = "text", settings: Settings = SETTINGS) -> Document:
    return document_from_bytes(
        data,
        doc_id="d",
        origin=None,
        kind=kind,  # type: ignore[arg-type]
        settings=settings,
    )


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        make(data)


def test_oversized_input_checked_before_reading(tmp_path: Path) -> None:
    with pytest.raises(OversizedInput, match="over the limit"):
        make(b"x" * 101, settings=SETTINGS.replace(max_document_bytes=100))
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100)
    f = failure(only(run([str(path)], settings=SETTINGS.replace(max_document_bytes=100))))
    assert f.code == "oversized" and "max_document_bytes" in f.message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"hello\x00world", "NUL"),
        (bytes(range(1, 8)) * 20 + b"some text", "control"),
    ],
)
def test_binary_input(data: bytes, reason: str) -> None:
    with pytest.raises(BinaryInput, match=reason):
        make(data)


def test_binary_file_failure_code(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4 binary stuff")
    assert failure(only(run([str(path)]))).code == "binary"


# --- encodings ----------------------------------------------------------------------------

FRENCH = "À Montréal, le ministre a déclaré que la réunion aura lieu à Québec."


def test_utf8_bom_is_honoured() -> None:
    d = make(b"\xef\xbb\xbf" + FRENCH.encode())
    assert d.text == FRENCH
    assert d.metadata["encoding"] == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_boms(codec: str) -> None:
    d = make(FRENCH.encode(codec))
    assert d.text == FRENCH


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "The president’s speech on “peace” was short – and well received.",
        "Straße, Müller und Größe: über die Brücke.",
    ],
)
def test_cp1252_legacy_text_is_decoded(text: str) -> None:
    d = make(text.encode("cp1252"))
    assert d.text == text
    assert d.metadata["encoding"] == "cp1252"


def test_cp1252_with_an_accidental_utf8_pair_is_still_legacy() -> None:
    # "É" + "”" in cp1252 (0xC9 0x94) happens to be a valid UTF-8 sequence.
    text = "Le CAFÉ” était fermé; l’été à Montréal fut très chaud, déclaré le maire."
    d = make(text.encode("cp1252"))
    assert d.text == text


def test_cp1251_text_uses_charset_normalizer_guess() -> None:
    text = "Президент России Владимир Путин заявил, что переговоры прошли успешно."
    d = make(text.encode("cp1251"))
    assert d.text == text
    assert d.metadata["encoding"] == "cp1251"


def test_corrupted_utf8_is_a_decode_error() -> None:
    good = "Café crème — résumé naïve ".encode()
    data = good + b"\xff\xfe broken " + "déjà".encode()
    with pytest.raises(DecodeError, match=rf"invalid UTF-8 at byte {len(good)}\b"):
        make(data)


def test_corrupted_utf8_file_failure_code(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("Ünïcödé tëxt".encode() + b"\xc3(")
    f = failure(only(run([str(path)])))
    assert f.code == "undecodable" and "invalid UTF-8 at byte" in f.message


def test_html_meta_charset_wins() -> None:
    page = HTML_PAGE.replace("<head>", '<head><meta charset="windows-1251">')
    page = page.replace("Geneva", "Женева")
    d = make(page.encode("cp1251"), kind="html")
    assert "Женева" in d.text
    assert d.metadata["encoding"] == "cp1251"


def test_html_latin1_declaration_is_read_as_cp1252() -> None:
    page = HTML_PAGE.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    )
    page = page.replace("officials from", "“officials” from")
    d = make(page.encode("cp1252"), kind="html")
    assert "“officials”" in d.text


def test_kind_none_sniffs_html() -> None:
    d = make(HTML_PAGE.encode(), kind=None)
    assert "<" not in d.text and "resume formal peace talks" in d.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-02-04", dt.date(2026, 2, 4)),
        ("2026-02-04T23:59:59+05:00", dt.date(2026, 2, 4)),
        ("2026-02-04 10:00", dt.date(2026, 2, 4)),
        ("2026-02-30", None),
        ("yesterday", None),
        (20260204, None),
        (None, None),
    ],
)
def test_parse_date(raw: object, expected: dt.date | None) -> None:
    assert parse_date(raw) == expected


@hyp_settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        d = make(data)
    except InputError:
        return
    assert d.text.strip()


@pytest.mark.parametrize(
    "fragment",
    ["<p>The ministers met in Geneva on Tuesday.</p>", "Talks <b>resumed</b> in Geneva."],
)
def test_html_fragments_are_extracted(fragment: str) -> None:
    d = make(fragment.encode(), kind="html")
    assert "Geneva" in d.text and "<" not in d.text


@pytest.mark.parametrize(
    "data",
    [
        b"Hello \xff\xfe world, the talks went on.",
        b"Bad \xc3\x28 bytes in a sentence about talks.",
        "Café talks ".encode() + b"\xff\xfe\xc3(" * 3,
    ],
)
def test_invalid_utf8_that_is_not_plausible_legacy_text_is_undecodable(data: bytes) -> None:
    with pytest.raises(DecodeError):
        make(data)
