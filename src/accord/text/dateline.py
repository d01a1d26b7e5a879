"""Datelines at the start of an article.

Two shapes are recognised:

* a date-only line ("Monday, January 7, 2019", "5 February 2025", "2026-02-04");
* a place/agency prefix of the first paragraph, in every wire style: "BEIJING:",
  "NEW DELHI –", "SÃO PAULO —", "WASHINGTON, D.C. -", "WASHINGTON (Reuters) -",
  "LONDON, Jan 5 (AFP) —", "KYIV, Ukraine (AP) —", "Beijing, Feb. 4 (Xinhua) --",
  "New Delhi [India], Feb 5 (ANI):", "NEW DELHI, Feb 5 (PTI) The ...", "Rio de Janeiro (Reuters) -",
  "Tokyo: The ...", "Kyiv — The ...", "(Reuters) -".

A place is one to five words in capitals ("RIO DE JANEIRO", "HONG KONG/SHANGHAI", "N'DJAMENA")
or one to four title-case words with the particles place names carry ("Rio de Janeiro",
"Port-au-Prince", "St. Petersburg", "Dar es Salaam"); accented letters count. It may be
followed by a region (", Ukraine", ", D.C.", " [India]"), a date (", Feb. 4", ", 5 February
2026") and an agency in parentheses, then ":" or a dash.

How much evidence each place needs, so that an ordinary sentence is never taken for a dateline:

* a place in capitals: ":" or any dash, or an agency ("(PTI)") and no separator;
* a title-case place: an agency or a date, or else (the weak shapes) ":" or a long dash ("–",
  "—", "--"; never a bare hyphen, which is how "Iran - Opec's second-biggest producer - has"
  reads) followed by a whole sentence that is not a quotation ("Xi: We will", 'Xi: "We'),
  does not run into a second dash ("Vera Drake — Leigh's drama — was named") and whose place
  holds no word of a person's title or a heading ("President Trump:", "Update:").

Whatever the shape, the text after a dateline starts with a capital, a digit or a quotation mark
("NATO - the alliance said" is not a dateline) and places of fewer than three letters are
speakers' initials ("NG: This study started"), not datelines. All patterns are anchored
at the paragraph start, with bounded repetition and no nested quantifiers over the same
characters, so matching stays linear in the paragraph length.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

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

# Letters: ASCII, Latin-1 and Latin Extended-A (whose capitals and small letters alternate, so
# the block stands in both classes and the case of a capitals place is checked in Python).
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"

_CAPS_WORD = rf"[{_UP}][{_UP}.'’/\-]*[{_UP}.]"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,4}}"
# "Kyiv", "N'Djamena", "McAllen", "Port-au-Prince", "Sana'a", "al-Ain"; "St." and its kin.
_TITLE_WORD = (
    rf"(?:(?:St|Ste|Mt|Ft)\.|(?:(?:al|el|an|ar|as|ash|at|ad|az|ed)-)?"
    rf"[{_UP}](?:['’][{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?"
    rf"(?:['’\-][{_UP}]?[{_LOW}]+){{0,3}})"
)
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|el|al|am|an|es|on|upon|y|en|sur)"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_TITLE_WORD}){{0,3}}"
_REGION_WORD = rf"[{_UP}][{_UP}{_LOW}.'’\-]*"
_REGION_NAME = rf"{_REGION_WORD}(?:\s+(?:(?:and|of|de|del|da|do)\s+)?{_REGION_WORD}){{0,3}}"
_REGION = rf"(?:,\s*(?P<region>{_REGION_NAME})|\s*\[(?P<region2>{_REGION_NAME})\])"
_DATE_PART = rf"(?:,\s*(?P<date>{_DATE}))"
_AGENCY_NAME = r"(?P<agency>[A-Z][\w .&/'’-]{1,30}|dpa)"
# In parentheses, or between slashes as the press-release wires write it ("/PRNewswire/").
_AGENCY = rf"\s*(?:\({_AGENCY_NAME}\)|/(?P<agency2>[A-Z][\w .&'’-]{{1,30}})/)"
_COLON = r"\s*:(?:\s+|$)"
# A long dash may touch the body ("WASHINGTON—The Senate"); a hyphen never does.
_DASH = rf"\s*(?:(?:-{{1,2}}|[–—―])(?:\s+|$)|[–—―](?=[{_UP}\d\"“]))"
_LONG_DASH = rf"\s*(?:(?:--|[–—―])(?:\s+|$)|[–—―](?=[{_UP}\d\"“]))"
_SEPARATOR = rf"(?:{_COLON}|{_DASH})"
_NO_SEPARATOR = r"\s+"  # after an agency: "NEW DELHI, Feb 5 (PTI) The government ..."

_Case = Literal["caps", "title", "none"]


@dataclass(frozen=True, slots=True)
class _Shape:
    pattern: re.Pattern[str]
    case: _Case
    weak: bool = False
    """A title-case place with neither agency nor date: the body must read as a sentence."""


def _prefix(place: str, tail: str) -> re.Pattern[str]:
    return re.compile(rf"^(?P<place>{place}){_REGION}?{tail}")


_WITH_SEPARATOR = rf"{_DATE_PART}?(?:{_AGENCY})?{_SEPARATOR}"
_AGENCY_THEN_SEPARATOR = rf"{_DATE_PART}?{_AGENCY}{_SEPARATOR}"
_DATE_THEN_SEPARATOR = rf"{_DATE_PART}{_SEPARATOR}"
_AGENCY_THEN_BODY = rf"{_DATE_PART}?{_AGENCY}{_NO_SEPARATOR}"
_DATE_AGENCY_THEN_BODY = rf"{_DATE_PART}{_AGENCY}{_NO_SEPARATOR}"

_SHAPES = (
    _Shape(_prefix(_CAPS_PLACE, _WITH_SEPARATOR), "caps"),
    _Shape(_prefix(_CAPS_PLACE, _AGENCY_THEN_BODY), "caps"),
    _Shape(_prefix(_TITLE_PLACE, _AGENCY_THEN_SEPARATOR), "title"),
    _Shape(_prefix(_TITLE_PLACE, _DATE_THEN_SEPARATOR), "title"),
    _Shape(_prefix(_TITLE_PLACE, _DATE_AGENCY_THEN_BODY), "title"),
    _Shape(re.compile(rf"^\({_AGENCY_NAME}\){_SEPARATOR}"), "none"),
    _Shape(_prefix(_TITLE_PLACE, _COLON), "title", weak=True),
    _Shape(_prefix(_TITLE_PLACE, _LONG_DASH), "title", weak=True),
)

_NOT_PLACES = frozenset({
    "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS",
    "OPINION", "EDITORIAL", "COMMENT", "LIVE", "VIDEO", "PHOTOS", "NOTE", "EDITOR'S NOTE",
    "EDITOR’S NOTE", "FACT CHECK", "CORRECTION", "CLARIFICATION", "REVIEW", "INTERVIEW",
    "EXPLAINER", "FEATURE", "FILE", "WARNING", "READ", "ALSO READ", "READ MORE", "SOURCE",
    "SOURCES", "NB", "PS", "Q", "A", "UPDATE 1", "UPDATE 2", "URGENT", "FLASH", "ALERT",
    "NATO", "OPEC", "UNICEF", "UNESCO", "UNHCR", "WHO", "IMF", "FBI", "CIA", "USA", "BBC",
    "CNN", "ASEAN", "EU", "UN", "US", "UK", "TRANSCRIPT", "SUMMARY", "BACKGROUND", "CONTEXT",
    "QUESTION", "ANSWER", "LIVE UPDATES", "TOP STORIES", "WHAT WE KNOW", "KEY POINTS",
})  # fmt: skip

# Words that make a weak (title-case, no agency, no date) place a person, a body or a heading.
_NOT_PLACE_WORDS = frozenset({
    # titles and roles
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince",
    "Princess", "Pope", "President", "Vice", "Prime", "Minister", "Chancellor", "Secretary",
    "Senator", "Governor", "Mayor", "General", "Gen", "Colonel", "Captain", "Chairman",
    "Chairwoman", "Chair", "Chief", "Director", "Spokesman", "Spokeswoman", "Spokesperson",
    "Ambassador", "Envoy", "Leader", "Speaker", "Judge", "Justice", "Professor", "Prof",
    "Officials", "Official", "Police", "Army", "Government", "Ministry", "Party", "Council",
    "Court", "Committee", "Company", "Group", "Bank", "Union",
    # headings and sentence openers
    "However", "Meanwhile", "Moreover", "Also", "But", "And", "So", "Yet", "Still", "Then",
    "Now", "Here", "There", "This", "That", "These", "Those", "What", "Why", "How", "Who",
    "When", "Where", "Today", "Yesterday", "Tomorrow", "Tonight", "Update", "Updated",
    "Breaking", "Exclusive", "Watch", "Live", "Video", "Photos", "Photo", "Note", "Notes",
    "Editor", "Editorial", "Opinion", "Analysis", "Comment", "Review", "Interview", "Explainer",
    "Feature", "Warning", "Read", "Related", "Source", "Sources", "Summary", "Background",
    "Context", "Question", "Questions", "Answer", "Transcript", "Caption", "Correction",
    "Clarification", "Result", "Results", "Verdict", "Conclusion", "Introduction", "Overview",
    "Key", "Part", "Chapter", "Step", "Day", "Week", "Round", "First", "Second", "Third",
    "Finally", "Firstly", "Secondly", "Instead", "Indeed", "Q", "A", "The", "In", "On", "At",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday",
})  # fmt: skip

# A body that speaks in the first or second person, or opens with a quotation, follows a
# speaker ("Xi: We will"), not a dateline.
_SPEECH_START = re.compile(r"^(?:[\"“”‘'«]|(?:I|I'm|I’m|We|We're|We’re|Our|My|You|Your|Us)\b)")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SPACED_DASH = re.compile(r"\s(?:-{1,2}|[–—―])\s")
_WEAK_MIN_WORDS = 5
_WEAK_MIN_SMALL_WORDS = 2
_MIN_PLACE_LETTERS = 3

_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# Small words of place names, in lower case after the first word ("Dar es Salaam").
_LOWER_PARTICLES = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el",
    "al", "am", "an", "au", "aux", "es", "on", "upon", "y", "en", "sur", "of", "and",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    place: str | None
    date: dt.date | None
    raw: str
    end: int
    """Where the article text proper starts in the paragraph."""
    agency: str | None = None
    """The wire agency ("Reuters", "AP", "Xinhua", "PRNewswire"), if any."""


def title_case_place(text: str) -> str:
    """ "NEW DELHI" -> "New Delhi"; "WASHINGTON, D.C." keeps "D.C."; "RIO DE JANEIRO" ->
    "Rio de Janeiro"; "PORT-AU-PRINCE" -> "Port-au-Prince"; "N'DJAMENA" -> "N'Djamena"."""

    def word(m: re.Match[str]) -> str:
        token = m.group(0)
        if _INITIALISM.match(token):
            return token
        if m.start() > 0 and token.lower() in _LOWER_PARTICLES:
            return token.lower()
        if len(token) > 2 and token[1] in "'’":
            return token[:3].upper() + token[3:].lower()
        return token[:1].upper() + token[1:].lower()

    return re.sub(r"[^\s\-/,]+", word, text)


def _title_case_region(region: str) -> str:
    """ "UKRAINE" -> "Ukraine", but "DC", "NY", "UK", "NSW" stay: a region of three letters or
    fewer in capitals is an abbreviation."""
    return re.sub(
        r"[^\s,]+",
        lambda m: m.group(0) if len(m.group(0)) <= 3 else title_case_place(m.group(0)),
        region,
    )


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


def _place_ok(place: str, case: _Case, weak: bool) -> bool:
    if place.upper() in _NOT_PLACES:
        return False
    if sum(ch.isalpha() for ch in place) < _MIN_PLACE_LETTERS:
        return False
    if case == "caps" and not place.isupper():
        return False
    return not weak or _NOT_PLACE_WORDS.isdisjoint(_WORD.findall(place))


def _body_ok(body: str, weak: bool) -> bool:
    """The article text after a dateline: a capital, digit or quotation mark first; after a
    weak dateline a whole sentence that is no speaker's and no parenthesis."""
    if not body:
        return not weak
    if body[0].islower():
        return False
    if not weak:
        return True
    if _SPEECH_START.match(body) or not (body[0].isupper() or body[0].isdigit()):
        return False
    if not _SENTENCE_END.search(body):
        return False
    first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
    if _SPACED_DASH.search(first):
        return False
    words = _WORD.findall(first)
    small = sum(w[0].islower() for w in words)  # a list of names ("Subs: Marshall, Henchoz.")
    return len(words) >= _WEAK_MIN_WORDS and small >= _WEAK_MIN_SMALL_WORDS


