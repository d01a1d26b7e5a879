"""Fuzz tier: the date resolver (accord.text.dates) never raises, and what it returns is a
span of the sentence and a date in a sane range, whatever the sentence and publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.model import DatePrecision
from accord.text.dates import find_date_mentions, find_event_date
from tests.fuzz.inputs import SEPARATORS, any_text, fuzz, publication

pytestmark = pytest.mark.fuzz

FIRST_YEAR, LAST_YEAR = 1800, 2099
"""The years a stated year may have (the patterns read 18xx, 19xx and 20xx)."""
MAX_AGO = 999
"""The most units "N days/weeks/months/years ago" reads (three digits)."""

_DATE_WORDS = (
    "on", "in", "during", "early", "late", "mid", "mid-", "last", "next", "this", "earlier this",
    "later this", "the", "of", "the day before yesterday", "yesterday", "today", "tonight",
    "tomorrow", "last night", "this morning", "week", "month", "year", "weeks", "months",
    "years", "days", "day", "ago", "a", "an", "one", "twelve", "first", "final", "month of the",
    "year", "Monday", "Sunday", "January", "February", "Feb.", "Sept", "May", "December",
    "1st", "29th", "31st", "29", "30", "31", "0", "00", "99", "999", "1000", "1800", "1899",
    "2099", "2100", "1999-12-31", "2020-02-30", "2020-13-01", "0001-01-01", "will", "is set to",
    "plans to", "scheduled for", "%", "per cent", "-", "–", ",", ".", ":", "$",
)  # fmt: skip

date_sentences = st.one_of(
    st.lists(
        st.tuples(
            st.one_of(
                st.sampled_from(_DATE_WORDS),
                st.integers(min_value=0, max_value=3000).map(str),
            ),
            st.sampled_from((" ", " ", " ", ", ", "\n", "", "  ", *SEPARATORS)),
        ),
        max_size=30,
    ).map(lambda parts: "".join(w + s for w, s in parts)),
    any_text,
)


def _sane(day: dt.date, pub: dt.date | None) -> bool:
    """A stated year is 1800-2099; a resolved one is within what the expression can reach
    from the publication date (999 years back, a year ahead)."""
    low, high = FIRST_YEAR, LAST_YEAR
    if pub is not None:
        low, high = min(low, pub.year - MAX_AGO), max(high, pub.year + 1)
    return low <= day.year <= high


def _check(sentence: str, pub: dt.date | None) -> None:
    mentions = find_date_mentions(sentence, pub)
    end = 0
    for m in mentions:
        start, stop = m.span
        assert end <= start < stop <= len(sentence), (m, mentions)
        assert sentence[start:stop] == m.text
        assert m.text == m.text.strip(" ,") and m.text
        assert _sane(m.date, pub), m
        if m.precision is DatePrecision.MONTH:
            assert m.date.day == 1
        elif m.precision is DatePrecision.YEAR:
            assert (m.date.month, m.date.day) == (1, 1)
        end = stop
    first = find_event_date(sentence, pub)
    assert first == (mentions[0] if mentions else None)


@fuzz(2000)
@given(date_sentences, publication)
def test_date_mentions_are_spans_of_the_sentence_with_sane_dates(
    sentence: str, pub: dt.date | None
) -> None:
    _check(sentence, pub)


@fuzz(500)
@given(st.text(max_size=200), publication)
def test_date_mentions_never_raise_on_any_unicode(sentence: str, pub: dt.date | None) -> None:
    _check(sentence, pub)
