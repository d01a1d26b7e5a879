"""Bytes -> str: size, emptiness, binary sniffing and character-set decoding.

Order of checks (first match wins):

1. empty or whitespace-only -> :class:`EmptyInput`;
2. a byte-order mark (UTF-8, UTF-16, UTF-32) selects the codec;
3. known binary magic numbers, NUL bytes or a high share of control bytes -> :class:`BinaryInput`;
4. for HTML, a declared ``<meta charset>`` (or ``http-equiv`` Content-Type) is honoured;
5. strict UTF-8;
6. bytes that are mostly valid UTF-8 but contain invalid sequences are corrupted UTF-8
   (guessing a legacy code page would silently produce mojibake): when the undecodable bytes
   are at most 1% of the input they are replaced (:func:`replace_undecodable`) and
   :attr:`Decoded.replaced` counts them, for the document's warning; more is a
   :class:`DecodeError` ("invalid UTF-8 at byte N");
7. otherwise the input is legacy (single-byte) text: windows-1252 is tried first (the
   commonest legacy encoding of English news) and accepted when the decoded text does not look
   garbled; then charset_normalizer's best guess when it is confident; else UTF-8 with
   replacements as in 6 (ASCII text with a stray byte no code page reads well); else
   DecodeError.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from accord.errors import BinaryInput, DecodeError, EmptyInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (MS Office)"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)

_SAMPLE = 8192
_CONTROL_SHARE = 0.10
_NON_SPACE = re.compile(r"\S+")
_VALID_SHARE = 0.20
_LEGACY_MESS = 0.10
_GUESS_CHAOS = 0.20

# Control bytes other than TAB, LF, VT, FF, CR and ESC.
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_DELETE = bytes(sorted(_CONTROL_BYTES))

_VALID_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.IGNORECASE
)

# Legacy labels that browsers (WHATWG Encoding standard) decode as windows-1252.
_AS_CP1252 = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "latin1",
        "latin-1",
        "l1",
        "ascii",
        "us-ascii",
        "cp819",
        "ibm819",
        "iso_8859-1",
        "windows-1252",
    }
)


_REPLACEABLE_SHARE = 0.01
"""At most this share of an input's bytes may be undecodable UTF-8 for the input to be read
with replacements; more is corruption, and the input fails."""
_ESCAPED = re.compile("[\udc80-\udcff]+")
"""Runs of undecodable bytes, as ``surrogateescape`` leaves them (one code point a byte)."""


def _c1_as_cp1252() -> Mapping[int, str]:
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return MappingProxyType(table)


_C1_AS_CP1252 = _c1_as_cp1252()
"""Bytes 0x80-0x9F that windows-1252 reads as punctuation or letters (‘ ’ “ ” – — … € ™ Š):
one of them alone in UTF-8 text is that character, pasted from a windows-1252 source."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    """The codec used (``utf-8`` for plain UTF-8 without BOM)."""
    replaced: int = 0
    """Undecodable bytes replaced in the text (:func:`replace_undecodable`)."""
    first_replaced: int | None = None
    """Offset of the first of them in the input."""


def check_not_empty(data: bytes) -> None:
    if not data.strip():
        raise EmptyInput("input is empty" if not data else "input contains only whitespace")


def binary_reason(data: bytes, *, signatures: bool = True) -> str | None:
    """Why ``data`` looks binary, or None when it looks like text (BOM-less input).

    ``signatures``: a known binary file signature at the start counts (not for data that
    does not start a file)."""
    for magic, name in _MAGIC if signatures else ():
        if data.startswith(magic):
            return f"binary content ({name} file signature)"
    sample = data[:_SAMPLE]
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"binary content (NUL byte at offset {nul})"
    controls = len(sample) - len(sample.translate(None, _CONTROL_DELETE))
    if sample and controls / len(sample) > _CONTROL_SHARE:
        return f"binary content ({controls} control bytes in the first {len(sample)})"
    return None


def text_binary_reason(text: str) -> str | None:
    """Like :func:`binary_reason`, for text that arrived already decoded (JSONL fields)."""
    sample = text[:_SAMPLE]
    nul = sample.find("\x00")
    if nul >= 0:
        return f"binary content (NUL character at offset {nul})"
    controls = sum(1 for ch in sample if ord(ch) < 0x80 and ord(ch) in _CONTROL_BYTES)
    if sample and controls / len(sample) > _CONTROL_SHARE:
        return f"binary content ({controls} control characters in the first {len(sample)})"
    return None


def declared_html_charset(data: bytes) -> str | None:
    """The codec named by a ``<meta charset>`` in the first KBs of an HTML page, if known."""
    match = _META_CHARSET.search(data[:_SAMPLE])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _bom_codec(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _looks_corrupted_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 sequences make up a real share of the non-ASCII bytes.

    A few valid pairs occur by chance in windows-1252 text (e.g. ``É`` followed by a curly quote),
    so a single accidental pair among many legacy bytes does not count.
    """
    valid = _VALID_MULTIBYTE.findall(data)
    if not valid:
        return False
    valid_bytes = sum(len(v) for v in valid)
    high = len(_HIGH_BYTE.findall(data))
    invalid_units = max(high - valid_bytes, 0)
    return len(valid) / (len(valid) + invalid_units) >= _VALID_SHARE


