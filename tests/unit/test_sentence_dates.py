"""coding.sentence_dates: the date a past-tense sentence carries over from the dated
sentence right before it, on hand-written parses (no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from accord.coding.rules import SentenceDate
from accord.coding.sentence_dates import (
    attached_dates,
    carried_date,
    past_main_verb,
    story_date,
)
from accord.coding.story import paragraph_starts
from accord.model import (
    CleanDocument,
    DatePrecision,
    DateSource,
    Document,
    ParsedSentence,
    Sentence,
    Token,
)
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


# -- the story's own date (story_date) ------------------------------------------------------

STORY_PUBLISHED = dt.date(2019, 10, 5)  # a Saturday


def _lead(when: list[tuple[str, str, str, str, int]], verb_tag: str) -> ParsedSentence:
    # "A man <verb> four officers <when> ."
    rows = [
        ("A", "a", "DET", "det", 1),
        ("man", "man", "NOUN", "nsubj", 2),
        ("stabbed", "stab", "VERB", "ROOT", 2),
        ("four", "four", "NUM", "nummod", 4),
        ("officers", "officer", "NOUN", "dobj", 2),
        *when,
        (".", ".", "PUNCT", "punct", 2),
    ]
    return tagged(parsed(rows), {2: verb_tag})


ON_THURSDAY = [("on", "on", "ADP", "prep", 2), ("Thursday", "Thursday", "PROPN", "pobj", 5)]


def test_the_leads_recent_day_dates_the_storys_later_past_tense_reports() -> None:
    story = story_date(
        "Four stabbed at police headquarters", [_lead(ON_THURSDAY, "VBD")], STORY_PUBLISHED
    )
    assert story is not None and not story.period
    assert story.date == SentenceDate(dt.date(2019, 10, 3), DatePrecision.DAY, DateSource.STORY)
    later = _lead([], "VBD").tokens  # 'A man stabbed four officers.' with no date
    assert story.for_sentence(later) == story.date
    assert story.for_sentence(_lead([], "VBZ").tokens) is None  # present tense: today
    # a saying in the past tells the story's day too ('Police said ...', 'tweeted: ...')
    said = parsed(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("he", "he", "PRON", "nsubj", 3),
            ("fled", "flee", "VERB", "ccomp", 1),
            (".", ".", "PUNCT", "punct", 1),
        ]
    )
    assert story.for_sentence(tagged(said, {1: "VBD", 3: "VBD"}).tokens) == story.date
    assert story.for_sentence(tagged(said, {1: "VBZ", 3: "VBD"}).tokens) is None  # 'says'


def test_a_lead_dated_today_or_long_ago_gives_no_story_date() -> None:
    today = [("today", "today", "NOUN", "npadvmod", 2)]
    assert story_date(None, [_lead(today, "VBD")], STORY_PUBLISHED) is None
    long_ago = [("in", "in", "ADP", "prep", 2), ("2015", "2015", "NUM", "pobj", 5)]
    assert story_date(None, [_lead(long_ago, "VBD")], STORY_PUBLISHED) is None


def test_a_round_up_titled_by_an_earlier_month_dates_every_undated_sentence() -> None:
    story = story_date("On the campaign trail in the USA, August 2019", [], STORY_PUBLISHED)
    assert story is not None and story.period
    assert story.date == SentenceDate(dt.date(2019, 8, 1), DatePrecision.MONTH, DateSource.STORY)
    assert story.for_sentence(_lead([], "VBZ").tokens) == story.date  # whatever the tense
    assert story_date("Review of October 2019", [], STORY_PUBLISHED) is None  # its own month
    assert story_date("Looking back at March 2019", [], STORY_PUBLISHED) is None  # too far back


def test_a_date_set_off_by_commas_after_a_fronted_clause_dates_the_main_clause() -> None:
    # "To modernize its army , in 2018 , Hungary licensed the technology ." with 'in 2018'
    # hung on 'modernize', as the parser does
    ps = parsed(
        [
            ("To", "to", "PART", "aux", 1),
            ("modernize", "modernize", "VERB", "advcl", 9),
            ("its", "its", "PRON", "poss", 3),
            ("army", "army", "NOUN", "dobj", 1),
            (",", ",", "PUNCT", "punct", 1),
            ("in", "in", "ADP", "prep", 1),
            ("2018", "2018", "NUM", "pobj", 5),
            (",", ",", "PUNCT", "punct", 9),
            ("Hungary", "Hungary", "PROPN", "nsubj", 9),
            ("licensed", "license", "VERB", "ROOT", 9),
            ("the", "the", "DET", "det", 11),
            ("technology", "technology", "NOUN", "dobj", 9),
            (".", ".", "PUNCT", "punct", 9),
        ]
    )
    dates = attached_dates(ps, dt.date(2019, 11, 5))
    assert list(dates) == [9]
    assert dates[9].date.year == 2018
    # without the commas the phrase stays the fronted clause's own
    plain = parsed(
        [
            ("To", "to", "PART", "aux", 1),
            ("modernize", "modernize", "VERB", "advcl", 5),
            ("in", "in", "ADP", "prep", 1),
            ("2018", "2018", "NUM", "pobj", 2),
            ("Hungary", "Hungary", "PROPN", "nsubj", 5),
            ("licensed", "license", "VERB", "ROOT", 5),
            ("it", "it", "PRON", "dobj", 5),
            (".", ".", "PUNCT", "punct", 5),
        ]
    )
    assert list(attached_dates(plain, dt.date(2019, 11, 5))) == [1]


def test_a_date_on_a_naming_participle_dates_the_act_on_its_noun() -> None:
    # 'Hungary launched a program dubbed Zrinyi in 2017 .' with 'in 2017' on 'dubbed'
    ps = tagged(
        parsed(
            [
                ("Hungary", "Hungary", "PROPN", "nsubj", 1),
                ("launched", "launch", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 3),
                ("program", "program", "NOUN", "dobj", 1),
                ("dubbed", "dub", "VERB", "acl", 3),
                ("Zrinyi", "Zrinyi", "PROPN", "oprd", 4),
                ("in", "in", "ADP", "prep", 4),
                ("2017", "2017", "NUM", "pobj", 6),
                (".", ".", "PUNCT", "punct", 1),
            ]
        ),
        {1: "VBD", 4: "VBN"},
    )
    dates = attached_dates(ps, dt.date(2019, 11, 5))
    assert list(dates) == [1] and dates[1].date.year == 2017
