"""Verb pattern files: accord's own additions to the CAMEO.2.0 dictionary, and users'.

The packaged ``cameo_verbs.json`` is the plain conversion of PETRARCH2's CAMEO.2.0 verb
dictionary (``scripts/build_verbs.py``). accord's own verb forms, patterns and code
corrections live in ``accord/data/verbs/accord_verbs.tsv``, one per line with its reason;
``accord code --verbs FILE`` (and :meth:`accord.api.Coder.load` ``verb_files``) adds a
user's in the same format. :meth:`accord.coding.verbs.VerbDictionary.load` applies them
on top of the conversion, accord's first, then the user files in the order given, each
in file order: a later entry wins.

A file holds tab-separated lines ``block <TAB> entry <TAB> code [<TAB> why]``; a line
whose first character is ``#`` is a comment, blank lines are skipped.

``block``
    A verb block of the dictionary, named as in CAMEO.2.0's ``--- NAME [code]`` lines
    (``MEET_PEOPLE``, ``APPEAL``); a name the dictionary lacks starts a new, empty block.
``entry``
    A verb form: one or more words (``call on``), lower-cased.

    A pattern: CAMEO.2.0's pattern syntax around the verb, written ``*`` (``* ( TO TALKS )``,
    ``* {HUNGER STRIKE}``, ``* &INVESTIGATION``; see :mod:`accord.coding.patterns`),
    upper-cased. ``stage, hold: * RALLY`` notes the verbs of the block it is for (other
    verbs of the block still use it, after their own patterns).

    ``=``: the block's own default code.
``code``
    A CAMEO code (``042``), a pair ``040:040`` (the second for the reverse direction),
    ``---`` (none: a verb form codes only through patterns, a pattern codes no event), or
    ``.`` (a verb form that takes its block's default code).
``why``
    Why the entry is right (required in accord's own file).

Every verb form of the block with the entry's words, or every pattern with the entry's
text and noted verbs, gets the code; when the block has none, the form or pattern is
added at the end of the block. Patterns added by these files are named in rules by their
place among the files' patterns, counted from -1 (``pattern:RESTART:-137:* APPEAL``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from accord.coding.petrarch_format import code_pair, form_words, pattern_tokens
from accord.coding.user_files import read_user_files
from accord.errors import UsageError

__all__ = ["VerbEntry", "apply_entries", "parse_verb_file", "read_verb_files"]

EntryKind = Literal["form", "pattern", "default"]

_CODE = re.compile(r"^(\d{2,4})?(?::(\d{2,4})?)?$")
_BLOCK = re.compile(r"^[A-Z][A-Z0-9_&'-]*$")
_MARKERS = frozenset({"$", "+", "^", "%"})


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One line of a verb pattern file."""

    block: str
    kind: EntryKind
    words: tuple[str, ...]
    """A form's words, or a pattern's tokens (with ``*``); empty for the block default."""
    verbs: tuple[str, ...]
    """The verbs a pattern is noted for."""
    code: str | None
    code2: str | None
    no_code: bool
    """``---``: the form codes only through patterns (for a pattern: it codes no event)."""
    why: str
    origin: str
    line: int


def parse_verb_file(text: str, origin: str) -> tuple[VerbEntry, ...]:
    """The entries of a verb pattern file (format: module docstring). A malformed line
    raises :class:`UsageError` naming ``origin`` and the line."""
    out: list[VerbEntry] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            out.append(_entry(raw, origin, number))
        except ValueError as exc:
            raise UsageError(f"line {number}: {exc}", origin=origin) from exc
    return tuple(out)


def _entry(raw: str, origin: str, number: int) -> VerbEntry:
    parts = [p.strip() for p in raw.rstrip("\r\n").split("\t")]
    if len(parts) < 3:
        raise ValueError(
            f"want block<TAB>entry<TAB>code[<TAB>why], got {len(parts)} column(s): {raw.strip()!r}"
        )
    block, entry, raw_code = parts[0], parts[1], parts[2]
    why = " ".join(p for p in parts[3:] if p)
    if not _BLOCK.match(block):
        raise ValueError(f"bad block name {block!r} (upper-case, as CAMEO.2.0 writes them)")
    if not entry:
        raise ValueError("empty entry")
    if raw_code not in ("---", ".") and not (_CODE.match(raw_code) and raw_code.strip(":")):
        raise ValueError(f"bad code {raw_code!r} (a CAMEO code, 'A:B', '---' or '.')")
    code, code2 = code_pair(raw_code) if raw_code != "." else (None, None)
    no_code = raw_code == "---"
    if entry == "=":
        if raw_code == ".":
            raise ValueError("a block's default code cannot be '.'")
        return VerbEntry(block, "default", (), (), code, code2, no_code, why, origin, number)
    if "*" in entry:
        verbs, tokens = _pattern(entry)
        if raw_code == ".":
            raise ValueError("'.' (the block's default) is for verb forms, not patterns")
        return VerbEntry(block, "pattern", tokens, verbs, code, code2, no_code, why, origin, number)
    if any(ch in entry for ch in "(){}[]&$+^%:"):
        raise ValueError(f"a verb form is plain words; a pattern needs '*': {entry!r}")
    words = tuple(form_words(entry))
    return VerbEntry(block, "form", words, (), code, code2, no_code, why, origin, number)