def _match(shape: _Shape, paragraph: str, pub: dt.date | None) -> DatelineMatch | None:
    m = shape.pattern.match(paragraph)
    if m is None:
        return None
    groups = m.groupdict()
    place_raw = groups.get("place")
    if place_raw is not None and not _place_ok(place_raw, shape.case, shape.weak):
        return None
    if not _body_ok(paragraph[m.end() :].strip(), shape.weak):
        return None
    place = None
    if place_raw is not None:
        place = title_case_place(place_raw) if place_raw.isupper() else place_raw
        region = groups.get("region") or groups.get("region2")
        if region:
            region_text = _title_case_region(region) if region.isupper() else region
            place = f"{place}, {region_text}"
    date = None
    if groups.get("date"):
        date = _resolve(
            groups.get("mon") or groups.get("mon2"),
            groups.get("day") or groups.get("day2"),
            groups.get("year") or groups.get("year2"),
            pub,
        )
    agency = groups.get("agency") or groups.get("agency2")
    raw = paragraph[: m.end()].strip()
    return DatelineMatch(
        place=place, date=date, raw=raw, end=m.end(), agency=agency.strip() if agency else None
    )


def match_prefix(paragraph: str, pub: dt.date | None) -> DatelineMatch | None:
    """A dateline prefix at the start of ``paragraph``, if any."""
    for shape in _SHAPES:
        found = _match(shape, paragraph, pub)
        if found is not None:
            return found
    return None
