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

import re
from dataclasses import dataclass

from accord.text.dateline import match_prefix

_I = re.IGNORECASE
_END_MARKS = r"\s*[:»›>|\-–—.…]*\s*"

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
    rf"|sponsored(?: content| stories)?|recent posts?){_END_MARKS}$",
    _I,
)
COMMENT_HEADING = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add a comment|comments?|\d+ comments?"
    r"|join the (?:discussion|conversation)|(?:show|view|load|read) comments"
    rf"|have your say){_END_MARKS}$",
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
_INLINE_PHOTO = re.compile(
    r"\s*\((?:(?:file )?(?:photo|image|picture)s?(?: by| courtesy(?: of)?| credit:?| via|:)"
    r"[^()]{1,120}|[^()]{1,80}/(?:Getty Images|AFP|Reuters|AP|EPA|Xinhua)[^()]{0,40})\)",
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
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
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


def _teaser_remainder(rest: list[str]) -> bool:
    """Does what follows a teaser heading (and its headline run) look like more teasers?"""
    if len(rest) <= 1:
        return True
    if match_prefix(rest[0], None) is not None or rest[-1].endswith(("...", "…")):
        return True
    return any(is_headline_like(p) or heading_kind(p) is not None for p in rest)


def _cut_tail(paragraphs: list[str], removed: list[str]) -> list[str]:
    """Cut a trailing teaser/comment block, or just an inline teaser block mid-article."""
    sizes = [len(p) for p in paragraphs]
    total = sum(sizes)
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        kind = heading_kind(paragraphs[i])
        if kind is None or not any(TERMINAL.search(p) for p in out):
            out.append(paragraphs[i])
            i += 1
            continue
        removed.append(kind)
        if kind == "comment-form" and _COMMENT_FORM_START.match(paragraphs[i]):
            removed.extend(k for p in paragraphs[i + 1 :] if (k := heading_kind(p)) is not None)
            return out
        j = i + 1
        while j < len(paragraphs) and is_headline_like(paragraphs[j], 25):
            j += 1
        rest = paragraphs[j:]
        # "Late": past half the text, or more paragraphs before the heading than after it.
        late = sum(sizes[:i]) * 2 >= total or i >= len(rest)
        if not rest or (late and (kind == "comment-form" or _teaser_remainder(rest))):
            removed.extend(k for p in paragraphs[i + 1 :] if (k := heading_kind(p)) is not None)
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
