"""The packaged word lists (``accord/data/lexicon``): each says what it is for and where
its entries come from, and lists each entry once."""

from __future__ import annotations

import importlib
import re
from importlib import resources

import pytest

from accord.coding.lexicon import digest, lines, source_of

_FOLDER = resources.files("accord.data.lexicon")
_FILES = sorted(p.name for p in _FOLDER.iterdir() if p.name.endswith((".txt", ".tsv")))


def test_there_are_word_lists() -> None:
    assert len(_FILES) >= 5


@pytest.mark.parametrize("name", _FILES)
def test_a_word_list_opens_with_its_purpose_and_source(name: str) -> None:
    text = _FOLDER.joinpath(name).read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    assert len(header) >= 2, f"{name}: no comment header saying what the list is for"
    assert not header[0].lower().lstrip("# ").startswith("source:"), (
        f"{name}: the header should first say what the list is for"
    )
    source = source_of(name)
    assert source, f"{name}: no 'source:' line in its header"


@pytest.mark.parametrize("name", _FILES)
def test_a_word_list_has_no_duplicate_entries(name: str) -> None:
    if name.endswith(".tsv"):
        keys = [entry.split("\t", 1)[0].strip().lower() for entry in lines(name)]
    else:
        keys = [" ".join(entry.lower().split()) for entry in lines(name)]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{name}: entries listed twice: {duplicates}"
    assert all(keys), f"{name}: an empty entry"


def test_the_word_lists_digest_is_stable_and_short() -> None:
    assert digest() == digest()
    assert len(digest()) == 12 and int(digest(), 16) >= 0


_CODE_REFERENCE = re.compile(r"accord\.coding\.([a-z_]+)\.([a-z][a-z_]*[a-z])")


@pytest.mark.parametrize("name", _FILES)
def test_a_word_list_names_only_code_that_exists(name: str) -> None:
    """A header that says which rule reads the list ('accord.coding.reading_rules.caption')
    names a module and a function or constant that exist: one moved or renamed leaves no
    stale pointer for a reviewer to follow."""
    text = _FOLDER.joinpath(name).read_text(encoding="utf-8")
    for match in _CODE_REFERENCE.finditer(text):
        module, attribute = match.groups()
        found = importlib.import_module(f"accord.coding.{module}")
        assert hasattr(found, attribute) or hasattr(found, attribute.upper()), (
            f"{name}: names {match.group(0)}, which does not exist"
        )
