"""One exception hierarchy with stable error codes.

Library code raises these; batch runners turn them into :class:`accord.model.Failure`
records (stage + code + message) and go on. Only the CLI turns them into exit codes.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base class. ``code`` is stable and documented; ``exit_code`` is the CLI's exit status."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message


class UsageError(AccordError):
    """Bad arguments or settings."""

    code = "usage"
    exit_code = 2


class InputError(AccordError):
    """An input could not be read or decoded into a document."""

    code = "input"
    exit_code = 3


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class DecodeError(InputError):
    code = "undecodable"


class OversizedInput(InputError):
    code = "oversized"


class MalformedRecord(InputError):
    code = "malformed"


class NestingTooDeep(InputError):
    """HTML nested past the parser's depth limit, with no article text before that point."""

    code = "too_deep"


class OtherLanguage(InputError):
    """A document confidently detected as written in a language other than English: the
    coder reads English only, so it is skipped (reported as ``skipped: language=xx``)."""

    code = "language"


class RepeatedId(InputError):
    """A document whose id an earlier document of the same run already had: the first is
    kept, this one is skipped (reported as ``skipped: repeated id ...``)."""

    code = "duplicate_id"


class ResourceError(AccordError):
    """A packaged resource (model, dictionary, table) is missing or broken."""

    code = "resource"
    exit_code = 4


class StoreError(AccordError):
    """The event store could not be opened, read or written."""

    code = "store"
    exit_code = 5


class ProcessingError(AccordError):
    """A document failed inside the pipeline (parse, coding)."""

    code = "processing"
    exit_code = 6