def _decode_legacy(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if mess_ratio(text[: _SAMPLE * 4]) <= _LEGACY_MESS:
            return Decoded(text, "cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > _GUESS_CHAOS:
        return None
    name = codecs.lookup(best.encoding).name
    if name.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    return Decoded(str(best), name)


_LEGACY_PUNCT = frozenset("‘’‚“”„–—…€£¥¢©®°·«»§¶•™†‡‰¡¿×÷±¼½¾\u00a0")


def plausible_legacy_text(text: str) -> bool:
    """Whether a legacy-codec decoding reads like text rather than mojibake.

    Every non-ASCII character must be common punctuation, or a letter inside a word, or an
    accented letter standing as a word of its own ("à"). A word with non-ASCII Latin letters
    must also hold ASCII letters ("café" yes; "ÿþ", "Ã(" and "ĸþÃ" no). Words wholly in
    another script (Cyrillic, Greek, ...) are accepted.
    """
    for word in _NON_SPACE.findall(text):
        core = word.strip(".,;:!?\"'»«“”‘’()")
        single = len(core) == 1 and core.isalpha() and unicodedata.decomposition(core)
        if single and word.rstrip(".,;:") == core:
            continue
        for k, ch in enumerate(word):
            if ord(ch) < 128 or ch in _LEGACY_PUNCT:
                continue
            if not ch.isalpha():
                return False
            left = word[k - 1] if k > 0 else ""
            right = word[k + 1] if k + 1 < len(word) else ""
            if not (left.isalpha() or right.isalpha()):
                return False
            if unicodedata.name(ch, "").startswith("LATIN") and not any(
                "a" <= c.lower() <= "z" for c in word
            ):
                return False
    return True


def _replacement(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) == 1:
        char = _C1_AS_CP1252.get(ord(run) - 0xDC00)
        if char is not None:
            return char
    return "\ufffd"


def replace_undecodable(data: bytes) -> tuple[str, int]:
    """``data`` as UTF-8 with its undecodable bytes replaced, and how many bytes that was.

    A single undecodable byte that windows-1252 reads as punctuation or a letter (0x80-0x9F:
    ``\x92`` is ’) becomes that character; any other run of undecodable bytes becomes one
    U+FFFD. Linear in the input.
    """
    text = data.decode("utf-8", "surrogateescape")
    bad = sum(len(run) for run in _ESCAPED.findall(text))
    return _ESCAPED.sub(_replacement, text), bad


def lenient_utf8(data: bytes, first_bad: int, offset: int = 0) -> Decoded | None:
    """``data`` as UTF-8 with replacements (:func:`replace_undecodable`) when at most 1% of
    its bytes are undecodable; else None. ``first_bad``: the first undecodable byte's offset
    (``offset`` is added to it: bytes before ``data`` in the input, such as a BOM)."""
    text, bad = replace_undecodable(data)
    if bad > len(data) * _REPLACEABLE_SHARE:
        return None
    return Decoded(text, "utf-8", replaced=bad, first_replaced=first_bad + offset)


def _too_many(data: bytes) -> str:
    _, bad = replace_undecodable(data)
    return f"{bad:,} undecodable bytes of {len(data):,}, over the 1% that are replaced"


def decode_bytes(data: bytes, *, html: bool = False) -> Decoded:
    """Decode ``data`` to text; raise EmptyInput, BinaryInput or DecodeError."""
    check_not_empty(data)
    bom = _bom_codec(data)
    if bom is not None:
        codec, size = bom
        try:
            text = data[size:].decode(codec)
        except UnicodeDecodeError as exc:
            lenient = lenient_utf8(data[size:], exc.start, size) if codec == "utf-8" else None
            if lenient is None or not lenient.text.strip():
                raise DecodeError(
                    f"invalid {codec.upper()} (after byte-order mark) at byte {exc.start + size}"
                ) from None
            return Decoded(lenient.text, "utf-8-sig", lenient.replaced, lenient.first_replaced)
        if not text.strip():
            raise EmptyInput("input contains only a byte-order mark and whitespace")
        return Decoded(text, "utf-8-sig" if codec == "utf-8" else codec)

    reason = binary_reason(data)
    if reason is not None:
        raise BinaryInput(reason)

    if html:
        declared = declared_html_charset(data)
        if declared is not None:
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                if declared == "cp1252":
                    return Decoded(data.decode("latin-1"), "latin-1")
                # A wrong declaration: fall through to detection.

    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _looks_corrupted_utf8(data):
        lenient = lenient_utf8(data, first_bad)
        if lenient is None:
            raise DecodeError(
                f"invalid UTF-8 at byte {first_bad} (corrupted UTF-8 text: {_too_many(data)})"
            )
        return lenient
    legacy = _decode_legacy(data)
    if legacy is not None and plausible_legacy_text(legacy.text):
        return legacy
    lenient = lenient_utf8(data, first_bad)
    if lenient is not None and lenient.text.strip():
        return lenient
    raise DecodeError(
        f"not UTF-8 (invalid byte at {first_bad}) and no legacy encoding fits confidently"
    )
