"""No silent loss (issue 13, item 5): every input that is skipped or altered leaves a warning
or a failure record with a reason code, and the run summary counts them."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from accord.api import Coder
from accord.cli.main import main
from accord.config import Settings
from accord.model import DocResult, Document, Failure
from accord.pipeline import Resources, content_hash

SETTINGS = Settings()

ENGLISH = (
    "The foreign ministers of the two countries met in Geneva on Tuesday and agreed to resume "
    "formal peace talks next month, officials from both delegations said. The talks had been "
    "suspended since the autumn, when a border incident left three soldiers dead."
)

FOREIGN = {
    "fr": "Le président de la République a reçu mardi à l'Élysée le Premier ministre italien pour "
    "évoquer la crise migratoire en Méditerranée. Les deux dirigeants se sont engagés à renforcer "
    "la coopération entre leurs gouvernements et à proposer une réforme du droit d'asile lors du "
    "prochain Conseil européen à Bruxelles.",
    "es": "El presidente del Gobierno se reunió el martes en Madrid con los líderes de los "
    "principales partidos de la oposición para tratar la crisis económica. Según fuentes "
    "oficiales, las conversaciones continuarán la próxima semana y se espera un acuerdo sobre "
    "los presupuestos antes del verano.",
    "de": "Die Bundeskanzlerin hat am Dienstag in Berlin den französischen Präsidenten empfangen, "
    "um über die Zukunft der Europäischen Union zu sprechen. Beide Regierungen wollen ihre "
    "Zusammenarbeit in der Verteidigungspolitik vertiefen und gemeinsame Vorschläge für den "
    "nächsten Gipfel in Brüssel vorlegen.",
    "ru": "Президент России во вторник провёл в Кремле переговоры с премьер-министром Индии, в "
    "ходе которых стороны обсудили расширение торгово-экономического сотрудничества. По итогам "
    "встречи были подписаны соглашения в области энергетики, а также заявление о совместной "
    "борьбе с терроризмом.",
    "zh": "中国国家主席周二在北京会见了到访的法国总统，双方就气候变化、国际贸易以及地区安全问题深入"
    "交换了意见。会谈结束后，两国政府签署了多项合作协议，涉及能源、航空和农业等领域。外交部发言人"
    "表示，此次访问标志着双边关系进入了新的阶段，两国将在联合国等多边机制中加强协调与配合，共同"
    "应对全球性挑战。法国总统还将前往上海，出席中国国际进口博览会开幕式，并与中国企业家座谈。分析"
    "人士认为，这次访问有助于推动中欧关系的稳定发展，也为两国在经贸、科技和人文等领域的交流注入新"
    "的动力。",
    "ar": "التقى الرئيس المصري يوم الثلاثاء في القاهرة بوزير الخارجية الأمريكي لبحث تطورات "
    "الأوضاع في المنطقة، وأكد الجانبان على أهمية مواصلة الجهود الدبلوماسية من أجل التوصل إلى "
    "وقف دائم لإطلاق النار وإيصال المساعدات الإنسانية إلى المدنيين في أسرع وقت ممكن.",
}

# English, but dense with names that a language model alone takes for another language.
ENGLISH_WITH_NAMES = (
    "Recep Tayyip Erdoğan, Mevlüt Çavuşoğlu, Hulusi Akar and Süleyman Soylu spoke in Ankara. "
    "Kılıçdaroğlu responded from İzmir while Ekrem İmamoğlu held a rally in Istanbul's "
    "Beşiktaş district on Saturday.",
    "Andrés Manuel López Obrador, Jair Bolsonaro, Alberto Fernández and Sebastián Piñera met "
    "in Montevideo on Tuesday with Luis Lacalle Pou and Mario Abdo Benítez, officials said. "
    "Mercedes Aráoz and Martín Vizcarra joined them from Lima.",
)


def run(inputs: Iterable[Path | str], settings: Settings = SETTINGS) -> list[Document | Failure]:
    from accord.ingest import iter_documents

    return list(iter_documents([str(p) for p in inputs], settings))


class NullCoder(Coder):
    """Codes nothing (no model): every document becomes a result without events."""

    def __init__(self, settings: Settings = SETTINGS) -> None:
        fake: Any = object()
        super().__init__(Resources(settings, fake, fake, fake, version="test"))

    def code_documents(self, items: Iterable[Document | Failure]) -> Iterator[DocResult | Failure]:
        for item in items:
            if isinstance(item, Document):
                yield DocResult(doc=item, content_hash=content_hash(item, self.resources))
            else:
                yield item


def read(inputs: Iterable[Path], settings: Settings = SETTINGS) -> list[Document | Failure]:
    """What the coder reads: documents in other languages are skipped there."""
    return list(NullCoder(settings).read([str(p) for p in inputs]))


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


# --- truncated archives -------------------------------------------------------------------


def _truncated_jsonl_gz(path: Path, records: int = 200) -> int:
    """Write a .jsonl.gz cut at two thirds; return how many whole lines survive the cut."""
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i}: {ENGLISH}"}) for i in range(records)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    cut = data[: len(data) * 2 // 3]
    path.write_bytes(cut)
    return zlib.decompressobj(31).decompress(cut).count(b"\n")


def test_a_truncated_jsonl_gz_keeps_every_whole_record_and_says_how_many(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    whole = _truncated_jsonl_gz(path)
    assert 100 < whole < 199
    items = run([path])
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == [f"r{i}" for i in range(whole)]
    assert len(fails) == 1 and items[-1] is fails[0]
    f = fails[0]
    assert (f.doc_id, f.origin, f.code) == ("dump.jsonl.gz", str(path), "undecodable")
    assert "truncated" in f.message
    assert f"{whole} records read before it" in f.message
    assert f"line {whole + 1}" in f.message


def test_a_truncated_text_gz_is_still_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress((ENGLISH * 40).encode())[:-30])
    items = run([path])
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "undecodable" and "gzip" in items[0].message


def test_multi_member_gzip_and_zero_padding_still_read(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl.gz"
    one = gzip.compress(jsonl({"id": "a", "text": ENGLISH}))
    two = gzip.compress(jsonl({"id": "b", "text": ENGLISH}))
    path.write_bytes(one + two + b"\x00" * 16)
    assert [i.id for i in run([path]) if isinstance(i, Document)] == ["a", "b"]
    assert not [i for i in run([path]) if isinstance(i, Failure)]


# --- invalid dates ------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["2026-13-45", "yesterday", 12345, ["2026-01-01"]])
def test_an_invalid_jsonl_date_is_kept_unset_and_noted(tmp_path: Path, raw: object) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_bytes(jsonl({"id": "d1", "text": ENGLISH, "date": raw}))
    items = run([path])
    assert len(items) == 1 and isinstance(items[0], Document)
    d = items[0]
    assert d.date is None
    assert d.metadata["date_raw"] == raw
    assert [(w.doc_id, w.origin, w.stage, w.code) for w in d.warnings] == [
        ("d1", f"{path}:1", "ingest", "invalid_date")
    ]
    assert json.dumps(raw) in d.warnings[0].message


def test_a_valid_date_gives_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_bytes(jsonl({"id": "d1", "text": ENGLISH, "date": "2026-02-04T10:00:00Z"}))
    items = run([path])
    assert isinstance(items[0], Document) and items[0].date is not None
    assert not getattr(items[0], "warnings", ())


# --- empty inputs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n  \n\t\n"),
        ("empty.jsonl.gz", gzip.compress(b"")),
        ("empty.warc", b""),
        ("empty.rss", b""),
        ("empty.txt", b""),
        ("blank.txt", b" \n\n "),
        ("empty.txt.gz", gzip.compress(b"")),
        ("empty.html", b""),
        ("empty.csv", b""),
    ],
)
def test_an_empty_input_of_any_format_is_an_empty_failure(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = run([path])
    assert len(items) == 1, items
    f = items[0]
    assert isinstance(f, Failure)
    assert (f.doc_id, f.origin, f.stage, f.code) == (name, str(path), "ingest", "empty")


def test_an_empty_jsonl_in_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(jsonl({"id": "x", "text": ENGLISH}))
    (tmp_path / "b.jsonl").write_bytes(b"")
    items = run([tmp_path])
    named = [(type(i).__name__, i.id if isinstance(i, Document) else i.doc_id) for i in items]
    assert named == [
        ("Document", "x"),
        ("Failure", "b.jsonl"),
    ]


# --- other languages ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_a_document_in_another_language_is_skipped_with_a_record(tmp_path: Path, lang: str) -> None:
    assert len(FOREIGN[lang]) >= 200
    path = tmp_path / "world.jsonl"
    path.write_bytes(
        jsonl({"id": f"{lang}-1", "text": FOREIGN[lang]}, {"id": "en-1", "text": ENGLISH})
    )
    items = read([path])
    assert isinstance(items[1], Document) and items[1].id == "en-1"
    f = items[0]
    assert isinstance(f, Failure), f
    assert (f.doc_id, f.origin, f.stage, f.code) == (f"{lang}-1", f"{path}:1", "ingest", "language")
    assert f.message.startswith(f"skipped: language={lang} ")


def test_an_html_page_in_another_language_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "monde.html"
    body = "".join(f"<p>{s}.</p>" for s in FOREIGN["fr"].split(". "))
    path.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    items = read([path])
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert (items[0].code, items[0].doc_id) == ("language", "monde.html")
    assert items[0].message.startswith("skipped: language=fr ")


def test_the_language_check_can_be_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FOREIGN["fr"], encoding="utf-8")
    items = read([path], settings=SETTINGS.replace(skip_non_english=False))
    assert len(items) == 1 and isinstance(items[0], Document)


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_a_short_text_is_never_skipped_for_its_language(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "short.txt"
    path.write_text(FOREIGN[lang][:150], encoding="utf-8")
    items = read([path])
    assert len(items) == 1 and isinstance(items[0], Document)


@pytest.mark.parametrize("text", ENGLISH_WITH_NAMES)
def test_english_dense_with_foreign_names_is_not_skipped(tmp_path: Path, text: str) -> None:
    assert len(text) >= 200
    path = tmp_path / "names.txt"
    path.write_text(text, encoding="utf-8")
    items = read([path])
    assert len(items) == 1 and isinstance(items[0], Document)


def test_english_with_a_foreign_quotation_is_not_skipped(tmp_path: Path) -> None:
    path = tmp_path / "quote.txt"
    text = f"{ENGLISH}\n\nThe French minister said: « {FOREIGN['fr'][:180]} »"
    path.write_text(text, encoding="utf-8")
    items = read([path])
    assert len(items) == 1 and isinstance(items[0], Document)


@pytest.mark.shared
def test_no_article_of_the_english_corpora_is_skipped(shared_dir: Path) -> None:
    corpora = [
        shared_dir / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl",
        shared_dir / "corpus" / "bbc_news" / "bbc_news.jsonl",
    ]
    items = read(corpora)
    skipped = [(i.doc_id, i.message) for i in items if isinstance(i, Failure)]
    assert skipped == []
    assert sum(isinstance(i, Document) for i in items) == 239 + 2225


# --- over-deep HTML -----------------------------------------------------------------------


def test_html_nested_too_deep_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    depth = 100_000
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + f"<p>{ENGLISH}</p>"
        + "</div>" * depth
        + "</body></html>",
        encoding="utf-8",
    )
    items = run([path])
    assert len(items) == 1 and isinstance(items[0], Failure)
    f = items[0]
    assert (f.doc_id, f.code) == ("deep.html", "too_deep")
    assert f.message.startswith("nesting too deep")


def test_html_text_lost_past_the_depth_limit_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "partly.html"
    deep = "<div>" * 300 + "<p>The envoy met the minister.</p>" + "</div>" * 300
    path.write_text(
        f"<html><body><article><p>{ENGLISH}</p>{deep}<p>A last paragraph.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    items = run([path])
    assert len(items) == 1 and isinstance(items[0], Document)
    d = items[0]
    assert "resume formal peace talks" in d.text
    assert [(w.doc_id, w.code) for w in d.warnings] == [("partly.html", "too_deep")]
    assert "nesting too deep" in d.warnings[0].message


def test_ordinary_nesting_gives_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "fine.html"
    nested = "<div>" * 100 + f"<p>{ENGLISH}</p>" + "</div>" * 100
    path.write_text(f"<html><body>{nested}</body></html>", encoding="utf-8")
    items = run([path])
    assert len(items) == 1 and isinstance(items[0], Document)
    assert not getattr(items[0], "warnings", ())


# --- the run summary ----------------------------------------------------------------------


@pytest.fixture()
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("accord.cli.main._coder", lambda *a, **k: NullCoder())
    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (d / "b.txt").write_text(FOREIGN["fr"], encoding="utf-8")
    (d / "c.jsonl").write_bytes(jsonl({"id": "c1", "text": ENGLISH, "date": "2026-13-45"}))
    (d / "d.txt").write_bytes(b"")
    return d


def test_code_prints_and_counts_skips_and_warnings(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["code", "--no-progress", str(mixed)])
    err = capsys.readouterr().err.splitlines()
    assert f"accord: {mixed / 'b.txt'}: skipped: language=fr" in "\n".join(err)
    assert any(
        line.startswith(f"accord: {mixed / 'c.jsonl'}:1: ingest warning (invalid_date): ")
        for line in err
    ), err
    assert any(line.startswith(f"accord: {mixed / 'd.txt'}: ingest failed (empty)") for line in err)
    assert err[-1] == (
        "accord: 2 documents coded, 0 events (0 undated: their documents carry no date), "
        "1 failures, 1 skipped (not English), 1 warnings"
    )


def test_ingest_prints_and_counts_skips_and_warnings(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.duckdb"
    main(["ingest", "--no-progress", "--db", str(db), str(mixed)])
    out = capsys.readouterr()
    assert f"accord: {mixed / 'b.txt'}: skipped: language=fr" in out.err
    assert f"accord: {mixed / 'c.jsonl'}:1: ingest warning (invalid_date): " in out.err
    assert out.out.splitlines()[-1] == (
        f"{db}: 2 documents read; 2 added, 0 replaced, 0 unchanged; 0 events added "
        "(0 undated), 0 removed; 1 failures, 1 skipped (not English), 1 warnings"
    )


def test_accord_summary_counts_the_skipped_languages_and_failures_by_reason(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mixed / "e.txt").write_text(FOREIGN["fr"] + " Encore.", encoding="utf-8")
    (mixed / "f.txt").write_text(FOREIGN["zh"], encoding="utf-8")
    db = tmp_path / "s.duckdb"
    main(["ingest", "--no-progress", "--db", str(db), str(mixed)])
    capsys.readouterr()
    main(["summary", "--db", str(db), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)
    assert summary["skipped_languages"] == {"fr": 2, "zh": 1}
    assert summary["failures_by_code"] == {"language": 3, "empty": 1}
    assert summary["failures"] == 4
    main(["summary", "--db", str(db), "--format", "csv"])
    rows = capsys.readouterr().out.splitlines()
    assert "skipped,language=fr,2" in rows and "skipped,language=zh,1" in rows
    assert "failures,language,3" in rows and "failures,empty,1" in rows


def test_a_clean_run_keeps_its_summary_unchanged(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("b.txt", "c.jsonl", "d.txt"):
        (mixed / name).unlink()
    main(["code", "--no-progress", str(mixed)])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "accord: 1 documents coded, 0 events (0 undated: their documents carry no date), 0 failures"
    )
