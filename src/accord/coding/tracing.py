"""What the coder decided about each candidate trigger, and why (``accord explain``):
one :class:`Decision` per trigger, recorded by a :class:`Tracer` while a sentence is
coded. Only built when a trace is asked for."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from accord.coding.rules import Drop, Outcome, Step
from accord.model import Mode, ParsedSentence

__all__ = ["Decision", "Tracer"]


@dataclass(frozen=True, slots=True)
class Decision:
    """Why a candidate trigger did or did not become events (for ``accord explain``)."""

    sentence_index: int
    index: int
    """Token index of the trigger within its sentence."""
    token: str
    kind: str
    """'verb' or 'noun'."""
    coded: bool
    reason: str
    code: str | None = None
    rule: str | None = None
    mode: Mode | None = None
    steps: tuple[Step, ...] = ()
    """The rules that changed or dropped the candidate, in order."""


class Tracer:
    """Appends one :class:`Decision` per candidate trigger to ``trace`` (when given)."""

    def __init__(self, trace: list[Decision] | None, ps: ParsedSentence) -> None:
        self._trace = trace
        self._ps = ps

    @property
    def on(self) -> bool:
        return self._trace is not None

    def unmatched(self, i: int, reason: str) -> None:
        if self._trace is not None:
            text = self._ps.tokens[i].text
            self._trace.append(Decision(self._ps.sentence.index, i, text, "verb", False, reason))

    def more_steps(self, trigger: int, steps: tuple[Step, ...], dropped: Drop | None) -> None:
        """Add the target rules' steps to the decision recorded for ``trigger`` (and the
        drop that ended it, if one did)."""
        if self._trace is None or not steps:
            return
        for k in range(len(self._trace) - 1, -1, -1):
            d = self._trace[k]
            if d.sentence_index == self._ps.sentence.index and d.index == trigger:
                d = dataclasses.replace(d, steps=(*d.steps, *steps))
                if dropped is not None:
                    d = dataclasses.replace(d, coded=False, reason=dropped.reason)
                self._trace[k] = d
                return

    def outcome(self, out: Outcome) -> None:
        if self._trace is None:
            return
        c = out.candidate
        if out.dropped is not None:
            reason = out.dropped.reason
        elif c.kind == "noun":
            reason = "participants " + ", ".join(p.code for p in (*c.sources, *c.targets))
        else:
            reason = (
                f"source {', '.join(x.code for x in c.sources)}; target "
                f"{', '.join(x.code for x in c.targets) or 'none'}"
            )
        self._trace.append(
            Decision(
                self._ps.sentence.index,
                c.trigger,
                self._ps.tokens[c.trigger].text,
                c.kind,
                out.dropped is None,
                reason,
                c.code,
                c.rule,
                c.mode,
                out.steps,
            )
        )
