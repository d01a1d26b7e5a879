"""The shapes every answer of the API takes: a page of rows, one object, or the one error
envelope; and the conversion of rows (dates, NaN, decimals) to plain JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from starlette.responses import Response

__all__ = [
    "ErrorBody",
    "ErrorResponse",
    "JSONAnswer",
    "ListResponse",
    "ObjectResponse",
    "PageInfo",
    "error_answer",
    "list_answer",
    "object_answer",
    "plain",
    "plain_row",
]


class PageInfo(BaseModel):
    """Where this page sits: ``offset`` and ``limit`` as asked, ``returned`` rows here,
    ``total`` rows in all (``null`` where not counted)."""

    offset: int
    limit: int
    returned: int
    total: int | None


class ListResponse(BaseModel):
    data: list[dict[str, Any]]
    page: PageInfo
    meta: dict[str, Any]


class ObjectResponse(BaseModel):
    data: dict[str, Any]
    meta: dict[str, Any]


class ErrorBody(BaseModel):
    status: int
    code: str
    """``bad_request`` (a value the analysis refuses), ``invalid`` (a parameter out of its
    limits), ``not_found``, ``method_not_allowed``, ``bad_host``, ``store_busy`` (an
    ingest holds the store; retry), ``store`` or ``internal``."""
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """Every error, whatever its status."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A value the analysis refuses"},
    404: {"model": ErrorResponse, "description": "No such object"},
    422: {"model": ErrorResponse, "description": "A parameter out of its limits"},
    503: {"model": ErrorResponse, "description": "The store is being written; retry"},
}


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: dates in ISO format, NaN and infinities as null,
    decimals as floats, dataclasses and tuples as objects and lists."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return plain(float(value))
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Sequence | set | frozenset):
        return [plain(v) for v in value]
    return str(value)


class JSONAnswer(Response):
    """JSON written with ``allow_nan=False`` from already plain data."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        ).encode("utf-8")


_SIMPLE = (str, int, bool, type(None))


def plain_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`plain` of one flat row, quick for the values rows mostly hold."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        t = type(v)
        if t in _SIMPLE:
            out[k] = v
        elif t is float:
            out[k] = v if math.isfinite(v) else None
        elif t is dt.date:
            out[k] = v.isoformat()
        else:
            out[k] = plain(v)
    return out


def list_answer(
    rows: Sequence[Mapping[str, Any]],
    *,
    offset: int,
    limit: int,
    total: int | None,
    meta: Mapping[str, Any] | None = None,
) -> JSONAnswer:
    data = [plain_row(r) for r in rows]
    page = {"offset": offset, "limit": limit, "returned": len(data), "total": total}
    return JSONAnswer({"data": data, "page": page, "meta": plain(meta or {})})


def object_answer(data: Any, meta: Mapping[str, Any] | None = None) -> JSONAnswer:
    return JSONAnswer({"data": plain(data), "meta": plain(meta or {})})


def error_answer(
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONAnswer:
    body = {"status": status, "code": code, "message": message, "details": details}
    return JSONAnswer({"error": body}, status_code=status, headers=dict(headers or {}))
