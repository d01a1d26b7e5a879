"""Sentence spans: abbreviations, paragraphs, and the span invariant for arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.model import CleanDocument, Document
from accord.text import clean_document, clean_text, split_sentences


def clean(text: str) -> CleanDocument:
    return clean_document(Document(id="s", text=text))


def assert_span_invariants(c: CleanDocument) -> None:
    previous_end = 0
    for i, s in enumerate(c.sentences):
        start, end = s.span
        assert s.index == i
        assert c.text[start:end] == s.text
        assert s.text and s.text == s.text.strip()
        assert previous_end <= start < end
        assert "\n\n" not in s.text  # never crosses a paragraph
        previous_end = end


def test_abbreviations_do_not_split() -> None:
    c = clean(
        "Gen. Mark Smith met U.S. President Donald Trump on Jan. 5 in Washington. "
        "Dr. Lee arrived at 5 p.m. on Monday. Growth was 3.5 percent in the U.K. last year."
    )
    assert [s.text for s in c.sentences] == [
        "Gen. Mark Smith met U.S. President Donald Trump on Jan. 5 in Washington.",
        "Dr. Lee arrived at 5 p.m. on Monday.",
        "Growth was 3.5 percent in the U.K. last year.",
    ]
    assert_span_invariants(c)


def test_sentences_stay_inside_paragraphs() -> None:
    c = clean("First paragraph without a full stop\n\nSecond paragraph. It has two sentences.")
    texts = [s.text for s in c.sentences]
    assert "Second paragraph." in texts and "It has two sentences." in texts
    assert_span_invariants(c)


def test_quotes_and_final_punctuation() -> None:
    c = clean('"We will not back down," the minister said. "Never." The talks ended.')
    assert [s.text for s in c.sentences][-1] == "The talks ended."
    assert_span_invariants(c)


def test_split_sentences_offsets_follow_the_paragraph_spans() -> None:
    text, spans, *_ = clean_text("One here. Two here.\n\nThree here.")
    sentences = split_sentences(text, spans)
    assert [s.span for s in sentences] == [(0, 9), (10, 19), (21, 32)]


_ALPHABET = st.sampled_from(
    [
        *"abcXYZ .,;:!?\"'()-—–…\n\n\t\r\u00a0\u200b\u2028\ufeff\u00ad0123456789",
        "U.S.",
        "Gen. ",
        "Jan. 5",
        "Mr. ",
        "BEIJING: ",
        "Must Read\n",
        "LEAVE A REPLY\n",
        "Photo: x\n",
        "é",
        "ß",
        "中文",
        "😀",
        "\x00",
        "\x85",
        "(Reuters) - ",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_round_trip_for_arbitrary_text(text: str) -> None:
    assert_span_invariants(clean(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_spans_round_trip_for_any_unicode(text: str) -> None:
    assert_span_invariants(clean(text))


def test_a_clock_time_ends_a_sentence_unless_a_day_month_or_zone_follows() -> None:
    c = clean(
        "The curfew ran between 3 p.m. and 6 a.m. Thailand planned a curfew of its own. "
        "Polls opened at 6 a.m. Monday, closed at 8 p.m. EST and reopened at 9 a.m. Moscow "
        "time. Talks began at 10 a.m. The talks ended at noon."
    )
    assert [s.text for s in c.sentences] == [
        "The curfew ran between 3 p.m. and 6 a.m.",
        "Thailand planned a curfew of its own.",
        "Polls opened at 6 a.m. Monday, closed at 8 p.m. EST and reopened at 9 a.m. Moscow time.",
        "Talks began at 10 a.m.",
        "The talks ended at noon.",
    ]
    assert_span_invariants(c)


def test_a_middle_initial_does_not_end_the_sentence() -> None:
    c = clean("Trump granted Edward J. DeBartolo Jr. a full pardon. DeBartolo owned the team.")
    assert [s.text for s in c.sentences] == [
        "Trump granted Edward J. DeBartolo Jr. a full pardon.",
        "DeBartolo owned the team.",
    ]
    assert_span_invariants(c)
    # a Roman numeral is no initial: "World War I." ends its sentence
    war = clean("He fought in World War I. The war ended.")
    assert [s.text for s in war.sentences] == ["He fought in World War I.", "The war ended."]
