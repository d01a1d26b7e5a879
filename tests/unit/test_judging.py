"""The judged-precision sheet (accord.evaluation.judging): seeded sample, layout, tally."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from accord.errors import MalformedRecord
from accord.evaluation.judging import (
    FIELDS,
    ArticleContext,
    draw_sample,
    format_tally,
    parse_sheet,
    render_sheet,
    tally,
)
from tests.unit.test_eval_reference import event

EVENTS = [
    dataclasses.replace(
        event("USAGOV", "IRNGOV" if n % 2 else None, "042", sentence=f"Sentence {n}."),
        doc_id=f"d{n % 3}",
        sentence_index=n % 3,
        event_id=f"e{n}",
    )
    for n in range(12)
]
ARTICLES = {
    f"d{k}": ArticleContext(
        f"Title {k}", dt.date(2019, 1, k + 1), f"https://en.wikinews.org/wiki/T{k}",
        ("First.", "Second.", "Third."),
    )
    for k in range(3)
}  # fmt: skip


def test_the_sample_is_seeded() -> None:
    first = draw_sample(EVENTS, 5, seed=7)
    assert len(first) == 5 and len({e.event_id for e in first}) == 5
    assert draw_sample(list(reversed(EVENTS)), 5, seed=7) == first  # input order does not matter
    assert draw_sample(EVENTS, 5, seed=8) != first
    assert len(draw_sample(EVENTS, 50, seed=1)) == 12


def test_the_sheet_shows_the_context_and_empty_answers() -> None:
    sample = draw_sample(EVENTS, 3, seed=1)
    text = render_sheet(sample, ARTICLES, "# sheet\n\nWikinews, CC BY 2.5")
    assert text.startswith("# sheet\n\nWikinews, CC BY 2.5")
    first = sample[0]
    assert f"### 1. {first.event_id}" in text
    assert f"- sentence: **{first.sentence}**" in text
    assert "https://en.wikinews.org/wiki/T" in text
    assert "- code: 042" in text and "- source: `USAGOV`" in text
    assert text.count("- real: \n") == 3 and text.count("- note: \n") == 3
    judged = parse_sheet(text)
    assert [j.number for j in judged] == [1, 2, 3]
    assert not any(j.judged for j in judged)


def test_before_and_after_are_the_neighbouring_sentences() -> None:
    middle = next(e for e in EVENTS if e.sentence_index == 1)
    text = render_sheet([middle], ARTICLES, "#")
    assert "- before: First.\n" in text and "- after: Third.\n" in text
    first = next(e for e in EVENTS if e.sentence_index == 0)
    assert "- before: \n" in render_sheet([first], ARTICLES, "#")


def filled(answers: list[dict[str, str]]) -> str:
    sample = draw_sample(EVENTS, len(answers), seed=3)
    text = render_sheet(sample, ARTICLES, "#")
    out: list[str] = []
    item = -1
    for line in text.splitlines():
        if line.startswith("### "):
            item += 1
        for field, value in answers[item].items() if item >= 0 else ():
            if line == f"- {field}: ":
                line = f"- {field}: {value}"
        out.append(line)
    return "\n".join(out)


def test_the_tally_follows_judging_md() -> None:
    good = {"real": "yes", "source_ok": "country_only", "target_ok": "null_ok",
            "code_ok": "root", "date_ok": "unsure"}  # fmt: skip
    answers = [
        good,
        dict(good, real="no"),
        dict(good, target_ok="missing_should_exist"),
        dict(good, code_ok="Exact", date_ok="no", note="fine: 042"),
        {"real": "yes"},  # not judged in full: left out of the share
    ]
    result = tally(parse_sheet(filled(answers)))
    assert (result.items, result.judged, result.fully_correct) == (5, 4, 2)
    assert result.share == pytest.approx(0.5)
    assert result.counts["code_ok"] == {"root": 3, "exact": 1}
    text = format_tally(result)
    assert "fully correct: 2/4 = 0.500" in text
    assert "target_ok  yes 0, country_only 0, no 0, missing_should_exist 1, null_ok 3" in text
    assert set(result.counts) == set(FIELDS)


def test_a_wrong_answer_names_its_item() -> None:
    with pytest.raises(MalformedRecord, match="item 2: real 'maybe'"):
        parse_sheet(filled([{"real": "yes"}, {"real": "maybe"}]), origin="sheet.md")
