"""One input (bytes, or an already-decoded JSONL record) -> one :class:`Document`.

What reading alters or leaves out of an input that is still read becomes a
:class:`~accord.model.Notice` on the document (``Document.warnings``), with its reason code:

* ``replaced``: undecodable bytes replaced (:func:`accord.ingest.decode.replace_undecodable`);
  ``metadata["replaced_bytes"]`` keeps the count;
* ``invalid_date``: a JSONL ``date`` that is no date; the document has no date and
  ``metadata["date_raw"]`` keeps the value;
* ``too_deep``: HTML nested past the parser's depth limit, so that text after that point is
  lost (:class:`accord.ingest.html.HtmlArticle`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from accord.config import Settings
from accord.errors import BinaryInput, EmptyInput, MalformedRecord, OversizedInput
from accord.ingest.decode import Decoded, decode_bytes, lenient_utf8, text_binary_reason
from accord.ingest.html import extract_html, looks_like_html
from accord.model import Document, Notice

Kind = Literal["text", "html"]

_KNOWN_FIELDS = ("id", "text", "html", "title", "date", "url", "source", "author")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAGE = "ingest"


def check_size(size: int, settings: Settings) -> None:
    limit = settings.max_document_bytes
    if size > limit:
        raise OversizedInput(
            f"document is {size:,} bytes, over the limit of {limit:,} (max_document_bytes)"
        )


def sniff_kind(head: str) -> Kind:
    return "html" if looks_like_html(head) else "text"


def _sniff_bytes(data: bytes) -> Kind:
    head = data[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom) and not head.startswith(b"\xff\xfe\x00\x00"):
            return sniff_kind(head[2:].decode(codec, "replace"))
    return sniff_kind(head.decode("latin-1"))


def parse_date(value: Any) -> dt.date | None:
    """A ``YYYY-MM-DD`` or ISO-8601 datetime string -> date; anything else -> None."""
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if not raw:
        return None
    try:
        if _ISO_DATE.match(raw):
            return dt.date.fromisoformat(raw)
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        return None


def _metadata(items: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(items)) if items else MappingProxyType({})


def _replaced(decoded: Decoded | None, doc_id: str, origin: str | None) -> tuple[Notice, ...]:
    if decoded is None or not decoded.replaced:
        return ()
    n = decoded.replaced
    message = (
        f"{n:,} undecodable byte{'s' if n != 1 else ''} replaced, the first at byte "
        f"{decoded.first_replaced} (a lone windows-1252 punctuation byte is read as that "
        "character, anything else as U+FFFD)"
    )
    return (Notice(doc_id, origin, _STAGE, "replaced", message),)


def _invalid_date(raw: Any, doc_id: str, origin: str | None) -> Notice:
    shown = json.dumps(raw, ensure_ascii=False, default=str)
    if len(shown) > 80:
        shown = shown[:77] + "..."
    message = (
        f"field 'date' {shown} is not a date (YYYY-MM-DD or ISO 8601): the document has no "
        "date; the value is kept as metadata 'date_raw'"
    )
    return Notice(doc_id, origin, _STAGE, "invalid_date", message)


def document_from_text(
    text: str,
    *,
    doc_id: str,
    origin: str | None,
    kind: Kind | None,
    title: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    warnings: tuple[Notice, ...] = (),
) -> Document:
    """Build a Document from decoded text or HTML; explicit fields win over HTML metadata."""
    if not text.strip():
        raise EmptyInput("input contains only whitespace" if text else "input is empty")
    reason = text_binary_reason(text)
    if reason is not None:
        raise BinaryInput(reason)
    if kind is None:
        kind = sniff_kind(text[:4096])
    meta: dict[str, Any] = dict(metadata or {})
    if kind == "html":
        article = extract_html(text, url=url)
        if article.too_deep is not None:
            warnings = (*warnings, Notice(doc_id, origin, _STAGE, "too_deep", article.too_deep))
        return Document(
            id=doc_id,
            text=article.text,
            title=title or article.title,
            date=date or article.date,
            url=url or article.url,
            source=source or article.sitename,
            author=author or article.author,
            origin=origin,
            metadata=_metadata(meta),
            warnings=warnings,
        )
    return Document(
        id=doc_id,
        text=text,
        title=title,
        date=date,
        url=url,
        source=source,
        author=author,
        origin=origin,
        metadata=_metadata(meta),
        warnings=warnings,
    )


def document_from_bytes(
    data: bytes,
    *,
    doc_id: str,
    origin: str | None,
    kind: Kind | None,
    settings: Settings,
) -> Document:
    """Decode and extract one document.

    Raises EmptyInput, OversizedInput, BinaryInput or DecodeError (all AccordError).
    ``kind=None`` sniffs HTML versus plain text.
    """
    check_size(len(data), settings)
    if kind is None:
        kind = _sniff_bytes(data)
    decoded = decode_bytes(data, html=kind == "html")
    meta: dict[str, Any] = {} if decoded.encoding == "utf-8" else {"encoding": decoded.encoding}
    if decoded.replaced:
        meta["replaced_bytes"] = decoded.replaced
    return document_from_text(
        decoded.text,
        doc_id=doc_id,
        origin=origin,
        kind=kind,
        metadata=meta,
        warnings=_replaced(decoded, doc_id, origin),
    )


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"field '{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def record_id(record: Mapping[str, Any]) -> str | None:
    """The record's own id as a string, or None when absent; MalformedRecord when unusable."""
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise MalformedRecord(f"field 'id' must be a string or integer, not {type(value).__name__}")
    text = str(value).strip()
    if not text:
        raise MalformedRecord("field 'id' is empty")
    return text


