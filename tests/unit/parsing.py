"""Hand-written dependency parses for model-free unit tests of the coder."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from accord.model import ParsedSentence, Sentence, Token


@dataclass(frozen=True)
class Entry:
    """A knowledge-base entry for hand-built mentions (the fields the coder reads)."""

    code: str
    country: str | None
    role: str | None
    name: str
    kind: str


def parsed(spec: list[tuple[str, str, str, str, int]], index: int = 0) -> ParsedSentence:
    """Build a ParsedSentence from (text, lemma, pos, dep, head) tuples, one per token.

    Tokens are joined with single spaces, except before punctuation.
    """
    tokens: list[Token] = []
    text = ""
    for i, (word, lemma, pos, dep, head) in enumerate(spec):
        if text and pos != "PUNCT":
            text += " "
        tokens.append(
            Token(i=i, text=word, lemma=lemma, pos=pos, tag="", dep=dep, head=head, idx=len(text))
        )
        text += word
    return ParsedSentence(sentence=Sentence(index, text, (0, len(text))), tokens=tuple(tokens))


def tagged(ps: ParsedSentence, tags: dict[int, str]) -> ParsedSentence:
    """``ps`` with the fine-grained tags of some tokens set (index -> tag: 'VBN', 'PRP')."""
    tokens = tuple(dataclasses.replace(t, tag=tags.get(t.i, t.tag)) for t in ps.tokens)
    return dataclasses.replace(ps, tokens=tokens)


def with_entities(ps: ParsedSentence, ents: list[tuple[int, int, str]]) -> tuple[Token, ...]:
    """The sentence's tokens with entities (start, end, label) marked in IOB style."""
    tokens = list(ps.tokens)
    for start, end, label in ents:
        for i in range(start, end):
            iob = "B" if i == start else "I"
            tokens[i] = dataclasses.replace(tokens[i], ent_type=label, ent_iob=iob)
    return tuple(tokens)
