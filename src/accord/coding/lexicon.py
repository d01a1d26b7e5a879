"""The coder's word lists and small tables, read from package data (``accord/data/lexicon``).

Each file holds one entry per line; ``#`` starts a comment. Every file opens with a comment
block saying what the list is for and a ``source:`` line naming where its entries come from
(the CAMEO manual, an official list, accord's own reading of English grammar). A table
file (``.tsv``) has tab-separated columns; its first column is the key.

The lists are read once, when the module that uses them is imported, into immutable sets
and mappings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from accord.errors import ResourceError

__all__ = ["digest", "entries", "lines", "mapping", "source_of", "table", "words"]

_PACKAGE = "accord.data.lexicon"


def _text(name: str) -> str:
    try:
        return resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(f"packaged word list {name!r} missing: {exc}") from exc


def digest() -> str:
    """A digest of every packaged word list (names and contents): part of the coder's
    version, so that stored documents are coded again when a list changes."""
    h = hashlib.sha256()
    try:
        files = sorted(resources.files(_PACKAGE).iterdir(), key=lambda f: f.name)
        for f in files:
            if f.name.endswith((".txt", ".tsv")):
                h.update(f.name.encode("utf-8") + b"\x00" + f.read_bytes() + b"\x00")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(f"packaged word lists missing: {exc}") from exc
    return h.hexdigest()[:12]


def lines(name: str) -> tuple[str, ...]:
    """The entries of a list file, in file order, comments and blank lines dropped."""
    return entries(_text(name))


def entries(text: str) -> tuple[str, ...]:
    """The entries of a list file's text (see :func:`lines`); a table's lines keep their
    tabs."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line.strip() if "\t" not in line else line)
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """A word list as a set of lower-cased entries (an entry may be several words)."""
    return frozenset(" ".join(e.lower().split()) for e in lines(name))


def table(name: str, *, lower: bool = True) -> Mapping[str, tuple[str, ...]]:
    """A tab-separated table: first column (lower-cased unless ``lower`` is False) -> the
    other columns."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in lines(name):
        key, *rest = (part.strip() for part in entry.split("\t"))
        out[key.lower() if lower else key] = tuple(rest)
    return MappingProxyType(out)


def mapping(name: str, *, lower: bool = True) -> Mapping[str, str]:
    """A table's first column (lower-cased unless ``lower`` is False) -> its second."""
    return MappingProxyType({key: rest[0] for key, rest in table(name, lower=lower).items()})


def source_of(name: str) -> str | None:
    """The text of the file's ``source:`` comment (with its continuation lines), if any."""
    found: list[str] = []
    for raw in _text(name).splitlines():
        if not raw.startswith("#"):
            if found:
                break
            continue
        body = raw[1:].strip()
        if body.lower().startswith("source:"):
            found.append(body[len("source:") :].strip())
        elif found and raw.startswith("#   "):
            found.append(body)
        elif found:
            break
    return " ".join(found) or None
