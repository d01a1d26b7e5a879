"""Tabular results: an Arrow table that also gives pandas and plain rows."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from accord.errors import ResourceError

__all__ = ["CodedFrame", "Frame", "Network"]


@dataclass(frozen=True, slots=True)
class Frame:
    """A query result with flat columns.

    ``frame.table`` (or :meth:`arrow`) is the Arrow table; :meth:`df` the pandas
    DataFrame (pandas is optional: ``pip install 'accord[pandas]'``); iterating gives one
    ``dict`` per row.
    """

    table: pa.Table

    def arrow(self) -> pa.Table:
        return self.table

    def df(self) -> Any:
        """The rows as a pandas DataFrame."""
        if importlib.util.find_spec("pandas") is None:
            raise ResourceError(
                "pandas is not installed: pip install 'accord[pandas]' (or use .arrow())"
            )
        return self.table.to_pandas()

    def rows(self) -> list[dict[str, Any]]:
        return list(self)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for batch in self.table.to_batches():
            yield from batch.to_pylist()

    def __len__(self) -> int:
        return int(self.table.num_rows)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.table.column_names)

    def column(self, name: str) -> list[Any]:
        """One column's values as a list."""
        return list(self.table.column(name).to_pylist())


@dataclass(frozen=True, slots=True)
class CodedFrame(Frame):
    """The events coded from the rows of a table (:meth:`accord.Coder.code_frame`) and
    the rows that could not be coded."""

    failures: tuple[Any, ...] = ()
    """:class:`accord.model.Failure` records, one per row that failed."""


@dataclass(frozen=True, slots=True)
class Network:
    """A weighted graph of who acts on whom: ``nodes`` (one row per actor or country) and
    ``edges`` (one row per pair, with cooperation and conflict event counts as weights)."""

    nodes: Frame
    edges: Frame
