"""Reading a WARC prints nothing (found by the fuzz tier, tests/fuzz).

warcio logs "Replacing spaces in invalid WARC-Target-URI: <the URI as it is>" as a warning
through the ``logging`` module; with no handler configured, Python's last-resort handler
writes it to stderr, so a hostile URI's terminal escape sequences (a window title, a cleared
screen, colours) reached the terminal raw, bypassing accord's safe output (issue 13, item 6),
and library code printed. In a subprocess: pytest's own log capture would hide it here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
URI = "http://example.com/a b\x1b]0;owned\x07\x1b[2J\x1b[31mRED"
BODY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The "
    b"president of France met the German chancellor in Paris on Monday to discuss trade and "
    b"security.</p></article></body></html>"
)
READ = (
    "import sys\n"
    "from accord.config import Settings\n"
    "from accord.ingest import iter_documents\n"
    "items = list(iter_documents([sys.argv[1]], Settings()))\n"
    "print(len(items), type(items[0]).__name__, repr(items[0].id))\n"
)


def _warc(path: Path) -> Path:
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {URI}\r\n"
        "WARC-Date: 2020-01-06T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(BODY)}\r\n\r\n"
    ).encode()
    path.write_bytes(head + BODY + b"\r\n\r\n")
    return path


def test_a_warc_with_an_invalid_target_uri_is_read_without_a_word_on_stderr(
    tmp_path: Path,
) -> None:
    path = _warc(tmp_path / "evil.warc")
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 Document 'http://example.com/a%20b")
    assert "\x1b" not in done.stderr
    assert done.stderr == ""
