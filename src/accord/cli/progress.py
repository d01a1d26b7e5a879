"""The progress bar of long ``code`` and ``ingest`` runs, drawn on stderr only.

Shows documents done, documents per second, failures so far and, when the number of
documents is known beforehand (plain files, uncompressed JSONL, ``--limit``), a bar and
the time left. Standard output is never touched, so event data piped from ``accord code``
stays clean.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from accord.ingest.readers import source_kind


class _Rate(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "… docs/s", style="progress.data.speed")


class _Failures(ProgressColumn):
    def render(self, task: Task) -> Text:
        n = int(task.fields.get("failures", 0))
        return Text(f"{n} failed", style="red" if n else "dim")


class Reporter:
    """Counts documents for the progress display, and prints stderr lines beside it.

    On a terminal the display is a live bar; otherwise (a log file) one plain line at most
    every ``interval`` seconds, and one at the end.
    """

    def __init__(
        self,
        description: str = "",
        total: int | None = None,
        *,
        progress: Progress | None = None,
        task: Any = None,
        lines: bool = False,
        interval: float = 5.0,
    ) -> None:
        self._description = description
        self._total = total
        self._progress = progress
        self._task = task
        self._lines = lines
        self._interval = interval
        self._done = 0
        self._failures = 0
        self._start = time.monotonic()
        self._last_line = self._start

    def advance(self, done: int, failed: int = 0) -> None:
        """``done`` more documents finished, ``failed`` of them with failures."""
        self._done += done
        self._failures += failed
        if self._progress is not None:
            self._progress.update(self._task, advance=done, failures=self._failures)
        elif self._lines and time.monotonic() - self._last_line >= self._interval:
            self.line()

    def line(self) -> None:
        """Print the counts as one plain line on stderr."""
        now = time.monotonic()
        self._last_line = now
        elapsed = max(now - self._start, 1e-9)
        rate = self._done / elapsed
        done = f"{self._done}/{self._total}" if self._total is not None else f"{self._done}"
        text = f"accord: {self._description}: {done} docs, {rate:.1f} docs/s, "
        text += f"{self._failures} failed, {_clock(elapsed)} elapsed"
        if self._total is not None and rate > 0 and self._done < self._total:
            text += f", ETA {_clock((self._total - self._done) / rate)}"
        click.echo(text, err=True)

    def echo_err(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(line, err=True)


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


def _line_interval() -> float:
    """Seconds between plain progress lines: $ACCORD_PROGRESS_INTERVAL, default 5."""
    try:
        return max(0.0, float(os.environ.get("ACCORD_PROGRESS_INTERVAL", "5")))
    except ValueError:
        return 5.0


def wanted(flag: bool | None) -> bool:
    """``--progress``/``--no-progress`` when given, else only when stderr is a terminal."""
    if flag is not None:
        return flag
    return sys.stderr.isatty()


@contextlib.contextmanager
def reporter(show: bool, description: str, total: int | None) -> Iterator[Reporter]:
    """A :class:`Reporter`; with ``show``, progress on stderr while the block runs."""
    if not show:
        yield Reporter(description, total)
        return
    console = Console(stderr=True)
    if not console.is_terminal:
        plain = Reporter(description, total, lines=True, interval=_line_interval())
        yield plain
        plain.line()
        return
    columns: list[str | ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    else:
        columns += [TextColumn("{task.completed} docs")]
    columns += [_Rate(), _Failures(), TimeElapsedColumn()]
    if total is not None:
        columns += [TextColumn("ETA"), TimeRemainingColumn()]
    progress = Progress(
        *columns,
        console=console,
        redirect_stdout=False,
        redirect_stderr=False,
        speed_estimate_period=60.0,
    )
    with progress:
        task = progress.add_task(description, total=total, failures=0)
        yield Reporter(description, total, progress=progress, task=task)


def count_documents(inputs: Sequence[str], limit: int | None = None) -> int | None:
    """How many documents ``inputs`` hold, when that is cheap to know; else ``limit``.

    Plain files and folders of them count one each; an uncompressed JSONL file counts its
    non-blank lines. Standard input, compressed JSONL and unknown kinds make it unknown.
    """
    total = 0
    for item in inputs:
        n = _count_input(item)
        if n is None:
            return limit
        total += n
        if limit is not None and total >= limit:
            return limit
    return total if limit is None else min(total, limit)


def _count_input(item: str) -> int | None:
    if item == "-":
        return None
    path = Path(item)
    if path.is_dir():
        total = 0
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith("."):
                    continue
                kind, compressed = source_kind(name)
                if kind is None:
                    continue
                n = _count_file(Path(dirpath, name), kind, compressed)
                if n is None:
                    return None
                total += n
        return total
    if not path.is_file():
        return 1  # becomes one failure record
    kind, compressed = source_kind(path.name)
    return _count_file(path, kind, compressed)


def _count_file(path: Path, kind: str | None, compressed: bool) -> int | None:
    if kind in ("text", "html"):
        return 1
    if kind != "jsonl" or compressed:
        return None
    try:
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 1
