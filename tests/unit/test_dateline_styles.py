"""Datelines of every wire style (issue 11, item 1): one table row per style, with the place,
the agency and where the body starts; and sentence openings that must not be read as datelines."""

from __future__ import annotations

import datetime as dt
import time
from typing import NamedTuple

import pytest

from accord.model import Document
from accord.text import clean_document
from accord.text.dateline import DatelineMatch, match_prefix

PUB = dt.date(2026, 2, 5)
BODY = (
    "Russian President Vladimir Putin and Indian Prime Minister Narendra Modi agreed to "
    "expand trade."
)


class Style(NamedTuple):
    dateline: str
    """The dateline as it opens the paragraph, with the space before the body."""
    place: str | None
    agency: str | None = None
    date: dt.date | None = None


STYLES: tuple[Style, ...] = (
    # capitals, bare separators
    Style("BEIJING: ", "Beijing"),
    Style("NEW DELHI – ", "New Delhi"),
    Style("NEW DELHI — ", "New Delhi"),
    Style("NEW DELHI - ", "New Delhi"),
    Style("NEW DELHI -- ", "New Delhi"),
    Style("NEW DELHI—", "New Delhi"),
    Style("SÃO PAULO — ", "São Paulo"),
    Style("BOGOTÁ: ", "Bogotá"),
    Style("ZÜRICH – ", "Zürich"),
    Style("ŁÓDŹ — ", "Łódź"),
    Style("RIO DE JANEIRO — ", "Rio de Janeiro"),
    Style("HO CHI MINH CITY — ", "Ho Chi Minh City"),
    Style("DAR ES SALAAM: ", "Dar es Salaam"),
    Style("N'DJAMENA — ", "N'Djamena"),
    Style("PORT-AU-PRINCE — ", "Port-au-Prince"),
    Style("ST. PETERSBURG – ", "St. Petersburg"),
    Style("THE HAGUE — ", "The Hague"),
    # capitals with region
    Style("WASHINGTON, D.C. — ", "Washington, D.C."),
    Style("KYIV, UKRAINE — ", "Kyiv, Ukraine"),
    Style("ABU DHABI, United Arab Emirates — ", "Abu Dhabi, United Arab Emirates"),
    Style("RAMALLAH, West Bank: ", "Ramallah, West Bank"),
    Style("SANA'A, Yemen — ", "Sana'a, Yemen"),
    Style("WASHINGTON, DC — ", "Washington, DC"),
    # capitals with agency and/or date
    Style("WASHINGTON (Reuters) - ", "Washington", "Reuters"),
    Style("JERUSALEM (AP) — ", "Jerusalem", "AP"),
    Style("UNITED NATIONS (AP) — ", "United Nations", "AP"),
    Style("KYIV, Ukraine (AP) — ", "Kyiv, Ukraine", "AP"),
    Style("PARIS, France (AFP) - ", "Paris, France", "AFP"),
    Style("GAZA CITY, Gaza Strip (AP) — ", "Gaza City, Gaza Strip", "AP"),
    Style("PORT-AU-PRINCE, Haiti (AP) — ", "Port-au-Prince, Haiti", "AP"),
    Style("N'DJAMENA, Chad (Reuters) - ", "N'Djamena, Chad", "Reuters"),
    Style("LONDON, Jan 5 (AFP) — ", "London", "AFP", dt.date(2026, 1, 5)),
    Style("MOSCOW, March 3 (Reuters) - ", "Moscow", "Reuters", dt.date(2026, 3, 3)),
    Style("BEIJING, Feb. 4 (Xinhua) -- ", "Beijing", "Xinhua", dt.date(2026, 2, 4)),
    Style("TOKYO, 5 February (Kyodo) — ", "Tokyo", "Kyodo", dt.date(2026, 2, 5)),
    Style("NEW DELHI, Feb. 3, 2026 (Xinhua) -- ", "New Delhi", "Xinhua", dt.date(2026, 2, 3)),
    Style(
        "KUALA LUMPUR, Malaysia, Jan. 12 (Reuters) - ",
        "Kuala Lumpur, Malaysia",
        "Reuters",
        dt.date(2026, 1, 12),
    ),
    Style("CAIRO, Egypt, March 3, 2025 (AP) — ", "Cairo, Egypt", "AP", dt.date(2025, 3, 3)),
    Style("HONG KONG/SHANGHAI (Reuters) - ", "Hong Kong/Shanghai", "Reuters"),
    Style("LONDON (Reuters Breakingviews) - ", "London", "Reuters Breakingviews"),
    Style("ROSTOV-ON-DON, Russia (Reuters) - ", "Rostov-on-Don, Russia", "Reuters"),
    Style("RAS AL-AIN, Syria (Reuters) - ", "Ras al-Ain, Syria", "Reuters"),
    Style("MOSCOW, Feb 5 (TASS): ", "Moscow", "TASS", dt.date(2026, 2, 5)),
    Style(
        "ABUJA, Nigeria, Feb. 5, 2026 /PRNewswire/ -- ",
        "Abuja, Nigeria",
        "PRNewswire",
        dt.date(2026, 2, 5),
    ),
    Style("ISLAMABAD, Feb 5: ", "Islamabad", None, dt.date(2026, 2, 5)),
    Style("NEW DELHI, February 5 — ", "New Delhi", None, dt.date(2026, 2, 5)),
    Style("NEW DELHI, Feb 5 (PTI) ", "New Delhi", "PTI", dt.date(2026, 2, 5)),
    Style("WASHINGTON (AP) ", "Washington", "AP"),
    # title case with agency or date
    Style("Rio de Janeiro (Reuters) - ", "Rio de Janeiro", "Reuters"),
    Style("Beijing, Feb. 4 (Xinhua) -- ", "Beijing", "Xinhua", dt.date(2026, 2, 4)),
    Style("São Paulo, Brazil (AFP) - ", "São Paulo, Brazil", "AFP"),
    Style("Bogotá (Reuters) – ", "Bogotá", "Reuters"),
    Style("Washington, D.C. (AP) — ", "Washington, D.C.", "AP"),
    Style("Frankfurt am Main (dpa) - ", "Frankfurt am Main", "dpa"),
    Style("Dar es Salaam, Tanzania (Reuters) - ", "Dar es Salaam, Tanzania", "Reuters"),
    Style("Port-au-Prince (AP) — ", "Port-au-Prince", "AP"),
    Style("Ras al-Ain, Syria (Reuters) - ", "Ras al-Ain, Syria", "Reuters"),
    Style("Ciudad Juárez (AP) — ", "Ciudad Juárez", "AP"),
    Style("Jeddah, Saudi Arabia (AP) — ", "Jeddah, Saudi Arabia", "AP"),
    Style("St. Petersburg, Fla. (AP) — ", "St. Petersburg, Fla.", "AP"),
    Style("New Delhi [India], Feb 5 (ANI): ", "New Delhi, India", "ANI", dt.date(2026, 2, 5)),
    Style("New Delhi, Feb 5 (IANS) ", "New Delhi", "IANS", dt.date(2026, 2, 5)),
    Style("Islamabad, Feb 5: ", "Islamabad", None, dt.date(2026, 2, 5)),
    Style("Kyiv, 4 February 2026 — ", "Kyiv", None, dt.date(2026, 2, 4)),
    # title case, bare: a colon or a long dash, then a whole sentence
    Style("Tokyo: ", "Tokyo"),
    Style("Islamabad: ", "Islamabad"),
    Style("New Delhi – ", "New Delhi"),
    Style("Kyiv — ", "Kyiv"),
    Style("Paris, France: ", "Paris, France"),
    Style("Rio de Janeiro — ", "Rio de Janeiro"),
    Style("Łódź -- ", "Łódź"),
    Style("Los Angeles — ", "Los Angeles"),
    Style("Sharm el-Sheikh — ", "Sharm el-Sheikh"),
    # agency alone
    Style("(Reuters) - ", None, "Reuters"),
    Style("(AP) — ", None, "AP"),
)


