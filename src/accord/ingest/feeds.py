"""RSS and Atom feed files -> one Document per entry (feedparser).

An entry's text is its title and its longest body (``content``, else ``summary``), with
HTML reduced to plain paragraphs; its link is the url, its ``published`` (else ``updated``)
date the publication date, and the feed's title the source. Ids: the entry's ``id``/guid,
else its link, else ``<file name>:<entry number>``. A feed that cannot be parsed at all is
one failure; an entry with no text is a failure of its own and the other entries go on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any

from accord.config import Settings
from accord.errors import AccordError, EmptyInput, MalformedRecord
from accord.ingest.documents import document_from_text
from accord.model import Document, Failure

__all__ = ["html_to_text", "iter_feed", "looks_like_feed"]

_STAGE = "ingest"
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_XML_PROLOGUE = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL)
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "pre", "table", "tr", "section", "article", "header", "footer"),
        *("figure", "figcaption"),
    }
)
_DROP = ("script", "style", "noscript")
# Markup is a tag opener with a ">" somewhere after it, or an entity. "<[a-zA-Z/!][^>]*>"
# in one pattern is quadratic in a run of openers with no ">" (every one scans to the end),
# so the opener is found first and the ">" looked for once (_has_markup, _strip_tags).
_TAG_OPEN = re.compile(r"<[a-zA-Z/!]")
_ENTITY = re.compile(r"&[#a-zA-Z0-9]+;")
_TAG = re.compile(r"<[^>]*>")
"""Only ever applied up to the last ">" of a text, where every "<" meets one."""
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f]")
"""C0 controls other than tab, newlines, VT and FF: no text, and lxml refuses an element
text that holds one (VT and FF, which it refuses too, are spaces: see _NOT_XML_SPACE)."""
_NOT_XML_SPACE = re.compile("[\x0b\x0c]")


def _has_markup(fragment: str) -> bool:
    """Whether ``<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;`` occurs in ``fragment`` (linear time)."""
    opener = _TAG_OPEN.search(fragment)
    if opener is not None and fragment.find(">", opener.end()) >= 0:
        return True
    return _ENTITY.search(fragment) is not None


def _strip_tags(fragment: str) -> str:
    """``re.sub(r"<[^>]*>", " ", fragment)`` in linear time: after the last ">" no tag ends."""
    end = fragment.rfind(">") + 1
    return _TAG.sub(" ", fragment[:end]) + fragment[end:]


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file are an RSS, RDF or Atom document."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    prologue = _XML_PROLOGUE.match(head[:8192])
    rest = head[prologue.end() if prologue else 0 :]
    return _FEED_ROOT.match(rest) is not None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one paragraph per block element, blank-line separated."""
    fragment = _NOT_XML_SPACE.sub(" ", _NOT_XML.sub("", fragment))
    if not _has_markup(fragment):
        return _paragraphs(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors: fall back to dropping the tags
        return _paragraphs(_strip_tags(fragment))
    for bad in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n\n" + (el.text or "")
    return _paragraphs(str(root.text_content()))


def _paragraphs(text: str) -> str:
    blocks = re.split(r"\n\s*\n", text.replace("\r", "\n"))
    return "\n\n".join(p for p in (" ".join(b.split()) for b in blocks) if p)


def _text_of(detail: Any) -> str:
    if not isinstance(detail, Mapping):
        return ""
    value = detail.get("value")
    if not isinstance(value, str):
        return ""
    kind = str(detail.get("type") or "text/html").lower()
    return _paragraphs(value) if kind == "text/plain" else html_to_text(value)


def _entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed is not None:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html_to_text(value).split())
    return text or None


def _body(entry: Mapping[str, Any]) -> str:
    bodies = [_text_of(c) for c in entry.get("content") or ()]
    bodies.append(_text_of(entry.get("summary_detail")))
    if not bodies[-1] and isinstance(entry.get("summary"), str):
        bodies.append(html_to_text(entry["summary"]))
    return max(bodies, key=len, default="")


def _entry_document(
    entry: Mapping[str, Any], *, doc_id: str, origin: str, feed: Mapping[str, Any]
) -> Document:
    title = _clean(entry.get("title"))
    body = _body(entry)
    if not body and not title:
        raise EmptyInput("feed entry has no title and no text")
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}".strip()
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    meta: dict[str, Any] = {}
    feed_link = feed.get("link")
    if isinstance(feed_link, str) and feed_link:
        meta["feed_link"] = feed_link
    tags = [t.get("term") for t in entry.get("tags") or () if isinstance(t, Mapping)]
    if any(isinstance(t, str) and t for t in tags):
        meta["tags"] = [t for t in tags if isinstance(t, str) and t]
    author = entry.get("author")
    return document_from_text(
        text,
        doc_id=doc_id,
        origin=origin,
        kind="text",
        title=title,
        date=_entry_date(entry),
        url=link or None,
        source=_clean(feed.get("title")),
        author=author if isinstance(author, str) and author.strip() else None,
        metadata=meta,
    )


def iter_feed(
    data: bytes, *, name: str, origin: str, settings: Settings
) -> Iterator[Document | Failure]:
    """Documents (one per entry) from the bytes of one RSS/Atom file."""
    import feedparser

    del settings  # entries are bounded by the file, which the caller already bounded
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser's decoding errors: a bad encoding declaration
        broken = MalformedRecord(f"not a readable RSS/Atom feed ({type(exc).__name__}: {exc})")
        yield _fail(name, origin, broken)
        return
    entries = list(parsed.get("entries") or ())
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f" ({type(problem).__name__}: {problem})" if problem is not None else ""
        err: AccordError = (
            MalformedRecord(f"not a readable RSS/Atom feed{reason}")
            if parsed.get("bozo") or not parsed.get("version")
            else EmptyInput("feed has no entries")
        )
        yield _fail(name, origin, err)
        return
    feed = parsed.get("feed") or {}
    for number, entry in enumerate(entries, start=1):
        guid = entry.get("id") or entry.get("link")
        doc_id = str(guid).strip() if isinstance(guid, str) and guid.strip() else None
        where = f"{origin}#{number}"
        try:
            yield _entry_document(
                entry, doc_id=doc_id or f"{name}:{number}", origin=where, feed=feed
            )
        except AccordError as exc:
            yield _fail(doc_id or f"{name}:{number}", where, exc, f"entry {number}: ")


def _fail(doc_id: str, origin: str, err: AccordError, prefix: str = "") -> Failure:
    return Failure(
        doc_id=doc_id,
        origin=origin,
        stage=_STAGE,
        code=err.code,
        message=prefix + " ".join(err.message.split()),
    )
