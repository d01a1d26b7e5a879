"""Event dates in a sentence, resolved against the publication date.

:func:`find_event_date` returns the first (leftmost; longest on ties) date expression in the
sentence that can be resolved. All patterns are hand-written regexes (fast, deterministic); no
expression is resolved by guessing from bare numbers, so amounts ("$228.1 billion"), counts
("216 terrorists"), ordinals ("80th anniversary") and durations ("for three years",
"since 2014", "the last year") are never dates.

Resolution rules (``pub`` is the publication date):

* ``today``/``tonight``/``this morning`` -> pub; ``yesterday``/``last night`` -> pub - 1;
  ``tomorrow`` -> pub + 1 (day precision).
* A weekday ("on Wednesday") -> the latest such day on or before pub (wire style: "said on
  Thursday" in a Thursday story is that same day); ``last Wednesday`` -> strictly before pub and
  not the day before, which news calls "yesterday" ("last Thursday" in a Friday story is
  the week before's);
  ``next Wednesday``, or a weekday shortly after a future marker ("will meet ... on Friday"),
  -> the first such day on or after pub (strictly after for ``next``).
* Month and day without a year ("Feb. 4", "on February 5") -> the year that puts the date
  nearest to pub (the first one on or after pub after a future marker).
* "in January" -> the latest January not after pub (month precision; the next one after a
  future marker); "in June last year" / "June of next year" -> that month of the year before
  or after pub's. "in 2025" -> year precision. "in the first month of the year" -> that month
  of pub's year.
* ``last week`` -> month precision, the month holding the Thursday of the previous ISO week
  (the ISO rule that assigns a week to a month); ``this week`` likewise for pub's week.
  ``last month``/``this month`` and ``last year``/``this year`` -> month/year precision.
* "N days/weeks/months/years ago" -> day precision for days, month for weeks and months,
  year for years.

Dates with month precision are given as the first day of the month, year precision as 1 January.
Expressions that need pub are skipped when it is None, and so is one whose date would fall off
the calendar (before 0001-01-01 or after 9999-12-31).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from accord.model import DatePrecision, Span

MONTHS: Mapping[str, int] = MappingProxyType({
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
})  # fmt: skip
WEEKDAYS: Mapping[str, int] = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
})  # fmt: skip
_ORDINALS: Mapping[str, int] = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
})  # fmt: skip
_NUMBERS: Mapping[str, int] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
})  # fmt: skip

MONTH_PATTERN = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]|20)\d{2}"
_NOT_NUMBER = r"(?![\d,.%]?\d)(?!\s*(?:%|percent|per cent))(?!\s*[-–—]\s*\d)"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A resolved date expression: ``sentence[span[0]:span[1]] == text``."""

    date: dt.date
    precision: DatePrecision
    text: str
    span: Span


Resolved = tuple[dt.date, DatePrecision] | None
_Resolver = Callable[[re.Match[str], dt.date | None, bool], Resolved]

_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|(?:is|are|'s|'re) (?:set|due|scheduled|expected|slated|going|poised)"
    r" to|plans? to|planning to|scheduled for|set for|due (?:on|for))\b",
    re.IGNORECASE,
)
_FUTURE_WINDOW = 60


def month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve_month_day(month: int, day: int, pub: dt.date, future: bool = False) -> dt.date | None:
    """The date with that month and day nearest to ``pub`` (first on/after pub if future)."""
    years = (pub.year - 1, pub.year, pub.year + 1)
    options = [d for y in years if (d := _safe_date(y, month, day)) is not None]
    if not options:
        return None
    if future:
        ahead = [d for d in options if d >= pub]
        return min(ahead) if ahead else None
    return min(options, key=lambda d: (abs((d - pub).days), d))


def _weekday(pub: dt.date, weekday: int, mode: str) -> dt.date:
    """mode: 'past' (on or before), 'before' (strictly before, and not the day before:
    'last Thursday' in a Friday story is eight days back, the day before being
    'yesterday'), 'future' (on or after), 'after'."""
    if mode in ("past", "before"):
        back = (pub.weekday() - weekday) % 7
        if mode == "before" and back in (0, 1):
            back += 7
        return pub - dt.timedelta(days=back)
    ahead = (weekday - pub.weekday()) % 7
    if ahead == 0 and mode == "after":
        ahead = 7
    return pub + dt.timedelta(days=ahead)


def _iso_thursday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=3 - day.weekday())


# Resolvers: (match, publication date, future context) -> (date, precision) | None.


