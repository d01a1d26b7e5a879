"""Hand-written dependency parses for model-free unit tests of the coder."""

from __future__ import annotations

from accord.model import ParsedSentence, Sentence, Token


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
