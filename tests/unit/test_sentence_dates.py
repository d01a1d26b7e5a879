"""coding.sentence_dates: the date a past-tense sentence carries over from the dated
sentence right before it, on hand-written parses (no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from accord.coding.coder import paragraph_starts
from accord.coding.rules import SentenceDate
from accord.coding.sentence_dates import carried_date, past_main_verb
from accord.model import CleanDocument, DatePrecision, DateSource, Document, Sentence, Token
from tests.unit.parsing import parsed, tagged

IN_2014 = SentenceDate(dt.date(2014, 1, 1), DatePrecision.YEAR, DateSource.TEXT)
PUBLISHED = SentenceDate(dt.date(2019, 9, 6), DatePrecision.DAY, DateSource.PUBLICATION)


def _sacked(tag: str = "VBD", lemma: str = "sack") -> tuple[Token, ...]:
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubj", 1),
            ("sacked", lemma, "VERB", "ROOT", 1),
            ("his", "his", "PRON", "poss", 3),
            ("deputy", "deputy", "NOUN", "dobj", 1),
        ]
    )
    return tagged(ps, {1: tag}).tokens


def test_a_past_sentence_goes_on_telling_the_dated_one_before_it() -> None:
    assert carried_date(IN_2014, _sacked(), same_paragraph=True) == IN_2014


@pytest.mark.parametrize(
    ("previous", "tag", "lemma", "same_paragraph"),
    [
        (IN_2014, "VBZ", "sack", True),  # 'He sacks ...': the present is today's
        (IN_2014, "VBD", "sack", False),  # a new paragraph
        (IN_2014, "VBD", "say", True),  # 'He said ...': a comment, as often today's
        (PUBLISHED, "VBD", "sack", True),  # the story's date is no date the text gave
        (None, "VBD", "sack", True),
    ],
)
def test_nothing_carries_over(
    previous: SentenceDate | None, tag: str, lemma: str, same_paragraph: bool
) -> None:
    tokens = _sacked(tag, lemma)
    assert carried_date(previous, tokens, same_paragraph=same_paragraph) is None


def test_a_passive_or_pluperfect_main_verb_is_past() -> None:
    ps = parsed(
        [
            ("He", "he", "PRON", "nsubjpass", 2),
            ("was", "be", "AUX", "auxpass", 2),
            ("arrested", "arrest", "VERB", "ROOT", 2),
        ]
    )
    assert past_main_verb(tagged(ps, {1: "VBD", 2: "VBN"}).tokens)
    assert not past_main_verb(tagged(ps, {1: "VBZ", 2: "VBN"}).tokens)  # 'is arrested'


def test_paragraphs_open_after_a_line_break() -> None:
    text = "One. Two.\n\nThree."
    clean = CleanDocument(
        doc=Document(id="d", text=text),
        text=text,
        sentences=(
            Sentence(0, "One.", (0, 4)),
            Sentence(1, "Two.", (5, 9)),
            Sentence(2, "Three.", (11, 17)),
        ),
    )
    assert paragraph_starts(clean) == frozenset({2})
    assert paragraph_starts(dataclasses.replace(clean, sentences=clean.sentences[:2])) == set()