def _r_month_day(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    month, day = month_number(m["mon"]), int(m["day"])
    if m["year"]:
        found = _safe_date(int(m["year"]), month, day)
    elif pub is not None:
        found = resolve_month_day(month, day, pub, future)
    else:
        return None
    return (found, DatePrecision.DAY) if found else None


def _r_iso(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    found = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return (found, DatePrecision.DAY) if found else None


def _r_month_year(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    return dt.date(int(m["year"]), month_number(m["mon"]), 1), DatePrecision.MONTH


def _r_in_month(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    month = month_number(m["mon"])
    words = m["mod"].lower().replace("-", " ").split()
    mod = words[0] if words else ""
    if mod in ("this", "earlier", "later"):
        return dt.date(pub.year, month, 1), DatePrecision.MONTH
    if mod == "next" or (future and mod != "last"):
        year = pub.year if month >= pub.month else pub.year + 1
        if mod == "next" and month == pub.month:
            year += 1
        return dt.date(year, month, 1), DatePrecision.MONTH
    year = pub.year if month <= pub.month else pub.year - 1
    if mod == "last" and month == pub.month:
        year -= 1
    return dt.date(year, month, 1), DatePrecision.MONTH


def _r_month_of_relative_year(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    return dt.date(pub.year + step, month_number(m["mon"]), 1), DatePrecision.MONTH


def _r_year(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    return dt.date(int(m["year"]), 1, 1), DatePrecision.YEAR


def _r_weekday(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    mod = (m["mod"] or "").lower()
    mode = {"last": "before", "next": "after"}.get(mod, "future" if future else "past")
    return _weekday(pub, WEEKDAYS[m["wd"].lower()], mode), DatePrecision.DAY


def _r_relative_day(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    word = " ".join(m[0].lower().split())
    if word == "the day before yesterday":
        offset = -2
    elif word in ("yesterday", "last night"):
        offset = -1
    elif word == "tomorrow":
        offset = 1
    else:
        offset = 0
    return pub + dt.timedelta(days=offset), DatePrecision.DAY


def _r_relative_period(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    mod = m["mod"].lower().split()[-1]
    step = {"last": -1, "next": 1}.get(mod, 0)
    unit = m["unit"].lower()
    if unit == "week":
        anchor = _iso_thursday(pub + dt.timedelta(weeks=step))
        return _month_start(anchor), DatePrecision.MONTH
    if unit == "month":
        return _add_months(pub, step), DatePrecision.MONTH
    return dt.date(pub.year + step, 1, 1), DatePrecision.YEAR


def _r_ago(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = m["unit"].lower()
    if unit == "day":
        return pub - dt.timedelta(days=n), DatePrecision.DAY
    if unit == "week":
        return _month_start(pub - dt.timedelta(weeks=n)), DatePrecision.MONTH
    if unit == "month":
        return _add_months(pub, -n), DatePrecision.MONTH
    return dt.date(pub.year - n, 1, 1), DatePrecision.YEAR


def _r_nth_month(m: re.Match[str], pub: dt.date | None, future: bool) -> Resolved:
    if pub is None:
        return None
    word = m["nth"].lower()
    month = 12 if word in ("last", "final") else _ORDINALS[word]
    return dt.date(pub.year, month, 1), DatePrecision.MONTH


_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RELATIVE_DAY_KEYS = (
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "last night",
    "this morning",
    "this afternoon",
    "this evening",
)

# (pattern, resolver, gate): a pattern runs only when one of its gate strings occurs in the
# lowercased sentence, a cheap substring test that spares most regex scans.
_PATTERNS: tuple[tuple[re.Pattern[str], _Resolver, tuple[str, ...]], ...] = (
    (
        re.compile(
            rf"\b(?:{WEEKDAY_PATTERN},?\s+)?(?P<mon>{MONTH_PATTERN})\s*(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\b(?!:\d)(?:,?\s+(?P<year>{_YEAR})\b)?{_NOT_NUMBER}"
        ),
        _r_month_day,
        _MONTH_KEYS,
    ),
    (
        re.compile(
            rf"\b(?:{WEEKDAY_PATTERN},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?P<mon>{MONTH_PATTERN})(?:,?\s+(?P<year>{_YEAR})\b)?{_NOT_NUMBER}"
        ),
        _r_month_day,
        _MONTH_KEYS,
    ),
    (re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"), _r_iso, ("-",)),
    (
        re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\s+(?:of\s+)?(?P<year>{_YEAR})\b{_NOT_NUMBER}"),
        _r_month_year,
        _MONTH_KEYS,
    ),
    (
        re.compile(
            rf"\b(?P<mod>(?i:in|during)\s+)?(?P<mon>{MONTH_PATTERN})\s+(?:(?i:of)\s+)?"
            r"(?P<rel>(?i:last|this|next))\s+(?i:year)\b"
        ),
        _r_month_of_relative_year,
        _MONTH_KEYS,
    ),
    (
        re.compile(
            rf"\b(?P<mod>(?i:in|during|early|late|mid|last|next|this|earlier this|later this)"
            rf"[\s-]+)(?:(?i:early|late|mid)[\s-]+)?(?P<mon>{MONTH_PATTERN})(?!\s*\d)"
        ),
        _r_in_month,
        _MONTH_KEYS,
    ),
    (
        re.compile(
            rf"\b(?P<mod>(?i:in|during|early|late|mid)[\s-]+)(?:(?i:early|late|mid)[\s-]+)?"
            rf"(?P<year>{_YEAR})\b{_NOT_NUMBER}"
        ),
        _r_year,
        ("18", "19", "20"),
    ),
    (
        re.compile(
            rf"\b(?P<mod>(?i:in|during)\s+)?(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?"
            rf"(?:(?i:spring|summer|autumn|winter)|(?<=the )(?i:fall)|(?<=The )(?i:fall))\s+"
            rf"(?:(?i:of)\s+)?(?P<year>{_YEAR})\b{_NOT_NUMBER}"
        ),
        _r_year,  # 'in the autumn of 1978', 'summer 2004': the year is what is known
        ("spring", "summer", "autumn", "fall", "winter"),
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>(?i:last|next|this))\s+)?(?P<wd>{WEEKDAY_PATTERN})"
            r"(?:\s+(?i:morning|afternoon|evening|night))?\b"
        ),
        _r_weekday,
        ("day",),
    ),
    (
        re.compile(
            r"\b(?i:the day before yesterday|yesterday|today|tonight|tomorrow|last night"
            r"|this (?:morning|afternoon|evening))\b"
        ),
        _r_relative_day,
        _RELATIVE_DAY_KEYS,
    ),
    (
        re.compile(
            r"(?<!\bthe )(?<!\bThe )(?<!\bpast )"
            r"\b(?P<mod>(?i:last|next|this|earlier this|later this))"
            r"\s+(?P<unit>(?i:week|month|year))\b"
        ),
        _r_relative_period,
        ("week", "month", "year"),
    ),
    (
        re.compile(
            r"\b(?P<n>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            r"|twelve))\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)\b"
        ),
        _r_ago,
        ("ago",),
    ),
    (
        re.compile(
            r"\b(?i:the)\s+(?P<nth>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
            r"|tenth|eleventh|twelfth|last|final))\s+(?i:month)\s+(?i:of)\s+(?i:the|this)\s+"
            r"(?i:year)\b"
        ),
        _r_nth_month,
        ("month of",),
    ),
)


def _strip_mod_prefix(m: re.Match[str]) -> int:
    """Start of the expression proper: "in January" -> "January"; "last week" keeps "last"."""
    mod = m.groupdict().get("mod")
    if mod and mod.strip().lower() in ("in", "during"):  # the preposition is not the date
        return m.start("mod") + len(mod)
    return m.start()


def _is_future(sentence: str, start: int) -> bool:
    return _FUTURE.search(sentence, max(0, start - _FUTURE_WINDOW), start) is not None


def find_date_mentions(sentence: str, publication: dt.date | None) -> list[DateMention]:
    """All resolvable date expressions, left to right; overlapping ones keep the longest."""
    found: list[DateMention] = []
    lower = sentence.lower()
    for pattern, resolve, gate in _PATTERNS:
        if not any(key in lower for key in gate):
            continue
        for m in pattern.finditer(sentence):
            start, end = _strip_mod_prefix(m), m.end()
            text = sentence[start:end].rstrip(" ,")
            end = start + len(text)
            try:
                resolved = resolve(m, publication, _is_future(sentence, start))
            except (OverflowError, ValueError):
                # Off the calendar: "tomorrow" after 9999-12-31, "999 years ago" from year
                # 500 (0001-01-01 and 9999-12-31 are the null dates of many databases).
                resolved = None
            if resolved is not None:
                found.append(DateMention(resolved[0], resolved[1], text, (start, end)))
    found.sort(key=lambda d: (d.span[0], -(d.span[1] - d.span[0])))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.span[0] < kept[-1].span[1]:
            continue
        kept.append(mention)
    return kept


def find_event_date(sentence: str, publication: dt.date | None) -> DateMention | None:
    """The first event-like date expression in ``sentence``, resolved; None when there is none."""
    mentions = find_date_mentions(sentence, publication)
    return mentions[0] if mentions else None
