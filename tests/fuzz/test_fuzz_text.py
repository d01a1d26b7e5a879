"""Fuzz tier: the text cleaner (accord.text: normalising, boilerplate, datelines, sentence
splitting) never raises, and what it returns indexes what it returns: paragraph and sentence
spans inside the cleaned text, no token over the cap, datelines inside their paragraph."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.model import Document
from accord.text.boilerplate import strip_boilerplate
from accord.text.clean import MAX_TOKEN_CHARS, PARAGRAPH_SEPARATOR, clean_document, clean_text
from accord.text.dateline import match_prefix, parse_date_line
from accord.text.normalize import normalize_text, split_paragraphs
from accord.text.sentences import paragraph_sentence_spans
from tests.fuzz.inputs import LINES, any_text, fuzz, news_text, publication

pytestmark = pytest.mark.fuzz

_titles = st.one_of(st.none(), st.sampled_from(LINES), news_text.map(lambda t: t[:80]))


@fuzz(800)
@given(any_text, _titles, publication)
def test_clean_text_spans_index_the_cleaned_text(
    text: str, title: str | None, pub: dt.date | None
) -> None:
    cleaned, spans, _, dateline, removed = clean_text(text, title=title, pub=pub)
    assert PARAGRAPH_SEPARATOR.join(cleaned[a:b] for a, b in spans) == cleaned
    end = -len(PARAGRAPH_SEPARATOR)
    for a, b in spans:
        assert a == end + len(PARAGRAPH_SEPARATOR) and a < b
        paragraph = cleaned[a:b]
        assert paragraph == paragraph.strip() and "\n" not in paragraph
        end = b
    assert all(len(token) <= MAX_TOKEN_CHARS for token in cleaned.split())
    assert all(isinstance(kind, str) and kind for kind in removed)
    if dateline is not None:
        assert dateline.raw
        assert dateline.date is None or isinstance(dateline.date, dt.date)


@fuzz(600)
@given(any_text, _titles, publication)
def test_clean_document_sentences_are_spans_of_its_text(
    text: str, title: str | None, pub: dt.date | None
) -> None:
    doc = Document(id="d", text=text, title=title, date=pub)
    clean = clean_document(doc)
    end = 0
    for i, s in enumerate(clean.sentences):
        a, b = s.span
        assert s.index == i
        assert end <= a < b <= len(clean.text)
        assert clean.text[a:b] == s.text == s.text.strip()
        assert PARAGRAPH_SEPARATOR not in s.text
        end = b
    if doc.date is not None:
        assert clean.doc.date == doc.date
    assert clean.doc.id == doc.id


@fuzz(600)
@given(st.lists(news_text.map(lambda t: " ".join(t.split())), max_size=12))
def test_boilerplate_keeps_at_most_what_it_is_given(paragraphs: list[str]) -> None:
    paragraphs = [p for p in paragraphs if p]
    stripped = strip_boilerplate(list(paragraphs))
    assert len(stripped.paragraphs) <= len(paragraphs)
    assert all(p.strip() for p in stripped.paragraphs)
    for p in stripped.paragraphs:
        assert len(p) <= max(len(q) for q in paragraphs)
    assert len(set(stripped.removed)) == len(stripped.removed)


@fuzz(800)
@given(any_text, publication)
def test_datelines_and_sentences_stay_inside_their_paragraph(
    text: str, pub: dt.date | None
) -> None:
    for paragraph in split_paragraphs(normalize_text(text))[:6]:
        found = match_prefix(paragraph, pub)
        if found is not None:
            assert 0 < found.end <= len(paragraph)
            assert found.raw
            assert found.date is None or isinstance(found.date, dt.date)
        is_date, day = parse_date_line(paragraph, pub)
        assert is_date or day is None
        end = 0
        for a, b in paragraph_sentence_spans(paragraph):
            assert end <= a < b <= len(paragraph)
            assert paragraph[a:b] == paragraph[a:b].strip()
            end = b
