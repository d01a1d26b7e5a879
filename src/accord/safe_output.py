"""Text made safe to print on a terminal or to write into a CSV/TSV cell (issue 13, item 4).

Document ids, file names, URLs, names from actor files, failure messages and (through
them) event rows carry whatever the input carried. Two things must not get through:

* **Terminal control**: escape sequences (``ESC [ ... m`` colours, ``ESC [ 2 J`` clearing
  the screen, ``ESC ] ...`` window titles and hyperlinks, their 8-bit C1 forms), the
  other C0/C1 control characters (BEL, backspace, carriage return, NUL, ...) and the bidi
  overrides and isolates that reorder what is shown. :func:`terminal_text` removes
  escape sequences whole (not just their ``ESC``), removes the other controls, and turns
  line breaks and tabs into spaces unless ``newlines`` keeps ``\\n`` (multi-line error
  messages; CSV, which quotes a cell holding one).
* **CSV injection** (OWASP): a spreadsheet evaluates a cell that starts with ``=``, ``+``,
  ``-`` or ``@`` (or a tab or carriage return, which this module has already turned into
  a space; also after leading spaces, and the full-width forms ``＝＋－＠``), so
  ``=HYPERLINK(...)`` in a document id would run. :func:`spreadsheet_text` prefixes such
  a cell with a single quote, which spreadsheets show as text and hide.

Which cells get the quote is the writer's choice by column, never by value: numbers that
accord formats (Goldstein scores like ``-10.0``, coordinates, confidences, counts) are
written as they are and stay numbers; codes (:func:`spreadsheet_code`) are left as written
when made only of capitals, digits and dashes (``---REB``: no function call, no reference
to another sheet or program can be spelt with those); every other text cell gets the rule.

Everything here is linear in the text (no backtracking beyond one escape sequence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal

__all__ = ["CellKind", "safe_cells", "spreadsheet_code", "spreadsheet_text", "terminal_text"]

CellKind = Literal["text", "code", "number"]

# ESC [ or 8-bit CSI, parameters, intermediates, final byte;
# ESC ] / P / X / ^ / _ or their 8-bit forms, a string (ending at BEL or ST), for OSC
# (titles, hyperlinks), DCS, SOS, PM and APC; the string stops at any other introducer so a
# run of them is not rescanned;
# ESC, intermediates, one final byte: every other escape sequence ("ESC c" resets).
_ESCAPE_SEQUENCE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]"
    "|(?:\x1b[\\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9b-\x9f]*(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[ -/]*[0-~]"
)
_BREAKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = (*map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0)), *_BIDI)


def _table(keep_newline: bool) -> Mapping[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in _CONTROLS}
    table.update({ord(c): " " for c in _BREAKS})
    if keep_newline:
        del table[ord("\n")]
    return MappingProxyType(table)


_ONE_LINE = _table(keep_newline=False)
_LINES = _table(keep_newline=True)

_FORMULA_START = frozenset("=+-@＝＋－＠")
_CODE = re.compile(r"[A-Z0-9-]+")


def terminal_text(text: str, *, newlines: bool = False) -> str:
    """``text`` without escape sequences, control characters or bidi overrides; line
    breaks and tabs become spaces (``newlines``: ``\\n`` is kept, ``\\r\\n`` becomes it)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    if newlines:
        return text.replace("\r\n", "\n").translate(_LINES)
    return text.translate(_ONE_LINE)


def spreadsheet_text(text: str, *, newlines: bool = False) -> str:
    """A text cell for CSV or TSV: :func:`terminal_text`, then a leading single quote when
    a spreadsheet would take the cell for a formula (OWASP's CSV-injection rule)."""
    text = terminal_text(text, newlines=newlines)
    return f"'{text}" if text.lstrip()[:1] in _FORMULA_START else text


def spreadsheet_code(text: str) -> str:
    """A code cell: as written when only capitals, digits and dashes (``---REB``, ``0421``),
    else a text cell."""
    text = terminal_text(text)
    return text if _CODE.fullmatch(text) else spreadsheet_text(text)


def safe_cells(
    values: Iterable[str], kinds: Sequence[CellKind], *, newlines: bool = False
) -> list[str]:
    """One row of cells, each made safe by its column's kind (``number``: as it is)."""
    out: list[str] = []
    for value, kind in zip(values, kinds, strict=True):
        if kind == "number":
            out.append(value)
        elif kind == "code":
            out.append(spreadsheet_code(value))
        else:
            out.append(spreadsheet_text(value, newlines=newlines))
    return out
