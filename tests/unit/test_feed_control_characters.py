"""A control character inside a feed entry's HTML (found by the fuzz tier, tests/fuzz).

lxml refuses to set element text holding a C0 control character other than tab, newline
and carriage return, and ``accord.ingest.feeds.html_to_text`` let its ValueError out: one
``\\x1f`` in one entry's ``<description>`` stopped ``accord code`` and ``accord ingest``
with "internal error: ValueError: All strings must be XML compatible", every other entry
and every other input lost. The character is no text: the entry is read without it, and
the entries around it are read as ever."""

from __future__ import annotations

import pytest

from accord.config import Settings
from accord.ingest.feeds import html_to_text, iter_feed
from accord.model import Document

FEED = (
    b'<rss version="2.0"><channel><title>News</title>'
    b"<item><title>Talks resume</title><guid>g1</guid>"
    b"<description>Police arrested protesters in Berlin on Monday.</description></item>"
    b"<item><title><p>Police\x1f arrested</p></title><guid>g2</guid>"
    b"<description><p>The president\x1f met the chancellor.</p></description></item>"
    b"<item><title>Third</title><guid>g3</guid>"
    b"<description>The president of France met the German chancellor.</description></item>"
    b"</channel></rss>"
)


@pytest.mark.parametrize("control", ["\x01", "\x08", "\x0b", "\x0c", "\x1f"])
def test_a_control_character_in_html_is_dropped(control: str) -> None:
    text = html_to_text(f"<p>Police{control} arrested</p><p>protesters.</p>")
    assert control not in text
    assert text.split() == ["Police", "arrested", "protesters."]


def test_a_feed_entry_with_a_control_character_is_read_and_so_are_the_others() -> None:
    out = list(iter_feed(FEED, name="news.rss", origin="news.rss", settings=Settings()))
    assert [d.id for d in out] == ["g1", "g2", "g3"]
    assert all(isinstance(d, Document) for d in out)
    second = out[1]
    assert isinstance(second, Document)
    assert "The president met the chancellor." in " ".join(second.text.split())
    assert "\x1f" not in second.text
