"""Typed, frozen records that cross every layer boundary.

Data flows one way: ingest -> text -> nlp -> coding -> store -> analysis. Every
stage takes and returns these records; none of them carries library objects
(spaCy docs, DuckDB rows) across a boundary.

Character spans are half-open ``(start, end)`` offsets. Spans on a :class:`Sentence`
index the document's cleaned text; spans on an :class:`Actor` or :class:`Evidence`
index the sentence text of the event that holds them, so that
``event.sentence[start:end] == actor.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

Span = tuple[int, int]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class DateSource(StrEnum):
    TEXT = "text"
    """The sentence dates the event itself ('on Monday'), or the sentence before it in the
    same paragraph does, or an earlier report of the same event."""
    STORY = "story"
    """The sentence does not, but the story does: the period its title names (a monthly
    round-up) or the recent day its lead reports."""
    PUBLICATION = "publication"
    NONE = "none"


class PlaceType(StrEnum):
    """What kind of place an event location is (GDELT's Geo_Type maps from it)."""

    COUNTRY = "country"
    """A country as a whole: its centre point, not its capital."""
    ADMIN1 = "admin1"
    """A first-order division: a US state, an Indian state, a Russian oblast."""
    ADMIN2 = "admin2"
    """A second-order division: a US county, an English county ("Norfolk")."""
    CITY = "city"
    SITE = "site"
    """A landmark or seat of power ("the White House", "the Kremlin"), at its city."""


class PlaceBasis(StrEnum):
    """What placed an event: its own sentence, the story's dateline, or the story's
    context (an earlier sentence, the country it is set in)."""

    SENTENCE = "sentence"
    DATELINE = "dateline"
    CONTEXT = "context"


class Mode(StrEnum):
    """Modality of an event: only ASSERTED events count by default."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    BACKGROUND = "background"
    ALLEGED = "alleged"
    """Reported as someone's allegation ('an allegation he assaulted her', 'accused of
    spying'): the accusation is the event, not the act alleged."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about one input that was still read: something in it was altered or left
    out (undecodable bytes replaced, a date that is no date, HTML past the parser's depth).
    Runs report these beside the failures and go on; ``code`` says which."""

    doc_id: str
    origin: str | None
    stage: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input document after ingest: plain text, never HTML."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    origin: str | None = None
    """Where the document came from (path, path:line, '-')."""
    metadata: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    warnings: tuple[Notice, ...] = ()
    """What reading altered or left out of this input (:class:`Notice`)."""


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, and why. Batches record these and go on."""

    doc_id: str
    origin: str | None
    stage: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    date: dt.date | None
    raw: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """The text layer's output: cleaned text, dateline metadata, sentence spans."""

    doc: Document
    text: str
    sentences: tuple[Sentence, ...]
    dateline: Dateline | None = None
    removed: tuple[str, ...] = ()
    """Names of the boilerplate blocks that were cut (for explanation)."""


@dataclass(frozen=True, slots=True)
class Token:
    """A parsed token, as a plain record (the nlp layer converts spaCy tokens to these)."""

    i: int
    """Index within the sentence."""
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    """Index of the syntactic head within the sentence (== i for the root)."""
    idx: int
    """Character offset within the sentence text."""
    ent_type: str = ""
    ent_iob: str = "O"
    whitespace: str = " "


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    """First token index."""
    end: int
    """One past the last token index."""
    span: Span


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    sentence: Sentence
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    code: str
    """CAMEO-style actor code, e.g. 'USAGOV', 'IGOUNO', '---REB'."""
    country: str | None
    """ISO3 country code, or None for international organisations and unknowns."""
    role: str | None
    """CAMEO role (GOV, MIL, ...), or None."""
    name: str | None
    """Canonical name of the person or organisation when known."""
    span: Span
    """Offsets of ``text`` within the event's sentence."""


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place (GeoNames data), and on an event what placed it there."""

    name: str
    country: str | None
    """ISO3-like country code, following the actor dictionaries (Puerto Rico is USA)."""
    lat: float | None
    lon: float | None
    type: PlaceType | None = None
    fips: str | None = None
    """FIPS 10-4 country code of the place (GeoNames' country table): Puerto Rico's RQ."""
    admin1: str | None = None
    """GeoNames admin-1 code within the FIPS country ('CA', '13'); GDELT's ADM1 code is
    ``fips + admin1``."""
    geonames_id: int | None = None
    basis: PlaceBasis | None = None
    """On an event's location: what placed it (sentence, dateline or context)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    trigger: str
    trigger_span: Span
    rule: str
    """The pattern or rule that fired, e.g. 'verb:MEET_PEOPLE:* (WITH)'."""


@dataclass(frozen=True, slots=True)
class Event:
    doc_id: str
    event_id: str
    sentence_index: int
    sentence: str
    sentence_span: Span
    date: dt.date | None
    date_precision: DatePrecision | None
    date_source: DateSource
    source: Actor
    target: Actor | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    plover_context: str | None
    quad_class: int
    goldstein: float
    mode: Mode
    location: Place | None
    confidence: float
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection keeps of a document's cleaned text
    (:mod:`accord.text.fingerprint`)."""

    text_hash: str
    """SHA-1 of the normalised text: equal for exact duplicates."""
    minhash: tuple[int, ...]
    """MinHash signature over word shingles (32-bit values)."""


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything the pipeline produced for one document."""

    doc: Document
    events: tuple[Event, ...] = ()
    failures: tuple[Failure, ...] = ()
    sentence_count: int = 0
    content_hash: str = ""
    fingerprint: Fingerprint | None = None


@dataclass(frozen=True, slots=True)
class FoldedEvent:
    """One event standing for every event folded into it (GDELT-style counts)."""

    event: Event
    """The first of the folded events (by date, document, sentence, event id)."""
    num_mentions: int
    """Events folded together."""
    num_articles: int
    """Distinct documents they came from."""
    num_sources: int
    """Distinct outlets (URL domain, else the document's source) among those documents."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """What an event output says of the document an event comes from (the event JSON's
    ``url``, ``title`` and ``outlet``; GDELT's SOURCEURL and DATEADDED)."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    """The URL's host without ``www.``, else the document's source field (as the folded
    counts' ``num_sources`` count outlets)."""
    added: dt.datetime | None = None
    """When the document entered the store (UTC); None outside a store."""
