"""Datelines at the start of an article.

Two shapes are recognised:

* a date-only line ("Monday, January 7, 2019", "5 February 2025", "2026-02-04");
* a place/agency prefix of the first paragraph: "BEIJING:", "RAWALPINDI:",
  "WASHINGTON (Reuters) -", "LONDON, Jan 5 (AFP) —", "KYIV, Ukraine (AP) —",
  "Beijing, Feb. 4 (Xinhua) --", "(Reuters) -".

Places in capitals must be followed by ":" or a dash; title-case places need an agency in
parentheses or a date before the dash (so an ordinary sentence is never taken for a dateline).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from accord.text.dates import MONTH_PATTERN, WEEKDAY_PATTERN, month_number, resolve_month_day

_YEAR = r"(?:1[89]|20)\d{2}"
_DATE = (
    rf"(?:(?P<mon>{MONTH_PATTERN})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{MONTH_PATTERN})(?:,?\s+(?P<year2>{_YEAR}))?)"
)
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s+[A-Z]{2,5})?)?"

DATE_LINE = re.compile(
    rf"^(?:(?:{WEEKDAY_PATTERN}),?\s+)?(?:{_DATE}|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})){_TIME}\.?$"
)

_CAPS_WORD = r"[A-Z][A-Z.'’/\-]*[A-Z.]"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}"
_TITLE_PLACE = r"[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2}"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}))"
_DATE_PART = rf"(?:,\s*(?P<date>{_DATE}))"
_AGENCY = r"\s*\((?P<agency>[A-Z][\w .&/'’-]{0,30})\)"
_AGENCY_BARE = r"\((?P<agency>[A-Z][\w .&/'’-]{0,30})\)"
_DASH = r"\s*(?:-{1,2}|[–—])(?:\s+|$)"

_PREFIXES = (
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_REGION}?{_DATE_PART}?(?:{_AGENCY})?\s*:(?:\s+|$)"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_REGION}?{_DATE_PART}?(?:{_AGENCY})?{_DASH}"),
    re.compile(rf"^(?P<place>{_TITLE_PLACE}){_REGION}?{_DATE_PART}?{_AGENCY}{_DASH}"),
    re.compile(rf"^(?P<place>{_TITLE_PLACE}){_REGION}?{_DATE_PART}{_DASH}"),
    re.compile(rf"^{_AGENCY_BARE}{_DASH}"),
)

_NOT_PLACES = frozenset({
    "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS",
    "OPINION", "EDITORIAL", "COMMENT", "LIVE", "VIDEO", "PHOTOS", "NOTE", "EDITOR'S NOTE",
    "EDITOR’S NOTE", "FACT CHECK", "CORRECTION", "CLARIFICATION", "REVIEW", "INTERVIEW",
    "EXPLAINER", "FEATURE", "FILE", "WARNING", "READ", "ALSO READ", "READ MORE", "SOURCE",
    "SOURCES", "NB", "PS", "Q", "A", "UPDATE 1", "UPDATE 2", "URGENT", "FLASH", "ALERT",
})  # fmt: skip


_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    place: str | None
    date: dt.date | None
    raw: str
    end: int
    """Where the article text proper starts in the paragraph."""


def title_case_place(text: str) -> str:
    """ "NEW DELHI" -> "New Delhi"; "WASHINGTON, D.C." keeps "D.C."."""

    def word(token: str) -> str:
        if _INITIALISM.match(token):
            return token
        return token[:1].upper() + token[1:].lower()

    return re.sub(r"[^\s\-/,]+", lambda m: word(m.group(0)), text)


def _resolve(
    mon: str | None, day: str | None, year: str | None, pub: dt.date | None
) -> dt.date | None:
    if mon is None or day is None:
        return None
    month = month_number(mon)
    try:
        if year is not None:
            return dt.date(int(year), month, int(day))
        return resolve_month_day(month, int(day), pub) if pub is not None else None
    except ValueError:
        return None


def parse_date_line(line: str, pub: dt.date | None) -> tuple[bool, dt.date | None]:
    """(is ``line`` a date-only line?, its date when it can be resolved)."""
    m = DATE_LINE.match(line.strip())
    if m is None:
        return False, None
    if m["iso"]:
        try:
            return True, dt.date.fromisoformat(m["iso"])
        except ValueError:
            return True, None
    if m["mon"]:
        return True, _resolve(m["mon"], m["day"], m["year"], pub)
    return True, _resolve(m["mon2"], m["day2"], m["year2"], pub)


def match_prefix(paragraph: str, pub: dt.date | None) -> DatelineMatch | None:
    """A dateline prefix at the start of ``paragraph``, if any."""
    for pattern in _PREFIXES:
        m = pattern.match(paragraph)
        if m is None:
            continue
        groups = m.groupdict()
        place_raw = groups.get("place")
        if place_raw is not None and place_raw.upper() in _NOT_PLACES:
            return None
        place = None
        if place_raw is not None:
            place = title_case_place(place_raw)
            region = groups.get("region")
            if region:
                region_text = title_case_place(region) if region.isupper() else region
                place = f"{place}, {region_text}"
        date = None
        if groups.get("date"):
            date = _resolve(
                groups.get("mon") or groups.get("mon2"),
                groups.get("day") or groups.get("day2"),
                groups.get("year") or groups.get("year2"),
                pub,
            )
        raw = paragraph[: m.end()].strip()
        return DatelineMatch(place=place, date=date, raw=raw, end=m.end())
    return None
