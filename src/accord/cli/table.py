"""The readable event table of `accord events` and `accord ingest` reports (rich).

Every cell is plain text (a :class:`rich.text.Text`, never parsed as rich markup, so a
sentence holding "[/bold]" prints as written) without escape sequences or control
characters (:func:`accord.safe_output.terminal_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from accord.safe_output import terminal_text


def print_table(
    found: Sequence[Any],
    out: TextIO,
    *,
    show_mode: bool = False,
    counts: Sequence[tuple[int, int, int]] | None = None,
) -> None:
    """A readable table: one row per event, with a short excerpt of its evidence sentence."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(header_style="bold", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=28)
    table.add_column("event", max_width=30)
    table.add_column("target", max_width=28)
    if show_mode:
        table.add_column("mode", no_wrap=True)
    if counts is not None:
        for name in ("mentions", "articles", "sources"):
            table.add_column(name, justify="right", no_wrap=True)
    table.add_column("evidence", max_width=60)
    for k, e in enumerate(found):
        row = [
            str(e.date or ""),
            _actor_cell(e.source),
            f"{e.cameo} {e.cameo_name}",
            _actor_cell(e.target) if e.target else "",
        ]
        if show_mode:
            row.append(e.mode.value)
        if counts is not None:
            row.extend(str(c) for c in counts[k])
        row.append(_excerpt(e.sentence, e.evidence.trigger_span, 110))
        table.add_row(*(Text(terminal_text(cell)) for cell in row))
    console = Console(file=out, width=170)
    console.print(table)
    console.print(f"{len(found)} events")


def _actor_cell(actor: Any) -> str:
    """Code and sentence text; an actor the sentence does not name (the other side of a
    call reported before) shows its name instead."""
    if actor.text:
        return f"{actor.code} ({_short(actor.text, 24)})"
    return f"{actor.code} [{_short(actor.name or 'implied', 22)}]"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _excerpt(sentence: str, span: tuple[int, int], n: int) -> str:
    """Up to ``n`` characters of the sentence around the trigger."""
    if len(sentence) <= n:
        return sentence
    start = max(0, min(span[0] - n // 3, len(sentence) - n))
    text = sentence[start : start + n]
    return ("…" if start > 0 else "") + text + ("…" if start + n < len(sentence) else "")
