"""The reader of users' knowledge files (--actors, --verbs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.coding.kb.files import read_sources
from accord.coding.user_files import read_user_files
from accord.errors import UsageError


def _files(tmp_path: Path, *texts: str) -> list[Path]:
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"{len(texts)}-{n}.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_files_are_read_in_order_with_their_names(tmp_path: Path) -> None:
    paths = _files(tmp_path, "\ufeffa,b\n", "c\n")
    texts, _ = read_user_files(paths, "actor")
    assert texts == [(str(paths[0]), "a,b\n"), (str(paths[1]), "c\n")]  # BOM dropped


def test_the_digest_tells_apart_files_that_join_to_the_same_text(tmp_path: Path) -> None:
    _, one = read_user_files(_files(tmp_path, "ab", "c"), "actor")
    _, other = read_user_files(_files(tmp_path, "a", "bc"), "actor")
    assert one != other
    # and so does the actor knowledge base's version
    assert (
        read_sources(_files(tmp_path, "ab", "c"))[1] != read_sources(_files(tmp_path, "a", "bc"))[1]
    )


def test_an_unreadable_file_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    with pytest.raises(UsageError, match="cannot read actor file") as err:
        read_user_files([missing], "actor")
    assert err.value.origin == str(missing)