def parse_record(line: bytes) -> tuple[dict[str, Any], Decoded | None]:
    """Parse one JSONL line into a JSON object; raise MalformedRecord.

    A line with a few undecodable bytes (at most 1%) is read with them replaced: the second
    item then says how many (for :func:`document_from_record`); else it is None.
    """
    decoded: Decoded | None = None
    try:
        try:
            record = json.loads(line)
        except UnicodeDecodeError as exc:
            decoded = lenient_utf8(line, exc.start)
            if decoded is None:
                raise MalformedRecord(
                    f"invalid UTF-8 at byte {exc.start} (over 1% of the line undecodable)"
                ) from None
            record = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise MalformedRecord(f"expected a JSON object, got {type(record).__name__}")
    return record, decoded


def document_from_record(
    record: Mapping[str, Any],
    *,
    doc_id: str,
    origin: str | None,
    settings: Settings,
    decoded: Decoded | None = None,
) -> Document:
    """One parsed JSONL record -> Document. Unknown fields go to ``metadata``.

    ``decoded``: how its line was decoded, when bytes in it were replaced (:func:`parse_record`).
    """
    text = _optional_str(record, "text")
    html = _optional_str(record, "html")
    if text is None and html is None:
        if "text" in record or "html" in record:
            raise EmptyInput("record has an empty 'text'/'html' field")
        raise MalformedRecord("record has no 'text' or 'html' field")
    title = _optional_str(record, "title")
    url = _optional_str(record, "url")
    source = _optional_str(record, "source")
    author = _optional_str(record, "author")
    meta = {k: v for k, v in record.items() if k not in _KNOWN_FIELDS}
    warnings = _replaced(decoded, doc_id, origin)
    if decoded is not None and decoded.replaced:
        meta["replaced_bytes"] = decoded.replaced
    raw_date = record.get("date")
    date = parse_date(raw_date)
    if date is None and raw_date not in (None, ""):
        meta["date_raw"] = raw_date
        warnings = (*warnings, _invalid_date(raw_date, doc_id, origin))
    body = text or html or ""
    check_size(len(body.encode("utf-8", "surrogatepass")), settings)
    return document_from_text(
        body,
        doc_id=doc_id,
        origin=origin,
        kind="text" if text is not None else "html",
        title=title,
        date=date,
        url=url,
        source=source,
        author=author,
        metadata=meta,
        warnings=warnings,
    )
