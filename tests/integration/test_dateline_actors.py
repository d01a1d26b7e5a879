"""No dateline becomes an actor (issue 11): over the dateline style table with a real political
sentence after each dateline, and over the Wikinews and BBC corpora (../shared, else skipped).

Spans are compared in one frame, the document's normalised paragraphs joined by blank lines:
a recognised dateline covers the start of its paragraph (or a whole date line), and an actor
covers its sentence's place in its paragraph plus its own offsets in the sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from accord.model import CleanDocument, DocResult, Document, Event, Span
from accord.text import clean_document
from accord.text.dateline import match_prefix
from accord.text.normalize import normalize_text, split_paragraphs
from tests.unit.test_dateline_styles import STYLES

SEPARATOR = "\n\n"
PUB = dt.date(2026, 2, 5)
SENTENCE = (
    "Russian President Vladimir Putin and Indian Prime Minister Narendra Modi agreed on "
    "Friday to expand trade."
)
TITLE = "Putin and Modi agree to expand trade"
BBC_SAMPLE_PARAGRAPHS = 1  # a dateline opens the first paragraph; the rest only costs time
WIKINEWS_DATE_LINE = re.compile(r"^\w+day, \w+ \d+, \d{4}\s*\n")


@dataclass(frozen=True, slots=True)
class Checked:
    """One coded document in the paragraph frame."""

    doc: Document
    clean: CleanDocument
    datelines: tuple[Span, ...]
    actors: tuple[tuple[Span, str], ...]
    """(span in the frame, actor text) of every event's source and target."""
    events: tuple[Event, ...]


def _frame(doc: Document, clean: CleanDocument, events: tuple[Event, ...]) -> Checked:
    paragraphs = split_paragraphs(normalize_text(doc.text))
    starts: list[int] = []
    offset = 0
    for p in paragraphs:
        starts.append(offset)
        offset += len(p) + len(SEPARATOR)

    datelines: list[Span] = []
    if clean.dateline is not None:
        k = 0
        for part in clean.dateline.raw.split("\n"):
            while not paragraphs[k].startswith(part):
                k += 1
            datelines.append((starts[k], starts[k] + len(part)))
            k += 1

    kept: list[tuple[int, int, int]] = []  # (cleaned start, cleaned end, frame start)
    k = 0
    cleaned_start = 0
    for part in clean.text.split(SEPARATOR) if clean.text else []:
        k, within = _find_paragraph(paragraphs, part, k)
        kept.append((cleaned_start, cleaned_start + len(part), starts[k] + within))
        cleaned_start += len(part) + len(SEPARATOR)
        k += 1

    actors: list[tuple[Span, str]] = []
    for e in events:
        s0, s1 = e.sentence_span
        assert clean.text[s0:s1] == e.sentence, (doc.id, e.sentence)
        c0, _, f0 = next(k for k in kept if k[0] <= s0 < k[1])
        base = f0 + s0 - c0
        for actor in (e.source, e.target):
            if actor is not None and actor.text:
                actors.append(((base + actor.span[0], base + actor.span[1]), actor.text))
    return Checked(doc, clean, tuple(datelines), tuple(actors), events)


def _find_paragraph(paragraphs: list[str], part: str, first: int) -> tuple[int, int]:
    """(index, offset) of the cleaned paragraph ``part`` among the frame's paragraphs, from
    ``first`` on: a whole paragraph, or the end of the one whose dateline was cut; else (an
    inline photo credit was cut from it) the paragraph holding its opening words."""
    for k in range(first, len(paragraphs)):
        if paragraphs[k].endswith(part):
            return k, len(paragraphs[k]) - len(part)
    for k in range(first, len(paragraphs)):
        if part[:40] in paragraphs[k]:
            return k, paragraphs[k].index(part[:40])
    raise AssertionError(f"cleaned paragraph not found: {part[:60]!r}")


def _code(coder: Any, docs: list[Document]) -> list[Checked]:
    out = []
    for doc, res in zip(docs, coder.code_documents(docs), strict=True):
        assert isinstance(res, DocResult) and not res.failures, doc.id
        seen = replace(doc, date=res.doc.date)  # the pipeline's default date, if it set one
        out.append(_frame(seen, clean_document(seen), res.events))
    return out


def _overlaps(checked: Checked) -> list[tuple[str, str, str]]:
    """(document, dateline text, actor text) of every actor span that overlaps a dateline span."""
    text = SEPARATOR.join(split_paragraphs(normalize_text(checked.doc.text)))
    found = []
    for d0, d1 in checked.datelines:
        for (a0, a1), name in checked.actors:
            if a0 < d1 and d0 < a1:
                found.append((checked.doc.id, text[d0:d1], name))
    return found


# --- the style table, each dateline before a real political sentence -----------------------


def _articles() -> list[Document]:
    docs = []
    for n, style in enumerate(STYLES):
        body = style.dateline + SENTENCE
        docs.append(Document(id=f"style-{n}", text=body, date=PUB))
        docs.append(Document(id=f"titled-{n}", text=TITLE + SEPARATOR + body, date=PUB))
    return docs


