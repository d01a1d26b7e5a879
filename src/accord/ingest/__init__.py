"""Ingest: bytes in, :class:`accord.model.Document` out. Nothing downstream sees HTML."""

from __future__ import annotations

from accord.ingest.documents import document_from_bytes, document_from_record, parse_date
from accord.ingest.readers import iter_documents

__all__ = ["document_from_bytes", "document_from_record", "iter_documents", "parse_date"]
