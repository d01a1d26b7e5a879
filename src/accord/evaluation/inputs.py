"""What an evaluation is given besides the gold: which records to score (:class:`Scope`: a
half of the set, records marked not evaluated) and where the events come from (a live coder,
or :class:`RecordedEvents` read from an ``accord code`` file)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from accord.errors import InputError, MalformedRecord
from accord.evaluation.reference import Half, in_half
from accord.model import Event

_NOTHING: Mapping[str, str] = MappingProxyType({})
_NO_EXCLUSIONS: Mapping[str, tuple[Exclusion, ...]] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A gold record the project does not evaluate, and why (e.g. a PETRARCH test that
    codes 'is about to X' as X, which in news has not happened). ``text``, when given,
    must be the record's text too (a set may use one id twice)."""

    set_name: str
    id: str
    reason: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Which records of a set are scored: those of ``half`` (None: all), less those that
    ``excluded`` names (by id, and by text where the exclusion gives one)."""

    half: Half | None = None
    excluded: Mapping[str, tuple[Exclusion, ...]] = field(default_factory=lambda: _NO_EXCLUSIONS)

    def in_half(self, record_id: str) -> bool:
        return in_half(record_id, self.half)

    def exclusion(self, record_id: str, text: str | None = None) -> str | None:
        """Why the record is not evaluated, or None."""
        for e in self.excluded.get(record_id, ()):
            if e.text is None or e.text == text:
                return e.reason
        return None


def load_exclusions(path: Path | str) -> tuple[Exclusion, ...]:
    """Read an exclusion list: JSON lines ``{"set", "id", "reason"[, "text"]}``; blank lines
    and lines starting with '#' are skipped."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        message = f"cannot read exclusion list: {exc.strerror or exc}"
        raise InputError(message, origin=str(p)) from exc
    found: list[Exclusion] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{p}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(f"invalid JSON: {exc.msg}", origin=where) from exc
        fields = cast(dict[str, Any], row) if isinstance(row, dict) else {}
        if not all(isinstance(fields.get(k), str) and fields[k] for k in ("set", "id", "reason")):
            raise MalformedRecord(
                "an exclusion needs string 'set', 'id' and 'reason'", origin=where
            )
        record_text = fields.get("text")
        if record_text is not None and not isinstance(record_text, str):
            raise MalformedRecord("an exclusion's 'text' must be a string", origin=where)
        found.append(Exclusion(fields["set"], fields["id"], fields["reason"], record_text))
    return tuple(found)


def exclusions_for(
    exclusions: Iterable[Exclusion], set_name: str
) -> Mapping[str, tuple[Exclusion, ...]]:
    """The exclusions of one set (by its name, the gold file's stem), by record id."""
    by_id: dict[str, list[Exclusion]] = {}
    for e in exclusions:
        if e.set_name == set_name:
            by_id.setdefault(e.id, []).append(e)
    return MappingProxyType({k: tuple(v) for k, v in by_id.items()})


@dataclass(frozen=True, slots=True)
class RecordedEvents:
    """Events coded beforehand (what ``accord code`` printed), by document id. Scored as
    printed: every event counts, whatever its mode, as the reference scorer counts them."""

    by_doc: Mapping[str, tuple[Event, ...]]
    origin: str = ""

    @classmethod
    def of(cls, events: Iterable[Event], origin: str = "") -> RecordedEvents:
        grouped: dict[str, list[Event]] = {}
        for e in events:
            grouped.setdefault(e.doc_id, []).append(e)
        return cls(MappingProxyType({k: tuple(v) for k, v in grouped.items()}), origin)

    def get(self, doc_id: str) -> tuple[Event, ...]:
        return self.by_doc.get(doc_id, ())


@dataclass(frozen=True, slots=True)
class CodedDocuments:
    """What a :data:`DocumentCoder` returns: the events of each document asked for, and a
    message for each document it could not code (absent from the corpus, failed)."""

    events: Mapping[str, tuple[Event, ...]]
    errors: Mapping[str, str] = field(default_factory=lambda: _NOTHING)


DocumentCoder = Callable[[Sequence[str]], CodedDocuments]
"""Codes the corpus documents with these ids (whole articles, as ``accord code`` does)."""


def recorded_coder(recorded: RecordedEvents) -> DocumentCoder:
    """A :data:`DocumentCoder` that looks the events up in ``recorded`` (a document with no
    events there has none)."""

    def code(ids: Sequence[str]) -> CodedDocuments:
        return CodedDocuments(MappingProxyType({i: recorded.get(i) for i in ids}))

    return code
