"""Unicode and whitespace normalisation, and splitting text into paragraphs.

Paragraphs are blocks separated by blank lines. Inside a block, each line is its own paragraph
(scraped dumps often put one paragraph per line), except in hard-wrapped blocks (e-mail or
wire style, every line but the last 40-100 characters wide), whose lines are joined with spaces.
A paragraph without final punctuation that is followed by one starting in lowercase was broken
mid-sentence (scrapers drop links that way) and is joined to it.
"""

from __future__ import annotations

import re
import unicodedata

# Removed outright: zero-width characters, soft hyphen, BOM, bidi controls.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]")
# Unicode spaces (and tab) become a plain space.
_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Line and paragraph separators (and FF, VT, NEL) become a newline.
_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# Remaining C0/C1 control characters (except newline) are dropped.
_CONTROLS = re.compile("[\x00-\x09\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_MULTISPACE = re.compile(" {2,}")
_BLANK_LINES = re.compile(r"\n\s*\n")

# A paragraph ends in final punctuation, then maybe closing quotes or brackets (what the
# regex [.!?…:;。！？؟۔।॥]["'”’)\]]*$ finds; tested from the end, see _ends).
_FINAL = ".!?…:;。！？؟۔।॥"
_CLOSERS = "\"'”’)]"

_WRAP_MIN = 40
_WRAP_MAX = 100
_WRAP_SLACK = 5


def normalize_text(text: str) -> str:
    """NFC, unified line endings and spaces, no invisible or control characters.

    Line structure is kept; each line is stripped and runs of spaces are collapsed.
    """
    text = unicodedata.normalize("NFC", text)
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROLS.sub("", text)
    lines = (_MULTISPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in body):
        return False
    return len(lines[-1]) <= max(len(line) for line in body) + _WRAP_SLACK


def split_paragraphs(text: str) -> list[str]:
    """Normalised text -> non-empty single-line paragraphs.

    Linear in the text: a paragraph is built from a list of pieces and only its last piece
    is looked at when the next line comes (joining strings one line at a time, and
    searching a growing paragraph for its end, made 160 KB of continued lines take 23 s).
    """
    paragraphs: list[list[str]] = []
    for block in _BLANK_LINES.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        for line in [_join_wrapped(lines)] if _is_hard_wrapped(lines) else lines:
            if paragraphs and _continues(paragraphs[-1][-1], line):
                _glue(paragraphs[-1], line)
            else:
                paragraphs.append([line])
    return ["".join(pieces) for pieces in paragraphs]


def _ends(text: str) -> bool:
    """``_PARAGRAPH_END.search(text)``, looking only at the end of ``text``."""
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _FINAL


def _continues(last_piece: str, line: str) -> bool:
    """A paragraph broken mid-sentence: no final punctuation, next part starts in lowercase.

    ``last_piece`` is the last piece of the paragraph so far: a whole line (after the
    first one, a line that starts in lowercase), so its end is the paragraph's end.
    """
    return line[:1].islower() and not _ends(last_piece)


def _glue(pieces: list[str], right: str) -> None:
    # A compound broken after its hyphen ("well-\nknown") is rejoined, hyphen kept. The
    # last piece holds the hyphen and the letter before it: only the first piece of a
    # paragraph can be a lone "-", and then the paragraph is that one character.
    left = pieces[-1]
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        pieces.append(right)
    else:
        pieces.append(f" {right}")


def _join_wrapped(lines: list[str]) -> str:
    pieces = [lines[0]]
    for line in lines[1:]:
        _glue(pieces, line)
    return "".join(pieces)
