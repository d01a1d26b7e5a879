"""Text normalisation for the actor knowledge base: tokenising short phrases, folding
accents and quotes, splitting hyphens and possessives, singulars and plurals of role words.

Patterns and text go through the same functions, so a pattern matches the text it was
written for ("U.S." and "US", "Mélenchon" and "Melenchon", "Putin's").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "POSSESSIVE",
    "Tok",
    "normalize_phrase",
    "plurals",
    "singular",
    "token_stream",
    "tokenize",
    "word_parts",
    "wordset",
]


def wordset(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00f8": "o",
        "\u00d8": "O",
        "\u0142": "l",
        "\u0141": "L",
        "\u00df": "ss",
        "\u0111": "d",
        "\u0110": "D",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u0131": "i",
        "\u00fe": "th",
        "\u00f0": "d",
    }
)
_TOKEN_RE = re.compile(r"\w+(?:[.'\u2019]\w+)*\.?|[^\w\s]")
POSSESSIVE = "'s"
_IRREGULAR_SINGULAR = MappingProxyType(
    {
        "men": "man",
        "women": "woman",
        "people": "person",
        "children": "child",
        "police": "police",
        "staff": "staff",
        "personnel": "personnel",
        "media": "media",
        "clergy": "clergy",
        "militia": "militia",
        "news": "news",
        "series": "series",
        "chiefs": "chief",
        "thieves": "thief",
        "wives": "wife",
        "lives": "life",
    }
)


@dataclass(frozen=True, slots=True)
class Tok:
    norm: str
    word: int
    raw: str
    """Surface form (dots and quotes dropped); '' for punctuation."""

    @property
    def upper(self) -> bool:
        return self.raw.isupper()

    @property
    def cap(self) -> bool:
        return self.raw[:1].isupper() or self.raw[:1].isdigit()


def _fold(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'")
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def word_parts(word: str) -> list[tuple[str, str]]:
    """Normalised pieces of one word: (form, surface form without dots and quotes)."""
    if word.isalnum() and word.isascii():
        return [(word.lower(), word)]
    out: list[tuple[str, str]] = []
    for piece in _fold(word).split("-"):
        if not piece:
            continue
        low = piece.lower()
        if low in ("'s", "'"):
            out.append((POSSESSIVE, ""))
            continue
        possessive = False
        if len(low) > 2 and low.endswith("'s"):
            piece, possessive = piece[:-2], True
        elif len(low) > 2 and low.endswith("s'"):
            piece, possessive = piece[:-1], True
        core = piece.replace(".", "").replace("'", "")
        if core:
            out.append((core.lower(), core if core.isalnum() else ""))
        if possessive:
            out.append((POSSESSIVE, ""))
    return out


def tokenize(text: str) -> list[str]:
    """Split a short phrase into words roughly as spaCy would ("U.S." stays whole)."""
    return _TOKEN_RE.findall(text)


def normalize_phrase(text: str) -> tuple[str, ...]:
    """The normalised token sequence used as a knowledge-base key."""
    return tuple(p[0] for w in tokenize(text) for p in word_parts(w))


def token_stream(words: Sequence[str], start: int, limit: int) -> list[Tok]:
    out: list[Tok] = []
    i = start
    while i < len(words) and len(out) < limit:
        word = words[i]
        if word == "." and not _abbreviation(words[i - 1] if i > 0 else ""):
            out.append(Tok(".", i, ""))  # a full stop ends any match
        else:
            for norm, raw in word_parts(word):
                out.append(Tok(norm, i, raw))
        i += 1
    return out


def _abbreviation(word: str) -> bool:
    """'Lt', 'Gen', 'St', 'U.S': a word that a separate '.' token abbreviates."""
    core = word.replace(".", "")
    return 0 < len(core) <= 4 and core.isalpha() and word[:1].isupper()


def singular(tok: str) -> str | None:
    if tok in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[tok]
    if tok.endswith("men") and len(tok) > 4:
        return tok[:-3] + "man"
    if tok.endswith("people") and len(tok) > 6:
        return tok[:-6] + "person"
    if tok.endswith("ies") and len(tok) > 4:
        return tok[:-3] + "y"
    if tok.endswith(("ches", "shes", "sses", "xes", "zes")):
        return tok[:-2]
    if tok.endswith("s") and not tok.endswith(("ss", "us", "is")) and len(tok) > 3:
        return tok[:-1]
    return None


def plurals(tok: str) -> list[str]:
    if tok.endswith("man") and len(tok) > 3:
        return [tok[:-3] + "men"]
    if tok.endswith("person"):
        return [tok[:-6] + "people", tok + "s"]
    if len(tok) < 3 or (tok.endswith(("ss", "us", "is")) and not tok.endswith("ss")):
        return []
    if tok.endswith("y") and tok[-2:-1] not in ("a", "e", "i", "o", "u"):
        return [tok[:-1] + "ies"]
    if tok.endswith(("s", "x", "z", "ch", "sh")):
        return [tok + "es"]
    return [tok + "s"]
