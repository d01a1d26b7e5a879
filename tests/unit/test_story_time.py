"""An undated story's time from the offices of the people it names (accord.coding.story_time)."""

from __future__ import annotations

import datetime as dt

from accord.coding.story_time import named_offices, office_time, roles_note

TODAY = dt.date(2026, 12, 7)
D = dt.date


def test_the_time_most_of_the_named_people_held_office() -> None:
    people = [
        ("Tony Blair", [(D(1997, 5, 2), D(2007, 6, 27))], False),
        ("Gordon Brown", [(D(1997, 5, 2), D(2010, 5, 11))], False),
        ("Charles Clarke", [(D(2004, 12, 15), D(2006, 5, 5))], False),
    ]
    when = office_time(people, TODAY)
    assert when is not None and D(2004, 12, 15) <= when < D(2006, 5, 5)


def test_one_person_in_office_is_no_witness() -> None:
    assert office_time([("Tony Blair", [(D(1997, 5, 2), D(2007, 6, 27))], False)], TODAY) is None


def test_a_story_of_today_stays_today_when_as_many_hold_office_now() -> None:
    people = [
        ("Tony Blair", [(D(1997, 5, 2), D(2007, 6, 27))], False),
        ("Gordon Brown", [(D(1997, 5, 2), D(2010, 5, 11))], False),
        ("Keir Starmer", [(D(2024, 7, 5), None)], False),
        ("Rachel Reeves", [(D(2024, 7, 5), None)], False),
    ]
    assert office_time(people, TODAY) is None


def test_the_latest_stretch_wins_a_tie_and_a_name_counts_once() -> None:
    people = [
        ("A", [(D(2001, 1, 1), D(2003, 1, 1)), (D(2017, 1, 20), D(2021, 1, 20))], False),
        ("B", [(D(2001, 1, 1), D(2003, 1, 1))], False),
        ("C", [(D(2019, 7, 23), D(2020, 11, 9))], False),
        ("C", [(D(2019, 7, 23), D(2020, 11, 9))], False),
    ]
    when = office_time(people, TODAY)
    assert when is not None and D(2019, 7, 23) <= when < D(2020, 11, 9)
    assert roles_note(when) in ("+roles:2019", "+roles:2020")


def test_no_people_no_time() -> None:
    assert office_time([], TODAY) is None


def test_a_person_the_story_calls_former_counts_against_their_time_in_office() -> None:
    blair = ("Tony Blair", [(D(1997, 5, 2), D(2007, 6, 27))], False)
    brown = ("Gordon Brown", [(D(1997, 5, 2), D(2010, 5, 11))], False)
    short = ("Clare Short", [(D(1997, 5, 2), D(2003, 5, 12))], True)
    when = office_time([blair, brown, short], TODAY)
    assert when is not None and D(2003, 5, 12) <= when < D(2007, 6, 27)


def test_the_words_before_a_name_say_whether_it_is_a_former_holder() -> None:
    words = ["Former", "Cabinet", "minister", "Clare", "Short", "criticised", "Tony", "Blair"]
    found = [(3, "Clare Short", [(D(1997, 5, 2), D(2003, 5, 12))])]
    found += [(6, "Tony Blair", [(D(1997, 5, 2), D(2007, 6, 27))])]
    assert [f for _, _, f in named_offices(words, found)] == [True, False]
