"""HTML -> main article text and metadata (trafilatura, with htmldate as date fallback).

Nothing downstream of ingest sees HTML: the extracted text has one paragraph per block,
separated by blank lines, which is what the text layer expects of plain-text input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from accord.errors import EmptyInput, InputError, NestingTooDeep

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_TAG_SNIFF = re.compile(
    r"</?(?:p|div|article|section|span|a|br|title|meta|h[1-6]|table|ul|li|script|style)\b[^>]*>",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MAX_DEPTH = 255
"""How deep libxml2's HTML parser (lxml, trafilatura) nests elements without XML_PARSE_HUGE:
past it the parser stops, and the rest of the page is lost."""
_TAG_START = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
_VOID = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "basefont", "frame", "keygen", "isindex"),
    }
)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    author: str | None
    sitename: str | None
    url: str | None
    date: dt.date | None
    too_deep: str | None = None
    """Why text may be missing: the page nests past the parser's depth limit (a sentence
    starting "nesting too deep"), else None."""


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
    too_deep = _too_deep(html)
    if not text:
        if too_deep is not None:
            raise NestingTooDeep(f"{too_deep}; no article text found before that point")
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
        too_deep=None if too_deep is None else f"{too_deep}; text after that point is lost",
    )


def _max_nesting(html: str) -> int:
    """An upper bound, near enough, of how deep the page's elements nest: open tags less
    close tags, void elements aside (elements the parser closes itself, such as an unclosed
    ``<p>``, make it an overestimate). Linear in the page."""
    depth = deepest = 0
    for match in _TAG_START.finditer(html):
        if match.group(1):
            depth = max(depth - 1, 0)
        elif match.group(2).lower() not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _too_deep(html: str) -> str | None:
    """Where the HTML parser stops because the page nests too deep, when it does."""
    if html.count("<") <= _MAX_DEPTH or _max_nesting(html) <= _MAX_DEPTH:
        return None
    import lxml.html

    parser = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
    # An empty or broken document may raise: only the parser's depth errors matter here.
    with contextlib.suppress(Exception):
        lxml.html.document_fromstring(html, parser=parser)
    for entry in parser.error_log:
        if "depth" in str(entry.message).lower():
            return (
                f"nesting too deep: HTML elements nested over {_MAX_DEPTH} levels, where the "
                f"parser stops (line {entry.line}, column {entry.column})"
            )
    return None


def _find_date(html: str) -> dt.date | None:
    import htmldate

    try:
        found = htmldate.find_date(html, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return _iso_date(found)
