"""Sentence spans with character offsets (syntok segmenter, per paragraph).

Every sentence satisfies ``text[start:end] == sentence.text``; sentences never cross a
paragraph boundary and carry no surrounding whitespace. Each sentence runs from its first token
to the start of the next sentence (trailing whitespace stripped), so no character of a
paragraph is lost even where syntok normalises a token's value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from syntok import segmenter

from accord.model import Sentence, Span
from accord.text.dates import MONTHS, WEEKDAYS

_CLOCK_END = re.compile(r"\b[ap]\.m\.[ \t]+([A-Z][\w'-]*)(?:[ \t]+(\w+))?")
"""A clock time's "a.m." / "p.m." and the capitalised word after it."""

TIME_ZONES = frozenset({
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt",
    "bst", "cet", "cest", "eet", "eest", "msk", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt",
    "eastern", "central", "mountain", "pacific",
})  # fmt: skip
"""Time-zone names that follow a clock time inside a sentence ("at 9 a.m. EST")."""


def _clock_time_starts(paragraph: str) -> list[int]:
    """Where a sentence starts after a clock time that ends the one before: "... between
    3 p.m. and 6 a.m. Thailand planned ..." (the segmenter reads "a.m." as an abbreviation
    and runs on). A weekday, month or time zone after the time continues the sentence
    ("at 6 a.m. Monday", "at 9 a.m. EST", "at 9 a.m. Moscow time")."""
    starts: list[int] = []
    for m in _CLOCK_END.finditer(paragraph):
        word, after = m.group(1).lower().rstrip("."), (m.group(2) or "").lower()
        if word in MONTHS or word in WEEKDAYS or word in TIME_ZONES or after == "time":
            continue
        starts.append(m.start(1))
    return starts


_INITIAL_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+([A-Z])\.[ \t]+$")
"""A name followed by a middle initial ("Edward J. "): what follows is the name going on."""
_NUMERALS = frozenset("IVX")


def _inside_a_name(paragraph: str, start: int) -> bool:
    """Whether a sentence start the segmenter found follows a middle initial ("Trump
    granted Edward J. DeBartolo Jr. a full pardon"), not a Roman numeral ("World War I.")."""
    m = _INITIAL_BEFORE.search(paragraph, max(0, start - 40), start)
    return m is not None and m.group(1) not in _NUMERALS and paragraph[start : start + 1].isupper()


def paragraph_sentence_spans(paragraph: str) -> list[Span]:
    """Sentence spans within one paragraph (offsets relative to the paragraph)."""
    starts: list[int] = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            if sentence and not _inside_a_name(paragraph, sentence[0].offset):
                starts.append(sentence[0].offset)
    starts += _clock_time_starts(paragraph)
    if not paragraph.strip():
        return []
    first = len(paragraph) - len(paragraph.lstrip())
    if not starts or starts[0] > first:
        starts.insert(0, first)
    starts = sorted(set(starts))
    spans: list[Span] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(paragraph)
        piece = paragraph[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        begin = start + lead
        spans.append((begin, begin + len(stripped)))
    return spans


def split_sentences(text: str, paragraph_spans: Iterable[Span]) -> tuple[Sentence, ...]:
    """Sentences of ``text``, given the spans of its paragraphs."""
    sentences: list[Sentence] = []
    for p_start, p_end in paragraph_spans:
        paragraph = text[p_start:p_end]
        for start, end in paragraph_sentence_spans(paragraph):
            sentences.append(
                Sentence(
                    len(sentences),
                    text[p_start + start : p_start + end],
                    (p_start + start, p_start + end),
                )
            )
    return tuple(sentences)
