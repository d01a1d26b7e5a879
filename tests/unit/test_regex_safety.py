"""Bounded work on hostile text (issue 13, item 1): no regex and no cleaning step is
super-linear, and no overlong token reaches the parser.

Every pattern that the text, ingest and nlp layers apply to input text (found, not listed:
``bench/regex_scaling.py``) runs over adversarial inputs in a forked child: 1 MB runs of
what the issue names (letters, dots, plus and minus signs, ``@``, digits, spaces, newlines,
quotes, nested brackets, ``a.``, all mixed) and 250 KB runs of the other characters that
open or close something in some pattern, and of lead-ins before runs for the patterns
anchored at the start (a quadratic pattern takes minutes at 250 KB too, and the suite
stays short). Each input must finish within 2 s, where a linear pattern takes milliseconds
and a quadratic one minutes to hours. A child that hangs is killed, so a regression fails
in seconds instead of stalling the suite.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping
from multiprocessing.connection import Connection
from types import MappingProxyType
from typing import Any

import pytest
from bench.regex_scaling import (
    RawPattern,
    bounded_by_use,
    inputs_for,
    raw_text_patterns,
    time_pattern,
)

from accord.ingest import feeds
from accord.text import boilerplate
from accord.text.clean import clean_text

MB = 1_000_000
BUDGET_S = 2.0
"""Per pattern and input; a linear pattern takes milliseconds on 1 MB."""
WATCHDOG_S = 5.0
"""A child silent this long is killed (the budget, with room for a loaded machine)."""


def _param(raw: RawPattern) -> Any:
    return pytest.param(raw, id=raw.name)


def _watched(
    work: Callable[[Connection], None], what: str, watchdog: float = WATCHDOG_S
) -> Iterator[Any]:
    """Run ``work(conn)`` in a forked child and yield what it sends until it sends None.

    ``work`` sends ``("start", label)`` before each step; when nothing comes for
    ``watchdog`` seconds the child is killed and the test fails naming the step.
    """
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=work, args=(send,), daemon=True)
    child.start()
    send.close()
    step = "start-up"
    try:
        while True:
            if not receive.poll(watchdog):
                pytest.fail(f"{what}: {step} still running after {watchdog:.0f} s (killed)")
            message = receive.recv()
            if message is None:
                return
            if message[0] == "start":
                step = message[1]
            else:
                yield message
    finally:
        child.kill()
        child.join()
        receive.close()


def _time_all(raw: RawPattern) -> Callable[[Connection], None]:
    def work(conn: Connection) -> None:
        inputs = inputs_for(raw.pattern, MB, ["issue"])
        inputs |= inputs_for(raw.pattern, MB // 4, ["more", "lead-ins"])
        for name, text in inputs.items():
            conn.send(("start", name))
            conn.send(("done", name, time_pattern(raw, text)))
        conn.send(None)

    return work


@pytest.mark.parametrize("raw", [_param(r) for r in raw_text_patterns()])
def test_pattern_is_not_catastrophic_on_hostile_inputs(raw: RawPattern) -> None:
    times = {name: t for _, name, t in _watched(_time_all(raw), raw.name)}
    slow = {name: round(t, 2) for name, t in times.items() if t >= BUDGET_S}
    assert times and not slow, f"{raw.name}: over {BUDGET_S} s: {slow}"


def test_the_audit_finds_the_patterns_it_must() -> None:
    names = {r.name for r in raw_text_patterns()}
    # one of each kind: module-level, in a table, inline in a function, in another layer
    assert "accord.text.boilerplate._EMAIL" in names
    assert any(n.startswith("accord.text.dates._PATTERNS[") for n in names)
    assert any(n.startswith("accord.text.dateline._SHAPES[") for n in names)
    assert any(":re." in n for n in names)  # e.g. "accord.text.dateline.f:re.sub('...')"
    assert "accord.ingest.decode._VALID_MULTIBYTE" in names
    # quadratic alone, bounded by use: timed through the code that applies them
    bounded = {r.name for r in raw_text_patterns() if r.use is not None}
    assert (
        bounded
        == set(bounded_by_use())
        == {
            "accord.ingest.html._TAG_SNIFF",
            "accord.ingest.feeds._TAG",
        }
    )
    assert len(names) > 60


# The whole cleaner on the inputs of the issue and on the shapes that made a cleaning
# step (not a regex) quadratic.
CLEANER_CASES: Mapping[str, str] = MappingProxyType(
    {
        # issue 13: a short paragraph holding a long run of letters, dots, plus or minus signs
        "200k letters": "The minister said " + "a" * 200_000 + " on Monday.\n\nMore text.",
        "200k 'a.'": "The minister said " + "a." * 100_000 + " on Monday.\n\nMore text.",
        "200k 'a-'": "The minister said " + "a-" * 100_000 + " on Monday.\n\nMore text.",
        "200k '+'": "The minister said " + "+" * 200_000 + " on Monday.\n\nMore text.",
        "1 MB token": "x" * MB,
        # every line continues the one before ("a" starts in lower case, ends unpunctuated)
        "500k continued lines": "Start\n" + "a\n" * 500_000,
        "hard-wrapped block": "\n".join(["w" * 59 + " " + "x" * 20] * 12_000),
        # every line a teaser heading, with or without body text between them
        "100k teaser headings": "Related\n" * 100_000,
        "headings between sentences": "He said so.\n\nRelated\n\n" * 40_000,
        "1 MB of spaces and newlines": " \n" * 500_000,
    }
)
CLEANER_BUDGET_S = 10.0
"""For a whole 1 MB document through the cleaner (normalise, boilerplate, sentences)."""


def test_cleaner_is_bounded_on_hostile_documents() -> None:
    def work(conn: Connection) -> None:
        for name, text in CLEANER_CASES.items():
            conn.send(("start", name))
            start = time.perf_counter()
            clean_text(text)
            conn.send(("done", name, time.perf_counter() - start))
        conn.send(None)

    times = {name: t for _, name, t in _watched(work, "clean_text", CLEANER_BUDGET_S + 5)}
    slow = {n: round(t, 2) for n, t in times.items() if t >= CLEANER_BUDGET_S}
    assert len(times) == len(CLEANER_CASES) and not slow, slow


# The token cap: a whitespace-separated token over 100 characters is dropped by the cleaner,
# so neither the sentence splitter nor spaCy (whose tokenizer is quadratic in a run of
# closing brackets or quotes) ever sees it.
CAP = 100


@pytest.mark.parametrize("unit", ["a", "a.", ")", "'", "http://x.org/"])
def test_overlong_tokens_are_dropped_before_parsing(unit: str) -> None:
    token = (unit * 300)[:300]
    text, spans, _, _, removed = clean_text(f"Russia attacked {token} Ukraine on Monday.")
    assert text == "Russia attacked Ukraine on Monday."
    assert "long-token" in removed
    assert [text[a:b] for a, b in spans] == [text]


def test_token_cap_bound() -> None:
    at_cap, over = "b" * CAP, "c" * (CAP + 1)
    text, _, _, _, removed = clean_text(f"Officials said {at_cap} and {over} today.")
    assert text == f"Officials said {at_cap} and today."
    assert max(len(t) for t in text.split()) <= CAP
    assert "long-token" in removed
    # a paragraph that is nothing but an overlong token goes whole
    text, _, _, _, _ = clean_text(f"First paragraph here.\n\n{over}\n\nLast one here.")
    assert text == "First paragraph here.\n\nLast one here."


def test_ordinary_text_keeps_every_token() -> None:
    url = "https://www.example.com/news/2020/01/02/a-long-slug-about-the-story-title.html"
    text, _, _, _, removed = clean_text(f"The ministry posted it at {url} on Monday.")
    assert url in text and "long-token" not in removed


def test_email_lines_still_cut() -> None:
    """The e-mail pattern's rewrite keeps what it finds: contact lines go, others stay."""
    for line in (
        "Contact the reporter at jane.doe+news@example.co.uk",
        "Write to j_smith@mail-server.example.org.",
        "Tips: a@b.cd",
    ):
        text, _, _, _, removed = clean_text(f"The army moved in on Monday.\n\n{line}")
        assert text == "The army moved in on Monday.", line
        assert "contact-line" in removed
    for line in ("Reach us @example on X.", "user@localhost said it.", "He wrote @ 5 p.m."):
        text, _, _, _, _ = clean_text(f"The army moved in on Monday.\n\n{line}")
        assert line in text, line


