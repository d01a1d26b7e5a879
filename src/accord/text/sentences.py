"""Sentence spans with character offsets (syntok segmenter, per paragraph).

Every sentence satisfies ``text[start:end] == sentence.text``; sentences never cross a
paragraph boundary and carry no surrounding whitespace. Each sentence runs from its first token
to the start of the next sentence (trailing whitespace stripped), so no character of a
paragraph is lost even where syntok normalises a token's value.
"""

from __future__ import annotations

from collections.abc import Iterable

from syntok import segmenter

from accord.model import Sentence, Span


def paragraph_sentence_spans(paragraph: str) -> list[Span]:
    """Sentence spans within one paragraph (offsets relative to the paragraph)."""
    starts: list[int] = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            if sentence:
                starts.append(sentence[0].offset)
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
