"""Event-date resolution against a fixed publication date (2026-02-05 is a Thursday)."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.model import DatePrecision
from accord.text.dates import DateMention, find_date_mentions, find_event_date

PUB = dt.date(2026, 2, 5)
D, M, Y = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


@pytest.mark.parametrize(
    ("sentence", "text", "date", "precision"),
    [
        ("Xi held talks with Putin on Wednesday.", "Wednesday", dt.date(2026, 2, 4), D),
        ("The minister said on Thursday that talks would go on.", "Thursday", PUB, D),
        ("Officials met last Thursday in Oslo.", "last Thursday", dt.date(2026, 1, 29), D),
        ("Officials met last Monday in Oslo.", "last Monday", dt.date(2026, 2, 2), D),
        # the day before the story is 'yesterday': 'last Wednesday' is the week before's
        ("Officials met last Wednesday in Oslo.", "last Wednesday", dt.date(2026, 1, 28), D),
        ("Rebels attacked the town on Saturday night.", "Saturday night", dt.date(2026, 1, 31), D),
        ("The leaders will meet on Friday in Paris.", "Friday", dt.date(2026, 2, 6), D),
        ("The vote is scheduled for Monday.", "Monday", dt.date(2026, 2, 9), D),
        ("Talks resume next Thursday.", "next Thursday", dt.date(2026, 2, 12), D),
        ("He said yesterday that the army had withdrawn.", "yesterday", dt.date(2026, 2, 4), D),
        ("Troops withdrew today.", "today", PUB, D),
        ("Shelling resumed last night.", "last night", dt.date(2026, 2, 4), D),
        ("The envoy arrives tomorrow.", "tomorrow", dt.date(2026, 2, 6), D),
        ("They met on February 5.", "February 5", dt.date(2026, 2, 5), D),
        ("The treaty expires on February 5.", "February 5", dt.date(2026, 2, 5), D),
        ("Iran and the U.S. talked on Feb. 4 in Muscat.", "Feb. 4", dt.date(2026, 2, 4), D),
        ("Protests began on Dec. 28.", "Dec. 28", dt.date(2025, 12, 28), D),
        ("The accord was signed on 5 February 2025.", "5 February 2025", dt.date(2025, 2, 5), D),
        (
            "It was signed on Wednesday, February 4, 2026 in Rome.",
            "Wednesday, February 4, 2026",
            dt.date(2026, 2, 4),
            D,
        ),
        ("The report dated 2025-11-30 said so.", "2025-11-30", dt.date(2025, 11, 30), D),
        ("Bilateral trade reached $228.1 billion in 2025.", "2025", dt.date(2025, 1, 1), Y),
        ("Elections were held in mid-2024.", "mid-2024", dt.date(2024, 1, 1), Y),
        # a season and its year: the year is what is known
        ("In the autumn of 1978, he refused.", "the autumn of 1978", dt.date(1978, 1, 1), Y),
        ("They met in summer 2024 in Oslo.", "summer 2024", dt.date(2024, 1, 1), Y),
        ("He ran in the fall of 2019.", "the fall of 2019", dt.date(2019, 1, 1), Y),
        ("The ceasefire collapsed in January.", "January", dt.date(2026, 1, 1), M),
        ("In June last year, he announced it.", "June last year", dt.date(2025, 6, 1), M),
        ("It opens in March of next year.", "March of next year", dt.date(2027, 3, 1), M),
        ("The ceasefire collapsed in March.", "March", dt.date(2025, 3, 1), M),
        ("The president will visit in April.", "April", dt.date(2026, 4, 1), M),
        ("The army was deployed in early December.", "early December", dt.date(2025, 12, 1), M),
        ("Inflation hit a record in May 2024.", "May 2024", dt.date(2024, 5, 1), M),
        ("Sales fell last month.", "last month", dt.date(2026, 1, 1), M),
        ("Prices rose earlier this month.", "earlier this month", dt.date(2026, 2, 1), M),
        ("The parties met last week.", "last week", dt.date(2026, 1, 1), M),
        ("Exports grew last year.", "last year", dt.date(2025, 1, 1), Y),
        ("The strike began three days ago.", "three days ago", dt.date(2026, 2, 2), D),
        ("The deal was struck two months ago.", "two months ago", dt.date(2025, 12, 1), M),
        (
            "In the first month of the year alone, five leaders visited China.",
            "the first month of the year",
            dt.date(2026, 1, 1),
            M,
        ),
    ],
)
def test_resolution_table(
    sentence: str, text: str, date: dt.date, precision: DatePrecision
) -> None:
    found = find_event_date(sentence, PUB)
    assert found is not None
    assert (found.text, found.date, found.precision) == (text, date, precision)
    assert sentence[found.span[0] : found.span[1]] == found.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Bilateral trade reached $228.1 billion, surpassing $200 billion.",
        "Security forces killed 216 terrorists.",
        "The two countries marked the 80th anniversary of the victory.",
        "The conflict has lasted for three years.",
        "Fighting has continued since 2014.",
        "Over the last year, prices doubled.",
        "The 15th Five-Year Plan (2026–2030) starts now.",
        "About 30,000 troops were deployed.",
        "Growth reached 2025 percent? No, 2.5 percent.",
        "The minister may resign, aides said.",
        "Prices fall 2020 units a day.",
        "",
    ],
)
def test_non_dates_are_ignored(sentence: str) -> None:
    assert find_event_date(sentence, PUB) is None


def test_first_expression_wins() -> None:
    found = find_event_date("On Wednesday officials said the treaty expires on February 5.", PUB)
    assert found is not None and found.text == "Wednesday"
    mentions = find_date_mentions("On Wednesday officials said it expires on February 5.", PUB)
    assert [m.text for m in mentions] == ["Wednesday", "February 5"]


def test_relative_expressions_need_a_publication_date() -> None:
    assert find_event_date("They met on Wednesday.", None) is None
    assert find_event_date("They met on Feb. 4.", None) is None
    found = find_event_date("They met on Wednesday, 4 February 2026.", None)
    assert found == DateMention(dt.date(2026, 2, 4), D, "Wednesday, 4 February 2026", (12, 38))


def test_relative_skipped_then_absolute_found_without_publication() -> None:
    found = find_event_date("Yesterday's vote followed the poll in 2024.", None)
    assert found is not None and (found.date, found.precision) == (dt.date(2024, 1, 1), Y)


def test_same_weekday_as_publication_is_that_day() -> None:
    wednesday = dt.date(2026, 2, 4)
    found = find_event_date("Xi held talks on Wednesday.", wednesday)
    assert found is not None and found.date == wednesday


def test_invalid_calendar_dates_are_skipped() -> None:
    assert find_event_date("It happened on February 30.", PUB) is None
