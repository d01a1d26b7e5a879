"""Runners around the pure per-document function. No domain logic lives here."""
