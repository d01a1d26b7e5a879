"""What a sentence or a story is about, where it changes who the actors are.

In a sports report a country named as the actor is a national team ("England beat Wales
20-10"), not the state. A sentence speaks of sport when it holds a word of
``data/lexicon/sport_context.txt``; a story is a sports story when at least a quarter of
its sentences hold such a word or a score ("2-1", "6-4").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

from accord.coding.lexicon import words
from accord.model import ParsedSentence, Token

__all__ = ["SPORT_STORY_SHARE", "sport_sentence", "sport_story"]

_SPORT = words("sport_context.txt")
_SCORE = re.compile(r"(?<![\d-])\d{1,2} ?[-–] ?\d{1,2}(?![\d-])")
SPORT_STORY_SHARE = 0.25


def sport_sentence(tokens: Sequence[Token]) -> bool:
    """Whether the sentence holds a sport word, or two scores ("won 3-6 7-6 7-5"; one
    score alone may be a vote: "a 5-4 ruling")."""
    texts = [t.text.lower() for t in tokens]
    if _SPORT.intersection(texts):
        return True
    if any(f"{a} {b}" in _SPORT for a, b in itertools.pairwise(texts)):
        return True
    return len(_SCORE.findall(" ".join(t.text for t in tokens))) >= 2


def sport_story(parsed: Sequence[ParsedSentence], sporting: Collection[int] | None = None) -> bool:
    """Whether at least ``SPORT_STORY_SHARE`` of the story's sentences (and two of them)
    hold a sport word or a score ("20-10"; a score alone does not make one sentence about
    sport: "a 5-4 ruling"). ``sporting``: the indices of the sentences that hold a sport
    word, when the caller knows them."""
    hits = 0
    for ps in parsed:
        worded = ps.sentence.index in sporting if sporting is not None else None
        if worded is None:
            worded = sport_sentence(ps.tokens)
        if worded or _SCORE.search(ps.sentence.text):
            hits += 1
    return hits >= 2 and hits >= SPORT_STORY_SHARE * len(parsed)