@pytest.mark.parametrize("style", STYLES, ids=[s.dateline.strip() for s in STYLES])
def test_dateline_style(style: Style) -> None:
    m = match_prefix(style.dateline + BODY, PUB)
    assert m is not None
    assert (m.place, m.agency, m.date) == (style.place, style.agency, style.date)
    assert m.end == len(style.dateline)
    assert m.raw == style.dateline.strip()


@pytest.mark.parametrize("style", STYLES, ids=[s.dateline.strip() for s in STYLES])
def test_dateline_style_is_cut_from_the_cleaned_text(style: Style) -> None:
    c = clean_document(Document(id="t", text=style.dateline + BODY, date=PUB))
    assert c.dateline is not None
    assert (c.dateline.place, c.dateline.raw) == (style.place, style.dateline.strip())
    assert c.text == BODY
    assert c.sentences[0].text == BODY


def test_the_table_holds_at_least_forty_distinct_styles() -> None:
    assert len({s.dateline for s in STYLES}) == len(STYLES) >= 40


NOT_DATELINES = (
    # ordinary sentence starts
    "Police said - without giving details - that two men were held.",
    "Police said: the two men were held overnight.",
    "However: the talks will go on next week, officials said.",
    "US President Trump - who met Xi on Wednesday - said the talks went well.",
    "US President Trump — who met Xi on Wednesday — said the talks went well.",
    "Mr Khodorkovsky - who has been in jail for more than a year - pleaded not guilty.",
    "Iran - Opec's second-biggest oil producer - has raised its output.",
    "Iran – Opec's second-biggest oil producer and a big gas producer – has raised its output.",
    "Vera Drake – Leigh's drama about a backstreet abortionist – was named best film.",
    "Washington - the capital - was quiet.",
    "Yili - full name Inner Mongolia Yili Industrial - confirmed the deal.",
    "NATO - the alliance - said it would send more troops.",
    'Dresdner Kleinwort Wasserstein said: "In spite of the snow, it still feels good."',
    "Sometimes quality comes in bulk: this set contains no less than 34 films.",
    # quoted speakers
    "Xi: we will never give up on reunification with Taiwan.",
    "Xi: We will never give up on reunification with Taiwan.",
    'Xi: "We will never give up on reunification with Taiwan."',
    "Putin: I have no plans to meet the Ukrainian president this year.",
    "NG: This study started in 1982, long before my joining the lab in March of 2016.",
    "President Trump: The deal with China is the biggest deal ever made.",
    "Prime Minister Modi: India will not bow to pressure from anyone.",
    "Foreign Minister Wang Yi: China and Russia will keep close contact.",
    # headlines and headings
    "Brexit: Johnson wins vote to leave the EU",
    "Coronavirus: UK death toll rises to 10,000 as government extends lockdown",
    "Xi holds rare same-day talks with Putin, Trump",
    "BREAKING: The minister resigned.",
    "UPDATE: The ministers met again on Friday and agreed on a ceasefire.",
    "Update: The ministers met again on Friday and agreed on a ceasefire.",
    "Analysis — The talks show how far the two sides still are from a deal.",
    "Monday: The ministers met again and agreed on a ceasefire plan.",
    "Meanwhile — The ministers met again and agreed on a ceasefire plan.",
    "The Government: The ministers met again and agreed on a ceasefire plan.",
    "US President Joe Biden met the prime minister.",
    "Chinese President Xi Jinping held talks with Vladimir Putin (R) on Wednesday.",
    "Kim (R) - The leader of North Korea met the South Korean president.",
    "Tokyo: talks",
)


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text: str) -> None:
    assert match_prefix(text, PUB) is None
    c = clean_document(Document(id="t", text=f"{text}\n\n{BODY}", date=PUB))
    assert c.dateline is None or c.dateline.place is None
    assert text.split()[0] in c.text or c.doc.title == text


def test_dateline_match_keeps_its_positional_shape() -> None:
    """Callers build and read DatelineMatch(place, date, raw, end); agency is an addition."""
    m = DatelineMatch("Beijing", None, "BEIJING:", 9)
    assert (m.place, m.date, m.raw, m.end, m.agency) == ("Beijing", None, "BEIJING:", 9, None)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 50_000 + " –",
        "NEW " * 20_000 + "–",
        "Rio de " * 20_000 + "Janeiro –",
        "Kyiv" + "-Kyiv" * 20_000 + " — The",
        "KYIV, " + "Ukraine " * 20_000 + "(AP) —",
        "Tokyo: " + "The talks went on. " * 5_000,
        "Tokyo — " + "word " * 50_000 + ".",
    ],
    ids=["caps-run", "caps-words", "particles", "hyphens", "region", "colon-body", "dash-body"],
)
def test_hostile_input_is_matched_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    match_prefix(text, PUB)
    assert time.perf_counter() - started < 0.5
