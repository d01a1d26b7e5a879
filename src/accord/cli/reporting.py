"""The lines ``accord code`` and ``accord ingest`` write on stderr about their inputs.

One line a failure, a skipped document or a warning, without escape sequences or control
characters (their origin, id and message come from the input), and the run summary's counts
of documents skipped on purpose (another language, an id already read) and of warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

import click

from accord.errors import OtherLanguage, RepeatedId
from accord.model import Failure, Notice
from accord.safe_output import terminal_text


def _report_failure(f: Failure, echo: Callable[[str], None] | None = None) -> None:
    """One line on stderr, without escape sequences or control characters: the origin
    (a file name), the id and the message come from the input. A document skipped for its
    language reads 'skipped: language=fr (...)', one whose id an earlier document of the
    run had 'skipped: repeated id ...'."""
    where = f.origin or f.doc_id
    if _is_skip(f):
        line = terminal_text(f"accord: {where}: {f.message}")
    else:
        line = terminal_text(f"accord: {where}: {f.stage} failed ({f.code}): {f.message}")
    if echo is not None:
        echo(line)
    else:
        click.echo(line, err=True)


def _report_warning(w: Notice, echo: Callable[[str], None] | None = None) -> None:
    """One line on stderr for what reading altered in a document, as for failures."""
    where = w.origin or w.doc_id
    line = terminal_text(f"accord: {where}: {w.stage} warning ({w.code}): {w.message}")
    if echo is not None:
        echo(line)
    else:
        click.echo(line, err=True)


_SKIPS = {OtherLanguage.code: "not English", RepeatedId.code: "repeated id"}
"""Failure codes of documents skipped on purpose, with how the run summary names them."""


def _is_skip(f: Failure) -> bool:
    """A document skipped on purpose (another language, an id already read), not one that
    failed."""
    return f.code in _SKIPS


def _more_counts(skipped: Iterable[Failure], warnings: int) -> str:
    """The run summary's counts of skipped documents, by reason, and of warnings, when
    there are any."""
    counts = Counter(_SKIPS[f.code] for f in skipped if f.code in _SKIPS)
    more = "".join(f", {counts[why]} skipped ({why})" for why in _SKIPS.values() if counts[why])
    return more + (f", {warnings} warnings" if warnings else "")
