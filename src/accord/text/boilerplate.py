"""Boilerplate that scraped plain text carries: bios, comment forms, teasers, credits.

Works on single-line paragraphs (see :mod:`accord.text.normalize`). Three kinds of cut:

* whole lines that are boilerplate wherever they stand (comment-form prompts, share and
  subscribe prompts, photo credits, copyright lines, wire credits, author bios and the
  author-name lines just above a bio, bylines near the top);
* inline photo credits in parentheses ("(Photo by X/Getty Images)");
* a trailing block that starts at a teaser or comment heading ("Must Read", "Related Articles",
  "LEAVE A REPLY", ...). A heading is a whole short line without final punctuation, so a body
  paragraph that merely mentions "related" is never a heading. The tail is cut only when the
  heading stands in the second half of the text or everything after it is short headline-like
  lines; otherwise just the heading and the headline lines right after it go.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from accord.text.dateline import match_prefix

_I = re.IGNORECASE
# The end of a heading: spaces, then optionally marks and spaces ("Related: ", "More »").
# Written so that a run of spaces has one way to match (not "\s*[marks]*\s*$", which
# splits a run of n spaces n^2 ways before it fails).
_END = r"\s*(?:[:»›>|\-–—.…]+\s*)?$"

TERMINAL = re.compile(r"[.!?…。！？؟۔।॥][\"'”’)\]]*$")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")
_BULLET = re.compile(r"^(?:[-*•·▪◦–]|\d{1,2}[.)])\s")

TEASER_HEADING = re.compile(
    r"^(?:must[- ]reads?|related(?: (?:articles?|stories|story|news|posts?|content|coverage"
    r"|reading|links?|topics?|videos?))?|read (?:more|next|also)|also read|see also"
    r"|recommended(?: (?:for you|stories|articles|reading|videos?))?|more (?:from|on|in|about)"
    r" [^.!?]{1,40}|more (?:stories|news|articles|headlines|videos?)|you (?:may|might) also"
    r" (?:like|be interested in|enjoy)|(?:most|top) (?:read|popular|viewed|shared|stories)"
    r"|trending(?: now| stories| news)?|latest(?: news| stories| articles| headlines)?"
    r"|editor'?’?s picks?|popular(?: stories| posts| articles| now)?|what to read next"
    r"|don'?’?t miss|further reading|in other news|more like this|around the web"
    rf"|sponsored(?: content| stories)?|recent posts?){_END}",
    _I,
)
COMMENT_HEADING = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|comments?|\d+ comments?"
    r"|join the (?:discussion|conversation)|(?:show|view|load|read) comments"
    rf"|have your say){_END}",
    _I,
)
# Headings that open a comment form: nothing of the article follows them.
_COMMENT_FORM_START = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion"
    r"|conversation))\b",
    _I,
)
_INLINE_TEASER = re.compile(
    r"^(?:read more|also read|read also|see also|see more|related|recommended|must read|watch"
    r"|listen|more)\s*[:|›»]\s*\S",
    _I,
)
_COMMENT_PROMPT = re.compile(
    r"^(?:please enter your (?:comment|name|email(?: address)?)(?: here)?|you have entered an"
    r" incorrect email address|please enter it here|save my name,? email,? and website\b.*"
    r"|your email address will not be published\b.*|required fields are marked\b.*"
    r"|cancel reply|post comment|submit comment|notify me of (?:follow-up comments|new posts)\b.*"
    r"|(?:log|sign) in to (?:comment|reply)\b.*|comments are closed\b.*)[.!]*$",
    _I,
)
_SHARE_PROMPT = re.compile(
    r"^(?:share(?: (?:this|the) (?:article|story|post|page|video))?(?: (?:on|via) [\w ]+)?"
    r"|share on (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram)\b.*|tweet"
    r"|e-?mail|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|copy link"
    r"|subscribe(?: now)?(?: (?:to|for) .*)?|sign up (?:for|to) .*|get (?:our|the) .*newsletter.*"
    r"|follow (?:us|him|her|them|@\w+) on .*|click here(?: to| for) .*|join (?:us|our) .*"
    r"(?:channel|community|newsletter|group).*|download (?:our|the) app.*|listen to this article"
    r"|\d+ min(?:ute)? read|advertisement|story continues below advertisement"
    r"|continue reading(?: below| the main story)?|skip advertisement)[.!:]*$",
    _I,
)
_PHOTO_CREDIT = re.compile(
    r"^(?:(?i:(?:photo|photos|photograph|picture|image|file photo|photo credit|image credit"
    r"|credit|source image|top image|header image|featured image)s?\s*(?:\([^)]*\))?\s*[:|—–-]"
    r"|\(?(?:photo|image|picture|video)s? (?:by|courtesy|credit|via)\b"
    r"|image copyright\b|image caption\b|media caption\b|copyright (?:of )?(?:image|photo)\b"
    r"|file (?:photo|image|picture)\b|media playback is (?:unsupported|not supported)\b)"
    r"|(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/)?(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA"
    r"|EPA-EFE|Xinhua|Anadolu(?: Agency)?|Bloomberg|AP Photo|Shutterstock|Alamy)"
    r"(?:/[\w .'-]+)?(?: via Getty Images)?\s*$)",
)
# The spaces before the parenthesis go with it; a match starts only at the first space of
# a run ("(?<!\s)"), as the leftmost match did anyway, so a run is scanned once, not once
# from each of its spaces.
_INLINE_PHOTO = re.compile(
    r"(?<!\s)\s*\((?:(?:file )?(?:photo|image|picture)s?"
    r"(?: by| courtesy(?: of)?| credit:?| via|:)[^()]{1,120}"
    r"|[^()]{1,80}/(?:Getty Images|AFP|Reuters|AP|EPA|Xinhua)[^()]{0,40})\)",
    _I,
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b|all rights reserved\b|this (?:material|article|story) may not be"
    r" (?:published|broadcast|rewritten|redistributed|reproduced)\b)",
    _I,
)
_RIGHTS = re.compile(r"\ball rights reserved\b", _I)
_CREDITS = re.compile(
    r"^[(\[]?(?:additional )?(?:reporting|writing|editing|compiled|edited|translated|produced)"
    r"(?: and (?:editing|writing|reporting))? by\b.*|^[(\[]?with (?:inputs|reporting)"
    r" from\b.*|^[(\[]?this (?:story|article) (?:has been|was) (?:published|generated|edited)"
    r" from (?:a|an) .{0,40}feed\b.*",
    _I,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
    r"(?:\s*(?:,|and|&|\||-|–|—)\s*.{0,60})?$",
)
_TIMESTAMP = re.compile(r"^(?:published|updated|posted|last updated|first published)\b", _I)
# An e-mail address, found by its "@": one character of a local part before it, a dotted
# domain after it. Finds an address exactly where "[\w.+-]+@[\w-]+(?:\.[\w-]+)+" does
# (only whether there is one is asked), but that pattern rescans a long run of local-part
# characters from every start in it: quadratic (200k letters took 100 s).
_EMAIL = re.compile(r"(?<=[\w.+-])@[\w-]+(?:\.[\w-]+)+")
_BIO_START = re.compile(
    r"^(?:about the authors?$|the (?:writer|author|columnist|reporter|contributor|correspondent"
    r"|blogger)s? (?:is|was|are|were|teaches|works|writes|covers|has been|can be)\b)",
    _I,
)
_BIO_SOCIAL = re.compile(
    r"\b(?:tweets|posts) (?:as|at|from|@)|\btweets @|\bfollow (?:him|her|them) on (?:twitter|x"
    r"|instagram)\b|\bon twitter (?:at|@)|\bcan be (?:reached|contacted) (?:at|on|via)\b",
    _I,
)
_BIO_PERSON = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was) (?:an?|the) (?:[\w-]+ ){0,5}"
    r"(?:writer|journalist|columnist|correspondent|reporter|editor|fellow|analyst|author"
    r"|contributor|freelancer|researcher)\b",
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:al|bin|ibn|de|del|da|van|von|der|la|le)-?)$")

_SHORT_LINE_WORDS = 20
_BIO_MAX_WORDS = 120
_EMAIL_MAX_WORDS = 60
_HEADLINE_MAX_WORDS = 15
_HEAD_REGION = 4
_BIO_TAIL_REGION = 5


@dataclass(frozen=True, slots=True)
class Stripped:
    paragraphs: list[str]
    removed: list[str]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_headline_like(paragraph: str, max_words: int = _HEADLINE_MAX_WORDS) -> bool:
    """A short line without final punctuation that is not a list item or a lead-in."""
    text = paragraph.strip()
    if not text or TERMINAL.search(text) or text.endswith((":", ",", ";")):
        return False
    if _BULLET.match(text) or not any(ch.isalpha() for ch in text):
        return False
    return word_count(text) < max_words


def is_name_line(paragraph: str) -> bool:
    tokens = paragraph.split()
    if not 1 <= len(tokens) <= 5 or len(paragraph) > 60 or TERMINAL.search(paragraph):
        return False
    return all(_NAME_TOKEN.match(t) and not any(c.isdigit() for c in t) for t in tokens)


def _short(paragraph: str, limit: int = _SHORT_LINE_WORDS) -> bool:
    return word_count(paragraph) <= limit


def _is_bio(paragraph: str, index: int, total: int) -> bool:
    words = word_count(paragraph)
    if words > _BIO_MAX_WORDS:
        return False
    if _BIO_START.match(paragraph):
        return True
    in_tail = index >= total - _BIO_TAIL_REGION
    if _BIO_SOCIAL.search(paragraph) and (in_tail or "@" in paragraph):
        return True
    return in_tail and words <= 60 and bool(_BIO_PERSON.match(paragraph))


def line_kind(paragraph: str, index: int, total: int) -> str | None:
    """The boilerplate kind of a whole paragraph, or None when it is (probably) body text."""
    text = paragraph.strip()
    if _COMMENT_PROMPT.match(text):
        return "comment-form"
    if _short(text) and _SHARE_PROMPT.match(text):
        return "share-prompt"
    if _short(text, 40) and _PHOTO_CREDIT.match(text):
        return "photo-credit"
    if _short(text, 40) and (_COPYRIGHT.match(text) or _RIGHTS.search(text)):
        return "copyright"
    if _short(text, 60) and _CREDITS.match(text):
        return "wire-credits"
    if _short(text, 30) and _INLINE_TEASER.match(text) and not TERMINAL.search(text):
        return "related-stories"
    if _is_bio(text, index, total):
        return "author-bio"
    if _short(text, _EMAIL_MAX_WORDS) and _EMAIL.search(text):
        return "contact-line"
    if index < _HEAD_REGION and _short(text, 12) and not TERMINAL.search(text):
        if _BYLINE.match(text):
            return "byline"
        if _TIMESTAMP.match(text) and any(ch.isdigit() for ch in text):
            return "timestamp"
    return None


def heading_kind(paragraph: str) -> str | None:
    text = paragraph.strip()
    if not _short(text, 8):
        return None
    if TERMINAL.search(text) and not text.endswith(("...", "…")):
        return None
    if TEASER_HEADING.match(text):
        return "related-stories"
    if COMMENT_HEADING.match(text):
        return "comment-form"
    return None


def _strip_inline(paragraph: str) -> str:
    return " ".join(_INLINE_PHOTO.sub("", paragraph).split())


def _teaser_remainder(paragraphs: list[str], start: int, teasers_from: Sequence[bool]) -> bool:
    """Does what follows a teaser heading (and its headline run), ``paragraphs[start:]``,
    look like more teasers? ``teasers_from[k]``: a headline-like line or a heading stands
    at ``k`` or after."""
    if len(paragraphs) - start <= 1:
        return True
    if match_prefix(paragraphs[start], None) is not None or paragraphs[-1].endswith(("...", "…")):
        return True
    return teasers_from[start]


def _teasers_from(paragraphs: list[str], kinds: Sequence[str | None]) -> list[bool]:
    """For each index, whether a headline-like line or a heading stands there or after it."""
    out = [False] * (len(paragraphs) + 1)
    for k in range(len(paragraphs) - 1, -1, -1):
        out[k] = out[k + 1] or kinds[k] is not None or is_headline_like(paragraphs[k])
    return out


def _cut_tail(paragraphs: list[str], removed: list[str]) -> list[str]:
    """Cut a trailing teaser/comment block, or just an inline teaser block mid-article.

    Linear in the number of paragraphs: what a heading's decision needs (body text above
    it, the size of the text before it, teaser lines below it) is kept or computed once,
    not rescanned at every heading.
    """
    n = len(paragraphs)
    kinds = [heading_kind(p) for p in paragraphs]
    before = list(itertools.accumulate((len(p) for p in paragraphs), initial=0))
    total = before[-1]
    teasers_from: list[bool] | None = None
    out: list[str] = []
    body_above = False  # a paragraph of out ends a sentence
    i = 0
    while i < n:
        kind = kinds[i]
        if kind is None or not body_above:
            out.append(paragraphs[i])
            body_above = body_above or TERMINAL.search(paragraphs[i]) is not None
            i += 1
            continue
        removed.append(kind)
        if kind == "comment-form" and _COMMENT_FORM_START.match(paragraphs[i]):
            removed.extend(k for k in kinds[i + 1 :] if k is not None)
            return out
        j = i + 1
        while j < n and is_headline_like(paragraphs[j], 25):
            j += 1
        # "Late": past half the text, or more paragraphs before the heading than after it.
        late = before[i] * 2 >= total or i >= n - j
        if late and kind != "comment-form" and j < n and teasers_from is None:
            teasers_from = _teasers_from(paragraphs, kinds)
        if j >= n or (
            late
            and (
                kind == "comment-form"
                or (teasers_from is not None and _teaser_remainder(paragraphs, j, teasers_from))
            )
        ):
            removed.extend(k for k in kinds[i + 1 :] if k is not None)
            return out
        i = j
    return out


def strip_boilerplate(paragraphs: list[str]) -> Stripped:
    """Remove boilerplate paragraphs; return what is left and the kinds that were cut."""
    removed: list[str] = []
    kept: list[str] = []
    total = len(paragraphs)
    for index, paragraph in enumerate(paragraphs):
        kind = line_kind(paragraph, index, total)
        if kind is None:
            cleaned = _strip_inline(paragraph)
            if cleaned != paragraph:
                removed.append("photo-credit")
            if cleaned:
                kept.append(cleaned)
            continue
        removed.append(kind)
        if kind == "author-bio":
            _drop_names_above(kept)
    kept = _cut_tail(kept, removed)
    return Stripped(kept, list(dict.fromkeys(removed)))


def _drop_names_above(kept: list[str]) -> None:
    """Author-name lines directly above a bio ("Mian Abrar" twice) belong to the bio."""
    while kept and is_name_line(kept[-1]):
        kept.pop()
