"""Publication dates at the calendar's ends (found by the fuzz tier, tests/fuzz).

0001-01-01 and 9999-12-31 are the null dates of many databases, and a JSON-lines ``date``
may be either: a relative expression that would step off the calendar ("tomorrow" after
9999-12-31, "999 years ago" from year 500) is no date, never an OverflowError that fails
the whole document."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.model import DatePrecision
from accord.text.dates import find_date_mentions, find_event_date

LAST = dt.date.max
FIRST = dt.date.min


@pytest.mark.parametrize(
    ("sentence", "pub"),
    [
        ("The talks resume tomorrow.", LAST),
        ("Police arrested 20 people yesterday.", FIRST),
        ("They met the day before yesterday.", dt.date(1, 1, 2)),
        ("The treaty was signed 999 years ago.", dt.date(500, 6, 1)),
        ("The vote is next year.", LAST),
        ("Prices rose last month.", FIRST),
        ("He will visit next week.", LAST),
        ("They met last week.", FIRST),
    ],
)
def test_a_date_off_the_calendar_is_no_date(sentence: str, pub: dt.date) -> None:
    assert find_date_mentions(sentence, pub) == []
    assert find_event_date(sentence, pub) is None


def test_the_dates_that_stay_on_the_calendar_are_still_found() -> None:
    mentions = find_date_mentions("Talks ended yesterday and resume tomorrow.", LAST)
    assert [(m.text, m.date, m.precision) for m in mentions] == [
        ("yesterday", dt.date(9999, 12, 30), DatePrecision.DAY)
    ]
    mentions = find_date_mentions("On Jan. 5, 2020 they met; 3 days ago too.", FIRST)
    assert [(m.text, m.date) for m in mentions] == [("Jan. 5, 2020", dt.date(2020, 1, 5))]
