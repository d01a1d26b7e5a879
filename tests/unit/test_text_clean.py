"""Cleaner: boilerplate, headlines and subheads, datelines, normalisation, the seed report."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.model import CleanDocument, Dateline, Document
from accord.text import clean_document
from tests.shared_data import shared_path

BODY = [
    "ISLAMABAD: The foreign ministers of Pakistan and Afghanistan met on Tuesday to discuss "
    "border security, officials said.",
    "The two sides agreed to set up a joint commission that will meet every three months, "
    "according to a statement issued after the talks.",
    "Related trade issues were also discussed, the statement said, and both ministers "
    "promised to reopen the Torkham crossing to commercial traffic.",
    "Analysts said the meeting was a modest but important step after months of tension along "
    "the border.",
]

SCRAPED_TAIL = [
    "Sara Khan",
    "Sara Khan",
    "The writer is a senior correspondent at The Daily Example. She covers diplomacy and "
    "security. She tweets as @sara_example and can be reached at sara.khan@example.com",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "Please enter your name here",
    "Must Read",
    "Floods displace thousands in northern districts; 40 villages submerged",
    "PESHAWAR: Heavy rains have displaced thousands of people across northern districts, "
    "officials said, as rescue teams struggled to reach...",
]


def clean(text: str, **fields: object) -> CleanDocument:
    return clean_document(Document(id="t", text=text, **fields))  # type: ignore[arg-type]


def paragraphs(*parts: str) -> str:
    return "\n\n".join(parts)


def test_scraped_tail_is_cut_and_body_kept() -> None:
    title = "Pakistan, Afghanistan agree on border commission"
    c = clean(paragraphs(title, *BODY, *SCRAPED_TAIL))
    assert c.doc.title == title
    assert c.dateline == Dateline(place="Islamabad", date=None, raw="ISLAMABAD:")
    expected = [BODY[0].removeprefix("ISLAMABAD: "), *BODY[1:]]
    assert c.text == "\n\n".join(expected)
    for junk in (
        "Sara Khan",
        "writer is",
        "tweets",
        "LEAVE A REPLY",
        "Please enter",
        "Must Read",
        "Floods",
        "PESHAWAR",
    ):
        assert junk not in c.text
    assert {"author-bio", "comment-form", "related-stories"} <= set(c.removed)
    assert c.sentences[0].text.startswith("The foreign ministers of Pakistan")


def test_teaser_heading_without_comment_form_cuts_the_tail() -> None:
    tail = [p for p in SCRAPED_TAIL if not p.startswith(("LEAVE", "Please"))]
    c = clean(paragraphs(*BODY, *tail))
    assert "Floods" not in c.text and "PESHAWAR" not in c.text and "Must Read" not in c.text
    assert c.text.endswith(BODY[-1])


def test_short_article_with_a_long_teaser_is_still_cut() -> None:
    teaser = (
        "PESHAWAR: Heavy rains have displaced thousands of people across northern districts "
        "in the past week, officials said on Sunday. "
    ) * 4
    for tail in (
        ["LEAVE A REPLY", "Must Read", "Floods displace thousands", teaser],
        ["Must Read", "Floods displace thousands", teaser],
    ):
        c = clean(paragraphs(BODY[1], BODY[3], *tail))
        assert c.text == paragraphs(BODY[1], BODY[3])


def test_body_paragraphs_mentioning_related_or_read_more_are_kept() -> None:
    body = [
        *BODY,
        "Officials said more related talks would follow. Read more about the commission's "
        "mandate in the statement, they added.",
        "Recommended changes to the visa regime will be discussed in March.",
    ]
    c = clean(paragraphs(*body))
    assert "more related talks would follow" in c.text
    assert "Recommended changes to the visa regime" in c.text
    assert c.removed == ("dateline",)


def test_inline_teaser_block_mid_article_keeps_the_body_after_it() -> None:
    body = [
        *BODY[:2],
        "DON'T MISS",
        "Floods displace thousands in northern districts",
        "Cricket board names new captain [VIDEO]",
        *BODY[2:],
    ]
    c = clean(paragraphs(*body))
    assert "Floods" not in c.text and "DON'T MISS" not in c.text and "Cricket" not in c.text
    assert BODY[3] in c.text and BODY[2] in c.text
    assert "related-stories" in c.removed


def test_related_heading_early_with_long_body_after_is_not_a_tail() -> None:
    body = [BODY[0], "Related", "Border clashes leave two dead", *BODY[1:], *BODY[1:]]
    c = clean(paragraphs(*body))
    assert c.text.count(BODY[3]) == 2
    assert "Border clashes" not in c.text


def test_photo_credits_and_share_prompts_are_removed() -> None:
    text = paragraphs(
        "Photo: Reuters",
        "The president signed the decree on Monday, his office said. (Photo by Jane Doe/Getty "
        "Images)",
        "Image copyright AFP",
        "Share this article",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        "Click here to get the latest updates",
        "File photo of the presidential palace",
        "The decree takes effect immediately and applies to all ministries.",
        "(Reporting by Tom Lee; Editing by Ann Roe)",
        "© 2026 Example News. All rights reserved.",
    )
    c = clean(text)
    assert c.text == paragraphs(
        "The president signed the decree on Monday, his office said.",
        "The decree takes effect immediately and applies to all ministries.",
    )
    assert {"photo-credit", "share-prompt", "copyright", "wire-credits"} <= set(c.removed)


def test_byline_near_the_top_is_removed() -> None:
    c = clean(paragraphs("Ceasefire holds in the south", "By John Smith and Mary Jones", *BODY[1:]))
    assert c.doc.title == "Ceasefire holds in the south"
    assert "John Smith" not in c.text
    assert c.text.startswith("The two sides agreed")


# --- headlines and subheads ---------------------------------------------------------------


def test_first_short_line_becomes_the_title_when_none_is_given() -> None:
    c = clean(paragraphs("Ministers meet in Geneva", *BODY[1:]))
    assert c.doc.title == "Ministers meet in Geneva"
    assert not c.text.startswith("Ministers meet")


def test_existing_title_is_kept_and_a_repeated_headline_dropped() -> None:
    c = clean(paragraphs("Ministers Meet in Geneva", *BODY[1:]), title="Ministers meet in Geneva")
    assert c.doc.title == "Ministers meet in Geneva"
    assert c.text.startswith("The two sides agreed")


def test_a_sentence_first_line_is_not_a_title() -> None:
    c = clean(paragraphs(*BODY[1:]))
    assert c.doc.title is None
    assert c.text.startswith("The two sides agreed")


def test_subheads_are_dropped_but_lists_and_lead_ins_kept() -> None:
    c = clean(
        paragraphs(
            BODY[1],
            "China-Russia talks highlight strategic alignment",
            BODY[2],
            "The commission will have three tasks:",
            "- monitoring the crossing points",
            BODY[3],
        )
    )
    assert "highlight strategic alignment" not in c.text
    assert "three tasks:" in c.text and "- monitoring the crossing points" in c.text
    assert "subhead" in c.removed
    assert all("strategic alignment" not in s.text for s in c.sentences)


def test_a_single_short_line_is_kept() -> None:
    c = clean("Protesters clash with police in Paris")
    assert c.text == "Protesters clash with police in Paris"
    assert len(c.sentences) == 1


# --- datelines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "place", "date", "rest"),
    [
        (
            "BEIJING: Chinese President Xi Jinping held talks.",
            "Beijing",
            None,
            "Chinese President Xi Jinping held talks.",
        ),
        (
            "RAWALPINDI: Security forces concluded an operation.",
            "Rawalpindi",
            None,
            "Security forces concluded an operation.",
        ),
        (
            "WASHINGTON (Reuters) - The Senate passed the bill.",
            "Washington",
            None,
            "The Senate passed the bill.",
        ),
        (
            "LONDON, Jan 5 (AFP) — Britain recalled its envoy.",
            "London",
            dt.date(2026, 1, 5),
            "Britain recalled its envoy.",
        ),
        (
            "NEW DELHI, Feb. 3, 2026 (Xinhua) -- India signed the pact.",
            "New Delhi",
            dt.date(2026, 2, 3),
            "India signed the pact.",
        ),
        (
            "KYIV, Ukraine (AP) — Russia launched drones overnight.",
            "Kyiv, Ukraine",
            None,
            "Russia launched drones overnight.",
        ),
        ("WASHINGTON, D.C. — The summit opened.", "Washington, D.C.", None, "The summit opened."),
        (
            "(Reuters) — The company denied the report.",
            None,
            None,
            "The company denied the report.",
        ),
    ],
)
def test_dateline_prefixes(first: str, place: str | None, date: dt.date | None, rest: str) -> None:
    c = clean(paragraphs(first, BODY[1]), date=dt.date(2026, 2, 5))
    assert c.dateline is not None
    assert (c.dateline.place, c.dateline.date) == (place, date)
    assert c.text.startswith(rest)
    assert c.sentences[0].text == rest


def test_date_only_line_is_a_dateline_and_fills_a_missing_date() -> None:
    c = clean(
        paragraphs(
            "Monday, January 7, 2019",
            "United States President Donald Trump said on "
            "Friday he may declare a national emergency.",
        )
    )
    assert c.dateline == Dateline(
        place=None, date=dt.date(2019, 1, 7), raw="Monday, January 7, 2019"
    )
    assert c.doc.date == dt.date(2019, 1, 7)
    assert c.text.startswith("United States President")


def test_document_date_is_not_overridden_by_the_dateline() -> None:
    c = clean(paragraphs("Monday, January 7, 2019", BODY[1]), date=dt.date(2019, 1, 8))
    assert c.doc.date == dt.date(2019, 1, 8)


@pytest.mark.parametrize(
    "first",
    [
        "BREAKING: The minister resigned.",
        "US President Joe Biden met the prime minister.",
        "Washington - the capital - was quiet.",
    ],
)
def test_ordinary_openings_are_not_datelines(first: str) -> None:
    c = clean(paragraphs(first, BODY[1]))
    assert c.dateline is None
    assert c.text.startswith(first)


# --- normalisation ------------------------------------------------------------------------


def test_whitespace_and_unicode_oddities() -> None:
    text = (
        "\ufeffThe\u00a0minister\u200b said\t\tthe  talks\u2009went well.\r\n\r\n"
        "Second\u00adparagraph here.\rThird line here."
    )
    c = clean(text)
    assert c.text == paragraphs(
        "The minister said the talks went well.", "Secondparagraph here.", "Third line here."
    )


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The foreign ministers met in Geneva on Tuesday and agreed that\n"
        "their deputies would draft a framework for a ceasefire before\n"
        "the end of the month.\n"
        "\n"
        "Officials said the well-\n"
        "known mediator from Norway would chair the working group in Oslo.\n"
    )
    c = clean(text)
    assert c.text.split("\n\n") == [
        "The foreign ministers met in Geneva on Tuesday and agreed that their deputies would "
        "draft a framework for a ceasefire before the end of the month.",
        "Officials said the well-known mediator from Norway would chair the working group in Oslo.",
    ]


def test_paragraph_broken_mid_sentence_is_rejoined() -> None:
    c = clean(
        paragraphs(
            "The striker's late goal secured qualification for",
            "the club against Olympiakos on Wednesday evening.",
        )
    )
    assert len(c.sentences) == 1


def test_clean_is_deterministic_and_pure() -> None:
    doc = Document(id="t", text=paragraphs("Ministers meet", *BODY, *SCRAPED_TAIL))
    assert clean_document(doc) == clean_document(doc)
    assert doc.title is None  # the input is not changed


# --- the real seed report (read from ../shared, never copied into the repository) ----------


@pytest.mark.shared
def test_seed_report_cleans_to_the_article_body() -> None:
    seed = shared_path("seed", "xi-putin-trump-talks.txt")
    c = clean(seed.read_text(encoding="utf-8"))
    assert "Wang added that China" in c.text
    for junk in ("LEAVE A REPLY", "Must Read", "Balochistan", "tweets as", "Please enter"):
        assert junk not in c.text
    assert c.sentences[0].text.startswith("Chinese President Xi Jinping")
    assert c.dateline is not None and c.dateline.place == "Beijing"
    assert c.doc.title is not None and c.doc.title.startswith("Xi holds rare same-day talks")
    assert "China-Russia talks highlight strategic alignment" not in c.text
    for s in c.sentences:
        assert c.text[s.span[0] : s.span[1]] == s.text
