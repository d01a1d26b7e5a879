"""The fuzz tier's settings and input strategies (issue 13, item 7).

Every fuzz test runs under :data:`FUZZ`: Hypothesis with a fixed seed (``derandomize``: the
same examples on every run and every machine, so a red run is reproducible and a green one
stays green), no example database, no deadline. ``ACCORD_FUZZ_SCALE=N`` multiplies the
number of examples for a deeper run by hand (``ACCORD_FUZZ_SCALE=20 pytest tests/fuzz``);
``make test`` runs the default, sized to take about a minute on two cores.

The strategies build inputs that look like what accord reads and then break them: news-like
text from fragments (datelines, boilerplate lines, date expressions, e-mail and URL-like
runs, long tokens, odd whitespace and control characters), HTML trees, JSON lines with
fields of every JSON type, RSS/Atom feeds, WARC records (lengths right or wrong), and each of
them encoded, gzip-compressed, truncated or with bytes flipped.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st


def _scale() -> int:
    raw = os.environ.get("ACCORD_FUZZ_SCALE", "").strip()
    return max(1, int(raw)) if raw.isdigit() else 1


def fuzz(examples: int, *, first_failure_only: bool = False) -> settings:
    """The fixed-seed settings for a fuzz test of ``examples`` examples (times the scale).
    ``first_failure_only``: report the first distinct failure found, not all of them in an
    ExceptionGroup (for a test that is a strict xfail on one known bug)."""
    return settings(
        max_examples=examples * _scale(),
        report_multiple_bugs=not first_failure_only,
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


# ------------------------------------------------------------------ text


WORDS = (
    "The", "the", "president", "said", "on", "Monday", "Tuesday", "talks", "in", "Geneva",
    "police", "arrested", "protesters", "government", "of", "and", "a", "to", "U.S.", "Mr.",
    "Dr.", "Jan.", "Feb", "Sept.", "March", "May", "December", "5", "31", "12th", "1st",
    "2020", "1999", "1800", "2099", "2019-02-30", "2020-01-31", "10:30", "a.m.", "p.m.",
    "EST", "yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "week",
    "month", "year", "ago", "three", "days", "999", "early", "mid-", "will", "is set to",
    "the first month of the year", "$228.1", "billion", "per cent", "%", "—", "–", "-",
    "\"", "“", "”", "'", "’", "(", ")", "[", "]", "...", "…", ":", ";", "!", "?", ",", ".",
)  # fmt: skip
LINES = (
    "LONDON (Reuters) - ",
    "WASHINGTON, Jan. 5 (AP) — ",
    "NEW DELHI: ",
    "PARIS, March 3, 2020 /PRNewswire/ -- ",
    "BEIJING, Dec. 31 (Xinhua) -- ",
    "Jan. 5, 2020",
    "2020-01-05",
    "Monday, March 2",
    "Advertisement",
    "Read more:",
    "Related Articles",
    "LEAVE A REPLY",
    "Must Read",
    "3 comments",
    "(Photo by John Smith/Getty Images)",
    "Copyright 2020 Reuters. All rights reserved.",
    "Follow us on Twitter",
    "Share this:",
    "By John Smith",
    "John Smith is a reporter who covers politics. He lives in Ohio.",
    "Reporting by Jane Doe; Editing by Bob Roe",
    "a.b.c+d-e@f.g.h",
    "http://example.com/a/b?q=1&r=2#frag",
    "mailto:x@y.z",
    "• bullet point",
    "1) numbered",
    "¿Qué? ¡Sí!",
    "中国外交部发言人说。",
    "قال الرئيس",
)
SEPARATORS = (
    " ", "  ", "\n", "\n\n", "\n \n", "\t", ", ", ". ", " - ", "\r\n", "\r", "\u00a0",
    "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\u200b", "\ufeff", "\x00", "\x1f", "",
)  # fmt: skip

_chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
_run_alphabet = st.sampled_from("abcXYZ09.+-_@:/%=?&)]\"'”’")


def long_runs(max_size: int = 600) -> st.SearchStrategy[str]:
    """A run without spaces: letters, dots, plus and minus signs, closing marks, ..."""
    return st.text(_run_alphabet, min_size=1, max_size=max_size)


_sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=16).map(
    lambda words: " ".join(words) + "."
)
_separator = st.one_of(
    st.sampled_from((" ", " ", " ", " ", "\n", "\n\n", " ", ". ")), st.sampled_from(SEPARATORS)
)


def _fragment() -> st.SearchStrategy[str]:
    return st.one_of(
        _sentence,
        _sentence,
        st.sampled_from(WORDS),
        st.sampled_from(LINES),
        st.integers(min_value=0, max_value=3000).map(str),
        st.text(_chars, max_size=12),
        long_runs(160),
    )


news_text: st.SearchStrategy[str] = st.lists(st.tuples(_fragment(), _separator), max_size=40).map(
    lambda parts: "".join(f + s for f, s in parts)
)
"""News-like text: fragments joined by separators (whitespace of every kind included)."""

_PLAIN = (
    "The president of France met the German chancellor in Paris on Monday.",
    "Police arrested dozens of protesters outside parliament in Nairobi yesterday.",
    "Russia and Ukraine agreed to resume talks in Istanbul next week, officials said.",
    "The United Nations condemned the attack on the convoy, which killed 12 people.",
    "Opposition leaders called for a general strike after the disputed election.",
)
article: st.SearchStrategy[str] = st.lists(
    st.lists(st.one_of(st.sampled_from(_PLAIN), _sentence), min_size=1, max_size=5).map(" ".join),
    min_size=1,
    max_size=6,
).map("\n\n".join)
"""Article-like text: paragraphs of plain sentences, long enough for an extractor to keep."""

any_text: st.SearchStrategy[str] = st.one_of(
    news_text,
    news_text,
    article,
    st.builds(lambda a, b, c: a + b + c, news_text, article, news_text),
    st.text(_chars, max_size=400),
)

publication: st.SearchStrategy[dt.date | None] = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 12, 31), dt.date(9999, 1, 1)]),
)
"""A publication date: none, an ordinary one, or the calendar's ends (0001-01-01 and
9999-12-31 are the null dates of many databases, and a JSON-lines date may be either)."""


# ------------------------------------------------------------------ HTML

_TAGS = (
    "p", "div", "article", "section", "span", "a", "b", "h1", "h2", "title", "script",
    "style", "table", "td", "ul", "li", "header", "footer", "nav", "main", "blockquote",
)  # fmt: skip
_ATTRS = ("", ' class="story"', ' id="x"', " hidden", ' href="/a"', ' lang="fr"', " <")


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if close else ""),
        st.sampled_from(_TAGS),
        st.sampled_from(_ATTRS),
        st.lists(children, max_size=4).map("".join),
        st.booleans(),
    )


def _paragraph_tags(text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in text.split("\n\n"))


html_fragment: st.SearchStrategy[str] = st.recursive(
    st.one_of(
        news_text,
        article.map(_paragraph_tags),
        st.sampled_from(["<br>", "<!-- c -->", "&amp;", "&#x0;", "&bogus;", "<p>", "</div>"]),
    ),
    _element,
    max_leaves=12,
)


def _page(head: str, body: str, depth: int, doctype: bool) -> str:
    nested = "<div>" * depth + body + "</div>" * (depth // 2)
    pre = "<!DOCTYPE html>" if doctype else ""
    return f"{pre}<html><head><title>{head}</title></head><body>{nested}</body></html>"


html_page: st.SearchStrategy[str] = st.one_of(
    html_fragment,
    st.builds(
        _page,
        news_text,
        st.one_of(html_fragment, article.map(lambda a: f"<article>{_paragraph_tags(a)}</article>")),
        st.one_of(st.just(0), st.integers(0, 20), st.integers(250, 400)),
        st.booleans(),
    ),
    st.builds(lambda x: '<?xml version="1.0" encoding="utf-8"?>' + x, html_fragment),
)


# ------------------------------------------------------------------ JSON lines

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    any_text,
    st.sampled_from(
        [
            "2020-01-05",
            "2026-13-45",
            "yesterday",
            "0001-01-01",
            "9999-12-31",
            "2020-02-30",
            "2020-01-05T10:00:00+05:00",
            "2020-01-05T25:00",
            "",
        ]
    ),
)
_json_value = st.recursive(
    _json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_FIELDS = ("id", "text", "html", "title", "date", "url", "source", "author", "extra")


def _record_line(record: dict[str, Any], ascii_only: bool) -> str:
    return json.dumps(record, ensure_ascii=ascii_only)


_record = st.one_of(
    st.fixed_dictionaries(
        {"text": st.one_of(article, any_text)},
        optional={
            "id": st.one_of(st.text(max_size=8), st.integers(), _json_value),
            "date": _json_value,
            "title": st.one_of(news_text, _json_value),
            "url": st.one_of(st.just("http://example.com/a"), _json_value),
        },
    ),
    st.fixed_dictionaries({"html": html_page}, optional={"id": st.text(max_size=8)}),
    st.dictionaries(st.sampled_from(_FIELDS), st.one_of(_json_value, news_text), max_size=6),
)
json_record: st.SearchStrategy[str] = st.builds(_record_line, _record, st.booleans())
jsonl_text: st.SearchStrategy[str] = st.lists(
    st.one_of(
        json_record,
        json_record,
        st.sampled_from(["", " ", "{", "[1, 2]", '"a string"', "null", '{"text": 1}']),
        st.text(_chars, max_size=40),
    ),
    max_size=8,
).map(lambda lines: "\n".join(lines))


# ------------------------------------------------------------------ feeds


def _rss(title: str, items: list[tuple[str, str, str, str]], cdata: bool) -> str:
    def body(text: str) -> str:
        return f"<![CDATA[{text}]]>" if cdata else text

    entries = "".join(
        f"<item><title>{body(t)}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>{date}</pubDate><description>{body(t)}</description></item>"
        for t, link, guid, date in items
    )
    return f'<rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


def _atom(title: str, items: list[tuple[str, str, str, str]], cdata: bool) -> str:
    del cdata
    entries = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><id>{guid}</id>'
        f'<updated>{date}</updated><content type="html">{t}</content></entry>'
        for t, link, guid, date in items
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{entries}</feed>'


_feed_item = st.tuples(
    st.one_of(article, article, news_text, html_fragment),
    st.sampled_from(["http://example.com/a", "", "not a url", "javascript:x"]),
    st.one_of(st.sampled_from(["", "tag:x,2020:1", "  "]), st.text(_chars, max_size=10)),
    st.sampled_from(
        ["Mon, 06 Jan 2020 10:00:00 GMT", "2020-01-06T10:00:00Z", "", "yesterday", "9999-99-99"]
    ),
)
feed_text: st.SearchStrategy[str] = st.builds(
    lambda make, title, items, cdata: make(title, items, cdata),
    st.sampled_from([_rss, _atom]),
    news_text,
    st.lists(_feed_item, max_size=4),
    st.booleans(),
)


# ------------------------------------------------------------------ WARC


def _warc_record(
    kind: str, status: str, ctype: str, body: bytes, slack: int, gzipped: bool
) -> bytes:
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://example.com/{len(body)}\r\n"
        "WARC-Date: 2020-01-06T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {max(0, len(http) + slack)}\r\n\r\n"
    ).encode()
    record = head + http + b"\r\n\r\n"
    return gzip.compress(record, mtime=0) if gzipped else record


warc_bytes: st.SearchStrategy[bytes] = st.lists(
    st.builds(
        _warc_record,
        st.sampled_from(["response", "response", "response", "request", "metadata", "resource"]),
        st.sampled_from(["200 OK", "200 OK", "200 OK", "404 Not Found", "301 Moved", "abc"]),
        st.sampled_from(
            [
                "text/html; charset=utf-8",
                "text/html",
                "text/html; charset=bogus",
                "text/html; charset=windows-1252",
                "image/png",
                "",
            ]
        ),
        html_page.map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.one_of(st.just(0), st.just(0), st.just(0), st.integers(-40, 40)),
        st.booleans(),
    ),
    min_size=1,
    max_size=3,
).map(b"".join)


# ------------------------------------------------------------------ bytes

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.builds(_encode, texts, st.sampled_from(ENCODINGS))


_declarations = st.one_of(
    st.sampled_from(
        [
            b"",
            b'<?xml version="1.0"?>',
            b'<?xml version="1.0" encoding="utf-8"?>',
            b'<?xml version="1.0" encoding="windows-1252"?>',
            b'<?xml version="1.0" encoding="bogus"?>',
        ]
    ),
    st.binary(min_size=1, max_size=6).map(
        lambda name: b'<?xml version="1.0" encoding="%s"?>' % name
    ),
)
feed_bytes: st.SearchStrategy[bytes] = st.builds(
    lambda declaration, body: declaration + body, _declarations, encoded(feed_text)
)
"""A feed: an XML declaration (its encoding's name any bytes at all), then the feed."""


def _mutate(data: bytes, how: str, at: int, noise: bytes) -> bytes:
    if not data or how == "none":
        return data
    i = at % (len(data) + 1)
    if how == "truncate":
        return data[:i]
    if how == "insert":
        return data[:i] + noise + data[i:]
    if how == "flip":
        j = min(i, len(data) - 1)
        return data[:j] + bytes([data[j] ^ 0xFF]) + data[j + 1 :]
    return data + noise  # "append"


def mutated(base: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return st.builds(
        _mutate,
        base,
        st.sampled_from(["none", "none", "truncate", "insert", "flip", "append"]),
        st.integers(min_value=0, max_value=1 << 20),
        st.binary(min_size=1, max_size=8),
    )


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


payloads: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=600),
    encoded(news_text),
    encoded(html_page),
    encoded(jsonl_text),
    feed_bytes,
    warc_bytes,
)
"""One file's content before compression: any of the formats, or arbitrary bytes."""

SUFFIXES = (
    ".txt", ".html", ".jsonl", ".ndjson", ".warc", ".arc", ".rss", ".atom", ".xml", "",
    ".bin",
)  # fmt: skip


def file_inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    """(file name suffix, content): plain or gzip-compressed, then maybe damaged."""
    plain = st.tuples(st.sampled_from(SUFFIXES), mutated(payloads))
    zipped = st.tuples(
        st.sampled_from(SUFFIXES).map(lambda s: s + ".gz"), mutated(payloads.map(_gzip))
    )
    return st.one_of(plain, plain, zipped)
