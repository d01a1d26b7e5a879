"""HTML -> main article text and metadata (trafilatura, with htmldate as date fallback).

Nothing downstream of ingest sees HTML: the extracted text has one paragraph per block,
separated by blank lines, which is what the text layer expects of plain-text input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from accord.errors import EmptyInput, InputError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_TAG_SNIFF = re.compile(
    r"</?(?:p|div|article|section|span|a|br|title|meta|h[1-6]|table|ul|li|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    date: dt.date | None


def looks_like_html(head: str) -> bool:
    """Sniff the first few KB of a decoded input."""
    sample = head[:4096]
    if _HTML_SNIFF.search(sample):
        return True
    return sample.lstrip().startswith("<") and len(_TAG_SNIFF.findall(sample)) >= 2


def _iso_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _clean_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def extract_html(html: str, *, url: str | None = None) -> HtmlArticle:
    """Extract the main text and metadata of one page; raise EmptyInput when there is none."""
    import trafilatura

    # lxml refuses str input that still carries an XML encoding declaration.
    html = _XML_DECL.sub("", html, count=1)
    if not _HTML_SNIFF.search(html[:4096]):
        # A fragment (e.g. a JSONL "html" field): give it a document and an article to live in.
        html = f"<html><body><article>{html}</article></body></html>"
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except Exception as exc:  # a third-party parser failing on one page must not stop a batch
        raise InputError(f"HTML extraction failed ({type(exc).__name__}: {exc})") from exc
    text = _paragraphs(getattr(result, "text", None) or "") if result is not None else ""
    if not text:
        raise EmptyInput("no article text found in HTML")
    date = _iso_date(getattr(result, "date", None))
    if date is None:
        date = _find_date(html)
    return HtmlArticle(
        text=text,
        title=_clean_field(getattr(result, "title", None)),
        author=_clean_field(getattr(result, "author", None)),
        sitename=_clean_field(getattr(result, "sitename", None)),
        url=_clean_field(getattr(result, "url", None)),
        date=date,
    )


def _find_date(html: str) -> dt.date | None:
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return _iso_date(found)