def _pattern(entry: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(noted verbs, tokens) of a pattern entry ('stage, hold: * RALLY')."""
    noted, colon, body = entry.rpartition(":")
    if not colon:
        body = entry
    verbs = tuple(" ".join(v.lower().split()) for v in noted.split(",") if v.strip())
    if colon and not verbs:
        raise ValueError(f"no verb before ':' in {entry!r}")
    tokens = tuple(t if t in _MARKERS or t == "*" else t.upper() for t in pattern_tokens(body))
    if tokens.count("*") != 1:
        raise ValueError(f"a pattern has exactly one '*' (the verb): {body.strip()!r}")
    depth = {"(": 0, "{": 0}
    for t in tokens:
        if t in ("(", "{"):
            depth[t] += 1
        elif t in (")", "}"):
            opener = "(" if t == ")" else "{"
            depth[opener] -= 1
            if depth[opener] < 0:
                raise ValueError(f"unbalanced {t!r} in {body.strip()!r}")
        if depth["{"] > 1:
            raise ValueError(f"nested braces in {body.strip()!r}")
    if any(depth.values()):
        raise ValueError(f"unclosed '(' or '{{' in {body.strip()!r}")
    if all(t in _MARKERS or t in "(){}*" for t in tokens):
        raise ValueError(f"a pattern needs words around '*': {body.strip()!r}")
    return verbs, tokens


def read_verb_files(paths: Sequence[Path]) -> tuple[tuple[VerbEntry, ...], str]:
    """The entries of user files, in order, and a digest of their contents."""
    texts, digest = read_user_files(paths, "verb")
    entries = [e for origin, text in texts for e in parse_verb_file(text, origin)]
    return tuple(entries), digest


def apply_entries(data: dict[str, Any], entries: Iterable[VerbEntry], *, numbered: int = 0) -> int:
    """Apply entries, in order, to the dictionary's JSON (changed in place); patterns are
    numbered on from ``numbered``. Returns the number of pattern entries so far. An entry
    naming a synonym set the dictionary lacks raises :class:`UsageError`."""
    blocks: list[dict[str, Any]] = data["blocks"]
    by_name = {b["name"]: b for b in blocks}
    synsets: Mapping[str, Any] = data["synsets"]
    for e in entries:
        block = by_name.get(e.block)
        if block is None:
            block = {"name": e.block, "code": None, "code2": None, "verbs": [], "patterns": []}
            blocks.append(block)
            by_name[e.block] = block
        if e.kind == "default":
            block["code"], block["code2"] = e.code, e.code2
        elif e.kind == "form":
            _set_form(block, e)
        else:
            numbered += 1
            _check_synsets(e, synsets)
            _set_pattern(block, e, -numbered)
    return numbered


def _set_form(block: dict[str, Any], e: VerbEntry) -> None:
    words = list(e.words)
    found = [v for v in block["verbs"] if v["words"] == words]
    for v in found:
        v["code"], v["code2"], v["no_code"] = e.code, e.code2, e.no_code
    if not found:
        block["verbs"].append(
            {"words": words, "code": e.code, "code2": e.code2, "no_code": e.no_code}
        )


def _set_pattern(block: dict[str, Any], e: VerbEntry, line: int) -> None:
    star = e.words.index("*")
    pre, post = list(e.words[:star]), list(e.words[star + 1 :])
    text = " ".join(e.words)
    verbs = list(e.verbs)
    found = [
        p
        for p in block["patterns"]
        if " ".join([*p["pre"], "*", *p["post"]]).upper() == text
        and [v.lower() for v in p["verbs"]] == verbs
    ]
    for p in found:
        p["code"], p["code2"] = e.code, e.code2
    if not found:
        block["patterns"].append(
            {
                "pre": pre,
                "post": post,
                "code": e.code,
                "code2": e.code2,
                "verbs": verbs,
                "line": line,
            }
        )


def _check_synsets(e: VerbEntry, synsets: Mapping[str, Any]) -> None:
    """Every '&SET' names a set ('&FIGHT_GAMES': the set FIGHT, then 'games'), as
    :func:`accord.coding.patterns.synset_phrase` reads it."""
    for t in e.words:
        parts = t[1:].split("_")
        heads = ("_".join(parts[:k]) for k in range(len(parts), 0, -1))
        if t.startswith("&") and not any(h in synsets or h + "_" in synsets for h in heads):
            raise UsageError(
                f"line {e.line}: no synonym set {t!r} in the dictionary", origin=e.origin
            )
