"""The rows of the analysis commands (:mod:`accord.cli.analysis_commands`) written out: a
readable table (rich), CSV with a header (each cell made safe by its column's kind, codes
written as codes: :func:`accord.safe_output.safe_cells`) or one JSON object per line."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from accord.safe_output import CellKind, safe_cells, terminal_text

# Columns that hold codes (actor, country, CAMEO): written as codes in CSV.
_CODE_COLUMNS = frozenset(
    {"side_a", "side_b", "actor", "node", "source_code", "target_code", "source_country",
     "target_country", "cameo", "root_code", "plover", "code", "metric", "direction",
     "status", "mode"}
)  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _kind(name: str, value: Any) -> CellKind:
    if name in _CODE_COLUMNS:
        return "code"
    if isinstance(value, bool | int | float | dt.date) or value is None:
        return "number"
    return "text"


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def write_rows(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    out: TextIO,
    *,
    table_columns: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Rows as a table (``table_columns`` of them), CSV (every column, a header) or JSON
    lines (every column). Returns the number of rows."""
    n = 0
    if fmt == "json":
        for r in rows:
            out.write(json.dumps({c: _json_value(r.get(c)) for c in columns}, ensure_ascii=False))
            out.write("\n")
            n += 1
        return n
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            values = [r.get(c) for c in columns]
            kinds = [_kind(c, v) for c, v in zip(columns, values, strict=True)]
            cells = [
                _csv_number(v) if k == "number" else _cell(v)
                for v, k in zip(values, kinds, strict=True)
            ]
            w.writerow(safe_cells(cells, kinds))
            n += 1
        return n
    shown = list(table_columns or columns)
    listed = list(rows)
    _print_table(listed, shown, out, title)
    return len(listed)


def _csv_number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return _cell(value)


def _print_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], out: TextIO, title: str | None
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(header_style="bold", expand=False, title=title)
    for c in columns:
        numeric = any(isinstance(r.get(c), int | float) for r in rows)
        table.add_column(c, justify="right" if numeric else "left", max_width=60)
    for r in rows:
        table.add_row(*(Text(terminal_text(_cell(r.get(c)))) for c in columns))
    console = Console(file=out, width=200)
    console.print(table)
    console.print(f"{len(rows)} rows")


def _excerpt(text: str, n: int = 100) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
