"""What the event store reports: write statistics, stored documents, counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accord.model import Event

__all__ = ["DocumentSummary", "StoreCounts", "StoredEvent", "WriteStats"]


@dataclass(frozen=True, slots=True)
class WriteStats:
    """What one :meth:`EventStore.write` call changed. Stats add up with ``+``."""

    docs_added: int = 0
    docs_replaced: int = 0
    docs_unchanged: int = 0
    events_added: int = 0
    events_removed: int = 0
    failures_recorded: int = 0
    docs_failed: int = 0
    """Results that carried failures: their failures were recorded, the document was not
    stored (so a resumed run retries it) and any earlier stored version was kept."""
    events_undated: int = 0
    """Of the events added, those with no date (from undated documents)."""
    docs_renamed: int = 0
    """Of the documents replaced, those stored before under another id of the same file
    (ids made unique per run: :mod:`accord.store.renames`)."""

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(
            self.docs_added + other.docs_added,
            self.docs_replaced + other.docs_replaced,
            self.docs_unchanged + other.docs_unchanged,
            self.events_added + other.events_added,
            self.events_removed + other.events_removed,
            self.failures_recorded + other.failures_recorded,
            self.docs_failed + other.docs_failed,
            self.events_undated + other.events_undated,
            self.docs_renamed + other.docs_renamed,
        )


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    doc_id: str
    content_hash: str
    title: str | None
    date: dt.date | None
    url: str | None
    source: str | None
    origin: str | None
    sentence_count: int
    event_count: int
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class StoreCounts:
    documents: int
    events: int
    failures: int


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """One stored event with what the store keeps of its document (for replaying it:
    ``accord explain --event``). The store keeps the sentence of each event, not the
    article's whole text."""

    event: Event
    doc_date: dt.date | None
    """The document's publication date (the event's own date may be another)."""
    title: str | None
    url: str | None