@pytest.fixture(scope="module")
def style_articles(coder: Any) -> list[Checked]:
    return _code(coder, _articles())


def _dyads(events: Any) -> set[tuple[str, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_no_dateline_of_the_table_becomes_an_actor(
    style_articles: list[Checked], coder: Any
) -> None:
    plain = _dyads(coder.code_text(SENTENCE, date=PUB))
    assert plain, "the sentence after the datelines codes to events"
    for checked, style in zip(style_articles[::2], STYLES, strict=True):
        assert checked.clean.dateline is not None, style
        assert checked.datelines == ((0, len(style.dateline.strip())),)
    for checked in style_articles:
        style = STYLES[int(checked.doc.id.rsplit("-", 1)[1])]
        written = re.split(r"[,(\[:]| [-–—]", style.dateline)[0].strip(" –—-")
        assert checked.actors, checked.doc.id
        for _, name in checked.actors:
            assert not written or written not in name, (style.dateline, name)
        assert not _overlaps(checked)


def test_a_dateline_changes_no_event(style_articles: list[Checked], coder: Any) -> None:
    """The sentence after a dateline codes as it does alone: same source, target and code."""
    plain = _dyads(coder.code_text(SENTENCE, date=PUB))
    for checked in style_articles:
        assert _dyads(checked.events) == plain, checked.doc.text
        assert all(e.sentence == SENTENCE for e in checked.events), checked.doc.text


def test_new_delhi_is_no_actor(coder: Any) -> None:
    events = coder.code_text("NEW DELHI – " + SENTENCE, date=PUB)
    names = {a.text for e in events for a in (e.source, e.target) if a is not None}
    assert "NEW DELHI" not in names
    assert not any("DELHI" in n for n in names)
    assert {"RUSGOV", "INDGOV"} <= {e.source.code for e in events}


# --- the corpora -------------------------------------------------------------------------


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _document(rec: dict[str, Any], paragraphs: int | None = None) -> Document:
    text = rec["text"]
    if paragraphs is not None:
        text = SEPARATOR.join(text.split(SEPARATOR)[:paragraphs])
    date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else None
    return Document(id=rec["id"], text=text, title=rec.get("title"), date=date)


@pytest.mark.shared
def test_no_wikinews_dateline_becomes_an_actor(shared_dir: Path, coder: Any) -> None:
    records = list(_records(shared_dir / "corpus" / "wikinews" / "wikinews_2019_2020.jsonl"))
    checked = _code(coder, [_document(r) for r in records])
    assert not [o for c in checked for o in _overlaps(c)]
    with_line = {r["id"] for r in records if WIKINEWS_DATE_LINE.match(r["text"])}
    recognised = {c.doc.id for c in checked if c.datelines}
    # Every article that opens with its date line ("Monday, January 7, 2019") has it as
    # its dateline; the corpus holds no place datelines.
    assert with_line <= recognised
    assert len(with_line) == 137
    assert not [c.clean.dateline for c in checked if c.clean.dateline and c.clean.dateline.place]


@pytest.mark.shared
def test_no_bbc_dateline_becomes_an_actor(shared_dir: Path, coder: Any) -> None:
    """Every BBC article's first paragraph, where a dateline would stand (the corpus has no
    place datelines)."""
    path = shared_dir / "corpus" / "bbc_news" / "bbc_news.jsonl"
    docs = [_document(r, BBC_SAMPLE_PARAGRAPHS) for r in _records(path)]
    checked = _code(coder, docs)
    assert not [o for c in checked for o in _overlaps(c)]
    places = [(c.doc.id, c.clean.dateline) for c in checked if c.clean.dateline]
    assert not [p for p in places if p[1] is not None and p[1].place], places


@pytest.mark.shared
@pytest.mark.parametrize("corpus", ["wikinews/wikinews_2019_2020.jsonl", "bbc_news/bbc_news.jsonl"])
def test_no_corpus_paragraph_reads_as_a_place_dateline(shared_dir: Path, corpus: str) -> None:
    """Anywhere in an article: interview speakers ("NG: This study"), team sheets ("Subs:
    Marshall, Henchoz, ...") and name lists ("Margaret Atwood (Canada) Saul Bellow") are no
    datelines."""
    found = [
        (rec["id"], m.raw)
        for rec in _records(shared_dir / "corpus" / corpus)
        for p in split_paragraphs(normalize_text(rec["text"]))
        if (m := match_prefix(p, None)) is not None and m.place is not None
    ]
    assert not found


def test_frame_finds_a_dateline_kept_in_the_text() -> None:
    """The overlap check is not vacuous: an actor over a dateline's span is reported."""
    doc = Document(id="t", text="NEW DELHI – " + SENTENCE, date=PUB)
    clean = clean_document(doc)
    checked = Checked(doc, clean, ((0, 11),), (((0, 9), "NEW DELHI"),), ())
    assert _overlaps(checked) == [("t", "NEW DELHI –", "NEW DELHI")]
    putin = ((12, 44), "Russian President Vladimir Putin")
    assert _overlaps(replace(checked, actors=(putin,))) == []