def test_regex_flags_survive_discovery() -> None:
    """Inline patterns are compiled with their own flags (re.IGNORECASE here)."""
    by_name = {r.name: r.pattern for r in raw_text_patterns()}
    assert by_name["accord.text.boilerplate.TEASER_HEADING"].flags & re.IGNORECASE


# The rewritten patterns find what the old ones found (on random mixes of the pieces that
# matter to each, and on the lines above).
def _mixes(pieces: tuple[str, ...], count: int = 3000, seed: int = 13) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))


_OLD_END = r"\s*[:»›>|\-–—.…]*\s*$"


@pytest.mark.parametrize("name", ["TEASER_HEADING", "COMMENT_HEADING"])
def test_heading_end_rewrite_matches_the_same_lines(name: str) -> None:
    new: re.Pattern[str] = getattr(boilerplate, name)
    old = re.compile(new.pattern.replace(boilerplate._END, _OLD_END), new.flags)
    assert old.pattern != new.pattern
    pieces = ("Related", "related stories", "Comments", "more from", " BBC", " ", "  ", ":", "»")
    pieces += ("-", "—", ".", "…", "|", ">", "x", "!", "\t")
    for text in _mixes(pieces):
        assert bool(old.match(text)) == bool(new.match(text)), repr(text)


def test_email_rewrite_finds_the_same_addresses() -> None:
    old = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    pieces = ("a", "B", "1", "_", ".", "+", "-", "@", " ", "é", "com", "!", "@x.org")
    for text in _mixes(pieces, 5000):
        assert bool(old.search(text)) == bool(boilerplate._EMAIL.search(text)), repr(text)


def test_inline_photo_rewrite_removes_the_same_credits() -> None:
    new = boilerplate._INLINE_PHOTO
    old = re.compile(new.pattern.removeprefix(r"(?<!\s)"), new.flags)
    assert old.pattern != new.pattern
    pieces = (" ", "  ", "\t", "(", ")", "Photo by Jane", "file photo: X", "Joe/Getty Images")
    pieces += ("/AFP", "word", "(Reuters)", "x")
    for text in _mixes(pieces):
        assert old.sub("", text) == new.sub("", text), repr(text)


def test_feed_markup_helpers_match_the_old_patterns() -> None:
    markup = re.compile(r"<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;")
    tag = re.compile(r"<[^>]*>")
    pieces = ("<", ">", "<p", "</p>", "<!--", "&", "&amp;", "&#1;", ";", "a", " ", "<<", "/")
    for text in _mixes(pieces):
        assert feeds._has_markup(text) == bool(markup.search(text)), repr(text)
        assert feeds._strip_tags(text) == tag.sub(" ", text), repr(text)
