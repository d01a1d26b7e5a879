"""The indexed look-ups behind coding speed give exactly what a plain scan gives.

Each fast path (pattern words found through a context's position table, verb patterns
filed under the words they need, one token stream per sentence for knowledge-base
names) is compared with the straightforward algorithm it replaced, written out here,
on generated inputs.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.coding.kb.text import token_stream
from accord.coding.patterns import (
    Context,
    Pattern,
    PatternIndex,
    Slot,
    context_keys,
    word_match,
)
from accord.coding.patterns import _find as fast_find
from accord.model import Token

WORDS = ["talk", "talks", "held", "hold", "on", "upon", "aid", "-", "the", "sanction", "x"]


def _token(i: int, text: str, lemma: str) -> Token:
    return Token(i=i, text=text, lemma=lemma, pos="NOUN", tag="NN", dep="dobj", head=0, idx=i)


tokens_st = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)), max_size=8)
phrases_st = st.lists(st.lists(st.sampled_from(WORDS), max_size=3).map(tuple), max_size=4)


def _reference_find(
    alternatives: Sequence[tuple[str, ...]],
    context: Sequence[Token],
    pos: int,
    anchors: set[int] | None,
) -> tuple[int, int] | None:
    """The scan ``_find`` replaced: every alternative at every position."""
    best: tuple[int, int] | None = None
    for phrase in alternatives:
        n = len(phrase)
        for start in range(pos, len(context) - n + 1):
            if best is not None and start >= best[0]:
                break
            if anchors is not None and context[start].i not in anchors:
                continue
            if all(word_match(context[start + k], phrase[k]) for k in range(n)):
                best = (start, n)
                break
    return best


@settings(max_examples=300, deadline=None)
@given(
    pairs=tokens_st,
    alternatives=phrases_st,
    pos=st.integers(0, 8),
    anchors=st.none() | st.sets(st.integers(0, 8)),
)
def test_find_equals_the_plain_scan(
    pairs: list[tuple[str, str]],
    alternatives: list[tuple[str, ...]],
    pos: int,
    anchors: set[int] | None,
) -> None:
    tokens = [_token(i, text, lemma) for i, (text, lemma) in enumerate(pairs)]
    pos = min(pos, len(tokens))
    if anchors is not None:
        # an empty alternative lets the plain scan index one past the end (both raise)
        alternatives = [a for a in alternatives if a]
    slot = Slot(alternatives=tuple(alternatives))
    context = Context(tokens, None)
    assert fast_find(slot, context, pos, anchors) == _reference_find(
        slot.alternatives, tokens, pos, anchors
    )


@settings(max_examples=200, deadline=None)
@given(
    pairs=tokens_st,
    patterns=st.lists(st.tuples(phrases_st, phrases_st, st.booleans()), min_size=1, max_size=6),
)
def test_pattern_index_keeps_every_pattern_that_may_match(
    pairs: list[tuple[str, str]],
    patterns: list[tuple[list[tuple[str, ...]], list[tuple[str, ...]], bool]],
) -> None:
    tokens = [_token(i, text, lemma) for i, (text, lemma) in enumerate(pairs)]
    half = len(tokens) // 2
    pre, post = Context(tokens[:half], None), Context(tokens[half:], None)
    built = []
    for k, (before, after, marker) in enumerate(patterns):
        pre_slots = tuple(Slot(alternatives=(p,)) for p in before if p)
        post_slots = tuple(Slot(alternatives=(p,)) for p in after if p)
        if marker:
            post_slots = (Slot(marker="+"), *post_slots)
        built.append(
            Pattern("B", pre_slots, post_slots, "010", None, frozenset(), k, f"pattern {k}")
        )
    index = PatternIndex(built)
    pre_keys, post_keys = context_keys(pre), context_keys(post)
    expected = [
        p
        for p in built
        if all(s.marker or s.may_match(post_keys) for s in p.post)
        and all(s.marker or s.may_match(pre_keys) for s in p.pre)
    ]
    found = index.candidates(pre_keys, post_keys)
    assert [p for p in found if p in expected] == expected  # none lost, order kept


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["U.S.", ".", "Lt", "Gen", "Putin's", "a-b-c", "...", "'", "Xi", "the"]),
        max_size=12,
    ),
    limit=st.integers(1, 6),
)
def test_one_stream_per_sentence_equals_a_stream_per_word(words: list[str], limit: int) -> None:
    from accord.coding.kb.resolver import _Streams

    streams = _Streams(words, limit)
    for i in range(len(words)):
        own = token_stream(words, i, limit)
        expected = own if own and own[0].word == i and words[i] != "." else []
        assert streams.at(i) == expected
        assert streams.first_norm(i) == (expected[0].norm if expected else None)
