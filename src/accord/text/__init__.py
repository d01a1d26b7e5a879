"""Text layer: cleaning, boilerplate removal, datelines, sentence spans and event dates."""

from __future__ import annotations

from accord.text.clean import clean_document, clean_text
from accord.text.dates import DateMention, find_date_mentions, find_event_date
from accord.text.sentences import split_sentences

__all__ = [
    "DateMention",
    "clean_document",
    "clean_text",
    "find_date_mentions",
    "find_event_date",
    "split_sentences",
]
