"""Reading the knowledge files a user adds (``--actors FILE``, ``--verbs FILE``)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from accord.errors import UsageError


def read_user_files(paths: Sequence[Path], what: str) -> tuple[list[tuple[str, str]], str]:
    """Each file's (name, text), in order, and a digest of their contents (each text
    closed by a NUL byte, so two different lists of files never share a digest). A file
    that cannot be read is a usage error naming it (``what``: 'actor', 'verb')."""
    texts: list[tuple[str, str]] = []
    digest = hashlib.sha256()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {what} file: {exc}", origin=str(path)) from exc
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
        texts.append((str(path), text))
    return texts, digest.hexdigest()
