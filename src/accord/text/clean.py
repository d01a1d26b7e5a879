"""Document -> CleanDocument: normalised text without boilerplate, dateline, sentence spans.

Steps: normalise unicode and whitespace; split into paragraphs; drop overlong tokens; strip
boilerplate; take the headline (when the document has no title) and date-only lines off the
top; take the dateline prefix off the first paragraph; drop short subheads; join paragraphs
with blank lines; split sentences. The cleaned text holds only body paragraphs, so every
sentence span indexes it.

A token (a run without spaces) longer than :data:`MAX_TOKEN_CHARS` is dropped, with the
kind ``long-token`` in ``removed``: such a run is a URL with its query, a hash, base64 or
junk, never a word the coder reads, and it is where the parser's tokenizer, the sentence
splitter and the boilerplate patterns spend their time (spaCy's tokenizer is quadratic in
a run of closing brackets or quotes: 2,000 of them take 0.3 s, 20,000 take 29 s). Every
later step, spaCy included, sees tokens of at most that length.

When the document has no date and the dateline carries one, the returned document gets that
date (a dateline date is the article's own date of publication).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from accord.model import CleanDocument, Dateline, Document, Span
from accord.text.boilerplate import TERMINAL, is_headline_like, strip_boilerplate, word_count
from accord.text.dateline import match_prefix, parse_date_line
from accord.text.normalize import normalize_text, split_paragraphs
from accord.text.sentences import split_sentences

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TOKEN_CHARS = 100
"""Longer tokens are dropped before anything else reads the text (the longest word of the
Wikinews and BBC corpora has 60 characters; of their URLs, 88)."""
_TITLE_MAX_WORDS = 25
_TITLE_MAX_CHARS = 250
_HEAD_LINES = 3


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return " ".join(s.casefold().split()).rstrip(".:!?… ")

    return key(a) == key(b)


def _is_title_line(paragraph: str, rest: list[str]) -> bool:
    if not rest or TERMINAL.search(paragraph) or paragraph.endswith((":", ",", ";")):
        return False
    if len(paragraph) > _TITLE_MAX_CHARS or word_count(paragraph) > _TITLE_MAX_WORDS:
        return False
    return any(ch.isalpha() for ch in paragraph) and match_prefix(paragraph, None) is None


def _take_head(
    paragraphs: list[str], title: str | None, pub: dt.date | None
) -> tuple[list[str], str | None, list[str], dt.date | None, list[str]]:
    """Remove the title and date-only lines from the top.

    Returns (paragraphs, title, raw date lines, date from them, removed kinds).
    """
    raws: list[str] = []
    date: dt.date | None = None
    removed: list[str] = []
    taken_title = False
    for _ in range(_HEAD_LINES):
        if not paragraphs:
            break
        first = paragraphs[0]
        is_date, line_date = parse_date_line(first, pub)
        if is_date and len(paragraphs) > 1:
            raws.append(first)
            date = date or line_date
            paragraphs = paragraphs[1:]
            continue
        if taken_title:
            break
        if title is not None and _same_text(first, title):
            paragraphs = paragraphs[1:]
            removed.append("title")
            taken_title = True
            continue
        if title is None and _is_title_line(first, paragraphs[1:]):
            title = first
            paragraphs = paragraphs[1:]
            removed.append("title")
            taken_title = True
            continue
        break
    return paragraphs, title, raws, date, removed


def _drop_long_tokens(paragraphs: list[str]) -> tuple[list[str], bool]:
    """Paragraphs without their tokens over :data:`MAX_TOKEN_CHARS`; whether any went.

    Normalised paragraphs separate their tokens by single spaces; a paragraph left empty
    goes whole.
    """
    kept: list[str] = []
    dropped = False
    for paragraph in paragraphs:
        if len(paragraph) > MAX_TOKEN_CHARS:
            tokens = paragraph.split(" ")
            short = [t for t in tokens if len(t) <= MAX_TOKEN_CHARS]
            if len(short) != len(tokens):
                dropped = True
                paragraph = " ".join(short)
        if paragraph:
            kept.append(paragraph)
    return kept, dropped


def _drop_subheads(paragraphs: list[str]) -> tuple[list[str], bool]:
    kept = [p for p in paragraphs if not is_headline_like(p)]
    if not kept:
        return paragraphs, False
    return kept, len(kept) != len(paragraphs)


def clean_text(
    text: str, *, title: str | None = None, pub: dt.date | None = None
) -> tuple[str, tuple[Span, ...], str | None, Dateline | None, tuple[str, ...]]:
    """The text half of :func:`clean_document`.

    Returns (cleaned text, paragraph spans, title, dateline, removed kinds).
    """
    paragraphs, long_tokens = _drop_long_tokens(split_paragraphs(normalize_text(text)))
    stripped = strip_boilerplate(paragraphs)
    removed = ["long-token"] if long_tokens else []
    removed.extend(stripped.removed)
    paragraphs, title, raws, line_date, head_removed = _take_head(stripped.paragraphs, title, pub)
    removed.extend(head_removed)

    place: str | None = None
    date = line_date
    if paragraphs:
        prefix = match_prefix(paragraphs[0], pub)
        if prefix is not None:
            place = prefix.place
            date = date or prefix.date
            raws.append(prefix.raw)
            rest = paragraphs[0][prefix.end :].strip()
            paragraphs = [rest, *paragraphs[1:]] if rest else paragraphs[1:]
    dateline = Dateline(place=place, date=date, raw="\n".join(raws)) if raws else None
    if dateline is not None:
        removed.append("dateline")

    paragraphs, dropped = _drop_subheads(paragraphs)
    if dropped:
        removed.append("subhead")

    spans: list[Span] = []
    offset = 0
    for paragraph in paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    cleaned = PARAGRAPH_SEPARATOR.join(paragraphs)
    return cleaned, tuple(spans), title, dateline, tuple(dict.fromkeys(removed))


def clean_document(doc: Document) -> CleanDocument:
    """Clean one document (pure: same input, same output)."""
    cleaned, spans, title, dateline, removed = clean_text(doc.text, title=doc.title, pub=doc.date)
    changes: dict[str, object] = {}
    if title != doc.title:
        changes["title"] = title
    if doc.date is None and dateline is not None and dateline.date is not None:
        changes["date"] = dateline.date
    new_doc = dataclasses.replace(doc, **changes) if changes else doc  # type: ignore[arg-type]
    return CleanDocument(
        doc=new_doc,
        text=cleaned,
        sentences=split_sentences(cleaned, spans),
        dateline=dateline,
        removed=removed,
    )
